"""Mends for what blind set 23 (``tests/documents/accuracy23``) showed, each
on a document of our own: house names set in capitals in a form, the
Ukraine as a noun's modifier, and old names that a page keeps on purpose
(a polity of the empire, a dated label, a reference's imprint, a block
quotation whose lead-in dates it)."""

from __future__ import annotations

from tests.shipped_packs import found


def test_a_town_in_capitals_in_a_form_or_an_address() -> None:
    text = (
        "Port of loading: GDANSK, POLAND\n"
        "Port of discharge: ODESSA, UKRAINE\n"
        "Consignee: Hope Foundation, 12 Sumska St, KHARKOV 61000\n\n"
        "The ODESSA of the title is a ship.\n"
    )
    assert found(text, "manifest.txt", "names") == [
        (2, 20, "names.Places"),
        (3, 43, "names.Places"),
    ]


def test_the_ukraine_before_a_noun_it_modifies_is_left() -> None:
    text = (
        "From Monday the Ukraine desk moves upstairs.\n\n"
        "The coach named the Ukraine squad on Friday.\n\n"
        "Colleagues in the Ukraine report more attacks.\n\n"
        "Exports from the Ukraine rose and the Ukraine remains at war.\n"
    )
    assert found(text, "memo.txt", "names") == [
        (5, 15, "names.TheUkraine"),
        (7, 14, "names.TheUkraine"),
        (7, 35, "names.TheUkraine"),
    ]


def test_old_names_a_page_keeps_on_purpose() -> None:
    text = (
        "Their families came from the Kiev Governorate.\n\n"
        "Scenario 3: Kharkov 1942. The spring battle.\n\n"
        "1. Bondar, I. (1968). *Hydrology of small rivers*. Kiev: Naukova.\n"
        "2. Bondar, I. (2019). *Floods*. Kiev: River Press.\n\n"
        "We met in Kiev last week.\n"
    )
    assert found(text, "notes.md", "names") == [
        (6, 33, "names.Places"),
        (8, 11, "names.Places"),
    ]


def test_a_block_quotation_dated_by_its_lead_in_keeps_its_spelling() -> None:
    text = (
        "Letters\n=======\n\n"
        "The first is dated 4 June 1971, in which she writes:\n\n"
        '    "The Kiev choir has taken me on for the autumn."\n\n'
        "Later she sang in Kiev every spring.\n"
    )
    assert found(text, "papers.rst", "names") == [(8, 19, "names.Places")]


def test_a_title_in_another_language_keeps_its_spelling() -> None:
    text = (
        "Mykhailo Ivasiuk wrote the memoir in 1990.\n\n"
        "German rights went to a Munich house, which published it as "
        "*Die Erinnerungen des Michajlo Iwasjuk* in 2024.\n\n"
        "Mykhailo Ivasiuk will sign copies at the fair.\n"
    )
    assert found(text, "rights.md", "variants") == []
    # The same spelling in running English is the page's slip.
    slip = text.replace(
        "*Die Erinnerungen des Michajlo Iwasjuk*", "the memoir of Michajlo Iwasjuk"
    )
    assert found(slip, "rights.md", "variants") == [(3, 84, "variants.Names")]


def test_the_ukraine_before_a_determiner_a_time_word_or_a_possessive() -> None:
    text = (
        "He left the Ukraine the next day.\n\n"
        "He visited the Ukraine last year.\n\n"
        "The Ukraine my father knew is gone.\n"
    )
    assert found(text, "memoir.txt", "names") == [
        (1, 9, "names.TheUkraine"),
        (3, 12, "names.TheUkraine"),
        (5, 1, "names.TheUkraine"),
    ]


def test_a_year_in_a_sentence_that_is_no_reference_dates_no_imprint() -> None:
    text = "The plant, built under the first plan (1932), now ships to Kiev.\n"
    assert found(text, "report.txt", "names") == [(1, 60, "names.Places")]
