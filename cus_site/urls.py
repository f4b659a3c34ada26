from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

admin.site.site_header = "Centrum Usług Społecznych w Tarnowie – administracja"
admin.site.site_title = "CUS Tarnów – administracja"
admin.site.index_title = "Zarządzanie treścią"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("pages.site_urls")),
]

urlpatterns += i18n_patterns(
    path("aktualnosci/", include("news.urls")),
    path("godziny-otwarcia/", include("hours.urls")),
    path("osl/", include("osl.urls")),
    path("szukaj/", include("search.urls")),
    # Last: its final pattern, the page tree, takes any path the routes above leave.
    path("", include("pages.urls")),
    prefix_default_language=False,
)


def serve_media(request, path):
    # MEDIA_ROOT is read per request, not when the URLs load, so tests can point it elsewhere.
    return serve(request, path, document_root=settings.MEDIA_ROOT)


if settings.SERVE_MEDIA:
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve_media)]

handler404 = "pages.views.page_not_found"
handler500 = "pages.views.server_error"
