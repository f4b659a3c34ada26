from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AdminConfig(admin_apps.AdminConfig):
    """Django's admin on the site's own AdminSite (two-factor when required, cus_site.signin).
    The admin's class is reached through its module: imported by name, Django would take it
    for the configuration of the cus_site app."""

    default = False
    default_site = "cus_site.signin.AdminSite"


class CusSiteConfig(AppConfig):
    name = "cus_site"

    def ready(self):
        from cus_site import signin

        signin.use_polish_forms()
