"""``--statistics``: how often each rule fired, most frequent first, like ruff.

A first look at a new corpus wants the shape of the problem (which rules,
how many, which ones ``copydesk fix`` clears), not every finding.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

from copydesk.report._common import first_paragraph, one_line
from copydesk.report._fit import hanging

if TYPE_CHECKING:
    from copydesk.model import Finding
    from copydesk.report import ReportContext


class RuleCount:
    """One row: a rule, how often it fired, and how many of those are fixable."""

    __slots__ = ("count", "message", "rule", "safe_fixes", "unsafe_fixes")

    rule: Final[str]
    count: Final[int]
    safe_fixes: Final[int]
    unsafe_fixes: Final[int]
    message: Final[str]

    def __init__(
        self,
        rule: str,
        count: int,
        safe_fixes: int,
        unsafe_fixes: int,
        message: str,
    ) -> None:
        self.rule = rule
        self.count = count
        self.safe_fixes = safe_fixes
        self.unsafe_fixes = unsafe_fixes
        self.message = message

    @property
    def marker(self) -> str:
        """``[*]`` some safe fixes, ``[-]`` only unsafe ones, blank none."""
        if self.safe_fixes:
            return "[*]"
        return "[-]" if self.unsafe_fixes else "   "


def count(findings: Sequence[Finding], ctx: ReportContext) -> list[RuleCount]:
    """Rows sorted by count (descending), then rule id."""
    rows: dict[str, list[Finding]] = {}
    for finding in findings:
        rows.setdefault(finding.rule, []).append(finding)
    result = [
        RuleCount(
            rule=rule,
            count=len(group),
            safe_fixes=sum(1 for f in group if f.fix is not None and f.fix.is_safe),
            unsafe_fixes=sum(
                1 for f in group if f.fix is not None and not f.fix.is_safe
            ),
            message=_describe(rule, group[0], ctx),
        )
        for rule, group in rows.items()
    ]
    return sorted(result, key=lambda row: (-row.count, row.rule))


def render(findings: Sequence[Finding], ctx: ReportContext) -> str:
    """Aligned columns, ``count  rule  [*] message``; empty when clean.

    Messages wrap to ``ctx.width`` under their own column, so the counts and
    rule ids stay a clean left edge to read down.
    """
    rows = count(findings, ctx)
    if not rows:
        return ""
    count_width = max(len(str(row.count)) for row in rows)
    rule_width = max(len(row.rule) for row in rows)
    indent = count_width + 2 + rule_width + 2 + len("[*] ")
    out: list[str] = []
    for row in rows:
        message = hanging(row.message, ctx.width, first=indent, indent=indent)
        line = f"{row.count:>{count_width}}  {row.rule:<{rule_width}}  "
        block = f"{line}{row.marker} {message}"
        out.extend(part.rstrip() + "\n" for part in block.split("\n"))
    return "".join(out)


def render_json(findings: Sequence[Finding], ctx: ReportContext) -> str:
    """The same rows as a JSON list, for dashboards."""
    from copydesk.report.json import dumps

    data: list[dict[str, Any]] = [
        {
            "rule": row.rule,
            "count": row.count,
            "fixable": row.safe_fixes,
            "unsafe_fixable": row.unsafe_fixes,
            "message": row.message,
        }
        for row in count(findings, ctx)
    ]
    return dumps(data)


def _describe(rule: str, first: Finding, ctx: ReportContext) -> str:
    """The first paragraph of the rule's description, else its first message.

    A rule's messages vary with the match (``Use 'X', not 'Y'``); the first
    line of its description names what the rule is about.
    """
    meta = ctx.rules.get(rule)
    if meta is not None and meta.description.strip():
        return first_paragraph(meta.description)
    return one_line(first.message)
