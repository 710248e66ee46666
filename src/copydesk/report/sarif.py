"""SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards.

One run; ``tool.driver.rules`` holds the rules that fired (sorted by id, with
whatever metadata ``ctx.rules`` has), and each result points at its rule by
``ruleId`` and ``ruleIndex``. Columns count code points, declared once with
``columnKind``; SARIF's 1-based columns and exclusive end column are exactly
``Finding.col`` and ``Finding.end_col``. Artifact URIs are relative to
``%SRCROOT%`` (``ctx.cwd``), so the report does not depend on the checkout.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from copydesk.lines import LineIndex
from copydesk.model import Severity
from copydesk.report._common import first_paragraph, relative_path

if TYPE_CHECKING:
    from copydesk.model import Edit, Finding, RuleMeta
    from copydesk.report import ReportContext

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
    "sarif-schema-2.1.0.json"
)
#: Where the driver's ``informationUri`` points: the project's package page.
INFORMATION_URI = "https://pypi.org/project/copydesk/"
SRCROOT = "%SRCROOT%"

LEVELS = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.SUGGESTION: "note",
}


def render(findings: Sequence[Finding], ctx: ReportContext) -> str:
    """The SARIF log as indented JSON."""
    from copydesk.report.json import dumps

    return dumps(sarif_log(findings, ctx))


def sarif_log(findings: Sequence[Finding], ctx: ReportContext) -> dict[str, Any]:
    """The SARIF log as plain data (tests validate it against the schema)."""
    rule_ids = sorted({f.rule for f in findings})
    index = {rule: i for i, rule in enumerate(rule_ids)}
    lines: dict[str, LineIndex] = {}
    results = [_result(f, index[f.rule], ctx, lines) for f in findings]
    driver: dict[str, Any] = {
        "name": "copydesk",
        "version": ctx.version,
        "informationUri": INFORMATION_URI,
        "rules": [_descriptor(rule, ctx.rules.get(rule)) for rule in rule_ids],
    }
    root = PurePath(ctx.cwd)
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "originalUriBaseIds": {
            SRCROOT: {"uri": root.as_uri().rstrip("/") + "/"}
            if root.is_absolute()
            else {"uri": quote(root.as_posix().rstrip("/") + "/")}
        },
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def _descriptor(rule: str, meta: RuleMeta | None) -> dict[str, Any]:
    """A reportingDescriptor; a rule without metadata still gets its id."""
    if meta is None:
        return {"id": rule, "shortDescription": {"text": rule}}
    description = meta.description.strip()
    if description:
        summary = first_paragraph(description)
    else:
        summary = meta.message.replace("%s", "…").strip() or rule
    descriptor: dict[str, Any] = {"id": rule, "shortDescription": {"text": summary}}
    if description:
        descriptor["fullDescription"] = {"text": description}
    if meta.link:
        descriptor["helpUri"] = meta.link
    descriptor["defaultConfiguration"] = {"level": LEVELS[meta.level]}
    return descriptor


def _result(
    finding: Finding,
    rule_index: int,
    ctx: ReportContext,
    lines: dict[str, LineIndex],
) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": max(finding.line, 1),
        "startColumn": max(finding.col, 1),
        "endLine": max(finding.end_line, 1),
        "endColumn": max(finding.end_col, 1),
    }
    if finding.match:
        region["snippet"] = {"text": finding.match}
    location = _artifact(finding.path, ctx.cwd)
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [
            {"physicalLocation": {"artifactLocation": location, "region": region}}
        ],
    }
    if finding.fix is not None:
        source = ctx.sources.get(finding.path)
        index = None
        if source is not None:
            index = lines.setdefault(finding.path, LineIndex(source))
        edits = finding.fix.edits
        text = _describe_fix(edits)
        if not finding.fix.is_safe:
            text += " (unsafe: review before applying)"
        result["fixes"] = [
            {
                "description": {"text": text},
                "artifactChanges": [
                    {
                        "artifactLocation": location,
                        "replacements": [_replacement(e, index) for e in edits],
                    }
                ],
                "properties": {"applicability": finding.fix.applicability.value},
            }
        ]
    return result


def _artifact(path: str, cwd: str) -> dict[str, Any]:
    """Relative paths under ``%SRCROOT%``; absolute ones outside it as file URIs."""
    relative = relative_path(path, cwd)
    pure = PurePath(relative)
    if pure.is_absolute():
        return {"uri": pure.as_uri()}
    return {"uri": quote(relative), "uriBaseId": SRCROOT}


def _replacement(edit: Edit, index: LineIndex | None) -> dict[str, Any]:
    """A replacement by lines and columns, or by offsets if the source is unknown.

    Lines and columns are what consumers (and ``columnKind``) agree on;
    ``charOffset`` is the fallback, counted in code points like the columns.
    """
    region: dict[str, Any]
    if index is None:
        region = {"charOffset": edit.start, "charLength": edit.end - edit.start}
    else:
        start_line, start_col = index.line_col(edit.start)
        end_line, end_col = index.line_col(edit.end)
        region = {
            "startLine": start_line,
            "startColumn": start_col,
            "endLine": end_line,
            "endColumn": end_col,
        }
    return {"deletedRegion": region, "insertedContent": {"text": edit.replacement}}


def _describe_fix(edits: Sequence[Edit]) -> str:
    if len(edits) != 1:
        return f"Apply {len(edits)} edits"
    replacement = edits[0].replacement
    return f"Replace with '{replacement}'" if replacement else "Delete the match"
