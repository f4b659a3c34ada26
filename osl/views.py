from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from cus_site import images, listing
from cus_site.translated import canonical_meta, find_by_slug, object_language_links
from news.models import Post

from .models import Introduction, Programme

NEWS_PER_PAGE = 5
PARTS = ("communities", "goals", "partners", "meeting_places", "documents", "sources")


class ProgrammeListView(ListView):
    """/osl/: what OSL is, then the published programmes."""

    template_name = "osl/programme_list.html"
    context_object_name = "programmes"

    def get_queryset(self):
        return Programme.objects.published()

    def get_context_data(self, **kwargs):
        return super().get_context_data(introduction=Introduction.objects.get_current(), **kwargs)


class ProgrammeDetailView(DetailView):
    """A programme with all its parts and, below, the news of its category, five a page.

    A page number of the news that is not a number or out of range is a 404, as on the news list.
    """

    template_name = "osl/programme_detail.html"
    context_object_name = "programme"

    def get_queryset(self):
        return (
            Programme.objects.published().select_related("news_category").prefetch_related(*PARTS)
        )

    def get_object(self, queryset=None):
        programme = find_by_slug(self.get_queryset(), self.kwargs["slug"])
        if programme is None:
            raise Http404(_("Nie ma takiego programu."))
        return programme

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        programme = self.object
        news = self.news_page(programme)
        image_url = images.og_image_url(programme.cover_picture)
        context.update(
            news=news,
            page_obj=news,
            page_range=news.paginator.get_elided_page_range(news.number, on_each_side=1),
            og_type="article",
            og_image=image_url,
            og_image_alt=programme.cover_picture.alt_text if image_url else "",
            **canonical_meta(programme, ("title", "lead", "body")),
            **object_language_links(programme),
        )
        return context

    def news_page(self, programme):
        posts = Post.objects.none()
        if programme.news_category_id:
            posts = Post.objects.published().filter(categories=programme.news_category_id)
        paginator = Paginator(posts, NEWS_PER_PAGE)
        try:
            page = paginator.page(self.request.GET.get("page") or 1)
        except InvalidPage:
            raise Http404(_("Nie ma takiej strony aktualności programu.")) from None
        page.object_list = listing.linkable(page.object_list)
        return page
