"""Findings as LSP diagnostics, and a bad config or rule file as one.

A diagnostic carries in ``data`` the finding's code-point span, its fix and
the buffer version it was computed for, so a code action can be built from
the diagnostic the client sends back and refused when the buffer has moved on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lsprotocol import types

from copydesk.errors import CopydeskError
from copydesk.model import Finding, Severity
from copydesk.server.positions import Encoding, PositionIndex

SOURCE = "copydesk"
#: The code of the diagnostic that stands for a config or rule file error.
CONFIG_ERROR_CODE = "copydesk.config-error"
#: The code of the diagnostic that stands for an unexpected internal error.
INTERNAL_ERROR_CODE = "copydesk.internal-error"

_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.SUGGESTION: types.DiagnosticSeverity.Information,
}


def lsp_range(
    index: PositionIndex, start: int, end: int, encoding: Encoding
) -> types.Range:
    """The LSP range of the code-point span ``[start, end)``."""
    line, char = index.position(start, encoding)
    end_line, end_char = index.position(end, encoding)
    return types.Range(types.Position(line, char), types.Position(end_line, end_char))


def finding_data(finding: Finding, version: int) -> dict[str, Any]:
    """What a code action needs later: the span, the fix, the buffer version."""
    shape = finding.as_dict()
    return {
        "rule": finding.rule,
        "start": finding.start,
        "end": finding.end,
        "match": finding.match,
        "suggestions": shape["suggestions"],
        "fix": shape["fix"],
        "version": version,
    }


def to_diagnostic(
    finding: Finding,
    index: PositionIndex,
    encoding: Encoding,
    version: int,
    link_of: Callable[[str], str | None],
) -> types.Diagnostic:
    """One finding as a diagnostic; ``link_of`` gives a rule's documentation link."""
    link = link_of(finding.rule)
    return types.Diagnostic(
        range=lsp_range(index, finding.start, finding.end, encoding),
        message=finding.message,
        severity=_SEVERITY[finding.severity],
        code=finding.rule,
        code_description=types.CodeDescription(href=link) if link else None,
        source=SOURCE,
        data=finding_data(finding, version),
    )


def error_diagnostic(
    index: PositionIndex,
    encoding: Encoding,
    message: str,
    code: str,
    severity: types.DiagnosticSeverity = types.DiagnosticSeverity.Error,
) -> types.Diagnostic:
    """One error on the document's first line, for what stops linting it."""
    start, end = index.line_span(0)
    return types.Diagnostic(
        range=lsp_range(index, start, end, encoding),
        message=message,
        severity=severity,
        code=code,
        source=SOURCE,
    )


def note_diagnostic(
    index: PositionIndex, encoding: Encoding, message: str, code: str
) -> types.Diagnostic:
    """One Information diagnostic on the first line: what was not linted or
    not shown, and why."""
    return error_diagnostic(
        index, encoding, message, code, types.DiagnosticSeverity.Information
    )


def config_error_diagnostic(
    index: PositionIndex, encoding: Encoding, error: CopydeskError
) -> types.Diagnostic:
    """A bad config or rule file: its message names the file and the key."""
    return error_diagnostic(
        index, encoding, f"copydesk cannot lint: {error}", CONFIG_ERROR_CODE
    )
