from django.utils.cache import patch_vary_headers

from .redirects import Redirect


class ReaderOptionsVaryMiddleware:
    """Tell caches that an HTML page depends on the reader-options cookie.

    Every page puts the reader's text size and contrast classes on <html>, so a cache must not
    hand one reader's page to another. Public pages set no other cookie, so visitors without
    the option cookie send no Cookie header at all and share one cached copy; a proxy that
    keys on `cus_reader` alone keeps at most six. Feeds, sitemaps and files are left alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("text/html"):
            patch_vary_headers(response, ["Cookie"])
        return response


class RedirectMiddleware:
    """Answer an old address from the site's redirects (`pages/redirects.py`).

    Our own routes and the page tree come first, so a redirect is looked up only when they
    answered 404; the one exception is the root with a query string (WordPress's `/?p=123`),
    which the home page would answer with a 200, so it is looked up before the view runs.
    Only GET and HEAD are redirected: a 301 would turn a form's POST into a GET.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        if request.path_info == "/" and request.META.get("QUERY_STRING"):
            found = Redirect.objects.for_request(request)
            if found:
                return found.response()
        response = self.get_response(request)
        found = Redirect.objects.for_request(request) if response.status_code == 404 else None
        return found.response() if found else response
