"""``conditional``: a term (an acronym) must be defined before it is used.

As in Vale, ``first`` finds uses and ``second`` finds definitions; the first
capture group of each (or the whole match) names the term. Each term is
reported once, at its first use, when that use comes before its first
definition or it is never defined. A use inside a definition ("World Health
Organization (WHO)") is the definition itself. Terms that need no definition
go in ``exceptions``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, Final

from copydesk import patterns
from copydesk.checks.base import Check, CheckTypeBase, LoadContext
from copydesk.document import Document
from copydesk.errors import RuleError
from copydesk.model import Finding, FixAvailability, RuleMeta
from copydesk.schema import Key


class Conditional(CheckTypeBase):
    """Flags the first use of each term that precedes its definition."""

    __slots__ = ("allowed", "first", "meta", "second")

    FIX: ClassVar[FixAvailability] = FixAvailability.NONE

    KEYS: ClassVar[Mapping[str, Key]] = {
        k.name: k
        for k in (
            Key("first", (str,), required=True),
            Key("second", (str,), required=True),
        )
    }

    meta: Final[RuleMeta]
    first: Final[patterns.Pattern]
    second: Final[patterns.Pattern]
    allowed: Final[frozenset[str]]

    def __init__(
        self,
        meta: RuleMeta,
        first: patterns.Pattern,
        second: patterns.Pattern,
        allowed: frozenset[str],
    ) -> None:
        self.meta = meta
        self.first = first
        self.second = second
        self.allowed = allowed

    @classmethod
    def from_yaml(
        cls, meta: RuleMeta, data: Mapping[str, Any], _context: LoadContext
    ) -> Check:
        compiled = []
        for key in ("first", "second"):
            if not data[key]:
                raise RuleError(meta.source, f"key {key!r}: must not be empty")
            compiled.append(
                patterns.compile_regex(
                    data[key], meta.source, key, ignorecase=meta.ignorecase
                )
            )
        allowed = frozenset(_norm(e, meta.ignorecase) for e in meta.exceptions)
        return cls(meta, compiled[0], compiled[1], allowed)

    def run(self, doc: Document) -> Iterator[Finding]:
        defined: dict[str, tuple[int, int]] = {}
        for m in patterns.finditer(self.second, doc.prose):
            start, end = _term_span(m)
            term = _norm(doc.text[start:end], self.meta.ignorecase)
            if term and term not in defined:
                defined[term] = m.span()
        seen: set[str] = set()
        for m in patterns.finditer(self.first, doc.prose):
            start, end = _term_span(m)
            term = _norm(doc.text[start:end], self.meta.ignorecase)
            if not term or term in seen or term in self.allowed:
                continue
            seen.add(term)
            definition = defined.get(term)
            if definition is None or start < definition[0]:
                yield self.meta.finding(
                    doc, start, end, self.meta.format_message(doc.text[start:end])
                )


def _term_span(m: patterns.Match) -> tuple[int, int]:
    """The first group that took part in the match, else the whole match."""
    for index in range(1, len(m.groups()) + 1):
        if m.start(index) >= 0:
            return m.span(index)
    return m.span()


def _norm(term: str, ignorecase: bool) -> str:
    return term.casefold() if ignorecase else term
