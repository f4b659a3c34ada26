"""Every address of the old site that led to something we imported, as a redirect (301) in the
site's one redirect table (`pages.redirects.Redirect`, which editors see in the admin).

- Each post's and page's permalink (the item's `<link>`, whatever structure WordPress used:
  `/2023/09/12/slug/`, `/slug/`, `/category/x/slug/`), and `/?p=ID` (`/?page_id=ID` for pages)
  lead to its new address; `/?attachment_id=ID`, the attachment's own page and its file's
  `/wp-content/uploads/…` address (resized copies the bodies used included) to the stored file.
- Category archives (`/category/slug/`, the nested form for sub-categories, `/page/N/` of them)
  lead to our category's pages, the blog's `/page/N/` and date archives to the news list, the
  feeds (`/feed/`, `/?feed=rss2`, each category's) to our feed, and a tag's archive to the
  search for its name (tags are not imported).
- Never to a draft: a redirect is made only for a row the public sees (or will at its date).
- A redirect already stored for an address is kept when it leads elsewhere (an editor's, or a
  page that moved): the report says so. The rest are written in one go
  (`Redirect.objects.record`, which collapses chains); one that would close a loop with the
  stored ones stops the import, naming both ends, since only an editor can tell which is right.
"""

import math
from urllib.parse import urlencode, urlsplit

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import translation

from news.models import Category, Post
from pages.models import Page
from pages.redirects import Redirect, RedirectLoop, old_address

from .models import ImportRecord
from .report import entry
from .wxr import WXRError, stop

# WordPress's default number of posts on an archive page (Settings → Reading).
POSTS_PER_PAGE = 10
FEEDS = ("/feed/", "/feed/rss2/", "/feed/atom/", "/?feed=rss2", "/?feed=rss", "/?feed=atom")


def _path(url):
    """The part of an old address that names it on our site: path and query."""
    parts = urlsplit(url)
    return f"{parts.path or '/'}?{parts.query}" if parts.query else (parts.path or "/")


class OldAddresses:
    """The redirects of one run, gathered as items are imported and written at the end."""

    def __init__(self, run):
        self.run = run
        self.pairs = {}  # stored old address → target
        self.sources = {}  # stored old address → the item it came from, for warnings
        self.items = []

    def add(self, old, target, item=None):
        try:
            key = old_address(_path(old))
        except ValidationError:
            if item is not None:
                self.run.report.warn(item, f"stary adres {old} nie nadaje się na przekierowanie")
            return
        if key != target.split("#", 1)[0]:
            self.pairs.setdefault(key, target)
            self.sources.setdefault(key, item)

    def later(self, kind, item, object_id):
        """An imported post's or page's old addresses, to lead to it if the public sees it
        (decided in `write`, for all of them in one query per kind)."""
        self.items.append((kind, item.wp_id, item.link, object_id, item))

    def _items(self):
        public = {
            ImportRecord.Kind.POST: Post.objects.filter(status=Post.Status.PUBLISHED),
            ImportRecord.Kind.PAGE: Page.objects.published(),
        }
        ids = {kind: [entry[3] for entry in self.items if entry[0] == kind] for kind in public}
        addresses = {
            kind: {row.pk: row.get_absolute_url() for row in public[kind].filter(pk__in=ids[kind])}
            for kind in public
        }
        for kind, wp_id, link, object_id, item in self.items:
            target = addresses[kind].get(object_id)
            if target is None:
                continue
            if link:
                self.add(link, target, item)
            names = ("page_id", "p") if kind == ImportRecord.Kind.PAGE else ("p",)
            for name in names:
                self.add(f"/?{urlencode({name: wp_id})}", target, item)
        return addresses[ImportRecord.Kind.POST]

    def file(self, old_url, name, attachment=None):
        url = default_storage.url(name)
        self.add(old_url, url)
        if attachment is not None:
            self.add(f"/?attachment_id={attachment.wp_id}", url)
            if attachment.link and "attachment_id" not in attachment.link:
                self.add(attachment.link, url)

    def _categories(self, terms, categories):
        """Each category's archive (plain and nested under its parents), its pages and feed."""
        counts = dict(
            Category.objects.filter(pk__in=[c.pk for c in categories.values()])
            .annotate(shown=Count("posts", filter=Q(posts__status=Post.Status.PUBLISHED)))
            .values_list("pk", "shown")
        )
        parents = {term.slug: term.parent_slug for term in terms}
        for slug, category in categories.items():
            chain, parent = [slug], parents.get(slug)
            while parent and parent not in chain:
                chain.insert(0, parent)
                parent = parents.get(parent)
            target, posts = category.get_absolute_url(), counts.get(category.pk, 0)
            for path in {f"/category/{slug}/", f"/category/{'/'.join(chain)}/"}:
                self.add(path, target)
                self.add(f"{path}feed/", reverse("news:feed"))
                for number in range(2, math.ceil(posts / POSTS_PER_PAGE) + 1):
                    self.add(f"{path}page/{number}/", f"{target}?page={number}")

    def _site(self, post_ids, tags):
        """The blog's own archives and feeds, and the tags' archives."""
        news, feed = reverse("news:index"), reverse("news:feed")
        for old in FEEDS:
            self.add(old, feed)
        for number in range(2, math.ceil(len(post_ids) / POSTS_PER_PAGE) + 1):
            self.add(f"/page/{number}/", f"{news}?page={number}")
        months = Post.objects.filter(pk__in=post_ids).dates("published_at", "month")
        for month in months:
            target = reverse("news:archive-year", kwargs={"year": month.year})
            self.add(f"/{month.year}/", target)
            self.add(f"/{month.year}/{month.month:02d}/", target)
        for tag in tags:
            search = f"{reverse('search:index')}?{urlencode({'q': tag.name})}"
            self.add(f"/tag/{tag.slug}/", search)

    def write(self, terms, categories, tags):
        with translation.override("pl"):
            post_addresses = self._items()
            self._categories(terms, categories)
            self._site(list(post_addresses), tags)
            wanted = self._not_taken()
            try:
                Redirect.objects.record(wanted.items(), origin=Redirect.Origin.IMPORT)
            except RedirectLoop:
                self._stop_at_loop(wanted)
        self.run.report.count("redirects", "created", len(wanted))

    def _stop_at_loop(self, wanted):
        """Find the redirect that closes a loop and stop the import with its item and ends."""
        for old, target in wanted.items():
            try:
                Redirect.objects.final_target(old, target)
            except RedirectLoop:
                problem = (
                    f"przekierowanie {old} → {target} prowadziłoby z powrotem pod {old}, bo "
                    f"przekierowanie z {target} już istnieje; zmień albo usuń je w panelu "
                    "(Przekierowania) i uruchom import ponownie"
                )
                item = self.sources[old]
                if item is None:
                    raise WXRError(
                        f"Import przerwany, nic nie zostało zapisane: {problem}."
                    ) from None
                raise stop(item, problem) from None
        raise WXRError(
            "Import przerwany, nic nie zostało zapisane: przekierowania starych adresów "
            "tworzyłyby pętlę z zapisanymi; sprawdź Przekierowania w panelu."
        )

    def _not_taken(self):
        """The pairs whose address has no redirect yet; the others are counted or reported."""
        stored = dict(
            Redirect.objects.filter(old_address__in=self.pairs).values_list("old_address", "target")
        )
        wanted = {}
        for old, target in self.pairs.items():
            if old not in stored:
                wanted[old] = target
            elif stored[old] == target:
                self.run.report.count("redirects", "unchanged")
            else:
                self.run.report.skip("redirects", "adres prowadzi już gdzie indziej")
                self.run.report.edited_here.append(
                    entry(self.sources[old] or old, f"przekierowanie {old} → {stored[old]}")
                )
        return wanted
