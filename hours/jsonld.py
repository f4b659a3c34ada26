"""schema.org data for search engines: a `GovernmentOffice` per unit with its hours.

Closed days are written as Google documents them: opens and closes both "00:00", with the day in
validFrom and validThrough.
"""

from cus_site.phones import tel_href

from .models import Weekday

DAY_OF_WEEK = {
    Weekday.MONDAY: "https://schema.org/Monday",
    Weekday.TUESDAY: "https://schema.org/Tuesday",
    Weekday.WEDNESDAY: "https://schema.org/Wednesday",
    Weekday.THURSDAY: "https://schema.org/Thursday",
    Weekday.FRIDAY: "https://schema.org/Friday",
    Weekday.SATURDAY: "https://schema.org/Saturday",
    Weekday.SUNDAY: "https://schema.org/Sunday",
}


def government_office(unit, week, changes, url):
    """`week`: seven tuples of spans, Monday first; `changes`: the unit's `ChangedDays`."""
    office = {
        "@context": "https://schema.org",
        "@type": "GovernmentOffice",
        "@id": url,
        "url": url,
        "name": unit.display_name,
        "address": postal_address(unit),
        "openingHoursSpecification": weekly_specification(week),
        "specialOpeningHoursSpecification": [
            specification for change in changes for specification in special_specification(change)
        ],
    }
    if unit.full_name:
        office["alternateName"] = unit.short_name
    if unit.phone:
        office["telephone"] = tel_href(unit.phone).removeprefix("tel:")
    if unit.email:
        office["email"] = unit.email
    return office


def postal_address(unit):
    """The unit's address; the city (Tarnów unless changed) and country are always known."""
    address = {
        "@type": "PostalAddress",
        "streetAddress": unit.street_address,
        "postalCode": unit.postal_code,
        "addressLocality": unit.city,
        "addressCountry": "PL",
    }
    return {key: value for key, value in address.items() if value}


def weekly_specification(week):
    days_by_span = {}
    for weekday, spans in enumerate(week):
        for span in spans:
            days_by_span.setdefault(span, []).append(DAY_OF_WEEK[weekday])
    return [
        hours_specification(span.opens, span.closes, dayOfWeek=days)
        for span, days in sorted(days_by_span.items())
    ]


def special_specification(change):
    dates = {"validFrom": change.first.isoformat(), "validThrough": change.last.isoformat()}
    if not change.schedule.is_open:
        return [
            {"@type": "OpeningHoursSpecification", **dates, "opens": "00:00", "closes": "00:00"}
        ]
    return [hours_specification(span.opens, span.closes, **dates) for span in change.schedule.spans]


def hours_specification(opens, closes, **extra):
    return {
        "@type": "OpeningHoursSpecification",
        **extra,
        "opens": opens.strftime("%H:%M"),
        "closes": closes.strftime("%H:%M"),
    }
