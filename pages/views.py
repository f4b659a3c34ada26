from django.conf import settings
from django.http import HttpResponse, HttpResponseNotFound, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.decorators.http import require_GET

from hours.views import shows_status


@shows_status
def home(request):
    return render(request, "pages/home.html", {})


@require_GET
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {settings.SITE_URL}/sitemap.xml"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception):
    return HttpResponseNotFound(loader.render_to_string("404.html", {}, request))


def server_error(request):
    # Rendered without the request: no context processor and no database query may run while
    # the site is already failing.
    return HttpResponseServerError(loader.render_to_string("500.html", {"error_page": True}))
