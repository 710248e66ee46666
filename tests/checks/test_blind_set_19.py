"""Mends for what blind set 19 (``tests/documents/accuracy19``) showed when
first scored: each test is a document of our own with the shape of a
missed defect or of a clean case flagged, run through the shipped packs."""

from __future__ import annotations

from tests.shipped_packs import found

from copydesk import doclang


def test_a_spelling_found_by_key_in_capitals_and_after_a_journey_verb() -> None:
    text = (
        "DAY 1: PRAGUE – LWIW (NIGHT TRAIN)\n"
        "Arrive Lwiw mid-morning. Walking tour of the old town.\n\n"
        "Guests stay at the Hotel Kyiv in the centre of Ukraine's capital.\n"
    )
    assert found(text, "itinerary.txt", "names") == [
        (1, 17, "names.Places"),
        (2, 8, "names.Places"),
    ]


def test_a_surname_that_is_a_word_opens_a_sentence_with_its_possessive() -> None:
    text = "A lecture by the philosopher Bernard-Henri Levy. Levy's talk is free.\n"
    assert found(text, "notice.txt", "names") == [
        (1, 44, "names.People"),
        (1, 50, "names.People"),
    ]


def test_norwegian_and_ukrainian_pages_are_told_and_quote_with_guillemets() -> None:
    norwegian = (
        "Flere passasjerer var misfornøyde. «Vi fikk vite mer fra telefonen "
        "enn fra høyttaleren, sier Gunnar, som ble med på turen etter jobb.\n\n"
        "Selskapet beklager og sier at rutinene skal gjennomgås.\n"
    )
    assert doclang.language_of(norwegian) == "no"
    assert found(norwegian, "ferje.txt", "quotes") == [(1, 36, "quotes.Unclosed")]
    ukrainian = "Першим пацієнтом став ветеран з Гайсина. Він каже, що їхати далеко."
    assert doclang.language_of(ukrainian, 2) == "uk"


def test_french_doubled_guillemets_and_a_low_nine_mark_alone() -> None:
    french = (
        "Il avait reconnu des « négligences ». «« Je ne suis pas un marchand », "
        "dit-il.\n"
    )
    assert found(french, "proces.txt", "quotes") == [(1, 39, "quotes.Stray")]
    german = (
        "Die Staatsanwaltschaft hatte „ fünf Jahre gefordert und von einem "
        "„Moment“ gesprochen.\n"
    )
    assert found(german, "prozess.txt", "quotes") == [(1, 30, "quotes.Stray")]


DRAFT = """Ashby library reopens after the flood

The library on Market Street reopened on Monday after four months of repairs.

Watch Live   Weather   Traffic   Contests   Jobs

ET | EN | RU

Commented [NA1]: Check the date with the council.

Harbour Street Weekly <hello@example.co.uk>
to me

You must be logged in to reply to this topic.

Page 1 of 2   1  2  Next »

Print

Print runs of the library's newsletter have fallen to a few hundred copies, staff said.

Name      Branch      Books
Ashby     Market      12,400

The council will review opening hours in the autumn.
"""


def test_rows_notes_and_mail_lines_are_furniture_and_a_subhead_stays() -> None:
    assert found(DRAFT, "draft.txt", "artifacts") == [
        (5, 1, "artifacts.Rows"),
        (7, 1, "artifacts.Rows"),
        (9, 1, "artifacts.Revisions"),
        (11, 1, "artifacts.Newsletter"),
        (12, 1, "artifacts.Newsletter"),
        (14, 1, "artifacts.Comments"),
        (16, 1, "artifacts.Navigation"),
    ]
