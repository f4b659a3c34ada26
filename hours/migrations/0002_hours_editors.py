from django.db import migrations

from cus_site.permissions import HOURS_EDITORS, grant_model_permissions

HOURS_MODELS = ["unit", "weeklyhours", "specialday", "specialhours"]


def create_hours_editors(apps, schema_editor):
    grant_model_permissions(apps, HOURS_EDITORS, "hours", HOURS_MODELS)


def remove_hours_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=HOURS_EDITORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("hours", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_hours_editors, remove_hours_editors)]
