import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template

from cus_site.richtext import clean_for_storage, sanitise, validate_heading_order


def render(html):
    return Template("{% load richtext %}{{ body|rich_text }}").render(Context({"body": html}))


@pytest.mark.parametrize(
    "dangerous",
    [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        '<p onclick="alert(1)">tekst</p>',
        '<p style="color:red">tekst</p>',
        '<a href="javascript:alert(1)">link</a>',
        '<a href="data:text/html;base64,PHNjcmlwdD4=">link</a>',
        '<iframe src="https://example.org"></iframe>',
        "<svg><script>alert(1)</script></svg>",
    ],
)
def test_nothing_executable_reaches_the_page(dangerous):
    page = render(dangerous)
    for forbidden in ("<script", "onerror", "onclick", "style=", "javascript:", "data:", "<iframe"):
        assert forbidden not in page


def test_allowed_structure_is_kept():
    html = (
        "<h2>Cele</h2><h3>Szczegóły</h3><p><strong>Ważne</strong> i <em>pilne</em></p>"
        "<ul><li>jeden</li></ul><ol><li>dwa</li></ol><blockquote><p>cytat</p></blockquote>"
        "<table><tbody><tr><th>Dzień</th><td>poniedziałek</td></tr></tbody></table>"
    )
    assert render(html) == html


def test_h1_is_not_offered_because_the_page_title_is_the_h1():
    assert "<h1>" not in render("<h1>Tytuł</h1>")


def test_links_to_other_sites_get_noopener_and_own_links_do_not(settings):
    settings.SITE_URL = "https://cus.tarnow.pl"
    page = render(
        '<p><a href="https://example.org/x">obcy</a> <a href="https://cus.tarnow.pl/kontakt/">nasz</a>'
        ' <a href="/osl/">względny</a> <a href="mailto:cus@example.org">poczta</a></p>'
    )
    assert '<a href="https://example.org/x" rel="noopener">obcy</a>' in page
    assert '<a href="https://cus.tarnow.pl/kontakt/">nasz</a>' in page
    assert '<a href="/osl/">względny</a>' in page
    assert '<a href="mailto:cus@example.org">poczta</a>' in page


def test_a_titled_external_link_gets_noopener_too():
    page = render('<a title="Strona CAL" href="https://cal.org.pl">CAL</a>')
    assert 'rel="noopener"' in page


def test_an_editor_cannot_smuggle_rel_or_target():
    page = render('<a href="https://example.org" target="_blank" rel="opener">x</a>')
    assert "target" not in page
    assert 'rel="opener"' not in page


def test_stored_html_is_cleaned_and_an_empty_editor_is_empty():
    assert clean_for_storage("<p></p>") == ""
    assert clean_for_storage('<p onclick="x()">a</p>') == "<p>a</p>"


def test_empty_body_renders_nothing():
    assert sanitise("") == ""
    assert sanitise(None) == ""


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<p>Bez nagłówków.</p>",
        "<h2>A</h2><h3>B</h3><h4>C</h4><h2>D</h2><h3>E</h3>",
        "<h2>A</h2><h3>B</h3><h4>C</h4><h3>D</h3>",
    ],
)
def test_headings_in_order_pass(html):
    validate_heading_order(html)


@pytest.mark.parametrize(
    ("html", "heading", "missing"),
    [
        ("<h2>Cele</h2><h4>Szczegóły</h4>", "Szczegóły", 3),
        ("<h3>Na początek</h3>", "Na początek", 2),
        ('<h2>A</h2><h3>B</h3><h2>C</h2><h4 class="x">D <em>ważne</em></h4>', "D ważne", 3),
    ],
)
def test_a_skipped_heading_level_is_refused_in_polish(html, heading, missing):
    with pytest.raises(ValidationError) as error:
        validate_heading_order(html)
    message = error.value.messages[0]
    assert message.startswith("Nagłówki muszą iść po kolei")
    assert f"„{heading}”" in message
    assert f"brakuje nagłówka poziomu {missing}" in message
