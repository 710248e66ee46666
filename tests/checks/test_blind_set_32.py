"""Mends for what blind set 32 (``tests/documents/accuracy32``: house names
and name variants) showed, each on a document of our own."""

from __future__ import annotations

from tests.shipped_packs import lint


def _names(text: str, name: str) -> list[tuple[str, int, int, str]]:
    return [(f.rule, f.line, f.col, f.match) for f in lint(text, name, "names")]


def test_the_ukraine_before_a_hyphened_modifier_is_the_teams() -> None:
    text = (
        "The result leaves the Ukraine under-21 side third. He flew to the"
        " Ukraine in May.\n"
    )
    assert _names(text, "u21.txt") == [("names.TheUkraine", 1, 63, "the Ukraine")]


def test_a_style_note_naming_the_old_form_is_a_mention() -> None:
    text = (
        'Do not write "the Ukraine" for the country. Use "Kyiv" instead of'
        ' "Kiev" in copy. They flew to Kiev.\n'
    )
    assert _names(text, "brief.txt") == [("names.Places", 1, 96, "Kiev")]


def test_a_freighter_named_after_a_city_is_the_ship() -> None:
    text = (
        "The museum has the name board of the freighter Nikolaev.\n\n"
        "The Nikolaev was built in 1958 at a yard in Mykolaiv. Nikolaev is a"
        " port.\n"
    )
    assert _names(text, "ship.txt") == [("names.Places", 3, 55, "Nikolaev")]


def test_the_dish_as_a_menu_writes_it() -> None:
    text = (
        "His chicken à la Kiev is famous, and so is the chicken Kiev. He was"
        " born in Kiev.\n"
    )
    assert _names(text, "menu.txt") == [("names.Places", 1, 77, "Kiev")]


def test_a_quotation_given_as_written_keeps_its_spelling() -> None:
    text = (
        'The letter is long. We give it exactly as he wrote it: "Kharkov is'
        ' cold, Mother." He later left Kharkov.\n'
    )
    assert _names(text, "letter.txt") == [("names.Places", 1, 97, "Kharkov")]


def test_a_bold_title_with_its_authors_credit_is_a_work() -> None:
    text = (
        "**Winter in Zaporozhye**, by Olena Sych (1983). **Kiev, Ukraine** The"
        " city was quiet.\n"
    )
    assert _names(text, "list.md") == [("names.Places", 1, 51, "Kiev")]
