"""Editors build the tree in the admin: every mistake (a loop, a fifth level, a taken or
reserved address, a file that is no document) is a Polish form error that loses nothing and
changes nothing; drafts can be previewed; redirects are edited with loops refused."""

import re

import pytest
from django.contrib.auth.models import Group

from cus_site.permissions import CONTENT_EDITORS
from pages.models import Document, Page, Redirect
from tests import documentfiles as files
from tests.factories import PageDocumentFactory, PageFactory
from tests.news import imagefiles as images

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/pages/page/add/"
LANGUAGES = ("pl", "en", "uk")
TRANSLATED = (
    "title",
    "slug",
    "lead",
    "body",
    "cover_alt",
    "audience",
    "benefits",
    "fee_note",
    "place_note",
    "legal_basis",
)
INLINES = ("steps", "documents_to_bring", "documents")


def page_form(totals=None, **fields):
    data = {f"{name}_{language}": "" for name in TRANSLATED for language in LANGUAGES}
    data.update(
        {
            "title_pl": "Struktura organizacyjna",
            "lead_pl": "Działy Centrum.",
            "body_pl": "<p>Treść.</p>",
            "position": "0",
            "is_published": "on",
            "cover_shows_people": "on",
            "parent": "",
            "role": "",
            "fee": "",
            "unit": "",
        }
    )
    for prefix in INLINES:
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": str((totals or {}).get(prefix, 0)),
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


def errors_of(response):
    html = response.content.decode()
    return " ".join(re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', html, re.S))


def change_url(page):
    return f"/admin/pages/page/{page.pk}/change/"


@pytest.fixture
def about():
    top = PageFactory(title_pl="O nas", slug_pl="o-nas")
    PageFactory(parent=top, title_pl="Struktura", slug_pl="struktura")
    return top


def test_content_editors_may_do_everything_with_the_tree_models(editor):
    for model in ("page", "servicestep", "documenttobring", "document", "redirect"):
        for action in ("add", "change", "delete", "view"):
            assert editor.has_perm(f"pages.{action}_{model}"), (action, model)
    assert Group.objects.get(name=CONTENT_EDITORS).permissions.filter(codename="add_page").exists()


def test_an_editor_adds_a_subpage_whose_slug_is_made_from_the_title(client, editor, about):
    client.force_login(editor)
    assert client.get(ADD_URL).status_code == 200
    response = client.post(ADD_URL, page_form(parent=str(about.pk), title_pl="Żłobki i Łaźnie"))
    assert response.status_code == 302, errors_of(response)
    page = Page.objects.get(title_pl="Żłobki i Łaźnie")
    assert page.get_absolute_url() == "/o-nas/zlobki-i-laznie/"
    assert page.slug_en is None  # the English address uses the Polish slug


def test_the_parent_list_reads_as_a_tree(admin_client, about):
    html = admin_client.get(ADD_URL).content.decode()
    options = re.findall(r'<option value="\d+">(.*?)</option>', html)
    assert options[:2] == ["O nas", "— Struktura"]


def test_a_loop_is_refused_in_polish_and_nothing_changes(admin_client, about):
    below = Page.objects.get(slug_pl="struktura")
    response = admin_client.post(
        change_url(about), page_form(title_pl="O nas", slug_pl="o-nas", parent=str(below.pk))
    )
    assert response.status_code == 200
    assert "nie może leżeć pod samą sobą" in errors_of(response)
    assert Page.objects.get(pk=about.pk).parent_id is None


def test_a_fifth_level_is_refused_in_polish(admin_client, about):
    third = PageFactory(parent=Page.objects.get(slug_pl="struktura"), slug_pl="trzeci")
    fourth = PageFactory(parent=third, slug_pl="czwarty")
    response = admin_client.post(ADD_URL, page_form(title_pl="Piąty", parent=str(fourth.pk)))
    assert response.status_code == 200
    assert "Drzewo stron ma najwyżej 4 poziomy" in errors_of(response)
    assert not Page.objects.filter(title_pl="Piąty").exists()


def test_a_duplicate_address_among_siblings_is_refused(admin_client, about):
    response = admin_client.post(
        ADD_URL, page_form(title_pl="Struktura", slug_pl="struktura", parent=str(about.pk))
    )
    assert response.status_code == 200
    assert "Adres „/o-nas/struktura/” ma już inna strona." in errors_of(response)
    assert Page.objects.filter(slug_pl="struktura").count() == 1


@pytest.mark.parametrize("slug", ["aktualnosci", "kontakt", "admin", "en", "dokumenty"])
def test_a_top_level_slug_that_shadows_a_section_is_refused(admin_client, slug):
    response = admin_client.post(ADD_URL, page_form(title_pl="Strona", slug_pl=slug))
    assert response.status_code == 200
    assert f"Adres „/{slug}/” należy do stałej części serwisu" in errors_of(response)
    assert not Page.objects.exists()


def test_moving_a_page_in_the_admin_redirects_its_old_addresses(admin_client, about):
    other = PageFactory(title_pl="Jak możemy pomóc", slug_pl="jak-mozemy-pomoc")
    structure = Page.objects.get(slug_pl="struktura")
    response = admin_client.post(
        change_url(structure),
        page_form(title_pl="Struktura", slug_pl="struktura", parent=str(other.pk)),
    )
    assert response.status_code == 302, errors_of(response)
    assert Redirect.objects.get(old_address="/o-nas/struktura/").target == (
        "/jak-mozemy-pomoc/struktura/"
    )


def test_only_one_page_takes_each_role(admin_client):
    PageFactory(slug_pl="druki", role="druki")
    response = admin_client.post(ADD_URL, page_form(title_pl="Formularze", role="druki"))
    assert response.status_code == 200
    assert "Inna strona ma już tę rolę." in errors_of(response)


def test_a_child_page_cannot_be_put_in_the_main_menu(admin_client, about):
    response = admin_client.post(ADD_URL, page_form(parent=str(about.pk), in_menu="on"))
    assert response.status_code == 200
    assert "Do menu głównego można dodać tylko stronę najwyższego poziomu" in errors_of(response)


def with_document(upload, **fields):
    return page_form(
        {"documents": 1},
        **{
            "documents-0-title_pl": "Wniosek o usługi opiekuńcze",
            "documents-0-file": upload,
            "documents-0-position": "0",
            **fields,
        },
    )


def test_a_document_is_stored_under_a_safe_name_with_its_size(admin_client):
    content = files.odt()
    upload = files.upload("Wniosek (wersja 2) ŁÓDŹ.odt", content)
    response = admin_client.post(ADD_URL, with_document(upload))
    assert response.status_code == 302, errors_of(response)
    document = Document.objects.get()
    assert re.fullmatch(
        r"(public|private)/dokumenty/\d{4}/wniosek-wersja-2-lodz-[0-9a-f]{24}\.odt",
        document.file.name,
    )
    assert document.size == len(content)
    assert document.file_format.name == "ODT"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("wniosek.pdf", files.executable(), "Tego pliku nie można dodać jako dokumentu"),
        ("wniosek.docx", images.camera_jpeg(), "Tego pliku nie można dodać jako dokumentu"),
        ("wniosek.pdf", files.blank_pdf()[:-200], "jest uszkodzony albo niekompletny"),
        ("wniosek.pdf", files.encrypted_pdf(), "zabezpieczony hasłem"),
        ("haslo.docx", files.old_word(), "zabezpieczony hasłem"),
    ],
)
def test_a_file_that_is_no_document_is_refused_and_the_page_is_not_saved(
    admin_client, name, content, message
):
    response = admin_client.post(ADD_URL, with_document(files.upload(name, content)))
    assert response.status_code == 200
    assert message in errors_of(response)
    html = response.content.decode()
    assert 'value="Wniosek o usługi opiekuńcze"' in html  # what was typed is still there
    assert not Page.objects.exists()
    assert not Document.objects.exists()


def test_the_document_input_names_every_accepted_format(admin_client):
    html = admin_client.get(ADD_URL).content.decode()
    accept = re.search(r'name="documents-__prefix__-file"[^>]*accept="([^"]+)"', html)
    accept = accept or re.search(r'accept="([^"]+)"[^>]*name="documents-__prefix__-file"', html)
    assert ".docx" in accept[1] and "application/pdf" in accept[1]


def test_a_draft_is_previewed_under_a_banner_and_published_pages_open_on_the_site(
    admin_client, client, about
):
    draft = PageFactory(parent=about, title_pl="Projekt", slug_pl="projekt", is_published=False)
    assert client.get("/o-nas/projekt/").status_code == 404
    html = admin_client.get(change_url(draft)).content.decode()
    preview = f"/admin/pages/page/{draft.pk}/podglad/"
    assert preview in html
    response = admin_client.get(preview)
    assert response.status_code == 200
    assert "Podgląd szkicu: mieszkańcy nie widzą jeszcze tej strony." in response.content.decode()
    assert 'href="/o-nas/"' in admin_client.get(change_url(about)).content.decode()
    assert client.get(preview).status_code == 302  # the public is sent to the login


def test_the_changelist_lists_the_tree_in_order_with_addresses(admin_client, about):
    html = admin_client.get("/admin/pages/page/").content.decode()
    assert html.index("O nas") < html.index("— Struktura")
    assert "/o-nas/struktura/" in html


def test_deleting_a_page_with_subpages_is_refused_in_polish(admin_client, about):
    response = admin_client.post(f"/admin/pages/page/{about.pk}/delete/", {"post": "yes"})
    assert response.status_code == 200
    assert Page.objects.filter(pk=about.pk).exists()


REDIRECT_ADD = "/admin/pages/redirect/add/"


def test_an_editor_adds_a_redirect_pasted_from_the_browser(admin_client):
    response = admin_client.post(
        REDIRECT_ADD, {"old_address": "https://cus.tarnow.pl/?page_id=12", "target": "/kontakt/"}
    )
    assert response.status_code == 302, errors_of(response)
    redirect = Redirect.objects.get()
    assert (redirect.old_address, redirect.target, redirect.origin) == (
        "/?page_id=12",
        "/kontakt/",
        "redakcja",
    )


def test_a_redirect_into_a_chain_goes_straight_to_its_end(admin_client):
    Redirect.objects.record([("/b/", "/c/")], Redirect.Origin.IMPORT)
    response = admin_client.post(REDIRECT_ADD, {"old_address": "/a/", "target": "/b/"})
    assert response.status_code == 302, errors_of(response)
    assert Redirect.objects.get(old_address="/a/").target == "/c/"


def test_a_redirect_loop_is_refused_in_polish(admin_client):
    Redirect.objects.record([("/b/", "/a/")], Redirect.Origin.IMPORT)
    response = admin_client.post(REDIRECT_ADD, {"old_address": "/a/", "target": "/b/"})
    assert response.status_code == 200
    assert "prowadziłoby z powrotem pod ten sam adres (pętla)" in errors_of(response)
    assert Redirect.objects.count() == 1


def test_a_redirect_from_a_live_page_of_the_site_is_refused(admin_client, about):
    for address in ("/kontakt/", "/o-nas/struktura/", "/en/aktualnosci/"):
        response = admin_client.post(REDIRECT_ADD, {"old_address": address, "target": "/"})
        assert response.status_code == 200, address
        assert "przekierowanie nigdy by nie zadziałało" in errors_of(response)
    gone_post = {"old_address": "/aktualnosci/usuniety-wpis/", "target": "/aktualnosci/"}
    assert admin_client.post(REDIRECT_ADD, gone_post).status_code == 302


def test_changing_a_redirects_old_address_replaces_it(admin_client):
    [redirect] = Redirect.objects.record([("/stary/", "/kontakt/")], Redirect.Origin.EDITOR)
    response = admin_client.post(
        f"/admin/pages/redirect/{redirect.pk}/change/",
        {"old_address": "/bardzo-stary/", "target": "/kontakt/"},
    )
    assert response.status_code == 302, errors_of(response)
    assert dict(Redirect.objects.values_list("old_address", "target")) == {
        "/bardzo-stary/": "/kontakt/"
    }


def test_a_document_keeps_its_address_when_an_editor_replaces_the_file(admin_client, client):
    document = PageDocumentFactory()
    page = document.page
    url = document.get_absolute_url()
    content = files.xlsx()
    data = page_form(
        title_pl=page.title_pl,
        slug_pl=page.slug_pl,
        **{
            "documents-TOTAL_FORMS": "1",
            "documents-INITIAL_FORMS": "1",
            "documents-0-id": str(document.pk),
            "documents-0-page": str(page.pk),
            "documents-0-title_pl": document.title_pl,
            "documents-0-file": files.upload("nowa wersja.xlsx", content),
            "documents-0-position": "0",
        },
    )
    response = admin_client.post(change_url(page), data)
    assert response.status_code == 302, errors_of(response)
    document.refresh_from_db()
    assert document.get_absolute_url() == url
    assert document.size == len(content)
    assert b"".join(client.get(url).streaming_content) == content


def test_the_service_parts_get_short_boxes_in_every_language(admin_client):
    html = admin_client.get(ADD_URL).content.decode()
    for name in ("audience_pl", "audience_uk", "fee_note_en", "legal_basis_pl", "lead_pl"):
        box = re.search(rf'<textarea [^>]*name="{name}"[^>]*>', html)[0]
        assert 'rows="4"' in box, name


def test_a_title_without_latin_letters_asks_for_an_address(admin_client):
    response = admin_client.post(ADD_URL, page_form(title_pl="Про нас"))
    assert response.status_code == 200
    assert "Wpisz adres strony" in errors_of(response)
    assert not Page.objects.exists()
