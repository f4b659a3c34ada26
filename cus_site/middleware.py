from django.conf import settings
from django.utils.cache import patch_cache_control


class PublicCacheMiddleware:
    """Let browsers and proxies keep a public page for a few minutes.

    Pages whose content changes with the clock (the opening-hours status) say `no-cache`
    themselves and are left alone, as are the admin, anyone with a session (signed-in staff,
    whose pages may differ; checked by the cookie, so the session is not loaded and a page
    does not start to vary by it) and anything but a successful GET. ConditionalGetMiddleware
    adds the ETag, so a revalidation after that costs a 304 instead of the page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if self.is_public(request, response):
            patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_SECONDS)
        return response

    @staticmethod
    def is_public(request, response):
        return (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not response.has_header("Cache-Control")
            and not request.path.startswith("/admin/")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )
