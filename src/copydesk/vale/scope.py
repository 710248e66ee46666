"""Vale's scope selectors: which blocks a rule runs on.

A block's scope is a dotted name such as ``text.heading.h2.md`` or
``sentence.md``; a rule's ``scope`` entry matches when all of its dotted
parts occur in the block's (``heading`` matches every heading, ``text`` every
text block but not sentences or the raw file). ``~`` negates an entry (never
true for ``raw`` or ``summary`` blocks), ``&`` joins entries that must all
hold, and a list of entries matches when any of them does.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = ["Scope"]


@dataclass(frozen=True, slots=True)
class _Selector:
    sections: frozenset[str]
    negated: bool

    @classmethod
    @functools.lru_cache(maxsize=1024)
    def of_scope(cls, scope: str) -> _Selector:
        """A block's scope, parsed once per distinct name."""
        return cls.of(scope.split("."))

    @classmethod
    def of(cls, parts: Sequence[str]) -> _Selector:
        negated = False
        sections: list[str] = []
        for i, raw in enumerate(parts):
            part = raw.strip()
            if i == 0 and part.startswith("~"):
                part = part[1:]
                negated = True
            sections.extend(part.split("."))
        return cls(frozenset(sections), negated)

    def contains(self, other: _Selector) -> bool:
        return other.sections <= self.sections


@dataclass(frozen=True, slots=True)
class Scope:
    """A rule's scope entries, parsed once."""

    options: tuple[tuple[_Selector, ...], ...]
    _seen: dict[tuple[str, str], bool] = field(default_factory=dict, compare=False)

    @classmethod
    def parse(cls, values: Sequence[str]) -> Scope:
        return cls(
            tuple(
                tuple(_Selector.of(part.split(".")) for part in value.split("&"))
                for value in values
            )
        )

    def matches(self, scope: str, parent: str) -> bool:
        """Whether a block with ``scope`` (and ``parent``) is in this scope."""
        key = (scope, parent)
        known = self._seen.get(key)
        if known is None:
            target = _Selector.of_scope(scope)
            outer = _Selector.of_scope(parent)
            known = any(self._all(target, outer, parts) for parts in self.options)
            self._seen[key] = known
        return known

    @staticmethod
    def _all(target: _Selector, outer: _Selector, parts: tuple[_Selector, ...]) -> bool:
        for part in parts:
            in_target = target.contains(part)
            in_parent = outer.contains(part)
            if part.negated and not in_parent:
                if "raw" in target.sections or "summary" in target.sections:
                    return False
            elif (not part.negated and not in_target) or (part.negated and in_parent):
                return False
        return True
