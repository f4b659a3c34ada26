"""The old site's news list as demo posts: dates, titles and leads word for word, no body.

A lead the old list cut short is marked `lead_is_cut`, also on demo posts loaded before the mark
existed (a post an editor has given a body or unmarked is left alone).
"""

import datetime
from zoneinfo import ZoneInfo

from django.db.models import Q

from cus_site import cache
from cus_site.slugs import slugify_pl

from .models import SLUG_LENGTH, Category, Post

CATEGORY = "Organizowanie społeczności lokalnej"
# The old site gave dates only; the posts appear at noon of the day, Warsaw time.
PUBLISHED_AT = datetime.time(12, 0, tzinfo=ZoneInfo("Europe/Warsaw"))


def load(seed):
    category, _ = Category.objects.get_or_create(
        slug_pl=slugify_pl(CATEGORY), defaults={"name_pl": CATEGORY}
    )
    added = 0
    for item in seed.posts:
        post, created = Post.objects.get_or_create(
            slug_pl=slugify_pl(item.title, SLUG_LENGTH),
            defaults={
                "title_pl": item.title,
                "lead_pl": item.lead,
                "lead_is_cut": item.lead_is_cut,
                "status": Post.Status.PUBLISHED,
                "published_at": datetime.datetime.combine(item.date, PUBLISHED_AT),
            },
        )
        if created:
            post.categories.add(category)
            added += 1
    marked = mark_cut_leads(seed.posts)
    changes = []
    if added:
        changes.append(f"dodano wpisy: {added}")
    if marked:
        changes.append(f"oznaczono ucięte zajawki: {marked}")
    return ", ".join(changes) or "bez zmian"


def mark_cut_leads(items):
    """Mark the demo posts of an older load whose lead is still the seed's cut one. A post
    whose lead or body an editor has written is theirs and left alone."""
    marked = 0
    for item in items:
        if item.lead_is_cut:
            untouched = Post.objects.filter(
                Q(body_pl="") | Q(body_pl__isnull=True),
                slug_pl=slugify_pl(item.title, SLUG_LENGTH),
                lead_pl=item.lead,
                lead_is_cut=False,
            )
            marked += untouched.update(lead_is_cut=True)
    cache.content_changed()
    return marked
