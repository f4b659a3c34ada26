from urllib.parse import urlencode

from django.utils.translation import get_language
from django.views.generic import ListView

from . import words
from .forms import SearchForm
from .models import SearchEntry, SearchWord
from .sources import fixed_pages_for

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
        fields = ["content_type", "title", "title_language", "url", "date", "text", "text_language"]
        return results.only(*fields)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        page.object_list = [self.marked(entry) for entry in page.object_list]
        query = words.clean_query(self.request.GET.get("q", ""))
        return {
            **context,
            "results": page.object_list,
            "form": self.form,
            "query": query,
            "kept_query": urlencode({"q": query}),
            "searched": bool(self.terms),
            "corrections": self.corrections,
            "fixed_pages": fixed_pages_for(self.terms) if page.number == 1 else [],
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=1),
        }

    def marked(self, entry):
        entry.marked_title = words.highlight(entry.title, self.terms)
        entry.snippet = words.snippet(entry.text, self.terms)
        return entry
