from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OslConfig(AppConfig):
    name = "osl"
    verbose_name = _("Organizowanie społeczności lokalnej")

    def ready(self):
        from cus_site import cache

        cache.watch(*self.get_models())
