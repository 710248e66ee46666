"""UTF-8 byte offsets to code points, for the engines that report bytes."""

from __future__ import annotations

from collections.abc import Callable
from unittest import mock

from hypothesis import given
from hypothesis import strategies as st

from copydesk import utf8
from copydesk.utf8 import byte_to_char


def assert_every_boundary_maps_to_its_index(
    text: str, to_char: Callable[[int], int]
) -> None:
    offset = 0
    for index, char in enumerate(text):
        assert to_char(offset) == index
        offset += len(char.encode("utf-8"))
    assert to_char(offset) == len(text)


@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=60))
def test_every_character_boundary_maps_to_its_index(text: str) -> None:
    assert_every_boundary_maps_to_its_index(text, byte_to_char(text))


def test_mixed_widths() -> None:
    text = "a\u00e9\u20ac\U0001f600b"  # 1, 2, 3 and 4 bytes, then ASCII
    to_char = byte_to_char(text)
    assert [to_char(b) for b in (0, 1, 3, 6, 10, 11)] == [0, 1, 2, 3, 4, 5]


@given(
    st.lists(
        st.sampled_from(["a", "bc ", "\u00e9", "\u20ac", "\U0001f600"]), max_size=40
    ),
    st.integers(1, 5),
)
def test_runs_cut_by_the_ascii_test_map_the_same(parts: list[str], piece: int) -> None:
    """Searched in pieces, a run of wide characters may come in two; every
    character still maps to its index."""
    text = "".join(parts)
    with mock.patch.object(utf8, "PIECE", piece):
        to_char = byte_to_char(text)
    assert_every_boundary_maps_to_its_index(text, to_char)
