import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

PASSWORD_FILE = Path(settings.BASE_DIR) / ".admin-password"
ADMIN_URL = "http://127.0.0.1:8000/admin/"


def local_password(make=False):
    """The password from ADMIN_PASSWORD, or the one kept for this checkout in `.admin-password`
    (git-ignored), made when `make` is true and there is none, so every `make run` can print it
    again. None when there is neither."""
    if os.environ.get("ADMIN_PASSWORD"):
        return os.environ["ADMIN_PASSWORD"]
    if make and not PASSWORD_FILE.exists():
        PASSWORD_FILE.write_text(secrets.token_urlsafe(15))
        PASSWORD_FILE.chmod(0o600)
    return PASSWORD_FILE.read_text().strip() if PASSWORD_FILE.exists() else None


class Command(BaseCommand):
    help = (
        "Creates the local administrator account if it is missing and prints how to sign in. "
        "An existing account's password is never changed unless --reset-password is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset-password",
            action="store_true",
            help="Set the password of an existing account to ADMIN_PASSWORD (or .admin-password).",
        )

    def handle(self, *args, reset_password=False, **options):
        username = os.environ.get("ADMIN_USERNAME", "admin")
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            user = get_user_model()(username=username, is_staff=True, is_superuser=True)
            self.set_password(user, local_password(make=True))
            return self.report(username, local_password())
        if reset_password:
            self.set_password(user, local_password(make=True))
            return self.report(username, local_password())
        password = local_password()
        if password and user.check_password(password):
            return self.report(username, password)
        self.stdout.write(
            f"Admin: {ADMIN_URL}  user: {username}  password: unchanged (the account already "
            "has a password of its own; `manage.py ensure_admin --reset-password` sets it to "
            "ADMIN_PASSWORD or .admin-password)"
        )

    def set_password(self, user, password):
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError("ADMIN_PASSWORD: " + " ".join(error.messages)) from None
        user.set_password(password)
        user.save()

    def report(self, username, password):
        self.stdout.write(f"Admin: {ADMIN_URL}  user: {username}  password: {password}")
