from django.urls import path, re_path

from . import views
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
    path("dokumenty/<int:pk>/", views.document, name="document"),
    # The page tree answers what no route of the site does: one to four slugs, each followed by
    # a slash. It stays last, and cus_site/urls.py includes these patterns last.
    re_path(r"^(?P<path>(?:[-\w]+/){1,4})$", views.PageView.as_view(), name="page"),
]
