"""The old site's news list as demo posts: dates, titles and leads word for word, no body."""

import datetime
from zoneinfo import ZoneInfo

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
                "status": Post.Status.PUBLISHED,
                "published_at": datetime.datetime.combine(item.date, PUBLISHED_AT),
            },
        )
        if created:
            post.categories.add(category)
            added += 1
    return f"dodano wpisy: {added}" if added else "bez zmian"
