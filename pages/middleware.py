from django.utils.cache import patch_vary_headers


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
