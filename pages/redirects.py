"""The site's one table of redirects: an old address (the WordPress site's, a page's before it
moved, one an editor typed) and where it leads now, answered with a 301.

- An old address is a path, optionally with its query string (`/?p=123`), stored normalised in
  one unique column: the path percent-decoded, as Django hands it to views, and the query's
  parameters sorted, without the tracking ones that Facebook and newsletters append to every
  link they pass on (`fbclid`, `utm_source`, …), so a shared `/?p=123&fbclid=…` still works.
  A request is looked up by at most two candidates (with its query and without) in one
  indexed query.
- Precedence, one rule for the whole site: our own routes, then the page tree, then these
  redirects, then the Polish 404. So `RedirectMiddleware` asks only after a 404, except at the
  root with a query string: the home page would answer that with a 200, yet `/?p=123` is how
  WordPress addressed a post.
- Chains collapse as redirects are recorded: A → B, then B → C, leaves A → C and B → C, so a
  visitor is never sent on twice. A redirect that would lead back to its own address, directly
  or through others, is refused.
- `Redirect.objects.record()` writes them in bulk (a page's move, the WordPress import): a query
  to follow the targets, one to find the redirects that now go on, one upsert, one update.
- A target is a path of this site (stored normalised like an old address, so chains can be
  followed) or the full address of another site.
"""

import unicodedata
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.http import HttpResponsePermanentRedirect
from django.utils.translation import gettext_lazy as _

from cus_site import cache

MAX_LENGTH = 1000
# A B-tree index entry must stay under about 2,700 bytes; this leaves room.
MAX_BYTES = 2000

MESSAGES = {
    "not_path": _(
        "Podaj adres zaczynający się od „/”, np. /o-nas/ albo /?p=123 (można też wkleić cały "
        "adres z przeglądarki)."
    ),
    "unsafe": _(
        "Ten adres zawiera „..”, znaki sterujące albo jest dłuższy niż 1000 znaków, więc nie "
        "może być adresem strony. Skopiuj go jeszcze raz z przeglądarki."
    ),
    "target": _(
        "Podaj adres strony w tym serwisie (zaczynający się od „/”, np. /o-nas/) albo pełny "
        "adres innej strony (zaczynający się od „https://”)."
    ),
    "loop": _(
        "Przekierowanie z „%(address)s” prowadziłoby z powrotem pod ten sam adres (pętla). "
        "Sprawdź nowy adres."
    ),
}


class RedirectLoop(ValidationError):
    def __init__(self, address):
        super().__init__(MESSAGES["loop"], code="loop", params={"address": address})


# Added to links by the sites and mailings that pass them on; they never name a page.
TRACKING_PARAMETERS = {"fbclid", "gclid", "msclkid", "mc_cid", "mc_eid", "_ga"}


def is_tracking(name):
    return name in TRACKING_PARAMETERS or name.startswith("utm_")


def normalised_query(query):
    """A query string with its parameters sorted and the tracking ones left out: `b=2&a=1`,
    `a=1&b=2` and `a=1&b=2&fbclid=…` are one address."""
    pairs = parse_qsl(query, keep_blank_values=True)
    return urlencode(sorted((name, value) for name, value in pairs if not is_tracking(name)))


def has_control_characters(text):
    return any(unicodedata.category(char) == "Cc" for char in text)


def is_safe_path(path):
    return (
        path.startswith("/")
        and len(path) <= MAX_LENGTH
        and len(path.encode()) <= MAX_BYTES
        and ".." not in path.split("/")
        and not has_control_characters(path)
    )


def address_key(path, query=""):
    """How an address is stored and looked up: the decoded path, and the sorted query."""
    query = normalised_query(query)
    return f"{path}?{query}" if query else path


def old_address(raw):
    """The stored form of an old address typed or pasted (a path, or a whole address of this
    site or the old one), or a ValidationError in Polish."""
    parts = urlsplit(raw.strip())
    if parts.scheme not in ("", "http", "https") or not parts.path.startswith("/"):
        raise ValidationError(MESSAGES["not_path"], code="not_path")
    key = address_key(unquote(parts.path), parts.query)
    if not is_safe_path(key):
        raise ValidationError(MESSAGES["unsafe"], code="unsafe")
    return key


def target_address(raw):
    """The stored form of a target: a path of this site (also when given as a full address
    under SITE_URL), normalised like an old address; or another site's full address as given."""
    text = raw.strip()
    if text.startswith(settings.SITE_URL + "/"):
        text = text.removeprefix(settings.SITE_URL)
    parts = urlsplit(text)
    if text.startswith("/") and not text.startswith("//"):
        key = address_key(unquote(parts.path), parts.query)
        if not is_safe_path(key):
            raise ValidationError(MESSAGES["unsafe"], code="unsafe")
        return key + (f"#{parts.fragment}" if parts.fragment else "")
    is_web_address = parts.scheme in ("http", "https") and parts.netloc
    if is_web_address and len(text) <= MAX_LENGTH and not has_control_characters(text):
        return text
    raise ValidationError(MESSAGES["target"], code="target")


def internal_key(target):
    """The address a target names on this site, to follow chains by; None for another site."""
    if not target.startswith("/"):
        return None
    return target.split("#", 1)[0]


class RedirectQuerySet(models.QuerySet):
    def for_request(self, request):
        """The redirect stored for the request's address (its query string, if any, first), or
        None; one query, and none for an address no stored redirect can have."""
        path = request.path_info
        if not is_safe_path(path):
            return None
        candidates = [path]
        query = request.META.get("QUERY_STRING", "")
        if query:
            candidates.insert(0, address_key(path, query))
        found = {
            redirect.old_address: redirect for redirect in self.filter(old_address__in=candidates)
        }
        return next((found[key] for key in candidates if key in found), None)

    def final_target(self, old, target, batch=None):
        """Where `target` leads once every redirect (the stored ones and those in `batch`, a
        mapping of old address to target) is followed; RedirectLoop if that is back at `old`."""
        leads = dict(batch or {})
        key = internal_key(target)
        if batch is None and key:
            leads.update(self.filter(old_address=key).values_list("old_address", "target"))
        seen = {old}
        while (key := internal_key(target)) in leads:
            if key in seen:
                raise RedirectLoop(old)
            seen.add(key)
            target = leads[key]
        if internal_key(target) == old:
            raise RedirectLoop(old)
        return target

    def record(self, pairs, origin):
        """Store redirects from each old address to its target (both already normalised, see
        `old_address` and `target_address`), collapsing chains; RedirectLoop, with nothing
        stored, if one would lead back to where it starts. Returns the stored redirects."""
        wanted = dict(pairs)
        if not wanted:
            return []
        targets = {internal_key(target) for target in wanted.values()} - {None}
        stored = self.filter(old_address__in=targets - wanted.keys())
        leads = {**dict(stored.values_list("old_address", "target")), **wanted}
        final = {old: self.final_target(old, target, leads) for old, target in wanted.items()}
        onward = list(self.filter(target__in=final.keys()).exclude(old_address__in=final.keys()))
        for redirect in onward:
            redirect.target = self.final_target(redirect.old_address, final[redirect.target], leads)
        rows = [self.model(old_address=old, target=final[old], origin=origin) for old in final]
        created = self.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["old_address"],
            update_fields=["target", "origin"],
        )
        self.bulk_update(onward, ["target"])
        # An address that was a (briefly cached) 404 now redirects.
        cache.content_changed()
        return created


class Redirect(models.Model):
    class Origin(models.TextChoices):
        EDITOR = "redakcja", _("dodane w panelu")
        PAGE_MOVED = "przeniesienie", _("zmiana adresu strony")
        IMPORT = "import", _("import starej strony")

    old_address = models.CharField(
        _("stary adres"),
        max_length=MAX_LENGTH,
        unique=True,
        error_messages={
            "unique": _("Przekierowanie z tego adresu już istnieje: otwórz je z listy i zmień.")
        },
        help_text=_(
            "Adres, który ma prowadzić gdzie indziej, np. /stara-strona/ albo /?p=123. "
            "Można wkleić cały adres z przeglądarki: liczy się część od „/”."
        ),
    )
    target = models.CharField(
        _("nowy adres"),
        max_length=MAX_LENGTH,
        help_text=_(
            "Dokąd prowadzić: strona w tym serwisie, np. /o-nas/struktura-organizacyjna/, "
            "albo pełny adres innej strony, zaczynający się od „https://”."
        ),
    )
    origin = models.CharField(
        _("skąd się wzięło"),
        max_length=20,
        choices=Origin.choices,
        default=Origin.EDITOR,
        editable=False,
    )
    created_at = models.DateTimeField(_("dodane"), auto_now_add=True)

    objects = RedirectQuerySet.as_manager()

    class Meta:
        ordering = ["old_address"]
        verbose_name = _("przekierowanie")
        verbose_name_plural = _("przekierowania")
        constraints = [
            models.CheckConstraint(
                condition=Q(old_address__startswith="/"), name="pages_redirect_old_is_a_path"
            ),
            models.CheckConstraint(
                condition=~Q(target=F("old_address")), name="pages_redirect_not_to_itself"
            ),
        ]

    def __str__(self):
        return f"{self.old_address} → {self.target}"

    def response(self):
        return HttpResponsePermanentRedirect(self.target)
