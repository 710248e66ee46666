"""``occurrence``: a token may appear at most ``max`` / at least ``min`` times.

Counted per scope unit, as in Vale: the whole document for ``scope: text``,
each block of that kind otherwise (one heading, one paragraph ...). A unit that
breaks the limit is reported once: at the first token over ``max``, or at the
unit's first line when it falls short of ``min``. ``%s`` in the message is the
count found.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, Final

from copydesk import patterns
from copydesk.checks.base import Check, CheckTypeBase, LoadContext
from copydesk.document import BLOCK_KINDS, Document
from copydesk.errors import RuleError
from copydesk.model import Finding, FixAvailability, RuleMeta
from copydesk.schema import Key


class Occurrence(CheckTypeBase):
    """Counts one pattern per scope unit against a minimum and a maximum."""

    __slots__ = ("max", "meta", "min", "pattern")

    FIX: ClassVar[FixAvailability] = FixAvailability.NONE

    KEYS: ClassVar[Mapping[str, Key]] = {
        k.name: k
        for k in (
            Key("token", (str,), required=True),
            Key("max", (int,)),
            Key("min", (int,)),
        )
    }

    meta: Final[RuleMeta]
    pattern: Final[patterns.Pattern]
    max: Final[int | None]
    min: Final[int | None]

    def __init__(
        self,
        meta: RuleMeta,
        pattern: patterns.Pattern,
        max: int | None,
        min: int | None,
    ) -> None:
        self.meta = meta
        self.pattern = pattern
        self.max = max
        self.min = min

    @classmethod
    def from_yaml(
        cls, meta: RuleMeta, data: Mapping[str, Any], _context: LoadContext
    ) -> Check:
        low: int | None = data.get("min")
        high: int | None = data.get("max")
        if low is None and high is None:
            raise RuleError(meta.source, "key 'max': set 'max', 'min' or both")
        for name, value in (("min", low), ("max", high)):
            if value is not None and value < 0:
                raise RuleError(meta.source, f"key {name!r}: must not be negative")
        if low is not None and high is not None and low > high:
            raise RuleError(meta.source, "key 'min': larger than 'max'")
        if not data["token"]:
            raise RuleError(meta.source, "key 'token': must not be empty")
        pattern = patterns.compile_regex(
            data["token"], meta.source, "token", ignorecase=meta.ignorecase
        )
        return cls(meta, pattern, high, low)

    def run(self, doc: Document) -> Iterator[Finding]:
        for start, end in units(doc, self.meta.scope):
            found = [
                m.span()
                for m in patterns.finditer(self.pattern, doc.prose, start, end)
                if m.end() > m.start()
            ]
            count = str(len(found))
            if self.max is not None and len(found) > self.max:
                first, last = found[self.max]
                message = self.meta.format_message(count)
                yield self.meta.finding(doc, first, last, message)
            elif self.min is not None and len(found) < self.min:
                line_end = doc.prose.find("\n", start, end)
                stop = end if line_end < 0 else line_end
                yield self.meta.finding(
                    doc, start, stop, self.meta.format_message(count)
                )


def units(doc: Document, scope: str) -> list[tuple[int, int]]:
    """Spans to count in: the trimmed document, or each block of the scope's kind."""
    if scope in BLOCK_KINDS:
        return [(b.start, b.end) for b in doc.blocks if b.kind == scope]
    text = doc.prose
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    return [(start, end)] if end > start else []
