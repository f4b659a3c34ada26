"""Editor roles, made by data migrations of the apps whose models they edit."""

from django.contrib.auth.management import create_permissions

CONTENT_EDITORS = "Redakcja treści"
HOURS_EDITORS = "Redakcja godzin otwarcia"


def grant_model_permissions(apps, group_name, app_label, model_names):
    """Give a group every permission (add, change, delete, view) on the named models.

    Permissions are normally created after all migrations ran; on a fresh database they do not
    exist yet when a data migration runs, so they are created here first.
    """
    app_config = apps.get_app_config(app_label)
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=group_name)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label=app_label, content_type__model__in=model_names
        )
    )
