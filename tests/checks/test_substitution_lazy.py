"""A shipped substitution rule compiles its regex swaps only for a text
their RE2 superset finds something in: names.TheUkraine's pattern, compiled
in pure Python, cost 1.4 ms of every one-file start (once to check the swap,
once joined) on pages that never name Ukraine."""

from __future__ import annotations

import pytest

from copydesk.batch import lint_text
from copydesk.checks.substitution import Substitution
from copydesk.patterns import MayMatch
from copydesk.ruleset import Ruleset, load_ruleset


def _substitutions(rs: Ruleset) -> dict[str, Substitution]:
    return {c.meta.id: c for c in rs.checks if isinstance(c, Substitution)}


def _found(text: str, rs: Ruleset) -> list[tuple[int, int, str, str]]:
    return [
        (f.line, f.col, f.rule, f.match)
        for f in lint_text(text, "a.md", "markdown", rs)
        if f.rule == "names.TheUkraine"
    ]


def test_a_page_that_never_names_ukraine_never_compiles_the_swap() -> None:
    rs = load_ruleset(select=["names.TheUkraine"])
    check = _substitutions(rs)["names.TheUkraine"]
    assert check.pattern is not None
    assert _found("# Output objects\n\nThe cmdlet writes objects.\n", rs) == []
    assert not check.pattern.built


def test_a_page_naming_ukraine_compiles_it_and_it_decides() -> None:
    rs = load_ruleset(select=["names.TheUkraine"])
    check = _substitutions(rs)["names.TheUkraine"]
    assert check.pattern is not None
    text = "Delegates met at the Ukraine Recovery Conference.\n"
    assert _found(text, rs) == []  # the superset matched, the swap did not
    assert check.pattern.built
    text = "Grain exports from the Ukraine fell.\n\nThe Ukraine war went on.\n"
    assert _found(text, rs) == [(1, 20, "names.TheUkraine", "the Ukraine")]


def test_every_shipped_swap_pattern_compiles() -> None:
    """Shipped rules defer their patterns, so the suite compiles each."""
    rs = load_ruleset(select=["names", "typos", "style", "artifacts", "quotes"])
    for rule_id, check in _substitutions(rs).items():
        if check.pattern is not None:
            assert check.pattern.get() is not None, rule_id


@pytest.mark.parametrize(
    ("superset", "ignorecase", "text", "may"),
    [
        ("[Tt]he Ukraine", False, "Exports from the Ukraine fell.", True),
        ("[Tt]he Ukraine", False, "Exports from THE UKRAINE fell.", False),
        ("[Tt]he Ukraine", True, "Exports from THE UKRAINE fell.", True),
        (None, False, "anything at all", True),
        ("(?P<x", False, "RE2 refuses the superset: every text may", True),
        ("Ukraine", False, "a lone surrogate \ud800 RE2 cannot read", True),
        # A rule's pattern reads ^ as any line's start (MULTILINE): so does
        # its superset.
        ("^Kiev", False, "Capitals:\nKiev, Minsk.", True),
        ("^Kiev", False, "Capitals: Kiev, Minsk.", False),
    ],
)
def test_may_match_asks_the_superset(
    superset: str | None, ignorecase: bool, text: str, may: bool
) -> None:
    assert MayMatch(superset, ignorecase=ignorecase)(text) is may
