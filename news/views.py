import json

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.templatetags.static import static
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from cus_site import cache, images, listing
from cus_site.translated import canonical_meta, find_by_slug, object_language_links

from .models import POST_TEXT, Category, Post

POSTS_PER_PAGE = 10
PUBLISHER = "Centrum Usług Społecznych w Tarnowie"
# The characters that could end the script element or start an HTML comment inside it.
SCRIPT_SAFE = str.maketrans({"<": "\\u003C", ">": "\\u003E", "&": "\\u0026"})


def categories_and_years():
    """The news list's categories and years: they read every published post, so once per
    change (cus_site/cache.py), not per request."""
    published = Post.objects.published()
    categories = listing.linkable(Category.objects.filter(posts__in=published).distinct())
    return categories, list(published.dates("published_at", "year", order="DESC"))


class CountedOncePaginator(Paginator):
    """Counting the posts reads all of them: the count is worked out once per change."""

    def __init__(self, *args, count_name, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_name = count_name

    @cached_property
    def count(self):
        counted = Paginator.count.func
        return cache.fragment(self.count_name, lambda: counted(self), per_language=False)


class PostListView(ListView):
    """The published posts, newest first, ten a page; the category and year lists narrow it.

    A page number that is not a number or out of range is a 404 (ListView's own rule)."""

    paginate_by = POSTS_PER_PAGE

    def get_paginator(self, queryset, per_page, **kwargs):
        name = "news-count:" + ":".join(f"{key}={value}" for key, value in self.kwargs.items())
        return CountedOncePaginator(queryset, per_page, count_name=name, **kwargs)

    template_name = "news/post_list.html"
    context_object_name = "posts"

    def get_queryset(self):
        return Post.objects.published()

    def paginate_queryset(self, queryset, page_size):
        # The posts are read only when the list's fragment has to be made again.
        paginator, page, posts, is_paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = SimpleLazyObject(lambda: listing.linkable(posts))
        return paginator, page, page.object_list, is_paginated

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        context["page_range"] = page.paginator.get_elided_page_range(page.number, on_each_side=1)
        context["heading"] = self.heading()
        lists = SimpleLazyObject(lambda: cache.fragment("news-lists", categories_and_years))
        context["categories"] = SimpleLazyObject(lambda: lists[0])
        context["years"] = SimpleLazyObject(lambda: lists[1])
        return context

    def heading(self):
        return _("Aktualności")


class CategoryPostListView(PostListView):
    def get_queryset(self):
        self.category = find_by_slug(Category.objects.all(), self.kwargs["slug"])
        if self.category is None:
            raise Http404(_("Nie ma takiej kategorii."))
        return super().get_queryset().filter(categories=self.category)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(category=self.category, **kwargs)
        context.update(object_language_links(self.category))
        return context

    def heading(self):
        return _("Aktualności: %(category)s") % {"category": self.category.name}


class YearPostListView(PostListView):
    allow_empty = False

    def get_queryset(self):
        if not 1000 <= self.kwargs["year"] <= 9999:
            raise Http404
        return super().get_queryset().filter(published_at__year=self.kwargs["year"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(year=self.kwargs["year"], **kwargs)

    def heading(self):
        return _("Aktualności z roku %(year)s") % {"year": self.kwargs["year"]}


def absolute(url):
    return f"{settings.SITE_URL}{url}"


def json_ld(data):
    """JSON for a `<script type="application/ld+json">`, escaped so no text can close it."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(SCRIPT_SAFE))


def centre_organisation():
    """The centre as schema.org knows a publisher: its name, site and logo (a raster image,
    as search engines ask)."""
    return {
        "@type": "Organization",
        "name": PUBLISHER,
        "url": absolute("/"),
        "logo": {
            "@type": "ImageObject",
            "url": absolute(static("img/logo-512.png")),
            "width": 512,
            "height": 512,
        },
    }


def news_article(post, image_url, canonical):
    """schema.org NewsArticle of a post, for search engines: written and published by the
    centre, with its cover (or the site's picture) and the language its text is in."""
    language = settings.LANGUAGE_CODE if canonical["polish_only"] else get_language()
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": post.title,
        "description": post.display_lead,
        "datePublished": timezone.localtime(post.published_at).isoformat(),
        "dateModified": timezone.localtime(post.updated_at).isoformat(),
        "inLanguage": language,
        "mainEntityOfPage": canonical["canonical_url"],
        "url": canonical["canonical_url"],
        "author": centre_organisation(),
        "publisher": centre_organisation(),
        "image": [image_url or absolute(static("img/og-default.png"))],
    }
    return json_ld(data)


def nearest_linkable(posts):
    """The first of the posts that has an address; a bad row next to it is skipped."""
    return next(iter(listing.linkable(posts[:3])), None)


class PostDetailView(DetailView):
    template_name = "news/post_detail.html"
    context_object_name = "post"

    def get_queryset(self):
        return Post.objects.published().prefetch_related("categories", "images", "attachments")

    def get_object(self, queryset=None):
        post = find_by_slug(self.get_queryset(), self.kwargs["slug"])
        if post is None:
            raise Http404(_("Nie ma takiego wpisu."))
        return post

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        post = self.object
        published = Post.objects.published()
        image_url = images.og_image_url(post.cover_picture)
        canonical = canonical_meta(post, POST_TEXT)
        context.update(
            older=nearest_linkable(published.older_than(post)),
            newer=nearest_linkable(published.newer_than(post)),
            og_type="article",
            og_image=image_url,
            og_image_alt=post.cover_picture.alt_text if image_url else "",
            json_ld=news_article(post, image_url, canonical),
            **canonical,
            **self.language_links(),
        )
        return context

    def language_links(self):
        return object_language_links(self.object)


@method_decorator(staff_member_required, name="dispatch")
class PostPreviewView(PostDetailView):
    """Staff see a draft or scheduled post as the public will, under a banner saying so."""

    def get_object(self, queryset=None):
        if not self.request.user.has_perm("news.view_post"):
            raise PermissionDenied
        posts = Post.objects.prefetch_related("categories", "images", "attachments")
        return get_object_or_404(posts, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=True, **kwargs)

    def language_links(self):
        # The preview's own address works in every language; the post's public one not yet.
        return {}
