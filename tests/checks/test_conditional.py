"""conditional: an acronym used before it is defined, once per acronym."""

from __future__ import annotations

import pytest
import yaml

from copydesk import patterns
from copydesk.errors import RuleError
from copydesk.model import Finding
from copydesk.ruleset import Ruleset, compile_rule
from copydesk.runner import lint_text


def lint_rule(rule: str, text: str, fmt: str = "plain") -> list[tuple[int, int, str]]:
    """(line, col, match) of each finding of one rule, written inline as YAML."""
    return [(f.line, f.col, f.match) for f in findings(rule, text, fmt)]


def findings(rule: str, text: str, fmt: str = "plain") -> list[Finding]:
    check = compile_rule("test.Rule", yaml.safe_load(rule), "test/Rule.yml")
    exceptions = {}
    if check.meta.exceptions:
        exceptions[check.meta.id] = patterns.token_matcher(
            check.meta.exceptions, "test", ignorecase=check.meta.ignorecase
        )
    ruleset = Ruleset([check], "test", exceptions)
    return [
        f for f in lint_text(text, "doc.txt", fmt, ruleset) if f.rule == "test.Rule"
    ]


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
