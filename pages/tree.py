"""The tree of editor-written pages: "O nas", "Jak możemy pomóc", "Druki do pobrania" and what
lies under them.

- Each page has at most one parent and a place among its siblings (`position`), and the tree is
  at most four levels deep; a page may not go under itself or under a page below it.
- A page's address is the path of its ancestors' slugs and its own, in each language (the
  language's own slug, or the Polish one where it has none): `/o-nas/struktura-organizacyjna/`.
  The paths are stored, one unique column per language (`url_path_pl`, …), so a page is found
  by its address in one query, its links cost none, and no two pages share an address;
  `sort_key` likewise orders the whole tree, depth first, by the siblings' positions. Saving a
  page rewrites both for everything under it.
- A top-level slug may not be a first path segment that the site's own routes answer (the
  sections, the fixed pages, `admin`, the language prefixes, static and media files). The
  segments are read from the URL resolver when a page is validated, so a route added later is
  covered without a list to keep.
- Moving a page (a new parent or slug, in the admin or through the ORM) records a redirect
  from the old address of it and of every page under it, in every language.
- A page is public when it and every page above it are published (`PageQuerySet.published`).

A plain parent key, not a tree library: with four levels the ancestors are three joins of the
query that finds a page (`select_related`), a subtree is one prefix query on the stored path,
and treebeard's own materialised path would come on top of the per-language paths the
addresses need anyway, with its own API for every write (`add_child`, `move`).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, models, transaction
from django.db.models import Q
from django.db.models.signals import post_save
from django.urls import URLResolver, get_resolver, reverse
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cus_site import images, media
from cus_site.richtext import RichTextField, validate_heading_order
from cus_site.translated import find_by_slug

from .redirects import Redirect
from .services import ServiceParts

MAX_DEPTH = 4
SLUG_LENGTH = 80
PATH_LENGTH = MAX_DEPTH * (SLUG_LENGTH + 1)
ANCESTORS = "__".join(["parent"] * (MAX_DEPTH - 1))
LANGUAGES = [code for code, _name in settings.LANGUAGES]
PATH_FIELDS = [f"url_path_{code}" for code in LANGUAGES]
PLACE_FIELDS = [*PATH_FIELDS, "sort_key", "depth"]
# Any number will do, as long as nothing else takes the same advisory lock.
TREE_LOCK = 1_304_001

MESSAGES = {
    "loop": _(
        "Strona nie może leżeć pod samą sobą ani pod stroną, która leży pod nią. "
        "Wybierz inną stronę nadrzędną."
    ),
    "too_deep": _(
        "Drzewo stron ma najwyżej 4 poziomy, a tu strona „%(title)s” znalazłaby się na poziomie "
        "%(depth)s. Wybierz stronę nadrzędną wyżej w drzewie."
    ),
    "taken": _(
        "Adres „%(address)s” ma już inna strona. Zmień adres tej strony albo wybierz inną "
        "stronę nadrzędną."
    ),
    "reserved": _(
        "Adres „/%(slug)s/” należy do stałej części serwisu (np. aktualności, godzin otwarcia "
        "albo panelu administracyjnego). Wybierz inny, np. „%(slug)s-informacje”."
    ),
    "menu": _(
        "Do menu głównego można dodać tylko stronę najwyższego poziomu (bez strony nadrzędnej)."
    ),
    "no_slug": _(
        "Wpisz adres strony, np. „struktura-organizacyjna”: z tego tytułu nie da się go utworzyć."
    ),
}


def visible(prefix=""):
    """The condition "published, and so is every page above": `prefix` reaches a page from
    another model ("page__")."""
    condition = Q(**{f"{prefix}is_published": True})
    for level in range(1, MAX_DEPTH):
        parent = prefix + "__".join(["parent"] * level)
        condition &= Q(**{f"{parent}__isnull": True}) | Q(**{f"{parent}__is_published": True})
    return condition


def _literal_start(pattern):
    """The fixed text a URL pattern starts with ("aktualnosci/"), or None if it starts with
    a variable part."""
    if isinstance(pattern, RoutePattern):
        route = str(pattern)
        return route.split("<", 1)[0] if "<" not in route[:1] else None
    if isinstance(pattern, RegexPattern):
        regex = pattern.regex.pattern.removeprefix("^")
        literal = ""
        for char in regex:
            if not (char.isalnum() or char in "-_/"):
                break
            literal += char
        return literal if literal else None
    return None


def _first_segments(patterns):
    for entry in patterns:
        if isinstance(entry.pattern, LocalePrefixPattern):
            yield from (code for code in LANGUAGES if code != settings.LANGUAGE_CODE)
            yield from _first_segments(entry.url_patterns)
            continue
        start = _literal_start(entry.pattern)
        if start == "" and isinstance(entry, URLResolver):
            yield from _first_segments(entry.url_patterns)
        elif start:
            yield start.split("/", 1)[0]


def reserved_slugs():
    """The first path segments the site's own routes answer, and the static and media files."""
    served = {settings.STATIC_URL, settings.MEDIA_URL}
    files = {url.strip("/").split("/", 1)[0] for url in served if url.startswith("/")}
    return set(_first_segments(get_resolver().url_patterns)) | files


def is_below(place, other):
    """Whether the page at `place` is `other` or lies under it (both from `stored_place`)."""
    return bool(place) and place["url_path_pl"].startswith(other["url_path_pl"])


def address(url_path, language):
    """The full path of a page at `url_path` in a language, its prefix included (/en/…)."""
    with translation.override(language):
        return reverse("pages:page", kwargs={"path": url_path})


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(visible())

    def at_address(self, path):
        """The page at a path (without the language prefix) in the current language, or at its
        Polish path; with its ancestors, for the breadcrumbs. None if there is none."""
        return find_by_slug(self.select_related(ANCESTORS), path, "url_path")

    def for_menu(self):
        return self.published().filter(parent=None, in_menu=True).order_by("position", "sort_key")

    def below(self, url_path_pl):
        """The pages under the one at this Polish path, at any depth: one prefix query."""
        return self.filter(url_path_pl__startswith=url_path_pl).exclude(url_path_pl=url_path_pl)


class Page(ServiceParts, images.CoverImage):
    """A page of the tree; with any of the service parts filled in, a service description."""

    class Role(models.TextChoices):
        PAGE = "", _("zwykła strona")
        SERVICES = "uslugi", _("dział usług („Jak możemy pomóc”), do którego linkuje strona główna")
        DOCUMENTS = "druki", _("druki do pobrania: lista wszystkich dokumentów serwisu")

    parent = models.ForeignKey(
        "self",
        verbose_name=_("strona nadrzędna"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text=_(
            "Pod którą stroną ma się znaleźć ta strona. Puste: strona najwyższego poziomu, "
            "np. „O nas”. Drzewo ma najwyżej 4 poziomy."
        ),
    )
    position = models.PositiveSmallIntegerField(
        _("kolejność"),
        default=0,
        help_text=_("Wśród stron pod tą samą stroną (i w menu) mniejsza liczba jest wyżej."),
    )
    title = models.CharField(_("tytuł"), max_length=200)
    slug = models.SlugField(
        _("adres"),
        max_length=SLUG_LENGTH,
        blank=True,
        help_text=_(
            "Część adresu strony: małe litery bez polskich znaków i myślniki, np. "
            "struktura-organizacyjna. Zostaw puste, a powstanie z tytułu."
        ),
    )
    lead = models.TextField(
        _("wstęp"),
        blank=True,
        help_text=_(
            "Jedno–dwa zdania pod tytułem, pokazywane też na liście stron i w wyszukiwarce."
        ),
    )
    body = RichTextField(
        _("treść"),
        blank=True,
        validators=[validate_heading_order],
        help_text=_(
            "Śródtytuły zaczynaj od poziomu 2 i nie przeskakuj poziomów (2, potem 3, potem 4)."
        ),
    )
    cover = images.cover_field("strony/%Y/%m")
    is_published = models.BooleanField(
        _("opublikowana"),
        default=False,
        help_text=_("Nieopublikowana strona i wszystkie strony pod nią są niewidoczne."),
    )
    in_menu = models.BooleanField(
        _("w menu głównym"),
        default=False,
        help_text=_(
            "Tylko strony najwyższego poziomu. W menu stoją przed stałymi działami, "
            "w kolejności z pola „kolejność”."
        ),
    )
    role = models.CharField(
        _("rola strony"),
        max_length=10,
        choices=Role.choices,
        default=Role.PAGE,
        blank=True,
    )
    updated_at = models.DateTimeField(_("zmieniona"), auto_now=True)
    # Where the page is, kept by save() for it and its subtree (see the module's docstring).
    depth = models.PositiveSmallIntegerField(_("poziom"), default=1, editable=False)
    url_path_pl = models.CharField(max_length=PATH_LENGTH, unique=True, editable=False)
    url_path_en = models.CharField(max_length=PATH_LENGTH, unique=True, editable=False)
    url_path_uk = models.CharField(max_length=PATH_LENGTH, unique=True, editable=False)
    sort_key = models.CharField(max_length=500, editable=False, db_collation="C")

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["sort_key"]
        verbose_name = _("strona")
        verbose_name_plural = _("strony")
        constraints = [
            models.CheckConstraint(
                condition=Q(depth__gte=1, depth__lte=MAX_DEPTH), name="pages_page_depth"
            ),
            *(
                models.CheckConstraint(
                    condition=Q(**{f"{field}__regex": r"^([^/]+/){1,4}$"}),
                    name=f"pages_page_{field}_is_a_path",
                )
                for field in PATH_FIELDS
            ),
            models.CheckConstraint(
                condition=Q(in_menu=False) | Q(parent__isnull=True),
                name="pages_page_menu_top_level",
                violation_error_message=MESSAGES["menu"],
            ),
            models.UniqueConstraint(
                fields=["role"],
                condition=~Q(role=""),
                name="pages_page_one_per_role",
                violation_error_message=_(
                    "Inna strona ma już tę rolę. Zmień rolę tamtej strony albo wybierz tu "
                    "„zwykła strona”."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("pages:page", kwargs={"path": self.url_path})

    @property
    def files_are_public(self):
        """The cover's and the documents' files may be public (cus_site.media): the page is
        published, the pages above it too."""
        return Page.objects.published().filter(pk=self.pk).exists()

    @property
    def url_path(self):
        return getattr(self, f"url_path_{translation.get_language()}", None) or self.url_path_pl

    @property
    def ancestors(self):
        """The pages above, the top first (use with `select_related(ANCESTORS)`)."""
        found, parent = [], self.parent
        while parent is not None:
            found.insert(0, parent)
            parent = parent.parent
        return found

    def place(self, parent=None):
        """The page's paths, sort key and depth under `parent` (a dict of its PLACE_FIELDS)."""
        place = {"depth": parent["depth"] + 1 if parent else 1}
        for code, field in zip(LANGUAGES, PATH_FIELDS, strict=True):
            slug = getattr(self, f"slug_{code}", None) or self.slug_pl
            place[field] = (parent[field] if parent else "") + f"{slug}/"
        own_key = f"{self.position:05d}{self.slug_pl}/"
        place["sort_key"] = (parent["sort_key"] if parent else "") + own_key
        return place

    def stored_place(self, pk):
        return Page.objects.filter(pk=pk).values(*PLACE_FIELDS).first() if pk else None

    def clean(self):
        super().clean()
        before = self.stored_place(self.pk)
        parent = self.stored_place(self.parent_id)
        if before and (self.parent_id == self.pk or is_below(parent, before)):
            raise ValidationError({"parent": ValidationError(MESSAGES["loop"], code="loop")})
        errors = {}
        if self.in_menu and self.parent_id:
            errors["in_menu"] = ValidationError(MESSAGES["menu"], code="menu")
        if self.title_pl and not self.slug_pl:
            errors["slug_pl"] = ValidationError(MESSAGES["no_slug"], code="no_slug")
        if self.slug_pl:
            place = self.place(parent)
            self._check_depth(place, before, errors)
            self._check_addresses(place, parent, errors)
            if not errors:
                # Where save() will put it, so the constraints are checked on real values.
                for field, value in place.items():
                    setattr(self, field, value)
        if errors:
            raise ValidationError(errors)

    def _check_depth(self, place, before, errors):
        height = 0
        if before:
            below = Page.objects.below(before["url_path_pl"])
            deepest = below.aggregate(deepest=models.Max("depth"))["deepest"]
            height = deepest - before["depth"] if deepest else 0
        if place["depth"] + height > MAX_DEPTH:
            params = {"title": self.title, "depth": place["depth"] + height}
            errors["parent"] = ValidationError(MESSAGES["too_deep"], code="too_deep", params=params)

    def _check_addresses(self, place, parent, errors):
        reserved = reserved_slugs() if parent is None else set()
        taken = Q()
        for code, field in zip(LANGUAGES, PATH_FIELDS, strict=True):
            taken |= Q(**{field: place[field]})
            slug = getattr(self, f"slug_{code}", None)
            if slug in reserved:
                error = ValidationError(
                    MESSAGES["reserved"], code="reserved", params={"slug": slug}
                )
                errors.setdefault(f"slug_{code}", error)
        for other in Page.objects.filter(taken).exclude(pk=self.pk).values(*PATH_FIELDS):
            for code, field in zip(LANGUAGES, PATH_FIELDS, strict=True):
                if other[field] == place[field] and f"slug_{code}" not in errors:
                    params = {"address": address(place[field], code)}
                    errors[f"slug_{code}"] = ValidationError(
                        MESSAGES["taken"], code="taken", params=params
                    )

    def save(self, *args, **kwargs):
        """Save the page where its parent, slugs and position put it; if its address changed,
        carry its subtree along and redirect the old addresses (one transaction, with the
        tree locked, so two editors cannot move pages into a loop at the same moment)."""
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *PLACE_FIELDS}
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [TREE_LOCK])
            before = self.stored_place(self.pk)
            parent = self.stored_place(self.parent_id)
            if before and is_below(parent, before):
                raise ValidationError(MESSAGES["loop"], code="loop")
            for field, value in self.place(parent).items():
                setattr(self, field, value)
            super().save(*args, **kwargs)
            moves = [(before, self), *self._carry_subtree(before)]
            redirect_old_addresses(moves)

    def _carry_subtree(self, before):
        """After a move, the pages below follow: their paths, order and depth change with this
        page's. Returns (old place, page) for each of them."""
        if not before or all(before[field] == getattr(self, field) for field in PLACE_FIELDS):
            return []
        below = list(Page.objects.below(before["url_path_pl"]))
        moves = []
        for page in below:
            moves.append(({field: getattr(page, field) for field in PLACE_FIELDS}, page))
            for field in [*PATH_FIELDS, "sort_key"]:
                rest = getattr(page, field)[len(before[field]) :]
                setattr(page, field, getattr(self, field) + rest)
            page.depth += self.depth - before["depth"]
        Page.objects.bulk_update(below, PLACE_FIELDS)
        for page in below:
            # bulk_update sends no signal, and whoever keeps a copy of a page (the search index
            # keeps its address) must hear that it changed.
            post_save.send(
                Page,
                instance=page,
                created=False,
                update_fields=PLACE_FIELDS,
                raw=False,
                using=self._state.db,
            )
        return moves


def redirect_old_addresses(moves):
    """Pages (each with its old place, None for a new one) answer at their new addresses now:
    redirects from those go, and every changed old address leads to the new one, in every
    language."""
    new, pairs = [], []
    for before, page in moves:
        for code, field in zip(LANGUAGES, PATH_FIELDS, strict=True):
            now = address(getattr(page, field), code)
            new.append(now)
            if before and before[field] != getattr(page, field):
                pairs.append((address(before[field], code), now))
    Redirect.objects.filter(old_address__in=new).delete()
    Redirect.objects.record(pairs, origin=Redirect.Origin.PAGE_MOVED)


# A page's documents follow it; so do the pages below it, which a draft hides with it.
media.track(Page, children=["documents", "children"])
