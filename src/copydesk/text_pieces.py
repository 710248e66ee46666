"""A long text in pieces that a tokeniser may read one at a time.

A whole-document pass that makes a list of every token (``findall``, a
capturing ``split``) holds a string per token at once: for a document of
many megabytes, more memory than the document itself, if only for a moment.
Read piece by piece, the tokens of each piece are dropped before the next
is read. A piece ends just after a space, so a pattern whose tokens hold no
space and whose look-arounds read at most one character beyond a space
(``word_guards.WORD``, ``translit``'s capitalised words) finds in the
pieces exactly the tokens it finds in the whole; or just after a line feed,
for a scan whose matches never hold one (``anchor_scan``'s line rules).
"""

from __future__ import annotations

from collections.abc import Iterator

#: Characters per piece: large enough that the calls per piece are noise.
PIECE = 1 << 20


def spaced_pieces(text: str, size: int = 0) -> Iterator[tuple[int, int]]:
    """``text`` as consecutive spans of about ``size`` characters (``PIECE``
    unless given), each but the last ending just after a space."""
    return _pieces(text, size, " ")


def line_pieces(text: str, size: int = 0) -> Iterator[tuple[int, int]]:
    """``text`` as consecutive spans of about ``size`` characters (``PIECE``
    unless given), each but the last ending just after a line feed."""
    return _pieces(text, size, "\n")


def _pieces(text: str, size: int, after: str) -> Iterator[tuple[int, int]]:
    size = size or PIECE
    start = 0
    while start < len(text):
        cut = text.find(after, start + size - 1)
        end = len(text) if cut == -1 else cut + 1
        yield start, end
        start = end
