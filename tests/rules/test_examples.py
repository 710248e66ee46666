"""Every shipped rule proves itself on its own examples.

One parametrized test over every rule file under ``rules/``, so a new rule is
covered the moment it lands: each must carry at least one bad and one good
example; each bad example must be flagged by that rule alone, each good one
must stay clean. A rule that speaks only beside other page furniture
(``furniture: beside``) runs with its pack, whose rules report that
furniture. Examples are plain text, except for rules scoped to headings,
lists, tables and the like, which plain text does not have: theirs are Markdown.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk import batch
from copydesk.patterns import LazyPattern
from copydesk.rulefiles import RULE_SUFFIXES
from copydesk.ruleset import load_ruleset

RULES = Path(__file__).resolve().parents[2] / "rules"


def _rule_files() -> list[Path]:
    return sorted(
        p
        for p in RULES.glob("*/*")
        if p.suffix in RULE_SUFFIXES and not p.parent.name.startswith(".")
    )


def _format(scope: str) -> str:
    """Plain text has only paragraphs; block-scoped rules need Markdown examples."""
    return "plain" if scope in ("text", "paragraph") else "markdown"


def _rule_id(path: Path) -> str:
    return f"{path.parent.name}.{path.stem}"


RULE_IDS = [_rule_id(p) for p in _rule_files()]


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_examples(rule_id: str) -> None:
    ruleset = load_ruleset(select=[rule_id])
    [check] = [c for c in ruleset.checks if c.meta.id == rule_id]
    if check.meta.furniture == "beside":
        ruleset = load_ruleset(select=[check.meta.pack])
    examples = check.meta.examples
    fmt = _format(check.meta.scope)
    assert examples.bad, f"{rule_id}: needs at least one bad example"
    assert examples.good, f"{rule_id}: needs at least one good example"
    for text in examples.bad:
        found = batch.lint_text(text, "example.txt", fmt, ruleset)
        hits = [f for f in found if f.rule == rule_id]
        assert hits, f"{rule_id}: bad example not flagged: {text!r}"
    for text in examples.good:
        found = batch.lint_text(text, "example.txt", fmt, ruleset)
        wrong = [f"{f.line}:{f.col} {f.message}" for f in found if f.rule == rule_id]
        assert not wrong, f"{rule_id}: good example flagged {wrong}: {text!r}"


def test_rules_are_discovered() -> None:
    assert RULE_IDS, "no rule files found under rules/"


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_every_lazily_compiled_pattern_compiles(rule_id: str) -> None:
    """Shipped rules compile on first use, so their patterns are proved here."""
    [check] = load_ruleset(select=[rule_id]).checks
    lazies = [getattr(check, "pattern", None)]
    lazies += [lazy for _, lazy in getattr(check, "token_patterns", ())]
    for lazy in lazies:
        if isinstance(lazy, LazyPattern):
            assert lazy.get().pattern == lazy.source
