"""The default, human format: a header per finding, its source line and a caret.

Header lines keep the ``path:line:col: level rule message`` shape that editors
and ``grep`` understand; the snippet below is for the eye. The caret line
copies the tabs of the source line and counts wide (CJK) characters as two
cells, so the caret sits under the match in a terminal.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from copydesk.model import Severity
from copydesk.report._common import plural, severity_counts, split_lines

if TYPE_CHECKING:
    from copydesk.model import Finding
    from copydesk.report import ReportContext

RESET = "\x1b[0m"
BOLD = "\x1b[1m"
GUTTER = "\x1b[1;34m"
LEVEL_COLORS = {
    Severity.ERROR: "\x1b[1;31m",
    Severity.WARNING: "\x1b[1;33m",
    Severity.SUGGESTION: "\x1b[1;36m",
}

# Characters that would let a linted file drive the terminal or reorder the
# displayed line (bidi overrides, "Trojan Source"); shown as U+FFFD instead.
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e") | {
    chr(c) for c in range(0x2066, 0x206A)
}


def render(findings: Sequence[Finding], ctx: ReportContext) -> str:
    """All findings with snippets, then a summary line (always, even when clean)."""
    lines: dict[str, list[str]] = {}
    out: list[str] = []
    for finding in findings:
        source = ctx.sources.get(finding.path)
        if source is not None and finding.path not in lines:
            lines[finding.path] = split_lines(source)
        out.append(_finding(finding, lines.get(finding.path), ctx.color))
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
    out = [_paint(BOLD, head, ctx.color)]
    safe = sum(1 for f in findings if f.fix is not None and f.fix.is_safe)
    unsafe = sum(1 for f in findings if f.fix is not None and not f.fix.is_safe)
    if safe or unsafe:
        line = f"[*] {safe} fixable with `copydesk fix`"
        if unsafe:
            line += f" ({unsafe} more with `copydesk fix --unsafe-fixes`)"
        out.append(line + ".")
    return "\n".join(out) + "\n"


def _finding(finding: Finding, source: list[str] | None, color: bool) -> str:
    level = finding.severity.label
    message = "\n    ".join(_printable(x) for x in split_lines(finding.message))
    head = (
        f"{_paint(BOLD, finding.path, color)}:{finding.line}:{finding.col}: "
        f"{_paint(LEVEL_COLORS[finding.severity], level, color)} "
        f"{finding.rule} {message}"
    )
    if source is None or not 1 <= finding.line <= len(source):
        return head + "\n"
    text = _printable(source[finding.line - 1])
    start = max(finding.col - 1, 0)
    stop = finding.end_col - 1 if finding.end_line == finding.line else len(text)
    prefix = "".join(
        "\t" if ch == "\t" else " " * _width(ch) for ch in text[:start]
    ) + " " * max(start - len(text), 0)
    span = sum(_width(ch) for ch in text[start:stop])
    caret = "^" + "~" * (span - 1) if span > 1 else "^"
    number = str(finding.line)
    pad = " " * len(number)
    gutter = _paint(GUTTER, f"{number} |", color)
    blank = _paint(GUTTER, f"{pad} |", color)
    mark = _paint(LEVEL_COLORS[finding.severity], caret, color)
    return f"{head}\n  {gutter} {text}\n  {blank} {prefix}{mark}\n"


def _width(ch: str) -> int:
    """Terminal cells ``ch`` takes: 0 for combining marks, 2 for wide characters."""
    if unicodedata.combining(ch) or unicodedata.category(ch) == "Cf":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def _printable(text: str) -> str:
    """``text`` with control and bidi characters (bar tab and LF) made visible."""
    return "".join(
        "\ufffd"
        if ch in _BIDI_CONTROLS
        or (ch not in "\t\n" and unicodedata.category(ch) == "Cc")
        else ch
        for ch in text
    )


def _paint(code: str, text: str, color: bool) -> str:
    return f"{code}{text}{RESET}" if color else text
