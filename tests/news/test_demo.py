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
