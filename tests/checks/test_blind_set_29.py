"""Mends for what blind set 29 (``tests/documents/accuracy29``: quotes and
debris) showed, each on a draft of our own."""

from __future__ import annotations

from tests.shipped_packs import found


def test_opening_hours_are_a_list_not_stamps() -> None:
    text = (
        "Fenby Pool will open later on weekdays from 1 March.\n\n"
        "The new times are:\n\n"
        "Monday 7am–9pm\nTuesday 7am–9pm\nWednesday Closed\nThursday 7am–9pm\n"
        "Swimming lessons, Tuesdays and Thursdays at 4.30pm\n\n"
        "The manager said no staff would lose hours.\n"
    )
    assert found(text, "pool.txt", "artifacts") == []


def test_race_times_are_no_clock() -> None:
    text = (
        "Harriers win at Fenby Moor\n"
        "The Fenby Harriers took both team titles on Sunday.\n"
        "Results\n"
        "1 Amira Khalid (Fenby) 33:12\n"
        "2 Tom Beck (Ashdale) 33:58\n"
        "The next round is on 14 December.\n"
    )
    assert found(text, "results.txt", "artifacts") == []


def test_a_page_stamp_by_its_headline_is_still_furniture() -> None:
    text = (
        "Council approves new bus lanes\n\n"
        "10:31, 14 MAR 2024\n\n"
        "The council voted on Tuesday to add two bus lanes.\n"
    )
    assert [line for line, _, _ in found(text, "bus.txt", "artifacts")] == [3]


def test_a_sidebars_headlines_and_stamps_are_no_list() -> None:
    text = (
        "The bridge opens on Monday, the council said.\n\n"
        "Mayor opens new bridge\n8/29(Thu) 18:42\n"
        "Rail strike called off\n8/29(Thu) 17:10\n"
        "Heatwave to end on Friday\n8/29(Thu) 16:55\n"
    )
    assert [rule for _, _, rule in found(text, "news.txt", "artifacts")].count(
        "artifacts.Stamps"
    ) >= 3


def test_a_company_name_with_its_abbreviation_is_english() -> None:
    text = (
        "Trading update\n\n"
        "Halden Homes, the housebuilder, today issues a trading update for the"
        " five months to 31 May.\n\n"
        "For further information:\nHalden Homes plc\nAnna Dorn, Chief Executive\n"
    )
    assert found(text, "update.txt", "artifacts") == []
