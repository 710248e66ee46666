"""Core value types shared by checks, the engine, fixes and reporters.

Offsets into the source text (in code points) are the truth; line and column
are derived from them once, when a Finding is made.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any


class Severity(enum.IntEnum):
    """How much a finding matters; ordered so that filters can compare."""

    SUGGESTION = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, name: str) -> Severity:
        """Read a level name as written in rule files and on the command line."""
        try:
            return cls[name.strip().upper()]
        except KeyError:
            choices = ", ".join(s.label for s in cls)
            raise ValueError(f"unknown level {name!r} (choose {choices})") from None


class Applicability(enum.Enum):
    """Whether a fix may be applied without a human looking at it."""

    SAFE = "safe"
    UNSAFE = "unsafe"


class FixAvailability(enum.Enum):
    """What ``copydesk fix`` can do with a rule's findings, known before a run.

    Declared by each check type (``FIX``) and narrowed by a rule's own keys,
    so that ``copydesk rules`` and ``explain`` can say it without compiling
    the rule or guessing from its attributes. A rule that fixes a finding
    may still leave another one unfixed (a stray quote has no right answer).
    """

    #: The rule only reports.
    NONE = "none"
    #: Its fixes are applied by ``copydesk fix``.
    SAFE = "safe"
    #: Its fixes need ``--unsafe-fixes``: a human should look first.
    UNSAFE = "unsafe"
    #: Some fixes are safe, others unsafe, depending on where the finding is.
    MIXED = "mixed"

    @classmethod
    def of(cls, applicability: Applicability) -> FixAvailability:
        """The availability of a rule whose every fix has ``applicability``."""
        return cls.SAFE if applicability is Applicability.SAFE else cls.UNSAFE


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    """A set of edits applied together, and how safe they are."""

    edits: tuple[Edit, ...]
    applicability: Applicability

    @property
    def is_safe(self) -> bool:
        return self.applicability is Applicability.SAFE


@dataclass(frozen=True, slots=True)
class Finding:
    """One defect at one place: the only thing checks produce and reporters read."""

    rule: str
    severity: Severity
    message: str
    path: str
    start: int
    end: int
    line: int
    col: int
    end_line: int
    end_col: int
    match: str
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None

    @property
    def sort_key(self) -> tuple[str, int, int, str, int]:
        return (self.path, self.line, self.col, self.rule, self.end)

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of a finding (schema version in ``report.json``)."""
        fix: dict[str, Any] | None = None
        if self.fix is not None:
            fix = {
                "applicability": self.fix.applicability.value,
                "edits": [
                    {"start": e.start, "end": e.end, "replacement": e.replacement}
                    for e in self.fix.edits
                ],
            }
        return {
            "path": self.path,
            "line": self.line,
            "column": self.col,
            "end_line": self.end_line,
            "end_column": self.end_col,
            "start": self.start,
            "end": self.end,
            "rule": self.rule,
            "severity": self.severity.label,
            "message": self.message,
            "match": self.match,
            "suggestions": list(self.suggestions),
            "fix": fix,
        }
