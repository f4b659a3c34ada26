"""Documents to download attached to a page of the tree (a service's forms, a report).

The file rules are the site's shared ones (`cus_site/documents.py`). A document has an address
of its own, `/dokumenty/<number>/`, which serves its current file: replacing the file keeps
every link to it working. It is public when its page is (`DocumentQuerySet.published`); the
page "Druki do pobrania" lists every public one, grouped by page.
"""

from pathlib import Path

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cus_site import documents, media
from cus_site.media import UploadTo
from cus_site.slugs import slugify_pl

from .tree import visible


class DocumentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(visible("page__"))


class Document(models.Model):
    page = models.ForeignKey(
        "pages.Page", verbose_name=_("strona"), on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(
        _("tytuł"),
        max_length=250,
        help_text=_("Tak, jak mieszkańcy będą go szukać, np. „Wniosek o usługi opiekuńcze”."),
    )
    file = documents.DocumentField(
        _("plik"),
        upload_to=UploadTo("dokumenty/%Y"),
        help_text=_(
            "PDF, DOCX, ODT, XLSX, ODS, RTF albo TXT, najwyżej 20 MB. Nowy plik zastępuje "
            "poprzedni, a adres dokumentu się nie zmienia."
        ),
    )
    size = models.PositiveBigIntegerField(_("rozmiar w bajtach"), default=0, editable=False)
    accessibility_note = models.CharField(
        _("wersja dostępna"),
        max_length=300,
        blank=True,
        help_text=_(
            "Jak otrzymać dokument w wersji dostępnej, np. „Wersję w druku powiększonym "
            "wyślemy na prośbę”. Można pominąć."
        ),
    )
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)
    updated_at = models.DateTimeField(_("zmieniony"), auto_now=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("dokument do pobrania")
        verbose_name_plural = _("dokumenty do pobrania")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("pages:document", kwargs={"pk": self.pk})

    def clean(self):
        super().clean()
        if self.file:
            self.size = self.file.size

    @property
    def file_format(self):
        return documents.format_of(self.file)

    @property
    def files_are_public(self):
        return Document.objects.published().filter(pk=self.pk).exists()

    @property
    def download_name(self):
        """The file name a resident's computer saves it under: the title, transliterated."""
        return f"{slugify_pl(self.title, 80) or 'dokument'}{Path(self.file.name).suffix.lower()}"


media.track(Document)
