from django.db import migrations

from cus_site.permissions import CONTENT_EDITORS, grant_model_permissions

MODELS = ["page", "servicestep", "documenttobring", "document", "redirect"]


def grant(apps, schema_editor):
    grant_model_permissions(apps, CONTENT_EDITORS, "pages", MODELS)


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0003_page_tree"),
        ("pages", "0002_content_editors"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
