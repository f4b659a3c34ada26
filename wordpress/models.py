"""What was imported from WordPress, so that an import can be run again.

One ImportRecord per WordPress item (post, page, category) or uploaded file, keyed by the
exported site and the item's ID (a file by its old address, a category of an old export without
term IDs by its slug). It points to
the row the item became and keeps two hashes:

- `source_hash`, of the item as WordPress exported it: the same hash in a later export means
  there is nothing to do;
- `row_hash`, of the row's imported fields as the import wrote them: when the item changed in
  WordPress, the row is updated only while it still has this hash, so an editor's work here is
  never overwritten (the report lists such rows instead).

A row deleted here leaves its record behind as a tombstone (`deleted_at`), and the item is not
imported again.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRecord(models.Model):
    class Kind(models.TextChoices):
        POST = "post", _("wpis")
        PAGE = "page", _("strona")
        CATEGORY = "category", _("kategoria")
        FILE = "file", _("plik")

    site = models.CharField(_("witryna"), max_length=200, help_text=_("Adres starej witryny."))
    kind = models.CharField(_("rodzaj"), max_length=10, choices=Kind.choices)
    wp_id = models.PositiveBigIntegerField(_("numer w WordPressie"), null=True, blank=True)
    path = models.CharField(
        _("ścieżka"),
        max_length=500,
        blank=True,
        help_text=_("Stary adres pliku (albo adres kategorii, gdy eksport nie podał jej numeru)."),
    )
    title = models.CharField(_("tytuł"), max_length=300, blank=True)
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("rodzaj treści"), on_delete=models.PROTECT, null=True
    )
    object_id = models.PositiveBigIntegerField(_("numer treści"), null=True)
    target = GenericForeignKey("content_type", "object_id")
    source_hash = models.CharField(_("skrót z WordPressa"), max_length=64, blank=True)
    row_hash = models.CharField(_("skrót zaimportowanej treści"), max_length=64, blank=True)
    details = models.JSONField(_("szczegóły"), default=dict, blank=True)
    imported_at = models.DateTimeField(_("zaimportowano"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zmieniono"), auto_now=True)
    deleted_at = models.DateTimeField(
        _("usunięto na stronie"),
        null=True,
        blank=True,
        help_text=_("Treść usunięta tutaj: kolejny import jej nie przywróci."),
    )

    class Meta:
        ordering = ["site", "kind", "wp_id", "path"]
        verbose_name = _("zaimportowana pozycja")
        verbose_name_plural = _("import z WordPressa")
        constraints = [
            models.UniqueConstraint(
                fields=["site", "kind", "wp_id"],
                condition=models.Q(wp_id__isnull=False),
                name="wordpress_record_item",
            ),
            models.UniqueConstraint(
                fields=["site", "kind", "path"],
                condition=models.Q(path__gt=""),
                name="wordpress_record_path",
            ),
            models.CheckConstraint(
                condition=models.Q(wp_id__isnull=False) | models.Q(path__gt=""),
                name="wordpress_record_key",
            ),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="wordpress_target")]

    def __str__(self):
        key = self.path if self.kind == self.Kind.FILE else f"#{self.wp_id}"
        return f"{self.get_kind_display()} {key}: {self.title}"

    @property
    def is_tombstone(self):
        return self.deleted_at is not None
