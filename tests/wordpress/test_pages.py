"""WordPress pages as pages of our tree: parents, order, addresses, documents."""

import pytest

from pages.models import Document, Page

from .conftest import media_files
from .wxr import SITE, attachment, export, item

pytestmark = pytest.mark.django_db


def page(wp_id, title, name, parent=0, menu_order=0, content="Treść strony.", **options):
    return item(
        wp_id,
        title,
        content,
        post_type="page",
        name=name,
        parent=parent,
        menu_order=menu_order,
        link=options.pop("link", f"{SITE}/{name}/"),
        **options,
    )


def test_a_page_three_levels_deep_keeps_its_parents_and_order(import_wxr, client):
    xml = export(
        # Children come first in the file: parents must still be made first.
        page(12, "Dział Pomocy Środowiskowej", "dzial-pomocy", parent=11, menu_order=2),
        page(13, "Dział Świadczeń", "dzial-swiadczen", parent=11, menu_order=1),
        page(11, "Struktura organizacyjna", "struktura", parent=10),
        page(10, "O nas", "o-nas", excerpt="Kim jesteśmy."),
    )
    import_wxr(xml)
    deepest = Page.objects.get(title="Dział Pomocy Środowiskowej")
    assert deepest.url_path_pl == "o-nas/struktura/dzial-pomocy/"
    assert [p.title for p in Page.objects.get(slug="struktura").children.order_by("position")] == [
        "Dział Świadczeń",
        "Dział Pomocy Środowiskowej",
    ]
    assert Page.objects.get(slug="o-nas").lead == "Kim jesteśmy."
    response = client.get("/o-nas/struktura/dzial-pomocy/")
    assert response.status_code == 200
    assert "Dział Pomocy Środowiskowej" in response.content.decode()


def test_only_published_pages_are_public(import_wxr, client):
    xml = export(
        page(1, "Opublikowana", "opublikowana"),
        page(2, "Szkic", "szkic", status="draft"),
        page(3, "Zaplanowana", "zaplanowana", status="future"),
        page(4, "Z hasłem", "z-haslem", password="tajne"),
        page(5, "Prywatna", "prywatna", status="private"),
    )
    import_wxr(xml)
    assert list(Page.objects.published().values_list("slug", flat=True)) == ["opublikowana"]
    assert client.get("/szkic/").status_code == 404
    assert client.get("/z-haslem/").status_code == 404


def test_a_slug_our_routes_answer_gets_a_suffix_and_taken_ones_a_number(import_wxr):
    xml = export(
        page(1, "Aktualności", "aktualnosci"),
        page(2, "Kontakt", "kontakt"),
        page(3, "Zespół", "zespol"),
        page(4, "Zespół (stary)", "zespol-2"),
        page(5, "Zespół", "zespol", parent=1),
    )
    import_wxr(xml)
    slugs = dict(Page.objects.values_list("title", "url_path_pl"))
    assert slugs["Aktualności"] == "aktualnosci-strona/"
    assert slugs["Kontakt"] == "kontakt-strona/"
    assert Page.objects.get(parent=None, slug="zespol").title == "Zespół"
    assert Page.objects.filter(url_path_pl="aktualnosci-strona/zespol/").exists()


def test_a_fifth_level_goes_up_with_a_warning(import_wxr):
    xml = export(
        page(1, "Jeden", "jeden"),
        page(2, "Dwa", "dwa", parent=1),
        page(3, "Trzy", "trzy", parent=2),
        page(4, "Cztery", "cztery", parent=3),
        page(5, "Pięć", "piec", parent=4),
    )
    result = import_wxr(xml)
    assert Page.objects.get(slug="piec").url_path_pl == "jeden/dwa/trzy/piec/"
    assert "drzewo stron ma 4 poziomy" in result.report


def test_a_page_links_its_documents_and_gets_its_cover(import_wxr, uploads, client):
    from tests.factories import blank_pdf

    (uploads / "2023" / "09" / "wniosek.pdf").write_bytes(blank_pdf())
    xml = export(
        attachment(20, "2023/09/piknik.jpg", alt="Budynek CUS"),
        page(
            1,
            "Druki",
            "druki",
            content=f'<a href="{SITE}/wp-content/uploads/2023/09/wniosek.pdf">Wniosek o '
            "zasiłek</a>",
            meta={"_thumbnail_id": "20"},
        ),
    )
    import_wxr(xml, "--photos-consented", uploads=uploads)
    imported = Page.objects.get()
    document = Document.objects.get()
    assert (document.page, document.title, document.size > 0) == (
        imported,
        "Wniosek o zasiłek",
        True,
    )
    assert f'href="{document.file.url}"' in imported.body
    assert imported.cover_alt == "Budynek CUS" and imported.cover_picture.is_public
    assert "Wniosek o zasiłek" in client.get("/druki/").content.decode()
    assert any(
        name.startswith("public/dokumenty/")
        for name in media_files(imported.cover.storage.location)
    )


def test_second_run_leaves_pages_unchanged_and_an_edited_page_alone(import_wxr):
    xml = export(page(1, "O nas", "o-nas"), page(2, "Kontakt z nami", "kontakt-z-nami"))
    import_wxr(xml)
    Page.objects.filter(slug="o-nas").update(lead_pl="Poprawione tutaj.")
    result = import_wxr(xml.replace("Treść strony.", "Nowa treść."))
    assert "strony: utworzone 0, zaktualizowane 1, bez zmian 1" in result.output
    assert Page.objects.get(slug="o-nas").lead == "Poprawione tutaj."
    assert Page.objects.get(slug="kontakt-z-nami").body == "<p>Nowa treść.</p>"
