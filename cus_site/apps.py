from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AdminConfig(admin_apps.AdminConfig):
    """Django's admin on the site's own AdminSite (two-factor when required, cus_site.signin).
    The admin's class is reached through its module: imported by name, Django would take it
    for the configuration of the cus_site app."""

    default = False
    default_site = "cus_site.signin.AdminSite"

    def ready(self):
        from cus_site import revisions

        # Before the admins load (cus_site.revisions.register_all).
        revisions.register_all()
        super().ready()


class CusSiteConfig(AppConfig):
    name = "cus_site"

    def ready(self):
        from cus_site import signin

        signin.use_polish_forms()
