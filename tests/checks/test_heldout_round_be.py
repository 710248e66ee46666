"""Mends for what rounds bd and be of held-out trees (``bench/labels/
heldout-2026-12-07c.md``, ``heldout-2026-12-07d.md``) showed, each on a
document of our own."""

from __future__ import annotations

from tests.shipped_packs import lint


def _unknown(text: str, path: str) -> list[tuple[int, int, str]]:
    return [
        (f.line, f.col, f.match)
        for f in lint(text, path, "typos")
        if f.rule == "typos.Unknown"
    ]


def test_a_slip_inside_a_name_made_of_common_words_is_reported() -> None:
    text = (
        "The TODO Group Steering Committe sets the agenda, and the National\n"
        "Heritge Fund agreed. We met Sander Bakker and Rose Byrne at Scripps\n"
        "College, where the Staats Lifetime Award went to the Water Departmnet.\n"
    )
    assert _unknown(text, "news.txt") == [
        (1, 25, "Committe"),
        (2, 1, "Heritge"),
        (3, 60, "Departmnet"),
    ]


def test_a_key_letter_between_quote_references_joins_its_word() -> None:
    page = (
        "<p>Press &ldquo;o&rdquo;ptions to see them, &ldquo;e&rdquo;dit to\n"
        "change them, or &#8220;a&#8221;dd a bookmark. The ptions stay.</p>\n"
    )
    assert _unknown(page, "help.html") == [(2, 51, "ptions")]


def test_an_before_an_initialism_said_you() -> None:
    # Round bd (AWStats' manual) and be (r-hub's blog): "an URL".
    text = (
        "Open an URL in an UI, or a URL in a UI. Plug in an USB stick.\n"
        "Run an UPDATE statement, then an UNLOCK. An Ubuntu box, an umbrella.\n"
    )
    assert [(f.line, f.col, f.match) for f in lint(text, "notes.md", "typos")] == [
        (1, 6, "an"),
        (1, 16, "an"),
        (1, 49, "an"),
    ]
