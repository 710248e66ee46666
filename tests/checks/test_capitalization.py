"""capitalization: headings in sentence, title, lower or upper case."""

from __future__ import annotations

import pytest
from tests.checks.inline import findings, lint_rule

from copydesk.errors import RuleError
from copydesk.fix import apply_edits

SENTENCE = """
extends: capitalization
message: "'%s' should be in sentence case"
scope: heading
match: $sentence
threshold: 1.0
exceptions: [Docker Compose, Python]
"""

DOC = """# Install Docker Compose with Python

Body Text In Title Case Is Not A Heading.

## Why The API Changed: A Look back

## Configure the API: what changed

### Using The iPhone App
"""


def test_sentence_case_points_at_first_wrong_word() -> None:
    found = findings(SENTENCE, DOC, "markdown")
    assert [(f.line, f.col, f.match) for f in found] == [
        (5, 8, "The"),
        (9, 11, "The"),
    ]
    assert (
        found[0].message
        == "'Why The API Changed: A Look back' should be in sentence case"
    )
    assert found[0].suggestions == ("Why the API changed: A look back",)


def test_fix_recases_every_wrong_word() -> None:
    first = findings(SENTENCE, DOC, "markdown")[0]
    assert first.fix is not None
    fixed = apply_edits(DOC, first.fix.edits)[0]
    assert "## Why the API changed: A look back\n" in fixed


def test_threshold_tolerates_some_capitals() -> None:
    rule = SENTENCE.replace("threshold: 1.0", "threshold: 0.5")
    assert lint_rule(rule, "# Why the API Changed today\n", "markdown") == []
    assert lint_rule(rule, "# Why The Api Changed Today\n", "markdown") != []


TITLE = """
extends: capitalization
scope: heading
match: $title
style: %s
"""


@pytest.mark.parametrize(
    ("style", "heading", "bad"),
    [
        ("AP", "Follow Step-by-Step Instructions", []),
        ("AP", "A Guide to the Art of War", []),
        ("AP", "A guide To the Art Of War", [(1, 5, "guide")]),
        ("AP", "What It Is For", []),
        ("AP", "Walking Through the Park", []),
        ("Chicago", "Walking through the Park", []),
        ("Chicago", "Walking Through the Park", [(1, 11, "Through")]),
        ("AP", "Rates Rise: the Outlook", [(1, 15, "the")]),
    ],
)
def test_title_case_styles(
    style: str, heading: str, bad: list[tuple[int, int, str]]
) -> None:
    rule = (TITLE % style) + "threshold: 1.0\n"
    assert lint_rule(rule, f"# {heading}\n", "markdown") == bad


def test_lower_upper_and_regex() -> None:
    lower = "extends: capitalization\nscope: heading\nmatch: $lower\nthreshold: 1.0"
    assert lint_rule(lower, "# all quiet here\n\n# All quiet\n", "markdown") == [
        (3, 3, "All")
    ]
    upper = lower.replace("$lower", "$upper")
    assert lint_rule(upper, "# BREAKING NEWS\n\n# Breaking\n", "markdown") == [
        (3, 3, "Breaking")
    ]
    regex_rule = lower.replace("$lower", "'[A-Z][^.]*'")
    assert lint_rule(regex_rule, "# Fine\n\n# not fine.\n", "markdown") == [
        (3, 3, "not fine.")
    ]


def test_scope_text_checks_every_paragraph() -> None:
    rule = "extends: capitalization\nmatch: $upper\nthreshold: 1.0"
    assert lint_rule(rule, "SHOUT\n\nquiet\n") == [(3, 1, "quiet")]


def test_bad_style_and_threshold() -> None:
    with pytest.raises(RuleError, match="AP or Chicago"):
        findings("extends: capitalization\nmatch: $title\nstyle: MLA", "x")
    with pytest.raises(RuleError, match=r"0\.0 to 1\.0"):
        findings("extends: capitalization\nmatch: $title\nthreshold: 2", "x")
