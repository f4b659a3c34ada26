"""WSGI entry point: `gunicorn cus_site.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

from cus_site.startup import explain_startup_errors

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cus_site.settings")

with explain_startup_errors():
    application = get_wsgi_application()
