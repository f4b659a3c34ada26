from django import template

from events import dates
from events.models import Event
from events.places import place_of

register = template.Library()


@register.filter
def when(event):
    """`{{ event|when }}`: the event's dates and hours in one line ("3–5 czerwca 2026")."""
    return dates.when(event)


@register.filter
def place(event):
    """`{% with place=event|place %}`: where the event is (`events.places.Place`) or None."""
    return place_of(event)


@register.inclusion_tag("includes/upcoming_events.html")
def upcoming_events(count=3):
    """`{% upcoming_events 3 %}`: the next events, for the home page."""
    events = Event.objects.upcoming().select_related("unit").prefetch_related("dates")
    return {"events": events[:count]}


@register.inclusion_tag("includes/post_events.html")
def events_of_post(post):
    """`{% events_of_post post %}`: the events a post is about, for its page. The link is kept
    by the events app (`Event.posts`), so the news app knows nothing of events; a post's
    template asks through this tag."""
    events = Event.objects.published().filter(posts=post).select_related("unit")
    return {"events": events.prefetch_related("dates")}
