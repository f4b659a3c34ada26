"""Bodies: WordPress's paragraphs, shortcodes, block comments and headings as our rich text."""

import pytest

from cus_site.richtext import validate_heading_order
from news.models import Post
from wordpress.content import convert, lead

from .wxr import SITE, export, item


def test_blank_lines_become_paragraphs_and_single_breaks_br():
    body = convert("Pierwszy <b>ważny</b>\nwiersz.\n\nDrugi akapit.\n\n\n<ul><li>a</li></ul>", SITE)
    assert body.html == (
        "<p>Pierwszy <strong>ważny</strong><br>wiersz.</p><p>Drugi akapit.</p><ul><li>a</li></ul>"
    )


def test_block_editor_comments_are_removed():
    body = convert(
        '<!-- wp:paragraph {"align":"left"} -->\n<p>Tekst</p>\n<!-- /wp:paragraph -->'
        "<!--more-->\n\n<!-- wp:separator /-->",
        SITE,
    )
    assert body.html == "<p>Tekst</p>"


def test_unknown_shortcodes_are_removed_and_counted_their_text_kept():
    body = convert(
        'Przed [contact-form-7 id="5" title="Kontakt"] po. [su_note]Uwaga![/su_note] '
        "Przypis [1] i [[kod]].",
        SITE,
    )
    assert body.html == "<p>Przed  po. Uwaga! Przypis [1] i [kod].</p>"
    assert body.removed_shortcodes == {"contact-form-7": 1, "su_note": 1}


def test_embed_video_audio_and_iframes_become_plain_links():
    body = convert(
        "[embed]https://www.youtube.com/watch?v=abc[/embed]\n\n"
        f'[video mp4="{SITE}/wp-content/uploads/film.mp4"][/video]\n\n'
        f'[audio src="{SITE}/wp-content/uploads/audycja.mp3"]\n\n'
        '<iframe src="https://player.vimeo.com/video/1" width="640"></iframe>',
        SITE,
    )
    links = [
        "https://www.youtube.com/watch?v=abc",
        f"{SITE}/wp-content/uploads/film.mp4",
        f"{SITE}/wp-content/uploads/audycja.mp3",
        "https://player.vimeo.com/video/1",
    ]
    assert body.html == "".join(f'<p><a href="{url}">{url}</a></p>' for url in links)


@pytest.mark.parametrize(
    ("levels", "expected"),
    [
        ("h1 h2 h3", "h2 h3 h4"),
        ("h3 h4", "h2 h3"),
        ("h2 h4 h6", "h2 h3 h4"),
        ("h4 h2 h5", "h2 h2 h3"),
        ("h1 h1 h2 h3 h4 h5 h6", "h2 h2 h3 h4 h4 h4 h4"),
    ],
)
def test_headings_are_moved_into_h2_to_h4_in_order(levels, expected):
    html = "".join(f"<{tag}>{n}</{tag}>" for n, tag in enumerate(levels.split()))
    body = convert(html, SITE)
    assert body.html == "".join(f"<{tag}>{n}</{tag}>" for n, tag in enumerate(expected.split()))
    validate_heading_order(body.html)


def test_scripts_and_event_handlers_do_not_survive():
    body = convert(
        '<p onclick="steal()">Klik <a href="javascript:alert(1)">tu</a></p>'
        "<script>alert('x')</script><style>p{}</style><p style=\"color:red\">Czerwony</p>",
        SITE,
    )
    assert body.html == "<p>Klik <a>tu</a></p><p>Czerwony</p>"


def test_lead_is_the_excerpt_or_the_first_paragraph_cut_at_a_word():
    assert lead("<p>Krótko &amp; jasno.</p>", "<p>Inne</p>") == "Krótko & jasno."
    assert lead("", "<p>Pierwszy wiersz.<br>Drugi wiersz.</p><p>Dalej</p>") == (
        "Pierwszy wiersz. Drugi wiersz."
    )
    long_paragraph = "<p>" + "słowo " * 80 + "</p><p>Drugi</p>"
    cut = lead("", long_paragraph)
    assert cut.endswith("słowo…") and len(cut) <= 300


@pytest.mark.django_db
def test_imported_post_body_is_sanitised_and_keeps_no_raw_image(import_wxr):
    xml = export(
        item(
            1,
            "Wpis",
            '<!-- wp:html --><div onclick="x()"><script>alert(1)</script>Tekst</div>'
            '<!-- /wp:html -->\n\n<img src="https://example.org/a.jpg" alt="obcy">[tabela id=3]',
        )
    )
    result = import_wxr(xml)
    post = Post.objects.get()
    assert post.body == "<p>Tekst</p>"
    assert "[tabela]" in result.report and "× 1" in result.report
