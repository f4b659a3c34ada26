import logging

from django.conf import settings
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponseNotFound,
    HttpResponseServerError,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.utils.cache import patch_cache_control
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, TemplateView

from cus_site.translated import object_language_links
from hours.views import shows_status

from . import reader
from .models import AccessibilityStatement, ContactDetail, Document, Page, SiteSettings, TextPage
from .page_parts import page_context
from .tree import PATH_LENGTH

logger = logging.getLogger(__name__)


@shows_status
def home(request):
    return render(request, "pages/home.html", {})


@require_safe
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {settings.SITE_URL}/sitemap.xml"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception):
    return HttpResponseNotFound(loader.render_to_string("404.html", {}, request))


def server_error(request):
    # Rendered without the request: no context processor and no database query may run while
    # the site is already failing.
    return HttpResponseServerError(loader.render_to_string("500.html", {"error_page": True}))


class TextPageView(DetailView):
    """One of the fixed-address pages; the URL pattern passes its slug."""

    template_name = "pages/textpage_detail.html"

    def get_queryset(self):
        return TextPage.objects.published()


class PrivacyView(TextPageView):
    template_name = "pages/privacy.html"


class AccessibilityStatementView(DetailView):
    template_name = "pages/accessibility_statement.html"
    context_object_name = "statement"

    def get_object(self, queryset=None):
        statement = AccessibilityStatement.objects.get_current()
        if statement is None:
            raise Http404
        return statement


@method_decorator(shows_status, name="dispatch")
class ContactView(TemplateView):
    """The centre's addresses and each unit's hours with whether it is open now."""

    template_name = "pages/contact.html"

    def get_context_data(self, **kwargs):
        site_settings = SiteSettings.objects.get_current()
        details = ContactDetail.objects.filter(site_settings_id=site_settings.pk)
        return super().get_context_data(
            phones=[detail for detail in details if detail.kind == ContactDetail.Kind.PHONE],
            emails=[detail for detail in details if detail.kind == ContactDetail.Kind.EMAIL],
            **kwargs,
        )


@require_safe
def reader_options(request):
    """Switch larger text or high contrast, then go back to the page the reader was on.

    Plain links in the header lead here, so the options work without JavaScript; the choice
    is kept in a strictly functional cookie that nothing else reads.
    """
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = redirect(target)
    response.headers["X-Robots-Tag"] = "noindex"
    reader.store(response, reader.chosen(request))
    return response


class PageView(DetailView):
    """A page of the tree at its address (the path of slugs), with its breadcrumbs, service
    parts, documents and subpages."""

    template_name = "pages/page_detail.html"
    context_object_name = "page"

    def get_object(self, queryset=None):
        path = self.kwargs["path"]
        page = Page.objects.published().at_address(path) if len(path) <= PATH_LENGTH else None
        if page is None:
            raise Http404(_("Nie ma takiej strony."))
        return page

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(page_context(self.object), **self.language_links())
        return context

    def language_links(self):
        return object_language_links(self.object)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if context["unit_hours"]:
            # The unit's status is right only until its next opening or closing time.
            patch_cache_control(response, no_cache=True, max_age=0, must_revalidate=True)
        return response


@require_safe
def document(request, pk):
    """A document's current file, under the address that stays when the file is replaced."""
    found = get_object_or_404(Document.objects.published(), pk=pk)
    try:
        handle = found.file.open("rb")
    except FileNotFoundError:
        logger.warning("Document file %s is missing from MEDIA_ROOT.", found.file.name)
        raise Http404(_("Nie ma takiego dokumentu.")) from None
    file_format = found.file_format
    return FileResponse(
        handle,
        as_attachment=not (file_format and file_format.inline),
        filename=found.download_name,
        content_type=file_format.content_type if file_format else "application/octet-stream",
    )
