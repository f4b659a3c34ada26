"""Content for the tree's page types, under the demo's skeleton (which has no pages below it):
a subpage of "O nas" with one of its own, and a service of "Jak możemy pomóc" with every part,
the CUS unit and a document. Used by the crawl and the browser suite."""

from hours.models import Unit
from pages.models import Page
from tests.factories import (
    DocumentToBringFactory,
    PageDocumentFactory,
    PageFactory,
    ServiceStepFactory,
)


def add_tree_content():
    about = Page.objects.get(slug_pl="o-nas")
    structure = PageFactory(
        parent=about,
        title_pl="Struktura organizacyjna",
        slug_pl="struktura-organizacyjna",
        lead_pl="Działy Centrum i ich zadania.",
        title_en="Organisational structure",
        slug_en="organisational-structure",
    )
    PageFactory(parent=structure, title_pl="Dział usług", slug_pl="dzial-uslug")
    service = PageFactory(
        parent=Page.objects.get(slug_pl="jak-mozemy-pomoc"),
        title_pl="Usługi opiekuńcze",
        slug_pl="uslugi-opiekuncze",
        lead_pl="Pomoc w codziennych sprawach w domu.",
        audience_pl="Osoby, które z powodu wieku lub choroby potrzebują pomocy.",
        benefits_pl="Pomoc w zakupach i sprzątaniu.",
        fee="platna",
        fee_note_pl="Odpłatność zależy od dochodu.",
        unit=Unit.objects.get(short_name="CUS"),
        place_note_pl="Sekretariat, parter.",
        legal_basis_pl="Ustawa z dnia 12 marca 2004 r. o pomocy społecznej, art. 50",
    )
    ServiceStepFactory(page=service, text_pl="Wypełnij wniosek.")
    ServiceStepFactory(page=service, text_pl="Złóż go w sekretariacie.")
    DocumentToBringFactory(page=service, text_pl="Dowód osobisty")
    PageDocumentFactory(
        page=service,
        title_pl="Wniosek o usługi opiekuńcze",
        accessibility_note_pl="Wersję w druku powiększonym wyślemy na prośbę.",
    )
    return {"about": about, "service": service, "forms": Page.objects.get(role="druki")}
