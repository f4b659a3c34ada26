from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from .models import Post

FEED_LENGTH = 20


class LatestPostsFeed(Feed):
    """RSS 2.0 (Django's default feed type) of the newest published posts."""

    title = _("Aktualności – Centrum Usług Społecznych w Tarnowie")
    link = reverse_lazy("news:index")
    description = _("Najnowsze wiadomości Centrum Usług Społecznych w Tarnowie.")

    def items(self):
        return Post.objects.published().prefetch_related("categories")[:FEED_LENGTH]

    def item_title(self, post):
        return post.title

    def item_description(self, post):
        return post.display_lead

    def item_pubdate(self, post):
        return post.published_at

    def item_updateddate(self, post):
        return post.updated_at

    def item_categories(self, post):
        return [category.name for category in post.categories.all()]
