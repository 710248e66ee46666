"""The values Vale's linter passes around: blocks, alerts and a file's state.

A ``Block`` is a piece of text with the scope it was found in and the
context (the file's text with already-linted parts blanked) used to place its
alerts. An ``Alert`` is a finding before and after placement. A ``LintFile``
holds what Vale keeps per file while linting it: in-text comment switches,
sequences for ``consistency``/``conditional``, per-rule limits, the text used
for ``summary`` scopes and the alerts themselves. These are Vale's types, not
copydesk's: findings leave this package as :class:`copydesk.model.Finding`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from copydesk.vale.gostr import split_after

__all__ = ["Action", "Alert", "Block", "LintFile"]

_COMMENT_CONTROL = re.compile(r"^vale (.+\..+) = (YES|NO)$")


@dataclass(frozen=True, slots=True)
class Action:
    """A rule's ``action``: a fix name and its parameters."""

    name: str = ""
    params: tuple[str, ...] = ()


@dataclass(slots=True)
class Block:
    """Text to lint, its scope, and where to look it up."""

    context: str
    text: str
    scope: str
    parent: str
    line: int = -1

    @classmethod
    def make(cls, context: str, text: str, scope: str, line: int = -1) -> Block:
        """``nlp.NewLinedBlock``: an empty context means the text itself."""
        return cls(context or text, text, scope, scope, line)


@dataclass(slots=True)
class Alert:
    """One alert; ``span`` holds offsets in the block, then columns."""

    check: str
    severity: str
    message: str
    match: str
    span: list[int]
    link: str = ""
    description: str = ""
    action: Action = field(default_factory=Action)
    line: int = 0
    offset: list[str] = field(default_factory=list)
    limit: int = 0
    hide: bool = False


@dataclass(slots=True)
class LintFile:
    """What Vale keeps about one file while linting it."""

    path: str
    content: str
    lines: list[str]
    format: str
    normed_ext: str
    real_ext: str
    base_styles: list[str]
    checks: dict[str, bool]
    lookup: bool = False
    simple: bool = False
    #: The text as read (``content`` may be blanked while linting markup).
    source: str = ""
    alerts: list[Alert] = field(default_factory=list)
    comments: dict[str, bool] = field(default_factory=dict)
    metrics: Counter[str] = field(default_factory=Counter)
    summary: list[str] = field(default_factory=list)
    sequences: list[str] = field(default_factory=list)
    history: set[tuple[int, int, str]] = field(default_factory=set)
    limits: Counter[str] = field(default_factory=Counter)
    chk_to_ctx: dict[str, str] = field(default_factory=dict)
    #: Rules the config enables for this file (filled on first use).
    enabled: list[str] | None = None

    def set_text(self, text: str) -> None:
        """``File.SetText``: lint another text (a code comment) as this file."""
        self.content = text
        self.lines = split_after(text)
        self.history = set()

    def update_comments(self, comment: str) -> None:
        """Apply ``vale off``, ``vale on`` or ``vale Style.Rule = YES|NO``."""
        if comment == "vale off":
            self.comments["off"] = True
        elif comment == "vale on":
            self.comments["off"] = False
        else:
            match = _COMMENT_CONTROL.match(comment)
            if match:
                self.comments[match.group(1)] = match.group(2) == "NO"

    def disabled(self, check: str) -> bool:
        """Whether an in-text comment has switched ``check`` off."""
        off = self.comments.get("off", False)
        if not off and check in self.comments:
            return self.comments[check]
        return off

    def reset_comments(self) -> None:
        """Switch rule-specific comments back on (``off`` stays as it is)."""
        for key in self.comments:
            if key != "off":
                self.comments[key] = False
