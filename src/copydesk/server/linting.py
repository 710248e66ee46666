"""Lint one open buffer into diagnostics, never raising, never for long.

A bad config or rule file is the user's to fix, not a reason for the server
to die: it becomes one Error diagnostic on the first line naming the file
and key, and the next lint (after the file is fixed and reloaded) clears it.
An unexpected internal error is reported the same way, with its traceback
on stderr (the editor's server log), so one odd document never takes the
server down for every other buffer.

The server lints on its one thread, so a lint must be short: a buffer over
:data:`MAX_BUFFER` characters (a lint takes seconds per megabyte) gets one
Information diagnostic saying to run ``copydesk check`` instead, and at most
:data:`MAX_DIAGNOSTICS` diagnostics are published (with one more saying how
many were left out), so a huge page cannot flood the client or the pipe.
A ``.docx`` buffer is not linted at all: an editor's text of a Word file is
the zip's bytes, and an edit of them would corrupt the file.
"""

from __future__ import annotations

import logging

from lsprotocol import types

from copydesk.api import Workspace
from copydesk.errors import CopydeskError
from copydesk.server.diagnostics import (
    INTERNAL_ERROR_CODE,
    SOURCE,
    config_error_diagnostic,
    error_diagnostic,
    note_diagnostic,
    to_diagnostic,
)
from copydesk.server.documents import OpenDocument
from copydesk.server.positions import Encoding

log = logging.getLogger(__name__)

#: The most characters of a buffer linted as the writer types.
MAX_BUFFER = 500_000
#: The most diagnostics published for one buffer.
MAX_DIAGNOSTICS = 1_000
#: The codes of the diagnostics that say what was not linted or not shown.
TOO_LARGE_CODE = "copydesk.too-large"
TRUNCATED_CODE = "copydesk.more-findings"
NOT_A_BUFFER_CODE = "copydesk.not-a-buffer"
#: Formats copydesk converts from a file's bytes (a Word file is a zip):
#: an editor's text of such a file is neither linted nor given edits.
FILE_ONLY_FORMATS = frozenset({"docx"})


def _not_linted(message: str, code: str) -> types.Diagnostic:
    """An Information diagnostic at the very start, instead of findings (no
    position index is built for a buffer that is not linted)."""
    start = types.Position(0, 0)
    return types.Diagnostic(
        range=types.Range(start, start),
        message=message,
        severity=types.DiagnosticSeverity.Information,
        code=code,
        source=SOURCE,
    )


def too_large_diagnostic(size: int) -> types.Diagnostic:
    """Where a buffer over :data:`MAX_BUFFER` is, instead of its findings."""
    return _not_linted(
        f"copydesk does not lint a buffer of {size:,} characters as you type"
        f" (the limit is {MAX_BUFFER:,}): run copydesk check on it",
        TOO_LARGE_CODE,
    )


def file_only_diagnostic(fmt: str) -> types.Diagnostic:
    """Where a buffer of a format read only from its file's bytes is."""
    return _not_linted(
        f"copydesk reads a {fmt} file from its bytes, not from an editor's text"
        " of them (a fix of that text would corrupt the file): run copydesk"
        " check on it",
        NOT_A_BUFFER_CODE,
    )


def rule_link(workspace: Workspace, doc: OpenDocument, rule: str) -> str | None:
    """The documentation link of ``rule`` under ``doc``'s config, if any."""
    try:
        meta = workspace.rule_meta(rule, doc.path)
    except CopydeskError:
        return None
    return meta.link if meta is not None and meta.link else None


def lint_document(
    doc: OpenDocument, workspace: Workspace, encoding: Encoding
) -> list[types.Diagnostic]:
    """Diagnostics for ``doc``'s current text; its findings are kept on it."""
    doc.findings = []
    doc.linted_version = doc.version
    if len(doc.text) > MAX_BUFFER:
        # Not even indexed: a burst of changes relints it between keystrokes.
        return [too_large_diagnostic(len(doc.text))]
    index = doc.positions
    try:
        fmt = workspace.settings_for(doc.path).format
        if fmt in FILE_ONLY_FORMATS:
            return [file_only_diagnostic(f".{fmt}")]
        findings = workspace.lint_text(doc.path, doc.text)
    except CopydeskError as exc:
        return [config_error_diagnostic(index, encoding, exc)]
    except Exception as exc:
        log.exception("copydesk failed on %s", doc.uri)
        message = f"copydesk internal error: {type(exc).__name__}: {exc}"
        return [error_diagnostic(index, encoding, message, INTERNAL_ERROR_CODE)]
    doc.findings = findings
    links: dict[str, str | None] = {}

    def link_of(rule: str) -> str | None:
        if rule not in links:
            links[rule] = rule_link(workspace, doc, rule)
        return links[rule]

    shown = [
        to_diagnostic(f, index, encoding, doc.version, link_of)
        for f in findings[:MAX_DIAGNOSTICS]
    ]
    if len(findings) > MAX_DIAGNOSTICS:
        left = len(findings) - MAX_DIAGNOSTICS
        message = (
            f"copydesk shows the first {MAX_DIAGNOSTICS:,} of {len(findings):,}"
            f" findings; {left:,} more are not shown: run copydesk check on it"
        )
        shown.append(note_diagnostic(index, encoding, message, TRUNCATED_CODE))
    return shown
