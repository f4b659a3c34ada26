from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import module_has_submodule

from cus_site import cache
from cus_site.revisions import recorded
from cus_site.seed import read_seed


def demo_modules():
    """Each app keeps its part of the demo content in `<app>/demo.py`, loaded in the order of
    INSTALLED_APPS (hours and news before osl, which links the news)."""
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, "demo"):
            yield import_module(f"{config.name}.demo")


class Command(BaseCommand):
    help = "Loads the current site's content (the seed file) as demo data. Safe to run again."

    @transaction.atomic
    def handle(self, *args, **options):
        seed = read_seed()
        with recorded("Treści demonstracyjne (manage.py load_demo)"):
            for module in demo_modules():
                summary = module.load(seed)
                self.stdout.write(f"{module.__name__}: {summary}")
        # Some parts are written in bulk, without signals: pages are shown anew at once.
        cache.content_changed()
