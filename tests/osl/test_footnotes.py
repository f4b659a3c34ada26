"""Footnote markers typed by an editor become links only where that is safe and meaningful."""

from cus_site.richtext import sanitise
from osl.footnotes import link_markers


def test_second_marker_of_a_note_links_to_it_without_repeating_the_id():
    text = link_markers(sanitise("<p>Raz.[1] Jeszcze raz.[1]</p>"), count=1)
    assert str(text.html).count('href="#przypis-1"') == 2
    assert str(text.html).count('id="odwolanie-1"') == 1
    assert text.cited == {1}


def test_only_numbers_of_existing_sources_are_cited():
    text = link_markers(sanitise("<p>[0] [2] [3] [12]</p>"), count=2)
    assert text.cited == {2}
    assert "[0] " in text.html and "[3] [12]" in text.html


def test_script_in_the_body_is_gone_before_markers_are_linked():
    text = link_markers(sanitise("<p>[1]<script>alert('[1]')</script></p>"), count=1)
    assert "script" not in text.html and "alert" not in text.html
    assert text.cited == {1}


def test_marker_after_a_link_is_linked_again():
    html = sanitise('<p><a href="https://example.org/">źródło [1]</a> oraz [1]</p>')
    text = link_markers(html, count=1)
    assert ">źródło [1]</a>" in text.html
    assert 'oraz <sup><a href="#przypis-1" id="odwolanie-1">[1]</a></sup>' in text.html
