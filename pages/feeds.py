from django.contrib.syndication.views import Feed
from django.urls import reverse, reverse_lazy
from django.utils.html import strip_tags
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from . import notices


class NoticeFeed(Feed):
    """RSS 2.0 of the notices the home page shows now, for local portals to take."""

    title = _("Komunikaty – Centrum Usług Społecznych w Tarnowie")
    link = reverse_lazy("pages:home")
    description = _(
        "Bieżące komunikaty Centrum Usług Społecznych w Tarnowie: zmiany godzin otwarcia, "
        "ostrzeżenia i informacje."
    )

    def items(self):
        return notices.feed_items()

    def item_title(self, notice):
        return f"{capfirst(notice.kind_label)}: {strip_tags(notice.text)}"

    def item_description(self, notice):
        return strip_tags(notice.text)

    def item_link(self, notice):
        return notice.link_url or reverse("pages:home")

    def item_guid(self, notice):
        return notice.key

    item_guid_is_permalink = False

    def item_pubdate(self, notice):
        return notice.since
