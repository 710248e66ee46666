"""Convert copydesk's code-point offsets to LSP positions and back, exactly.

copydesk measures text in code points; an LSP client counts a line's
characters in the unit negotiated at ``initialize``: UTF-16 code units by
default (an emoji counts 2), UTF-8 bytes, or UTF-32 (code points). Lines
break only at ``\\n``, ``\\r\\n`` and ``\\r`` in LSP: ``str.splitlines`` also
breaks at U+2028, form feeds and NEL, which scraped drafts do contain, so it
must not be used here; copydesk's own line index (``copydesk.lines``)
breaks where LSP does. This module knows nothing of lsprotocol, so the
conversion is tested (and fast) on its own.
"""

from __future__ import annotations

import bisect
from typing import Literal

from copydesk.lines import LineIndex

Encoding = Literal["utf-8", "utf-16", "utf-32"]
ENCODINGS: tuple[Encoding, ...] = ("utf-8", "utf-16", "utf-32")


def units(text: str, encoding: Encoding) -> int:
    """How many ``encoding`` units ``text`` takes (lone surrogates included)."""
    if encoding == "utf-32" or text.isascii():
        return len(text)
    if encoding == "utf-16":
        return len(text.encode("utf-16-le", "surrogatepass")) // 2
    return len(text.encode("utf-8", "surrogatepass"))


def prefix_within(text: str, budget: int, encoding: Encoding) -> int:
    """The most code points of ``text`` that fit in ``budget`` units.

    A budget that ends inside a character (half a surrogate pair, part of
    a UTF-8 sequence) stops before that character: LSP leaves the case
    undefined, and never splitting a character keeps every offset valid.
    """
    if budget <= 0:
        return 0
    if encoding == "utf-32" or text.isascii():
        return min(budget, len(text))
    used = 0
    for count, char in enumerate(text):
        used += units(char, encoding)
        if used > budget:
            return count
    return len(text)


class PositionIndex:
    """LSP positions of one text: copydesk's line index (LSP and copydesk
    break lines at the same three line ends) plus the unit conversion."""

    __slots__ = ("_lines", "_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines = LineIndex(text)
        self._starts = self._lines.starts

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_span(self, line: int) -> tuple[int, int]:
        """Code-point offsets of 0-based ``line``'s content, its break excluded."""
        return self._lines.line_bounds(line + 1)

    def position(self, offset: int, encoding: Encoding) -> tuple[int, int]:
        """The (line, character) of a code-point ``offset`` (clamped to the text).

        An offset between the ``\\r`` and ``\\n`` of a CRLF, which no LSP
        position can name, becomes the end of that line's content.
        """
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self._starts, offset) - 1
        start, end = self.line_span(line)
        return line, units(self.text[start : min(offset, end)], encoding)

    def offset(self, line: int, character: int, encoding: Encoding) -> int:
        """The code-point offset of an LSP position.

        As LSP says, a line past the end means the end of the text and a
        character past the line's end means the end of the line.
        """
        if line < 0:
            return 0
        if line >= len(self._starts):
            return len(self.text)
        start, end = self.line_span(line)
        return start + prefix_within(self.text[start:end], character, encoding)
