"""repetition: "the the", case-insensitive, never across lines or punctuation."""

from __future__ import annotations

import re
from collections.abc import Iterable
from unittest import mock

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.checks.inline import findings, lint_rule

from copydesk.checks import repetition
from copydesk.checks.repetition import Repetition
from copydesk.fix import apply_edits
from copydesk.model import Applicability
from copydesk.ruleset import compile_rule

RULE = """
extends: repetition
message: "'%s' repeated"
ignorecase: true
exceptions: [had had, that that]
"""


def test_repeats_case_insensitively() -> None:
    text = "It was the the end.\nThe The vote\nand and AND then."
    assert lint_rule(RULE, text) == [
        (1, 8, "the the"),
        (2, 1, "The The"),
        (3, 1, "and and AND"),
    ]
    assert findings(RULE, text)[0].message == "'the' repeated"


def test_case_sensitive_without_ignorecase() -> None:
    rule = RULE.replace("ignorecase: true", "ignorecase: false")
    assert lint_rule(rule, "The the cat, the the dog.") == [(1, 14, "the the")]


def test_not_across_lines_punctuation_or_code() -> None:
    text = "on the\nthe next day\n\nthe\n\nthe end. End, end; end\n"
    assert lint_rule(RULE, text) == []
    markdown = "Run the `x` the next day.\n"
    assert lint_rule(RULE, markdown, "markdown") == []


def test_grammatical_doubles_are_exceptions() -> None:
    text = "She had had enough. Had had it. He said that that was all."
    assert lint_rule(RULE, text) == []


def test_safe_fix_deletes_the_repeats_and_their_spaces() -> None:
    text = "Go to the the  the shop and and buy."
    found = findings(RULE + "safe: [the, and]\n", text)
    assert [f.match for f in found] == ["the the  the", "and and"]
    edits = [e for f in found if f.fix for e in f.fix.edits]
    assert all(f.fix and f.fix.applicability is Applicability.SAFE for f in found)
    assert apply_edits(text, edits)[0] == "Go to the shop and buy."


def test_tokens_and_alpha() -> None:
    rule = RULE + "tokens: ['[^\\s]+']\nalpha: true\n"
    assert lint_rule(rule, "Page 10 10 says it it.") == []
    assert lint_rule(rule, "Page 10 10 says it it now.") == [(1, 17, "it it")]
    no_alpha = RULE + "tokens: ['[^\\s]+']\n"
    assert lint_rule(no_alpha, "Page 10 10 now.") == [(1, 6, "10 10")]


def test_words_with_apostrophes_and_hyphens() -> None:
    text = "It's it's over; a well-known well-known fact; Müller Müller."
    assert lint_rule(RULE, text) == [
        (1, 1, "It's it's"),
        (1, 19, "well-known well-known"),
        (1, 47, "Müller Müller"),
    ]


_WORDS = ["the", "The", "THE", "a", "ab", "x-y", "don't", "l’avis", "über", "Über"]
_WORDS += ["10", "_", "ǅ", "ǆ", "Σ", "ς", "σ", "İ", "i", "ß", "SS", "K", "k"]
_SEPARATORS = [" ", "  ", "\t", "\u00a0", "\u202f", "\n", "\r\n", "-", "'", "’"]
_SEPARATORS += [", ", ". ", "“", "”", "\u2003", "\x1c", "/", "\u0301", "\udc80"]
_SEPARATORS += ["\u0345"]  # not a word character, but folds to iota


@settings(max_examples=400, deadline=None)
@given(
    parts=st.lists(
        st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPARATORS)), max_size=10
    ),
    ignorecase=st.booleans(),
    chunk=st.sampled_from([1, 3, 8, repetition.CHUNK]),
)
def test_the_word_lookup_finds_what_the_backreference_scan_finds(
    parts: list[tuple[str, str]], ignorecase: bool, chunk: int
) -> None:
    """Looking up the words that stand twice in a row, then each word alone,
    gives the matches of one backreference scan over the whole text (but for
    the tails of longer words, "co-op op", which ``run`` drops anyway),
    however small the pieces the text is searched in."""
    text = "".join(word + separator for word, separator in parts)
    rule = RULE.replace("ignorecase: true", f"ignorecase: {str(ignorecase).lower()}")
    check = compile_rule("test.Rule", yaml.safe_load(rule), "test/Rule.yml")
    assert isinstance(check, Repetition)
    assert check.doubled is not None

    def kept(matches: Iterable[re.Match[str]]) -> list[tuple[int, int]]:
        return [
            m.span()
            for m in matches
            if m.start() == 0 or text[m.start() - 1] not in "'’-"
        ]

    with mock.patch.object(repetition, "CHUNK", chunk):
        assert kept(check._doubled(text)) == kept(check.doubled.finditer(text))


JUDGED = RULE + "judge: true\nsafe: [a, an, the, and, or]\n"


def test_a_word_that_goes_on_is_not_repeated() -> None:
    text = (
        "She worked at AT&T for years. Open data data.json now.\n"
        "Call get get() twice. Use a a_b. See on on/off.\n"
    )
    assert lint_rule(RULE, text) == []


def test_emphasis_markup_after_a_repeat_is_not_a_longer_word() -> None:
    # "now._" ends a sentence and an italic span; only "data.json" goes on.
    text = "* _You can do that now now._\n* Open data data.json now.\n"
    assert lint_rule(RULE, text, "markdown") == [(1, 20, "now now")]


def test_meant_doubles_are_left_alone() -> None:
    text = (
        "Nick Rhodes of Duran Duran played in Walla Walla.\n"
        "Dr. Abdullah Abdullah met Lin Lin at Boing Boing.\n"
        "Set the Parameter parameter and open the New.Directory directory.\n"
        "Send GET get requests. This is the first FIRST Global event.\n"
        "| 0 0 0 1 1 * | Run yearly 10 10 |\n"
        "KLYMENKO: it's it's the the last one.\n"
        "[00:12] we we left.\n"
        "The plan was yada yada yada, and the crowd went ha ha ha.\n"
    )
    assert lint_rule(JUDGED, text) == []


def test_slips_are_still_found_and_only_articles_fixed_safely() -> None:
    text = (
        "We met the the mayor and and the council.\n"
        "The The vote was close; using the The Registry helps.\n"
        "It is in in the cycle, a command command palette.\n"
        "Vote for the the the motion.\n"
    )
    found = findings(JUDGED, text)
    got = [
        (f.line, f.col, f.match, f.fix.applicability.value if f.fix else None)
        for f in found
    ]
    assert got == [
        (1, 8, "the the", "safe"),
        (1, 22, "and and", "safe"),
        (2, 1, "The The", "unsafe"),
        (2, 31, "the The", "unsafe"),
        (3, 7, "in in", "unsafe"),
        (3, 26, "command command", "unsafe"),
        (4, 10, "the the the", "safe"),
    ]


def test_not_across_the_cells_of_a_table() -> None:
    """Neighbouring cells repeat by design: a reST simple table's cells are
    blocks of their own, and a plain-text table is laid out in columns. A
    doubled word with two spaces in a sentence is still one."""
    rst = (
        "===  ===  ======\n"
        "v    w    Action\n"
        "===  ===  ======\n"
        "new  new  keep\n"
        "old  old  drop\n"
        "===  ===  ======\n"
    )
    assert lint_rule(RULE, rst, "rst") == []
    columns = "Feature          TOML YAML JSON\nReal data types  yes  yes  yes\n"
    assert lint_rule(RULE, columns) == []
    assert lint_rule(RULE, "We deleted a word and left the  the gap.\n") == [
        (1, 28, "the  the")
    ]


def test_two_spaces_after_full_stops_make_no_columns() -> None:
    text = "Then we saw the  the market.  It was closed.  We left.\n"
    assert lint_rule(RULE, text) == [(1, 13, "the  the")]
