"""Fitting prose to a terminal: widths in cells, and wrapping between words.

A paragraph of prose is one source line, often thousands of characters, and a
rule's message or description is a sentence or two. The human formats (text,
statistics, the rule table) fit both to ``ReportContext.width``, which the
CLI measures. Widths are counted in terminal cells, not code points: a CJK
character takes two cells, a combining accent none.
"""

from __future__ import annotations

import functools
import unicodedata

#: Narrower than this, wrapping makes output worse, not better.
MIN_WIDTH = 40
#: The width when nothing says otherwise (no ``COLUMNS``, no terminal).
DEFAULT_WIDTH = 100


# Cached: a report measures the same few hundred characters again and again
# (every finding's window of a long paragraph), and the lookup is three
# Unicode database queries.
@functools.lru_cache(maxsize=4096)
def cell_width(ch: str) -> int:
    """Terminal cells ``ch`` takes: 0 for combining marks, 2 for wide characters."""
    if unicodedata.combining(ch) or unicodedata.category(ch) == "Cf":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def cells(text: str) -> int:
    """Terminal cells ``text`` (one line, no tabs) takes."""
    if text.isascii() and text.isprintable():
        return len(text)
    return sum(map(cell_width, text))


def wrap(text: str, width: int, *, first: int = 0, indent: int = 0) -> list[str]:
    """``text`` broken between words into lines of at most ``width`` cells.

    ``first`` cells of the first line are already taken (a header before the
    text); later lines leave room for ``indent`` cells of hanging indent, which
    the caller adds. A word longer than a line (a URL, a path) is kept whole:
    cut, it could not be copied, and one long line is the lesser harm. Runs of
    white space become one space, as they would in a browser. When the first
    word does not fit after ``first`` cells, the first line is ``""``.
    """
    room = max(width, MIN_WIDTH)
    lines: list[str] = []
    current: list[str] = []
    used = first
    for word in text.split():
        size = cells(word)
        if (current and used + 1 + size > room) or (
            not current and not lines and used > indent and used + size > room
        ):
            # A full line; or a prefix that leaves no room for the first word,
            # which then starts the next line (the first line stays "").
            lines.append(" ".join(current))
            current, used = [], indent
        used += size + (1 if current else 0)
        current.append(word)
    lines.append(" ".join(current))
    return lines


def hanging(text: str, width: int, *, first: int, indent: int) -> str:
    """``text`` wrapped after a ``first``-cell prefix, continued under ``indent``.

    The result has no prefix itself: ``prefix + hanging(...)`` is the block.
    """
    pad = "\n" + " " * indent
    return pad.join(wrap(text, width, first=first, indent=indent))
