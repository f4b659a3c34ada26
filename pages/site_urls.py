"""Paths outside the language prefixes: robots.txt, the sitemap index and the 413 page the
proxy shows."""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from . import views
from .sitemaps import SITEMAPS

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("blad-413/", views.request_too_large, name="request-too-large"),
    path(
        "sitemap.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
]
