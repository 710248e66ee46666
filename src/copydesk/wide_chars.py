"""Where a text goes beyond ASCII, found in C.

Several per-piece passes need the characters of a prose beyond ASCII: the
lexicon's word pattern spells out the wide letters a piece holds, the places
pass and the document language look for the few characters that join no
word. ``set(text)`` reads every character of a megabyte piece into a set
(about 6 ms a megabyte, four times over the 8 MB news benchmark), yet an
English prose holds a few wide characters in a thousand. Encoded to ASCII
with ``?`` for each of them (one byte a character, so offsets stay), they
are where the ``?`` are, found by a ``split`` and running sums in C; the
question marks the text really holds are then told apart, also in C.
"""

from __future__ import annotations

import itertools
import operator


def ascii_view(text: str) -> bytes:
    """``text`` one byte a character: ASCII as it is, ``?`` for the rest."""
    return text.encode("ascii", "replace")


def wide_places(text: str, view: bytes) -> list[int]:
    """Where ``text`` holds a character beyond ASCII, in order (``view``:
    its ``ascii_view``): the k-th ``?`` of the view stands after k of them
    and the parts before it, summed in C."""
    parts = view.split(b"?")
    marks = list(
        map(
            operator.add,
            itertools.accumulate(map(len, parts[:-1])),
            itertools.count(),
        )
    )
    if "?" not in text:
        return marks
    wide = map("?".__ne__, map(text.__getitem__, marks))
    return list(itertools.compress(marks, wide))


def wide_characters(text: str) -> frozenset[str]:
    """The distinct characters of ``text`` beyond ASCII."""
    if text.isascii():
        return frozenset()
    return frozenset(map(text.__getitem__, wide_places(text, ascii_view(text))))
