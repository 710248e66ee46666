"""Faults a review of session 32's change found, each mended and pinned on
a document of our own."""

from __future__ import annotations

from tests.shipped_packs import found, lint


def test_a_pagers_arrows_written_as_character_references() -> None:
    page = (
        '<p><a href="/p/1">&lsaquo; Prev</a> |\n'
        '<a href="/p/3">Next&nbsp;&rsaquo;</a></p>\n'
        '<p>He said "hello.</p>\n'
    )
    assert found(page, "blog.html", "quotes") == [(3, 12, "quotes.Unclosed")]


def test_real_word_contexts_leave_correct_sentences_alone() -> None:
    text = (
        "The plaque shows it's state property. Doctors look for pubic and\n"
        "axillary hair. The stock was worth nothing that morning.\n"
        "We sent an UNCTAD report and an UNRWA letter.\n"
    )
    assert found(text, "notes.txt", "typos") == []


def test_a_surname_after_a_title_or_a_sentences_first_word() -> None:
    text = "Minister Collett spoke. When Collett arrived, the Steering Committe met.\n"
    assert [(f.col, f.match) for f in lint(text, "news.txt", "typos")] == [
        (60, "Committe")
    ]


def test_a_columns_heading_and_a_door_price_are_no_stamps() -> None:
    text = (
        "The hall reopened on Saturday.\n\n"
        "100 years ago\n\n"
        "The council bought the land in 1924.\n\n"
        "Pay at the door, 7.30pm\n\n"
        "Tickets are also sold online.\n"
    )
    assert found(text, "draft.txt", "artifacts") == []


def test_a_doubled_one_letter_word_of_another_language_is_a_slip() -> None:
    text = "Spotkanie odbędzie się w w sobotę w ratuszu, jak co roku.\n"
    assert found(text, "notatka.txt", "style") == [(1, 24, "style.Repetition")]
