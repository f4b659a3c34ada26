import datetime
from zoneinfo import ZoneInfo

from cus_site.seed import read_seed
from news import demo
from news.models import Category, Post


def test_demo_posts_are_the_seeds_word_for_word(db):
    seed = read_seed()
    demo.load(seed)
    posts = list(Post.objects.published().order_by("-published_at"))
    assert len(posts) == len(seed.posts) == 9
    for post, item in zip(
        posts, sorted(seed.posts, key=lambda p: p.date, reverse=True), strict=True
    ):
        assert post.title_pl == item.title
        assert post.lead_pl == item.lead
        assert not post.lead_pl.endswith("[…]")
        assert post.lead_is_cut == item.lead_is_cut
        assert post.body_pl in ("", None)
        noon = datetime.datetime.combine(item.date, datetime.time(12), ZoneInfo("Europe/Warsaw"))
        assert post.published_at == noon
        assert [category.name for category in post.categories.all()] == [
            "Organizowanie społeczności lokalnej"
        ]


def test_demo_first_post_is_on_the_list_with_its_polish_date(client, db):
    demo.load(read_seed())
    html = client.get("/aktualnosci/").content.decode()
    assert '<time datetime="2023-09-12">12 września 2023</time>' in html
    assert (
        "/aktualnosci/spotkanie-przedstawicieli-mlodziezowej-rady-miejskiej-w-tarnowie-z-seniorami/"
        in html
    )


def test_demo_loads_once(db):
    seed = read_seed()
    assert demo.load(seed) == "dodano wpisy: 9"
    assert demo.load(seed) == "bez zmian"
    assert Post.objects.count() == 9
    assert Category.objects.count() == 1


def test_every_seed_lead_ends_with_the_old_lists_mark_so_every_demo_lead_is_cut(db):
    demo.load(read_seed())
    assert Post.objects.filter(lead_is_cut=True).count() == 9


def test_demo_rows_loaded_before_the_mark_get_it_and_an_editors_post_does_not(db):
    seed = read_seed()
    demo.load(seed)
    Post.objects.update(lead_is_cut=False)
    written = Post.objects.get(title_pl="Dzień Rodzicielstwa Zastępczego 2023")
    written.body_pl = "<p>Pełna relacja.</p>"
    written.save()
    assert demo.load(seed) == "oznaczono ucięte zajawki: 8"
    assert not Post.objects.get(pk=written.pk).lead_is_cut
    assert demo.load(seed) == "bez zmian"


def test_a_cut_lead_ends_with_an_ellipsis_on_the_list_and_the_post_says_it_is_unfinished(
    client, db
):
    demo.load(read_seed())
    listing = client.get("/aktualnosci/").content.decode()
    assert "przedstawiciele Młodzieżowej Rady Miejskiej w Tarnowie wraz ze swoim opiekunem…" in (
        listing.replace("\u00a0", " ")
    )
    post = Post.objects.get(title_pl__startswith="Otwarcie tężni")
    page = client.get(post.get_absolute_url()).content.decode().replace("\u00a0", " ")
    assert "Pomysł na jej…</p>" in page
    assert page.count("Pełna treść tego wpisu nie została jeszcze przeniesiona") == 1
    assert "[…]" not in page


def test_a_complete_lead_has_no_ellipsis_and_no_note(client, db):
    demo.load(read_seed())
    post = Post.objects.get(title_pl__startswith="Otwarcie tężni")
    post.lead_is_cut = False
    post.save()
    page = client.get(post.get_absolute_url()).content.decode()
    assert "Pomysł na jej</p>" in page.replace("\u00a0", " ")
    assert "nie została jeszcze przeniesiona" not in page
