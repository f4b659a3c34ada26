"""WordPress categories as news categories.

- A category is matched to one we already have by its slug or its name (letter case aside):
  the OSL programme's category, made by the demo or by an editor, stays the one its posts are
  filed under, and the import does not change it.
- A new one takes WordPress's name and slug (percent-decoded and transliterated); a name or
  slug another category has gets a number.
- WordPress's default category ("Uncategorized", "Bez kategorii") is left out: it tells
  residents nothing. Our categories have no parents, so sub-categories stand on their own.
- Tags are left out altogether (README: the post's words are found by the search anyway, and
  dozens of one-post tags would bury the categories residents browse by).
"""

from urllib.parse import unquote

from django.db.models.functions import Lower

from cus_site.slugs import slugify_any
from news.models import Category

from .models import ImportRecord
from .records import digest
from .wxr import Term

DEFAULT_SLUGS = {"uncategorized", "bez-kategorii"}
KIND = ImportRecord.Kind.CATEGORY


def category_slug(term):
    return slugify_any(unquote(term.slug), 96) or slugify_any(term.name, 96) or "kategoria"


def row_hash(category):
    return digest(category.name_pl, category.slug_pl)


class Categories:
    """The run's categories by WordPress slug, made or matched as the export names them."""

    def __init__(self, run):
        self.run = run
        self.by_slug = {}

    def import_all(self, terms):
        for term in terms:
            self.category(term)

    def ids_for(self, item):
        """Our categories of an item, from its `<category domain="category">` elements."""
        ids = []
        for taxonomy, slug, name in item.terms:
            if taxonomy != "category" or unquote(slug) in DEFAULT_SLUGS:
                continue
            category = self.by_slug.get(slug) or self.category(Term("category", 0, slug, name))
            if category is not None:
                ids.append(category.pk)
        return sorted(set(ids))

    def category(self, term):
        if unquote(term.slug) in DEFAULT_SLUGS:
            self.run.report.skip("categories", "domyślna kategoria WordPressa")
            return None
        key = term.term_id or unquote(term.slug)
        record = self.run.records.get(KIND, key)
        category = self._sync(term, key, record)
        self.by_slug[term.slug] = category
        return category

    def _sync(self, term, key, record):
        report = self.run.report
        source_hash = digest(term.name, term.slug)
        if record and record.is_tombstone:
            report.skip("categories", "usunięte tutaj")
            return None
        if record and record.target is not None:
            category = record.target
            if record.source_hash == source_hash:
                report.count("categories", "unchanged")
                return category
            if row_hash(category) != record.row_hash:
                report.edited_here.append(f"kategoria „{category.name}” (WordPress: {term.name})")
                report.count("categories", "unchanged")
                return category
            category.name_pl = self._free_name(term.name, category.pk)
            category.save()
            report.count("categories", "updated")
        else:
            category = self._existing(term) or self._create(term)
        self.run.records.save(
            KIND, key, category, category.name_pl, source_hash, row_hash(category)
        )
        return category

    def _existing(self, term):
        slug = category_slug(term)
        found = Category.objects.filter(slug_pl=slug).first() or (
            Category.objects.annotate(lower=Lower("name_pl"))
            .filter(lower=term.name.lower())
            .first()
        )
        if found:
            self.run.report.count("categories", "unchanged")
        return found

    def _create(self, term):
        category = Category(
            name_pl=self._free_name(term.name or term.slug),
            slug_pl=self._free_slug(category_slug(term)),
        )
        category.save()
        self.run.report.count("categories", "created")
        return category

    @staticmethod
    def _free_name(name, exclude_pk=None):
        taken = set(
            Category.objects.exclude(pk=exclude_pk)
            .filter(name_pl__startswith=name)
            .values_list("name_pl", flat=True)
        )
        candidate, number = name[:100], 2
        while candidate in taken:
            candidate, number = f"{name[:94]} ({number})", number + 1
        return candidate

    @staticmethod
    def _free_slug(slug):
        taken = set(
            Category.objects.filter(slug_pl__startswith=slug).values_list("slug_pl", flat=True)
        )
        candidate, number = slug, 2
        while candidate in taken:
            candidate, number = f"{slug}-{number}", number + 1
        return candidate
