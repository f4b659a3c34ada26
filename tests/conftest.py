from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache, caches
from django.utils import translation

from cus_site.permissions import CONTENT_EDITORS, HOURS_EDITORS
from tests.factories import UserFactory
from tests.s3 import object_storage, s3_endpoint  # noqa: F401 (fixtures)


def pytest_configure():
    # The page copies are tested on their own (tests/cus_site/test_cache.py, `page_cache`);
    # elsewhere each request renders its page, as with PAGE_CACHE=0. The fragments stay on.
    settings.PAGE_CACHE = False
    # Tests run with DEBUG off, as production does, but without the manifest that only
    # `collectstatic` writes.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files of a test go to its own folder and vanish with it."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def empty_cache(request):
    """Each test starts with an empty cache: the database is rolled back between tests, so a
    cached row would outlive it.

    Then, in a test with the database, the centre's details (read by every page's layout) are
    cached as a running site has them, so a page's query count does not depend on whether it
    is the test's first request; saving the details drops them from the cache again.
    The pages' alias is emptied too (in tests only: the site itself never clears it).
    """
    cache.clear()
    caches["pages"].clear()
    database = next(
        (name for name in ("transactional_db", "db") if name in request.fixturenames), None
    )
    if database:
        from pages.models import SiteSettings

        request.getfixturevalue(database)
        SiteSettings.objects.get_current()


@pytest.fixture(autouse=True)
def polish_by_default():
    """A request under /en/ leaves English active in the test's thread; each test starts in
    Polish again, so `reverse()` gives Polish addresses whatever ran before."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def page_cache(settings):
    """The page copies on, as on the site."""
    settings.PAGE_CACHE = True
    return caches["pages"]


@pytest.fixture
def editor(db):
    """A staff member of the content editors' group and nothing more. The content apps' data
    migrations give the group its permissions; they run again here because a transactional
    test earlier may have flushed the rows they made (run again, they change nothing)."""
    for app in ("news", "osl", "pages"):
        import_module(f"{app}.migrations.0002_content_editors").grant(django_apps, None)
    import_module("events.migrations.0002_audiences_and_editors").grant(django_apps, None)
    import_module("pages.migrations.0004_notice_editors").grant(django_apps, None)
    import_module("pages.migrations.0008_content_editors_page_tree").grant(django_apps, None)
    user = UserFactory(username="redaktorka", is_staff=True)
    user.groups.add(Group.objects.get(name=CONTENT_EDITORS))
    return user


@pytest.fixture
def hours_editor(db):
    """A staff member of the hours editors' group and nothing more (its data migration runs
    again, as for `editor`)."""
    import_module("hours.migrations.0002_hours_editors").create_hours_editors(django_apps, None)
    user = UserFactory(username="redaktor-godzin", is_staff=True)
    user.groups.add(Group.objects.get(name=HOURS_EDITORS))
    return user
