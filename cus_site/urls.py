from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

from cus_site import media, outage, passwords, signin

admin.site.site_header = "Centrum Usług Społecznych w Tarnowie – administracja"
admin.site.site_title = "CUS Tarnów – administracja"
admin.site.index_title = "Zarządzanie treścią"

urlpatterns = [
    path("healthz", outage.healthz, name="healthz"),
    path("admin/pliki/<path:path>", media.private_file, name="private-media"),
    # Signing in and the password reset come before the admin's own URLs.
    path("admin/", include(signin.urlpatterns)),
    path("admin/haslo/", include(passwords.urlpatterns)),
    path("admin/", admin.site.urls),
    path("", include("pages.site_urls")),
]

urlpatterns += i18n_patterns(
    path("aktualnosci/", include("news.urls")),
    path("godziny-otwarcia/", include("hours.urls")),
    path("osl/", include("osl.urls")),
    path("wydarzenia/", include("events.urls")),
    path("szukaj/", include("search.urls")),
    # Last: its final pattern, the page tree, takes any path the routes above leave.
    path("", include("pages.urls")),
    prefix_default_language=False,
)


def serve_media(request, path):
    # Only public files (cus_site/media.py). MEDIA_ROOT is read per request, not when the URLs
    # load, so tests can point it elsewhere.
    return serve(request, path, document_root=settings.MEDIA_ROOT / media.PUBLIC)


if settings.SERVE_MEDIA:
    urlpatterns += [re_path(rf"^media/{media.PUBLIC}/(?P<path>.*)$", serve_media)]

handler400 = "pages.views.bad_request"
handler404 = "pages.views.page_not_found"
handler500 = "pages.views.server_error"
