"""A ruleset loaded for the document kinds of a run leaves out the shipped
rules for other kinds (not compiled, their type not imported) and keeps
every rule's metadata: findings, reports and directives are the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.batch import LazyRuleset, RuleOptions, lint_text
from copydesk.errors import RuleError
from copydesk.ruleset import load_ruleset

AUTHORED = frozenset({"authored"})
DRAFT_TEXT = "Talks resume.\n\nShare\n\nDelegates met. Advertisement The rest.\n"
PAGE = (
    "# Output\n\n"
    "<!-- copydesk: disable=artifacts.Ads -->\n\n"
    "Officials met in Odessa on Monday. Share it.\n"
)


def _found(text: str, path: str, fmt: str, rs: object) -> list[tuple[int, int, str]]:
    return [(f.line, f.col, f.rule) for f in lint_text(text, path, fmt, rs)]  # type: ignore[arg-type]


def test_a_ruleset_for_authored_pages_leaves_out_draft_rules_only() -> None:
    full = load_ruleset()
    page_only = load_ruleset(kinds=AUTHORED)
    left_out = {c.meta.id for c in full.checks} - {c.meta.id for c in page_only.checks}
    assert "artifacts.Ads" in left_out
    assert all(full.metas[rule].kinds == ("draft",) for rule in left_out)
    assert not page_only.covers(frozenset({"draft"}))
    assert page_only.covers(AUTHORED)
    # Every rule's metadata, in the same order, equal to the compiled rule's.
    assert list(page_only.metas.items()) == list(full.metas.items())
    assert page_only.digest == full.digest


def test_findings_and_directives_are_the_same() -> None:
    full = load_ruleset()
    page_only = load_ruleset(kinds=AUTHORED)
    found = _found(PAGE, "a.md", "markdown", page_only)
    assert found == _found(PAGE, "a.md", "markdown", full)
    # The directive names a rule left out: known all the same, no warning.
    assert found == [(5, 18, "names.Places")]


def test_a_ruleset_asked_for_other_kinds_is_loaded_whole() -> None:
    rules = LazyRuleset(RuleOptions())
    page_only = rules.get(AUTHORED)
    assert rules.get(AUTHORED) is page_only
    everything = rules.get(frozenset({"draft"}))
    assert everything is not page_only
    assert everything.covers(None)
    assert _found(DRAFT_TEXT, "a.txt", "plain", everything) == [
        (3, 1, "artifacts.Social"),
        (5, 16, "artifacts.Ads"),
    ]
    assert rules.get() is everything


def test_a_users_rule_for_other_kinds_is_still_checked_at_load(tmp_path: Path) -> None:
    pack = tmp_path / "house"
    pack.mkdir()
    (pack / "Bad.yml").write_text(
        "extends: existence\nmessage: x\nkinds: [draft]\ntokens: ['(']\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleError, match=r"Bad\.yml"):
        load_ruleset([pack], kinds=AUTHORED)
