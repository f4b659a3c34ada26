"""The demo's past events: only what the seed's posts say, linked to them, loaded once."""

import datetime

from django.core.management import call_command

from cus_site.seed import read_seed
from events import demo
from events.models import Event
from news.models import Post


def test_the_demo_makes_only_the_past_events_whose_post_gives_day_and_place(db):
    call_command("load_demo", verbosity=0)
    events = list(Event.objects.order_by("starts_on"))
    facts = [
        (event.title_pl, event.starts_on, event.place_name_pl, event.unit and event.unit.short_name)
        for event in events
    ]
    assert facts == [
        (
            "Warsztaty kosmetyczne „Pielęgnacja dla mamy i córki”",
            datetime.date(2023, 5, 27),
            demo.PUNKT_LAVENLOVE,
            None,
        ),
        (
            "Warsztaty plastyczne „Rączka do rączki”",
            datetime.date(2023, 6, 3),
            demo.PUNKT_LAVENLOVE,
            None,
        ),
        ("DobroDzień’23", datetime.date(2023, 6, 25), "Plac Rybny", None),
        ("Spotkanie podsumowujące „DobrDzień’23”", datetime.date(2023, 7, 6), "", "CUS"),
    ]
    for event in events:
        assert event.starts_on == event.ends_on and event.is_all_day
        assert event.has_ended()
        (post,) = event.posts.all()
        assert str(event.starts_on.day) in post.lead_pl
        assert post.published_at.year == event.starts_on.year
        # Nothing the posts do not say.
        assert not any((event.lead_pl, event.body_pl, event.organiser_pl, event.partners_pl))
        assert not event.by_centre and not event.audiences.exists()
        assert (event.admission, event.registration) == ("", "")
    assert Event.objects.upcoming().count() == 0


def test_a_post_whose_text_changed_makes_no_event(db):
    call_command("load_demo", verbosity=0)
    Event.objects.all().delete()
    Post.objects.filter(title_pl="DobroDzień’23").update(lead_pl="Inny tekst.")
    assert demo.load(read_seed()) == "dodano minione wydarzenia: 3"
    assert demo.load(read_seed()) == "bez zmian"


def test_the_demo_events_pages_link_their_posts(client, db):
    call_command("load_demo", verbosity=0)
    event = Event.objects.get(title_pl="DobroDzień’23")
    html = client.get(event.get_absolute_url()).content.decode()
    assert "niedziela, 25 czerwca 2023" in html
    assert "Plac Rybny" in html
    assert "To wydarzenie już się odbyło." in html
    assert 'href="/aktualnosci/dobrodzien23/"' in html
    post = client.get("/aktualnosci/dobrodzien23/").content.decode()
    assert f'href="{event.get_absolute_url()}"' in post
