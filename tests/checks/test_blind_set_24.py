"""Mends for what blind set 24 (``tests/documents/accuracy24``) showed, each
on a document of our own: a lone guillemet that closes words, a spaced one
that opens a quotation, a verse's label line, a dish's name broken over a
line, and a quoted document dated by the sentence before its lead-in."""

from __future__ import annotations

from tests.shipped_packs import found


def test_a_lone_closing_guillemet_after_words_is_a_stray_closer() -> None:
    text = (
        "The pupils will play the suite Winter evenings» of their teacher.\n\n"
        "The path is for cyclists only ».\n\n"
        "Home » News » Sport\n\n"
        "Read more »\n"
    )
    assert found(text, "notice.txt", "quotes") == [
        (1, 47, "quotes.Unmatched"),
        (3, 31, "quotes.Unmatched"),
    ]


def test_a_spaced_guillemet_after_a_colon_opens_a_quotation() -> None:
    text = (
        "She opened with the rule of the club: « Nobody unpicks the work of "
        "another without asking.”\nEverybody laughed.\n"
    )
    assert found(text, "minutes.txt", "quotes") == [(1, 91, "quotes.Mixed")]


def test_a_verse_line_that_runs_on_is_no_label() -> None:
    text = (
        "Rain\n\n"
        "Share\nthe umbrella, the bus shelter, the bread.\n\n"
        "Advertisement\nfor a life I did not buy.\n\n"
        "The council met on Monday.\n\n"
        "Advertisement\n\n"
        "The vote was close.\n"
    )
    assert found(text, "page.txt", "artifacts") == [(11, 1, "artifacts.Ads")]


def test_a_dish_broken_over_a_line_is_the_dish() -> None:
    text = "The band asks for chicken\nKiev at every show.\n\nThey flew to Kiev.\n"
    assert found(text, "rider.txt", "names") == [(4, 14, "names.Places")]


def test_a_quotation_dated_by_the_sentence_before_its_lead_in() -> None:
    text = (
        "The telegram was sent on 3 February 1919 and reached London two "
        'days later. It reads, in full: "Kiev evacuated, staff safe."\n\n'
        'Today the office writes: "Our Kiev staff are safe."\n'
    )
    assert found(text, "guide.txt", "names") == [(3, 31, "names.Places")]


def test_a_lead_in_dates_a_quotation_only_after_a_dated_document() -> None:
    text = 'The bridge opened in 1976. A sign on it reads: "Welcome to Kiev."\n'
    assert found(text, "guide.txt", "names") == [(1, 60, "names.Places")]


def test_a_verse_line_in_a_crlf_file_runs_on_too() -> None:
    text = "Advertisement\r\nfor a life I did not buy.\r\n\r\nThe vote was close.\r\n"
    assert found(text, "page.txt", "artifacts") == []
