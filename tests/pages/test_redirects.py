"""The site's one table of redirects: stored normalised, chains collapsed, loops refused, and
answered after our own routes and the page tree, with the Polish 404 last."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages import redirects
from pages.models import Redirect
from tests.factories import PageFactory

pytestmark = pytest.mark.django_db
MOVED = Redirect.Origin.PAGE_MOVED


def stored():
    return dict(Redirect.objects.values_list("old_address", "target"))


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("/o-nas/", "/o-nas/"),
        ("  https://cus.tarnow.pl/o-nas/  ", "/o-nas/"),
        ("/?p=123", "/?p=123"),
        ("http://stara.example.org/?page_id=5&preview=", "/?page_id=5&preview="),
        ("/?b=2&a=1", "/?a=1&b=2"),
        ("/2023/09/12/dzie%C5%84-seniora/", "/2023/09/12/dzień-seniora/"),
    ],
)
def test_old_addresses_are_stored_normalised(typed, key):
    assert redirects.old_address(typed) == key


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("o-nas", "zaczynający się od „/”"),
        ("javascript:alert(1)", "zaczynający się od „/”"),
        ("/o-nas/../admin/", "„..”"),
        ("/o-nas%00/", "znaki sterujące"),
        ("/" + "a" * 5000, "dłuższy niż 1000 znaków"),
    ],
)
def test_an_old_address_that_cannot_be_one_is_refused_in_polish(typed, message):
    with pytest.raises(ValidationError) as refused:
        redirects.old_address(typed)
    assert message in refused.value.messages[0]


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("/o-nas/", "/o-nas/"),
        ("http://127.0.0.1:8000/o-nas/#kontakt", "/o-nas/#kontakt"),
        ("https://bip.example.org/cus", "https://bip.example.org/cus"),
    ],
)
def test_targets_are_paths_of_the_site_or_whole_addresses_of_others(typed, key, settings):
    settings.SITE_URL = "http://127.0.0.1:8000"
    assert redirects.target_address(typed) == key


@pytest.mark.parametrize(
    "typed", ["//evil.example.org/", "javascript:alert(1)", "o-nas", "ftp://x/"]
)
def test_a_target_that_is_no_web_address_is_refused(typed):
    with pytest.raises(ValidationError) as refused:
        redirects.target_address(typed)
    assert "„https://”" in refused.value.messages[0]


def test_recording_collapses_chains_both_ways():
    Redirect.objects.record([("/a/", "/b/")], MOVED)
    Redirect.objects.record([("/b/", "/c/")], MOVED)
    assert stored() == {"/a/": "/c/", "/b/": "/c/"}
    Redirect.objects.record([("/z/", "/a/")], MOVED)
    assert stored()["/z/"] == "/c/"


def test_a_batch_collapses_chains_within_itself(django_assert_max_num_queries):
    pairs = [("/1/", "/2/"), ("/2/", "/3/"), ("/3/", "https://bip.example.org/")]
    with django_assert_max_num_queries(4):
        Redirect.objects.record(pairs, Redirect.Origin.IMPORT)
    assert set(stored().values()) == {"https://bip.example.org/"}


def test_a_loop_is_refused_and_nothing_is_stored():
    Redirect.objects.record([("/a/", "/b/")], MOVED)
    with pytest.raises(redirects.RedirectLoop):
        Redirect.objects.record([("/b/", "/a/")], MOVED)
    with pytest.raises(redirects.RedirectLoop):
        Redirect.objects.record([("/x/", "/y/"), ("/y/", "/x/")], MOVED)
    with pytest.raises(redirects.RedirectLoop):
        Redirect.objects.record([("/s/", "/s/")], MOVED)
    assert stored() == {"/a/": "/b/"}


def test_an_old_address_answers_with_a_301_after_a_404(client):
    Redirect.objects.create(old_address="/stara-strona/", target="/kontakt/")
    response = client.get("/stara-strona/")
    assert response.status_code == 301
    assert response["Location"] == "/kontakt/"
    assert client.head("/stara-strona/").status_code == 301
    # A 301 would turn a form's POST into a GET: only reading is redirected.
    assert client.post("/stara-strona/").status_code == 405


def test_wordpress_query_addresses_at_the_root_are_redirected_before_the_home_page(client):
    Redirect.objects.record(
        [("/?p=123", "/aktualnosci/"), ("/index.php?page_id=7", "/kontakt/")], MOVED
    )
    response = client.get("/?p=123&utm_source=facebook")
    assert response.status_code == 200  # a query that is not the stored one is the home page
    response = client.get("/?p=123")
    assert (response.status_code, response["Location"]) == (301, "/aktualnosci/")
    assert client.get("/index.php?page_id=7")["Location"] == "/kontakt/"
    assert client.get("/?page_id=9").status_code == 200


def test_a_lookup_costs_one_query_on_the_unique_index(client):
    Redirect.objects.create(old_address="/2019/05/wpis/", target="/aktualnosci/")
    with CaptureQueriesContext(connection) as context:
        assert client.get("/2019/05/wpis/?fbclid=abc").status_code == 301
    lookups = [query["sql"] for query in context if "pages_redirect" in query["sql"]]
    assert len(lookups) == 1
    assert '"pages_redirect"."old_address" IN' in lookups[0]


def test_own_routes_and_the_tree_come_before_redirects(client):
    Redirect.objects.create(old_address="/kontakt/", target="/aktualnosci/")
    PageFactory(slug_pl="o-nas")
    Redirect.objects.create(old_address="/o-nas/", target="/aktualnosci/")
    assert client.get("/kontakt/").status_code == 200
    assert client.get("/o-nas/").status_code == 200


@pytest.mark.parametrize(
    "path",
    ["/o-nas/../admin/", "/o-nas%00/", "/%00", "/" + "a" * 5000 + "/", "/a/b/c/d/e/", "/zażółć/"],
)
def test_an_odd_address_gets_the_polish_404(client, path):
    PageFactory(slug_pl="o-nas")
    response = client.get(path)
    assert response.status_code == 404
    assert "Nie znaleziono strony" in response.content.decode()


def test_a_moved_page_is_found_at_its_old_address_in_every_language(client):
    page = PageFactory(slug_pl="pomoc", slug_en="help")
    page.slug_pl = "jak-mozemy-pomoc"
    page.slug_en = "how-we-can-help"
    page.save()
    assert client.get("/pomoc/")["Location"] == "/jak-mozemy-pomoc/"
    assert client.get("/en/help/")["Location"] == "/en/how-we-can-help/"
    assert client.get("/uk/pomoc/")["Location"] == "/uk/jak-mozemy-pomoc/"
    assert client.get("/en/how-we-can-help/").status_code == 200
