from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Q
from django.utils.translation import get_language
from django.views.generic import ListView

from . import words
from .forms import SearchForm
from .models import SearchEntry, SearchWord

RESULTS_PER_PAGE = 10


class SearchView(ListView):
    """Results for `?q=`, the best first, ten a page.

    An empty query shows the form and a hint; a query without a word of two letters or digits
    says so. When the words find nothing, the ones the site does not have are swapped for its
    nearest words (a typo) and the search runs again, saying so. A page number that is not a
    number or out of range is a 404, as in the news.
    """

    paginate_by = RESULTS_PER_PAGE
    context_object_name = "results"

    def get(self, request, *args, **kwargs):
        self.form = SearchForm(request.GET)
        self.terms = self.form.terms if self.form.is_valid() else []
        self.corrections = []
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if not self.terms:
            return SearchEntry.objects.none()
        language = get_language()
        results = SearchEntry.objects.search(self.terms, language)
        if results.exists():
            return self.shown(results)
        corrected = SearchWord.objects.correct(self.terms)
        if corrected == self.terms:
            return self.shown(results)
        self.terms = corrected
        self.corrections = [word for term in corrected for word in term.nearest]
        return self.shown(SearchEntry.objects.search(corrected, language))

    def shown(self, results):
        return results.only("content_type", "object_id", "title", "url", "date", "text")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        polish = polish_rows(page.object_list)
        page.object_list = [self.marked(entry, polish) for entry in page.object_list]
        query = words.clean_query(self.request.GET.get("q", ""))
        return {
            **context,
            "results": page.object_list,
            "form": self.form,
            "query": query,
            "kept_query": urlencode({"q": query}),
            "searched": bool(self.terms),
            "corrections": self.corrections,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=1),
        }

    def marked(self, entry, polish):
        entry.marked_title = words.highlight(entry.title, self.terms)
        entry.snippet = words.snippet(entry.text, self.terms)
        # An English or Ukrainian row holding the Polish text is marked lang="pl".
        title, text = polish.get((entry.content_type_id, entry.object_id), (None, None))
        entry.title_language = settings.LANGUAGE_CODE if entry.title == title else ""
        entry.text_language = settings.LANGUAGE_CODE if entry.text and entry.text == text else ""
        return entry


def polish_rows(entries):
    """{(content type, object): (title, text)} of the Polish rows of a page of English or
    Ukrainian results, in one query."""
    if get_language() == settings.LANGUAGE_CODE or not entries:
        return {}
    same_object = Q()
    for entry in entries:
        same_object |= Q(content_type_id=entry.content_type_id, object_id=entry.object_id)
    rows = SearchEntry.objects.filter(same_object, language=settings.LANGUAGE_CODE)
    return {
        (content_type, pk): (title, text)
        for content_type, pk, title, text in rows.values_list(
            "content_type_id", "object_id", "title", "text"
        )
    }
