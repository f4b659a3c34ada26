"""The page cache (cus_site/cache.py): one shared copy per page, keyed by what the page depends
on, never stale after a change or past a timed change, compressed once, and standing in for the
site while the database is down."""

import datetime
import gzip
import os
import re
import socket
import threading
import time
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import connection
from django.template import RequestContext, Template, TemplateSyntaxError
from django.test import Client
from django.test.signals import template_rendered
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cus_site import cache
from cus_site.file_cache import FileCache
from cus_site.settings import caches_from_env
from news.models import Post
from pages.models import Redirect, SiteSettings
from tests.cus_site import outage_urls
from tests.factories import (
    CategoryFactory,
    PageFactory,
    PostFactory,
    SiteSettingsFactory,
    UnitFactory,
    UserFactory,
    WeeklyHoursFactory,
)
from tests.hours.helpers import text_of

WARSAW = ZoneInfo("Europe/Warsaw")
MONDAY = datetime.datetime(2026, 11, 16, 10, 0, tzinfo=WARSAW)

pytestmark = pytest.mark.usefixtures("page_cache")


def queries(client, path, **extra):
    """(response, number of queries) of one GET."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(path, **extra)
    return response, len(context)


def served_from_copy(client, path, **extra):
    # A copy is sent as it was kept: no query and no template (a page made again from its
    # fragments may ask the database nothing, but it renders its templates).
    response, count = queries(client, path, **extra)
    return response.status_code == 200 and count == 0 and not response.templates


@pytest.fixture
def news(db):
    """The news list's address, with one post."""
    PostFactory(title_pl="Dzień Seniora 2026", slug_pl="dzien-seniora")
    return reverse("news:index")


# A hit costs nothing, and what the key ignores can neither split it nor get past it


def test_a_page_seen_before_is_served_without_a_query(client, news):
    first, count = queries(client, news)
    assert count > 0
    assert served_from_copy(client, news)
    assert client.get(news).content == first.content


@pytest.mark.parametrize(
    "extra",
    [
        {"QUERY_STRING": "utm_source=facebook&fbclid=abc"},
        {"HTTP_COOKIE": "_ga=GA1.2.3; csrftoken=left-from-the-login-page"},
        {"HTTP_COOKIE": "sessionid=forged-by-a-visitor"},
        {"HTTP_ACCEPT_ENCODING": "identity, br;q=0.1, nonsense"},
        {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"},
        {"HTTP_COOKIE": "cus_reader=nonsense.words"},
        {"HTTP_USER_AGENT": "Mozilla/5.0 <script>"},
    ],
)
def test_what_the_page_does_not_depend_on_shares_one_copy(client, news, extra):
    client.get(news)
    response, count = queries(client, news, **extra)
    # A forged session cookie costs the one query that finds it is no one's.
    assert count <= (1 if "sessionid" in str(extra) else 0)
    page = response.content.decode()
    assert "Dzień Seniora 2026" in page and "Aktualności" in page
    assert "utm_source" not in page and "fbclid" not in page


def test_a_parameter_the_view_ignores_never_reaches_the_page(client, news):
    page = client.get(news, {"utm_source": '"><b>wstrzyknięty</b>'}).content.decode()
    assert "wstrzyknięty" not in page
    assert served_from_copy(client, news)


def test_reader_options_language_method_and_page_number_each_get_their_own_copy(client, db):
    for number in range(12):
        PostFactory(title_pl=f"Wpis numer {number}")
    client.get("/aktualnosci/")
    large = client.get("/aktualnosci/", HTTP_COOKIE="cus_reader=duzy.wysoki").content.decode()
    assert "text-large contrast-high" in large
    assert "text-large" not in client.get("/aktualnosci/").content.decode()
    second = client.get("/aktualnosci/", {"page": "2"}).content.decode()
    assert "Wpis numer 0" in second and "Wpis numer 11" not in second
    assert client.get("/aktualnosci/", {"page": "999"}).status_code == 404
    english = client.get("/en/aktualnosci/").content.decode()
    assert 'lang="en"' in english
    assert client.head("/aktualnosci/").content == b""
    assert b"Wpis numer 11" in client.get("/aktualnosci/").content


def test_a_heads_copy_keeps_the_headers_without_the_body_and_a_get_still_gets_it_all(
    client, news, rf
):
    client.head(news)
    with CaptureQueriesContext(connection) as context:
        head = client.head(news)
    count = len(context)
    whole = client.get(news)

    copy = cache.store().get(cache.page_address(rf.head(news)).key)
    assert copy.content == b""
    assert count == 0
    assert int(head["Content-Length"]) == len(whole.content) > 1000
    assert "Dzień Seniora 2026" in whole.content.decode()
    assert "Dzień Seniora 2026" in client.get(news).content.decode()


def test_the_search_is_kept_per_query(client, db):
    PostFactory(title_pl="Tężnia solankowa w parku")
    PostFactory(title_pl="Warsztaty dla seniorów")
    assert "Tężnia" in client.get("/szukaj/", {"q": "teznia"}).content.decode()
    seniors = client.get("/szukaj/", {"q": "seniorzy"}).content.decode()
    assert "Warsztaty" in seniors and "Tężnia" not in seniors


def test_signed_in_staff_are_never_served_a_copy_nor_leave_one(client, news):
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    first, count = queries(client, news)
    assert count > 0
    assert "public" not in first.get("Cache-Control", "")
    assert not served_from_copy(client, news)
    client.logout()
    assert not served_from_copy(client, news)  # nothing of the staff's was kept


def test_a_post_is_never_answered_from_a_copy(client, news):
    client.get(news)
    assert client.post(news).status_code == 405


def test_addresses_outside_the_sites_routes_are_not_kept(client, db):
    path = "/a/b/c/d/e/f/"
    assert client.get(path).status_code == 404
    _response, count = queries(client, path)
    assert count > 0


def test_a_flood_of_addresses_cannot_grow_the_table_of_routes_past_its_bound(
    client, db, monkeypatch
):
    monkeypatch.setattr(cache, "ROUTED_PATHS", 3)
    monkeypatch.setattr(cache, "ROUTES", {})
    for number in range(10):
        response = client.get(f"/aktualnosci/wpis-{number}/")
        assert response.status_code == 404
        assert "Nie znaleziono" in response.content.decode()
        assert 0 < len(cache.ROUTES) <= 3
    assert cache.route("/aktualnosci/wpis-9/") == ("news:detail", True, None)
    long_path = f"/aktualnosci/{'a' * 300}/"
    assert client.get(long_path).status_code == 404
    assert cache.route(long_path) == ("news:detail", True, None)
    assert long_path not in {path for _urlconf, path in cache.ROUTES}


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", "/admin/"), ("get", "/admin/login/"), ("post", "/aktualnosci/"), ("get", "/wyglad/")],
)
def test_the_admin_forms_and_the_reader_options_are_never_kept(rf, method, path):
    assert cache.page_address(getattr(rf, method)(path)) is None


def test_the_old_sites_addresses_on_the_home_page_still_redirect(client, db):
    client.get("/")
    Redirect.objects.create(old_address="/?p=123", target="/aktualnosci/")
    assert client.get("/", {"p": "123"}).status_code == 301


# Never stale


def test_a_saved_post_shows_at_the_next_request(client, news):
    client.get(news)
    post = Post.objects.get()
    post.title_pl = "Dzień seniora przeniesiony"
    post.save()
    assert "Dzień seniora przeniesiony" in client.get(news).content.decode()


def test_a_change_made_with_update_is_shown_at_once(client, news, admin_client):
    client.get(news)
    post = Post.objects.get()
    admin_client.post(
        reverse("admin:news_post_changelist"),
        {"action": "unpublish", "_selected_action": [post.pk]},
    )
    assert "Dzień Seniora 2026" not in client.get(news).content.decode()


def test_a_new_category_of_a_post_is_shown_at_once(client, news):
    client.get("/aktualnosci/dzien-seniora/")
    Post.objects.get().categories.add(CategoryFactory(name_pl="Seniorzy", slug_pl="seniorzy"))
    assert "Seniorzy" in client.get("/aktualnosci/dzien-seniora/").content.decode()


def test_the_centres_new_street_is_shown_on_every_page_at_once(client, db):
    SiteSettingsFactory(street_address="ul. Stara 1")
    assert "ul. Stara 1" in client.get("/kontakt/").content.decode()
    settings_row = SiteSettings.objects.get()
    settings_row.street_address = "ul. Nowa 2"
    settings_row.save()
    assert "ul. Nowa 2" in client.get("/kontakt/").content.decode()


def test_the_generation_changes_again_when_the_change_is_committed(
    db, django_capture_on_commit_callbacks
):
    post = PostFactory()
    with django_capture_on_commit_callbacks() as callbacks:
        post.title_pl = "Nowy tytuł"
        post.save()
        during = cache.generation()
    assert callbacks  # a request beside the transaction may cache the old rows under `during`
    for callback in callbacks:
        callback()
    assert cache.generation() != during


# Timed changes


def test_open_turns_into_closed_at_the_closing_minute(client, db):
    unit = UnitFactory(short_name="CUS")
    WeeklyHoursFactory(
        unit=unit, weekday=0, opens=datetime.time(7, 30), closes=datetime.time(15, 30)
    )
    with time_machine.travel(MONDAY.replace(hour=15, minute=25), tick=False) as clock:
        response = client.get("/godziny-otwarcia/")
        assert "Otwarte do 15:30" in response.content.decode()
        assert "max-age=300" in response["Cache-Control"]
        clock.move_to(MONDAY.replace(hour=15, minute=28))
        kept = client.get("/godziny-otwarcia/")
        assert "max-age=120" in kept["Cache-Control"]  # a copy never outlives 15:30
        clock.move_to(MONDAY.replace(hour=15, minute=30))
        assert "Zamknięte" in client.get("/godziny-otwarcia/").content.decode()


def test_a_scheduled_post_appears_at_its_minute(client, db):
    PostFactory(title_pl="Zaplanowany wpis", published_at=MONDAY.replace(hour=12))
    with time_machine.travel(MONDAY.replace(hour=11, minute=58), tick=False) as clock:
        response = client.get("/aktualnosci/")
        assert "Zaplanowany wpis" not in response.content.decode()
        assert "max-age=120" in response["Cache-Control"]
        clock.move_to(MONDAY.replace(hour=12, minute=0, second=1))
        assert "Zaplanowany wpis" in client.get("/aktualnosci/").content.decode()


def test_a_page_without_a_status_is_not_cut_short_by_a_closing_time(client, db):
    unit = UnitFactory(short_name="CUS")
    WeeklyHoursFactory(
        unit=unit, weekday=0, opens=datetime.time(7, 30), closes=datetime.time(15, 30)
    )
    with time_machine.travel(MONDAY.replace(hour=15, minute=28), tick=False):
        assert "max-age=300" in client.get("/aktualnosci/")["Cache-Control"]
        assert "max-age=120" in client.get("/godziny-otwarcia/")["Cache-Control"]


def test_public_cache_seconds_caps_the_lifetime(client, news, settings):
    settings.PUBLIC_CACHE_SECONDS = 0
    client.get(news)
    assert not served_from_copy(client, news)


def test_the_page_cache_can_be_turned_off_and_fragments_stay(client, news, settings):
    settings.PAGE_CACHE = False
    client.get(news)
    response = client.get(news)
    assert "news/post_list.html" in [template.name for template in response.templates]
    assert "max-age=" in response["Cache-Control"]


def test_without_the_page_copies_the_html_fragments_show_a_change_at_once(client, news, settings):
    """The footer, the home page's news and the news list are made once per change
    (`{% fragment %}`); an edit shows in them on the next request."""
    settings.PAGE_CACHE = False
    post = Post.objects.get()
    unit = UnitFactory(short_name="DPD", full_name_pl="Dział Pomocy Dzieciom")
    WeeklyHoursFactory(unit=unit, weekday=0)
    for path in ("/", news):
        client.get(path)
        page = client.get(path).content.decode()
        assert "Dzień Seniora 2026" in page and "Dział Pomocy Dzieciom" in page
    post.title_pl = "Dzień Seniora 2027"
    post.save()
    unit.full_name_pl = "Dział Wsparcia Rodzin"
    unit.save()
    for path in ("/", news):
        page = client.get(path).content.decode()
        assert "Dzień Seniora 2027" in page and "Dzień Seniora 2026" not in page
        assert "Dział Wsparcia Rodzin" in page and "Dział Pomocy Dzieciom" not in page


def header_of(html):
    return re.search(r'<header class="site-header">.*?</header>', html, re.S)[0]


def test_without_the_page_copies_the_header_is_each_addresss_and_reader_options_own(
    client, news, settings
):
    """The header is kept once per address and reader's options: the menu marks where the
    reader is, the options link back to this page and show the chosen ones."""
    settings.PAGE_CACHE = False
    about = PageFactory(title_pl="O nas", slug_pl="o-nas", in_menu=True)
    for _ in range(2):
        news_header = header_of(client.get(news, {"page": "1", "utm_source": "x"}).content.decode())
        about_header = header_of(client.get("/o-nas/").content.decode())
        client.cookies["cus_reader"] = "duzy.wysoki"
        larger = header_of(client.get(news, {"page": "1"}).content.decode())
        del client.cookies["cus_reader"]
    assert '<a href="/aktualnosci/" aria-current="page">' in news_header
    assert 'next=/aktualnosci/%3Fpage%3D1"' in news_header
    assert "utm_source" not in news_header
    assert '<a href="/o-nas/" aria-current="page">' in about_header
    assert 'aria-current="page">Aktualności' not in about_header
    assert 'next=/o-nas/"' in about_header
    current = r'<strong class="reader-options__current" aria-current="true">.*?</strong>'
    assert [text_of(tag) for tag in re.findall(current, news_header)] == [
        "Tekst zwykły",
        "Kontrast zwykły",
    ]
    assert [text_of(tag) for tag in re.findall(current, larger)] == [
        "Tekst większy",
        "Kontrast wysoki",
    ]
    about.title_pl = "O Centrum"
    about.save()
    assert '<a href="/o-nas/" aria-current="page">O Centrum</a>' in header_of(
        client.get("/o-nas/").content.decode()
    )


def test_odd_queries_and_staff_add_no_html_fragments(client, news, settings):
    """A query the site does not read is dropped before the header is made, and a request the
    page cache does not address (a signed-in editor's) keeps no HTML: a flood of odd
    addresses cannot fill the cache."""
    if not os.environ.get("REDIS_URL"):
        pytest.skip("REDIS_URL is not set: `make test` starts a Redis and sets it")
    settings.PAGE_CACHE = False
    redis = caches["pages"]._cache.get_client()

    def headers_kept():
        return len(redis.keys("*fragment:header:*"))

    client.get(news)
    before = headers_kept()
    for number in range(5):
        assert client.get(news, {"odd": str(number), "utm_source": "x"}).status_code == 200
    client.force_login(UserFactory(is_staff=True))
    for number in range(5):
        assert client.get(news, {"page": "1", "odd": str(number)}).status_code == 200
    assert headers_kept() == before


def test_a_fragment_refuses_to_keep_an_open_closed_status(db, rf):
    unit = UnitFactory()
    WeeklyHoursFactory(unit=unit, weekday=0)
    kept = Template(
        "{% load site hours %}{% fragment 'statuses' %}{% unit_statuses %}{% endfragment %}"
    )
    with time_machine.travel(MONDAY, tick=False), pytest.raises(TemplateSyntaxError):
        kept.render(RequestContext(rf.get("/")))


def test_a_page_made_from_the_database_asks_redis_a_few_times_not_once_a_fragment(
    client, news, settings
):
    if not os.environ.get("REDIS_URL"):
        pytest.skip("REDIS_URL is not set: `make test` starts a Redis and sets it")
    settings.PAGE_CACHE = False
    client.get(news)
    redis = caches["pages"]._cache.get_client()
    redis.config_resetstat()
    assert client.get(news).status_code == 200
    reads = {
        name: stats["calls"]
        for name, stats in redis.info("commandstats").items()
        if name in ("cmdstat_get", "cmdstat_mget")
    }
    # The generation, the common fragments, the timed changes and the fragments this address
    # asked for last time (the header, the list, its count), all in one MGET: 12 reads before.
    assert reads == {"cmdstat_mget": 1}, reads


# One visitor makes a page, the others wait for its copy


def test_visitors_asking_at_once_for_a_page_without_a_copy_get_it_made_once(transactional_db):
    post = PostFactory(title_pl="Upały: punkt chłodzenia otwarty", slug_pl="upaly")
    path = post.get_absolute_url()
    visitors = 12
    made = []
    start = threading.Barrier(visitors)
    answers = []

    def count_page(sender, template, **kwargs):
        if template.name == "news/post_detail.html":
            made.append(template.name)

    def visit():
        start.wait()
        response = Client().get(path)
        answers.append((response.status_code, response.content))
        connection.close()

    template_rendered.connect(count_page)
    try:
        threads = [threading.Thread(target=visit) for _ in range(visitors)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        template_rendered.disconnect(count_page)
    assert len(answers) == visitors
    assert {status for status, _content in answers} == {200}
    assert len({content for _status, content in answers}) == 1
    assert "Upały: punkt chłodzenia otwarty" in answers[0][1].decode()
    assert len(made) == 1


def test_a_turn_left_by_a_maker_that_died_holds_visitors_up_at_most_a_few_seconds(
    client, news, rf, monkeypatch
):
    monkeypatch.setattr(cache, "MAKING_SECONDS", 1)
    address = cache.page_address(rf.get(news))
    assert cache.store().add(cache.turn_key(address), cache.MAKING, timeout=60)
    response = client.get(news)
    assert response.status_code == 200
    assert "Dzień Seniora 2026" in response.content.decode()
    # It was made after MAKING_SECONDS, not after the turn's own 60 s.
    assert cache.store().get(cache.turn_key(address)) == cache.MAKING
    assert served_from_copy(client, news)


def test_visitors_of_a_page_that_is_not_kept_do_not_wait_for_one_another(
    client, news, settings, monkeypatch
):
    settings.PUBLIC_CACHE_SECONDS = 0
    assert client.get(news).status_code == 200

    def wait(seconds):
        raise AssertionError(f"waited {seconds} s for a copy that will not come")

    monkeypatch.setattr(time, "sleep", wait)
    response = client.get(news)
    assert response.status_code == 200
    assert "Dzień Seniora 2026" in response.content.decode()


def test_the_files_give_a_pages_turn_to_one_worker_only(tmp_path):
    files = FileCache(tmp_path, {})
    contenders = 16
    start = threading.Barrier(contenders)
    won = []

    def contend():
        start.wait()
        won.append(files.add("making:page", "making", timeout=5))

    threads = [threading.Thread(target=contend) for _ in range(contenders)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(won) == [False] * (contenders - 1) + [True]
    assert files.get("making:page") == "making"
    assert not files.add("making:page", "making", timeout=5)
    files.set("making:page", "stale", timeout=-1)
    assert files.add("making:page", "making", timeout=5)


# Compression


def test_pages_are_sent_compressed_and_a_hit_is_the_same_bytes(client, news):
    first = client.get(news, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert first["Content-Encoding"] == "gzip"
    assert "Dzień Seniora 2026" in gzip.decompress(first.content).decode()
    again, count = queries(client, news, HTTP_ACCEPT_ENCODING="gzip")
    assert count == 0 and not again.templates  # a copy
    assert again.content == first.content
    plain = client.get(news)
    assert not plain.has_header("Content-Encoding")
    assert "Dzień Seniora 2026" in plain.content.decode()


def test_pages_vary_by_cookie_and_encoding_and_not_by_browser_language(client, news):
    vary = client.get(news, HTTP_ACCEPT_ENCODING="gzip")["Vary"]
    assert "Cookie" in vary and "Accept-Encoding" in vary
    assert "Accept-Language" not in vary


def test_a_copy_has_an_etag_and_costs_a_304(client, news):
    first = client.get(news)
    again = client.get(news, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


# Stale rather than down


@pytest.fixture
def outage(settings, db):
    settings.ROOT_URLCONF = "tests.cus_site.outage_urls"
    outage_urls.DOWN["now"] = False
    yield outage_urls.DOWN
    outage_urls.DOWN["now"] = False


def test_an_expired_copy_stands_in_for_an_hour_while_the_database_is_down(client, outage):
    with time_machine.travel(MONDAY, tick=False) as clock:
        assert client.get("/bez-statusu/").status_code == 200
        outage["now"] = True
        clock.move_to(MONDAY + datetime.timedelta(minutes=30))
        response = client.get("/bez-statusu/")
        assert response.status_code == 200
        assert response.content.decode() == "Aktualności: wersja pierwsza"
        assert "max-age=0" in response["Cache-Control"]
        clock.move_to(MONDAY + datetime.timedelta(hours=1, minutes=6))
        assert client.get("/bez-statusu/").status_code == 503


def test_an_expired_status_is_never_shown_while_the_database_is_down(client, outage):
    with time_machine.travel(MONDAY, tick=False) as clock:
        assert client.get("/ze-statusem/").status_code == 200
        outage["now"] = True
        clock.move_to(MONDAY + datetime.timedelta(minutes=6))
        response = client.get("/ze-statusem/")
        assert response.status_code == 503
        assert "Otwarte" not in response.content.decode()


def test_nothing_is_kept_of_a_503(client, outage):
    outage["now"] = True
    assert client.get("/bez-statusu/").status_code == 503
    outage["now"] = False
    assert client.get("/bez-statusu/").status_code == 200


# Where the copies live


def test_the_suite_keeps_the_copies_in_a_real_redis_when_redis_url_is_set(client, news):
    if not os.environ.get("REDIS_URL"):
        pytest.skip("REDIS_URL is not set: `make test` starts a Redis and sets it")
    assert isinstance(caches["pages"], RedisCache)
    client.get(news)
    client_of_redis = caches["pages"]._cache.get_client()
    assert any(b"page:" in key for key in client_of_redis.keys("*"))


def test_one_redis_client_serves_every_alias_and_thread():
    """Django's backend built a `redis.Redis` per command, which cost a page hit more than its
    round trip to Redis; ours keeps one per server for the process."""
    if not os.environ.get("REDIS_URL"):
        pytest.skip("REDIS_URL is not set: `make test` starts a Redis and sets it")
    first = caches["pages"]._cache.get_client()
    from_another_thread = []
    worker = threading.Thread(
        target=lambda: from_another_thread.append(caches["pages"]._cache.get_client())
    )
    worker.start()
    worker.join()
    assert caches["pages"]._cache.get_client(write=True) is first
    assert caches["default"]._cache.get_client() is first
    assert from_another_thread == [first]
    caches["pages"].set("one-client", "tak")
    assert caches["pages"].get_many(["one-client", "none"]) == {"one-client": "tak"}


def test_an_unreachable_redis_costs_the_copies_not_the_pages(
    client, news, settings, page_cache, caplog
):
    # A port where nothing listens: every cache call fails as when Redis is restarting.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    gone = {
        "BACKEND": "cus_site.redis_cache.ForgivingRedisCache",
        "LOCATION": f"redis://127.0.0.1:{port}/0",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
    settings.CACHES = {"default": gone, "pages": gone}
    for _ in range(2):
        response = client.get(news)
        assert response.status_code == 200
        assert "Dzień Seniora 2026" in response.content.decode()
    assert client.get("/").status_code == 200
    assert "Redis unreachable" in caplog.text


def test_without_redis_the_copies_are_files_every_worker_shares(monkeypatch, tmp_path):
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.setenv("CACHE_DIR", str(tmp_path))
    pages = caches_from_env()["pages"]
    assert pages["BACKEND"] == "cus_site.file_cache.FileCache"
    assert pages["LOCATION"] == tmp_path / "pages"
    assert pages["OPTIONS"]["MAX_ENTRIES"] > 0


def test_the_home_page_asks_no_question_twice(client, settings, db):
    settings.PAGE_CACHE = False
    unit = UnitFactory(short_name="CUS")
    WeeklyHoursFactory(unit=unit, weekday=0)
    PostFactory()
    client.get("/")
    with CaptureQueriesContext(connection) as context:
        assert client.get("/").status_code == 200
    asked = [query["sql"] for query in context.captured_queries]
    assert len(asked) == len(set(asked)), asked


def test_without_redis_a_copy_is_a_file_in_the_folder(client, news, settings, tmp_path):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "cus_site.file_cache.FileCache",
            "LOCATION": tmp_path / "pages",
        },
    }
    client.get(news)
    assert served_from_copy(client, news)
    assert list((tmp_path / "pages").glob("*.djcache"))
