"""JUnit XML: one test case per linted file, failed when it has findings.

CI dashboards (GitLab, Jenkins, Azure) count and trend test cases, so a file
is the natural unit: "12 of 340 documents fail the style check". The failure
body lists the findings in the text format's header shape.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from copydesk.report._common import (
    by_file,
    files_in_order,
    plural,
    severity_counts,
    xml_text,
)

if TYPE_CHECKING:
    from copydesk.model import Finding
    from copydesk.report import ReportContext


def render(findings: Sequence[Finding], ctx: ReportContext) -> str:
    """``<testsuites>`` holding one ``<testsuite name="copydesk">``."""
    import xml.etree.ElementTree as ET

    groups = by_file(findings)
    paths = files_in_order(findings, ctx)
    counts = {
        "tests": str(len(paths)),
        "failures": str(len(groups)),
        "errors": "0",
        "skipped": "0",
    }
    attrs = {"name": "copydesk", **counts}
    root = ET.Element("testsuites", attrs)
    suite = ET.SubElement(root, "testsuite", attrs)
    for path in paths:
        case = ET.SubElement(
            suite, "testcase", name=xml_text(path), classname=xml_text(path)
        )
        found = groups.get(path)
        if not found:
            continue
        failure = ET.SubElement(
            case,
            "failure",
            message=f"{plural(len(found), 'finding')} ({severity_counts(found)})",
            type="copydesk",
        )
        failure.text = xml_text(
            "".join(
                f"{f.path}:{f.line}:{f.col}: {f.severity.label} {f.rule} {f.message}\n"
                for f in found
            )
        )
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'
