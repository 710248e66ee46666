"""Code points <-> LSP positions in UTF-8, UTF-16 and UTF-32, with CRLF,
lone CRs, astral characters and line separators LSP does not break at."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copydesk.server.positions import ENCODINGS, Encoding, PositionIndex, units

#: Characters chosen to hit every width: ASCII, 2-byte UTF-8, BMP (3 bytes,
#: one UTF-16 unit), astral (4 bytes, a surrogate pair), and every line
#: break, including ones LSP does not count (U+2028, form feed, NEL).
ALPHABET = [
    "a",
    " ",
    "é",
    "“",
    "Ж",
    "😀",
    "𝄞",
    "\r",
    "\n",
    "\r\n",
    "\u2028",
    "\x0c",
    "\x85",
]
texts = st.lists(st.sampled_from(ALPHABET), max_size=60).map("".join)


def lsp_lines(text: str) -> list[str]:
    """Lines as LSP defines them (an oracle independent of PositionIndex)."""
    return re.split(r"\r\n|\r|\n", text)


def width(text: str, encoding: Encoding) -> int:
    """Units of ``text``, computed by encoding it (the oracle)."""
    if encoding == "utf-32":
        return len(text.encode("utf-32-le")) // 4
    if encoding == "utf-16":
        return len(text.encode("utf-16-le")) // 2
    return len(text.encode("utf-8"))


def inside_crlf(text: str, offset: int) -> bool:
    return 0 < offset < len(text) and text[offset - 1 : offset + 1] == "\r\n"


@given(texts, st.sampled_from(ENCODINGS))
def test_round_trip_offset_position_offset(text: str, encoding: Encoding) -> None:
    index = PositionIndex(text)
    for offset in range(len(text) + 1):
        if inside_crlf(text, offset):
            continue  # no LSP position names the middle of a CRLF
        line, char = index.position(offset, encoding)
        assert index.offset(line, char, encoding) == offset


@given(texts, st.sampled_from(ENCODINGS))
def test_positions_agree_with_an_independent_count(
    text: str, encoding: Encoding
) -> None:
    index = PositionIndex(text)
    lines = lsp_lines(text)
    assert index.line_count == len(lines)
    offset = 0
    for number, line in enumerate(lines):
        for cut in range(len(line) + 1):
            assert index.position(offset + cut, encoding) == (
                number,
                width(line[:cut], encoding),
            )
        offset += len(line)
        offset += 2 if text.startswith("\r\n", offset) else 1


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("utf-16", (1, 5)), ("utf-32", (1, 4)), ("utf-8", (1, 7))],
)
def test_astral_character_after_crlf(
    encoding: Encoding, expected: tuple[int, int]
) -> None:
    text = "Intro\r\nA 😀 Kyiv\r\n"
    assert PositionIndex(text).position(text.index("Kyiv"), encoding) == expected


def test_middle_of_crlf_is_the_end_of_the_line() -> None:
    text = "ab\r\ncd"
    assert PositionIndex(text).position(3, "utf-16") == (0, 2)


def test_positions_past_the_end_are_clamped() -> None:
    index = PositionIndex("ab\ncd")
    assert index.offset(0, 99, "utf-16") == 2  # end of line 0, not into line 1
    assert index.offset(7, 0, "utf-16") == 5  # past the last line: end of text
    assert index.offset(-1, 0, "utf-16") == 0


def test_half_a_surrogate_pair_stays_before_the_character() -> None:
    index = PositionIndex("a😀b")
    assert index.offset(0, 2, "utf-16") == 1  # between the two halves of 😀
    assert index.offset(0, 3, "utf-16") == 2


def test_units_of_a_lone_surrogate_do_not_raise() -> None:
    assert units("\ud800", "utf-16") == 1
    assert units("\ud800", "utf-8") == 3
