"""quotes: every quote mark's place, found through the text's ASCII view."""

from __future__ import annotations

import itertools

from hypothesis import example, given, settings
from hypothesis import strategies as st

from copydesk import quotes

#: Every mark, question marks (the ASCII view's stand-in), other characters
#: beyond ASCII and a lone surrogate.
MARKED = st.text(alphabet=quotes.DOUBLE + quotes.SINGLE + "a ?é–\ud800\n", max_size=40)


@settings(max_examples=1000, deadline=None)
@given(MARKED)
@example("?“a’?")
@example("„x‟ ‹y› 『z』 ＂q＇")
def test_the_marks_are_those_a_split_on_their_class_finds(text: str) -> None:
    pieces = quotes._MARKS.split(text)
    expected = list(itertools.accumulate(map(len, pieces)))[0:-1:2]
    assert quotes._mark_offsets(text) == expected
