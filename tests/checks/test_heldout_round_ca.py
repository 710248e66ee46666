"""Mends for what round ca of held-out trees showed, each on a document of
our own: ``bench/labels/heldout-2026-12-07ca.md`` (a VitePress site, a
routing suite's Sphinx docs, a personal blog, a board's press releases, a
community's Hugo site and a distribution's plain-text news items)."""

from __future__ import annotations

from tests.shipped_packs import found

#: A news item as a distribution's tools read it: header fields, then text.
NEWS_ITEM = (
    "Title: The frobnicate flag is no longer on by default\n"
    "Author: Ann Example <ann@example.org>\n"
    "Posted: 2024-03-01\n"
    "Revision: 1\n"
    "News-Item-Format: 2.0\n"
    "Display-If-Installed: app-misc/frobnicate\n"
    "\n"
    'On 2024-04-01 the default profile drops USE="frobnicate". To keep it,\n'
    "add the flag to your configuration:\n"
    "\n"
    '  FROB_FLAGS+=" --keep-frobnicating"\n'
    "\n"
    "Most users need do nothing.\n"
)


def test_header_fields_open_an_authored_file() -> None:
    assert found(NEWS_ITEM, "2024-03-01-frobnicate.en.txt", "artifacts", "quotes") == []


def test_a_pasted_page_with_a_stamp_is_still_a_draft() -> None:
    text = (
        "Council approves the new library budget\n"
        "Posted: 14 March 2024, 12:45\n"
        "The council voted on Tuesday to fund the library for five more years.\n"
    )
    assert found(text, "draft.txt", "artifacts") == [(2, 1, "artifacts.ReadingTime")]


def test_a_quotation_over_paragraphs_after_emphasis_marks() -> None:
    text = (
        "The chair released this statement:\n"
        "\n"
        "***“We congratulate our colleagues on the vote.\n"
        "\n"
        "***“We look forward to working with them.”\n"
        "\n"
        "Then “she left.\n"
    )
    assert found(text, "statement.md", "quotes") == [(7, 6, "quotes.Unclosed")]


def test_a_hotels_fields_are_no_programs_header() -> None:
    text = (
        "Check-in: 3 PM\n"
        "Check-out: 11 AM\n"
        "Wi-Fi: Free in all rooms\n"
        "Parking: On site\n"
        "\n"
        "The hotel is lovely and close to the station.\n"
        "Click here to subscribe\n"
    )
    assert found(text, "hotel.txt", "artifacts") == [(7, 1, "artifacts.CallToAction")]


def test_a_quoted_operator_is_no_assignment() -> None:
    text = (
        "Fix the logic that compared two floats with '==\" directly.\n"
        "\n"
        'Then set MAKEFLAGS="-j1" and FLAGS+=" --keep" to build.\n'
    )
    assert found(text, "changes.md", "quotes") == [(1, 48, "quotes.Mixed")]
