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


def test_an_if_clauses_then_before_a_named_subject_is_meant() -> None:
    text = (
        "If the handshake takes longer then Postfix gives up.\n\n"
        "The new relay is faster then the old one.\n"
    )
    assert [(f.line, f.match) for f in lint(text, "README.html", "typos")] == [
        (3, "then")
    ]
