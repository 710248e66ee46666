"""A large Markdown text read by two processes: a forked child reads the
second half while this process reads the first.

The window reader (:func:`copydesk.markup.markdown.read_windows`) reads a
text piece after piece, each cut where a top-level block starts after a
blank line, and a piece's cut decides where the next begins. Any such break
is a valid cut, not only a window's last: the parser's state is empty there.
So a child can start at a likely break past the middle while this process
reads up to it, and the two halves are the whole text's pieces if this
process, reading, finds that place to be a break and cuts there. If it does
not (the guess was inside a fence, say), it reads on to the end and the
child's pieces are dropped; if the child fails or is far slower, this
process reads the second half itself. The pieces are then settled and
joined as always, so the view is the whole read's, split or not.

Only the start of the reading is shared: settling links and footnotes
between pieces, joining them and the line index stay in one process.
Imported only to read a large text with more than one process allowed: a
one-file run never loads it, nor the fork machinery it needs.
"""

import pickle
import time
from array import array
from typing import Any

from copydesk import forked
from copydesk.lazy_patterns import later_re
from copydesk.markup import _ENDS, _KINDS, _STARTS, make_blocks
from copydesk.markup.markdown import _Closers, _inside, _Part, _parts

#: A line after a blank line (LF or CRLF) that starts with a letter or a
#: heading mark: almost always a top-level block, so a likely break to split
#: a read at.
_LIKELY_START = later_re(r"\n\r?\n(?=#|[^\W\d_])")
#: A line that opens or closes a fenced code block (indented up to three).
_FENCE = later_re(r"(?m)^ {0,3}(?:`{3,}|~{3,})")


def split_parts(
    text: str, size: int, bodies: list[tuple[int, int]], closers: _Closers
) -> list[tuple[int, _Part]] | None:
    """The pieces of ``text`` as :func:`~copydesk.markup.markdown._parts`
    reads them whole, not yet settled, its second half read by a forked child
    from a likely break; None when no child can be made here or no such
    break is found (the caller then reads alone)."""
    if not forked.can_fork():
        return None
    until = likely_break(text, bodies, len(text) // 2)
    if until is None:
        return None
    try:
        child = forked.start(lambda: packed(_parts(text, size, bodies, closers, until)))
    except OSError:
        return None
    try:
        began = time.monotonic()
        head = _parts(text, size, bodies, closers, 0, until)
        if not head or head[-1][0] + len(head[-1][1].prose) != until:
            return head  # read to the end here: it did not cut where the child began
        waited = child.result(forked.patience(began))
        tail = unpacked(waited) if isinstance(waited, list) else None
        if tail is None:
            tail = _parts(text, size, bodies, closers, until)
        return head + tail
    finally:
        child.stop()


def likely_break(text: str, bodies: list[tuple[int, int]], near: int) -> int | None:
    """The first place from ``near`` on where a line after a blank line
    starts with a letter or ``#``, outside code template ``bodies`` and, as
    far as counting fence lines tells, outside fenced code; None if there is
    none before the last quarter of the text."""
    ends = [hi for _, hi in bodies]
    inside = len(_FENCE.findall(text, 0, near)) % 2
    last = near
    for m in _LIKELY_START.finditer(text, near, len(text) - len(text) // 4):
        place = m.end()
        inside = (inside + len(_FENCE.findall(text, last, place))) % 2
        last = place
        if not inside and not _inside(bodies, ends, place):
            return place
    return None


def packed(parts: list[tuple[int, _Part]]) -> bytes:
    """``parts`` pickled with their blocks as arrays of starts and ends and a
    tuple of kinds: a tenth of the time of pickling each Block (0.013 s
    against 0.09 s for half the 17 MB benchmark file), and as fast to load."""
    return pickle.dumps(
        [
            (
                offset,
                p.prose,
                array("q", map(_STARTS, p.blocks)),
                array("q", map(_ENDS, p.blocks)),
                tuple(map(_KINDS, p.blocks)),
                array("q", p.breaks),
                p[2:3] + p[4:],  # directives, broken, notes, named, openers
            )
            for offset, p in parts
        ],
        pickle.HIGHEST_PROTOCOL,
    )


def unpacked(rows: list[Any]) -> list[tuple[int, _Part]] | None:
    """The pieces :func:`packed` wrote (None if ``rows`` are not such)."""
    try:
        return [
            (
                offset,
                _Part(
                    prose,
                    tuple(make_blocks(zip(starts, ends, kinds, strict=True))),
                    rest[0],
                    tuple(breaks),
                    *rest[1:],
                ),
            )
            for offset, prose, starts, ends, kinds, breaks, rest in rows
        ]
    except (TypeError, ValueError):
        return None
