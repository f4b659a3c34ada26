import datetime

from django.contrib import admin, messages
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from cus_site.admin import TranslatedEditorAdmin, VersionedAdmin, related_filter
from cus_site.date_input import time_box

from .forms import SpecialDayForm, SpecialHoursFormSet, WeeklyHoursFormSet, closed_days_in_words
from .models import SpecialDay, SpecialHours, Unit, WeeklyHours
from .schedule import closed_anyway_for, public_holidays

ALL_UNITS = _("wszystkie jednostki")
# Opening hours' own example: the centre's offices open at 7:30.
HOURS_WIDGET = {models.TimeField: {"widget": time_box(_("np. 7:30"))}}


class WeeklyHoursInline(admin.TabularInline):
    model = WeeklyHours
    formfield_overrides = HOURS_WIDGET
    formset = WeeklyHoursFormSet
    fields = ["weekday", "opens", "closes"]
    extra = 1
    verbose_name = _("przedział godzin")
    verbose_name_plural = _("Godziny w tygodniu")


@admin.register(Unit)
class UnitAdmin(VersionedAdmin, TranslatedEditorAdmin):
    counted = ngettext_lazy("%(counter)s jednostka", "%(counter)s jednostki", "counter")
    list_display = ["short_name", "full_name", "order", "is_visible"]
    list_filter = ["is_visible"]
    search_fields = ["short_name", "full_name"]
    inlines = [WeeklyHoursInline]
    fieldsets = [
        (
            None,
            {
                "fields": ["short_name", "full_name", "order", "is_visible"],
                "description": _(
                    "Godziny otwarcia wpisz w tabeli „Godziny w tygodniu” na dole: dzień bez "
                    "godzin jest nieczynny, a przerwę wpisz jako dwa przedziały, np. 7:30–12:00 "
                    "i 12:30–15:30."
                ),
            },
        ),
        (
            _("Kontakt (karta jednostki na stronie „Kontakt”)"),
            {"fields": ["street_address", "postal_code", "city", "phone", "email"]},
        ),
        (
            _("Wizyta"),
            {"fields": ["entrance", "accessibility", "interpreter_booking"]},
        ),
    ]


class SpecialHoursInline(admin.TabularInline):
    model = SpecialHours
    formfield_overrides = HOURS_WIDGET
    formset = SpecialHoursFormSet
    fields = ["opens", "closes"]
    extra = 1
    verbose_name = _("przedział godzin")
    verbose_name_plural = _("Godziny tego dnia")


@admin.register(SpecialDay)
class SpecialDayAdmin(VersionedAdmin, TranslatedEditorAdmin):
    counted = ngettext_lazy("%(counter)s dzień specjalny", "%(counter)s dni specjalne", "counter")
    # Our list (the coming holidays above it) on top of the history's one ("Przywróć usunięte").
    change_list_template = "admin/hours/specialday/change_list.html"
    list_display = ["date_from", "date_to", "unit_or_all", "reason", "is_closed", "announce"]
    list_filter = [("unit", related_filter(ALL_UNITS)), "is_closed", "announce"]
    list_select_related = ["unit"]
    date_hierarchy = "date_from"
    search_fields = ["reason"]
    form = SpecialDayForm
    # The form's question "Tak, dodaj mimo to" (hidden until asked) beside the closure it is about.
    fields = [
        "unit",
        "date_from",
        "date_to",
        "is_closed",
        "confirm_closed_anyway",
        "reason",
        "announce",
    ]
    inlines = [SpecialHoursInline]

    @admin.display(description=_("jednostka"), ordering="unit")
    def unit_or_all(self, special_day):
        return special_day.unit or ALL_UNITS

    def changelist_view(self, request, extra_context=None):
        """The list with the coming public holidays above it: they are closed days too, from
        the holidays library, not rows an editor adds."""
        today = timezone.localdate()
        last = today + datetime.timedelta(days=60)
        holidays = public_holidays(today, last).items()
        coming = sorted((date, name) for date, name in holidays if today <= date <= last)
        extra_context = {"coming_holidays": coming, **(extra_context or {})}
        return super().changelist_view(request, extra_context)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "unit":
            kwargs["empty_label"] = ALL_UNITS
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if form.instance.is_closed:
            self.warn_if_closed_anyway(request, form.instance)

    def warn_if_closed_anyway(self, request, special_day):
        """A closure on days the unit (or every unit) is closed anyway changes nothing for them;
        when every day is such, the form has asked already (hours.forms.SpecialDayForm)."""
        closed = closed_anyway_for(special_day.unit, special_day.date_from, special_day.date_to)
        if closed:
            days = closed_days_in_words(closed)
            messages.info(
                request,
                _("Te dni i tak są nieczynne: %(days)s. Dla nich dzień specjalny nic nie zmienia.")
                % {"days": days},
            )
