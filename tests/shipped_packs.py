"""Documents linted with the shipped packs, as ``copydesk check`` lints them.

The held-out trees' tests write a document of their own with the shape a
real tree showed and assert its exact findings; they share this one
workspace (isolated from any config around the checkout) and its filters.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from copydesk.api import Overrides, Workspace
from copydesk.model import Finding


@cache
def workspace() -> Workspace:
    return Workspace(Path(), Overrides(language="en", isolated=True))


def lint(text: str, name: str, *packs: str) -> list[Finding]:
    """The default packs' findings in ``packs`` on ``text`` read as ``name``."""
    return [
        f
        for f in workspace().lint_text(Path(name), text)
        if f.rule.split(".", 1)[0] in packs
    ]


def found(text: str, name: str, *packs: str) -> list[tuple[int, int, str]]:
    """(line, col, rule) of :func:`lint`'s findings."""
    return [(f.line, f.col, f.rule) for f in lint(text, name, *packs)]
