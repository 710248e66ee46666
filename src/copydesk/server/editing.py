"""Apply an editor's incremental changes to a buffer without re-indexing it.

Each ``didChange`` names its ranges in LSP lines, so the server must find a
line's start in the text as it stands. Building a whole line index for every
change costs a scan of the buffer: in a 10 MB buffer a burst of a thousand
keystrokes spent a minute doing it. :class:`EditableText` keeps the starts of
the lines before the last change, which a change cannot move, and finds the
others only when asked, from the last start it knows: typing in one place
costs each keystroke a line or two of scanning, wherever it is in the buffer.
Lines break at ``\\n``, ``\\r\\n`` and ``\\r`` (``copydesk.lines``), as in LSP.
"""

from __future__ import annotations

import bisect

from copydesk.lines import next_line_end
from copydesk.server.positions import Encoding, prefix_within


class EditableText:
    """A buffer's text and the starts of lines known to be unchanged."""

    __slots__ = ("_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        #: Starts of lines 0..k, all valid in ``text``; more are found on demand.
        self._starts = [0]

    def _line_start(self, line: int) -> int | None:
        """Where 0-based ``line`` starts; None past the last line."""
        starts, text = self._starts, self.text
        while len(starts) <= line:
            end, following = next_line_end(text, starts[-1], len(text))
            if following == end:  # the last line has no break after it
                return None
            starts.append(following)
        return starts[line]

    def offset(self, line: int, character: int, encoding: Encoding) -> int:
        """The code-point offset of an LSP position, clamped as LSP says (as
        ``PositionIndex.offset``): a line past the end is the end of the
        text, a character past the line's end is the end of the line."""
        if line < 0:
            return 0
        start = self._line_start(line)
        if start is None:
            return len(self.text)
        end, _ = next_line_end(self.text, start, len(self.text))
        return start + prefix_within(self.text[start:end], character, encoding)

    def replace(self, start: int, end: int, new: str) -> None:
        """Put ``new`` in place of ``text[start:end]``.

        A line start before ``start`` stays one (the characters that make it,
        a break just before it, are unchanged); one at ``start`` may not (a
        ``\\n`` inserted after a ``\\r`` joins its break), so it goes too.
        """
        text = self.text
        self.text = "".join((text[:start], new, text[end:]))
        del self._starts[max(1, bisect.bisect_left(self._starts, start)) :]

    def reset(self, text: str) -> None:
        """The whole text replaced."""
        self.text = text
        self._starts = [0]
