from django.db import migrations

from cus_site.permissions import CONTENT_EDITORS, grant_model_permissions

MODELS = [
    "introduction",
    "programme",
    "community",
    "goal",
    "partner",
    "meetingplace",
    "document",
    "source",
]


def grant(apps, schema_editor):
    grant_model_permissions(apps, CONTENT_EDITORS, "osl", MODELS)


class Migration(migrations.Migration):
    dependencies = [
        ("osl", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
