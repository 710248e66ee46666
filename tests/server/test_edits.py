"""Fix-all sends one edit from the buffer to the fixed text: the span between
their common prefix and suffix, which must rebuild the fixed text exactly."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from copydesk.fix import apply_edits
from copydesk.server.edits import replacement_edit

texts = st.text(alphabet="ab😀\r\n ", max_size=30)


@given(texts, texts)
def test_one_edit_turns_the_old_text_into_the_new(old: str, new: str) -> None:
    edit = replacement_edit(old, new)
    assert apply_edits(old, [edit])[0] == new
    assert len(edit.replacement) <= len(new)


def test_the_edit_covers_only_what_changed() -> None:
    edit = replacement_edit("The mayor of Kiev spoke.", "The mayor of Kyiv spoke.")
    assert (edit.start, edit.end, edit.replacement) == (14, 16, "yi")
