"""reviewdog's diagnostic format (rdjson): one ``DiagnosticResult`` object.

reviewdog posts each diagnostic as a review comment on the lines a pull
request changed, and a diagnostic's ``suggestions`` as one-click suggested
changes; so each fix becomes one suggestion, its edits merged into a single
replacement of the span they cover (GitHub replaces whole lines, and two
suggestions on one line would each undo the other).

Positions follow reviewdog's proto: lines from 1, columns from 1 counted in
UTF-8 bytes, ends exclusive. copydesk counts code points, so every column
is converted from the source text; reviewdog parses strictly (protojson
rejects unknown fields), so only fields of its proto are written.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from copydesk.document import Document
from copydesk.model import Severity
from copydesk.report._common import relative_path

if TYPE_CHECKING:
    from copydesk.model import Finding, Fix
    from copydesk.report import ReportContext

SEVERITIES = {
    Severity.ERROR: "ERROR",
    Severity.WARNING: "WARNING",
    Severity.SUGGESTION: "INFO",
}


def render(findings: Sequence[Finding], ctx: ReportContext) -> str:
    """The run as one JSON document (reviewdog ``-f=rdjson``)."""
    from copydesk.report.json import dumps

    return dumps(diagnostic_result(findings, ctx))


def diagnostic_result(
    findings: Sequence[Finding], ctx: ReportContext
) -> dict[str, Any]:
    positions: dict[str, _Positions] = {}
    diagnostics = []
    for finding in findings:
        where = positions.get(finding.path)
        if where is None:
            where = positions[finding.path] = _Positions(ctx.sources.get(finding.path))
        diagnostics.append(_diagnostic(finding, ctx, where))
    return {"source": {"name": "copydesk"}, "diagnostics": diagnostics}


def _diagnostic(
    finding: Finding, ctx: ReportContext, where: _Positions
) -> dict[str, Any]:
    code: dict[str, str] = {"value": finding.rule}
    meta = ctx.rules.get(finding.rule)
    if meta is not None and meta.link:
        code["url"] = meta.link
    diagnostic: dict[str, Any] = {
        "message": finding.message,
        "location": {
            "path": relative_path(finding.path, ctx.cwd),
            "range": {
                "start": where.position(finding.start, finding.line, finding.col),
                "end": where.position(finding.end, finding.end_line, finding.end_col),
            },
        },
        "severity": SEVERITIES[finding.severity],
        "code": code,
    }
    if finding.fix is not None and finding.fix.edits:
        suggestion = where.suggestion(finding.fix)
        if suggestion is not None:
            diagnostic["suggestions"] = [suggestion]
    return diagnostic


class _Positions:
    """Code-point offsets of one source text as reviewdog's line and byte column."""

    def __init__(self, text: str | None) -> None:
        self.text = text
        self._doc = None if text is None else Document.plain(text)

    def position(self, offset: int, line: int, col: int) -> dict[str, int]:
        """``offset``, known to be at ``line``:``col`` in code points."""
        if self.text is None:
            # No source to measure (never so from the CLI): code points are
            # bytes for ASCII, the best guess left.
            return {"line": line, "column": col}
        line_start = offset - (col - 1)
        prefix = self.text[line_start:offset]
        return {"line": line, "column": len(_utf8(prefix)) + 1}

    def at(self, offset: int) -> dict[str, int]:
        assert self._doc is not None
        line, col = self._doc.line_col(offset)
        return self.position(offset, line, col)

    def suggestion(self, fix: Fix) -> dict[str, Any] | None:
        """One replacement for all the fix's edits (None without the source)."""
        if self.text is None:
            return None
        edits = sorted(fix.edits, key=lambda e: (e.start, e.end))
        start, end = edits[0].start, max(e.end for e in edits)
        parts = []
        pos = start
        for edit in edits:
            parts.append(self.text[pos : edit.start])
            parts.append(edit.replacement)
            pos = max(pos, edit.end)
        parts.append(self.text[pos:end])
        return {
            "range": {"start": self.at(start), "end": self.at(end)},
            "text": "".join(parts),
        }


def _utf8(text: str) -> bytes:
    # surrogatepass: a lone surrogate cannot come from a decoded file, but a
    # library caller's text may hold one; it still counts three bytes.
    return text.encode("utf-8", "surrogatepass")
