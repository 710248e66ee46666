"""Where a document's masks are, read from its prose view alone.

A reader masks what is not prose (code, URLs and link targets, tags and
attributes, front matter, shortcodes and template tags, reST literals, roles
and directive options) by putting a space where the source has anything but
a line break. So the masked characters are those the prose view shows as a
space where the source has something else; a run of them, with the white
space between two of them on the same line, is one masked span. A character
reference (``&eacute;``) is not a mask: the prose view shows its decoded
character, padded with ``FILLER``.
"""

from __future__ import annotations

from collections.abc import Iterable

from copydesk.model import Edit

#: White space and line breaks the reST reader shows as a space, as docutils
#: reads them (``string2lines``: VT and FF as spaces; NEL, LS, PS and the
#: information separators FS, GS, RS as line breaks, where copydesk's lines
#: do not break): a space of the prose, not a mask, unless it stands inside one.
_READ_AS_SPACE = frozenset("\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
#: White space a mask may hold, between two masked characters of one line.
_INNER_SPACE = frozenset(" \t\u00a0\u3000\u2000\u2001\u2002\u2003\u2009")
_INNER_SPACE |= _READ_AS_SPACE


def masked_spans(text: str, prose: str) -> list[tuple[int, int]]:
    """The masked spans of ``text`` as (start, end), in order, disjoint."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    last = -1  # the last masked character of the current span
    for i, (source, shown) in enumerate(zip(text, prose, strict=True)):
        if shown == " " != source and source not in _READ_AS_SPACE:
            if start is None:
                start = i
            last = i
        elif start is not None and source not in _INNER_SPACE:
            spans.append((start, last + 1))
            start = None
    if start is not None:
        spans.append((start, last + 1))
    return spans


def edit_inside(edit: Edit, spans: Iterable[tuple[int, int]]) -> tuple[int, int] | None:
    """The masked span ``edit`` would change a character of, if any.

    A replacement may end where a mask begins or begin where it ends; an
    insertion may sit at either edge of a mask, not inside it.
    """
    for start, end in spans:
        if edit.start == edit.end:
            if start < edit.start < end:
                return start, end
        elif edit.start < end and start < edit.end:
            return start, end
    return None


#: What a line's container markers are made of: a quote's ``>``, a list
#: item's bullet or number, and the space between them.
_MARKERS = frozenset(">-*+.)0123456789 \t")


def takes_its_markers(text: str, edit: Edit, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether ``edit`` deletes whole lines whose only masked characters are
    their container markers ("> > Share this article", "- Share this
    article"): an artifact line is removed with the quote or list marker
    that is that line's own, not a construct beside it."""
    if edit.replacement or edit.start == edit.end:
        return False
    if edit.start > 0 and text[edit.start - 1] not in "\r\n":
        return False
    if edit.end < len(text) and text[edit.end - 1] not in "\r\n":
        return False
    return all(
        _MARKERS.issuperset(text[max(start, edit.start) : min(end, edit.end)])
        for start, end in spans
        if start < edit.end and edit.start < end
    )


def offset_inside(offset: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether ``offset`` is a masked character."""
    return any(start <= offset < end for start, end in spans)
