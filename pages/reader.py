"""The reader's options: larger text (two steps) and high contrast.

They are switched by plain links (`pages:reader-options`) and kept in one strictly functional
cookie, so no consent is needed and nothing depends on JavaScript. The cookie holds two words,
e.g. `duzy.wysoki`; anything else in it is ignored.
"""

from dataclasses import dataclass, replace

from django.conf import settings
from django.utils.translation import gettext_lazy as _

COOKIE_NAME = "cus_reader"
COOKIE_MAX_AGE = 365 * 24 * 60 * 60
NORMAL = "zwykly"


@dataclass(frozen=True)
class Option:
    value: str  # the word in the link and the cookie
    css_class: str  # the class it puts on <html>
    label: str


TEXT_OPTIONS = [
    Option(NORMAL, "", _("zwykły")),
    Option("duzy", "text-large", _("większy")),
    Option("bardzo-duzy", "text-larger", _("największy")),
]
CONTRAST_OPTIONS = [
    Option(NORMAL, "", _("zwykły")),
    Option("wysoki", "contrast-high", _("wysoki")),
]
TEXT_SIZES = {option.value: option.css_class for option in TEXT_OPTIONS}
CONTRASTS = {option.value: option.css_class for option in CONTRAST_OPTIONS}


@dataclass(frozen=True)
class ReaderOptions:
    text: str = NORMAL
    contrast: str = NORMAL

    @property
    def classes(self):
        return " ".join(name for name in (TEXT_SIZES[self.text], CONTRASTS[self.contrast]) if name)

    @property
    def is_default(self):
        return self == ReaderOptions()

    @property
    def text_options(self):
        return TEXT_OPTIONS

    @property
    def contrast_options(self):
        return CONTRAST_OPTIONS

    def cookie_value(self):
        return f"{self.text}.{self.contrast}"


def from_cookie(request):
    text, _, contrast = request.COOKIES.get(COOKIE_NAME, "").partition(".")
    return ReaderOptions(
        text=text if text in TEXT_SIZES else NORMAL,
        contrast=contrast if contrast in CONTRASTS else NORMAL,
    )


def chosen(request):
    """The options in the cookie, changed by what the link asks (`?tekst=duzy`, `?kontrast=…`)."""
    options = from_cookie(request)
    text, contrast = request.GET.get("tekst"), request.GET.get("kontrast")
    if text in TEXT_SIZES:
        options = replace(options, text=text)
    if contrast in CONTRASTS:
        options = replace(options, contrast=contrast)
    return options


def store(response, options):
    if options.is_default:
        response.delete_cookie(COOKIE_NAME, samesite="Lax")
        return
    response.set_cookie(
        COOKIE_NAME,
        options.cookie_value(),
        max_age=COOKIE_MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
