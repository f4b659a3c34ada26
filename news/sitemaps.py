from django.urls import reverse

from cus_site.translated import TranslatedSitemap

from .models import Category, Post


class NewsIndexSitemap(TranslatedSitemap):
    changefreq = "daily"

    def items(self):
        return ["news:index"]

    def location(self, item):
        return reverse(item)


class PostSitemap(TranslatedSitemap):
    changefreq = "monthly"

    def items(self):
        return Post.objects.published()

    def lastmod(self, post):
        return post.updated_at


class CategorySitemap(TranslatedSitemap):
    changefreq = "weekly"

    def items(self):
        return Category.objects.filter(posts__in=Post.objects.published()).distinct()
