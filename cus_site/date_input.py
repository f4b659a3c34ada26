"""How editors may type a date: as on paper, "2.01.2027" or "2 stycznia 2027" (also
"2 styczeń 2027" and with a trailing "r."), besides the ISO "2027-01-02" the admin's calendar
writes. A date that is none of these gets a message with an example, not Django's bare
"Wpisz poprawną datę."."""

import datetime
import re

from django import forms
from django.contrib.admin.widgets import AdminDateWidget
from django.utils.translation import gettext_lazy as _

EXAMPLE = _("np. 2.01.2027")
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("stycznia", "styczeń"),
            ("lutego", "luty"),
            ("marca", "marzec"),
            ("kwietnia", "kwiecień"),
            ("maja", "maj"),
            ("czerwca", "czerwiec"),
            ("lipca", "lipiec"),
            ("sierpnia", "sierpień"),
            ("września", "wrzesień"),
            ("października", "październik"),
            ("listopada", "listopad"),
            ("grudnia", "grudzień"),
        ],
        start=1,
    )
    for name in names
}
WORDS = re.compile(r"(\d{1,2})\s+([^\W\d_]+)\s+(\d{4})(\s*r\.?)?", re.IGNORECASE)


def date_from_words(text):
    """The date of "2 stycznia 2027", or None when the text is not of that form."""
    match = WORDS.fullmatch(text.strip())
    month = match and MONTHS.get(match[2].lower())
    if not month:
        return None
    try:
        return datetime.date(int(match[3]), month, int(match[1]))
    except ValueError:
        return None


class PolishDateField(forms.DateField):
    default_error_messages = {
        "invalid": _("Wpisz datę, np. 2.01.2027 albo 2 stycznia 2027."),
    }
    input_formats = ["%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y"]

    def to_python(self, value):
        if isinstance(value, str) and (date := date_from_words(value)):
            return date
        return super().to_python(value)


class PolishDateWidget(AdminDateWidget):
    """The admin's date field with its calendar, an example and the Polish way of writing."""

    def __init__(self, attrs=None):
        super().__init__(attrs={"placeholder": EXAMPLE, **(attrs or {})}, format="%d.%m.%Y")


# For a ModelAdmin's formfield_overrides.
POLISH_DATES = {"form_class": PolishDateField, "widget": PolishDateWidget}
