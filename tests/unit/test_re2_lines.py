"""Whether an RE2 pattern's matches can hold a line feed, read from its text.

``anchor_scan`` scans a large text a piece at a time only when the answer is
no; a wrong no would lose the places of matches across a piece's end, so
every construct that can match a line feed must answer yes.
"""

from __future__ import annotations

import pytest

from copydesk.re2_lines import line_local


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?m)^[ \t]*(?:Share|Photo: [^\n]*)[ \t]*\r?$",
        r"a.b",  # . without the s flag
        r"\S+\b\w\d",
        r"[^\s]",
        r"[^\D]",
        r"[^\x{a}]",
        r"[^\x{9}-\x{b}]",
        r"[\x{0}-\x{9}]",
        r"[\x{80}-\x{10FFFF}]",
        r"[]a]",
        r"[^]\n]",
        r"[-a][a-][\.\-\]]",
        r"(?-i:A)(?P<name>b)",
        r"(?i-s:a.b)",
    ],
)
def test_patterns_that_stay_on_a_line(pattern: str) -> None:
    assert line_local(pattern)


@pytest.mark.parametrize(
    "pattern",
    [
        "a\nb",  # a line feed written in the pattern
        r"\n",
        r"\x0a",
        r"\x0A",
        r"\x{a}",
        r"a\sb",
        r"\D",
        r"\W",
        r"\pL",
        r"\p{Greek}",
        r"\C",
        r"\Qa\E",
        r"\012",
        r"(?s:a.b)",
        r"(?is)a.",
        r"[^x]",
        r"[^]a]",
        r"[^\S]",
        r"[\n]",
        r"[\s]",
        r"[\D]",
        r"[\x00-\x20]",
        r"[\t-\r]",
        r"[[:space:]]",
        r"[a-\d]",
    ],
)
def test_patterns_that_may_match_a_line_feed(pattern: str) -> None:
    assert not line_local(pattern)
