from django.contrib import admin
from django.contrib.admin.widgets import AdminTimeWidget
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from cus_site.admin import TranslatedEditorAdmin

from .forms import SpecialHoursFormSet, WeeklyHoursFormSet
from .models import SpecialDay, SpecialHours, Unit, WeeklyHours

# "07:30" rather than Django's "07:30:00": editors type and read hours without seconds.
HOURS_WIDGET = {models.TimeField: {"widget": AdminTimeWidget(format="%H:%M")}}


class WeeklyHoursInline(admin.TabularInline):
    model = WeeklyHours
    formfield_overrides = HOURS_WIDGET
    formset = WeeklyHoursFormSet
    fields = ["weekday", "opens", "closes"]
    extra = 1
    verbose_name = _("przedział godzin")
    verbose_name_plural = _(
        "Godziny w tygodniu (dzień bez godzin jest nieczynny; przerwę wpisz jako dwa przedziały)"
    )


@admin.register(Unit)
class UnitAdmin(TranslatedEditorAdmin):
    counted = ngettext_lazy("%(counter)s jednostka", "%(counter)s jednostki", "counter")
    list_display = ["short_name", "full_name", "order", "is_visible"]
    list_filter = ["is_visible"]
    search_fields = ["short_name", "full_name"]
    inlines = [WeeklyHoursInline]
    fieldsets = [
        (None, {"fields": ["short_name", "full_name", "order", "is_visible"]}),
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
    verbose_name_plural = _("Godziny tego dnia (tylko gdy nie jest nieczynny)")


@admin.register(SpecialDay)
class SpecialDayAdmin(TranslatedEditorAdmin):
    counted = ngettext_lazy("%(counter)s dzień specjalny", "%(counter)s dni specjalne", "counter")
    list_display = ["date_from", "date_to", "unit_or_all", "reason", "is_closed", "announce"]
    list_filter = ["unit", "is_closed", "announce"]
    list_select_related = ["unit"]
    date_hierarchy = "date_from"
    search_fields = ["reason"]
    inlines = [SpecialHoursInline]

    @admin.display(description=_("jednostka"), ordering="unit")
    def unit_or_all(self, special_day):
        return special_day.unit or _("wszystkie jednostki")
