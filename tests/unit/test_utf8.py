"""UTF-8 byte offsets to code points, for the engines that report bytes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from copydesk.utf8 import byte_to_char


@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=60))
def test_every_character_boundary_maps_to_its_index(text: str) -> None:
    to_char = byte_to_char(text)
    offset = 0
    for index, char in enumerate(text):
        assert to_char(offset) == index
        offset += len(char.encode("utf-8"))
    assert to_char(offset) == len(text)


def test_mixed_widths() -> None:
    text = "a\u00e9\u20ac\U0001f600b"  # 1, 2, 3 and 4 bytes, then ASCII
    to_char = byte_to_char(text)
    assert [to_char(b) for b in (0, 1, 3, 6, 10, 11)] == [0, 1, 2, 3, 4, 5]
