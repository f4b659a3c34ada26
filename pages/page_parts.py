"""What a page of the tree shows besides its own fields, read in a fixed number of queries:
its subpages, the service's steps and documents to bring, its documents, the unit where the
service is provided (with its status now), and on "Druki do pobrania" every public document.
The public view and the editors' preview both use it."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cus_site import images
from hours.models import Unit
from hours.schedule import Timetable, week_of
from hours.status import LOOKAHEAD_DAYS, unit_status
from hours.week import compact_week

from .documents import Document
from .tree import Page


def absolute(path):
    return f"{settings.SITE_URL}{path}"


def breadcrumb_list(page):
    """schema.org BreadcrumbList of a page: the home page, the pages above it, the page."""
    trail = [(_("Strona główna"), reverse("pages:home"))]
    trail += [(crumb.title, crumb.get_absolute_url()) for crumb in [*page.ancestors, page]]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": number, "name": name, "item": absolute(path)}
            for number, (name, path) in enumerate(trail, start=1)
        ],
    }


def unit_hours(unit_id):
    """The unit where a service is provided, whether it is open now and its usual week; None
    without a unit or when the unit is hidden from the site."""
    if unit_id is None:
        return None
    now = timezone.localtime()
    units = Unit.objects.visible().with_weekly_hours().filter(pk=unit_id)
    timetable = Timetable(units, now.date(), LOOKAHEAD_DAYS + 1)
    if not timetable.units:
        return None
    unit = timetable.units[0]
    return {
        "unit": unit,
        "status": unit_status(timetable, unit, now),
        "week": compact_week(week_of(unit)),
    }


def all_documents(page):
    if page.role != Page.Role.DOCUMENTS:
        return []
    return (
        Document.objects.published()
        .select_related("page")
        .order_by("page__sort_key", "position", "pk")
    )


def page_context(page):
    # The page itself is public (or previewed), so a subpage is public when it is published.
    children = page.children.filter(is_published=True)
    return {
        "children": children,
        "steps": page.steps.all(),
        "documents_to_bring": page.documents_to_bring.all(),
        "documents": page.documents.all(),
        "all_documents": all_documents(page),
        "unit_hours": unit_hours(page.unit_id),
        "breadcrumb_list": breadcrumb_list(page),
        "canonical_url": absolute(page.get_absolute_url()),
        "og_image": images.og_image_url(page.cover_picture),
    }
