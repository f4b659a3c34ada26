"""The page cache: a public page is answered from one shared copy until anything it shows
changes, or the clock reaches a moment that changes it, whichever comes first.

- Shared: the `pages` cache alias (Redis with REDIS_URL, else a folder of files that every
  worker process of the machine reads; never a process's memory, never the database, so the
  copies outlive a database outage).
- Never stale after an edit: every change to a model some page shows replaces the
  *generation*, a token every copy is stored with; a copy of another generation is a miss.
  Each app's AppConfig.ready says which of its models pages show (`watch`), and code that
  writes with `QuerySet.update()` or in bulk, which sends no signals, calls `content_changed()`.
  The generation is replaced at once (the same transaction's next request sees the change)
  and again after the commit, so a request that read the old rows beside the editor's
  transaction cannot leave its copy current.
- Never stale by the clock: each app registers a function giving its next timed change
  (`register_timed_change`): a unit opening or closing, midnight, a scheduled post, a notice
  or event starting or ending. A copy lives until the soonest of them, at most
  PUBLIC_CACHE_SECONDS; browsers and proxies get the same lifetime as `max-age`.
- Keyed by exactly what a page depends on (`page_key`): the path, the query parameters its
  view reads (`QUERY_PARAMETERS`; others are dropped from the request before the view sees
  it), the language, the reader's options, gzip or not, HEAD or GET. Other cookies and
  headers cannot split it or get past it. Only the routes of the site are cached, each address
  overwrites its own copy, and the backend is bounded (MAX_ENTRIES, Redis's maxmemory).
- Never cached: the admin, signed-in staff, anything but GET and HEAD, a response that sets a
  cookie or is marked private, no-store or no-cache, and any status but 200 (404: briefly).
- Stale rather than down: while the database is unreachable (`response.database_unavailable`,
  set by the outage middleware inside this one), an expired copy is served for up to an hour
  more, unless it shows an open/closed status.
- One visitor makes a page, the others wait for its copy: when a page has no current copy (after
  an edit, on a cold cache, at a timed change), the first request takes the address's turn
  (`add`, atomic in Redis) and makes it; those asking meanwhile poll for the copy instead of
  all making the same page at once, which under a spike would multiply the work by the number
  of visitors. A turn lasts MAKING_SECONDS at most (a worker that dies holds nobody up longer),
  and a page that is not kept (a cookie, an outage, no lifetime) is marked so for a few seconds:
  its visitors then make it each without waiting.

- Cheap when a copy misses: the page is made with the generation its request read first, the
  fragments nearly every page shows and those its address asked for last time come in one
  read (`prefetch`), and what costs most is a fragment, kept once per change: data
  (`fragment`) or HTML (`{% fragment %}`, cus_site/templatetags/site.py: the header, the news
  list, the footer). The news list made from its fragments asks the database nothing, so it
  does not even open a connection.

`PAGE_CACHE = False` (env PAGE_CACHE=0) turns the page copies off; the fragments (`fragment`)
and the browsers' lifetime stay.
"""

import contextvars
import hashlib
import math
import secrets
import time
from dataclasses import dataclass
from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.cache import caches
from django.db import DatabaseError, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, QueryDict
from django.middleware.gzip import re_accepts_gzip
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers, set_response_etag
from django.utils.http import urlencode

from pages import reader

ALIAS = "pages"
GENERATION_KEY = "generation"
TIMED_CHANGES_KEY = "timed-changes"
# An expired copy without a status may stand in for this long while the database is down.
STALE_SECONDS = 60 * 60
NOT_FOUND_SECONDS = 30
# A request making a page holds its address's turn this long at most; the others wait as long.
MAKING_SECONDS = 5
MAKING = "making"
# A page its maker did not keep is made by each of its visitors for this long, without waiting.
NOT_KEPT = "not-kept"
NOT_KEPT_SECONDS = 5
# Those waiting look for the copy again after 5 ms, then twice as long each time, up to 50 ms.
FIRST_PAUSE_SECONDS = 0.005
LONGEST_PAUSE_SECONDS = 0.05
# The query parameters each view reads; every other one is dropped before the view runs.
QUERY_PARAMETERS = {
    "news:index": ("page",),
    "news:category": ("page",),
    "news:archive-year": ("page",),
    "osl:detail": ("page",),
    "events:index": ("audience", "month", "page"),
    "search:index": ("q", "page"),
    "django.contrib.sitemaps.views.sitemap": ("p",),
}
NEVER_STORED = ("private", "no-store", "no-cache")
# Views that are never cached: they set a cookie, are for staff or send files.
UNCACHED_VIEWS = {
    "pages:reader-options",
    "news:preview",
    "events:preview",
    "pages:notice-preview",
    "pages:document",
    "private-media",
}


def store():
    return caches[ALIAS]


# The generation


# The generation a public page's request read first: its fragments are of the same one (and
# cost no second trip to the cache each).
REQUEST_GENERATION = contextvars.ContextVar("cus_request_generation", default=None)


def generation():
    current = REQUEST_GENERATION.get()
    if current is not None:
        return current
    current = store().get(GENERATION_KEY)
    if current is None:
        store().add(GENERATION_KEY, secrets.token_hex(8), timeout=None)
        current = store().get(GENERATION_KEY)
    return current


def new_generation():
    # A random token, not a counter: if the backend ever drops it (culling, eviction), the
    # next one differs from every copy's, so losing it can only cost misses.
    token = secrets.token_hex(8)
    store().set(GENERATION_KEY, token, timeout=None)
    if REQUEST_GENERATION.get() is not None:
        REQUEST_GENERATION.set(token)


def content_changed():
    """Something pages show has changed (or will be, when the transaction commits)."""
    new_generation()
    transaction.on_commit(new_generation)


def changed_receiver(sender, action="post_", **kwargs):
    if action.startswith("post_"):
        content_changed()


def watch(*models):
    """Replace the generation on every save, delete and many-to-many change of these models."""
    for model in models:
        label = model._meta.label
        post_save.connect(changed_receiver, sender=model, dispatch_uid=f"cache:save:{label}")
        post_delete.connect(changed_receiver, sender=model, dispatch_uid=f"cache:del:{label}")
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(
                changed_receiver, sender=through, dispatch_uid=f"cache:m2m:{through}"
            )


# Timed changes


@dataclass(frozen=True)
class TimedChange:
    next_moment: object  # callable(now) -> aware datetime or None
    with_status_only: bool


TIMED_CHANGES = []


def register_timed_change(next_moment, with_status_only=False):
    """`next_moment(now)` gives the next moment after `now` at which a page changes on its own,
    or None. `with_status_only`: only pages showing an open/closed status change then."""
    TIMED_CHANGES.append(TimedChange(next_moment, with_status_only))
    return next_moment


def soonest_changes(now):
    """(the soonest timed change of any page, of pages without a status) as timestamps, or
    None for either where nothing is coming."""
    moments = {True: [], False: []}
    for change in TIMED_CHANGES:
        moment = change.next_moment(now)
        if moment is not None and moment > now:
            moments[change.with_status_only].append(moment.timestamp())
    return min(moments[True] + moments[False], default=None), min(moments[False], default=None)


def timed_changes(current):
    """`soonest_changes`, worked out once per generation and again when its first moment
    has come."""
    now = timezone.now()
    found = prefetched(TIMED_CHANGES_KEY) or store().get(TIMED_CHANGES_KEY)
    # (The clock going back, as in tests that travel in time, makes it out of date too.)
    if found and found[0] == current and found[1] <= now.timestamp() < found[2]:
        return found[3]
    soonest = soonest_changes(now)
    until = min(soonest[0] or math.inf, now.timestamp() + settings.PUBLIC_CACHE_SECONDS)
    seconds = until - now.timestamp()
    if seconds > 0:
        value = (current, now.timestamp(), until, soonest)
        store().set(TIMED_CHANGES_KEY, value, timeout=math.ceil(seconds))
        keep_for_request(TIMED_CHANGES_KEY, value)
    return soonest


def lifetime(shows_status, current=None):
    """Seconds a page may be kept: until its next timed change, at most PUBLIC_CACHE_SECONDS."""
    cap = settings.PUBLIC_CACHE_SECONDS
    if cap <= 0:
        return 0
    with_status, without_status = timed_changes(current or generation())
    moment = with_status if shows_status else without_status
    if moment is None:
        return cap
    return max(0, min(cap, int(moment - time.time())))


# Fragments


def fragment(name, compute, per_language=True):
    """`compute()`'s value, worked out once per generation (and language) and kept until the
    next timed change of pages without a status: what every page shows (the centre's details,
    the menu, the footer's hours) or costs most (the news list's categories and years)."""
    key = fragment_key(name, per_language)
    current = generation()
    note_wanted(key)
    found = prefetched(key) or store().get(key)
    if found and found[0] == current and found[1] <= time.time() < found[2]:
        return found[3]
    value = compute()
    seconds = lifetime(shows_status=False, current=current)
    if seconds:
        now = time.time()
        store().set(key, (current, now, now + seconds, value), timeout=seconds + 1)
        keep_for_request(key, (current, now, now + seconds, value))
    return value


def fragment_key(name, per_language=True):
    return f"fragment:{name}:{translation.get_language() if per_language else ''}"


# The fragments nearly every page shows, read with one trip to the cache when a page is made.
COMMON_FRAGMENTS = (
    ("menu", True),
    ("footer-hours", True),
    ("footer-links", True),
    ("site-settings", False),
)
PREFETCHED = contextvars.ContextVar("cus_prefetched_fragments", default=None)
# The other fragments each address asked for when it was last made, in this process: read
# with the common ones the next time. A hint, so a full table is simply emptied.
WANTED = contextvars.ContextVar("cus_wanted_fragments", default=None)
WANTED_BY_ADDRESS = {}
WANTED_ADDRESSES = 5000


def prefetched(key):
    """The value read for this page at its start (or since made), or None."""
    found = PREFETCHED.get()
    return found.get(key) if found is not None else None


def keep_for_request(key, value):
    found = PREFETCHED.get()
    if found is not None:
        found[key] = value


def note_wanted(key):
    wanted = WANTED.get()
    if wanted is not None:
        wanted.append(key)


def remember_wanted(address, wanted):
    if len(WANTED_BY_ADDRESS) >= WANTED_ADDRESSES:
        WANTED_BY_ADDRESS.clear()
    WANTED_BY_ADDRESS[address.key] = tuple(dict.fromkeys(wanted))


def prefetch(address, *extra):
    """The common fragments, the page's notices (in its language), the timed changes and the
    fragments the address asked for last time, for the page being made (and `extra` keys)."""
    fragments = [*COMMON_FRAGMENTS, (f"notices:{address.view_name}", True)]
    with translation.override(address.language):
        keys = [fragment_key(name, per_language) for name, per_language in fragments]
    keys += [TIMED_CHANGES_KEY, *WANTED_BY_ADDRESS.get(address.key, ()), *extra]
    return store().get_many(list(dict.fromkeys(keys)))


# What a page shows, noted while it renders

RENDERING = contextvars.ContextVar("cus_page_rendering", default=None)


@dataclass
class Rendering:
    shows_status: bool = False


def note_status():
    """The page being rendered shows whether a unit is open now (hours/status.py calls it)."""
    rendering = RENDERING.get()
    if rendering is not None:
        rendering.shows_status = True


# The key


@dataclass(frozen=True)
class Address:
    """What a request's page depends on, or None where it is not to be cached."""

    key: str
    language_in_address: bool
    language: str
    view_name: str
    # A HEAD's copy keeps the headers only: its body is never sent (HTTP; gunicorn and
    # runserver drop it), so it would only take the cache's room.
    head: bool = False


def staff_session(request):
    """Whether the session cookie belongs to a live signed-in session (a forged or expired
    one does not: its visitor is served as anyone else)."""
    session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not session_key:
        return False
    engine = import_module(settings.SESSION_ENGINE)
    try:
        return SESSION_KEY in engine.SessionStore(session_key)
    except DatabaseError:
        return False


def normalised_query(request, view_name):
    names = QUERY_PARAMETERS.get(view_name, ())
    return urlencode([(name, request.GET[name]) for name in sorted(names) if name in request.GET])


def page_address(request):
    """The request's Address, after dropping the query parameters its view does not read."""
    if request.method not in ("GET", "HEAD") or request.path_info.startswith("/admin/"):
        return None
    found = route(request.path_info)
    if found is None:
        return None
    view_name, in_address, from_path = found
    if view_name in UNCACHED_VIEWS:
        return None
    if view_name == "pages:home" and request.META.get("QUERY_STRING"):
        # The old site's `/?p=123` is answered by the redirects (pages.middleware).
        return None
    if staff_session(request):
        return None
    query = normalised_query(request, view_name)
    request.GET = QueryDict(query)
    request.META["QUERY_STRING"] = query
    language = from_path or (
        settings.LANGUAGE_CODE if in_address else translation.get_language_from_request(request)
    )
    options = reader.from_cookie(request).cookie_value()
    encoding = (
        "gzip"
        if re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", ""))
        else "identity"
    )
    # The host too: feeds name it (ALLOWED_HOSTS has already refused any other).
    host = request.get_host()
    parts = (request.method, host, language, options, encoding, request.path_info, query)
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return Address(f"page:{digest}", in_address, language, view_name, request.method == "HEAD")


# The route of each path asked for, in this process: resolving it was a quarter of a hit's work.
# A path's route never changes while the process runs (its URLconf is part of the key, for the
# tests that change it); a full table is simply emptied, and a long path (a flood's, most
# likely) is resolved each time rather than kept.
ROUTES = {}
ROUTED_PATHS = 5000
ROUTED_PATH_LENGTH = 200


def route(path):
    """(the view's name, whether the address gives the language, the path's language or None)
    of a path of the site, or None for a path outside its routes."""
    key = (settings.ROOT_URLCONF, path)
    found = ROUTES.get(key)
    if found is None:
        from_path = translation.get_language_from_path(path)
        try:
            # The language prefixes match by the active language: the path's, not the last one's.
            with translation.override(from_path or settings.LANGUAGE_CODE):
                match = resolve(path)
        except Resolver404:
            return None
        found = (match.view_name, bool(match.namespace), from_path)
        if len(path) <= ROUTED_PATH_LENGTH:
            if len(ROUTES) >= ROUTED_PATHS:
                ROUTES.clear()
            ROUTES[key] = found
    return found


# The copies


@dataclass(frozen=True)
class Copy:
    generation: str
    stored_at: float
    expires_at: float
    shows_status: bool
    status: int
    headers: tuple
    content: bytes

    def response(self, max_age):
        response = HttpResponse(self.content, status=self.status)
        for name, value in self.headers:
            response.headers[name] = value
        if self.status == 200:
            patch_cache_control(response, public=True, max_age=max_age)
        return response

    def usable_while_down(self, now):
        return not self.shows_status and now < self.expires_at + STALE_SECONDS


def may_store(response):
    control = response.get("Cache-Control", "")
    return (
        response.status_code in (200, 404)
        and not response.streaming
        and not response.cookies
        and not any(word in control for word in NEVER_STORED)
        and not getattr(response, "database_unavailable", False)
    )


def current_copy(found, current, now):
    return found and found.generation == current and found.stored_at <= now < found.expires_at


def served(found, now):
    return found.response(max_age=int(found.expires_at - now))


def turn_key(address):
    return f"making:{address.key}"


class PageCacheMiddleware:
    """Serve anonymous visitors from the shared copies; see the module's docstring."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        address = page_address(request)
        if address is None:
            return self.get_response(request)
        current, found = self.lookup(address)
        now = time.time()
        if current_copy(found, current, now):
            return served(found, now)
        turn = settings.PAGE_CACHE and store().add(
            turn_key(address), MAKING, timeout=MAKING_SECONDS
        )
        if settings.PAGE_CACHE and not turn:
            current, copy = self.wait_for_copy(address, current)
            if copy:
                return served(copy, time.time())
        kept = False
        try:
            response, kept = self.make(request, address, current, found)
            return response
        finally:
            if turn and kept:
                store().delete(turn_key(address))
            elif turn:
                store().set(turn_key(address), NOT_KEPT, timeout=NOT_KEPT_SECONDS)

    def make(self, request, address, current, found):
        """(the page made by the view, whether a copy of it was kept)."""
        now = time.time()
        # Without the page copies, the generation comes in the same trip as the fragments.
        fragments = prefetch(address, *([] if current else [GENERATION_KEY]))
        current = current or fragments.get(GENERATION_KEY) or generation()
        rendering = Rendering()
        wanted = []
        tokens = (
            RENDERING.set(rendering),
            REQUEST_GENERATION.set(current),
            PREFETCHED.set(fragments),
            WANTED.set(wanted),
        )
        try:
            response = self.get_response(request)
            remember_wanted(address, wanted)
            if getattr(response, "database_unavailable", False):
                return self.stale(found, now) or response, False
            if address.language_in_address:
                drop_vary(response, "Accept-Language")
            kept = may_store(response) and self.keep(
                address, response, current, rendering.shows_status
            )
            return response, kept
        finally:
            for variable, token in zip(
                (RENDERING, REQUEST_GENERATION, PREFETCHED, WANTED), tokens, strict=True
            ):
                variable.reset(token)

    @staticmethod
    def lookup(address):
        """(the generation, the address's copy or None), read together: one round trip. Without
        the page copies, (None, None) and no trip."""
        if not settings.PAGE_CACHE:
            return None, None
        found = store().get_many([GENERATION_KEY, address.key])
        return found.get(GENERATION_KEY) or generation(), found.get(address.key)

    @staticmethod
    def wait_for_copy(address, current):
        """Another request has the address's turn: (the generation, the copy it kept) as soon as
        there is one, or (the generation, None) once it has ended without keeping one or has
        taken longer than MAKING_SECONDS. The page is then made here."""
        deadline = time.monotonic() + MAKING_SECONDS
        pause = FIRST_PAUSE_SECONDS
        while True:
            found = store().get_many([GENERATION_KEY, address.key, turn_key(address)])
            current = found.get(GENERATION_KEY) or current
            copy = found.get(address.key)
            if current_copy(copy, current, time.time()):
                return current, copy
            if found.get(turn_key(address)) != MAKING or time.monotonic() >= deadline:
                return current, None
            time.sleep(pause)
            pause = min(2 * pause, LONGEST_PAUSE_SECONDS)

    @staticmethod
    def stale(found, now):
        if found and found.usable_while_down(now):
            return found.response(max_age=0)
        return None

    @staticmethod
    def keep(address, response, current, shows_status):
        """Store the page (made from the data of generation `current`) and tell browsers how
        long they may keep it; a 404 is kept briefly here and not at all by browsers. Whether
        a copy was kept."""
        seconds = lifetime(shows_status, current)
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=seconds)
        else:
            seconds = min(seconds, NOT_FOUND_SECONDS)
        if not seconds or not settings.PAGE_CACHE:
            return False
        if not response.has_header("ETag"):
            set_response_etag(response)
        headers = tuple(
            (name, value) for name, value in response.items() if name != "Cache-Control"
        )
        now = time.time()
        copy = Copy(
            current,
            now,
            now + seconds,
            shows_status,
            response.status_code,
            headers,
            b"" if address.head else response.content,
        )
        if response.status_code == 200 and not shows_status:
            seconds += STALE_SECONDS
        store().set(address.key, copy, timeout=seconds)
        return True


def drop_vary(response, header):
    """The address alone sets the language: a cache need not keep a copy per browser language."""
    if not response.has_header("Vary"):
        return
    kept = [
        name.strip()
        for name in response["Vary"].split(",")
        if name.strip().lower() != header.lower()
    ]
    del response.headers["Vary"]
    if kept:
        patch_vary_headers(response, kept)
