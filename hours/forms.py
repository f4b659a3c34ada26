"""Checks of a day's intervals as a whole, before anything is saved.

The database refuses overlapping intervals (checked at commit), but a single row cannot see the
other rows of the same form, new or changed; the formset can, so it reports an overlap on the row
that causes it, in Polish, and the database never has to refuse anything.
"""

from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from .schedule import Span

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
