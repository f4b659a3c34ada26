from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from pages import reader
from pages.models import SiteSettings


def site(request):
    """What every page's layout needs: the centre's details (cached, at most one query) and the
    reader's text size and contrast from their cookie."""
    options = reader.from_cookie(request)
    return {
        "site_settings": SiteSettings.objects.get_current(),
        "reader": options,
        "reader_classes": options.classes,
    }


LANGUAGE_NAMES = {"pl": "Polski", "en": "English", "uk": "Українська"}


def languages(request):
    """The same page in each language, for the switcher and the hreflang links.

    Paths keep their Polish words under /en/ and /uk/, and detail views accept the Polish slug
    in every language, so a translated URL never leads to a 404."""
    path = request.path
    current = translation.get_language()
    links = [
        {
            "code": code,
            "name": LANGUAGE_NAMES[code],
            "path": translate_url(path, code),
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]
    for link in links:
        link["url"] = settings.SITE_URL + link["path"]
    return {"language_links": links, "default_language_url": links[0]["url"]}
