from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Wydarzenia")

    def ready(self):
        """The page cache (cus_site/cache.py) drops pages when events change and keeps them only
        until an event starts, moves on to its next date or ends."""
        from cus_site import cache

        cache.watch(*self.get_models())
        cache.register_timed_change(self.get_model("Event").objects.next_change)
