from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Category, Post


class NewsIndexSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return ["news:index"]

    def location(self, item):
        return reverse(item)


class PostSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Post.objects.published()

    def lastmod(self, post):
        return post.updated_at


class CategorySitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Category.objects.filter(posts__in=Post.objects.published()).distinct()
