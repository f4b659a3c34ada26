import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cus_site import documents, images, media
from cus_site.media import UploadTo
from cus_site.richtext import RichTextField
from cus_site.slugs import free_slug

SLUG_LENGTH = 150
# The fields of a post's text: a post without their translation is in Polish only.
POST_TEXT = ("title", "lead", "body")
# Paths of the news list itself: a post's slug may not shadow them.
RESERVED_SLUGS = {"rss", "kategoria", "strona", "podglad", "archiwum"}
YEAR_LIKE = re.compile(r"^\d+$")


def validate_post_slug(value):
    if value and (value in RESERVED_SLUGS or YEAR_LIKE.match(value)):
        raise ValidationError(
            _(
                "Adres „%(slug)s” jest zajęty przez listę aktualności (rok, kanał RSS, kategorie). "
                "Dopisz do niego słowo, np. „%(slug)s-podsumowanie”."
            ),
            code="reserved",
            params={"slug": value},
        )


class Category(models.Model):
    name = models.CharField(_("nazwa"), max_length=100, unique=True)
    slug = models.SlugField(
        _("adres"),
        max_length=100,
        unique=True,
        help_text=_("Część adresu strony kategorii: małe litery bez polskich znaków i myślniki."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("kategoria")
        verbose_name_plural = _("kategorie")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("news:category", kwargs={"slug": self.slug})


def two_years_before(moment):
    moment = timezone.localtime(moment)
    try:
        return moment.replace(year=moment.year - 2)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year - 2, day=28)


def two_years_after(moment):
    moment = timezone.localtime(moment)
    try:
        return moment.replace(year=moment.year + 2)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year + 2, month=3, day=1)


class PostQuerySet(models.QuerySet):
    def published(self):
        """What the public sees: published, and not scheduled for later by the site's clock."""
        return self.filter(status=Post.Status.PUBLISHED, published_at__lte=timezone.now())

    def next_change(self, now=None):
        """The next moment after `now` at which the published posts change on their own: a
        scheduled post appears or a post turns archival (`Post.is_archival`), or None."""
        now = now or timezone.now()
        scheduled = self.filter(status=Post.Status.PUBLISHED, published_at__gt=now)
        recent = self.published().filter(published_at__gte=two_years_before(now))
        first_scheduled = scheduled.aggregate(first=models.Min("published_at"))["first"]
        first_recent = recent.aggregate(first=models.Min("published_at"))["first"]
        moments = [first_scheduled, first_recent and two_years_after(first_recent)]
        return min((moment for moment in moments if moment), default=None)

    def older_than(self, post):
        """Posts before this one, the nearest first (posts of the same minute by their order)."""
        same_time = models.Q(published_at=post.published_at, pk__lt=post.pk)
        return self.filter(models.Q(published_at__lt=post.published_at) | same_time)

    def newer_than(self, post):
        same_time = models.Q(published_at=post.published_at, pk__gt=post.pk)
        return self.filter(models.Q(published_at__gt=post.published_at) | same_time).order_by(
            "published_at", "pk"
        )

    def unique_slug(self, title, exclude_pk=None):
        """A free slug for a title: transliterated, never a list path, numbered if taken."""
        return free_slug(
            self, title, max_length=SLUG_LENGTH, reserved=RESERVED_SLUGS, suffix="wpis",
            exclude_pk=exclude_pk,
        )  # fmt: skip


class Post(images.CoverImage):
    class Status(models.TextChoices):
        DRAFT = "draft", _("szkic")
        PUBLISHED = "published", _("opublikowany")

    title = models.CharField(_("tytuł"), max_length=250)
    slug = models.SlugField(
        _("adres"),
        max_length=SLUG_LENGTH,
        unique=True,
        blank=True,
        validators=[validate_post_slug],
        error_messages={"unique": _("Inny wpis ma już ten adres. Zmień go, np. dopisując datę.")},
        help_text=_(
            "Część adresu wpisu, np. spotkanie-z-seniorami. Zostaw puste, a powstanie z tytułu."
        ),
    )
    lead = models.TextField(
        _("zajawka"),
        help_text=_(
            "Dwa–trzy zdania zwykłym tekstem: pokazywane na liście i w wynikach wyszukiwania."
        ),
    )
    lead_is_cut = models.BooleanField(
        _("zajawka ucięta"),
        default=False,
        help_text=_(
            "Zaznaczone przy wpisach przeniesionych ze starej strony, których zajawka urywa się "
            "w pół zdania, a pełnej treści jeszcze nie ma: strona kończy zajawkę wielokropkiem "
            "i pisze, że pełna treść nie została jeszcze przeniesiona. Odznacz po uzupełnieniu."
        ),
    )
    body = RichTextField(_("treść"), blank=True)
    cover = images.cover_field("aktualnosci/%Y/%m")
    categories = models.ManyToManyField(
        Category, verbose_name=_("kategorie"), related_name="posts", blank=True
    )
    status = models.CharField(
        _("stan"),
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_(
            "Opublikowany wpis z datą publikacji w przyszłości jest zaplanowany: pojawi się na "
            "stronie o tej dacie i godzinie; szkic nie pojawi się wcale."
        ),
    )
    published_at = models.DateTimeField(
        _("data publikacji"),
        default=timezone.now,
        help_text=_(
            "Data w przyszłości zaplanuje wpis. Jeśli jej nie zmienisz, szkic dostanie datę "
            "chwili, w której go opublikujesz."
        ),
    )
    published_at_set = models.BooleanField(
        _("data publikacji ustawiona przez redakcję"),
        default=False,
        editable=False,
        help_text=_("Bez tego publikacja szkicu nadaje mu datę chwili publikacji."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("autor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="posts",
    )
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zmieniono"), auto_now=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("wpis")
        verbose_name_plural = _("wpisy")
        indexes = [models.Index(fields=["status", "-published_at"], name="news_post_published")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["draft", "published"]), name="news_post_status"
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news:detail", kwargs={"slug": self.slug})

    @property
    def display_lead(self):
        """The lead as residents read it: a cut one ends with an ellipsis, so nobody takes
        the unfinished sentence for the whole text."""
        if not self.lead_is_cut:
            return self.lead
        return f"{self.lead.rstrip()}…"

    def publish(self, now=None):
        """Make a draft published. A draft whose date no editor set is dated now, so that it
        takes its place at the top of the list rather than on the day it was started."""
        if self.status == self.Status.DRAFT and not self.published_at_set:
            self.published_at = now or timezone.now()
        self.status = self.Status.PUBLISHED

    @property
    def is_public(self):
        """`published()` for one post already in hand (the admin's column, the preview)."""
        return self.status == self.Status.PUBLISHED and self.published_at <= timezone.now()

    @property
    def files_are_public(self):
        """The cover's file may be public (cus_site.media): a published or scheduled post whose
        photo may be shown."""
        return self.status == self.Status.PUBLISHED and self.cover_picture.is_public

    @property
    def is_archival(self):
        """Older than two years: the page warns that what it says may be out of date."""
        return self.published_at < two_years_before(timezone.now())

    @property
    def public_pictures(self):
        """The gallery as the public sees it (use with `prefetch_related("images")`)."""
        return [image for image in self.images.all() if image.picture.is_public]


class PostImage(images.AccessibleImage):
    """A photo of a post's gallery."""

    post = models.ForeignKey(
        Post, verbose_name=_("wpis"), on_delete=models.CASCADE, related_name="images"
    )
    image = images.ImageField(
        _("zdjęcie"),
        upload_to=UploadTo("aktualnosci/galeria/%Y/%m"),
        width_field="width",
        height_field="height",
    )
    caption = models.CharField(_("podpis"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("zdjęcie galerii")
        verbose_name_plural = _("galeria zdjęć")

    def __str__(self):
        return self.caption or self.alt or self.image.name

    @property
    def files_are_public(self):
        return self.post.status == Post.Status.PUBLISHED and self.picture.is_public


class PostAttachment(models.Model):
    """A file to download that belongs to a post (a form, a poster, a report), under the
    site's document rules (`cus_site/documents.py`)."""

    post = models.ForeignKey(
        Post, verbose_name=_("wpis"), on_delete=models.CASCADE, related_name="attachments"
    )
    title = models.CharField(
        _("tytuł"),
        max_length=250,
        help_text=_("Tak, jak mieszkańcy będą go szukać, np. „Regulamin konkursu”."),
    )
    file = documents.DocumentField(
        _("plik"),
        upload_to=UploadTo("aktualnosci/dokumenty/%Y"),
        help_text=_("PDF, DOCX, ODT, XLSX, ODS, RTF albo TXT, najwyżej 20 MB."),
    )
    size = models.PositiveBigIntegerField(_("rozmiar w bajtach"), default=0, editable=False)
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("załącznik")
        verbose_name_plural = _("załączniki")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.file:
            self.size = self.file.size
        super().save(*args, **kwargs)

    @property
    def file_format(self):
        return documents.format_of(self.file)

    @property
    def files_are_public(self):
        return self.post.status == Post.Status.PUBLISHED


media.track(Post, children=["images", "attachments"])
media.track(PostImage)
media.track(PostAttachment)
