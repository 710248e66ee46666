"""What every check type shares: the common keys, the protocols and their defaults.

A check type is a class with ``from_yaml(meta, data, context)`` that
validates its own keys (those not in ``COMMON_KEYS``) and compiles its
patterns once, and ``run(doc)`` that yields Findings. Checks find; the engine
decides what to keep. The class is a plain one with ``__slots__``, an
explicit ``__init__`` and ``Final`` fields, not a dataclass (the house rule in
``copydesk.model``: a dataclass costs every start its generated methods).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from typing import Any, ClassVar, Protocol, TypeVar

from copydesk.document import Analysis, Document
from copydesk.model import Finding, FixAvailability, RuleMeta
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
        Key("furniture", (bool, str)),
    )
}


class Reach(enum.Enum):
    """How much of a document a check type reads to decide a finding.

    Declared by each type (``REACH``), so the engine may split the work
    without running a check to find out: a large document is linted in
    windows, and an editor's buffer re-linted paragraph by paragraph, for
    the types that allow it.
    """

    #: A finding (its span, message and fix) depends only on the paragraph
    #: it is in: run on any run of whole paragraphs (top-level blocks in
    #: markup) cut from a document, the check finds exactly the document's
    #: findings there, moved by the run's offset. A rule pattern written to
    #: match across a blank line breaks that promise.
    PARAGRAPH = "paragraph"
    #: Anything in the document may decide: counts, first uses, spellings
    #: compared across paragraphs, quotations left open to a later one.
    DOCUMENT = "document"


_Derived = TypeVar("_Derived")


class LoadContext(Protocol):
    """What the loader lends a check type while it compiles a rule.

    Checks never import the loader; a rule that needs other rule files (the
    ``variants`` check and given-name rules read the ``names`` house list)
    asks for them here.
    """

    def shipped_pack(self, pack: str) -> Sequence[tuple[str, Mapping[str, Any]]]:
        """(display name, data) of each rule file of a shipped pack."""
        ...

    def derived(self, key: Hashable, make: Callable[[], _Derived]) -> _Derived:
        """``make()``, made once per load for ``key``: what several rules
        derive from the same shipped files (the ``names`` house list, which
        given-name rules, ``variants`` and the lexicon each read)."""
        ...


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
    #: The per-document analyses its checks read with ``doc.get``: declared,
    #: so what a type depends on is visible without reading its ``run``.
    USES: tuple[type[Analysis[Any]], ...]
    #: How much of a document decides one finding (see ``Reach``).
    REACH: Reach
    #: Its findings are words a project's spell-checker dictionary may
    #: accept (``Ruleset.spelling``: the engine drops those).
    SPELLING: bool
    #: Its findings may report a spelling because the page prefers another
    #: (its first suggestion): a choice the tree's other pages can outvote
    #: (:mod:`copydesk.project_terms`).
    PAGE_CHOICE: bool
    #: A rule's ``ignorecase`` where its file does not say.
    IGNORECASE: bool

    @classmethod
    def from_yaml(
        cls, meta: RuleMeta, data: Mapping[str, Any], context: LoadContext, /
    ) -> Check:
        """Validate this type's keys in ``data`` and compile the rule once."""
        ...

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
    #: No shared per-document work unless a type says so.
    USES: ClassVar[tuple[type[Analysis[Any]], ...]] = ()
    #: The whole document, unless a type says its findings are paragraph-local:
    #: a type that does not say so is never split.
    REACH: ClassVar[Reach] = Reach.DOCUMENT
    #: Not a spelling rule unless a type says so.
    SPELLING: ClassVar[bool] = False
    #: Its suggestions are no page's choice unless a type says so.
    PAGE_CHOICE: ClassVar[bool] = False
    #: Case counts in its patterns unless the rule or the type says not.
    IGNORECASE: ClassVar[bool] = False

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
