from django import template

from cus_site import listing
from news.models import Post

register = template.Library()


@register.inclusion_tag("includes/latest_news.html")
def latest_news(count=6):
    """`{% latest_news 6 %}`: the newest published posts, for the home page."""
    return {"posts": listing.linkable(Post.objects.published()[:count])}
