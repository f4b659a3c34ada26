"""Events: what is coming up, when and where, and for whom.

An event has a first and a last day, and either no times (it lasts whole days) or a start
and an end time, wall-clock times in Warsaw as the hours app keeps them. Without repeat dates it
runs continuously from the first day to the last ("3–5 czerwca"); with repeat dates it takes
place on the first day, on each repeat date and on the last day, each time in the same hours
("every Tuesday of March": 3 and 31 March with 10, 17 and 24 March as repeat dates). When an
event is upcoming, and which day is its next, is the rule of `events/upcoming.py`.
"""

import datetime
import re
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cus_site import images, media
from cus_site.richtext import RichTextField, validate_heading_order
from cus_site.slugs import free_slug
from hours.models import Unit

from .upcoming import UpcomingQuerySet

SLUG_LENGTH = 150
# Paths of the events' own pages: an event's slug may not shadow them.
RESERVED_SLUGS = {"archiwum", "kalendarz", "podglad"}
YEAR_LIKE = re.compile(r"^\d+$")
WARSAW = timezone.get_default_timezone


def validate_event_slug(value):
    if value and (value in RESERVED_SLUGS or YEAR_LIKE.match(value)):
        raise ValidationError(
            _(
                "Adres „%(slug)s” jest zajęty przez strony wydarzeń (archiwum, kalendarz). "
                "Dopisz do niego słowo, np. „%(slug)s-spotkanie”."
            ),
            code="reserved",
            params={"slug": value},
        )


class Audience(models.Model):
    """Who an event is for: an editable list (seniors, families…), one filter on the list."""

    name = models.CharField(_("nazwa"), max_length=100)
    slug = models.SlugField(
        _("adres filtra"),
        max_length=60,
        unique=True,
        help_text=_("Małe litery bez polskich znaków, np. seniorzy; widoczne w adresie listy."),
    )
    order = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("odbiorcy")
        verbose_name_plural = _("odbiorcy wydarzeń")

    def __str__(self):
        return self.name


class EventQuerySet(UpcomingQuerySet):
    def published(self):
        """What the public sees: published events, past ones included (the archive)."""
        return self.filter(status=Event.Status.PUBLISHED)

    def unique_slug(self, title, exclude_pk=None):
        """A free slug for a title: transliterated, never a list path, numbered if taken."""
        return free_slug(
            self, title, max_length=SLUG_LENGTH, reserved=RESERVED_SLUGS, suffix="wydarzenie",
            exclude_pk=exclude_pk,
        )  # fmt: skip


class Event(images.CoverImage):
    class Status(models.TextChoices):
        DRAFT = "draft", _("szkic")
        PUBLISHED = "published", _("opublikowane")

    class State(models.TextChoices):
        PLANNED = "planned", _("odbędzie się zgodnie z planem")
        MOVED = "moved", _("przeniesione (inny termin lub miejsce)")
        CANCELLED = "cancelled", _("odwołane")

    class Attendance(models.TextChoices):
        OFFLINE = "offline", _("na miejscu")
        ONLINE = "online", _("w internecie")
        MIXED = "mixed", _("na miejscu i w internecie")

    class Admission(models.TextChoices):
        UNKNOWN = "", _("nie podano")
        FREE = "free", _("bezpłatne")
        PAID = "paid", _("płatne")

    class Registration(models.TextChoices):
        UNKNOWN = "", _("nie podano")
        NOT_NEEDED = "none", _("nie trzeba się zapisywać")
        PHONE = "phone", _("zapisy telefoniczne")
        EMAIL = "email", _("zapisy e-mailem")
        LINK = "link", _("zapisy przez formularz w internecie")

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("tytuł"), max_length=250)
    slug = models.SlugField(
        _("adres"),
        max_length=SLUG_LENGTH,
        unique=True,
        blank=True,
        validators=[validate_event_slug],
        error_messages={
            "unique": _("Inne wydarzenie ma już ten adres. Zmień go, np. dopisując rok.")
        },
        help_text=_("Część adresu strony wydarzenia. Zostaw puste, a powstanie z tytułu."),
    )
    lead = models.TextField(
        _("zajawka"),
        blank=True,
        help_text=_("Jedno–dwa zdania zwykłym tekstem: na liście wydarzeń i w wyszukiwarce."),
    )
    body = RichTextField(
        _("opis"),
        blank=True,
        validators=[validate_heading_order],
        help_text=_("Program, co zabrać, jak dojechać. Śródtytuły zaczynaj od poziomu 2."),
    )
    cover = images.cover_field("wydarzenia/%Y/%m")

    starts_on = models.DateField(_("pierwszy dzień"))
    ends_on = models.DateField(
        _("ostatni dzień"),
        blank=True,
        help_text=_("Zostaw puste, jeśli wydarzenie trwa jeden dzień."),
    )
    starts_at = models.TimeField(
        _("godzina rozpoczęcia"),
        null=True,
        blank=True,
        help_text=_("Zostaw puste, jeśli wydarzenie trwa cały dzień (lub całe dni)."),
    )
    ends_at = models.TimeField(_("godzina zakończenia"), null=True, blank=True)
    state = models.CharField(
        _("czy się odbędzie"), max_length=10, choices=State.choices, default=State.PLANNED
    )
    change_note = models.TextField(
        _("co się zmieniło"),
        blank=True,
        help_text=_(
            "Przy wydarzeniu przeniesionym lub odwołanym: jednym–dwoma zdaniami, co się zmieniło, "
            "np. „Przeniesione z 3 czerwca z powodu remontu sali.” Widać to na stronie "
            "i w kalendarzu."
        ),
    )
    previous_starts_on = models.DateField(
        _("pierwotny termin"),
        null=True,
        blank=True,
        help_text=_("Przy wydarzeniu przeniesionym: dzień, na który było zaplanowane wcześniej."),
    )

    attendance = models.CharField(
        _("gdzie można wziąć udział"),
        max_length=10,
        choices=Attendance.choices,
        default=Attendance.OFFLINE,
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("miejsce: jednostka Centrum"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        help_text=_(
            "Jeśli wydarzenie odbywa się w jednej z jednostek, wybierz ją: strona pokaże jej "
            "adres i godziny otwarcia. Inaczej wpisz miejsce poniżej."
        ),
    )
    place_name = models.CharField(
        _("miejsce: nazwa"),
        max_length=200,
        blank=True,
        help_text=_("Np. „Plac Rybny” albo „Klub Senior+”. Przy jednostce można pominąć."),
    )
    street_address = models.CharField(
        _("ulica i numer"), max_length=200, blank=True, help_text=_("Np. „ul. Gumniska 25”.")
    )
    postal_code = models.CharField(_("kod pocztowy"), max_length=6, blank=True)
    city = models.CharField(_("miejscowość"), max_length=100, default="Tarnów", blank=True)
    map_url = models.URLField(
        _("link do mapy"),
        blank=True,
        help_text=_("Adres miejsca na mapie, np. w OpenStreetMap. Mapa nie jest osadzana."),
    )
    online_url = models.URLField(
        _("link do udziału w internecie"),
        blank=True,
        help_text=_("Dla wydarzeń w internecie: adres transmisji lub spotkania."),
    )

    audiences = models.ManyToManyField(
        Audience, verbose_name=_("dla kogo"), related_name="events", blank=True
    )
    admission = models.CharField(
        _("wstęp"), max_length=5, choices=Admission.choices, default="", blank=True
    )
    price = models.DecimalField(
        _("cena (zł)"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Tylko przy płatnym wstępie: cena biletu w złotych, np. 20,00."),
    )
    price_note = models.CharField(
        _("opłaty – uwagi"),
        max_length=250,
        blank=True,
        help_text=_("Np. „bilet ulgowy 10 zł dla seniorów”."),
    )
    registration = models.CharField(
        _("zapisy"), max_length=5, choices=Registration.choices, default="", blank=True
    )
    registration_phone = models.CharField(_("telefon do zapisów"), max_length=50, blank=True)
    registration_email = models.EmailField(_("e-mail do zapisów"), blank=True)
    registration_url = models.URLField(_("link do formularza zapisów"), blank=True)
    registration_deadline = models.DateField(
        _("zapisy do dnia"),
        null=True,
        blank=True,
        help_text=_("Ostatni dzień zapisów; nie później niż pierwszy dzień wydarzenia."),
    )
    is_full = models.BooleanField(
        _("brak wolnych miejsc"),
        default=False,
        help_text=_("Zaznacz, gdy zapisy są zamknięte, bo miejsca się skończyły."),
    )

    step_free = models.BooleanField(_("wejście bez schodów lub z windą"), default=False)
    accessible_toilet = models.BooleanField(
        _("toaleta dla osób z niepełnosprawnościami"), default=False
    )
    induction_loop = models.BooleanField(_("pętla indukcyjna"), default=False)
    sign_language = models.BooleanField(_("tłumacz polskiego języka migowego"), default=False)
    accessibility_note = models.TextField(
        _("dostępność – uwagi"),
        blank=True,
        help_text=_("Np. „Miejsca siedzące w cieniu. Psy asystujące mile widziane.”"),
    )

    by_centre = models.BooleanField(
        _("organizuje Centrum"),
        default=True,
        help_text=_("Odznacz, jeśli Centrum nie jest organizatorem (tylko informuje)."),
    )
    organiser = models.CharField(
        _("inny organizator lub współorganizator"), max_length=250, blank=True
    )
    partners = models.TextField(
        _("partnerzy"), blank=True, help_text=_("Każdego partnera w osobnym wierszu.")
    )

    posts = models.ManyToManyField(
        "news.Post",
        verbose_name=_("wpisy o wydarzeniu"),
        related_name="events",
        blank=True,
        help_text=_("Zapowiedzi i relacje z wydarzenia: strona wpisu pokaże link do wydarzenia."),
    )
    status = models.CharField(
        _("stan"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    sequence = models.PositiveIntegerField(
        _("wersja w kalendarzach"),
        default=0,
        editable=False,
        help_text=_("Rośnie przy każdej zmianie terminu, miejsca lub stanu wydarzenia."),
    )
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zmieniono"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "-pk"]
        verbose_name = _("wydarzenie")
        verbose_name_plural = _("wydarzenia")
        indexes = [models.Index(fields=["status", "ends_on"], name="events_event_upcoming")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="events_event_ends_after_start",
                violation_error_message=_(
                    "Ostatni dzień nie może być wcześniejszy niż pierwszy dzień wydarzenia."
                ),
            ),
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(starts_at__isnull=False),
                name="events_event_end_time_needs_start_time",
                violation_error_message=_(
                    "Podaj godzinę rozpoczęcia albo usuń godzinę zakończenia."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(ends_on=F("starts_on"))
                | Q(ends_at__isnull=True)
                | Q(ends_at__gt=F("starts_at")),
                name="events_event_ends_after_start_time",
                violation_error_message=_(
                    "Godzina zakończenia musi być późniejsza niż godzina rozpoczęcia."
                ),
            ),
            models.CheckConstraint(
                condition=Q(registration_deadline__isnull=True)
                | Q(registration_deadline__lte=F("starts_on")),
                name="events_event_deadline_before_start",
                violation_error_message=_(
                    "Zapisy muszą się kończyć najpóźniej w pierwszym dniu wydarzenia."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(registration="phone") | ~Q(registration_phone=""),
                name="events_event_phone_registration",
                violation_error_message=_("Przy zapisach telefonicznych podaj numer telefonu."),
            ),
            models.CheckConstraint(
                condition=~Q(registration="email") | ~Q(registration_email=""),
                name="events_event_email_registration",
                violation_error_message=_("Przy zapisach e-mailem podaj adres e-mail."),
            ),
            models.CheckConstraint(
                condition=~Q(registration="link") | ~Q(registration_url=""),
                name="events_event_link_registration",
                violation_error_message=_("Przy zapisach przez internet podaj link do formularza."),
            ),
            models.CheckConstraint(
                condition=Q(attendance="offline") | ~Q(online_url=""),
                name="events_event_online_link",
                violation_error_message=_(
                    "Wydarzenie w internecie potrzebuje linku do udziału w nim."
                ),
            ),
            models.CheckConstraint(
                condition=Q(price__isnull=True) | Q(admission="paid", price__gte=0),
                name="events_event_price_when_paid",
                violation_error_message=_("Cenę podaj tylko przy płatnym wstępie."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "published"]), name="events_event_status"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    @property
    def files_are_public(self):
        """The cover's file may be public (cus_site.media)."""
        return self.status == self.Status.PUBLISHED and self.cover_picture.is_public

    def clean(self):
        super().clean()
        # An empty last day means a single day; the database keeps both ends.
        if self.ends_on is None:
            self.ends_on = self.starts_on
        # The errors go to the Polish fields, the ones the admin's form requires to be filled.
        polish = settings.LANGUAGE_CODE
        errors = {}
        place = getattr(self, f"place_name_{polish}", "")
        if self.attendance != self.Attendance.ONLINE and not (self.unit_id or place):
            errors[f"place_name_{polish}"] = _(
                "Podaj miejsce: wybierz jednostkę albo wpisz nazwę miejsca."
            )
        if self.state == self.State.MOVED and not getattr(self, f"change_note_{polish}", ""):
            errors[f"change_note_{polish}"] = _(
                "Napisz, co się zmieniło: mieszkańcy, którzy zapisali sobie dawny termin, "
                "muszą to wiedzieć."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED

    def is_translated_into(self, language):
        """Whether the event has a title of its own in `language` (Polish always): the rule of
        the sitemap, the hreflang links and the canonical address of its copies."""
        own = getattr(self, f"title_{language}", None)
        return language == settings.LANGUAGE_CODE or bool(own)

    @property
    def is_all_day(self):
        return self.starts_at is None

    @property
    def is_cancelled(self):
        return self.state == self.State.CANCELLED

    @property
    def is_moved(self):
        return self.state == self.State.MOVED

    @property
    def repeat_dates(self):
        """The repeat dates (use with `prefetch_related("dates")`)."""
        return [row.date for row in self.dates.all()]

    @property
    def days(self):
        """The days it takes place on when it repeats; an empty list for a continuous event."""
        repeats = self.repeat_dates
        if not repeats:
            return []
        return sorted({self.starts_on, *repeats, self.ends_on})

    def moment(self, day, time):
        return datetime.datetime.combine(day, time, tzinfo=WARSAW())

    @property
    def start_moment(self):
        return self.moment(self.starts_on, self.starts_at or datetime.time())

    @property
    def end_moment(self):
        """When it stops being upcoming: its end time on the last day, else the next midnight."""
        if self.ends_at:
            return self.moment(self.ends_on, self.ends_at)
        return self.moment(self.ends_on + datetime.timedelta(days=1), datetime.time())

    def change_moments(self):
        """The moments at which what the site says of the event changes with the clock."""
        midnights = [
            self.moment(day + datetime.timedelta(days=1), datetime.time()) for day in self.days
        ]
        if self.registration_deadline:
            after_deadline = self.registration_deadline + datetime.timedelta(days=1)
            midnights.append(self.moment(after_deadline, datetime.time()))
        return [self.start_moment, *midnights, self.end_moment]

    def has_ended(self, now=None):
        return (now or timezone.now()) >= self.end_moment

    def registration_closed(self, now=None):
        """Whether sign-up is over: no places left, or its last day has passed."""
        today = timezone.localdate(now)
        deadline_passed = self.registration_deadline and today > self.registration_deadline
        return self.is_full or bool(deadline_passed)

    @property
    def partner_names(self):
        return [line.strip() for line in self.partners.splitlines() if line.strip()]

    @property
    def accessibility_features(self):
        names = ["step_free", "accessible_toilet", "induction_loop", "sign_language"]
        return [self._meta.get_field(name).verbose_name for name in names if getattr(self, name)]


class EventDate(models.Model):
    """A repeat date of an event: between its first and last day, in the same hours."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="dates", verbose_name=_("wydarzenie")
    )
    date = models.DateField(_("dzień"))

    class Meta:
        ordering = ["date"]
        verbose_name = _("powtórzenie")
        verbose_name_plural = _("powtórzenia")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "date"],
                name="events_eventdate_unique",
                violation_error_message=_("Ten dzień jest już na liście powtórzeń."),
            )
        ]

    def __str__(self):
        return f"{self.date:%d.%m.%Y}"


media.track(Event)
