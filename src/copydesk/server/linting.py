"""Lint one open buffer into diagnostics, never raising.

A bad config or rule file is the user's to fix, not a reason for the server
to die: it becomes one Error diagnostic on the first line naming the file
and key, and the next lint (after the file is fixed and reloaded) clears it.
An unexpected internal error is reported the same way, with its traceback
on stderr (the editor's server log), so one odd document never takes the
server down for every other buffer.
"""

from __future__ import annotations

import logging

from lsprotocol import types

from copydesk.api import Workspace
from copydesk.errors import CopydeskError
from copydesk.server.diagnostics import (
    INTERNAL_ERROR_CODE,
    config_error_diagnostic,
    error_diagnostic,
    to_diagnostic,
)
from copydesk.server.documents import OpenDocument
from copydesk.server.positions import Encoding

log = logging.getLogger(__name__)


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
    index = doc.positions
    try:
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

    return [to_diagnostic(f, index, encoding, doc.version, link_of) for f in findings]
