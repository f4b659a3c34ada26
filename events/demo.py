"""The seed's past events: only those whose post says both the day and the place.

The seed has no upcoming events, and none is made up. Four posts give a day and a place in
their text; each becomes an all-day event (no post gives an hour) on that day of the post's
year, at that place, linked to its post, with nothing else filled in. The other posts give a
day without a place ("Dzisiaj, 12 września 2023 r."), a place without a day ("w Klubie
Senior+ przy ul. Gumniska 25"), or neither, and stay posts only.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction

from cus_site.slugs import slugify_pl
from hours.models import Unit
from news.models import SLUG_LENGTH as POST_SLUG_LENGTH
from news.models import Post

from .models import SLUG_LENGTH, Event

PUNKT_LAVENLOVE = (
    "Punkt Integracji Społecznej „LavenLove” oraz „Aniołowie” – "
    "Galeria Twórczości Artystów Niepełnosprawnych"
)


@dataclass(frozen=True)
class SeedEvent:
    post_title: str
    # The words of the post that give the day and the place.
    says: str
    title: str
    month: int
    day: int
    place_name: str = ""
    unit: str = ""
    # The town only where the post names it.
    city: str = ""


SEED_EVENTS = [
    SeedEvent(
        post_title="„DOBRODZIEŃ’23” – CZAS PODSUMOWAŃ",
        says="Dzisiaj, 6 lipca, w Centrum Usług Społecznych w Tarnowie",
        title="Spotkanie podsumowujące „DobrDzień’23”",
        month=7,
        day=6,
        unit="CUS",
    ),
    SeedEvent(
        post_title="DobroDzień’23",
        says="W niedzielę 25 czerwca, na Placu Rybnym w Tarnowie",
        title="DobroDzień’23",
        month=6,
        day=25,
        place_name="Plac Rybny",
        city="Tarnów",
    ),
    SeedEvent(
        post_title="Warsztaty plastyczne pn. „Rączka do rączki”",
        says="W sobotnie przedpołudnia, 3 czerwca, kolejny raz, w Punkcie Integracji Społecznej",
        title="Warsztaty plastyczne „Rączka do rączki”",
        month=6,
        day=3,
        place_name=PUNKT_LAVENLOVE,
    ),
    SeedEvent(
        post_title="Warsztaty kosmetyczne pn. „Pielęgnacja dla mamy i córki”",
        says="W sobotnie przedpołudnia, 27 maja, w Punkcie Integracji Społecznej",
        title="Warsztaty kosmetyczne „Pielęgnacja dla mamy i córki”",
        month=5,
        day=27,
        place_name=PUNKT_LAVENLOVE,
    ),
]


def load_event(item):
    post = Post.objects.filter(slug_pl=slugify_pl(item.post_title, POST_SLUG_LENGTH)).first()
    if post is None or item.says not in post.lead_pl:
        return False
    day = datetime.date(post.published_at.year, item.month, item.day)
    event, created = Event.objects.get_or_create(
        slug_pl=slugify_pl(f"{item.title} {day.year}", SLUG_LENGTH),
        defaults={
            "title_pl": item.title,
            "starts_on": day,
            "ends_on": day,
            "unit": Unit.objects.filter(short_name=item.unit).first() if item.unit else None,
            "place_name_pl": item.place_name,
            "city": item.city,
            "by_centre": False,
            "status": Event.Status.PUBLISHED,
        },
    )
    if created:
        event.posts.add(post)
    return created


@transaction.atomic
def load(seed):
    added = sum(load_event(item) for item in SEED_EVENTS)
    return f"dodano minione wydarzenia: {added}" if added else "bez zmian"
