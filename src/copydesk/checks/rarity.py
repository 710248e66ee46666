"""``rarity``: real but very rare words where a common sibling was meant.

Machine translation from German turns ``unmenschlich`` into ``unhuman`` and
``Unsicherheit`` into ``unsecurity``: words a dictionary may even hold, but
that edited English almost never uses, built from a stem whose common form
takes another affix (``inhuman``, ``insecurity``). The curated list of
``typos.MachineTranslation`` names the known cases; this check finds the
pattern beyond the list. A word is reported when

- it has no frequency in the lexicon (very rare in published English) and
  the document uses it once;
- swapping its affix for one of the rule's alternatives (``un`` → ``in``,
  ``im``, ``dis`` ...) gives a common word (``suggestion-count``);
- a neighbouring word is common (``neighbour-count``), so the rare word sits
  in running prose, not in a list of terms.

It is a suggestion with an unsafe fix: a writer may coin a word on purpose.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, Final

from copydesk import langtag, spell_directives, word_guards, wordlists
from copydesk.checks.base import Check, CheckTypeBase, LoadContext, Reach
from copydesk.document import Analysis, Document
from copydesk.errors import RuleError
from copydesk.model import Applicability, Edit, Finding, Fix, FixAvailability, RuleMeta
from copydesk.schema import Key

_MIN_LENGTH = 6
_MIN_STEM = 4


class Rarity(CheckTypeBase):
    """Flags a rare word whose affix, swapped, gives a common word."""

    __slots__ = ("meta", "neighbour_count", "prefixes", "suffixes", "suggestion_count")

    FIX: ClassVar[FixAvailability] = FixAvailability.UNSAFE
    #: A word the project's cSpell dictionary accepts is not reported.
    SPELLING: ClassVar[bool] = True
    USES: ClassVar[tuple[type[Analysis[Any]], ...]] = (
        word_guards.WordCounts,
        word_guards.WordPlaces,
        spell_directives.SpellDirectives,
    )
    #: A word used twice in the document is not rare, and a word alone in
    #: its paragraph finds its neighbours in the next and previous ones.
    REACH: ClassVar[Reach] = Reach.DOCUMENT

    KEYS: ClassVar[Mapping[str, Key]] = {
        k.name: k
        for k in (
            Key("prefixes", (dict,)),
            Key("suffixes", (dict,)),
            Key("suggestion-count", (int,)),
            Key("neighbour-count", (int,)),
        )
    }

    meta: Final[RuleMeta]
    prefixes: Final[tuple[tuple[str, tuple[str, ...]], ...]]
    suffixes: Final[tuple[tuple[str, tuple[str, ...]], ...]]
    suggestion_count: Final[int]
    neighbour_count: Final[int]

    def __init__(
        self,
        meta: RuleMeta,
        prefixes: tuple[tuple[str, tuple[str, ...]], ...],
        suffixes: tuple[tuple[str, tuple[str, ...]], ...],
        suggestion_count: int,
        neighbour_count: int,
    ) -> None:
        self.meta = meta
        self.prefixes = prefixes
        self.suffixes = suffixes
        self.suggestion_count = suggestion_count
        self.neighbour_count = neighbour_count

    @classmethod
    def from_yaml(
        cls, meta: RuleMeta, data: Mapping[str, Any], _context: LoadContext
    ) -> Check:
        prefixes = _alternations(data.get("prefixes", {}), meta.source, "prefixes")
        suffixes = _alternations(data.get("suffixes", {}), meta.source, "suffixes")
        if not prefixes and not suffixes:
            raise RuleError(meta.source, "keys 'prefixes'/'suffixes': none given")
        return cls(
            meta,
            prefixes,
            suffixes,
            int(data.get("suggestion-count", 55)),
            int(data.get("neighbour-count", 65)),
        )

    def run(self, doc: Document) -> Iterator[Finding]:
        if langtag.primary(doc.language) != "en":
            return
        lex = wordlists.lexicon("en")
        counts = doc.get(word_guards.WordCounts)
        unknown = [
            token
            for token in counts
            if len(token) >= _MIN_LENGTH and token.islower() and not lex.count(token)
        ]
        # Case-folded in one C call for all words (joined: no word holds a
        # line feed), not one call each.
        folded = "\n".join(counts).casefold().split("\n") if unknown else []
        uses = word_guards.uses_by_form(folded, counts, frozenset(unknown))
        rare = [
            (token, self._siblings(token, lex)) for token in unknown if uses[token] <= 1
        ]
        rare = [(token, choices) for token, choices in rare if choices]
        places = doc.get(word_guards.WordPlaces).of(token for token, _ in rare)
        for token, choices in rare:
            for start in places[token]:
                end = start + len(token)
                near = word_guards.neighbours(doc.prose, start, end)
                if (
                    word_guards.code_like(doc, start, end)
                    or spell_directives.allowed(doc, start, token)
                ) or not any(
                    lex.count(w.casefold()) >= self.neighbour_count for w in near
                ):
                    continue
                message = self.meta.format_message(
                    token, " or ".join(f"'{c}'" for c in choices)
                )
                fix = Fix((Edit(start, end, choices[0]),), Applicability.UNSAFE)
                yield self.meta.finding(doc, start, end, message, choices, fix)

    def _siblings(self, word: str, lex: wordlists.Lexicon) -> tuple[str, ...]:
        """Common words that differ from ``word`` by the rule's affix swaps."""
        found: list[str] = []
        for affix, others in self.prefixes:
            if not word.startswith(affix):
                continue
            stem = word[len(affix) :]
            if _undone(affix, stem, lex):
                continue  # unmigrated: un- before a participle is English's own
            if len(stem) >= _MIN_STEM:
                found += [o + stem for o in others]
        for affix, others in self.suffixes:
            stem = word[: -len(affix)]
            if word.endswith(affix) and len(stem) >= _MIN_STEM:
                found += [stem + o for o in others]
        common = [w for w in found if lex.count(w) >= self.suggestion_count]
        return tuple(sorted(common, key=lambda w: -lex.count(w)))


def _undone(prefix: str, stem: str, lex: wordlists.Lexicon) -> bool:
    """Whether ``un`` + ``stem`` is English's productive negation of a past
    participle (unmigrated, unpatched): the slips this rule looks for are
    adjectives whose foreign un- is English in- (untolerant), never un-
    before an -ed form of a known verb."""
    return prefix == "un" and stem.endswith("ed") and lex.count(stem) > 0


def _alternations(
    value: Any, source: str, key: str
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise RuleError(source, f"key {key!r}: expected a mapping of affix: [affixes]")
    out: list[tuple[str, tuple[str, ...]]] = []
    for affix, others in value.items():
        if (
            not isinstance(affix, str)
            or not affix
            or not isinstance(others, list)
            or not all(isinstance(o, str) for o in others)
        ):
            raise RuleError(
                source, f"key {key!r}: entry {affix!r} must map an affix to a list"
            )
        out.append((affix, tuple(others)))
    return tuple(out)
