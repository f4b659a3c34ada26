"""The index follows the content: saves, deletions, the rebuild command, the index's use."""

import random

from django.core.management import call_command

from cus_site.seed import read_seed
from search import words
from search.management.commands.search_benchmark import add_indexed_posts, fake_posts
from search.models import SearchEntry, SearchWord
from tests.factories import PostFactory, TextPageFactory


def titles(language="pl"):
    return set(SearchEntry.objects.filter(language=language).values_list("title", flat=True))


def test_saved_post_gets_an_entry_per_language(db):
    post = PostFactory(title_pl="Klub Seniora", title_en="Seniors' Club", body_pl="<p>Tekst</p>")
    entries = SearchEntry.objects.for_object(post)
    assert sorted(entries.values_list("language", "title")) == [
        ("en", "Seniors' Club"),
        ("pl", "Klub Seniora"),
        ("uk", "Klub Seniora"),
    ]
    assert entries.get(language="en").url == f"/en/aktualnosci/{post.slug_pl}/"


def test_entry_says_when_it_holds_the_polish_text_in_place_of_a_translation(db):
    post = PostFactory(title_pl="Klub", title_en="Club", lead_pl="Zajawka.", lead_en="")
    languages = SearchEntry.objects.for_object(post).values_list(
        "language", "title_language", "text_language"
    )
    assert sorted(languages) == [("en", "", "pl"), ("pl", "", ""), ("uk", "pl", "pl")]


def test_edited_post_is_reindexed(db):
    post = PostFactory(title_pl="Stary tytuł")
    post.title_pl = "Nowy tytuł"
    post.save()
    assert titles() == {"Nowy tytuł"}


def test_deleted_post_leaves_the_index(db):
    PostFactory(title_pl="Zostaje")
    PostFactory(title_pl="Znika").delete()
    assert titles() == {"Zostaje"}


def test_rich_text_is_indexed_as_plain_words(db):
    post = PostFactory(
        title_pl="Spotkanie",
        lead_pl="Zajawka.",
        body_pl="<p>Klub</p><p>Seniora &amp; <b>Juniora</b>, klub</p>",
    )
    entry = SearchEntry.objects.for_object(post).get(language="pl")
    assert entry.text == "Zajawka. Klub Seniora & Juniora, klub"


def test_indexed_words_join_the_vocabulary_once(db):
    PostFactory(title_pl="Tężnia", lead_pl="Klub Seniora, klub.")
    PostFactory(title_pl="Klub", lead_pl="Tężnia.")
    assert sorted(SearchWord.objects.values_list("word", flat=True)) == [
        "klub",
        "seniora",
        "teznia",
    ]


def test_rebuild_command_rewrites_the_index(db):
    PostFactory(title_pl="Wpis")
    TextPageFactory()
    SearchEntry.objects.all().delete()
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert titles() == {"Wpis", "Tekst łatwy do czytania"}
    assert SearchEntry.objects.count() == 6


def test_rebuild_writes_in_batches_without_losing_any(db):
    PostFactory.create_batch(3)
    assert SearchEntry.objects.rebuild(batch_size=2) == 9
    assert SearchEntry.objects.filter(language="uk").count() == 3


def test_planner_chooses_the_gin_indexes_with_many_posts(db):
    """With enough rows PostgreSQL reads the GIN indexes, not the tables (EXPLAIN, no timing);
    the benchmark command shows the same with 10,000 posts, and the times."""
    add_indexed_posts(fake_posts(1000, read_seed().posts, random.Random(1)))
    for query in ["seniorzy", "tezni", "warsztaty plastyczne"]:
        plan = SearchEntry.objects.search(words.query_terms(query), "pl").explain()
        assert "Bitmap Index Scan on search_entry_document" in plan, plan
        assert "Seq Scan on search_searchentry" not in plan, plan
    plan = SearchWord.objects.nearest(words.query_terms("senjorzy")[0]).explain()
    assert "Bitmap Index Scan on search_word_trgm" in plan, plan
