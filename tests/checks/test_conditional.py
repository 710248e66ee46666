"""conditional: an acronym used before it is defined, once per acronym."""

from __future__ import annotations

import pytest
from tests.checks.inline import findings, lint_rule

from copydesk.errors import RuleError

RULE = r"""
extends: conditional
message: "define '%s'"
first: '\b([A-Z]{3,5})\b'
second: '(?:\b[A-Z][a-z]+ )+\(([A-Z]{3,5})\)'
exceptions: [NATO]
"""


def test_use_before_definition_reported_once_at_first_use() -> None:
    text = (
        "The WHO said so. The WHO repeated it.\n"
        "The World Health Organization (WHO) met.\n"
        "The FAA and NATO agreed. The FAA said so.\n"
    )
    found = findings(RULE, text)
    assert [(f.line, f.col, f.match) for f in found] == [(1, 5, "WHO"), (3, 5, "FAA")]
    assert found[0].message == "define 'WHO'"


def test_defined_first_is_clean() -> None:
    text = "The Federal Aviation Administration (FAA) acted. The FAA said so."
    assert lint_rule(RULE, text) == []


def test_definition_counts_by_position_not_by_paragraph() -> None:
    text = (
        "Intro.\n\nThe Federal Aviation Administration (FAA) acted.\n\nThe FAA said so."
    )
    assert lint_rule(RULE, text) == []


def test_whole_match_when_no_group() -> None:
    rule = r"""
extends: conditional
first: '\bthe gadget\b'
second: '\bgadget \(a device\)'
"""
    assert lint_rule(rule, "Use the gadget. A gadget (a device) helps.") == [
        (1, 5, "the gadget")
    ]


def test_empty_pattern_is_an_error() -> None:
    with pytest.raises(RuleError, match="must not be empty"):
        findings("extends: conditional\nfirst: ''\nsecond: 'x'", "x")
