"""Run one rule written inline as YAML, the way the loader would compile it."""

from __future__ import annotations

import yaml

from copydesk.batch import lint_text
from copydesk.model import Finding
from copydesk.ruleset import Ruleset, compile_exceptions, compile_rule


def findings(rule: str, text: str, fmt: str = "plain") -> list[Finding]:
    """Findings of the inline rule ``test.Rule`` on ``text``."""
    check = compile_rule("test.Rule", yaml.safe_load(rule), "test/Rule.yml")
    ruleset = Ruleset([check], "test", compile_exceptions([check]))
    return [
        f for f in lint_text(text, "doc.txt", fmt, ruleset) if f.rule == "test.Rule"
    ]


def lint_rule(rule: str, text: str, fmt: str = "plain") -> list[tuple[int, int, str]]:
    """(line, col, match) of each finding of the inline rule."""
    return [(f.line, f.col, f.match) for f in findings(rule, text, fmt)]


def where(
    rs: Ruleset, text: str, fmt: str = "plain", path: str = "x.txt"
) -> list[tuple[int, int, str]]:
    """(line, col, rule) of each finding of ``rs`` on ``text``."""
    return [(f.line, f.col, f.rule) for f in lint_text(text, path, fmt, rs)]
