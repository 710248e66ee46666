"""Vale alerts as copydesk Findings, for copydesk's reporters.

``--output`` keeps Vale's own formats byte for byte, which is what makes the
switch a one-line change in CI. ``--format`` instead hands the same alerts,
as :class:`copydesk.model.Finding` values, to copydesk's reporters (SARIF for
code scanning, GitHub annotations, JUnit, checkstyle, copydesk's JSON). A
Finding needs offsets: they are computed from Vale's line and column in the
file's text; the end is the match's length on that line. An alert's action
suggestions become the finding's suggestions (never a fix: Vale's actions
are hints, not edits copydesk could apply safely).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from copydesk import __version__
from copydesk.model import Finding, Severity
from copydesk.report import ReportContext, render
from copydesk.vale.gostr import split_after
from copydesk.vale.model import Alert, LintFile
from copydesk.vale.output import sorted_alerts

__all__ = ["as_finding", "render_findings"]

_SEVERITY = {
    "suggestion": Severity.SUGGESTION,
    "warning": Severity.WARNING,
    "error": Severity.ERROR,
}


def as_finding(alert: Alert, path: str, lines: Sequence[str]) -> Finding:
    """The Finding for one placed alert in a file of ``lines``."""
    row = min(max(alert.line, 1), max(len(lines), 1))
    line_text = lines[row - 1] if lines else ""
    col = max(alert.span[0], 1)
    start_of_line = sum(len(text) for text in lines[: row - 1])
    length = len(alert.match) if alert.match else 1
    end_col = min(col + length, len(line_text.rstrip("\n")) + 1)
    end_col = max(end_col, col)
    suggestions = tuple(alert.action.params) if alert.action.name == "replace" else ()
    return Finding(
        rule=alert.check,
        severity=_SEVERITY.get(alert.severity, Severity.WARNING),
        message=alert.message,
        path=path,
        start=start_of_line + col - 1,
        end=start_of_line + end_col - 1,
        line=row,
        col=col,
        end_line=row,
        end_col=end_col,
        match=alert.match,
        suggestions=suggestions,
    )


def findings(files: Sequence[LintFile]) -> list[Finding]:
    """Every alert of every file as a Finding, sorted as copydesk sorts."""
    out: list[Finding] = []
    for file in files:
        lines = split_after(file.source)
        out.extend(as_finding(alert, file.path, lines) for alert in sorted_alerts(file))
    return sorted(out, key=lambda f: f.sort_key)


def render_findings(files: Sequence[LintFile], name: str) -> str:
    """Print the alerts with copydesk's ``name`` reporter (ValueError if
    unknown)."""
    context = ReportContext(
        version=__version__,
        cwd=str(Path.cwd()),
        rules={},
        sources={file.path: file.source for file in files},
        files=[file.path for file in files],
    )
    return render(name, findings(files), context)
