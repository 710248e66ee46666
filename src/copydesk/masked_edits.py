"""Whether an edit would change a masked character of a document.

A reader masks what is not prose (code, URLs, link targets, tags and their
attributes, front matter, shortcodes, reST literals, roles and options) by
showing a space where the source has something else; line breaks are kept.
Copydesk promises that no fix, safe or unsafe, changes a masked byte. Checks
find in the prose view, but a fix may still reach into a mask: an artifact
line's removal takes the whole source line, URL or ``<pre>`` opener included.
The engine asks :func:`changes_a_mask` of every edit and withdraws a fix that
would (see ``engine.keep_masks``).

A mask is read as a span: from a masked character to the last one on its
line that only white space separates from it (the space inside ``<a href``
is the tag's). Replacing or deleting any character of a span changes it, and
so does an insertion strictly inside one; an edit may touch a span's edges.
Deleting a span whole counts too (``Read more: https://…`` loses its URL): a
URL or code line is the author's, not debris. The one deletion allowed is of
whole lines whose only masked characters are their own container markers
(``> > Share this article``, ``- Related:``), which the Markdown reader masks
as structure: the artifact line goes with its quote or list marker.

Each edit costs a comparison of its own slice of the text and prose views
and, at its edges, a walk over the white space there: no index of the masks
is built, which on a 17 MB file would cost more than the few edits it serves.
"""

from __future__ import annotations

from typing import Final

from copydesk.model import Edit

#: White space the reST reader shows as a plain space (docutils reads VT and
#: FF as spaces, NEL, LS, PS, FS, GS and RS as line breaks): read, not masked.
_SHOWN_AS_SPACE: Final = frozenset("\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
#: What a line's container markers are made of: quote ``>``, bullets, numbers.
_MARKER_CHARS: Final = frozenset(">-*+.)0123456789 \t")
_LINE_BREAKS: Final = "\r\n"


def _hidden(source: str, shown: str) -> bool:
    """Whether a character of the source, shown as ``shown``, is masked."""
    return shown == " " != source and source not in _SHOWN_AS_SPACE


def _masked(text: str, prose: str, i: int) -> bool:
    return _hidden(text[i], prose[i])


def _inner_space(char: str) -> bool:
    """White space that may sit inside a mask: any but a line break."""
    return char.isspace() and char not in _LINE_BREAKS


def _reaches_mask(text: str, prose: str, i: int, step: int) -> bool:
    """Whether a masked character lies from ``i`` on (by ``step``) with only
    unmasked inner white space before it."""
    while 0 <= i < len(text):
        if _masked(text, prose, i):
            return True
        if not _inner_space(text[i]):
            return False
        i += step
    return False


def _covered(text: str, prose: str, i: int) -> bool:
    """Whether character ``i`` belongs to a masked span."""
    if not 0 <= i < len(text):
        return False
    if _masked(text, prose, i):
        return True
    return (
        _inner_space(text[i])
        and _reaches_mask(text, prose, i - 1, -1)
        and _reaches_mask(text, prose, i + 1, 1)
    )


def _whole_lines(text: str, edit: Edit) -> bool:
    starts_a_line = edit.start == 0 or text[edit.start - 1] in _LINE_BREAKS
    ends_a_line = edit.end == len(text) or text[edit.end - 1] in _LINE_BREAKS
    return starts_a_line and ends_a_line


def changes_a_mask(text: str, prose: str, edit: Edit) -> bool:
    """Whether applying ``edit`` to ``text`` changes a masked character
    (``prose`` is the document's prose view, as long as ``text``).

    An edit out of the text's bounds is left to the fix run, which drops it.
    """
    start, end = edit.start, edit.end
    if not 0 <= start <= end <= len(text):
        return False
    if start == end:
        return _covered(text, prose, start - 1) and _covered(text, prose, start)
    source, shown = text[start:end], prose[start:end]
    if source != shown:
        masked = [c for c, p in zip(source, shown, strict=True) if _hidden(c, p)]
        if masked:
            deletes_own_markers = (
                not edit.replacement
                and _whole_lines(text, edit)
                and _MARKER_CHARS.issuperset(masked)
            )
            return not deletes_own_markers
    # No masked character inside: only the white space within a span is left.
    return _covered(text, prose, start)
