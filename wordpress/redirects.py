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
  page that moved): the report says so. One that would make a loop is left out, with a
  warning; the rest are written in one go (`Redirect.objects.record`, which collapses chains).
"""

import math
from urllib.parse import urlencode, urlsplit

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from pages.redirects import Redirect, RedirectLoop, old_address

from .report import entry

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

    def item(self, item, target, query_names=("p",)):
        """A post's or page's permalink and its `/?p=ID` kin."""
        if item.link:
            self.add(item.link, target, item)
        for name in query_names:
            self.add(f"/?{urlencode({name: item.wp_id})}", target, item)

    def file(self, old_url, name, attachment=None):
        url = default_storage.url(name)
        self.add(old_url, url)
        if attachment is not None:
            self.add(f"/?attachment_id={attachment.wp_id}", url)
            if attachment.link and "attachment_id" not in attachment.link:
                self.add(attachment.link, url)

    def category(self, paths, category, posts):
        target = category.get_absolute_url()
        for path in paths:
            self.add(path, target)
            self.add(f"{path}feed/", reverse("news:feed"))
            for number in range(2, math.ceil(posts / POSTS_PER_PAGE) + 1):
                self.add(f"{path}page/{number}/", f"{target}?page={number}")

    def site(self, years, posts, tags):
        """The blog's own archives and feeds, and the tags' archives."""
        news, feed = reverse("news:index"), reverse("news:feed")
        for old in FEEDS:
            self.add(old, feed)
        for number in range(2, math.ceil(posts / POSTS_PER_PAGE) + 1):
            self.add(f"/page/{number}/", f"{news}?page={number}")
        for year, months in years.items():
            target = reverse("news:archive-year", kwargs={"year": year})
            self.add(f"/{year}/", target)
            for month in months:
                self.add(f"/{year}/{month:02d}/", target)
        for tag in tags:
            search = f"{reverse('search:index')}?{urlencode({'q': tag.name})}"
            self.add(f"/tag/{tag.slug}/", search)

    def write(self):
        with translation.override("pl"):
            wanted = self._not_taken()
            try:
                with transaction.atomic():
                    Redirect.objects.record(wanted.items(), origin=Redirect.Origin.IMPORT)
            except RedirectLoop:
                wanted = self._without_loops(wanted)
        self.run.report.count("redirects", "created", len(wanted))

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

    def _without_loops(self, wanted):
        """Write the pairs one by one, leaving out those that would close a loop."""
        written = {}
        for old, target in wanted.items():
            try:
                with transaction.atomic():
                    Redirect.objects.record([(old, target)], origin=Redirect.Origin.IMPORT)
            except RedirectLoop:
                item = self.sources[old] or old
                self.run.report.warn(
                    item, f"przekierowanie {old} → {target} pominięto: tworzyłoby pętlę"
                )
                self.run.report.skip("redirects", "pętla")
            else:
                written[old] = target
        return written
