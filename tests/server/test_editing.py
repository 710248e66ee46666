"""Incremental changes: the kept line starts give the text a fresh index gives,
and a burst of keystrokes in a 10 MB buffer costs no scan of the buffer."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk.server.documents import Change, apply_changes
from copydesk.server.editing import EditableText
from copydesk.server.positions import ENCODINGS, Encoding, PositionIndex

texts = st.text(alphabet="ab😀é\r\n\u2028 ", max_size=40)
positions = st.tuples(st.integers(-1, 8), st.integers(-1, 12))
changes = st.lists(
    st.one_of(
        st.builds(lambda t, a, b: Change(t, (a, b)), texts, positions, positions),
        st.builds(Change, texts),
    ),
    max_size=12,
)


def reference(text: str, edits: list[Change], encoding: Encoding) -> str:
    """Each change applied with a whole new index of the text so far."""
    for change in edits:
        if change.span is None:
            text = change.text
            continue
        index = PositionIndex(text)
        (line, char), (end_line, end_char) = change.span
        start = index.offset(line, char, encoding)
        end = max(start, index.offset(end_line, end_char, encoding))
        text = text[:start] + change.text + text[end:]
    return text


@settings(max_examples=300, derandomize=True, database=None)
@given(texts, changes, st.sampled_from(ENCODINGS))
def test_kept_line_starts_give_the_same_text(
    text: str, edits: list[Change], encoding: Encoding
) -> None:
    editable = EditableText(text)
    for change in edits:  # one notification at a time, as an editor sends them
        apply_changes(editable.text, [change], encoding, editable)
    assert editable.text == reference(text, edits, encoding)
    assert apply_changes(text, edits, encoding) == editable.text


def test_a_burst_of_keystrokes_in_a_10_mb_buffer_is_fast() -> None:
    paragraph = "Officials in Kiev said on Monday that the talks would resume.\r\n\r\n"
    count = 10_000_000 // len(paragraph)
    text = paragraph * count
    editable = EditableText(text)
    middle = count // 2 * 2 + 1  # a blank line halfway down
    started = time.perf_counter()
    for i in range(1_000):
        span = ((middle, i), (middle, i))
        apply_changes(editable.text, [Change("x", span)], "utf-16", editable)
    took = time.perf_counter() - started
    line = editable.text.split("\r\n")[middle]
    assert line == "x" * 1_000  # typed into the blank line between paragraphs
    # Copying the text is the cost left (~3 ms a change for 10 MB); a fresh
    # index per change took 60 ms each.
    assert took < 15, took
