"""The default, human format: a header per finding, a window of its source, a caret.

Header lines keep the ``path:line:col: level rule message`` shape that editors
and ``grep`` understand, with ``[*]`` before the message when ``copydesk fix``
would change it (ruff's mark). The snippet below is for the eye, and is made
for prose: a paragraph is one source line, often thousands of characters, so
only a window of it around the match is shown, fitted to ``ctx.width`` with
``…`` where it is cut. Widths count terminal cells (wide CJK characters are
two, combining marks none) and tabs are expanded, so the caret sits under the
match in a terminal. Long messages wrap under the header.
"""

import bisect
import functools
import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

from copydesk.model import Finding, Severity
from copydesk.report import ReportContext
from copydesk.report._common import (
    FIXABLE,
    fixable,
    plural,
    severity_counts,
    split_lines,
)
from copydesk.report._fit import MIN_WIDTH, cell_width, cells, hanging, wrap

RESET = "\x1b[0m"
BOLD = "\x1b[1m"
GUTTER = "\x1b[1;34m"
LEVEL_COLORS = {
    Severity.ERROR: "\x1b[1;31m",
    Severity.WARNING: "\x1b[1;33m",
    Severity.SUGGESTION: "\x1b[1;36m",
}
ELLIPSIS = "…"
TAB_STOP = 4
#: Continuation lines of a wrapped message start this far in.
MESSAGE_INDENT = 4
#: Cells of context kept before a match too wide for the window.
LEAD_BEFORE_LONG_MATCH = 8
#: How far a cut may move to fall between words instead of inside one.
WORD_SNAP = 12

# Characters that would let a linted file drive the terminal or reorder the
# displayed line (bidi overrides, "Trojan Source"); shown as U+FFFD instead.
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e") | {
    chr(c) for c in range(0x2066, 0x206A)
}


def render(findings: Sequence[Finding], ctx: ReportContext) -> str:
    """All findings with snippets, then a summary line (even when clean, unless
    ``ctx.summary`` is off)."""
    lines: dict[str, list[str]] = {}
    out: list[str] = []
    for finding in findings:
        source = ctx.sources.get(finding.path)
        if source is not None and finding.path not in lines:
            lines[finding.path] = split_lines(source)
        out.append(_finding(finding, lines.get(finding.path), ctx))
    if ctx.summary:
        out.append(summary(findings, ctx))
    return "\n".join(out)


def summary(findings: Sequence[Finding], ctx: ReportContext) -> str:
    """``Found 3 findings (1 error, 2 warnings) in 2 of 4 files.`` plus fixes."""
    checked = len(ctx.files)
    if not findings:
        text = f"No findings in {plural(checked, 'file')}."
        return (_paint(BOLD, text, ctx.color)) + "\n"
    touched = len({f.path for f in findings})
    where = plural(touched, "file")
    if checked > touched:
        where = f"{touched} of {plural(checked, 'file')}"
    head = (
        f"Found {plural(len(findings), 'finding')} "
        f"({severity_counts(findings)}) in {where}."
    )
    out = [_paint(BOLD, _fit(head, ctx), ctx.color)]
    safe = sum(1 for f in findings if fixable(f))
    unsafe = sum(1 for f in findings if f.fix is not None and not f.fix.is_safe)
    if safe or unsafe:
        line = f"{FIXABLE} {safe} fixable with `copydesk fix`"
        if unsafe:
            line += f" ({unsafe} more with `copydesk fix --unsafe-fixes`)"
        out.append(_fit(line + ".", ctx))
    return "\n".join(out) + "\n"


def _fit(line: str, ctx: ReportContext) -> str:
    """A summary line wrapped to the width, continued under a small indent."""
    return hanging(line, ctx.width, first=0, indent=MESSAGE_INDENT)


def _finding(finding: Finding, source: list[str] | None, ctx: ReportContext) -> str:
    head = _header(finding, ctx)
    if source is None or not 1 <= finding.line <= len(source):
        return head + "\n"
    line = source[finding.line - 1]
    start = max(finding.col - 1, 0)
    stop = finding.end_col - 1 if finding.end_line == finding.line else len(line)
    number = str(finding.line)
    gutter_cells = len(number) + 5  # "  12 | "
    shown = window(line, start, stop, max(ctx.width, MIN_WIDTH) - gutter_cells)
    color = ctx.color
    gutter = _paint(GUTTER, f"{number} |", color)
    blank = _paint(GUTTER, f"{' ' * len(number)} |", color)
    mark = _paint(LEVEL_COLORS[finding.severity], shown.caret, color)
    return f"{head}\n  {gutter} {shown.text}\n  {blank} {' ' * shown.offset}{mark}\n"


def _header(finding: Finding, ctx: ReportContext) -> str:
    """``path:line:col: level rule [*] message``, the message wrapped to the width."""
    level = finding.severity.label
    where = f"{finding.line}:{finding.col}"
    rest = f"{finding.rule} {FIXABLE} " if fixable(finding) else f"{finding.rule} "
    used = cells(f"{finding.path}:{where}: {level} {rest}")
    parts: list[str] = []
    for paragraph in split_lines(finding.message):
        parts.extend(
            wrap(_printable(paragraph), ctx.width, first=used, indent=MESSAGE_INDENT)
        )
        used = MESSAGE_INDENT
    path = _paint(BOLD, finding.path, ctx.color)
    painted = _paint(LEVEL_COLORS[finding.severity], level, ctx.color)
    first = f"{path}:{where}: {painted} {rest}{parts[0]}".rstrip(" ")
    return ("\n" + " " * MESSAGE_INDENT).join([first, *parts[1:]])


class Window(NamedTuple):
    """What to print of one source line: the text, and the caret under the match."""

    text: str
    #: Cells before the caret.
    offset: int
    caret: str


def window(line: str, start: int, stop: int, budget: int) -> Window:
    """The part of ``line`` around ``line[start:stop]`` that fits ``budget`` cells.

    A line that fits is shown whole. Otherwise the match is centred when it
    fits (cuts fall between words where a word boundary is near), or shown
    from a little before its start when it does not; ``…`` marks each cut.
    ``start`` may lie past the end of the line (a finding at the line break).
    Only a stretch of a few windows around the match is measured, so a
    megabyte-long line costs no more per finding than a short one.
    """
    start = max(start, 0)
    stop = max(stop, start)
    near = 2 * budget
    a = max(0, min(start, len(line)) - near)
    b = min(len(line), min(stop, start + budget) + near)
    part = line[a:b]
    glyphs = _glyphs(part)
    edges = [0]
    for _, size in glyphs:
        edges.append(edges[-1] + size)
    first = min(start - a, len(glyphs))
    last = min(stop - a, len(glyphs))
    match_at = edges[first] + (start - a - first)
    if a == 0 and b == len(line) and edges[-1] <= budget and match_at < budget:
        lo, hi = 0, len(glyphs)
    else:
        lo, hi = _cut(part, edges, first, last, budget - 2)
    lead = ELLIPSIS if a + lo > 0 else ""
    tail = ELLIPSIS if a + hi < len(line) else ""
    text = "".join(glyph for glyph, _ in glyphs[lo:hi])
    visible = min(edges[last], edges[hi]) - edges[first] if last > first else 0
    caret = "^" + "~" * (visible - 1) if visible > 1 else "^"
    return Window(lead + text + tail, len(lead) + match_at - edges[lo], caret)


def _cut(
    line: str, edges: list[int], first: int, last: int, room: int
) -> tuple[int, int]:
    """Character bounds of a window of ``room`` cells around ``first:last``."""
    total = edges[-1]
    match_at, match_end = edges[first], edges[last]
    if match_end - match_at <= room:
        left = max(0, match_at - (room - (match_end - match_at)) // 2)
        left = max(0, min(left, total - room))
    else:
        left = max(0, match_at - LEAD_BEFORE_LONG_MATCH)
    right = left + room
    lo = min(bisect.bisect_left(edges, left), first)
    hi = bisect.bisect_right(edges, right) - 1
    # Cut between words where a space is near, never into the match.
    lo = _snap_forward(line, lo, first)
    if last <= hi:
        hi = _snap_back(line, hi, last)
    return lo, max(hi, lo)


def _snap_forward(line: str, lo: int, limit: int) -> int:
    """Move a left cut to just after the next space, if near and before ``limit``."""
    if lo == 0 or line[lo - 1] == " ":
        return lo
    space = line.find(" ", lo, min(lo + WORD_SNAP, limit))
    return space + 1 if space >= 0 else lo


def _snap_back(line: str, hi: int, limit: int) -> int:
    """Move a right cut back to the last space, if near and after ``limit``."""
    if hi >= len(line) or line[hi] == " ":
        return hi
    space = line.rfind(" ", max(hi - WORD_SNAP, limit), hi)
    return space if space >= 0 else hi


def _glyphs(line: str) -> list[tuple[str, int]]:
    """Each character of ``line`` as printed, with the cells it takes.

    Tabs become spaces to the next stop; control and bidi characters become
    U+FFFD, so a linted file cannot drive the terminal.
    """
    if "\t" not in line:  # no column-dependent glyph: each one on its own
        return list(map(_glyph, line))
    out: list[tuple[str, int]] = []
    column = 0
    for ch in line:
        if ch == "\t":
            size = TAB_STOP - column % TAB_STOP
            out.append((" " * size, size))
        else:
            out.append(_glyph(ch))
            size = out[-1][1]
        column += size
    return out


@functools.lru_cache(maxsize=4096)
def _glyph(ch: str) -> tuple[str, int]:
    """How one character other than a tab prints, and its cells (cached, as
    a report prints the same characters many times)."""
    if _hostile(ch):
        return "\ufffd", 1
    return ch, cell_width(ch)


def _hostile(ch: str) -> bool:
    return ch in _BIDI_CONTROLS or (ch != "\n" and unicodedata.category(ch) == "Cc")


def _printable(text: str) -> str:
    """``text`` with control and bidi characters made visible (tabs as spaces)."""
    return "".join(
        " " if ch == "\t" else "\ufffd" if _hostile(ch) else ch for ch in text
    )


def _paint(code: str, text: str, color: bool) -> str:
    return f"{code}{text}{RESET}" if color else text
