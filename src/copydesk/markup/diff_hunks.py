"""A unified diff pasted into plain text: code, not prose.

A patch saved as ``.txt`` (a mailing-list post, a security advisory's fix)
holds program text whose quotes, doubled words and identifiers are no
writer's slips: ``"<A HREF=\\"", r->uri`` in a C string is no unmatched
quotation. Plain text has no syntax for code, so the reader masks what is
unmistakably a diff: each hunk, from its ``@@ -a,b +c,d @@`` line through
the lines its counts cover (context, removed and added lines, and "\\ No
newline" notes), with the ``---``/``+++`` file header right above it and the
``diff``/``Index:`` lines that lead into that header. The counts bound a
hunk exactly, so the prose after a patch is read again, and a line that
starts with ``+`` or ``-`` in prose (a list, a sign) is never taken for one.
"""

from __future__ import annotations

from copydesk.lazy_patterns import later_re
from copydesk.lines import line_start, next_line_end

#: A hunk's header: old and new start lines with optional counts.
_HUNK = later_re(r"@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@")
#: The lines that lead into a file's header in git, CVS and diff -u output.
_LEAD = ("diff ", "index ", "Index: ", "=====", "RCS file: ", "retrieving revision ")


def hunk_spans(text: str) -> list[tuple[int, int]]:
    """The spans (line starts to the end of the last line, its line feed
    included) of the diff hunks of ``text``, with their file headers."""
    if "@@ -" not in text:
        return []
    spans: list[tuple[int, int]] = []
    total = len(text)
    pos = text.find("@@ -")
    while pos != -1:
        # Only a hunk header at a line's start: looking back for the line of
        # every "@@ -" inside a long line was quadratic.
        at_start = pos == 0 or text[pos - 1] in "\r\n"
        line = pos
        end = _hunk_end(text, line, total) if at_start else None
        if end is None:
            pos = text.find("@@ -", pos + 4)
            continue
        start = _header_start(text, line)
        # A hunk right after another continues its span.
        while text.startswith("@@ -", end):
            following = _hunk_end(text, end, total)
            if following is None:
                break
            end = following
        if spans and spans[-1][1] >= start:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
        pos = text.find("@@ -", end)
    return spans


def _hunk_end(text: str, line: int, total: int) -> int | None:
    """The end of the hunk whose header starts at ``line``, or None when the
    line is not a hunk header."""
    header = _HUNK.match(text, line)
    if header is None:
        return None
    old = int(header.group(1) or 1)
    new = int(header.group(2) or 1)
    _, pos = next_line_end(text, line, total)
    while (old > 0 or new > 0) and pos < total:
        end, following = next_line_end(text, pos, total)
        if end == pos and not _goes_on(text, following, total):
            break  # a blank line the hunk's next line does not follow
        mark = text[pos] if end > pos else " "
        if mark == " ":
            old, new = old - 1, new - 1
        elif mark == "-":
            old -= 1
        elif mark == "+":
            new -= 1
        elif mark != "\\":
            break  # not a diff line: the hunk was cut short
        pos = following
    return pos


def _goes_on(text: str, pos: int, total: int) -> bool:
    """Whether the line at ``pos`` continues a hunk after a blank line: a
    context line or the next hunk's header. A removed or added line there
    may as well be a list item ("- fixed teh bug") after a trimmed hunk."""
    return pos < total and (text[pos] == " " or text.startswith("@@ -", pos))


def _header_start(text: str, line: int) -> int:
    """Where the file header above the hunk at ``line`` starts (``line``
    itself when there is none): a ``---`` line, a ``+++`` line, and the
    lead-in lines right above them."""
    plus = _line_before(text, line)
    minus = _line_before(text, plus) if plus is not None else None
    if (
        plus is None
        or minus is None
        or not text.startswith("+++ ", plus)
        or not text.startswith("--- ", minus)
    ):
        return line
    start = minus
    above = _line_before(text, start)
    while above is not None and text.startswith(_LEAD, above):
        start = above
        above = _line_before(text, start)
    return start


def _line_before(text: str, line: int) -> int | None:
    """The start of the line before the one starting at ``line``."""
    if line <= 0:
        return None
    return line_start(text, line - 1)
