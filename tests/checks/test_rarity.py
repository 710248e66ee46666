"""rarity: a very rare word whose affix, swapped, makes a common word."""

from __future__ import annotations

import pytest
from tests.checks.inline import findings, lint_rule

from copydesk.errors import RuleError
from copydesk.model import Applicability
from copydesk.ruleset import compile_rule

RULE = """
extends: rarity
message: "'%s' -> %s"
prefixes:
  un: [in, im]
suffixes:
  ness: [ity]
"""


def test_a_rare_word_with_a_common_sibling_is_flagged() -> None:
    text = "The policy was untolerant of dissent, the report said."
    found = findings(RULE, text)
    assert [(f.match, f.suggestions) for f in found] == [
        ("untolerant", ("intolerant",))
    ]
    assert found[0].fix is not None
    assert found[0].fix.applicability is Applicability.UNSAFE


def test_common_words_repeated_words_and_lists_are_quiet() -> None:
    # "unpatched" has no common sibling; "unstable" is common itself.
    assert lint_rule(RULE, "The unpatched server was unstable on Monday.") == []
    text = "Untolerant is rare. The untolerant view is untolerant, they said."
    assert lint_rule(RULE, text) == []
    # No common neighbour: a list of terms, not running prose.
    assert lint_rule(RULE, "untolerant") == []


def test_a_word_counts_its_uses_in_every_case() -> None:
    """Uses are summed over the words that fold alike (the words are folded
    joined, in one casefold): once capitalised and once not is twice."""
    text = "Untolerant critics spoke. The policy was untolerant of dissent."
    assert lint_rule(RULE, text) == []
    alone = "Critics spoke. The policy was untolerant of dissent, they said."
    assert [f.match for f in findings(RULE, alone)] == ["untolerant"]


def test_only_english_documents_are_read() -> None:
    import yaml

    from copydesk.batch import lint_text
    from copydesk.ruleset import Ruleset, compile_exceptions

    check = compile_rule("test.Rule", yaml.safe_load(RULE), "test/Rule.yml")
    ruleset = Ruleset([check], "test", compile_exceptions([check]))
    text = "The policy was untolerant of dissent."
    assert lint_text(text, "d.txt", "plain", ruleset, language="de") == []


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({}, "none given"),
        ({"prefixes": {"un": "in"}}, "must map an affix to a list"),
    ],
)
def test_bad_keys_are_rule_errors(data: dict[str, object], reason: str) -> None:
    with pytest.raises(RuleError, match=reason):
        compile_rule("t.R", {"extends": "rarity", **data}, "t/R.yml")
