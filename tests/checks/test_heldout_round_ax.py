"""Mends for what round ax of held-out trees (``bench/labels/
heldout-2026-12-06w.md``: Klipper's MkDocs site, Brian2's Sphinx docs, The
Elements of Typographic Style Applied to the Web, the ROR blog) showed,
each on a document of our own."""

from __future__ import annotations

from tests.shipped_packs import lint


def test_a_particle_on_then_a_phrases_on() -> None:
    text = (
        "The project is going on on a customer basis. Please focus on on the"
        " task. We worked on on the parser.\n"
    )
    # "focus on", "work on": "on" as a preposition, doubled by a slip.
    found = [(f.col, f.match) for f in lint(text, "on.md", "style")]
    assert found == [(59, "on on"), (85, "on on")]


def test_a_stranded_at_before_a_point_of_time() -> None:
    text = (
        "The company she was working at\nat the time had a plan. We looked at"
        " at the map.\n\n**Note:** if you just want to to share it, send it.\n"
    )
    found = [(f.line, f.col, f.match) for f in lint(text, "at.md", "style")]
    assert found == [(2, 35, "at at"), (4, 28, "to to")]


def test_a_plain_texts_grammar_and_configuration_lines_are_no_prose() -> None:
    text = (
        "The server answers each request in turn, and the client reads the\n"
        "the reply. Its grammar, set out in full in the appendix, is short:\n\n"
        '   realm          = "realm" "=" realm-value\n'
        "   realm-value    = quoted-string\n\n"
        "   stats uri     /admin?stats\n"
        "   stats realm   Haproxy Statistics\n\n"
        "The rest of the section describes the options, one by one, with an\n"
        "example for each of them and a note on the defaults that apply.\n"
    )
    found = [(f.line, f.match) for f in lint(text, "rfc.txt", "style")]
    assert found == [(1, "the\nthe")]
