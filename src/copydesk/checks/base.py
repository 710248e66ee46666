"""What every check type shares: rule metadata, common keys and the protocol.

A check type is a class with ``from_yaml(meta, data)`` that validates its own
keys (those not in ``COMMON_KEYS``) and compiles its patterns once, and
``run(doc)`` that yields Findings. Checks find; the engine decides what to keep.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol

from copydesk.document import Document
from copydesk.model import Finding, Fix, FixAvailability, Severity
from copydesk.schema import Key

#: Keys every rule file may carry, whatever its type.
COMMON_KEYS: dict[str, Key] = {
    k.name: k
    for k in (
        Key("extends", (str,), required=True),
        Key("message", (str,)),
        Key("level", (str,)),
        Key("link", (str,)),
        Key("ignorecase", (bool,)),
        Key("exceptions", (list,), item_types=(str,)),
        Key("description", (str,)),
        Key("examples", (dict,)),
        Key("scope", (str,)),
        Key("language", (str, list)),
        Key("kinds", (list,), item_types=(str,)),
        Key("enabled", (bool,)),
    )
}


@dataclass(frozen=True, slots=True)
class Examples:
    """Documents a rule must flag (``bad``) and must leave alone (``good``)."""

    bad: tuple[str, ...] = ()
    good: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RuleMeta:
    """The common, type-independent part of a rule file."""

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
    examples: Examples = field(default_factory=Examples)
    #: False for opt-in rules, which run only when selected by id or pack.
    enabled: bool = True
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
        doc: Document,
        start: int,
        end: int,
        message: str,
        suggestions: tuple[str, ...] = (),
        fix: Fix | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """A Finding of this rule in ``doc`` (the one helper checks use)."""
        return doc.finding(
            self.id,
            self.level if severity is None else severity,
            message,
            start,
            end,
            suggestions=suggestions,
            fix=fix,
        )


class Check(Protocol):
    """A compiled rule: the engine calls ``run`` once per document."""

    @property
    def meta(self) -> RuleMeta: ...

    def run(self, doc: Document) -> Iterator[Finding]: ...


class CheckType(Protocol):
    """A check class: builds a Check from a validated rule file.

    Everything the loader and ``copydesk rules`` need to know about a type
    is declared here, so nothing is probed with ``getattr``.
    """

    #: Keys this type accepts besides ``COMMON_KEYS``.
    KEYS: Mapping[str, Key]
    #: The fixes a rule of this type makes, before its own keys narrow it.
    FIX: FixAvailability

    @classmethod
    def from_yaml(cls, meta: RuleMeta, data: Mapping[str, Any]) -> Check: ...

    @classmethod
    def fix_availability(cls, data: Mapping[str, Any]) -> FixAvailability:
        """The fixes of a rule with these (validated) keys, without compiling it."""
        ...

    @classmethod
    def link(cls, checks: Sequence[Check]) -> None:
        """Called once with all of a ruleset's checks of this type, compiled."""
        ...


class CheckTypeBase:
    """The defaults of ``CheckType``'s optional hooks, for a check class to inherit.

    A type whose rules all fix the same way needs only ``FIX``; one whose
    keys change that (``applicability``, ``remove``) overrides
    ``fix_availability``; one whose checks share work overrides ``link``.
    ``FIX`` has no default on purpose: every type states it.
    """

    __slots__ = ()

    FIX: ClassVar[FixAvailability]

    @classmethod
    def fix_availability(cls, data: Mapping[str, Any]) -> FixAvailability:
        del data
        return cls.FIX

    @classmethod
    def link(cls, checks: Sequence[Check]) -> None:
        """Nothing shared: each check runs on its own."""
        del checks


def fix_by_applicability(data: Mapping[str, Any]) -> FixAvailability:
    """Rules with an ``applicability`` key: unsafe unless the file says safe."""
    return (
        FixAvailability.SAFE
        if data.get("applicability") == "safe"
        else FixAvailability.UNSAFE
    )
