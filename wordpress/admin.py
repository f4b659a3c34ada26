from django.contrib import admin
from django.utils.translation import ngettext_lazy

from cus_site.admin import EditorAdmin

from .models import ImportRecord


@admin.register(ImportRecord)
class ImportRecordAdmin(EditorAdmin):
    """What the import made of each WordPress item, for looking up, not for editing: the
    command keeps these rows, and changing one by hand could make it import an item twice."""

    counted = ngettext_lazy(
        "%(counter)s zaimportowana pozycja", "%(counter)s zaimportowane pozycje", "counter"
    )
    list_display = ["title", "kind", "wp_id", "content_type", "object_id", "deleted_at"]
    list_filter = ["kind", "site", "deleted_at"]
    list_select_related = ["content_type"]
    search_fields = ["title", "path"]
    date_hierarchy = "imported_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
