"""The first-word pre-filter that lets shipped line rules skip compiling."""

from __future__ import annotations

import pytest

from copydesk.checks.existence import _first_words, _token_first_words
from copydesk.ruleset import load_ruleset
from copydesk.runner import lint_text


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
    ],
)
def test_token_first_words(token: str, words: set[str] | None) -> None:
    assert _token_first_words(token) == words


def test_one_unknown_token_turns_the_filter_off() -> None:
    assert _first_words(["Share", r"[\p{Lu}]x"]) is None
    assert _first_words(["Share", "Print"]) == frozenset({"share", "print"})


def test_a_short_article_compiles_only_the_rules_its_lines_could_trigger() -> None:
    rs = load_ruleset(select=["artifacts"])
    text = "Talks resume in Geneva\n\nDelegates met on Monday and agreed a text.\n"
    assert lint_text(text, "a.txt", "plain", rs) == []
    compiled = [
        c.meta.id
        for c in rs.checks
        if getattr(getattr(c, "pattern", None), "compiled", False)
    ]
    assert "artifacts.Social" not in compiled
    assert "artifacts.Paywall" not in compiled
    assert "artifacts.Social" in [c.meta.id for c in rs.checks]
