"""Turn the usual start-up failures into one line that says what to fix."""

import sys
from contextlib import contextmanager

from django.core.exceptions import ImproperlyConfigured
from django.db import OperationalError


@contextmanager
def explain_startup_errors():
    try:
        yield
    except ImproperlyConfigured as error:
        sys.exit(f"cus-site: configuration error: {error}")
    except OperationalError as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
        sys.exit(
            f"cus-site: cannot reach the database ({first_line}); "
            "check DATABASE_URL and that the server is running."
        )
