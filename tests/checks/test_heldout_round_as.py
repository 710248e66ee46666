"""Mends for what round as of held-out trees (``bench/labels/
heldout-2026-12-06r.md``: TiKV's site, Tornado's Sphinx docs, NTP's HTML
manual, the Harvard Library Innovation Lab's blog) showed, each on a
document of our own."""

from __future__ import annotations

from tests.shipped_packs import lint


def test_a_known_terms_possessive_is_the_term() -> None:
    text = (
        "Use [pprof](https://example.com/pprof) to read the data; when it"
        " starts, use pprof’s flags or pprof's options, not the profs'.\n"
    )
    assert [f.match for f in lint(text, "post.md", "typos")] == []


def test_a_relative_clauses_stranded_to_before_an_infinitive() -> None:
    text = (
        "It is the site which people go to to learn about systems.\n\n"
        "I want to go to to the store.\n"
    )
    found = lint(text, "post.md", "style")
    assert [(f.line, f.col, f.match) for f in found] == [(3, 14, "to to")]


def test_an_article_left_before_another() -> None:
    text = (
        "Here is the an example, and the path to the a file.\n"
        "Style the a element, press the a key and pass the a, b and c values.\n"
    )
    found = lint(text, "guide.md", "typos")
    assert [(f.line, f.col, f.match, f.suggestions) for f in found] == [
        (1, 9, "the an", ("an",)),
        (1, 41, "the a", ("a",)),
    ]


def test_huff_n_puff_has_no_quotation_mark() -> None:
    text = '<p>The scheme is called "huff-\'n-puff" and it works.</p>\n'
    assert lint(text, "debug.html", "quotes") == []


def test_a_foreign_names_short_words_are_the_names() -> None:
    text = (
        "We went to the Jornada sobre la Biblioteca in Buenos Aires, but"
        " sobre is a slip here.\n"
    )
    found = lint(text, "post.md", "typos")
    assert [(f.col, f.match) for f in found] == [(65, "sobre")]


def test_a_tripled_letter_is_no_name() -> None:
    text = (
        "<h4>Reference Clock Adddresses</h4>\n"
        "<p>Set the clocks; Brrr and Wheee are cries, and the Decidim"
        " Asssociation met.</p>\n"
    )
    found = lint(text, "clockopt.html", "typos")
    assert [(f.line, f.match, f.suggestions) for f in found] == [
        (1, "Adddresses", ("Addresses",)),
        (2, "Asssociation", ("Association",)),
    ]
