from django.urls import translate_url

from cus_site.translated import language_links
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


def languages(request):
    """The same page in each language, for the switcher and the hreflang links.

    Paths keep their Polish words under /en/ and /uk/, and detail views accept the Polish slug
    in every language, so a translated URL never leads to a 404. A page of an object with
    translated slugs gives its own links (`translated.object_language_links`)."""
    return language_links(lambda code: translate_url(request.path, code))
