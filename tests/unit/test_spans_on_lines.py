"""patterns.spans_on_lines: the lines of several places, joined, keep their reach."""

from __future__ import annotations

from copydesk import patterns


def test_a_place_inside_an_earlier_one_keeps_the_joined_lines_whole() -> None:
    # Found by the property test in test_patterns.py: the second place, sorted
    # after the first but ending before it, cut the joined lines at its own
    # line end and lost the match on the next line.
    pattern = patterns.compile_regex(r"(?<=a)b*", "test", "exceptions")
    text = "A\na"
    assert list(patterns.spans(pattern, text)) == [(3, 3)]
    assert list(patterns.spans_on_lines(pattern, text, [(0, 2), (1, 1)])) == [(3, 3)]


def test_places_on_separate_lines_search_only_those_lines() -> None:
    pattern = patterns.compile_regex(r"\bteh\b", "test", "exceptions")
    text = "teh one\nteh two\nteh three\n"
    assert list(patterns.spans_on_lines(pattern, text, [(0, 3), (16, 19)])) == [
        (0, 3),
        (16, 19),
    ]
