"""What the lists say in words where Django would put a dash or a long sentence: the filters'
empty choice ("wszystkie jednostki", "bez kategorii"), and the page tree's short columns (the
address under the title, a page's role in two words), so that it fits a 1280 px screen."""

import re

import pytest
from django.utils.html import strip_tags

from pages.models import Page
from tests.factories import CategoryFactory, PageFactory, SpecialDayFactory, UnitFactory

pytestmark = pytest.mark.django_db


def text_of(response):
    return re.sub(r"\s+", " ", strip_tags(response.content.decode()))


def filter_choices(response, title):
    """The choices of the list filter with this title, as the editor reads them."""
    html = response.content.decode()
    block = re.search(rf"Według pola {title}.*?</ul>", html, re.S)[0]
    return [
        strip_tags(choice).strip() for choice in re.findall(r"<li[^>]*>(.*?)</li>", block, re.S)
    ]


def test_the_special_days_unit_filter_names_the_days_of_every_unit(admin_client):
    SpecialDayFactory(unit=None)
    SpecialDayFactory(unit=UnitFactory())
    response = admin_client.get("/admin/hours/specialday/")
    assert filter_choices(response, "jednostka")[-1] == "wszystkie jednostki"


def test_the_posts_category_filter_names_the_posts_without_one(admin_client):
    CategoryFactory()
    response = admin_client.get("/admin/news/post/")
    assert filter_choices(response, "kategorie")[-1] == "bez kategorii"


def test_the_page_tree_shows_the_address_under_the_title_and_a_short_role(admin_client):
    top = PageFactory(title_pl="Jak możemy pomóc", slug_pl="jak-mozemy-pomoc", role="uslugi")
    PageFactory(parent=top, title_pl="Asystent rodziny", slug_pl="asystent-rodziny")
    response = admin_client.get("/admin/pages/page/")
    html = response.content.decode()
    assert '<span class="cus-address">/jak-mozemy-pomoc/asystent-rodziny/</span>' in html
    text = text_of(response)
    assert "dział usług" in text
    assert "do którego linkuje strona główna" not in text.split("Filtruj")[0]
    assert set(dict(Page.Role.choices)) == {"", "uslugi", "druki"}  # each has its short name
