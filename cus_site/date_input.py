"""How editors may type a date: as on paper, "2.01.2027" or "2 stycznia 2027" (also
"2 styczeń 2027" and with a trailing "r."), besides the ISO "2027-01-02" the admin's calendar
writes. A date that is none of these gets a message with an example, not Django's bare
"Wpisz poprawną datę.". A time is typed into a plain box with an example ("np. 9:00"), without
the admin's clock and its "Teraz" link, and is shown without seconds.

Every editor admin and inline takes this for its date, date-and-time and time fields
(`PolishDatesMixin`)."""

import datetime
import re

from django import forms
from django.contrib.admin.widgets import AdminDateWidget, AdminSplitDateTime, BaseAdminDateWidget
from django.db import models
from django.utils.translation import gettext_lazy as _

EXAMPLE = _("np. 2.01.2027")
TIME_EXAMPLE = _("np. 9:00")
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


def time_box(example=TIME_EXAMPLE):
    """A plain box for a time, "9:00" rather than Django's "09:00:00", with an example."""
    return forms.TimeInput(
        format="%H:%M", attrs={"placeholder": example, "size": 8, "inputmode": "text"}
    )


class MinutesHiddenDateTime(forms.SplitHiddenDateTimeWidget):
    """The copy of a date-and-time the form keeps to tell whether an editor changed it (a field
    with a default, as a post's date): written as the boxes show it, to the minute."""

    def __init__(self, attrs=None):
        super().__init__(attrs, date_format="%d.%m.%Y", time_format="%H:%M")


class PolishDateTimeField(forms.SplitDateTimeField):
    """A date and a time in two boxes, the date typed as `PolishDateField` takes it."""

    hidden_widget = MinutesHiddenDateTime

    default_error_messages = {
        "invalid_date": PolishDateField.default_error_messages["invalid"],
        "invalid_time": _("Wpisz godzinę, np. 9:00."),
    }

    def __init__(self, **kwargs):
        errors = {**self.default_error_messages, **kwargs.get("error_messages", {})}
        fields = (
            PolishDateField(error_messages={"invalid": errors["invalid_date"]}),
            forms.TimeField(error_messages={"invalid": errors["invalid_time"]}),
        )
        forms.MultiValueField.__init__(self, fields, **kwargs)

    def has_changed(self, initial, data):
        # The time box shows minutes: a time stored with seconds is unchanged if its minute is
        # (else every save would count the date as an editor's, news.admin.PostAdmin).
        if isinstance(initial, datetime.datetime):
            initial = initial.replace(second=0, microsecond=0)
        return super().has_changed(initial, data)


class PolishDateTimeWidget(AdminSplitDateTime):
    """The admin's date box with its calendar, and a plain time box. The date box is the bare
    one: `PolishDateWidget` wraps itself in a paragraph, and this widget is one already."""

    def __init__(self, attrs=None):
        date = BaseAdminDateWidget(attrs={"placeholder": EXAMPLE}, format="%d.%m.%Y")
        forms.MultiWidget.__init__(self, [date, time_box()], attrs)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["time_label"] = _("Godzina:")
        return context


# For a ModelAdmin's formfield_overrides.
POLISH_DATES = {"form_class": PolishDateField, "widget": PolishDateWidget}
FORMFIELD_OVERRIDES = {
    models.DateField: POLISH_DATES,
    models.DateTimeField: {"form_class": PolishDateTimeField, "widget": PolishDateTimeWidget},
    models.TimeField: {"widget": time_box()},
}


class PolishDatesMixin:
    """For a ModelAdmin or an inline: its date, date-and-time and time fields as above. What an
    admin says in its own `formfield_overrides` for them wins (the hours' "np. 7:30")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        own = type(self).formfield_overrides
        for db_field, overrides in FORMFIELD_OVERRIDES.items():
            self.formfield_overrides[db_field] = {
                **self.formfield_overrides.get(db_field, {}),
                **overrides,
                **own.get(db_field, {}),
            }
