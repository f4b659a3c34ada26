import base64
import functools
import hashlib
import logging
import re

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http import HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)


class AdminPrivacyMiddleware:
    """Nothing under /admin/ (sign-in, password reset, two-factor, the admin itself, private
    files) is indexed or kept by a browser's or a proxy's cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/admin/"):
            response["X-Robots-Tag"] = "noindex, nofollow"
            if not response.has_header("Cache-Control"):
                add_never_cache_headers(response)
        return response


MEGABYTE = 1024 * 1024
# How large a request body may be, by path: the text pages' admin form carries the
# sign-language recording, the other admin forms photos and documents, and nothing else on
# the site takes more than a short form. The nginx example sets the same limits.
BODY_LIMITS = [
    (re.compile(r"^/admin/pages/textpage/(add|\d+/change)/$"), 200 * MEGABYTE),
    (re.compile(r"^/admin/"), 25 * MEGABYTE),
    (re.compile(r""), 1 * MEGABYTE),
]


def body_limit(path):
    return next(limit for pattern, limit in BODY_LIMITS if pattern.match(path))


class RequestBodyLimitMiddleware:
    """Refuse a request whose declared body is over its path's limit with the Polish 413 page,
    before anything reads the body. A body without a length (chunked) is not read by Django
    at all."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > body_limit(request.path_info):
            return request_too_large(body_limit(request.path_info))
        return self.get_response(request)


def request_too_large(limit):
    page = loader.render_to_string("413.html", {"limit_megabytes": limit // MEGABYTE})
    return HttpResponse(page, status=413)


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with a second policy for the admin (ADMIN_CONTENT_SECURITY_POLICY
    replaces directives of the strict public one): the admin's widgets need what public pages
    never get, and nothing more."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith("/admin/"):
            parts.replace = {**admin_policy(), **(parts.replace or {})}
        return parts


@functools.cache
def admin_policy():
    """The admin's directives, with the hash of the prose editor's import map: an inline
    <script type="importmap"> that a browser would otherwise refuse to read."""
    from django_prose_editor.widgets import importmap

    script = re.fullmatch(r"<script[^>]*>(.*)</script>", str(importmap), re.S)[1]
    digest = hashlib.sha256(script.encode()).digest()
    policy = dict(settings.ADMIN_CONTENT_SECURITY_POLICY)
    policy["script-src"] = [*policy["script-src"], f"'sha256-{base64.b64encode(digest).decode()}'"]
    return policy


class StorageUnavailableMiddleware:
    """A save that the object storage refused midway (after the form's own check passed) ends
    in a Polish 503 page, not a 500; the admin's transaction has rolled the rows back."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from cus_site.storage import UNAVAILABLE_MESSAGE, StorageUnavailable

        if not isinstance(exception, StorageUnavailable):
            return None
        logger.error("Object storage refused a file: %s", exception)
        page = loader.render_to_string(
            "503_storage.html", {"message": UNAVAILABLE_MESSAGE}, request=request
        )
        return HttpResponse(page, status=503)
