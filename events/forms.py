import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .dates import month_and_year
from .models import Audience

# The month filter offers this month and the next ones.
MONTHS_AHEAD = 12


def months_from(today, count=MONTHS_AHEAD):
    first = today.replace(day=1)
    for _number in range(count):
        yield first
        first = (first + datetime.timedelta(days=31)).replace(day=1)


class EventFilterForm(forms.Form):
    """The list's filters, sent by GET so they work without JavaScript. A value that is not on
    the lists (`?month=13`, `?audience=<script>`) is a form error, shown on the page."""

    audience = forms.ModelChoiceField(
        label=_("Dla kogo"),
        queryset=Audience.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("dla wszystkich grup"),
        error_messages={"invalid_choice": _("Wybierz odbiorców z listy.")},
    )
    month = forms.ChoiceField(
        label=_("Miesiąc"),
        required=False,
        error_messages={"invalid_choice": _("Wybierz miesiąc z listy.")},
    )

    def __init__(self, data=None, today=None):
        super().__init__(data)
        today = today or timezone.localdate()
        self.fields["month"].choices = [("", _("wszystkie miesiące"))] + [
            (f"{month:%Y-%m}", month_and_year(month)) for month in months_from(today)
        ]

    def clean_month(self):
        value = self.cleaned_data["month"]
        return datetime.date.fromisoformat(f"{value}-01") if value else None


class EventDateFormSet(BaseInlineFormSet):
    """Repeat dates checked against the event's days as the main form just cleaned them."""

    def clean(self):
        super().clean()
        event = self.instance
        if event.starts_on is None or event.ends_on is None:
            return
        seen = set()
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            day = data.get("date")
            if not day or self._should_delete_form(form):
                continue
            if not event.starts_on < day < event.ends_on:
                form.add_error(
                    "date",
                    ValidationError(
                        _(
                            "Powtórzenie musi wypadać między pierwszym a ostatnim dniem "
                            "wydarzenia (%(first)s – %(last)s)."
                        ),
                        params={
                            "first": date_format(event.starts_on, "SHORT_DATE_FORMAT"),
                            "last": date_format(event.ends_on, "SHORT_DATE_FORMAT"),
                        },
                    ),
                )
            elif day in seen:
                form.add_error("date", _("Ten dzień jest już na liście powtórzeń."))
            seen.add(day)
        if seen and event.ends_at is not None and event.starts_at >= event.ends_at:
            raise ValidationError(
                _("Przy powtórzeniach godzina zakończenia musi być późniejsza niż rozpoczęcia.")
            )
