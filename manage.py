#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cus_site.settings")
    from django.conf import settings
    from django.core.management import execute_from_command_line

    from cus_site.startup import explain_startup_errors

    with explain_startup_errors():
        # Read the settings first: Django's command runner would otherwise keep a configuration
        # error aside and fail later with a traceback about the app registry.
        settings.INSTALLED_APPS  # noqa: B018
        execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
