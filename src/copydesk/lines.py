"""Line numbers of offsets: the one line index of copydesk.

A line ends at LF, CRLF or a lone CR. The document (a finding's line and
column), the markup readers (a directive's line) and the reporters (a fix's
region in SARIF) all ask this index, so the three can never disagree on where
a line starts. Offsets and columns are counted in code points.
"""

from __future__ import annotations

import bisect
import itertools
import operator
from array import array
from collections.abc import Iterable


def line_starts(text: str, start: int = 0, stop: int | None = None) -> array[int]:
    """Offsets where each line begins; CRLF, LF and lone CR all end a line.

    An ``array`` of machine integers: a file of millions of lines costs 4 bytes
    a line (8 past 4 G characters) instead of a Python int object and a list
    slot.

    With ``start`` and ``stop`` (each the text's end or a line's start, after
    a line feed), the lines of ``text[start:stop]`` only, with the text's
    offsets, the last one ``stop``'s: two processes that read a large text
    in halves index a half each, and the halves joined at the shared start
    are the whole text's index.
    """
    whole = len(text)
    if start or (stop is not None and stop < whole):
        text = text[start:stop]
    # Line k starts after the lengths of the k lines before it and their
    # k newlines.
    lengths = map(len, line_texts(text)[:-1])
    return array(
        _typecode(whole),
        map(
            operator.add,
            itertools.accumulate(lengths, initial=start),
            itertools.count(),
        ),
    )


def line_texts(text: str) -> list[str]:
    """The lines of ``text`` as the line index numbers them (CRLF, LF and a
    lone CR each end one), each as long as the index counts it: a CRLF
    ends its line with a space, a lone CR with nothing. Split in C (a walk
    over the characters in Python took 0.97 s on the 17 MB Markdown file
    with CRLF line ends, this 0.10)."""
    if "\r" in text:
        text = text.replace("\r\n", " \n").replace("\r", "\n")
    return text.split("\n")


#: An unsigned ``array`` type of at least 4 bytes (C's int is, in practice).
_OFFSETS_32 = "I" if array("I").itemsize >= 4 else "L"


def _typecode(length: int) -> str:
    """The ``array`` type of the offsets of a text of ``length`` characters:
    4 bytes where they fit (below 4 G characters), 8 beyond."""
    return _OFFSETS_32 if length < 1 << 32 else "q"


def offsets(values: Iterable[int], length: int) -> array[int]:
    """``values``, offsets into a text of ``length`` characters, in an array
    of 4-byte items (8 past 4 G characters) instead of a tuple of ints."""
    return array(_typecode(length), values)


def next_line_end(text: str, pos: int, stop: int) -> tuple[int, int]:
    """(end of the line's content, start of the next line) from ``pos``,
    looking no further than ``stop``.

    A CR is looked for only before the LF: searching the rest of a text with
    no CR at all, once per line, made a line walk quadratic in the text.
    """
    lf = text.find("\n", pos, stop)
    cr = text.find("\r", pos, stop if lf < 0 else lf)
    if cr >= 0:
        nxt = cr + 2 if text.startswith("\r\n", cr) else cr + 1
        return cr, nxt
    if lf >= 0:
        return lf, lf + 1
    return stop, stop


def line_start(text: str, pos: int) -> int:
    """Where the line holding ``pos`` begins: after its line feed."""
    return text.rfind("\n", 0, pos) + 1


def line_end(text: str, pos: int) -> int:
    """Where the line holding ``pos`` ends: its line feed, or the text's end."""
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def line_around(text: str, start: int, end: int, reach: int) -> tuple[int, int]:
    """The line holding ``start:end``, cut to ``reach`` characters on each
    side: the context of a word read on its line, at a bounded cost however
    long the line (a paragraph with its breaks stripped is one line)."""
    near = max(0, start - reach)
    lo = max(text.rfind("\n", near, start) + 1, near)
    hi = text.find("\n", end, end + reach)
    return lo, min(len(text), end + reach) if hi < 0 else hi


def opening_line(text: str, pos: int, lo: int = 0) -> int | None:
    """Where the line of ``pos`` starts (not before ``lo``) when only spaces
    and tabs stand before ``pos`` on it, else None. Read back over those
    spaces only: on a line of a megabyte, asked for every mark or word on
    it, a slice back to the line's start made the walk quadratic. A line
    starts after an LF here, as the prose views that ask end their lines."""
    start = pos
    while start > lo and text[start - 1] in " \t":
        start -= 1
    return start if start == lo or text[start - 1] == "\n" else None


#: Questions answered by counting newlines before the index is built.
_COUNTED = 8


class LineIndex:
    """1-based lines and code-point columns of one text's offsets.

    The starts are indexed when first needed: most documents have no finding,
    and building the index was a twentieth of a corpus run. The first few
    questions on text without a CR are answered by counting newlines in C,
    which beats building the index for a document with one or two findings.
    """

    __slots__ = ("_counted", "_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: array[int] | None = None
        self._counted = 0

    @property
    def starts(self) -> array[int]:
        """Where each line begins (offset 0 is always the first)."""
        if self._starts is None:
            self._starts = line_starts(self.text)
        return self._starts

    def adopt(self, starts: array[int]) -> None:
        """Take ``starts`` (:func:`line_starts` of the text) as the index,
        unless it is built: the Markdown reader that splits a large text
        between two processes indexes it in halves meanwhile, instead of
        once whole in one process after both are done."""
        if self._starts is None:
            self._starts = starts

    def __len__(self) -> int:
        """How many lines the text has (an empty text has one, empty)."""
        return len(self.starts)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and code-point column of ``offset``."""
        if self._starts is None and self._counted < _COUNTED and "\r" not in self.text:
            self._counted += 1
            text = self.text
            line_start = text.rfind("\n", 0, offset) + 1
            return text.count("\n", 0, line_start) + 1, offset - line_start + 1
        starts = self.starts
        index = bisect.bisect_right(starts, offset) - 1
        return index + 1, offset - starts[index] + 1

    def line(self, offset: int) -> int:
        """The 1-based line holding ``offset``."""
        return self.line_col(offset)[0]

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based ``line``."""
        return self.starts[line - 1]

    def line_bounds(self, line: int) -> tuple[int, int]:
        """(start, end) of 1-based ``line`` without its line break."""
        start = self.starts[line - 1]
        end, _ = next_line_end(self.text, start, len(self.text))
        return start, end
