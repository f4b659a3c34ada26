"""Nothing an editor wrote is lost: every save keeps a version (with its parts and every
language), the history compares two versions and restores one, deleted items come back with
their parts, and files stay while a version names them."""

from importlib import import_module
from io import StringIO

import lxml.html
import pytest
import reversion
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core.files.storage import default_storage
from django.core.management import call_command
from reversion.models import Revision, Version

from cus_site.admin import VersionedAdmin
from cus_site.permissions import HOURS_EDITORS
from cus_site.revisions import VERSIONED, recorded
from hours.models import Unit, WeeklyHours
from news.models import Post, PostImage
from osl.models import Partner, Programme
from tests.factories import (
    PartnerFactory,
    PostFactory,
    PostImageFactory,
    ProgrammeFactory,
    UnitFactory,
    UserFactory,
    WeeklyHoursFactory,
)

pytestmark = pytest.mark.django_db


def submitted(response, form_id):
    """What a browser would send from the page's form: every field with its value."""
    page = lxml.html.fromstring(response.content.decode())
    form = page.get_element_by_id(form_id)
    data = {}
    for name, value in form.form_values():
        data.setdefault(name, []).append(value)
    return data


def save_form(client, url, form_id, **changes):
    """Open an admin form, change some fields and save it as an editor would."""
    data = submitted(client.get(url), form_id)
    data.update({name: [value] for name, value in changes.items()})
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return response


def text_of(response):
    return " ".join(lxml.html.fromstring(response.content.decode()).text_content().split())


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def post_with_gallery():
    with recorded("Pierwsza wersja z testu"):
        post = PostFactory(title_pl="Dzień otwarty", title_uk="День відкритих дверей")
        PostImageFactory(post=post, caption_pl="Sala na parterze")
    return post


def change_url(obj):
    return f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/change/"


def history_url(obj):
    return f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/history/"


def test_every_content_admin_keeps_history():
    for label in VERSIONED:
        model = apps.get_model(label)
        assert reversion.is_registered(model), label
        if model in admin.site._registry:
            assert isinstance(admin.site._registry[model], VersionedAdmin), label


def test_a_save_in_the_admin_records_who_every_language_and_the_gallery(
    editor_client, editor, post_with_gallery
):
    save_form(
        editor_client,
        change_url(post_with_gallery),
        "post_form",
        title_en="Open day",
        lead_pl="Nowa zajawka.",
    )

    revision = Revision.objects.latest("date_created")
    assert revision.user == editor
    saved = {version.content_type.model: version for version in revision.version_set.all()}
    assert set(saved) == {"post", "postimage"}
    fields = saved["post"].field_dict
    assert (fields["title_pl"], fields["title_en"], fields["title_uk"]) == (
        "Dzień otwarty",
        "Open day",
        "День відкритих дверей",
    )
    assert saved["postimage"].field_dict["caption_pl"] == "Sala na parterze"


def test_publishing_from_the_list_keeps_a_version_signed_by_the_editor(
    editor_client, editor, post_with_gallery
):
    Post.objects.filter(pk=post_with_gallery.pk).update(status=Post.Status.DRAFT)
    editor_client.post(
        "/admin/news/post/", {"action": "publish", "_selected_action": [post_with_gallery.pk]}
    )
    revision = Revision.objects.latest("date_created")
    assert (revision.user, revision.comment) == (editor, "Opublikowano z listy wpisów")
    version = revision.version_set.get(content_type__model="post")
    assert version.field_dict["status"] == Post.Status.PUBLISHED


def test_history_lists_the_versions_in_polish(editor_client, post_with_gallery):
    save_form(
        editor_client, change_url(post_with_gallery), "post_form", title_pl="Dzień otwarty CUS"
    )

    page = text_of(editor_client.get(history_url(post_with_gallery)))

    assert "Pierwsza wersja z testu" in page
    assert "Zmodyfikowano Tytuł [pl]." in page
    assert "Porównaj wersje" in page
    assert "Kliknij datę, aby zobaczyć tamtą wersję i ją przywrócić" in page
    for english in ("Choose a date", "compare", "Date/time", "Comment"):
        assert english not in page


def test_comparison_shows_each_language_field_that_changed(editor_client, post_with_gallery):
    save_form(
        editor_client,
        change_url(post_with_gallery),
        "post_form",
        title_uk="День відкритих дверей у ЦСП",
    )
    older, newer = Version.objects.get_for_object(post_with_gallery).order_by("pk")

    response = editor_client.get(
        history_url(post_with_gallery) + "compare/",
        {"version_id1": older.pk, "version_id2": newer.pk},
    )

    html = response.content.decode()
    page = text_of(response)
    assert response.status_code == 200
    assert "Porównanie wersji: Dzień otwarty" in page
    assert "Tytuł [uk]" in page
    assert "<ins> у ЦСП</ins>" in html
    # Only what differs: the Polish title stayed, and `title` would repeat a language's title.
    assert "Tytuł [pl]" not in page
    assert "None" not in page  # a field empty in both versions is no difference
    assert "Przywróć wersję z" in page
    for english in ("Compare", "There are no differences", "Revert", "Go back"):
        assert english not in page


def test_comparison_shows_what_changed_in_a_gallery_photo(editor_client, post_with_gallery):
    with recorded("Nowy podpis"):
        image = post_with_gallery.images.get()
        image.caption_pl = "Sala na parterze, wejście od podwórza"
        image.save()
        post_with_gallery.save()
    older, newer = Version.objects.get_for_object(post_with_gallery).order_by("pk")

    response = editor_client.get(
        history_url(post_with_gallery) + "compare/",
        {"version_id1": older.pk, "version_id2": newer.pk},
    )

    page = text_of(response)
    assert "Galeria zdjęć" in page
    assert "Podpis [pl]" in page
    assert "<ins>, wejście od podwórza</ins>" in response.content.decode()


def test_comparison_escapes_what_editors_typed(editor_client, post_with_gallery):
    payload = '<img src=x onerror="alert(1)"> i długi tytuł, dłuższy niż dwadzieścia znaków'
    with recorded("Próba"):
        post_with_gallery.title_en = payload
        post_with_gallery.save()
    older, newer = Version.objects.get_for_object(post_with_gallery).order_by("pk")

    html = editor_client.get(
        history_url(post_with_gallery) + "compare/",
        {"version_id1": older.pk, "version_id2": newer.pk},
    ).content.decode()

    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html


def test_restoring_a_version_brings_the_old_text_back_to_the_public_page(
    editor_client, post_with_gallery, client
):
    save_form(
        editor_client,
        change_url(post_with_gallery),
        "post_form",
        lead_pl="Zajawka, która okazała się błędem.",
    )
    first = Version.objects.get_for_object(post_with_gallery).order_by("pk").first()
    revert_url = f"{history_url(post_with_gallery)}{first.pk}/"

    form_page = editor_client.get(revert_url)
    assert "Tak wyglądała ta wersja" in text_of(form_page)
    save_form(editor_client, revert_url, "post_form")

    post_with_gallery.refresh_from_db()
    assert post_with_gallery.lead_pl == first.field_dict["lead_pl"]
    public = client.get(post_with_gallery.get_absolute_url())
    assert first.field_dict["lead_pl"] in public.content.decode()
    assert "okazała się błędem" not in public.content.decode()
    # The restoring is itself a version: the wrong text stays in the history.
    assert Version.objects.get_for_object(post_with_gallery).count() == 3


def test_a_deleted_post_comes_back_with_its_gallery_and_photos(
    editor_client, post_with_gallery, django_capture_on_commit_callbacks
):
    image = post_with_gallery.images.get()
    photo_name = image.image.name
    url = f"/admin/news/post/{post_with_gallery.pk}/delete/"
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(url, {"post": "yes"})
    assert not Post.objects.exists()
    assert not default_storage.exists(photo_name)  # hidden, not deleted

    recover_list = editor_client.get("/admin/news/post/recover/")
    assert "Dzień otwarty" in text_of(recover_list)
    assert "Przywróć usunięte" in text_of(editor_client.get("/admin/news/post/"))
    deleted = Version.objects.get_deleted(Post).get()
    recover_url = f"/admin/news/post/recover/{deleted.pk}/"
    assert "Tak wyglądał ten element przed usunięciem" in text_of(editor_client.get(recover_url))
    with django_capture_on_commit_callbacks(execute=True):
        save_form(editor_client, recover_url, "post_form")

    post = Post.objects.get()
    assert post.title_pl == "Dzień otwarty"
    restored = PostImage.objects.get(post=post)
    assert restored.caption_pl == "Sala na parterze"
    assert default_storage.exists(restored.image.name)
    assert restored.image.name.startswith("public/")


def test_nothing_to_recover_is_said_in_polish(editor_client):
    page = text_of(editor_client.get("/admin/news/post/recover/"))
    assert "Nie ma usuniętych elementów do przywrócenia." in page
    assert "There are no" not in page


def test_a_deleted_programme_comes_back_with_its_partners(editor_client, client):
    with recorded("Program z testu"):
        programme = ProgrammeFactory(title_pl="Osiedle Westerplatte")
        PartnerFactory(programme=programme, name_pl="Rada Osiedla")
    address = programme.get_absolute_url()
    editor_client.post(f"/admin/osl/programme/{programme.pk}/delete/", {"post": "yes"})
    assert client.get(address).status_code == 404

    deleted = Version.objects.get_deleted(Programme).get()
    save_form(editor_client, f"/admin/osl/programme/recover/{deleted.pk}/", "programme_form")

    assert Partner.objects.get().name_pl == "Rada Osiedla"
    page = client.get(address)
    assert page.status_code == 200
    assert "Osiedle Westerplatte" in page.content.decode()


def test_a_version_clashing_with_a_newer_row_is_refused_in_polish(editor_client):
    with recorded("Program z testu"):
        programme = ProgrammeFactory(title_pl="Osiedle Westerplatte", slug_pl="westerplatte")
    editor_client.post(f"/admin/osl/programme/{programme.pk}/delete/", {"post": "yes"})
    ProgrammeFactory(title_pl="Nowe Westerplatte", slug_pl="westerplatte")
    deleted = Version.objects.get_deleted(Programme).get()

    response = editor_client.get(f"/admin/osl/programme/recover/{deleted.pk}/", follow=True)

    assert response.status_code == 200
    assert (
        "Tej wersji nie da się przywrócić: inny element ma już ten sam adres albo nazwę"
        in text_of(response)
    )
    assert list(Programme.objects.values_list("title_pl", flat=True)) == ["Nowe Westerplatte"]


@pytest.fixture
def hours_editor_client(client):
    if not Group.objects.filter(name=HOURS_EDITORS).exists():
        migration = import_module("hours.migrations.0002_hours_editors")
        migration.create_hours_editors(apps, schema_editor=None)
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=HOURS_EDITORS))
    client.force_login(user)
    return client


def test_hours_editors_restore_a_deleted_unit_with_its_weekly_hours(hours_editor_client):
    with recorded("Godziny z testu"):
        unit = UnitFactory(short_name="Klub Senior+")
        WeeklyHoursFactory(unit=unit)
    save_form(hours_editor_client, change_url(unit), "unit_form", short_name="Klub Seniora")
    assert hours_editor_client.get(history_url(unit)).status_code == 200

    hours_editor_client.post(f"/admin/hours/unit/{unit.pk}/delete/", {"post": "yes"})
    deleted = Version.objects.get_deleted(Unit).get()
    save_form(hours_editor_client, f"/admin/hours/unit/recover/{deleted.pk}/", "unit_form")

    assert Unit.objects.get().short_name == "Klub Seniora"
    assert WeeklyHours.objects.filter(unit__short_name="Klub Seniora").count() == 1


def test_load_demo_records_a_revision_with_a_comment():
    call_command("load_demo", stdout=StringIO())
    revision = Revision.objects.get()
    assert revision.comment == "Treści demonstracyjne (manage.py load_demo)"
    assert revision.version_set.filter(content_type__model="programme").exists()


# Files.


def remove_unused(*options):
    output = StringIO()
    call_command("remove_unused_media", "--keep-hours=0", *options, stdout=output)
    return output.getvalue()


def test_a_replaced_photo_stays_while_a_version_names_it(
    post_with_gallery, django_capture_on_commit_callbacks
):
    image = post_with_gallery.images.get()
    old_name = image.image.name
    with recorded("Nowe zdjęcie"), django_capture_on_commit_callbacks(execute=True):
        image.image = PostImageFactory.build().image
        image.save()
    hidden = old_name.replace("public/", "private/", 1)
    assert default_storage.exists(hidden)

    assert "0 unused file(s)" in remove_unused()
    assert default_storage.exists(hidden)

    Version.objects.get_for_object(image).exclude(revision__comment="Nowe zdjęcie").delete()
    listed = remove_unused("--dry-run")
    assert hidden in listed and "1 unused file(s) would be deleted" in listed
    assert default_storage.exists(hidden)
    assert "1 unused file(s) deleted" in remove_unused()
    assert not default_storage.exists(hidden)
    assert default_storage.exists(PostImage.objects.get().image.name)


def test_recent_files_are_kept_whatever_names_them(post_with_gallery):
    Version.objects.all().delete()
    image = post_with_gallery.images.get()
    with reversion.create_revision():
        image.image = PostImageFactory.build().image
        image.save()
    Version.objects.get_for_object(image).delete()
    output = StringIO()
    call_command("remove_unused_media", stdout=output)
    assert "0 unused file(s) deleted" in output.getvalue()


# Every versioned admin's screens, on the demo content.

VERSIONED_ADMINS = [
    model for model, model_admin in admin.site._registry.items()
    if isinstance(model_admin, VersionedAdmin)
]  # fmt: skip


def model_admin_of(model):
    return admin.site._registry[model]


@pytest.mark.parametrize("model", VERSIONED_ADMINS, ids=lambda model: model._meta.label)
def test_history_and_recovery_screens_open_for_every_versioned_model(admin_client, model):
    call_command("load_demo", stdout=StringIO())
    prefix = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
    row = model._base_manager.first()

    # A single row (the site's settings, the statement) is never added, so never recovered.
    addable = model_admin_of(model).has_add_permission(admin_client.get("/admin/").wsgi_request)
    assert admin_client.get(prefix + "recover/").status_code == (200 if addable else 403)
    if row is not None:
        history = admin_client.get(f"{prefix}{row.pk}/history/")
        assert history.status_code == 200
        assert "Kliknij datę" in history.content.decode()
