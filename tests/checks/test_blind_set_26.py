"""Mends for what blind set 26 (``tests/documents/accuracy26``) showed, each
on a document of our own: a quotation dated by the document the sentence
before names, "the Ukraine" quoted from an old brochure, and two people
the text itself tells apart."""

from __future__ import annotations

from tests.shipped_packs import found


def test_a_permit_or_a_note_dates_the_quotation_after_its_lead_in() -> None:
    text = (
        'The family kept a travel permit of 4 May 1961. It reads: "The bearer'
        ' may travel from Kiev to Odessa by rail."\n\n'
        'The bridge opened in 1976. A sign on it reads: "Welcome to Kiev."\n'
    )
    assert found(text, "archive.txt", "names") == [(3, 60, "names.Places")]


def test_the_ukraine_keeps_its_article_in_a_quotation_dated_before_1991() -> None:
    text = (
        'She kept a 1989 brochure that promised: "Ten days in the Ukraine,'
        ' with folk evenings."\n\n'
        'A 2019 brochure promised: "Ten days in the Ukraine."\n'
    )
    assert found(text, "agency.txt", "names") == [(3, 40, "names.TheUkraine")]


def test_a_name_the_text_calls_no_relation_is_another_person() -> None:
    text = (
        "Tomas Hrabal, the Czech who won the junior title, has retired.\n\n"
        "He is no relation of Tomáš Hrabal, the coach who also left this"
        " week. Hrabal will move to Vienna.\n"
    )
    assert found(text, "sport.txt", "variants") == []
    text = (
        "Tomas Hrabal, the Czech who won the junior title, has retired.\n\n"
        "Tomáš Hrabal will coach the women's team. Hrabal starts in May.\n"
    )
    assert [rule for _, _, rule in found(text, "sport.txt", "variants")] != []
