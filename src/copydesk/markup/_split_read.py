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
from copydesk.lines import LineIndex, line_starts
from copydesk.markup import _ENDS, _KINDS, _STARTS, make_blocks
from copydesk.markup.markdown import (
    Reread,
    _inside,
    _Part,
    _parts,
    links_in,
    rereads,
)

#: A line after a blank line (LF or CRLF) that starts with a letter or a
#: heading mark: almost always a top-level block, so a likely break to split
#: a read at.
_LIKELY_START = later_re(r"\n\r?\n(?=#|[^\W\d_])")
#: A line that opens or closes a fenced code block (indented up to three),
#: with the line feed before it: a search for a literal LF runs in C, where
#: ``(?m)^`` was tried at every character (0.05 s against 0.015 s over half
#: the 17 MB benchmark file, all of it before the child starts).
_FENCE = later_re(r"\n {0,3}(?:`{3,}|~{3,})")
#: A fence line at the text's start, where no line feed comes before it.
_FIRST_FENCE = later_re(r" {0,3}(?:`{3,}|~{3,})")


#: A split read: the pieces, the link labels they define and the pieces
#: read again with those of their half (both None where not found).
Split = tuple[list[tuple[int, _Part]], set[str] | None, dict[int, Reread] | None]


def split_parts(
    text: str,
    size: int,
    bodies: list[tuple[int, int]],
    lines: LineIndex | None = None,
) -> Split | None:
    """The pieces of ``text`` as :func:`~copydesk.markup.markdown._parts`
    reads them whole, not yet settled, its second half read by a forked child
    from a likely break, with the link labels they define and the pieces
    read again with their half's; None when no child can be made here or no
    such break is found (the caller then reads alone).

    Each process also does, for its half, the work that followed the read
    in this process alone: the labels its pieces define (what
    :func:`~copydesk.markup.markdown._links_defined` finds), its pieces that
    leave open a reference to one of them read again
    (:func:`~copydesk.markup.markdown.rereads`: kept where the other half's
    labels change no answer) and, given the text's ``lines``, its half of
    the line index, which ``lines`` then adopts. On the 17 MB benchmark file
    that was 0.25 s after both halves were read, now 0.12 s in each process
    meanwhile."""
    if not forked.can_fork():
        return None
    until = likely_break(text, bodies, len(text) // 2)
    if until is None:
        return None
    indexed = lines is not None
    try:
        child = forked.start(
            lambda: _second_half(text, size, bodies, until, indexed=indexed)
        )
    except OSError:
        return None
    try:
        began = time.monotonic()
        head = _parts(text, size, bodies, 0, until)
        if not head or head[-1][0] + len(head[-1][1].prose) != until:
            return head, None, None  # read to the end: not cut where the child began
        ends = _ends(head, until)
        labels = links_in(text, head, ends, bodies)
        early = rereads(text, head, ends, bodies, labels)
        starts = line_starts(text, 0, until) if indexed else None
        tail = _received(child.result(forked.patience(began)))
        if tail is None:
            return head + _parts(text, size, bodies, until), None, None
        parts, tail_starts, tail_labels, tail_early = tail
        if lines is not None and starts is not None and tail_starts is not None:
            starts.pop()  # ``until``, where the child's half begins
            starts.extend(tail_starts)
            lines.adopt(starts)
        return head + parts, labels | tail_labels, early | tail_early
    finally:
        child.stop()


def _second_half(
    text: str,
    size: int,
    bodies: list[tuple[int, int]],
    until: int,
    *,
    indexed: bool,
) -> bytes:
    """The child's work: the pieces from ``until``, the link labels they
    define, those read again with them and (if ``indexed``) the line starts
    from ``until``, packed."""
    parts = _parts(text, size, bodies, until)
    ends = _ends(parts, len(text))
    labels = links_in(text, parts, ends, bodies)
    early = rereads(text, parts, ends, bodies, labels)
    starts = line_starts(text, until) if indexed else None
    return packed(parts, starts, labels, early)


def _ends(parts: list[tuple[int, _Part]], stop: int) -> list[int]:
    """Where each of the consecutive ``parts`` ends, the last at ``stop``."""
    return [start for start, _ in parts[1:]] + [stop]


def _received(
    waited: object,
) -> (
    tuple[list[tuple[int, _Part]], "array[int] | None", set[str], dict[int, Reread]]
    | None
):
    """What the child :func:`packed` (None if it sent nothing, or not that)."""
    if not (isinstance(waited, tuple) and len(waited) == _PACKED):
        return None
    rows, starts, labels, early_rows = waited
    if not isinstance(rows, list) or not isinstance(labels, set):
        return None
    if starts is not None and not isinstance(starts, array):
        return None
    parts = unpacked(rows)
    early = _rereads_unpacked(early_rows)
    if parts is None or early is None:
        return None
    return parts, starts, labels, early


def _rereads_unpacked(rows: object) -> dict[int, Reread] | None:
    """The pieces read again that :func:`packed` wrote (None if not such)."""
    if not isinstance(rows, list):
        return None
    try:
        read = _unpacked([row[0] for row in rows])
        if read is None:
            return None
        return {
            offset: Reread(part, frozenset(row[1]), frozenset(row[2]))
            for (offset, part), row in zip(read, rows, strict=True)
        }
    except (TypeError, ValueError, IndexError):
        return None


def likely_break(text: str, bodies: list[tuple[int, int]], near: int) -> int | None:
    """The first place from ``near`` on where a line after a blank line
    starts with a letter or ``#``, outside code template ``bodies`` and, as
    far as counting fence lines tells, outside fenced code; None if there is
    none before the last quarter of the text."""
    ends = [hi for _, hi in bodies]
    inside = _fences(text, 0, near) % 2
    last = near
    for m in _LIKELY_START.finditer(text, near, len(text) - len(text) // 4):
        place = m.end()
        inside = (inside + _fences(text, last, place)) % 2
        last = place
        if not inside and not _inside(bodies, ends, place):
            return place
    return None


def _fences(text: str, start: int, stop: int) -> int:
    """How many fence lines start in ``text[start:stop]`` and end by
    ``stop``: a line starts after a line feed, so one at ``start`` is
    counted from the line feed before it (the count of ``(?m)^`` fences
    found from ``start``, which match there only after a line feed)."""
    if not start:
        first = _FIRST_FENCE.match(text, 0, stop) is not None
        return first + len(_FENCE.findall(text, 0, stop))
    return len(_FENCE.findall(text, start - 1, stop))


#: What :func:`packed` holds: the pieces' rows, line starts, link labels
#: and the pieces read again.
_PACKED = 4


def packed(
    parts: list[tuple[int, _Part]],
    starts: "array[int] | None",
    labels: set[str],
    early: dict[int, Reread],
) -> bytes:
    """``parts`` pickled with their blocks as arrays of starts and ends and a
    tuple of kinds: a tenth of the time of pickling each Block (0.013 s
    against 0.09 s for half the 17 MB benchmark file), and as fast to load;
    with the line ``starts``, link ``labels`` and pieces read again
    (``early``) of the same half."""
    rows = [_row(offset, p) for offset, p in parts]
    early_rows = [
        (_row(offset, read.part), read.asked, read.defined)
        for offset, read in early.items()
    ]
    return pickle.dumps((rows, starts, labels, early_rows), pickle.HIGHEST_PROTOCOL)


def _row(offset: int, p: _Part) -> tuple[Any, ...]:
    """One piece as :func:`packed` writes it."""
    return (
        offset,
        p.prose,
        array("q", map(_STARTS, p.blocks)),
        array("q", map(_ENDS, p.blocks)),
        tuple(map(_KINDS, p.blocks)),
        array("q", p.breaks),
        p[2:3] + p[4:],  # directives, broken, notes, named
    )


def unpacked(rows: list[Any]) -> list[tuple[int, _Part]] | None:
    """The pieces :func:`packed` wrote (None if ``rows`` are not such)."""
    return _unpacked(rows)


def _unpacked(rows: list[Any]) -> list[tuple[int, _Part]] | None:
    """The pieces of ``rows`` (:func:`_row`), None if they are not such."""
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
