from django.db import migrations

from cus_site.permissions import CONTENT_EDITORS, grant_model_permissions

# The groups, in each language; editors may rename, reorder or add to them.
AUDIENCES = [
    ("seniorzy", "seniorzy", "older people", "люди похилого віку"),
    ("dzieci-i-mlodziez", "dzieci i młodzież", "children and young people", "діти та молодь"),
    ("rodziny", "rodziny", "families", "сім'ї"),
    (
        "osoby-z-niepelnosprawnosciami",
        "osoby z niepełnosprawnościami",
        "people with disabilities",
        "люди з інвалідністю",
    ),
    ("wszyscy", "wszyscy mieszkańcy", "all residents", "усі мешканці"),
]


def add_audiences(apps, schema_editor):
    Audience = apps.get_model("events", "Audience")
    for order, (slug, name_pl, name_en, name_uk) in enumerate(AUDIENCES, start=1):
        Audience.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name_pl,
                "name_pl": name_pl,
                "name_en": name_en,
                "name_uk": name_uk,
                "order": order,
            },
        )


def grant(apps, schema_editor):
    grant_model_permissions(apps, CONTENT_EDITORS, "events", ["event", "eventdate", "audience"])


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(add_audiences, migrations.RunPython.noop),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
