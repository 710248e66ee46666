"""Mends for what blind set 33 (``tests/documents/accuracy33``: quotes and
page furniture) showed, each on a document of our own."""

from __future__ import annotations

from tests.shipped_packs import lint


def _quotes(text: str, name: str) -> list[tuple[str, int, int]]:
    return [(f.rule, f.line, f.col) for f in lint(text, name, "quotes")]


def test_a_statement_in_single_quotes_a_line_a_paragraph() -> None:
    text = (
        "The head dresser explained the choice to visitors on Sunday:\n"
        "‘My mother dressed this well for forty years, and she said the boards"
        " were “for the Lord”.\n"
        "‘So this year there are no dyed beans and nothing bought.\n"
        "‘It took us three nights longer. That is the price of doing it"
        " properly.’\n"
        "The dressings stay up until Saturday.\n"
    )
    assert _quotes(text, "wells.txt") == []
    # A line that ends no sentence leaves its quotation open.
    broken = text.replace("nothing bought.\n", "nothing bought\n")
    assert _quotes(broken, "wells.txt") == [("quotes.Unclosed", 3, 1)]


def test_a_german_closer_struck_twice_is_the_second_one_stray() -> None:
    text = (
        "„A smoke sauna is heated five hours“, says the chairman. „If you"
        " sleep, it burns.““\n"
    )
    found = [(f.rule, f.col) for f in lint(text, "sauna.txt", "quotes")]
    assert found == [("quotes.Stray", 83)]
