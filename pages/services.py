"""What a page describing one of the centre's services says, in parts residents scan: who it is
for, what they get, how to apply (steps), the documents to bring, what it costs, where and when
(a unit of the opening-hours app, whose status the page shows), and the legal basis. Its forms
to download are the page's documents (`pages/documents.py`).

Every part is optional, and a page without any reads as a plain page. The parts are fields of
`Page` itself (this abstract model) rather than a table beside it, so a service costs no extra
query and the admin shows them as one more section of the page's form; only the two lists
(steps, documents to bring) are rows of their own.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Fee(models.TextChoices):
    FREE = "bezplatna", _("bezpłatnie")
    PAID = "platna", _("odpłatnie")


class ServiceParts(models.Model):
    audience = models.TextField(
        _("dla kogo"),
        blank=True,
        help_text=_(
            "Kto może skorzystać, np. „Osoby, które ukończyły 60 lat i mieszkają w Tarnowie”."
        ),
    )
    benefits = models.TextField(
        _("co otrzymasz"),
        blank=True,
        help_text=_("Na czym polega pomoc, np. „Pomoc w zakupach, sprzątaniu i u lekarza”."),
    )
    fee = models.CharField(
        _("koszt"),
        max_length=10,
        choices=Fee.choices,
        blank=True,
        help_text=_("Zostaw puste, jeśli strona nie opisuje usługi."),
    )
    fee_note = models.TextField(
        _("koszt – szczegóły"),
        blank=True,
        help_text=_("Ile kosztuje i od czego to zależy, np. „Odpłatność zależy od dochodu”."),
    )
    unit = models.ForeignKey(
        "hours.Unit",
        verbose_name=_("gdzie załatwisz sprawę"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "Jednostka, w której załatwia się sprawę: strona pokaże jej adres, godziny otwarcia "
            "i to, czy jest teraz otwarta."
        ),
    )
    place_note = models.TextField(
        _("gdzie i kiedy – szczegóły"),
        blank=True,
        help_text=_(
            "Np. pokój i piętro, dni przyjęć albo to, że wniosek można też wysłać pocztą "
            "lub przez ePUAP."
        ),
    )
    legal_basis = models.TextField(
        _("podstawa prawna"),
        blank=True,
        help_text=_(
            "Np. „Ustawa z dnia 12 marca 2004 r. o pomocy społecznej, art. 50”. "
            "Każdy akt w osobnym wierszu."
        ),
    )

    SUMMARY_FIELDS = ("audience", "benefits", "fee", "fee_note", "unit_id", "place_note")

    class Meta:
        abstract = True

    @property
    def is_service(self):
        """Whether the page describes a service (its own fields; the lists are not read)."""
        return any(getattr(self, name) for name in (*self.SUMMARY_FIELDS, "legal_basis"))

    @property
    def legal_acts(self):
        return [line.strip() for line in self.legal_basis.splitlines() if line.strip()]


class ServiceListItem(models.Model):
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "pk"]

    def __str__(self):
        return self.text


class ServiceStep(ServiceListItem):
    """One step of applying for a service; the page numbers them in this order."""

    page = models.ForeignKey(
        "pages.Page", verbose_name=_("strona"), on_delete=models.CASCADE, related_name="steps"
    )
    text = models.TextField(
        _("krok"), help_text=_("Jedno zdanie, np. „Wypełnij wniosek i dołącz zaświadczenia”.")
    )

    class Meta(ServiceListItem.Meta):
        verbose_name = _("krok")
        verbose_name_plural = _("jak załatwić sprawę – kolejne kroki")


class DocumentToBring(ServiceListItem):
    """A document the resident has to prepare or bring (not one to download: those are the
    page's documents)."""

    page = models.ForeignKey(
        "pages.Page",
        verbose_name=_("strona"),
        on_delete=models.CASCADE,
        related_name="documents_to_bring",
    )
    text = models.CharField(
        _("dokument"),
        max_length=300,
        help_text=_(
            "Np. „Dowód osobisty” albo „Zaświadczenie o dochodach z ostatnich 3 miesięcy”."
        ),
    )

    class Meta(ServiceListItem.Meta):
        verbose_name = _("dokument do przygotowania")
        verbose_name_plural = _("dokumenty, które trzeba przygotować")
