"""Where an event is, in the words of the page, the calendar file and the JSON-LD.

The place is a unit of the centre (its name and address come from the hours app) or a place
typed for the event; an event only in the internet has none.
"""

from dataclasses import dataclass, replace

from cus_site.translated import fallback_language


@dataclass(frozen=True)
class Place:
    name: str
    street: str
    postal_code: str
    city: str
    map_url: str = ""
    # "pl" when the name is the Polish stand-in for a missing translation.
    name_language: str = ""

    @property
    def address_lines(self):
        postal = " ".join(part for part in (self.postal_code, self.city) if part)
        return [line for line in (self.street, postal) if line]

    @property
    def one_line(self):
        """ "Plac Rybny, Tarnów": for a calendar's LOCATION."""
        parts = [self.name, *self.address_lines]
        return ", ".join(dict.fromkeys(part for part in parts if part))


def unit_place(unit, name_language=""):
    return Place(
        unit.display_name, unit.street_address, unit.postal_code, unit.city, "", name_language
    )


def place_of(event):
    """The event's place, or None for an event only in the internet. With a unit, a typed name
    ("Sala nr 3") names the room and the unit's address serves unless one is typed too."""
    if event.attendance == event.Attendance.ONLINE:
        return None
    if event.unit_id and not event.street_address:
        place = unit_place(event.unit, fallback_language(event.unit, "full_name"))
        if event.place_name:
            place = replace(
                place,
                name=f"{event.place_name}, {place.name}",
                name_language=fallback_language(event, "place_name"),
            )
        return replace(place, map_url=event.map_url)
    return Place(
        event.place_name,
        event.street_address,
        event.postal_code,
        event.city,
        event.map_url,
        fallback_language(event, "place_name"),
    )
