"""Searching only the lines that matter finds what a whole-text scan finds there."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk import patterns

FLAGS = regex.VERSION0 | regex.MULTILINE


def compiled(source: str, *, ignorecase: bool = False) -> patterns.Pattern:
    return regex.compile(source, FLAGS | (regex.IGNORECASE if ignorecase else 0))


LINE_LOCAL = [
    patterns.token_matcher(["had had", "ab", "b a"], "test", ignorecase=True),
    patterns.token_matcher(["a+b", "ba?"], "test"),
    compiled(r"a.b"),
    compiled(r"\bab\b"),
    compiled(r"(?<=a)b*"),  # empty matches too
]


@pytest.mark.parametrize(
    ("source", "local"),
    [
        (r"(?<![\w])(?:had had)(?![\w])", True),
        (r"CC BY(?:-[A-Z]{2})*", True),
        (r"a.b", True),
        (r"\d+\.\d", True),
        (r"foo\s+bar", False),
        (r"(?s)a.b", False),
        (r"[^a]", False),
        (r"[[:space:]]", False),
        (r"\p{Lu}", False),
        (r"\n", False),
        ("a\nb", False),
        (r"ab{e<=1}", False),
    ],
)
def test_a_pattern_is_line_local_only_when_it_surely_is(
    source: str, local: bool
) -> None:
    assert patterns.line_local(compiled(source)) is local


def test_a_listed_phrase_with_a_line_feed_is_not_line_local() -> None:
    matcher = regex.compile(r"\L<words>", FLAGS, words=["a\nb"])
    assert not patterns.line_local(matcher)


@settings(max_examples=400, deadline=None)
@given(
    text=st.text(alphabet="ab .\nA", max_size=60),
    pattern=st.sampled_from(LINE_LOCAL),
    data=st.data(),
)
def test_the_lines_of_the_places_hold_the_whole_scan_s_matches(
    text: str, pattern: patterns.Pattern, data: st.DataObject
) -> None:
    places = data.draw(
        st.lists(
            st.tuples(st.integers(0, len(text)), st.integers(0, 5)).map(
                lambda p: (p[0], min(len(text), p[0] + p[1]))
            ),
            max_size=4,
        )
    )
    lines = []
    for start, end in places:
        lo = text.rfind("\n", 0, start) + 1
        hi = text.find("\n", end)
        lines.append((lo, len(text) if hi < 0 else hi))
    expected = [
        span
        for span in patterns.spans(pattern, text)
        if any(lo <= span[0] <= hi for lo, hi in lines)
    ]
    assert list(patterns.spans_on_lines(pattern, text, places)) == expected
