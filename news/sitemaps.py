from cus_site.sitemaps import TranslatedSitemap, ViewSitemap

from .models import Category, Post


class NewsIndexSitemap(ViewSitemap):
    changefreq = "daily"
    views = ["news:index"]


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
