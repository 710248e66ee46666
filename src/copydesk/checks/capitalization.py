"""``capitalization``: headings (or another scope) in one letter case.

``match`` is ``$sentence``, ``$title`` (``style: AP`` or ``Chicago``),
``$lower``, ``$upper`` or a regex the whole unit must match, as in Vale.
``exceptions`` (proper nouns, acronyms, multi-word names) are kept as written;
so are words in ALL CAPS and words with an inner capital ("iPhone"). A word
after one of the ``indicators`` (default ``:``) starts afresh: either case
in sentence case (Vale ignores it), a capital in title case. A unit passes
when at least ``threshold`` (default 0.8, Vale's) of its judged words are
right. The finding points at the first
wrong word, so the engine's exception filter cannot swallow the whole heading;
its UNSAFE fix recases every wrong word (an unlisted name may be meant).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, Final, NamedTuple

from copydesk import patterns, regex_programs
from copydesk.checks.base import Check, CheckTypeBase, LoadContext
from copydesk.checks.occurrence import units
from copydesk.document import Document
from copydesk.errors import RuleError
from copydesk.model import Applicability, Edit, Finding, Fix, FixAvailability, RuleMeta
from copydesk.schema import Key

_WORD = regex_programs.compiled(
    r"[\p{L}\p{N}][\p{L}\p{M}\p{N}'’]*(?:-[\p{L}\p{M}\p{N}'’]+)*"
)
_ARTICLES = {"a", "an", "the"}
_CONJUNCTIONS = {"and", "but", "for", "nor", "or", "so", "yet"}
_SHORT_PREPOSITIONS = {"as", "at", "by", "for", "in", "of", "off", "on", "out"}
_SHORT_PREPOSITIONS |= {"per", "to", "up", "via", "vs", "vs."}
_LONG_PREPOSITIONS = {
    "about", "above", "across", "after", "against", "along", "among", "around",
    "before", "behind", "below", "beneath", "beside", "between", "beyond",
    "despite", "down", "during", "except", "from", "inside", "into", "like",
    "near", "onto", "outside", "over", "past", "since", "through", "toward",
    "towards", "under", "until", "upon", "with", "within", "without",
}  # fmt: skip
SMALL_WORDS = {
    "AP": frozenset(_ARTICLES | _CONJUNCTIONS | _SHORT_PREPOSITIONS),
    "Chicago": frozenset(
        _ARTICLES | _CONJUNCTIONS | _SHORT_PREPOSITIONS | _LONG_PREPOSITIONS
    ),
}
_MATCHES = ("$sentence", "$title", "$lower", "$upper")


class Word(NamedTuple):
    """One word of a unit and what the case rule expects of it."""

    start: int
    end: int
    text: str
    first: bool
    fresh: bool
    last: bool = False


class Capitalization(CheckTypeBase):
    """Checks the letter case of each unit of the rule's scope."""

    __slots__ = ("indicators", "keep", "match", "meta", "pattern", "small", "threshold")

    #: Every case fix is unsafe: a capital may be a name's.
    FIX: ClassVar[FixAvailability] = FixAvailability.UNSAFE

    KEYS: ClassVar[Mapping[str, Key]] = {
        k.name: k
        for k in (
            Key("match", (str,), required=True),
            Key("style", (str,)),
            Key("indicators", (list,), item_types=(str,)),
            Key("threshold", (float, int)),
        )
    }

    meta: Final[RuleMeta]
    match: Final[str]
    small: Final[frozenset[str]]
    indicators: Final[tuple[str, ...]]
    threshold: Final[float]
    keep: Final[patterns.Pattern | None]
    pattern: Final[patterns.Pattern | None]

    def __init__(
        self,
        meta: RuleMeta,
        match: str,
        small: frozenset[str],
        indicators: tuple[str, ...],
        threshold: float,
        keep: patterns.Pattern | None,
        pattern: patterns.Pattern | None,
    ) -> None:
        self.meta = meta
        self.match = match
        self.small = small
        self.indicators = indicators
        self.threshold = threshold
        self.keep = keep
        self.pattern = pattern

    @classmethod
    def from_yaml(
        cls, meta: RuleMeta, data: Mapping[str, Any], _context: LoadContext
    ) -> Check:
        match = str(data["match"])
        style = str(data.get("style", "AP"))
        if style not in SMALL_WORDS:
            raise RuleError(meta.source, "key 'style': expected AP or Chicago")
        threshold = float(data.get("threshold", 0.8))
        if not 0.0 <= threshold <= 1.0:
            raise RuleError(meta.source, "key 'threshold': expected 0.0 to 1.0")
        pattern = None
        if match not in _MATCHES:
            pattern = patterns.compile_regex(match, meta.source, "match")
        keep = None
        if meta.exceptions:
            keep = patterns.token_matcher(meta.exceptions, meta.source, "exceptions")
        indicators = tuple(data.get("indicators", [":"]))
        return cls(
            meta, match, SMALL_WORDS[style], indicators, threshold, keep, pattern
        )

    def run(self, doc: Document) -> Iterator[Finding]:
        for unit_start, end in units(doc, self.meta.scope):
            raw = doc.prose[unit_start:end]
            text = raw.strip()
            if not text:
                continue
            start = unit_start + len(raw) - len(raw.lstrip())
            finding = self._check_unit(doc, start, start + len(text))
            if finding is not None:
                yield finding

    def _check_unit(self, doc: Document, start: int, end: int) -> Finding | None:
        unit = doc.text[start:end]
        message = self.meta.format_message(" ".join(unit.split()))
        if self.pattern is not None:
            if self.pattern.fullmatch(
                doc.prose, start, end, timeout=patterns.match_timeout()
            ):
                return None
            return self.meta.finding(doc, start, end, message)
        words = self._words(doc, start, end)
        wrong = [(w, fixed) for w in words if (fixed := self._expected(w)) != w.text]
        if not wrong or 1 - len(wrong) / len(words) >= self.threshold:
            return None
        edits = tuple(Edit(w.start, w.end, fixed) for w, fixed in wrong)
        first = wrong[0][0]
        return self.meta.finding(
            doc,
            first.start,
            first.end,
            message,
            suggestions=(_apply(unit, start, edits),),
            fix=Fix(edits, Applicability.UNSAFE),
        )

    def _words(self, doc: Document, start: int, end: int) -> list[Word]:
        """Words to judge: exceptions and fixed-shape words are left out."""
        kept: list[tuple[int, int]] = []
        if self.keep is not None:
            kept = [
                m.span() for m in patterns.finditer(self.keep, doc.prose, start, end)
            ]
        words: list[Word] = []
        fresh = False
        found = list(_WORD.finditer(doc.prose, start, end))
        for m in found:
            text = m.group()
            starts = fresh
            after = doc.prose[m.end() : end].lstrip(" ")
            fresh = any(after.startswith(i) for i in self.indicators)
            if any(s <= m.start() and m.end() <= e for s, e in kept) or _fixed(text):
                continue
            first, last = m is found[0], m is found[-1]
            words.append(Word(m.start(), m.end(), text, first, starts, last))
        return words

    def _expected(self, word: Word) -> str:
        text = word.text
        if self.match == "$lower":
            return text.lower()
        if self.match == "$upper":
            return text.upper()
        if self.match == "$sentence":
            if word.fresh:
                return text
            return _capital(text) if word.first else text.lower()
        return self._title(word)

    def _title(self, word: Word) -> str:
        text = word.text
        if word.first or word.fresh or word.last or text.lower() not in self.small:
            return _capital(text)
        return text.lower()


def _fixed(text: str) -> bool:
    """Words whose case is their identity: ALLCAPS, inner capitals, digits, "I"."""
    letters = [c for c in text if c.isalpha()]
    if text == "I" or any(c.isdigit() for c in text):
        return True
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return True
    return any(c.isupper() for c in text[1:].split("-", maxsplit=1)[0])


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _apply(unit: str, offset: int, edits: tuple[Edit, ...]) -> str:
    out = unit
    for e in sorted(edits, key=lambda e: e.start, reverse=True):
        out = out[: e.start - offset] + e.replacement + out[e.end - offset :]
    return out
