"""The pages every Polish public body's site must have, and the centre's own details; the
tree of editor-written pages, its services, documents and redirects are in their own modules,
imported at the end so that Django finds them here.

`TextPage` holds the three editor-written pages with fixed addresses (easy-to-read text, Polish
Sign Language, the RODO clause). `SiteSettings` and `AccessibilityStatement` are single rows:
the first feeds the header, footer and contact page, the second the statement whose structure
the regulations prescribe, so its facts are fields and its legal text lives in the template.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, validate_email
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cus_site import cache, media
from cus_site.media import UploadTo
from cus_site.phones import tel_href, validate_phone
from cus_site.richtext import RichTextField, validate_heading_order
from cus_site.storage import storage_takes_uploads

from .validators import (
    validate_captions_extension,
    validate_captions_file,
    validate_video_extension,
    validate_video_file,
)

validate_e_delivery = RegexValidator(
    r"^AE:PL-\d{5}-\d{5}-[A-Z]{5}-\d{2}$",
    _("Adres do e-Doręczeń ma postać AE:PL-12345-67890-ABCDE-12."),
)
validate_epuap = RegexValidator(
    r"^/[^/\s]+/[^/\s]+$",
    _("Adres skrytki ePUAP ma postać /SkrótUrzędu/SkrytkaESP."),
)
validate_nip = RegexValidator(r"^\d{10}$", _("NIP to 10 cyfr, bez kresek i spacji."))
validate_regon = RegexValidator(r"^(\d{9}|\d{14})$", _("REGON to 9 albo 14 cyfr, bez spacji."))


class TextPageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class TextPage(models.Model):
    """An editor-written page at one of the fixed addresses the law asks for."""

    class Slug(models.TextChoices):
        EASY_READ = "tekst-latwy-do-czytania", _("Tekst łatwy do czytania")
        SIGN_LANGUAGE = "polski-jezyk-migowy", _("Polski język migowy")
        PRIVACY = "ochrona-danych-osobowych", _("Ochrona danych osobowych (RODO)")

    URL_NAMES = {
        Slug.EASY_READ: "pages:easy-read",
        Slug.SIGN_LANGUAGE: "pages:sign-language",
        Slug.PRIVACY: "pages:privacy",
    }

    slug = models.CharField(
        _("strona"),
        max_length=40,
        choices=Slug.choices,
        unique=True,
        error_messages={"unique": _("Ta strona już istnieje: otwórz ją z listy stron i zmień.")},
        help_text=_("Każda z tych stron ma stały adres i link w nagłówku lub stopce serwisu."),
    )
    title = models.CharField(_("tytuł"), max_length=200)
    lead = models.TextField(
        _("wstęp"), blank=True, help_text=_("Jedno–dwa zdania pod tytułem. Można pominąć.")
    )
    body = RichTextField(
        _("treść"),
        blank=True,
        validators=[validate_heading_order],
        help_text=_(
            "Śródtytuły zaczynaj od poziomu 2 i nie przeskakuj poziomów (2, potem 3, potem 4)."
        ),
    )
    video = models.FileField(
        _("nagranie"),
        upload_to=UploadTo("nagrania"),
        blank=True,
        validators=[validate_video_extension, validate_video_file, storage_takes_uploads],
        help_text=_("Plik MP4 lub WebM, najwyżej 200 MB. Wymaga pliku napisów."),
    )
    captions = models.FileField(
        _("napisy do nagrania"),
        upload_to=UploadTo("nagrania"),
        blank=True,
        validators=[validate_captions_extension, validate_captions_file, storage_takes_uploads],
        help_text=_("Plik WebVTT (.vtt) z napisami w języku polskim."),
    )
    video_url = models.URLField(
        _("link do nagrania w innym serwisie"),
        blank=True,
        help_text=_(
            "Zamiast przesyłać plik możesz podać adres nagrania, np. w serwisie wideo. "
            "Strona pokaże link (bez osadzania), więc sprawdź, czy nagranie ma tam napisy."
        ),
    )
    is_published = models.BooleanField(_("opublikowana"), default=True)
    updated_at = models.DateTimeField(_("zmieniona"), auto_now=True)

    objects = TextPageQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("strona tekstowa")
        verbose_name_plural = _("strony tekstowe")
        constraints = [
            models.CheckConstraint(
                condition=Q(video="") | Q(video_url=""),
                name="text_page_one_video_source",
                violation_error_message=_(
                    "Podaj albo plik nagrania, albo link do nagrania – nie oba naraz."
                ),
            ),
            models.CheckConstraint(
                condition=Q(video="") | ~Q(captions=""),
                name="text_page_video_has_captions",
                violation_error_message=_(
                    "Przesłane nagranie musi mieć napisy: dodaj plik WebVTT (.vtt)."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(self.URL_NAMES[self.slug])

    @property
    def files_are_public(self):
        """The recording and its captions may be public (cus_site.media)."""
        return self.is_published

    @property
    def expects_video(self):
        return self.slug == self.Slug.SIGN_LANGUAGE

    @property
    def video_mime_type(self):
        return "video/webm" if self.video.name.lower().endswith(".webm") else "video/mp4"

    @property
    def video_host(self):
        return urlsplit(self.video_url).hostname or ""


media.track(TextPage)


class SiteSettingsManager(models.Manager):
    def get_current(self):
        """The one row, read from the database once per change (one copy shared by every
        worker, cus_site/cache.py). Before anyone saves it, an unsaved row with the defaults
        stands in, so a fresh site still renders."""
        return cache.fragment("site-settings", self.first_or_defaults, per_language=False)

    def first_or_defaults(self):
        return self.first() or self.model()


class SiteSettings(models.Model):
    """The centre's name and addresses, shown in the header, footer and on the contact page."""

    singleton = models.BooleanField(default=True, editable=False, unique=True)
    name = models.CharField(
        _("nazwa"), max_length=200, default="Centrum Usług Społecznych w Tarnowie"
    )
    street_address = models.CharField(
        _("ulica i numer"), max_length=200, blank=True, help_text=_("Np. „ul. Przykładowa 1”.")
    )
    postal_code = models.CharField(
        _("kod pocztowy"),
        max_length=6,
        blank=True,
        validators=[RegexValidator(r"^\d{2}-\d{3}$", _("Kod pocztowy ma postać 33-100."))],
    )
    city = models.CharField(_("miejscowość"), max_length=100, default="Tarnów")
    e_delivery_address = models.CharField(
        _("adres do e-Doręczeń"),
        max_length=30,
        blank=True,
        validators=[validate_e_delivery],
        help_text=_("Adres z bazy adresów elektronicznych, np. AE:PL-12345-67890-ABCDE-12."),
    )
    epuap_address = models.CharField(
        _("adres skrytki ePUAP"),
        max_length=100,
        blank=True,
        validators=[validate_epuap],
        help_text=_("Np. /SkrótUrzędu/SkrytkaESP."),
    )
    bip_url = models.URLField(
        _("adres Biuletynu Informacji Publicznej"),
        blank=True,
        help_text=_("Link „BIP” w nagłówku każdej strony prowadzi pod ten adres."),
    )
    map_url = models.URLField(
        _("link do mapy"),
        blank=True,
        help_text=_(
            "Adres mapy z zaznaczoną siedzibą, np. w OpenStreetMap. Mapa nie jest osadzana."
        ),
    )
    nip = models.CharField(_("NIP"), max_length=10, blank=True, validators=[validate_nip])
    regon = models.CharField(_("REGON"), max_length=14, blank=True, validators=[validate_regon])
    data_protection_officer = models.CharField(
        _("inspektor ochrony danych"),
        max_length=200,
        blank=True,
        help_text=_("Imię i nazwisko inspektora ochrony danych, pokazywane w klauzuli RODO."),
    )
    data_protection_email = models.EmailField(_("e-mail inspektora ochrony danych"), blank=True)
    updated_at = models.DateTimeField(_("zmienione"), auto_now=True)

    objects = SiteSettingsManager()

    class Meta:
        verbose_name = _("dane Centrum")
        verbose_name_plural = _("dane Centrum")
        constraints = [
            models.CheckConstraint(condition=Q(singleton=True), name="site_settings_single_row"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("pages:contact")

    @property
    def postal_line(self):
        return " ".join(part for part in (self.postal_code, self.city) if part)

    def missing_details(self):
        """What the contact page would show and nobody has entered yet, in the admin's words
        (the phones and e-mails are rows of their own, not checked here)."""
        fields = ["street_address", "postal_code", "e_delivery_address", "epuap_address"]
        return [
            self._meta.get_field(name).verbose_name for name in fields if not getattr(self, name)
        ]


class ContactDetail(models.Model):
    """A phone number or e-mail address of the centre, with what it is for."""

    class Kind(models.TextChoices):
        PHONE = "telefon", _("telefon")
        EMAIL = "e-mail", _("e-mail")

    site_settings = models.ForeignKey(
        SiteSettings, on_delete=models.CASCADE, related_name="contact_details"
    )
    kind = models.CharField(_("rodzaj"), max_length=10, choices=Kind.choices)
    label = models.CharField(
        _("opis"), max_length=100, blank=True, help_text=_("Np. „Sekretariat”. Można pominąć.")
    )
    value = models.CharField(_("numer lub adres"), max_length=200)
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        ordering = ["kind", "position", "pk"]
        verbose_name = _("telefon lub e-mail")
        verbose_name_plural = _("telefony i e-maile")

    def __str__(self):
        return f"{self.label}: {self.value}" if self.label else self.value

    def clean(self):
        validator = validate_phone if self.kind == self.Kind.PHONE else validate_email
        try:
            validator(self.value)
        except ValidationError as error:
            raise ValidationError({"value": error.messages}) from None

    @property
    def href(self):
        if self.kind == self.Kind.PHONE:
            return tel_href(self.value)
        return f"mailto:{self.value}"


class AccessibilityStatementManager(models.Manager):
    def get_current(self):
        return self.prefetch_related("non_accessible_items", "buildings").first()


class AccessibilityStatement(models.Model):
    """The accessibility statement (deklaracja dostępności) of this website."""

    class Status(models.TextChoices):
        COMPLIANT = "zgodna", _("zgodna")
        PARTIALLY_COMPLIANT = "czesciowo-zgodna", _("częściowo zgodna")
        NON_COMPLIANT = "niezgodna", _("niezgodna")

    class Method(models.TextChoices):
        SELF_ASSESSMENT = "samoocena", _("samoocena przeprowadzona przez podmiot publiczny")
        EXTERNAL = "podmiot-zewnetrzny", _("badanie przeprowadzone przez podmiot zewnętrzny")

    singleton = models.BooleanField(default=True, editable=False, unique=True)
    entity_name = models.CharField(
        _("nazwa podmiotu"), max_length=200, default="Centrum Usług Społecznych w Tarnowie"
    )
    # The site's address is not stored: the page shows SITE_URL, so a copy of the database
    # moved between servers never names the wrong one.
    # Dates and contact details are required in the admin (blank=False) but may be missing in
    # the database: the demo content does not invent them, and the page says "brak danych".
    published_on = models.DateField(_("data publikacji strony"), null=True)
    updated_on = models.DateField(_("data ostatniej istotnej aktualizacji"), null=True)
    status = models.CharField(
        _("status zgodności z ustawą"),
        max_length=20,
        choices=Status.choices,
        help_text=_("Przy statusie innym niż „zgodna” wymień poniżej treści niedostępne."),
    )
    prepared_on = models.DateField(_("data sporządzenia deklaracji"), null=True)
    reviewed_on = models.DateField(_("data ostatniego przeglądu deklaracji"), null=True, blank=True)
    method = models.CharField(
        _("sposób sporządzenia"),
        max_length=20,
        choices=Method.choices,
        default=Method.SELF_ASSESSMENT,
    )
    assessor = models.CharField(
        _("podmiot zewnętrzny"),
        max_length=200,
        blank=True,
        help_text=_("Nazwa podmiotu, który zbadał stronę – tylko przy badaniu zewnętrznym."),
    )
    burden_assessment_url = models.URLField(
        _("analiza nadmiernego obciążenia"),
        blank=True,
        help_text=_(
            "Link do analizy, jeśli Centrum powołuje się na nadmierne obciążenie "
            "(art. 8 ustawy o dostępności cyfrowej). Można pominąć."
        ),
    )
    keyboard_shortcuts = models.TextField(
        _("skróty klawiaturowe"),
        blank=True,
        help_text=_("Opis skrótów klawiaturowych strony, jeśli są. Można pominąć."),
    )
    contact_person = models.CharField(_("osoba do kontaktu"), max_length=200)
    contact_email = models.EmailField(_("e-mail do kontaktu"))
    contact_phone = models.CharField(
        _("telefon do kontaktu"), max_length=30, validators=[validate_phone]
    )
    mobile_apps = models.TextField(
        _("aplikacje mobilne"),
        blank=True,
        help_text=_(
            "Jakie aplikacje mobilne udostępnia Centrum i gdzie je pobrać. Zostaw puste, "
            "jeśli ich nie ma: strona napisze „Centrum nie ma aplikacji mobilnych”."
        ),
    )
    updated_at = models.DateTimeField(_("zmieniona"), auto_now=True)

    objects = AccessibilityStatementManager()

    class Meta:
        verbose_name = _("deklaracja dostępności")
        verbose_name_plural = _("deklaracja dostępności")
        constraints = [
            models.CheckConstraint(
                condition=Q(singleton=True), name="accessibility_statement_single_row"
            ),
            models.CheckConstraint(
                condition=Q(method="samoocena") | ~Q(assessor=""),
                name="accessibility_statement_names_external_assessor",
                violation_error_message=_("Przy badaniu zewnętrznym podaj nazwę podmiotu."),
            ),
        ]

    def __str__(self):
        return str(self._meta.verbose_name).capitalize()

    def get_absolute_url(self):
        return reverse("pages:accessibility-statement")

    @property
    def contact_phone_href(self):
        return tel_href(self.contact_phone)


class NonAccessibleContent(models.Model):
    """Something on the site that is not accessible, and why."""

    statement = models.ForeignKey(
        AccessibilityStatement, on_delete=models.CASCADE, related_name="non_accessible_items"
    )
    content = models.CharField(_("treść niedostępna"), max_length=300)
    reason = models.TextField(
        _("powód i sposób dostępu"),
        help_text=_("Dlaczego treść jest niedostępna i jak można ją otrzymać inaczej."),
    )
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("treść niedostępna")
        verbose_name_plural = _("treści niedostępne")

    def __str__(self):
        return self.content


class BuildingAccessibility(models.Model):
    """How accessible one of the centre's buildings is for people with disabilities."""

    statement = models.ForeignKey(
        AccessibilityStatement, on_delete=models.CASCADE, related_name="buildings"
    )
    name = models.CharField(_("budynek"), max_length=200)
    address = models.CharField(_("adres"), max_length=200)
    description = models.TextField(
        _("opis dostępności"),
        help_text=_(
            "Wejścia, schody i windy, toalety, miejsca parkingowe, pętla indukcyjna, "
            "tłumacz języka migowego, wejście z psem asystującym."
        ),
    )
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("dostępność budynku")
        verbose_name_plural = _("dostępność architektoniczna budynków")

    def __str__(self):
        return self.name


# Notices live in their own module (see its docstring); importing the model here registers it.
from .documents import Document  # noqa: E402
from .notices import Notice  # noqa: E402
from .redirects import Redirect  # noqa: E402
from .services import DocumentToBring, ServiceStep  # noqa: E402
from .tree import Page  # noqa: E402

__all__ = [
    "AccessibilityStatement",
    "BuildingAccessibility",
    "ContactDetail",
    "Document",
    "DocumentToBring",
    "NonAccessibleContent",
    "Notice",
    "Page",
    "Redirect",
    "ServiceStep",
    "SiteSettings",
    "TextPage",
]
