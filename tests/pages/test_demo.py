"""`load_demo` loads the seed file's content and a second run changes nothing."""

from django.apps import apps
from django.core import serializers
from django.core.management import call_command

from cus_site.seed import SEED_FILE, read_seed

OUR_APPS = ("hours", "news", "events", "osl", "pages")


def snapshot():
    rows = {}
    for label in OUR_APPS:
        for model in apps.get_app_config(label).get_models():
            rows[model._meta.label] = serializers.serialize("json", model.objects.order_by("pk"))
    return rows


def test_seed_file_is_kept_in_the_repository():
    assert SEED_FILE.exists()
    assert "Centrum Usług Społecznych w Tarnowie" in SEED_FILE.read_text(encoding="utf-8")


def test_seed_is_read_word_for_word():
    seed = read_seed()
    assert [unit.short_name for unit in seed.units] == ["CUS", "BOM"]
    assert seed.units[1].rows == (
        ("poniedziałek", "8:00 - 17:00"),
        ("wtorek - piątek", "8:00 - 15:00"),
    )
    assert len(seed.posts) == 9
    assert seed.posts[0].title == (
        "Spotkanie przedstawicieli Młodzieżowej Rady Miejskiej w Tarnowie z Seniorami"
    )
    assert not any(post.lead.endswith("[…]") for post in seed.posts)
    text = SEED_FILE.read_text(encoding="utf-8")
    for post in seed.posts:
        assert post.title in text
        assert post.lead in text
    assert seed.introduction.footnotes[0].endswith("Warszawa 2014")
    assert seed.introduction.paragraphs[-1].endswith("będzie m.in.:")


def test_load_demo_twice_adds_and_changes_nothing(db):
    call_command("load_demo", verbosity=0)
    first = snapshot()
    call_command("load_demo", verbosity=0)
    assert snapshot() == first
