import pytest
from django.core.exceptions import ValidationError

from cus_site.slugs import slugify_pl
from news.models import Post
from tests.factories import PostFactory


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Młodzieżowa Rada Miejska", "mlodziezowa-rada-miejska"),
        ("ŁĄKA, ŚWIĘTO, ŻÓŁW, ŹRÓDŁO, ĆMA, ŃA", "laka-swieto-zolw-zrodlo-cma-na"),
        ("Zażółć gęślą jaźń", "zazolc-gesla-jazn"),
        ("„DOBRODZIEŃ’23” – CZAS PODSUMOWAŃ", "dobrodzien23-czas-podsumowan"),
    ],
)
def test_slug_transliterates_every_polish_letter(title, slug):
    assert slugify_pl(title) == slug


def test_long_title_is_cut_at_a_word(db):
    slug = Post.objects.unique_slug("Spotkanie " * 30)
    assert len(slug) <= 150
    assert slug.endswith("spotkanie")


def test_taken_slug_gets_a_number(db):
    PostFactory(slug_pl="piknik")
    PostFactory(slug_pl="piknik-2")
    assert Post.objects.unique_slug("Piknik") == "piknik-3"


@pytest.mark.parametrize("title", ["2023", "RSS", "Kategoria", "Strona"])
def test_made_slug_never_shadows_the_lists_own_paths(db, title):
    slug = Post.objects.unique_slug(title)
    assert slug.endswith("-wpis")


@pytest.mark.parametrize("slug", ["2023", "12", "rss", "kategoria", "strona", "podglad"])
def test_reserved_slug_is_refused_in_polish(db, slug):
    post = PostFactory.build(slug_pl=slug)
    with pytest.raises(ValidationError) as error:
        post.full_clean()
    assert "jest zajęty przez listę aktualności" in str(error.value.message_dict["slug_pl"])
