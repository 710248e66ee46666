"""Did-you-mean: close names are offered, distant ones are not."""

from __future__ import annotations

from copydesk.suggest import closest, hint

COMMANDS = ("check", "fix", "rules", "explain", "config", "init")
RULES = ("names.Places", "names.People", "quotes.Unclosed", "names", "quotes")


def test_typos_find_their_name() -> None:
    assert closest("chek", COMMANDS) == "check"
    assert closest("explian", COMMANDS) == "explain"
    assert closest("quotes.Unclsed", RULES) == "quotes.Unclosed"


def test_case_alone_wins_outright() -> None:
    assert closest("names.places", RULES) == "names.Places"
    assert closest("FIX", COMMANDS) == "fix"


def test_nothing_close_means_no_guess() -> None:
    assert closest("interview.txt", COMMANDS) is None
    assert hint("typography", RULES) == ""
    assert hint("quotse", RULES) == " (did you mean 'quotes'?)"
