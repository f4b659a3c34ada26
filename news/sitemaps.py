from django.db.models import Max, Q

from cus_site.sitemaps import TranslatedSitemap, ViewSitemap

from .models import POST_TEXT, Category, Post


def latest_post_change():
    return Post.objects.published().aggregate(last=Max("updated_at"))["last"]


class NewsIndexSitemap(ViewSitemap):
    changefreq = "daily"
    views = ["news:index"]

    def lastmod(self, name):
        return latest_post_change()


class PostSitemap(TranslatedSitemap):
    changefreq = "monthly"
    text_fields = POST_TEXT

    def items(self):
        return Post.objects.published()

    def lastmod(self, post):
        return post.updated_at


class CategorySitemap(TranslatedSitemap):
    changefreq = "weekly"

    def items(self):
        published = Post.objects.published()
        in_list = Q(posts__in=published)
        return Category.objects.filter(in_list).annotate(
            last_post_change=Max("posts__updated_at", filter=in_list)
        )

    def lastmod(self, category):
        return category.last_post_change
