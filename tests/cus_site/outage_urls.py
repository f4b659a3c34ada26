"""Pages for the page cache's outage tests: they answer as the outage middleware would while the
database is down (a 503 marked `database_unavailable`) when `DOWN` says so."""

from django.http import HttpResponse
from django.urls import path

from cus_site import cache

DOWN = {"now": False}


def outage_page(text, shows_status=False):
    def view(request):
        if DOWN["now"]:
            response = HttpResponse("Serwis jest chwilowo niedostępny.", status=503)
            response.database_unavailable = True
            return response
        if shows_status:
            cache.note_status()
        return HttpResponse(text)

    return view


urlpatterns = [
    path("bez-statusu/", outage_page("Aktualności: wersja pierwsza")),
    path("ze-statusem/", outage_page("Otwarte do 15:30", shows_status=True)),
]
