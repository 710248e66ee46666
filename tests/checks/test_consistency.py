"""consistency: the minority spelling is flagged, the majority is the fix."""

from __future__ import annotations

import pytest
from tests.checks.inline import findings, lint_rule

from copydesk.errors import RuleError
from copydesk.model import Applicability

RULE = """
extends: consistency
message: "'%s' vs '%s'"
ignorecase: true
either:
  colour: color
  organise: organize
"""


def test_minority_is_flagged_with_majority_as_unsafe_fix() -> None:
    text = "The color red.\nColour and colour again.\nOrganize it."
    found = findings(RULE, text)
    assert [(f.line, f.col, f.match) for f in found] == [(1, 5, "color")]
    assert found[0].message == "'color' vs 'colour'"
    assert found[0].fix is not None
    assert found[0].fix.applicability is Applicability.UNSAFE
    assert found[0].fix.edits[0].replacement == "colour"


def test_tie_goes_to_the_first_used_and_case_is_kept() -> None:
    text = "Color first. Then colour.\n\nOrganise, then organize."
    found = findings(RULE, text)
    assert [(f.line, f.col, f.match) for f in found] == [
        (1, 19, "colour"),
        (3, 16, "organize"),
    ]
    assert [f.suggestions for f in found] == [("color",), ("organise",)]
    assert findings(RULE, "colour. Color.")[0].suggestions == ("Colour",)


def test_one_form_alone_is_consistent() -> None:
    assert lint_rule(RULE, "colour, colour, Colour; organize.") == []


def test_whole_words_unless_nonword() -> None:
    assert lint_rule(RULE, "colourful and colorful; colour.") == []
    rule = RULE + "nonword: true\n"
    assert lint_rule(rule, "colourful colour colorful") == [(1, 18, "color")]


def test_case_sensitive_and_regex_forms() -> None:
    rule = """
extends: consistency
either:
  'e-?mail': 'E-mail'
"""
    text = "Send an email or e-mail. E-mail us."
    assert lint_rule(rule, text) == [(1, 26, "E-mail")]
    assert findings(rule, text)[0].suggestions == ("email",)


def test_code_is_not_counted() -> None:
    text = "The `color` flag sets the colour.\n"
    assert lint_rule(RULE, text, "markdown") == []


@pytest.mark.parametrize(
    ("either", "reason"),
    [("{}", "at least one pair"), ("{a: a}", "two different"), ("{a: 1}", "string")],
)
def test_bad_rules(either: str, reason: str) -> None:
    with pytest.raises(RuleError, match=reason):
        findings(f"extends: consistency\neither: {either}", "x")
