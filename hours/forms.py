"""Checks of a day's intervals as a whole, before anything is saved.

The database refuses overlapping intervals (checked at commit), but a single row cannot see the
other rows of the same form, new or changed; the formset can, so it reports an overlap on the row
that causes it, in Polish, and the database never has to refuse anything.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from .models import SpecialDay
from .schedule import Span, closed_anyway_for

OVERLAP_ERROR = _("Godziny %(hours)s nakładają się na %(other)s tego samego dnia.")


class IntervalFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        taken = {}
        for form, span in self.kept_spans():
            day = self.day_of(form)
            other = next((other for other in taken.get(day, []) if span.overlaps(other)), None)
            if other:
                form.add_error(
                    None, ValidationError(OVERLAP_ERROR, params={"hours": span, "other": other})
                )
            taken.setdefault(day, []).append(span)

    def kept_spans(self):
        """(form, span) for every row that will exist after saving and has valid times."""
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if self._should_delete_form(form) or not data.get("opens") or not data.get("closes"):
                continue
            if data["closes"] > data["opens"]:
                yield form, Span(data["opens"], data["closes"])

    def day_of(self, form):
        """Rows of the same day must not overlap; a special day's rows are all one day."""
        return None


class WeeklyHoursFormSet(IntervalFormSet):
    def day_of(self, form):
        return form.cleaned_data.get("weekday")


class SpecialHoursFormSet(IntervalFormSet):
    """The admin builds this with the special day as the main form just cleaned it, so
    `is_closed` is the editor's new choice."""

    def clean(self):
        super().clean()
        has_hours = any(True for _form in self.kept_spans())
        if self.instance.is_closed and has_hours:
            raise ValidationError(
                _("Dzień nieczynny nie może mieć godzin. Odznacz „nieczynne” albo usuń godziny.")
            )
        if not self.instance.is_closed and not has_hours:
            raise ValidationError(_("Podaj godziny otwarcia tego dnia albo zaznacz „nieczynne”."))


def closed_days_in_words(closed):
    """ "2 stycznia 2027 (sobota), 6 stycznia 2027 (Trzech Króli)" from closed_anyway's dict."""
    return ", ".join(
        f"{formats.date_format(date, 'j E Y')} ({why})" for date, why in closed.items()
    )


class SpecialDayForm(forms.ModelForm):
    """A closure on days that are all closed anyway (a weekday without weekly hours, a public
    holiday) changes nothing for residents: the form says so before saving and saves only once
    the editor ticks "Tak, dodaj mimo to", which appears with the message. Nothing typed is
    lost meanwhile: the form is shown again with every value."""

    SCHEDULE_FIELDS = {"unit", "date_from", "date_to", "is_closed"}

    confirm_closed_anyway = forms.BooleanField(
        label=_("Tak, dodaj mimo to"), required=False, widget=forms.HiddenInput
    )

    class Meta:
        model = SpecialDay
        fields = ["unit", "date_from", "date_to", "is_closed", "reason", "announce"]

    def clean(self):
        data = super().clean()
        closed = self.closed_anyway_unconfirmed(data)
        if closed:
            self.fields["confirm_closed_anyway"].widget = forms.CheckboxInput()
            self.add_error(
                "confirm_closed_anyway",
                ValidationError(
                    _(
                        "Te dni i tak są nieczynne: %(days)s. Dzień specjalny nic dla nich nie "
                        "zmieni. Jeśli mimo to chcesz go dodać (np. dla komunikatu na stronie), "
                        "zaznacz „Tak, dodaj mimo to” i zapisz ponownie."
                    ),
                    code="closed_anyway",
                    params={"days": closed_days_in_words(closed)},
                ),
            )
        return data

    def closed_anyway_unconfirmed(self, data):
        """{date: why} when the closure falls only on days closed anyway and the editor has
        not confirmed it; otherwise {}."""
        if not data.get("is_closed") or data.get("confirm_closed_anyway"):
            return {}
        if self.instance.pk and not self.SCHEDULE_FIELDS & set(self.changed_data):
            return {}
        first = data.get("date_from")
        last = data.get("date_to") or first
        if first is None or last < first or self.has_error("unit"):
            return {}
        closed = closed_anyway_for(data.get("unit"), first, last)
        # A closure of a week with a weekend in it still closes the working days: only a
        # closure that changes no day at all is asked about.
        return closed if len(closed) == (last - first).days + 1 else {}
