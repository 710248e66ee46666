"""The first-word pre-filter that lets shipped line rules skip compiling."""

from __future__ import annotations

import pytest
from tests.checks.inline import lint_rule

from copydesk.batch import lint_text
from copydesk.checks.existence import _first_words, _literal_starts, _token_first_words
from copydesk.ruleset import Ruleset, load_ruleset


@pytest.mark.parametrize(
    ("token", "words"),
    [
        ("Share", {"share"}),
        ("Follow us[.!]?", {"follow"}),
        ("Comments?", {"comment"}),
        ("(?:Follow|Folgen)(?: me)?", {"follow", "folgen"}),
        ("(?:Die )?Kommentarfunktion", {"die", "kommentarfunktion"}),
        (r"\d+ comments", {"0"}),
        (r"\(c\) 2024", {"("}),
        ("© Example", {"©"}),
        ("E-Mail", {"e-mail"}),
        (r"[\p{Lu}]\w+ › \w+", None),
        ("(?=.*›)Home", None),
        ("(?:[•·][ ]*)?Read", None),
        ("Share|Teilen", {"share", "teilen"}),
        ("Share|[A-Z]x", None),
    ],
)
def test_token_first_words(token: str, words: set[str] | None) -> None:
    assert _token_first_words(token) == words


def test_one_unknown_token_turns_the_filter_off() -> None:
    assert _first_words(["Share", r"[\p{Lu}]x"]) is None
    assert _first_words(["Share", "Print"]) == frozenset({"share", "print"})


def _compiled_rules(rs: Ruleset) -> set[str]:
    """Rules with any pattern compiled: the whole rule's or one token's."""
    found = set()
    for check in rs.checks:
        lazies = [getattr(check, "pattern", None)]
        lazies += [lazy for _, lazy in getattr(check, "token_patterns", ())]
        if any(getattr(lazy, "compiled", False) for lazy in lazies):
            found.add(check.meta.id)
    return found


def test_a_short_article_compiles_only_the_rules_its_lines_could_trigger() -> None:
    rs = load_ruleset(select=["artifacts"])
    text = "Talks resume in Geneva\n\nDelegates met on Monday and agreed a text.\n"
    assert lint_text(text, "a.txt", "plain", rs) == []
    assert "artifacts.Social" in [c.meta.id for c in rs.checks]
    assert _compiled_rules(rs) == set()
    text = "Talks resume in Geneva\n\nShare\n\nDelegates met on Monday.\n"
    assert [f.rule for f in lint_text(text, "a.txt", "plain", rs)] == [
        "artifacts.Social"
    ]
    compiled = _compiled_rules(rs)
    assert "artifacts.Social" in compiled
    assert "artifacts.Paywall" not in compiled


_NEEDS_RULE = """
extends: existence
message: "trail '%s'"
line: true
ignorecase: true
needs: ['>', '/']
tokens:
  - '[\\p{Lu}]\\w+(?:[ ]*[>/][ ]*\\w+){2,}'
"""


def test_needs_tries_only_lines_holding_one_of_its_strings() -> None:
    text = (
        "Markets > Europe > Stocks\n"
        "\n"
        "Sport / Football / League\n"
        "\n"
        "Markets Europe Stocks\n"
    )
    assert lint_rule(_NEEDS_RULE, text) == [
        (1, 1, "Markets > Europe > Stocks"),
        (3, 1, "Sport / Football / League"),
    ]


def test_needs_skips_a_document_without_any_of_its_strings() -> None:
    rs = load_ruleset(select=["artifacts.Breadcrumbs"])
    text = "Talks resume in Geneva\n\nDelegates met on Monday and agreed a text.\n"
    assert lint_text(text, "a.txt", "plain", rs) == []
    (check,) = rs.checks
    assert not check.pattern.compiled  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("lead", "line"),
    [("", 3), ("- ", 3), ("  * ", 3), ("Stop. ", 0)],
)
def test_line_heads_keep_the_word_after_a_bullet(lead: str, line: int) -> None:
    """A bullet is part of the head, so "- Share" is tried and "- The" is not."""
    rs = load_ruleset(select=["artifacts.Social"])
    text = f"Prices rose.\n\n{lead}Share\n\n- The end came.\n"
    found = [(f.line, f.rule) for f in lint_text(text, "a.txt", "plain", rs)]
    assert found == ([(line, "artifacts.Social")] if line else [])


@pytest.mark.parametrize(
    ("token", "literals"),
    [
        ("This article is for subscribers", ("this article is for subscribers",)),
        ("Comments?", ("comment",)),
        ("Read (?:more|also)", ("read more", "read also")),
        (
            "(?:This|The) (?:article|story) is",
            ("this article is", "this story is", "the article is", "the story is"),
        ),
        ("Follow us[.!]?", ("follow us",)),
        ("(?:Die )?Kommentare", ("",)),
        (r"\d+ comments", ("",)),
        ("Share|Teilen", ("",)),
    ],
)
def test_literal_starts(token: str, literals: tuple[str, ...]) -> None:
    assert _literal_starts(token) == literals


def test_a_head_that_leaves_the_literal_start_compiles_nothing() -> None:
    rs = load_ruleset(select=["artifacts.Paywall"])
    text = "This cmdlet gets the items.\n\nThe weather was fine.\n"
    assert lint_text(text, "a.txt", "plain", rs) == []
    (check,) = rs.checks
    lazies = [lazy for _, lazy in check.token_patterns]  # type: ignore[attr-defined]
    assert lazies
    assert not any(lazy.compiled for lazy in lazies)


def test_needs_also_limits_a_plain_word_list() -> None:
    rule = "extends: existence\nmessage: \"'%s'\"\nneeds: ['#']\ntokens: [Share]\n"
    text = "Share this.\n\n# Share\n"
    assert lint_rule(rule, text) == [(3, 3, "Share")]
