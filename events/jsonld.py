"""schema.org `Event` of an event's page, for search engines and other sites."""

from django.conf import settings
from django.utils.translation import get_language, gettext

from .places import place_of

STATUS = {
    "planned": "https://schema.org/EventScheduled",
    "moved": "https://schema.org/EventRescheduled",
    "cancelled": "https://schema.org/EventCancelled",
}
ATTENDANCE = {
    "offline": "https://schema.org/OfflineEventAttendanceMode",
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "mixed": "https://schema.org/MixedEventAttendanceMode",
}


def moment(event, day, time):
    return event.moment(day, time).isoformat() if time else day.isoformat()


def location(event):
    place = place_of(event)
    found = []
    if place:
        address = {
            "@type": "PostalAddress",
            "streetAddress": place.street,
            "postalCode": place.postal_code,
            "addressLocality": place.city,
            "addressCountry": "PL",
        }
        address = {key: value for key, value in address.items() if value}
        found.append({"@type": "Place", "name": place.name, "address": address})
    if event.online_url:
        found.append({"@type": "VirtualLocation", "url": event.online_url})
    return found[0] if len(found) == 1 else found


def organizers(event):
    names = [gettext("Centrum Usług Społecznych w Tarnowie")] if event.by_centre else []
    if event.organiser:
        names.append(event.organiser)
    found = [{"@type": "Organization", "name": name} for name in names]
    if event.by_centre:
        found[0]["url"] = f"{settings.SITE_URL}/"
    return found


def offer(event, url):
    data = {"@type": "Offer", "url": event.registration_url or url, "priceCurrency": "PLN"}
    if event.price is not None:
        data["price"] = str(event.price)
    if event.price_note:
        data["description"] = event.price_note
    if event.registration_deadline:
        data["validThrough"] = event.registration_deadline.isoformat()
    data["availability"] = (
        "https://schema.org/SoldOut" if event.is_full else "https://schema.org/InStock"
    )
    return data


def event_data(event, url, image_url):
    """The data of one event page (`url` its absolute address, `image_url` its cover's or "")."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": url,
        "inLanguage": get_language(),
        "startDate": moment(event, event.starts_on, event.starts_at),
        "endDate": moment(event, event.ends_on, event.ends_at),
        "eventStatus": STATUS[event.state],
        "eventAttendanceMode": ATTENDANCE[event.attendance],
        "location": location(event),
        "dateModified": event.updated_at.isoformat(),
    }
    if event.lead:
        data["description"] = event.lead
    if event.is_moved and event.previous_starts_on:
        data["previousStartDate"] = event.previous_starts_on.isoformat()
    if found := organizers(event):
        data["organizer"] = found if len(found) > 1 else found[0]
    if event.admission:
        data["isAccessibleForFree"] = event.admission == event.Admission.FREE
    if event.admission == event.Admission.PAID:
        data["offers"] = offer(event, url)
    if image_url:
        data["image"] = [image_url]
    if not data["location"]:
        del data["location"]
    return data
