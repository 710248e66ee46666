"""GitHub Actions workflow commands: findings become annotations on the diff.

``::warning file=F,line=L,col=C,endLine=L,endColumn=C,title=RULE::message``.
Data is escaped as the runner unescapes it (``%``, CR, LF), properties also
``:`` and ``,``, which would otherwise end the property. Columns are dropped
when a finding spans lines: GitHub ignores or misplaces them there.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from copydesk.model import Severity
from copydesk.report._common import relative_path

if TYPE_CHECKING:
    from copydesk.model import Finding
    from copydesk.report import ReportContext

COMMANDS = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.SUGGESTION: "notice",
}


def render(findings: Sequence[Finding], ctx: ReportContext) -> str:
    """One workflow command per finding; nothing for a clean run."""
    return "".join(_command(f, ctx) + "\n" for f in findings)


def _command(finding: Finding, ctx: ReportContext) -> str:
    props: dict[str, object] = {
        "file": relative_path(finding.path, ctx.cwd),
        "line": finding.line,
    }
    if finding.line == finding.end_line:
        props["col"] = finding.col
    props["endLine"] = finding.end_line
    if finding.line == finding.end_line:
        props["endColumn"] = finding.end_col
    props["title"] = finding.rule
    joined = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
    return f"::{COMMANDS[finding.severity]} {joined}::{escape_data(finding.message)}"


def escape_data(text: str) -> str:
    """Escape a command's message as the Actions runner expects."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: data escaping plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
