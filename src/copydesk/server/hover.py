"""Explain RULE: hovering over a diagnostic shows what its rule is for.

The text is the rule's description and link, and the level the finding has
under the document's own configuration (a severity override shows, not the
rule file's default), so it agrees with the diagnostic it explains.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from lsprotocol import types

from copydesk.model import Finding


class Explained(Protocol):
    """The parts of a rule's metadata a hover shows."""

    @property
    def link(self) -> str: ...
    @property
    def description(self) -> str: ...


def explain(finding: Finding, meta: Explained | None) -> str:
    """Markdown for one finding: its rule, level, message, description, link."""
    parts = [f"**{finding.rule}** ({finding.severity.label}): {finding.message}"]
    if meta is not None and meta.description:
        parts.append(meta.description)
    if meta is not None and meta.link:
        parts.append(f"[Explain {finding.rule}]({meta.link})")
    return "\n\n".join(parts)


def hover(
    findings: Sequence[Finding],
    offset: int,
    meta_of: Callable[[str], Explained | None],
    span: Callable[[Finding], types.Range],
) -> types.Hover | None:
    """The hover for the findings covering ``offset`` (None when there are none)."""
    here = [f for f in findings if f.start <= offset <= f.end]
    if not here:
        return None
    text = "\n\n---\n\n".join(explain(f, meta_of(f.rule)) for f in here)
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
        range=span(here[0]),
    )
