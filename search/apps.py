from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Wyszukiwarka")

    def ready(self):
        """Keep the index current: every source's saves and deletions rewrite its entries.

        The other apps know nothing of the search; it listens to them. Many-to-many changes
        (a post's categories) are not indexed, so they need no signal.
        """
        from cus_site import cache

        from .signals import index_saved, remove_deleted
        from .sources import SOURCES

        for source in SOURCES:
            uid = f"search:{source.model_label}"
            post_save.connect(index_saved, sender=source.model, dispatch_uid=uid)
            post_delete.connect(remove_deleted, sender=source.model, dispatch_uid=uid)
        # The search page shows the entries: the page cache drops it when they change.
        cache.watch(*self.get_models())
