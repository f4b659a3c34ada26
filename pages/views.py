import logging
import sys
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseNotFound,
    HttpResponseRedirect,
    HttpResponseServerError,
)
from django.shortcuts import get_object_or_404, render
from django.template import loader
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, TemplateView

from cus_site import middleware, outage
from cus_site.links import local_path
from cus_site.staff import private_for_staff, sees_hints
from cus_site.translated import canonical_meta, object_language_links
from hours.models import Unit
from hours.schedule import Timetable, week_of
from hours.status import LOOKAHEAD_DAYS, Status, unit_status
from hours.week import week_rows

from . import reader
from .models import (
    AccessibilityStatement,
    ContactDetail,
    Document,
    Notice,
    Page,
    SiteSettings,
    TextPage,
)
from .page_parts import page_context
from .tree import PATH_LENGTH

logger = logging.getLogger(__name__)
# What a tree page says in words: in Polish only when none of it is translated.
PAGE_TEXT = ("title", "lead", "body")


def home(request):
    site_settings = SiteSettings.objects.get_current()
    phones = ContactDetail.objects.filter(
        site_settings_id=site_settings.pk, kind=ContactDetail.Kind.PHONE
    )
    return render(request, "pages/home.html", {"phones": phones})


@require_safe
def robots_txt(request):
    # The reader-options links only set a cookie and go back: nothing there to index.
    options = [f"Disallow: {prefix}/wyglad/" for prefix in ("", "/en", "/uk")]
    lines = ["User-agent: *", "Disallow: /admin/", *options]
    lines.append(f"Sitemap: {settings.SITE_URL}/sitemap.xml")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception):
    return HttpResponseNotFound(loader.render_to_string("404.html", {}, request))


def request_too_large(request):
    """The Polish 413 page for a body the proxy refused itself (nginx's `error_page 413`
    comes here with the refused request's address in X-Original-URI)."""
    refused = urlsplit(request.headers.get("X-Original-URI", "")).path or request.path
    return middleware.request_too_large(middleware.body_limit(refused))


def bad_request(request, exception):
    # Like the 500 page: the fixed menu only, no query (a bad request may come in floods).
    return HttpResponseBadRequest(loader.render_to_string("400.html", {"error_page": True}))


def server_error(request):
    # Rendered without the request: no context processor and no database query may run while
    # the site is already failing. A database that went away (in a middleware, where
    # outage.DatabaseUnavailableMiddleware does not see it) is a 503, not our error.
    error = sys.exc_info()[1]
    if outage.caused_by_database(error):
        return outage.unavailable_response(request, error)
    return HttpResponseServerError(loader.render_to_string("500.html", {"error_page": True}))


class TextPageView(DetailView):
    """One of the fixed-address pages; the URL pattern passes its slug."""

    template_name = "pages/textpage_detail.html"

    def get_queryset(self):
        return TextPage.objects.published()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(canonical_meta(self.object, ("title", "lead", "body")))
        return context


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

    def get_context_data(self, **kwargs):
        home = settings.SITE_URL + reverse("pages:home")
        return super().get_context_data(site_address=home, **kwargs)


@dataclass(frozen=True)
class UnitCard:
    unit: Unit
    status: Status
    week: list


@method_decorator(private_for_staff, name="dispatch")
class ContactView(TemplateView):
    """A card per unit (where, how to get in, when, how to write, how to book a sign-language
    interpreter) and the centre's own details; staff also see what is missing."""

    template_name = "pages/contact.html"

    def get_context_data(self, **kwargs):
        site_settings = SiteSettings.objects.get_current()
        details = ContactDetail.objects.filter(site_settings_id=site_settings.pk)
        now = timezone.localtime()
        timetable = Timetable.shown(now.date(), LOOKAHEAD_DAYS + 1)
        cards = [
            UnitCard(
                unit, unit_status(timetable, unit, now), week_rows(week_of(unit), now.weekday())
            )
            for unit in timetable.units
        ]
        return super().get_context_data(
            cards=cards,
            phones=[detail for detail in details if detail.kind == ContactDetail.Kind.PHONE],
            emails=[detail for detail in details if detail.kind == ContactDetail.Kind.EMAIL],
            show_hints=sees_hints(self.request),
            centre_missing=site_settings.missing_details(),
            **kwargs,
        )


@require_safe
def reader_options(request):
    """Switch larger text or high contrast, then go back to the page the reader was on.

    Plain links in the header lead here, so the options work without JavaScript; the choice
    is kept in a strictly functional cookie that nothing else reads.
    """
    response = HttpResponseRedirect(local_path(request.GET.get("next")) or "/")
    response.headers["X-Robots-Tag"] = "noindex"
    reader.store(response, reader.chosen(request))
    return response


@staff_member_required
def notice_preview(request, pk):
    """A notice as residents will see it, whether it is shown yet or not."""
    if not request.user.has_perm("pages.view_notice"):
        raise PermissionDenied
    notice = get_object_or_404(Notice, pk=pk)
    return render(request, "pages/notice_preview.html", {"notice": notice})


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
        context.update(
            page_context(self.object),
            **self.language_links(),
            **canonical_meta(self.object, PAGE_TEXT),
        )
        return context

    def language_links(self):
        return object_language_links(self.object)


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
