"""Mends for what round ao of held-out trees (``bench/labels/
heldout-2026-12-06n.md``: Cortex's Hugo docs, Postfix's HTML READMEs,
psycopg's and urllib3's Sphinx docs) showed, each on a document of our own."""

from __future__ import annotations

from tests.shipped_packs import lint


def test_a_word_split_by_a_character_reference_is_one_word() -> None:
    text = (
        "<p>Based on Lutz J&auml;nicke's patch and Bj&ouml;rn's notes, the"
        " caf&eacute;s recieve a seprate mesage.</p>\n"
    )
    assert [f.match for f in lint(text, "TLS_README.html", "typos")] == [
        "recieve",
        "seprate",
        "mesage",
    ]


def test_a_comparisons_then_before_a_named_subject_is_still_a_slip() -> None:
    # "If it takes longer then Postfix gives up" was let through for a
    # while; a review found the same shape in comparisons ("If you earn more
    # then John earns"), so the conditional's "then" is reported too.
    text = (
        "If you earn more then John earns, you pay the higher rate.\n\n"
        "When the file is larger then Windows allows, the copy fails.\n"
    )
    assert [(f.line, f.match) for f in lint(text, "README.html", "typos")] == [
        (1, "then"),
        (3, "then"),
    ]
