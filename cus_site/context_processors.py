from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from cus_site.translated import language_links
from pages import reader
from pages.models import SiteSettings

OG_LOCALES = {"pl": "pl_PL", "en": "en_GB", "uk": "uk_UA"}


def site(request):
    """What every page's layout needs: the centre's details (cached, at most one query), the
    reader's text size and contrast from their cookie, and the page's canonical address (a view
    showing an object gives its own, see `translated.canonical_meta`)."""
    options = reader.from_cookie(request)
    return {
        "site_settings": SiteSettings.objects.get_current(),
        "reader": options,
        "reader_classes": options.classes,
        "canonical_url": canonical_url(request),
        "og_locale": OG_LOCALES.get(translation.get_language(), "pl_PL"),
    }


def canonical_url(request):
    """The page's own address: the path, with the page number of a list beyond its first."""
    page = request.GET.get("page", "")
    query = f"?page={page}" if page.isdigit() and page != "1" else ""
    return f"{settings.SITE_URL}{request.path}{query}"


def languages(request):
    """The same page in each language, for the switcher and the hreflang links.

    Paths keep their Polish words under /en/ and /uk/, and detail views accept the Polish slug
    in every language, so a translated URL never leads to a 404. A page of an object with
    translated slugs gives its own links (`translated.object_language_links`)."""
    return language_links(lambda code: translate_url(request.path, code))
