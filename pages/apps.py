from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Strony")

    def ready(self):
        """The page cache (cus_site/cache.py) drops pages when anything of this app changes
        and keeps them only until a notice starts or ends."""
        from cus_site import cache

        from .notices import next_change

        cache.watch(*self.get_models())
        cache.register_timed_change(next_change)
