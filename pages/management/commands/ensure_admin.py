import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

PASSWORD_FILE = Path(settings.BASE_DIR) / ".admin-password"


def local_password():
    """The password from ADMIN_PASSWORD, or one made once for this checkout and kept in
    `.admin-password` (git-ignored), so every `make run` can print it again."""
    if os.environ.get("ADMIN_PASSWORD"):
        return os.environ["ADMIN_PASSWORD"]
    if not PASSWORD_FILE.exists():
        PASSWORD_FILE.write_text(secrets.token_urlsafe(12))
        PASSWORD_FILE.chmod(0o600)
    return PASSWORD_FILE.read_text().strip()


class Command(BaseCommand):
    help = "Creates the local administrator account once and prints how to sign in."

    def handle(self, *args, **options):
        username = os.environ.get("ADMIN_USERNAME", "admin")
        password = local_password()
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"is_staff": True, "is_superuser": True}
        )
        if created or not user.check_password(password):
            user.set_password(password)
            user.save()
        self.stdout.write(
            f"Admin: http://127.0.0.1:8000/admin/  user: {username}  password: {password}"
        )
