from django.urls import path

from . import views
from .feeds import NoticeFeed
from .models import TextPage

app_name = "pages"

urlpatterns = [
    path("", views.home, name="home"),
    path("kontakt/", views.ContactView.as_view(), name="contact"),
    path(
        "deklaracja-dostepnosci/",
        views.AccessibilityStatementView.as_view(),
        name="accessibility-statement",
    ),
    path(
        "tekst-latwy-do-czytania/",
        views.TextPageView.as_view(),
        {"slug": TextPage.Slug.EASY_READ},
        name="easy-read",
    ),
    path(
        "polski-jezyk-migowy/",
        views.TextPageView.as_view(),
        {"slug": TextPage.Slug.SIGN_LANGUAGE},
        name="sign-language",
    ),
    path(
        "ochrona-danych-osobowych/",
        views.PrivacyView.as_view(),
        {"slug": TextPage.Slug.PRIVACY},
        name="privacy",
    ),
    path("wyglad/", views.reader_options, name="reader-options"),
    path("komunikaty/rss/", NoticeFeed(), name="notice-feed"),
    path("komunikaty/podglad/<int:pk>/", views.notice_preview, name="notice-preview"),
]
