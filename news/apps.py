from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("Aktualności")

    def ready(self):
        """The page cache (cus_site/cache.py) drops pages when posts change and keeps them only
        until a scheduled post appears or a post turns archival."""
        from cus_site import cache

        cache.watch(*self.get_models())
        cache.register_timed_change(self.get_model("Post").objects.next_change)
