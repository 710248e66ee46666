"""Mends for what blind set 21 (``tests/documents/accuracy21``) showed when
first scored: each test is a document of our own with the shape of a
missed defect or of a clean case flagged, run through the shipped packs."""

from __future__ import annotations

from tests.shipped_packs import found


def test_an_elided_word_may_open_a_quotation() -> None:
    text = (
        "‘He spars southpaws ’til his hands hurt,’ he said. ‘’Cause that is "
        "what Liam is, and his dad told him “never look at the clock”.’\n"
    )
    assert found(text, "fight.txt", "quotes") == []


def test_a_closer_of_the_outer_quotation_leaves_the_inner_one_open() -> None:
    text = (
        "The doctor said: „Until now a child waited for hours. Parents told us "
        "«we lost the most important hours. That will not happen any more.”\n"
    )
    # A page whose only quotation opens „ quotes one way (blind set 31):
    # no Mixed at its opener.
    assert found(text, "cluj.txt", "quotes") == [(1, 71, "quotes.Unclosed")]


def test_a_page_that_pairs_guillemets_on_a_line_quotes_with_them() -> None:
    text = (
        "The councillor said «the annex meets the standard», and left.\n\n"
        "«Nobody asked us, complained another trader.\n"
    )
    assert found(text, "market.txt", "quotes") == [(3, 1, "quotes.Unclosed")]


STORY = (
    "The council approved the new ferry timetable on Tuesday after a long "
    "debate about the cost of the winter sailings to the islands.\n"
)


def _lines(text: str, name: str = "draft.txt") -> list[int]:
    return sorted({line for line, _, _ in found(text, name, "artifacts")})


def test_a_question_sites_stamps_and_counter() -> None:
    text = (
        f"{STORY}\nAsked 2 years, 3 months ago\nModified 8 months ago\n"
        f"Viewed 14k times\n\n{STORY}\nasked Dec 11, 2022 at 21:40\n\n{STORY}"
    )
    assert _lines(text) == [3, 4, 5, 9]


def test_a_printed_pages_margins_and_an_encyclopedias_frame() -> None:
    text = (
        "09/03/2025, 14:06          Polgarrow Lighthouse - Commonpedia\n\n"
        "From Commonpedia, the open encyclopedia\n\n"
        f"{STORY}\n"
        "This page was last changed on 9 January 2025, at 18:52 (UTC).\n\n"
        "The memorial opened on Sunday.\n9/11\nIt lists every name.\n"
    )
    assert _lines(text) == [1, 3, 7]


def test_a_verse_of_interface_phrases_stays() -> None:
    poem = (
        "Terms of Use\n\nManage preferences.\nI'd like less Tuesday, please.\n\n"
        "Sign in to continue\nSign in to continue\nmy mother says on the phone.\n\n"
        "Read more.\nI will. I do.\nUpdated 3 minutes ago:\nthe sky.\n"
    )
    assert _lines(poem) == []


def test_a_line_of_code_in_an_answer_is_no_foreign_language() -> None:
    text = (
        f"{STORY}\nAdd the overlay to the firmware config:\n\n"
        "dtoverlay=i2c-rtc,ds3231\n\nThen reboot and check the clock again.\n"
    )
    assert _lines(text) == []
