"""Core value types shared by checks, the engine, fixes and reporters.

Offsets into the source text (in code points) are the truth; line and column
are derived from them once, when a Finding is made.

House rule for copydesk's classes (issue 19, one-file start): a class is not
a dataclass. Making a dataclass compiles its generated methods on every start
(0.1 to 0.3 ms each, ~3.5 M instructions) and importing ``dataclasses``
imports ``inspect`` and ``ast`` (~40 M instructions): 140 M instructions, a
fifth of a one-file check, for the 38 a Markdown page made. So:

* a value record (compared or hashed by its fields, copied with changes) is a
  ``typing.NamedTuple``, as those here are, copied with ``_replace``; it
  compares equal to a plain tuple of the same items, which nothing here does
  (a field may not be called ``count`` or ``index``, tuple's methods);
* a module that defines such records on a check's path does not postpone
  its annotations (no ``from __future__ import annotations``): a field's
  annotation written as a string is compiled by ``typing`` for each field
  (``ForwardRef``) at every start; a name imported only for type checking,
  or a class not defined yet, is written in quotes instead;
* anything else (check types, analyses, run state, a class compared by
  identity) is a plain class with ``__slots__`` and an explicit ``__init__``,
  its fields annotated ``Final`` when nothing may reassign them (what
  ``frozen=True`` said, now checked by mypy).
"""

import enum
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from copydesk.document import Document


class Severity(enum.IntEnum):
    """How much a finding matters; ordered so that filters can compare."""

    SUGGESTION = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, name: str) -> "Severity":
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


class Edit(NamedTuple):
    """Replace ``text[start:end]`` with ``replacement`` (a named tuple, as
    every record here: see the module's house rule)."""

    start: int
    end: int
    replacement: str


class Fix(NamedTuple):
    """A set of edits applied together, and how safe they are."""

    edits: tuple[Edit, ...]
    applicability: Applicability

    @property
    def is_safe(self) -> bool:
        return self.applicability is Applicability.SAFE


class Finding(NamedTuple):
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

    @classmethod
    def from_dict(cls, item: Mapping[str, Any], path: str | None = None) -> "Finding":
        """Rebuild a Finding from ``as_dict``'s shape (``path`` replaces its own).

        Raises KeyError, TypeError or ValueError on a malformed mapping.
        """
        fix = item["fix"]
        return cls(
            rule=item["rule"],
            severity=Severity.parse(item["severity"]),
            message=item["message"],
            path=item["path"] if path is None else path,
            start=int(item["start"]),
            end=int(item["end"]),
            line=int(item["line"]),
            col=int(item["column"]),
            end_line=int(item["end_line"]),
            end_col=int(item["end_column"]),
            match=item["match"],
            suggestions=tuple(item["suggestions"]),
            fix=None
            if fix is None
            else Fix(
                tuple(
                    Edit(e["start"], e["end"], e["replacement"]) for e in fix["edits"]
                ),
                Applicability(fix["applicability"]),
            ),
        )


class Examples(NamedTuple):
    """Documents a rule must flag (``bad``) and must leave alone (``good``)."""

    bad: tuple[str, ...] = ()
    good: tuple[str, ...] = ()


class RuleMeta(NamedTuple):
    """The common, type-independent part of a rule file.

    A value type like Finding: the loader builds it, checks stamp it on their
    findings, and reporters, the catalogue and the cache read it.
    """

    id: str
    extends: str
    source: str
    message: str = ""
    level: Severity = Severity.WARNING
    link: str = ""
    description: str = ""
    ignorecase: bool = False
    exceptions: tuple[str, ...] = ()
    scope: str = "text"
    languages: tuple[str, ...] = ()
    #: Document kinds the rule runs on (``draft``, ``authored``); empty: all.
    kinds: tuple[str, ...] = ()
    examples: Examples = Examples()
    #: False for opt-in rules, which run only when selected by id or pack.
    enabled: bool = True
    #: The rule reports whole lines of page furniture (``copydesk.
    #: furniture_runs``): "lines", whose findings the engine grows over the
    #: short lines touching them in a draft, "fallback", which also gives
    #: way where a "lines" rule reports the same line, or "beside", whose
    #: line is furniture only where it touches another rule's (a bare
    #: byline over a page's time stamp); "" for other rules.
    furniture: str = ""
    #: A rule shipped with copydesk, unchanged by configuration: its patterns
    #: are known to compile (the test suite compiles them), so a check type
    #: may compile them on first use rather than at load.
    shipped: bool = False

    @property
    def pack(self) -> str:
        return self.id.split(".", 1)[0]

    def format_message(self, *args: str) -> str:
        """Fill the rule's ``%s`` placeholders, tolerating too few or too many."""
        template = self.message
        count = template.count("%s")
        values = (list(args) + [""] * count)[:count]
        try:
            return template % tuple(values) if count else template
        except (TypeError, ValueError):
            return template

    def finding(
        self,
        doc: "Document",
        start: int,
        end: int,
        message: str,
        suggestions: tuple[str, ...] = (),
        fix: Fix | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """A Finding of this rule in ``doc`` (the one helper checks use).

        It stays here, though it needs a Document, because every check calls
        it; the Document is only a type here, so model.py imports nothing.
        """
        return doc.finding(
            self.id,
            self.level if severity is None else severity,
            message,
            start,
            end,
            suggestions=suggestions,
            fix=fix,
        )

    def as_dict(self) -> dict[str, Any]:
        """A JSON shape of every field (the cache stores a run's rules so)."""
        return {
            "id": self.id,
            "extends": self.extends,
            "source": self.source,
            "message": self.message,
            "level": self.level.label,
            "link": self.link,
            "description": self.description,
            "ignorecase": self.ignorecase,
            "exceptions": list(self.exceptions),
            "scope": self.scope,
            "languages": list(self.languages),
            "kinds": list(self.kinds),
            "bad": list(self.examples.bad),
            "good": list(self.examples.good),
            "enabled": self.enabled,
            "shipped": self.shipped,
            "furniture": self.furniture,
        }

    @classmethod
    def from_dict(cls, item: Mapping[str, Any]) -> "RuleMeta":
        """Rebuild from ``as_dict``'s shape (KeyError or ValueError if malformed)."""
        return cls(
            id=item["id"],
            extends=item["extends"],
            source=item["source"],
            message=item["message"],
            level=Severity.parse(item["level"]),
            link=item["link"],
            description=item["description"],
            ignorecase=bool(item["ignorecase"]),
            exceptions=tuple(item["exceptions"]),
            scope=item["scope"],
            languages=tuple(item["languages"]),
            kinds=tuple(item["kinds"]),
            examples=Examples(tuple(item["bad"]), tuple(item["good"])),
            enabled=bool(item["enabled"]),
            shipped=bool(item["shipped"]),
            furniture=str(item["furniture"]),
        )
