"""Checkstyle XML, the lingua franca of reviewdog, Jenkins and many CI plugins.

Every linted file appears as a ``<file>``, clean ones empty, because some
consumers read a missing file as "not checked" rather than "clean".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from copydesk.model import Severity
from copydesk.report._common import by_file, files_in_order, xml_text

if TYPE_CHECKING:
    from copydesk.model import Finding
    from copydesk.report import ReportContext

#: Checkstyle knows error, warning, info (and ignore).
SEVERITIES = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.SUGGESTION: "info",
}


def render(findings: Sequence[Finding], ctx: ReportContext) -> str:
    """``<checkstyle version="4.3">`` with files in ``ctx.files`` order."""
    import xml.etree.ElementTree as ET

    root = ET.Element("checkstyle", version="4.3")
    groups = by_file(findings)
    for path in files_in_order(findings, ctx):
        element = ET.SubElement(root, "file", name=xml_text(path))
        for finding in groups.get(path, ()):
            ET.SubElement(
                element,
                "error",
                line=str(finding.line),
                column=str(finding.col),
                severity=SEVERITIES[finding.severity],
                message=xml_text(finding.message),
                source=xml_text(finding.rule),
            )
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'
