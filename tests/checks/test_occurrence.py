"""occurrence: counts per scope unit, reported once per unit."""

import pytest
from tests.checks.inline import findings, lint_rule

from copydesk.errors import RuleError

COMMAS = """
extends: occurrence
message: "%s commas"
scope: paragraph
token: ","
max: 2
"""


def test_max_reports_first_excess_token_once_per_paragraph() -> None:
    text = "One, two, three, four, five.\n\nA, b.\n\nX, y, z, w."
    assert lint_rule(COMMAS, text) == [(1, 16, ","), (5, 8, ",")]
    assert findings(COMMAS, text)[0].message == "4 commas"


def test_text_scope_counts_the_whole_document() -> None:
    rule = COMMAS.replace("scope: paragraph", "scope: text")
    assert lint_rule(rule, "A, b.\n\nC, d.\n\nE, f.") == [(5, 2, ",")]


def test_min_reports_unit_start() -> None:
    rule = """
extends: occurrence
message: "needs a source (%s found)"
scope: paragraph
token: '\\b(?:said|says)\\b'
ignorecase: true
min: 1
"""
    text = "Rates rose, SAID the bank.\n\nRates fell sharply\nlast week."
    found = findings(rule, text)
    assert [(f.line, f.col, f.match) for f in found] == [(3, 1, "Rates fell sharply")]
    assert found[0].message == "needs a source (0 found)"


def test_heading_scope_uses_heading_blocks() -> None:
    rule = """
extends: occurrence
message: "long heading"
scope: heading
token: '\\S+'
max: 3
"""
    text = "# One two three four\n\nOne two three four five.\n\n## Short one\n"
    assert lint_rule(rule, text, "markdown") == [(1, 17, "four")]


@pytest.mark.parametrize(
    ("keys", "reason"),
    [
        ("token: ','", "set 'max', 'min' or both"),
        ("token: ','\nmax: -1", "must not be negative"),
        ("token: ','\nmax: 1\nmin: 2", "larger than 'max'"),
        ("token: '('\nmax: 1", "bad regex"),
        ("token: ''\nmax: 1", "must not be empty"),
    ],
)
def test_bad_rules(keys: str, reason: str) -> None:
    with pytest.raises(RuleError, match=reason):
        findings("extends: occurrence\n" + keys, "x")
