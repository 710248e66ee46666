"""``consistency``: one spelling per document for each ``either`` pair.

Each pair (``advisor: adviser``) is counted in the whole document; the form
used more often wins and every use of the other is flagged, with the winner as
an UNSAFE fix (a variant may be right in a quotation or a name). On a tie the
form used first wins. Sides may be regexes; the fix then uses the winner's
first spelling as found in the document.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Final, TypeAlias

from copydesk import patterns, regex_programs
from copydesk.checks.base import Check, CheckTypeBase, LoadContext
from copydesk.checks.substitution import match_case
from copydesk.document import Document
from copydesk.errors import RuleError
from copydesk.model import Applicability, Edit, Finding, Fix, FixAvailability, RuleMeta
from copydesk.schema import Key

Span = tuple[int, int]
if TYPE_CHECKING:  # ``regex`` is imported to compile only (``regex_programs``)
    #: A compiled form and, when it is a plain word, that word (the fix's
    #: spelling).
    Form: TypeAlias = tuple[patterns.Pattern, str | None]


class Consistency(CheckTypeBase):
    """Flags the minority form of each pair of alternatives."""

    __slots__ = ("meta", "pairs")

    #: The majority form may not be the house form.
    FIX: ClassVar[FixAvailability] = FixAvailability.UNSAFE

    KEYS: ClassVar[Mapping[str, Key]] = {
        k.name: k
        for k in (
            Key("either", (dict,), required=True),
            Key("nonword", (bool,)),
        )
    }

    meta: Final[RuleMeta]
    pairs: Final[tuple[tuple[Form, Form], ...]]

    def __init__(
        self,
        meta: RuleMeta,
        pairs: tuple[tuple[Form, Form], ...],
    ) -> None:
        self.meta = meta
        self.pairs = pairs

    @classmethod
    def from_yaml(
        cls, meta: RuleMeta, data: Mapping[str, Any], _context: LoadContext
    ) -> Check:
        either = data["either"]
        if not either:
            raise RuleError(meta.source, "key 'either': needs at least one pair")
        nonword = bool(data.get("nonword", False))
        pairs = []
        for one, other in either.items():
            if not isinstance(one, str) or not isinstance(other, str):
                raise RuleError(
                    meta.source, f"key 'either': {one!r} must map a string to a string"
                )
            if not one or not other or one == other:
                raise RuleError(
                    meta.source, f"key 'either': {one!r} needs two different forms"
                )
            pairs.append(
                (
                    _compile(meta, one, nonword=nonword),
                    _compile(meta, other, nonword=nonword),
                )
            )
        return cls(meta, tuple(pairs))

    def run(self, doc: Document) -> Iterator[Finding]:
        for first, second in self.pairs:
            a = _spans(first[0], doc)
            b = _spans(second[0], doc)
            if not a or not b:
                continue
            keep, drop, word = (a, b, first[1]) if _wins(a, b) else (b, a, second[1])
            preferred = word or doc.text[keep[0][0] : keep[0][1]]
            yield from self._flag(doc, drop, preferred)

    def _flag(
        self, doc: Document, spans: list[Span], preferred: str
    ) -> Iterator[Finding]:
        for start, end in spans:
            found = doc.text[start:end]
            right = match_case(preferred, found) if self.meta.ignorecase else preferred
            yield self.meta.finding(
                doc,
                start,
                end,
                self.meta.format_message(found, right),
                suggestions=(right,),
                fix=Fix((Edit(start, end, right),), Applicability.UNSAFE),
            )


def _wins(a: list[Span], b: list[Span]) -> bool:
    """True when form ``a`` is the document's choice: more uses, or used first."""
    if len(a) != len(b):
        return len(a) > len(b)
    return a[0][0] < b[0][0]


def _spans(pattern: patterns.Pattern, doc: Document) -> list[Span]:
    return [s for s in patterns.spans(pattern, doc.prose) if s[1] > s[0]]


def _compile(meta: RuleMeta, form: str, *, nonword: bool) -> Form:
    literal = patterns.is_literal(form)
    body = regex_programs.escape(form) if literal else form
    wrapped = f"(?:{body})" if nonword else rf"(?<![\w])(?:{body})(?![\w])"
    return _pattern(meta, wrapped), form if literal else None


def _pattern(meta: RuleMeta, wrapped: str) -> patterns.Pattern:
    return patterns.compile_regex(
        wrapped, meta.source, "either", ignorecase=meta.ignorecase
    )
