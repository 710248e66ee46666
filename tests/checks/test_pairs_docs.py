"""Quote pairing on documentation prose: quoted strings that end in punctuation."""

from __future__ import annotations

import pytest

from copydesk.batch import lint_text
from copydesk.ruleset import load_ruleset


@pytest.mark.parametrize(
    "text",
    [
        'Names that start with the string value "Get-".\n',
        'It adds a space (" ") between the entries.\n',
        'Type "-" to go back or "+" to add, then "/" to search.\n',
        'Paths such as "C:/" and "./docs/" are relative.\n',
    ],
)
def test_quoted_punctuation_is_balanced(text: str) -> None:
    rs = load_ruleset(select=["quotes"])
    assert lint_text(text, "doc.txt", "plain", rs) == []


def test_an_unclosed_quote_after_a_hyphen_is_still_found() -> None:
    rs = load_ruleset(select=["quotes"])
    text = 'The value -"Get is wrong here.\n'
    found = [(f.rule, f.col) for f in lint_text(text, "doc.txt", "plain", rs)]
    assert found == [("quotes.Unclosed", 12)]
