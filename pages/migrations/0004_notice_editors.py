from django.db import migrations

from cus_site.permissions import CONTENT_EDITORS, grant_model_permissions


def grant(apps, schema_editor):
    grant_model_permissions(apps, CONTENT_EDITORS, "pages", ["notice"])


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0003_notice"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
