from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cus_site import images, media
from cus_site.media import UploadTo
from cus_site.richtext import RichTextField, validate_heading_order

from .documents import PdfField

SLUG_LENGTH = 150


class IntroductionManager(models.Manager):
    def get_current(self):
        return self.first()


class Introduction(models.Model):
    """What OSL is, shown above the list of programmes on /osl/. There is one."""

    singleton = models.BooleanField(default=True, editable=False, unique=True)
    body = RichTextField(_("treść"), blank=True, validators=[validate_heading_order])
    updated_at = models.DateTimeField(_("zmienione"), auto_now=True)

    objects = IntroductionManager()

    class Meta:
        verbose_name = _("wprowadzenie do OSL")
        verbose_name_plural = _("wprowadzenie do OSL")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(singleton=True), name="osl_introduction_single_row"
            )
        ]

    def __str__(self):
        return str(_("Wprowadzenie na stronie „Organizowanie społeczności lokalnej”"))

    def get_absolute_url(self):
        return reverse("osl:index")


class ProgrammeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def without_goals(self):
        """Programmes whose goals nobody has listed yet: residents see no goals section, and
        the staff's list of what is missing names them (the demo's introduction announces its
        goals with a colon, and the seed lost the list)."""
        return self.filter(goals__isnull=True)


class Programme(images.CoverImage):
    """One OSL programme for one community: its plan, the people and places, its documents."""

    title = models.CharField(_("tytuł"), max_length=250)
    slug = models.SlugField(
        _("adres"),
        max_length=SLUG_LENGTH,
        unique=True,
        blank=True,
        error_messages={"unique": _("Inny program ma już ten adres. Zmień go.")},
        help_text=_("Część adresu strony programu. Zostaw puste, a powstanie z tytułu."),
    )
    lead = models.TextField(
        _("zajawka"),
        help_text=_(
            "Jedno–dwa zdania zwykłym tekstem: pokazywane na liście programów i w wynikach "
            "wyszukiwania (nie na stronie programu)."
        ),
    )
    body = RichTextField(
        _("treść"),
        blank=True,
        validators=[validate_heading_order],
        help_text=_(
            "Odsyłacz do przypisu wpisz jako numer źródła w nawiasie kwadratowym, np. [1]: "
            "na stronie stanie się linkiem do przypisu."
        ),
    )
    updated_on = models.DateField(
        _("data aktualizacji"),
        help_text=_("Data ostatniej ważnej zmiany programu, pokazywana czytelnikom."),
    )
    cover = images.cover_field("osl/%Y/%m")
    plan_from = models.DateField(_("plan od"), null=True, blank=True)
    plan_to = models.DateField(_("plan do"), null=True, blank=True)
    organiser_name = models.CharField(_("imię i nazwisko"), max_length=150, blank=True)
    organiser_role = models.CharField(
        _("funkcja"), max_length=150, blank=True, help_text=_("Np. „organizatorka społeczności”.")
    )
    organiser_phone = models.CharField(_("telefon"), max_length=30, blank=True)
    organiser_email = models.EmailField(_("e-mail"), blank=True)
    news_category = models.ForeignKey(
        "news.Category",
        verbose_name=_("kategoria aktualności"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="programmes",
        help_text=_("Wpisy z tej kategorii pojawią się na stronie programu jako jego aktualności."),
    )
    is_published = models.BooleanField(_("opublikowany"), default=False)
    order = models.PositiveSmallIntegerField(
        _("kolejność"), default=0, help_text=_("Mniejsza liczba – wyżej na liście programów.")
    )

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["order", "title"]
        verbose_name = _("program OSL")
        verbose_name_plural = _("programy OSL")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(plan_from__isnull=True)
                | models.Q(plan_to__isnull=True)
                | models.Q(plan_to__gte=models.F("plan_from")),
                name="osl_programme_plan_in_order",
                violation_error_message=_(
                    "Plan nie może się kończyć przed swoim początkiem: "
                    "data „plan do” musi być taka sama jak „plan od” albo późniejsza."
                ),
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("osl:detail", kwargs={"slug": self.slug})

    @property
    def files_are_public(self):
        """The cover's file may be public (cus_site.media)."""
        return self.is_published and self.cover_picture.is_public

    @property
    def has_organiser(self):
        return any(
            (self.organiser_name, self.organiser_role, self.organiser_phone, self.organiser_email)
        )


class ProgrammePart(models.Model):
    """What every list on a programme's page shares: a place in the list set by the editor."""

    order = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]


class Community(ProgrammePart):
    class Kind(models.TextChoices):
        TERRITORIAL = "terytorialna", _("terytorialna")
        CATEGORIAL = "kategorialna", _("kategorialna")

    programme = models.ForeignKey(
        Programme, verbose_name=_("program"), on_delete=models.CASCADE, related_name="communities"
    )
    name = models.CharField(
        _("nazwa"), max_length=200, help_text=_("Np. „Mieszkańcy osiedla Westerplatte”.")
    )
    kind = models.CharField(
        _("rodzaj"),
        max_length=20,
        choices=Kind.choices,
        help_text=_(
            "Terytorialna: mieszkańcy jednego miejsca (osiedla, bloku). Kategorialna: osoby, "
            "które łączy jakaś cecha (seniorzy, młodzież, rodziny zastępcze)."
        ),
    )
    description = models.TextField(_("opis"), blank=True)

    class Meta(ProgrammePart.Meta):
        verbose_name = _("społeczność")
        verbose_name_plural = _("społeczności, dla których jest program")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=["terytorialna", "kategorialna"]),
                name="osl_community_kind",
            )
        ]

    def __str__(self):
        return self.name


class Goal(ProgrammePart):
    programme = models.ForeignKey(
        Programme, verbose_name=_("program"), on_delete=models.CASCADE, related_name="goals"
    )
    text = models.CharField(_("cel"), max_length=500)

    class Meta(ProgrammePart.Meta):
        verbose_name = _("cel")
        verbose_name_plural = _("cele")

    def __str__(self):
        return self.text


class Partner(ProgrammePart):
    programme = models.ForeignKey(
        Programme, verbose_name=_("program"), on_delete=models.CASCADE, related_name="partners"
    )
    name = models.CharField(_("nazwa"), max_length=200)
    url = models.URLField(_("strona internetowa"), blank=True)

    class Meta(ProgrammePart.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partnerzy")

    def __str__(self):
        return self.name


class MeetingPlace(ProgrammePart):
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("program"),
        on_delete=models.CASCADE,
        related_name="meeting_places",
    )
    place = models.CharField(
        _("miejsce"), max_length=250, help_text=_("Np. „Klub Senior+, ul. Gumniska 25”.")
    )
    times = models.CharField(
        _("stałe terminy"),
        max_length=250,
        blank=True,
        help_text=_("Np. „czwartki 15:30–17:00”."),
    )

    class Meta(ProgrammePart.Meta):
        verbose_name = _("miejsce spotkań")
        verbose_name_plural = _("miejsca i terminy spotkań")

    def __str__(self):
        return f"{self.place} – {self.times}" if self.times else self.place


class Document(ProgrammePart):
    programme = models.ForeignKey(
        Programme, verbose_name=_("program"), on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(_("tytuł"), max_length=250, help_text=_("Np. „Plan OSL na 2025 r.”."))
    file = PdfField(
        _("plik PDF"),
        upload_to=UploadTo("osl/dokumenty/%Y"),
        help_text=_("Tylko PDF, najwyżej 20 MB."),
    )
    size = models.PositiveBigIntegerField(_("rozmiar w bajtach"), default=0, editable=False)

    class Meta(ProgrammePart.Meta):
        verbose_name = _("dokument")
        verbose_name_plural = _("dokumenty (PDF)")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.file:
            self.size = self.file.size

    @property
    def files_are_public(self):
        return self.programme.is_published


class Source(ProgrammePart):
    """A source the programme's text cites; its place in the list is its footnote number."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("program"), on_delete=models.CASCADE, related_name="sources"
    )
    text = models.TextField(
        _("opis źródła"),
        help_text=_("Autor, tytuł, wydawca, miejsce i rok – tak, jak ma się pojawić w przypisie."),
    )
    url = models.URLField(_("link do źródła"), blank=True)

    class Meta(ProgrammePart.Meta):
        verbose_name = _("źródło (przypis)")
        verbose_name_plural = _(
            "źródła – przypisy, numerowane w tej kolejności; w treści odsyłacz [1], [2]…"
        )

    def __str__(self):
        return self.text


media.track(Programme, children=["documents"])
media.track(Document)
