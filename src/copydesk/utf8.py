"""UTF-8 byte offsets → code-point offsets, for engines that work on bytes.

pulldown-cmark (through pyromark) and RE2 report byte offsets into the UTF-8
encoding of a text; copydesk's offsets are code points.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterator


@functools.cache
def _wide_runs_pattern() -> re.Pattern[str]:
    """Runs of code points that take 2, 3 or 4 UTF-8 bytes each.

    Compiled on first use, not at import: sre builds a charset over the whole
    Unicode range (~30 M instructions), and a run of ASCII files never needs it.
    """
    return re.compile(r"[\x80-\u07ff]+|[\u0800-\uffff]+|[\U00010000-\U0010ffff]+")


def byte_to_char(text: str) -> Callable[[int], int]:
    """Map UTF-8 byte offsets of ``text`` to code-point offsets.

    ASCII text maps to itself; otherwise only runs of wide characters are
    recorded, so the cost grows with the non-ASCII content, not the file size.
    """
    if text.isascii():
        return _identity
    byte_starts: list[int] = []
    runs: list[tuple[int, int, int, int]] = []
    extra = 0
    for char_start, char_end in _wide_runs(text):
        first = ord(text[char_start])
        width = 2 if first < 0x800 else 3 if first < 0x10000 else 4
        byte_start = char_start + extra
        extra += (width - 1) * (char_end - char_start)
        byte_starts.append(byte_start)
        runs.append((byte_start, char_start, width, char_end + extra))

    def convert(offset: int) -> int:
        index = bisect.bisect_right(byte_starts, offset) - 1
        if index < 0:
            return offset
        byte_start, char_start, width, byte_end = runs[index]
        if offset < byte_end:
            return char_start + (offset - byte_start) // width
        return offset - (byte_end - (char_start + (byte_end - byte_start) // width))

    return convert


#: Characters per piece tested for non-ASCII in C before a piece is searched.
PIECE = 4096


def _wide_runs(text: str) -> Iterator[tuple[int, int]]:
    """Spans of runs of characters of one UTF-8 width above one byte.

    Pieces of ``PIECE`` characters that are all ASCII are skipped in C: the
    regex search tries every character, and a text with a few accents in
    megabytes of ASCII spent most of its reading time there. A run across
    the end of a piece comes as two runs, which map the same.
    """
    search = _wide_runs_pattern().finditer
    for lo in range(0, len(text), PIECE):
        hi = lo + PIECE
        if not text[lo:hi].isascii():
            for match in search(text, lo, hi):
                yield match.span()


def _identity(offset: int) -> int:
    return offset
