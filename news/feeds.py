from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cus_site import listing
from cus_site.translated import translated_into

from .models import POST_TEXT, Post

FEED_LENGTH = 20


class LatestPostsFeed(Feed):
    """RSS 2.0 (Django's default feed type) of the newest published posts.

    Feed readers show an item's title, description and categories as HTML, so each is
    HTML-escaped here exactly as a page's template escapes it (the XML writer then escapes the
    result once more for XML): a title "<img src=x onerror=…>" reaches a reader as text, and
    "Krótko & treściwie" arrives unchanged.
    """

    title = _("Aktualności – Centrum Usług Społecznych w Tarnowie")
    link = reverse_lazy("news:index")
    description = _("Najnowsze wiadomości Centrum Usług Społecznych w Tarnowie.")

    def items(self):
        """The newest posts; the English and Ukrainian feeds only those translated into their
        language (a post in Polish only is in the Polish feed)."""
        posts = Post.objects.published().prefetch_related("categories")
        language = get_language()
        if language != settings.LANGUAGE_CODE:
            posts = posts.filter(translated_into(language, POST_TEXT))
        return listing.linkable(posts[:FEED_LENGTH])

    def item_title(self, post):
        return escape(post.title)

    def item_description(self, post):
        return escape(post.display_lead)

    def item_pubdate(self, post):
        return post.published_at

    def item_updateddate(self, post):
        return post.updated_at

    def item_categories(self, post):
        return [escape(category.name) for category in post.categories.all()]
