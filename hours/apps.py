from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HoursConfig(AppConfig):
    name = "hours"
    verbose_name = _("Godziny otwarcia")

    def ready(self):
        """The page cache (cus_site/cache.py) keeps pages until a unit opens or closes (those
        showing a status) and until midnight, and drops them when the hours change."""
        from cus_site import cache

        from .status import next_midnight, next_status_change

        cache.watch(*self.get_models())
        cache.register_timed_change(next_status_change, with_status_only=True)
        cache.register_timed_change(next_midnight)
