import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from cus_site import cache
from cus_site.translated import fallback_language, in_language
from cus_site.typography import typeset
from hours.models import Unit
from hours.schedule import Timetable, week_of
from hours.status import LOOKAHEAD_DAYS, unit_status
from hours.week import compact_week

register = template.Library()

# Inside <script> only "<", ">" and "&" could end the element or start markup early.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag
def weekly_hours_footer():
    """The usual week of every visible unit, in the compact form: no status, so the pages that
    show only this stay cacheable; made once per change."""
    return cache.fragment(
        "footer-hours",
        lambda: render_to_string("includes/weekly_hours.html", {"units": footer_weeks()}),
    )


def footer_weeks():
    units = Unit.objects.visible().with_weekly_hours()
    return [(unit, compact_week(week_of(unit))) for unit in units]


@register.inclusion_tag("includes/unit_statuses.html")
def unit_statuses():
    """Whether each visible unit is open now (the page cache keeps the page only until the
    next opening or closing)."""
    now = timezone.localtime()
    timetable = Timetable.shown(now.date(), LOOKAHEAD_DAYS + 1)
    return {"statuses": [(unit, unit_status(timetable, unit, now)) for unit in timetable.units]}


@register.filter
def json_ld(data):
    """Data as JSON safe to place inside <script type="application/ld+json">."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.translate(SCRIPT_ESCAPES))


@register.simple_tag
def unit_name(unit, first_use=True):
    """A unit's name as a page uses it: on first use the full name with the abbreviation,
    "Centrum Usług Społecznych w Tarnowie (<abbr>CUS</abbr>)"; later the abbreviation alone,
    its full name in `title`. A unit without a full name is its abbreviation."""
    if not unit.full_name:
        return unit.short_name
    if not first_use:
        return format_html('<abbr title="{}">{}</abbr>', unit.full_name, unit.short_name)
    full_name = in_language(typeset(unit.full_name), fallback_language(unit, "full_name"))
    return format_html("{} (<abbr>{}</abbr>)", full_name, unit.short_name)
