"""What the house list says a group of spellings of one name should be.

``variants`` finds one name spelled two ways without a list and picks one
spelling as the canonical form; ``names`` holds the house's own spellings.
When the two disagree, their fixes undo each other: ``names`` turns
"Bernard-Henri Lévi" into "Lévy", then ``variants`` makes that "Lévy" agree
with a bare "Lévi" earlier in the text, and back. So the house decides the
canonical form of a group whenever it has a say:

- a spelling with the transliteration key of a house name that applies
  anywhere (no anchor) makes that house name the canonical form;
- a spelling of an anchored house name (its house spelling, a listed
  variant or one with its key) right after the anchor ("Bernard-Henri
  Lévi", "Bernard-Henri Lévy") makes that house name the canonical form:
  the document shows the person the entry is about;
- a canonical form picked by the document's own evidence that the house
  rejects anywhere (a listed variant, "Kiev") is replaced by its house name.

Either way ``variants`` never proposes a spelling ``names`` would report.
"""

import functools
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from copydesk import patterns, translit
from copydesk.checks.names import Entry, anchor_pattern


class AnchoredName(NamedTuple):
    """A house name that applies only right after its anchor."""

    canonical: str
    #: Transliteration keys of the house name.
    keys: frozenset[str]
    #: Listed spellings the house rejects after the anchor.
    variants: frozenset[str]
    #: Matches when the anchor ends right before an offset (``names``' own,
    #: built on first use as ``names`` builds it: most documents never show
    #: a spelling of an anchored name, and the anchors are escaped words).
    anchor: patterns.OnFirstUse

    def spells(self, spelling: str) -> bool:
        """True when ``spelling`` after the anchor is this name: its house
        spelling, or one ``names`` reports there (a listed variant or a
        spelling with its key)."""
        if spelling == self.canonical or spelling in self.variants:
            return True
        return not self.keys.isdisjoint(translit.keys(spelling))

    def anchored_at(self, prose: str, start: int) -> bool:
        """True when the anchor ends right before ``start``."""
        anchor = self.anchor.get()
        return (
            anchor is not None
            and anchor.search(prose, max(0, start - 80), start) is not None
        )


class HouseSpellings(NamedTuple):
    """The house list of one language, read for ``variants``' groups."""

    #: Transliteration key of a house name without anchor → that name.
    by_key: Mapping[str, str]
    #: A listed spelling the house rejects anywhere → its house name.
    rejected: Mapping[str, str]
    anchored: tuple[AnchoredName, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.by_key or self.rejected or self.anchored)

    def canonical(
        self, prose: str, spellings: Sequence[tuple[str, Iterable[int]]]
    ) -> str | None:
        """The house name a group of ``(spelling, starts)`` must take, if the
        house has a say before the document's evidence is weighed."""
        for text, _ in spellings:
            for key in translit.keys(text):
                if key in self.by_key:
                    return self.by_key[key]
        for name in self.anchored:
            for text, starts in spellings:
                if name.spells(text) and any(
                    name.anchored_at(prose, start) for start in starts
                ):
                    return name.canonical
        return None

    def accepted(self, spelling: str) -> str:
        """``spelling``, or the house name it is a rejected variant of."""
        return self.rejected.get(spelling, spelling)


#: A house list that says nothing (variants run with ``house: false``).
NO_HOUSE = HouseSpellings({}, {})


def house_spellings(entries: Iterable[Entry]) -> HouseSpellings:
    """The house spellings of a house list's entries; the first entry wins a
    key or a variant, as in ``names``' own index.

    Given names are left out: their house form is a Ukrainian's (Yuliia),
    which ``names`` writes only for a person the document shows to be
    Ukrainian; "Yulia Navalnaya ... Julija Nawalnaja" is one Russian
    woman's name, for the document's evidence to settle. ``names`` reports
    only a given name with a foreign system's markers (Julija), never the
    English spelling such evidence picks (Yulia), so no fix undoes another.
    """
    by_key: dict[str, str] = {}
    rejected: dict[str, str] = {}
    anchored: list[AnchoredName] = []
    for entry in entries:
        if entry.kind == "given":
            continue
        if entry.anchors:
            keys = translit.keys(entry.canonical)
            variants = frozenset(entry.variants)
            anchor = patterns.OnFirstUse(
                functools.partial(anchor_pattern, entry.anchors)
            )
            anchored.append(AnchoredName(entry.canonical, keys, variants, anchor))
            continue
        for key in translit.keys(entry.canonical):
            by_key.setdefault(key, entry.canonical)
        for variant in entry.variants:
            rejected.setdefault(variant, entry.canonical)
    return HouseSpellings(by_key, rejected, tuple(anchored))
