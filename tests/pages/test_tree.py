"""The page tree's rules in the model: addresses from the path of slugs in each language, the
tree's order, what is public, at most four levels, no loops, and redirects when a page moves."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from pages.models import Page, Redirect
from tests.factories import PageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def about():
    """O nas › Struktura organizacyjna › Działy, the last with an English slug."""
    top = PageFactory(title_pl="O nas", slug_pl="o-nas", slug_en="about-us")
    structure = PageFactory(parent=top, title_pl="Struktura", slug_pl="struktura")
    PageFactory(parent=structure, title_pl="Działy", slug_pl="dzialy", slug_en="departments")
    return top


def addresses():
    return {page.title_pl: page.get_absolute_url() for page in Page.objects.all()}


def test_address_is_the_path_of_slugs_with_each_language_own_or_polish(about):
    assert addresses() == {
        "O nas": "/o-nas/",
        "Struktura": "/o-nas/struktura/",
        "Działy": "/o-nas/struktura/dzialy/",
    }
    pages = Page.objects.order_by("depth")
    assert [page.url_path_en for page in pages] == [
        "about-us/",
        "about-us/struktura/",
        "about-us/struktura/departments/",
    ]
    assert [page.url_path_uk for page in pages] == [
        "o-nas/",
        "o-nas/struktura/",
        "o-nas/struktura/dzialy/",
    ]


def test_tree_order_is_depth_first_by_the_siblings_positions():
    second = PageFactory(title_pl="Druga", slug_pl="b", position=2)
    first = PageFactory(title_pl="Pierwsza", slug_pl="ab", position=1)
    PageFactory(parent=second, title_pl="Pod drugą", slug_pl="a", position=0)
    PageFactory(parent=first, title_pl="Pod pierwszą", slug_pl="z", position=9)
    titles = list(Page.objects.values_list("title_pl", flat=True))
    assert titles == ["Pierwsza", "Pod pierwszą", "Druga", "Pod drugą"]


def test_a_draft_hides_every_page_below_it(about):
    structure = Page.objects.get(slug_pl="struktura")
    structure.is_published = False
    structure.save()
    assert list(Page.objects.published().values_list("title_pl", flat=True)) == ["O nas"]


def test_ancestors_and_subtree_cost_one_query_each(about, django_assert_num_queries):
    with django_assert_num_queries(1):
        page = Page.objects.at_address("o-nas/struktura/dzialy/")
        assert [ancestor.title_pl for ancestor in page.ancestors] == ["O nas", "Struktura"]
    with django_assert_num_queries(1):
        below = list(Page.objects.under(about).values_list("title_pl", flat=True))
    assert below == ["Struktura", "Działy"]


def test_moving_a_page_carries_its_subtree_and_redirects_every_old_address(about):
    structure = Page.objects.get(slug_pl="struktura")
    structure.slug_pl = "struktura-organizacyjna"
    structure.save()
    assert addresses()["Działy"] == "/o-nas/struktura-organizacyjna/dzialy/"
    redirects = dict(Redirect.objects.values_list("old_address", "target"))
    assert redirects == {
        "/o-nas/struktura/": "/o-nas/struktura-organizacyjna/",
        "/o-nas/struktura/dzialy/": "/o-nas/struktura-organizacyjna/dzialy/",
        "/en/about-us/struktura/": "/en/about-us/struktura-organizacyjna/",
        "/en/about-us/struktura/departments/": "/en/about-us/struktura-organizacyjna/departments/",
        "/uk/o-nas/struktura/": "/uk/o-nas/struktura-organizacyjna/",
        "/uk/o-nas/struktura/dzialy/": "/uk/o-nas/struktura-organizacyjna/dzialy/",
    }
    assert set(Redirect.objects.values_list("origin", flat=True)) == {"przeniesienie"}


def test_a_second_move_collapses_the_chain_and_a_move_back_drops_the_redirect(about):
    structure = Page.objects.get(slug_pl="struktura")
    structure.parent = None
    structure.save()
    depths = dict(Page.objects.values_list("title_pl", "depth"))
    assert depths == {"O nas": 1, "Struktura": 1, "Działy": 2}
    structure.slug_pl = "zespoly"
    structure.save()
    polish = dict(
        Redirect.objects.exclude(old_address__regex="^/(en|uk)/").values_list(
            "old_address", "target"
        )
    )
    assert polish == {
        "/o-nas/struktura/": "/zespoly/",
        "/o-nas/struktura/dzialy/": "/zespoly/dzialy/",
        "/struktura/": "/zespoly/",
        "/struktura/dzialy/": "/zespoly/dzialy/",
    }
    structure.slug_pl = "struktura"
    structure.save()
    polish = dict(
        Redirect.objects.exclude(old_address__regex="^/(en|uk)/").values_list(
            "old_address", "target"
        )
    )
    assert polish == {
        "/o-nas/struktura/": "/struktura/",
        "/o-nas/struktura/dzialy/": "/struktura/dzialy/",
        "/zespoly/": "/struktura/",
        "/zespoly/dzialy/": "/struktura/dzialy/",
    }


def test_a_new_page_at_a_redirected_address_takes_it_over(about):
    Redirect.objects.create(old_address="/kierownictwo/", target="/o-nas/")
    PageFactory(slug_pl="kierownictwo")
    assert not Redirect.objects.filter(old_address="/kierownictwo/").exists()


def test_the_orm_cannot_put_a_page_under_its_own_subpage(about):
    below = Page.objects.get(slug_pl="dzialy")
    about.parent = below
    with pytest.raises(ValidationError), transaction.atomic():
        about.save()
    assert Page.objects.get(pk=about.pk).parent is None
    assert not Redirect.objects.exists()


def test_the_database_refuses_a_fifth_level_even_from_the_orm(about):
    fourth = PageFactory(parent=Page.objects.get(slug_pl="dzialy"), slug_pl="czwarty")
    with pytest.raises(IntegrityError), transaction.atomic():
        PageFactory(parent=fourth, slug_pl="piaty")
    other = PageFactory(slug_pl="inny")
    about.parent = other  # the subtree would go one level down, Działy's child to the fifth
    with pytest.raises(IntegrityError), transaction.atomic():
        about.save()
    assert Page.objects.get(slug_pl="czwarty").depth == 4


def test_only_a_top_level_page_can_be_in_the_menu(about):
    structure = Page.objects.get(slug_pl="struktura")
    structure.in_menu = True
    with pytest.raises(ValidationError) as refused:
        structure.full_clean()
    assert "tylko stronę najwyższego poziomu" in str(refused.value)


def errors_of(page):
    with pytest.raises(ValidationError) as refused:
        page.full_clean()
    return refused.value.message_dict


def test_clean_refuses_a_loop_with_a_polish_message(about):
    about.parent = Page.objects.get(slug_pl="dzialy")
    assert "nie może leżeć pod samą sobą" in errors_of(about)["parent"][0]
    about.parent = about
    assert "nie może leżeć pod samą sobą" in errors_of(about)["parent"][0]


def test_clean_counts_the_levels_of_the_whole_subtree(about):
    PageFactory(parent=Page.objects.get(slug_pl="dzialy"), slug_pl="czwarty")
    about.parent = PageFactory(slug_pl="inny")
    assert errors_of(about)["parent"] == [
        "Drzewo stron ma najwyżej 4 poziomy, a tu strona „O nas” znalazłaby się na poziomie 5. "
        "Wybierz stronę nadrzędną wyżej w drzewie."
    ]


def test_clean_refuses_an_address_another_page_has_in_any_language(about):
    twin = Page(parent=about, title_pl="Struktura 2", slug_pl="struktura")
    assert errors_of(twin)["slug_pl"] == [
        "Adres „/o-nas/struktura/” ma już inna strona. Zmień adres tej strony albo wybierz "
        "inną stronę nadrzędną."
    ]
    english_twin = Page(parent=about, title_pl="Wydziały", slug_pl="wydzialy", slug_en="struktura")
    assert "„/en/about-us/struktura/”" in errors_of(english_twin)["slug_en"][0]


@pytest.mark.parametrize(
    "slug",
    [
        "aktualnosci",
        "godziny-otwarcia",
        "kontakt",
        "szukaj",
        "admin",
        "en",
        "uk",
        "media",
        "static",
        "wyglad",
        "dokumenty",
        "osl",
    ],
)
def test_a_top_level_slug_may_not_shadow_a_route_of_the_site(slug):
    page = Page(title_pl="Strona", slug_pl=slug)
    assert errors_of(page)["slug_pl"] == [
        f"Adres „/{slug}/” należy do stałej części serwisu (np. aktualności, godzin otwarcia "
        f"albo panelu administracyjnego). Wybierz inny, np. „{slug}-informacje”."
    ]


def test_the_same_slug_is_fine_below_the_top_level(about):
    Page(parent=about, title_pl="Kontakt z działami", slug_pl="kontakt").full_clean()
