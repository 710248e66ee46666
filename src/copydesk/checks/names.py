"""``names``: house-style spellings of people and places, kept as editable data.

Each entry has a canonical form, listed variants, exception phrases that never
count ("chicken Kiev") and an optional anchor (a given name that must come
right before a surname). Listed variants are matched literally with one
matcher per rule; unlisted romanisations are caught by transliteration key
(Tschernihiw has the key of Chernihiv), so the list stays short.

Given names (``kind: given``) are romanised the house way only for a person
the document shows to be Ukrainian: the surname after the given name has a
Ukrainian shape (the rule's ``surnames``) or is a house-listed person, or the
paragraph says so (``context``) and does not place the person elsewhere
(``against``: Russian, Estonian ...). "Julia Roberts" or a bare "Julia" is
never a finding, and the fix is UNSAFE: it is a judgement about a person.

Safe means safe: a house spelling inside a quotation (an official statement
quoted as written) is a judgement too, so any finding whose span sits
between an opening and a closing quotation mark of its paragraph gets an
UNSAFE fix; inside a quotation in another language (a German headline cited
in English) it is no finding at all.

A listed place spelling inside another name is not the house's business:
"Dynamo Kiev", "The Odessa File", "Donbass Arena", "Odessa, Texas" (see
``copydesk.name_context``; the regions of elsewhere are the ``elsewhere``
key). Each rule file is the house list of one language (``house-language``,
English by default): it runs on documents whose prose is in that language,
or, when the prose is too short to tell, whose ``--language`` is
(``copydesk.doclang``).
"""

import bisect
import functools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Any, ClassVar, Final, NamedTuple

from copydesk import (
    doclang,
    langtag,
    name_context,
    patterns,
    regex_programs,
    translit,
    wordlists,
)
from copydesk.checks.base import COMMON_KEYS, Check, CheckTypeBase, LoadContext
from copydesk.document import Analysis, ByKey, Document
from copydesk.errors import RuleError
from copydesk.lazy_patterns import later_regex
from copydesk.lines import opening_line
from copydesk.model import Applicability, Edit, Finding, Fix, FixAvailability, RuleMeta
from copydesk.schema import Key, read_keys

if TYPE_CHECKING:  # ``regex`` is imported to compile only (``regex_programs``)
    import regex

KINDS = ("place", "person", "given")
#: ``by-key`` values: match every key-equal spelling, only foreign-marked
#: ones (for given names shared by Russian and Ukrainian), or none.
BY_KEY = ("all", "foreign", "off")

_ENTRY_KEYS: Mapping[str, Key] = {
    k.name: k
    for k in (
        Key("canonical", (str,), required=True),
        Key("variants", (list,), item_types=(str,)),
        Key("exceptions", (list,), item_types=(str,)),
        Key("anchor", (str, list)),
        Key("kind", (str,)),
        Key("shared", (bool,)),
    )
}


class Entry(NamedTuple):
    """One house spelling and what may be written instead of it."""

    canonical: str
    variants: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()
    anchors: tuple[str, ...] = ()
    kind: str = "place"
    #: The old spellings also name other places or people (Odessa, Texas;
    #: the surname Nikolaev): their fix is safe only in a document that
    #: shows it is about Ukraine.
    shared: bool = False


def parse_entries(
    value: Any, source: str, default_kind: str = "place"
) -> tuple[Entry, ...]:
    """Entries from a rule file's ``entries`` list (mappings or bare names)."""
    if not isinstance(value, list) or not value:
        raise RuleError(source, "key 'entries': expected a non-empty list")
    return tuple(_entry(item, source, i, default_kind) for i, item in enumerate(value))


def _entry(item: Any, source: str, index: int, default_kind: str) -> Entry:
    where = f"entries[{index}]"
    if isinstance(item, str):
        item = {"canonical": item}
    if not isinstance(item, dict):
        raise RuleError(source, f"key {where!r}: expected a name or a mapping")
    try:
        read_keys(item, _ENTRY_KEYS, source)
    except RuleError as exc:
        raise RuleError(source, f"{where}: {exc.reason}") from None
    anchor = item.get("anchor", [])
    anchors = (anchor,) if isinstance(anchor, str) else tuple(anchor)
    kind = item.get("kind", default_kind)
    if kind not in KINDS:
        raise RuleError(
            source, f"{where}: key 'kind': expected one of {', '.join(KINDS)}"
        )
    canonical = item["canonical"].strip()
    if not canonical or not all(isinstance(a, str) and a.strip() for a in anchors):
        raise RuleError(source, f"{where}: names must be non-empty strings")
    return Entry(
        canonical=canonical,
        variants=tuple(v for v in item.get("variants", []) if v and v != canonical),
        exceptions=tuple(item.get("exceptions", [])),
        anchors=anchors,
        kind=kind,
        shared=bool(item.get("shared", False)),
    )


#: A given name or an initial right before a surname ("Primo Levi", "J.
#: Levi"); a word that ends a sentence with its stop ("Levy. Levy's") is none.
_GIVEN_BEFORE = later_regex(r"\p{Lu}(?:\.|[\p{L}\p{M}'’.-]*[\p{L}\p{M}])[ \t\u00a0]+\Z")
#: How far before a use its anchor (a given name) is looked for.
_ANCHOR_REACH = 80


def _after_anchor(prose: str, at: int, anchor: "patterns.Pattern") -> bool:
    """Whether the entry's anchor (a given name) stands right before ``at``."""
    return anchor.search(prose, max(0, at - _ANCHOR_REACH), at) is not None


class SurnameUses(Analysis[ByKey[tuple[str, str, str], int]]):
    """By (spelling, anchor pattern, house spelling): where the anchor
    first stands before the spelling or the house spelling as a whole word
    (-1: never; "Bernard-Henri Lévy ... Lévi" after a fix of the first), or
    -2 when a whole use of the spelling follows another capitalised word
    (another given name: Primo Levi), which leaves its bare uses
    unattributed. One pass per spelling asked."""

    @classmethod
    def compute(cls, doc: Document) -> ByKey[tuple[str, str, str], int]:
        prose = doc.prose
        return ByKey(lambda key: _first_anchored(prose, *key))


def _first_anchored(
    prose: str, spelling: str, anchor_source: str, canonical: str
) -> int:
    anchor = regex_programs.compiled(anchor_source)
    first = -1
    for name in (spelling, canonical):
        whole = rf"(?<![\w-]){regex_programs.escape(name)}(?![\w-])"
        for m in regex_programs.compiled(whole).finditer(prose):
            at = m.start()
            if _after_anchor(prose, at, anchor):
                first = at if first < 0 else min(first, at)
            elif name == spelling and _GIVEN_BEFORE.search(prose, max(0, at - 40), at):
                return -2  # the spelling names someone else here too
    return first


def _named_again(
    doc: Document, start: int, end: int, anchor: "patterns.Pattern", canonical: str
) -> bool:
    """A surname standing alone (no given name before it, no second part
    after a hyphen: Lévi-Strauss) after the anchored full name in this
    document ("Bernard-Henri Lévi ... Lévi, who has filmed"), when no other
    given name goes with the same spelling anywhere in it (Primo Levi) and
    the spelling is no word of the language ("Levy payments") or is the
    name where it stands (:func:`_named_so`)."""
    prose = doc.prose
    spelling = prose[start:end]
    if _GIVEN_BEFORE.search(prose, max(0, start - 40), start) is not None:
        return False
    if prose[end : end + 1] == "-" and prose[end + 1 : end + 2].isalpha():
        return False
    if spelling.casefold() in wordlists.lexicon("en").words and not _named_so(
        prose, start, end
    ):
        return False
    first = doc.get(SurnameUses)[spelling, anchor.pattern, canonical]
    return 0 <= first < start


#: A verb that a person's name takes as its subject, right after it.
_PERSON_VERB = later_regex(
    r"['’]s\b|[ \t\u00a0]+(?:was|is|has|had|said|says|told|wrote|writes|added|will"
    r"|would|could|did|does|went|came|called|replied|answered)\b"
)


def _named_so(prose: str, start: int, end: int) -> bool:
    """Whether a surname that is also a word of the language (Levy) is the
    name here: capitalised inside a sentence, or opening one with no article
    and a person's verb or possessive after it ("Levy was filming", "Levy's
    talk"; "Levy payments rose" is the word)."""
    before = prose[max(0, start - 8) : start].rstrip(" \t\u00a0")
    if before and before[-1] not in '.!?:\n"“‘«„—–-':
        return True
    return _PERSON_VERB.match(prose, end) is not None


#: The gaps between a name's parts (``regex``'s ``\s``).
_NAME_PARTS = later_regex(r"[-\s]+")


def anchor_pattern(anchors: Sequence[str]) -> "patterns.Pattern | None":
    """``Bernard-Henri`` also matches ``Bernard Henri``, right before the name."""
    if not anchors:
        return None
    alternatives = "|".join(
        r"[-\s]+".join(regex_programs.escape(p) for p in _NAME_PARTS.split(a.strip()))
        for a in anchors
    )
    return regex_programs.compiled(rf"(?<![\w])(?:{alternatives})[\s\u00a0]+\Z")


#: The marks that open or close a quotation, each with what it does to
#: (double depth, straight double count, single openers, single closers).
_QUOTE_MARK = later_regex(
    r"(?P<open>[“„«])|(?P<close>[”»])|(?P<straight>\")"
    r"|(?P<sopen>(?:^|(?<=\s))(?:[‘‹‚]|'(?=\p{L})))"
    r"|(?P<sclose>(?:[’›]|(?<=\w)')(?!\w))"
)
_DELTAS: dict[str | None, tuple[int, int, int, int]] = {
    "open": (1, 0, 0, 0),
    "close": (-1, 0, 0, 0),
    "straight": (0, 1, 0, 0),
    "sopen": (0, 0, 1, 0),
    "sclose": (0, 0, 0, 1),
}


class _QuoteState(NamedTuple):
    """The running quote counts of one paragraph, after each of its marks."""

    offsets: list[int]
    counts: list[tuple[int, int, int, int]]

    @classmethod
    def read(cls, prose: str, lo: int, hi: int) -> "_QuoteState":
        offsets: list[int] = []
        counts: list[tuple[int, int, int, int]] = []
        now = (0, 0, 0, 0)
        for m in _QUOTE_MARK.finditer(prose, lo, hi):
            delta = _DELTAS[m.lastgroup]
            now = (
                now[0] + delta[0],
                now[1] + delta[1],
                now[2] + delta[2],
                now[3] + delta[3],
            )
            offsets.append(m.start())
            counts.append(now)
        return cls(offsets, counts)

    def open_at(self, offset: int) -> bool:
        index = bisect.bisect_left(self.offsets, offset) - 1
        if index < 0:
            return False
        doubles, straight, singles, closers = self.counts[index]
        return doubles > 0 or straight % 2 == 1 or singles > closers


class PlacedElsewhere(Analysis[ByKey[tuple[str, "regex.Pattern[str]"], bool]]):
    """By spelling and ``elsewhere`` pattern: whether some use of the
    spelling in the prose is a town of that name elsewhere ("Odessa,
    Texas"), which makes every use of it that town's (see
    ``name_context.placed_elsewhere``); one pass per spelling asked."""

    @classmethod
    def compute(cls, doc: Document) -> "ByKey[tuple[str, regex.Pattern[str]], bool]":
        prose = doc.prose
        return ByKey(lambda key: name_context.placed_elsewhere(prose, *key))


class NamedAfterAWord(Analysis[ByKey[str, bool]]):
    """By spelling: whether some use of it in the prose is part of another
    name by the capitalised word before it (see
    ``name_context.named_after_a_word``); one pass per spelling asked."""

    @classmethod
    def compute(cls, doc: Document) -> ByKey[str, bool]:
        prose = doc.prose
        return ByKey(lambda spelling: name_context.named_after_a_word(prose, spelling))


class NamedAsWork(Analysis[ByKey[str, bool]]):
    """By spelling: whether some use of it names a work or a ship (see
    ``name_context.named_as_work``); one pass per spelling asked."""

    @classmethod
    def compute(cls, doc: Document) -> ByKey[str, bool]:
        prose = doc.prose
        return ByKey(lambda spelling: name_context.named_as_work(prose, spelling))


class GivenNames(Analysis[ByKey[str, frozenset[str]]]):
    """By surname: the given names the prose writes right before it
    (``name_context.given_names``); one pass per surname asked."""

    @classmethod
    def compute(cls, doc: Document) -> ByKey[str, frozenset[str]]:
        prose = doc.prose
        return ByKey(lambda surname: name_context.given_names(prose, surname))


class DatedInItsTime(Analysis[ByKey[str, int]]):
    """By spelling: where it is first used in a sentence dated before 1945
    (``name_context.dated_from``), or -1."""

    @classmethod
    def compute(cls, doc: Document) -> ByKey[str, int]:
        prose = doc.prose
        return ByKey(lambda spelling: name_context.dated_from(prose, spelling))


class MadeProducts(Analysis[ByKey[str, bool]]):
    """By spelling: whether the document names a product after it
    (``name_context.made_a_product``)."""

    @classmethod
    def compute(cls, doc: Document) -> ByKey[str, bool]:
        prose = doc.prose
        return ByKey(lambda spelling: name_context.made_a_product(prose, spelling))


class CapitalWords:
    """The document's words written in capitals ("KIEV, Oct 8 —" in a wire
    dateline, a headline in capitals), by their capitalised form ("Kiev"):
    ``forms`` holds them all, found in C; the places of a form are looked
    for only when a rule asks (``places``), as a listed spelling is rarely
    among them and a page of acronyms holds thousands. ``pieces`` gives the
    masked prose piece by piece, again for each form asked: no copy of the
    text is kept."""

    __slots__ = ("_found", "_pieces", "forms")

    def __init__(self, pieces: Callable[[], Iterable[tuple[int, str]]]) -> None:
        self._pieces = pieces
        self._found: dict[str, list[tuple[int, int]]] = {}
        written = {word for _, piece in pieces() for word in _CAPITALS.findall(piece)}
        self.forms = frozenset(word.capitalize() for word in written)

    def places(self, form: str) -> list[tuple[int, int]]:
        """(start, end) of each use of ``form`` written in capitals."""
        found = self._found.get(form)
        if found is None:
            found = self._found[form] = [
                (m.start() + offset, m.end() + offset)
                for offset, piece in self._pieces()
                for m in _CAPITALS.finditer(piece)
                if m.group().capitalize() == form
            ]
        return found


class CapitalsWords(Analysis[CapitalWords]):
    """The words of the masked prose written in capitals: a listed spelling
    in capitals is the same error where it stands among capitals
    (``_set_in_capitals``, asked of a rule's few hits, not of every acronym).
    One scan for every names rule."""

    @classmethod
    def compute(cls, doc: Document) -> CapitalWords:
        masked, prose = doc.get(translit.MaskedProse), doc.prose
        return CapitalWords(lambda: masked.pieces(prose))


def _surname_keys(prose: str, end: int) -> frozenset[str]:
    """The keys of the surname after the given name ending at ``end``."""
    after = name_context.capitalised_after(prose, end)
    return frozenset() if after is None else translit.keys(after)


def _own_spellings(
    doc: Document, kept: Mapping[int, list[str]], wanted: AbstractSet[int]
) -> dict[int, list[tuple[str, frozenset[str]]]]:
    """For each wanted entry, the document's spellings of its name that the
    rule leaves alone, most used first (first used on a tie), each with the
    keys of the surnames written after it."""
    spellings = {w: e for e, words in kept.items() if e in wanted for w in words}
    if not spellings:
        return {}
    uses: dict[str, list[int]] = defaultdict(list)
    surnames: dict[str, set[str]] = defaultdict(set)
    for tok in doc.get(translit.Capitalised).where(spellings.keys()):
        uses[tok.text].append(tok.start)
        surnames[tok.text] |= _surname_keys(doc.prose, tok.end)
    own: dict[int, list[tuple[str, frozenset[str]]]] = defaultdict(list)
    for word in sorted(uses, key=lambda w: (-len(uses[w]), uses[w][0])):
        own[spellings[word]].append((word, frozenset(surnames[word])))
    return own


def _own_spelling(
    prose: str, end: int, own: Sequence[tuple[str, frozenset[str]]]
) -> str | None:
    """The document's own spelling of the given name ending at ``end``: one
    written before a surname that shares a key with the surname after it
    (Andriy Melnychuk for Andrij Melnytschuk: one person). A spelling of
    another person's name (Yuri Boyko beside Jurij Kos) is not his."""
    if not own:
        return None
    keys = _surname_keys(prose, end)
    return next((word for word, after in own if keys & after), None)


def _set_in_capitals(prose: str, start: int, end: int) -> bool:
    """True when the word in capitals at ``start:end`` opens its line (a
    dateline), stands beside another word in capitals (a headline; "ODESSA,
    UKRAINE" in a form) or before a postcode ("KHARKOV 61000"): in
    running prose a word in capitals is an acronym or another name ("the
    ODESSA of the title", a network)."""
    if opening_line(prose, start) is not None:
        return True
    line_start = prose.rfind("\n", max(0, start - 40), start) + 1
    # The words beside it, past the marks between ("ODESSA, UKRAINE").
    before = _bare_words(prose[max(line_start, start - 40) : start])
    after = _bare_words(prose[end : end + 40].split("\n", 1)[0])
    if after[:1] and _postcode(after[0]):
        return True  # a town in capitals before its postcode: an address
    return any(len(word) > 1 and word.isupper() for word in before[-1:] + after[:1])


def _postcode(word: str) -> bool:
    """Whether ``word`` may be a postcode: four to six digits, not a year
    ("KIEV 2014" is a label)."""
    return (
        word.isdigit()
        and 4 <= len(word) <= 6
        and not (len(word) == 4 and word.startswith(("1", "20")))
    )


def _bare_words(text: str) -> list[str]:
    """The words of ``text`` without the marks around them; a mark alone is
    no word."""
    return [w for w in (w.strip(".,;:!?—-–'’\"“”()") for w in text.split()) if w]


_CAPITALS = later_regex(r"(?<![\w@#/\\.'’-])\p{Lu}{3,}(?![\w@'’-]|[.][\w])")


#: The country's name in the languages of the house lists (Ukraine,
#: Ukraina, ukrainien, Україна, Украина, Ukrajina).
_UKRAINE = later_regex(r"ukrain|ukrajin|україн|украин", regex_programs.IGNORECASE)


class UkraineNamed(Analysis[bool]):
    """Whether the prose names Ukraine (or a Ukrainian) anywhere."""

    @classmethod
    def compute(cls, doc: Document) -> bool:
        return _UKRAINE.search(doc.prose) is not None


class QuoteStates(Analysis[ByKey[tuple[int, int], _QuoteState]]):
    """Each paragraph's quote counts, by its (start, end), read on first ask:
    every names rule judging a finding in that paragraph reads them once."""

    @classmethod
    def compute(cls, doc: Document) -> ByKey[tuple[int, int], _QuoteState]:
        prose = doc.prose  # not the document: a value must not hold it
        return ByKey(lambda span: _QuoteState.read(prose, *span))


class Names(CheckTypeBase):
    """Flags listed and key-equal spellings of house-list names."""

    __slots__ = (
        "anchors",
        "by_key",
        "by_token",
        "by_variant",
        "canonicals",
        "elsewhere",
        "entries",
        "exceptions",
        "foreign_only",
        "house_language",
        "literal",
        "meta",
        "person",
        "unsafe",
    )

    #: Safe in the document's own words; unsafe in a quotation or a longer
    #: proper name, and always for given names (see fix_availability).
    FIX: ClassVar[FixAvailability] = FixAvailability.MIXED

    KEYS: ClassVar[Mapping[str, Key]] = {
        k.name: k
        for k in (
            Key("entries", (list,), required=True),
            Key("kind", (str,)),
            Key("by-key", (str,)),
            Key("surnames", (list,), item_types=(str,)),
            Key("context", (list,), item_types=(str,)),
            Key("against", (list,), item_types=(str,)),
            Key("house-language", (str,)),
            Key("elsewhere", (list,), item_types=(str,)),
            Key("applicability", (str,)),
        )
    }
    #: The document analyses its rules read.
    USES: ClassVar[tuple[type[Analysis[Any]], ...]] = (
        NamedAfterAWord,
        NamedAsWork,
        DatedInItsTime,
        GivenNames,
        MadeProducts,
        SurnameUses,
        PlacedElsewhere,
        UkraineNamed,
        CapitalsWords,
        translit.MaskedProse,
        translit.Capitalised,
        translit.CandidateWords,
        QuoteStates,
        doclang.DocumentLanguage,
        doclang.QuotationLanguage,  # through doclang.foreign_quotation
        doclang.BlockLanguage,  # through doclang.foreign_block
        doclang.DeclaredLanguages,  # through doclang.foreign_block
        name_context.CitedTitles,  # through name_context.heading_of_a_work
        doclang.QuotationHits,  # through doclang.foreign_quotation
    )

    meta: Final[RuleMeta]
    entries: Final[tuple[Entry, ...]]
    by_token: Final[Mapping[str, int]]
    literal: "Final[patterns.Pattern | None]"
    by_variant: Final[Mapping[str, int]]
    by_key: Final[Mapping[str, int]]
    canonicals: Final[frozenset[str]]
    #: Each entry's anchor pattern (None: no anchors), built when a variant
    #: of that entry is first found (escaped names: it cannot fail).
    anchors: Final[tuple[patterns.OnFirstUse | None, ...]]
    exceptions: "Final[Exceptions | None]"
    foreign_only: Final[bool]
    #: Given names only: who the document shows to be Ukrainian.
    person: "Final[PersonContext | None]"
    #: The language whose house list this is (primary subtag).
    house_language: Final[str]
    #: What follows a place of the same name elsewhere ("Odessa, Texas"),
    #: built when a place is first found (escaped names: it cannot fail).
    elsewhere: Final[patterns.OnFirstUse | None]
    #: Every fix unsafe (``applicability: unsafe``).
    unsafe: Final[bool]

    def __init__(
        self,
        meta: RuleMeta,
        entries: tuple[Entry, ...],
        by_token: Mapping[str, int],
        literal: "patterns.Pattern | None",
        by_variant: Mapping[str, int],
        by_key: Mapping[str, int],
        canonicals: frozenset[str],
        anchors: tuple[patterns.OnFirstUse | None, ...],
        exceptions: "Exceptions | None",
        foreign_only: bool,
        person: "PersonContext | None" = None,
        house_language: str = "en",
        elsewhere: patterns.OnFirstUse | None = None,
        unsafe: bool = False,
    ) -> None:
        self.meta = meta
        self.entries = entries
        self.by_token = by_token
        self.literal = literal
        self.by_variant = by_variant
        self.by_key = by_key
        self.canonicals = canonicals
        self.anchors = anchors
        self.exceptions = exceptions
        self.foreign_only = foreign_only
        self.person = person
        self.house_language = house_language
        self.elsewhere = elsewhere
        self.unsafe = unsafe

    @classmethod
    def fix_availability(cls, data: Mapping[str, Any]) -> FixAvailability:
        """Given names: who bears one is a guess, so every fix is unsafe; so
        is every fix of a list that says ``applicability: unsafe`` (a house
        preference over an established exonym, such as German Kiew)."""
        if data.get("kind") == "given" or data.get("applicability") == "unsafe":
            return FixAvailability.UNSAFE
        return cls.FIX

    @classmethod
    def from_yaml(
        cls, meta: RuleMeta, data: Mapping[str, Any], context: LoadContext
    ) -> Check:
        own = {k: v for k, v in data.items() if k not in COMMON_KEYS}
        read_keys(own, cls.KEYS, meta.source)
        kind = own.get("kind", "place")
        if kind not in KINDS:
            raise RuleError(
                meta.source, f"key 'kind': expected one of {', '.join(KINDS)}"
            )
        mode = own.get("by-key", "all")
        if mode not in BY_KEY:
            raise RuleError(
                meta.source, f"key 'by-key': expected one of {', '.join(BY_KEY)}"
            )
        entries = parse_entries(own["entries"], meta.source, kind)
        variants = {v: i for i, e in enumerate(entries) for v in e.variants}
        words = {v: i for v, i in variants.items() if translit.is_token(v)}
        others = {v: i for v, i in variants.items() if v not in words}
        literal = (
            patterns.token_matcher(list(others), meta.source, "entries")
            if others
            else None
        )
        return cls(
            meta=meta,
            entries=entries,
            by_token=words,
            literal=literal,
            by_variant=others,
            by_key=key_index(entries) if mode != "off" else {},
            canonicals=frozenset(e.canonical for e in entries),
            anchors=tuple(
                patterns.OnFirstUse(functools.partial(anchor_pattern, e.anchors))
                if e.anchors
                else None
                for e in entries
            ),
            exceptions=exception_matcher(entries, meta),
            foreign_only=mode == "foreign",
            person=PersonContext.from_rule(
                own,
                meta.source,
                house_entries(context, house_language(own)),
                shipped=meta.shipped,
            )
            if kind == "given"
            else None,
            house_language=house_language(own),
            elsewhere=patterns.OnFirstUse(
                functools.partial(
                    name_context.elsewhere_pattern, own.get("elsewhere", [])
                )
            ),
            unsafe=_unsafe(own, meta.source),
        )

    def run(self, doc: Document) -> Iterator[Finding]:
        found = list(self._run(doc))
        if found and doc.get(doclang.DocumentLanguage) == self.house_language:
            yield from found

    def _run(self, doc: Document) -> Iterator[Finding]:
        seen: set[int] = set()
        # This rule's person-context verdicts, by paragraph start: they
        # depend on its own ``context``, so they end with this call.
        verdicts: dict[int, bool] = {}
        for start, end, index in self._listed(doc):
            if self._fits(doc, index, start, end, verdicts):
                seen.add(start)
                yield self._finding(doc, index, start, end)
        if not self.by_key:
            return
        entries: dict[str, int] = {}
        #: Spellings of an entry's name this rule leaves alone, by entry:
        #: the document's own (Andriy beside Andrij).
        kept: dict[int, list[str]] = defaultdict(list)
        words = doc.get(translit.CandidateWords)
        for word in words - self.canonicals:
            entry, foreign = self._key_entry(word)
            if entry is None:
                continue
            if foreign:
                entries[word] = entry
            else:
                kept[entry].append(word)
        if not entries:
            yield from self._keyed_in_capitals(doc, seen, verdicts)
            return
        for word in words & self.canonicals:
            entry, _ = self._key_entry(word)
            if entry is not None:
                kept[entry].append(word)
        own = _own_spellings(doc, kept, set(entries.values()))
        for tok in doc.get(translit.Capitalised).where(entries.keys()):
            entry = entries[tok.text]
            if self.entries[
                entry
            ].kind == "person" and not _OWN_SCRIPT_LETTERS.isdisjoint(tok.text):
                continue  # Dr Tomasz Zeleński: a Polish name, no romanisation
            if tok.start not in seen and self._fits(
                doc, entry, tok.start, tok.end, verdicts
            ):
                same = _own_spelling(doc.prose, tok.end, own.get(entry, ()))
                yield self._finding(doc, entry, tok.start, tok.end, same)
        yield from self._keyed_in_capitals(doc, seen, verdicts)

    def _keyed_in_capitals(
        self, doc: Document, seen: set[int], verdicts: dict[int, bool]
    ) -> Iterator[Finding]:
        """Spellings found by key and written in capitals in a headline or a
        dateline ("PRAGUE – LWIW", "THE KYJIW–ČERNIHIV EXCURSION"): the key
        reads their title-case form."""
        capitals = doc.get(CapitalsWords)
        for form in capitals.forms - self.canonicals:
            entry, foreign = self._key_entry(form)
            if entry is None or not foreign:
                continue
            for start, end in capitals.places(form):
                if (
                    start not in seen
                    and _set_in_capitals(doc.prose, start, end)
                    and self._fits(doc, entry, start, end, verdicts)
                ):
                    seen.add(start)
                    yield self._finding(doc, entry, start, end)

    def _listed(self, doc: Document) -> Iterator[tuple[int, int, int]]:
        """Listed variants: one-word ones by lookup, the rest by one matcher."""
        words = doc.get(translit.Capitalised)
        hits = words.distinct & self.by_token.keys()
        for tok in words.where(hits) if hits else ():
            yield tok.start, tok.end, self.by_token[tok.text]
        capitals = doc.get(CapitalsWords)
        for listed in capitals.forms & self.by_token.keys():
            for start, end in capitals.places(listed):
                if _set_in_capitals(doc.prose, start, end):
                    yield start, end, self.by_token[listed]
        if self.literal is not None:
            for offset, masked in self._masked_pieces(doc):
                for m in patterns.finditer(self.literal, masked):
                    index = self.by_variant.get(m.group())
                    if index is not None:
                        yield m.start() + offset, m.end() + offset, index

    def _masked_pieces(self, doc: Document) -> Iterator[tuple[int, str]]:
        """The masked prose the listed variants are matched in: in pieces
        cut after a line feed when every variant is plain text on one line
        (no match reaches across one, and the whole masked prose is a copy
        of the prose), else whole."""
        masked = doc.get(translit.MaskedProse)
        if all(patterns.is_literal(v) and "\n" not in v for v in self.by_variant):
            return masked.pieces(doc.prose, "\n")
        return iter(((0, masked.text(doc.prose)),))

    def _key_entry(self, token: str) -> tuple[int | None, bool]:
        """The entry whose canonical form has ``token``'s key, if any, and
        whether this rule reports ``token`` as its variant: with
        ``by-key: foreign``, only a spelling with more foreign markers than
        the canonical form (Andrij, not Andriy)."""
        for key in translit.keys(token):
            index = self.by_key.get(key)
            if index is None:
                continue
            canonical = self.entries[index].canonical
            if self.foreign_only and translit.foreign_markers(
                token
            ) <= translit.foreign_markers(canonical):
                return index, False
            return index, token != canonical
        return None, False

    def _fits(
        self, doc: Document, index: int, start: int, end: int, verdicts: dict[int, bool]
    ) -> bool:
        """Anchor present, not inside an exception phrase, another name or a
        quotation in another language, not given as an alternative."""
        if self.exceptions is not None and self.exceptions.covers(
            doc.prose, start, end
        ):
            return False
        entry = self.entries[index]
        if (
            name_context.given_as_alternative(doc.prose, start)
            or name_context.beside_its_own(doc.prose, start, entry.canonical)
            or name_context.mentioned_alone(doc.text, start, end, doc.format)
            or name_context.named_for_its_own(doc.text, start, end, entry.canonical)
            or name_context.dated_title(doc.prose, start, end)
            or name_context.called_by_others(doc.prose, start, end)
        ):
            return False
        block = doc.block_at(start)
        if name_context.quoted_title(
            doc.prose, 0 if block is None else block.start, start
        ):
            return False  # headlined its article "Donbass residents ...": as printed
        if entry.kind == "person":
            bearers = doc.get(GivenNames)
            if name_context.another_bearer(
                bearers[doc.prose[start:end]], bearers[entry.canonical]
            ):
                return False  # "Taras Klychko", beside "Vitali Klitschko": two men
        if entry.kind == "place":
            elsewhere = self.elsewhere.get() if self.elsewhere else None
            if name_context.other_name(doc.prose, start, end, elsewhere):
                return False
            if name_context.named_in_its_time(doc.prose, end):
                return False
            if name_context.names_a_product(doc.prose, start, end):
                return False  # "a 1959 Dnepr motorcycle with sidecar"
            if doc.get(MadeProducts)[
                doc.prose[start:end]
            ] and not name_context.travelled(doc.prose, start):
                return False  # "The Kiev 88 ... later Kiev bodies"
            if name_context.titles_a_work(doc.prose, end):
                return False  # "The Last Tram to Lvov, a novel by …"
            if name_context.in_dated_reference(doc.prose, start, end):
                return False  # "Levchuk, O. (1974). … Kiev: Zoria."
            spelling = doc.prose[start:end]
            if name_context.another_languages_form(spelling):
                # "Before the Second World War, Lwów was ...": the Polish
                # name, dated, and so on in the story ("He never saw Lwów
                # again"), unless a sentence brings it back to the present.
                first = doc.get(DatedInItsTime)[spelling]
                if 0 <= first <= start and not name_context.in_a_modern_sentence(
                    doc.prose, start, end
                ):
                    return False
            elif name_context.in_a_dated_sentence(
                doc.prose, start, end, until=name_context.EMPIRE_END
            ):
                return False  # "the city before the revolution, 1800-1917"
            if name_context.with_its_own_in_the_sentence(
                doc.prose, start, end, entry.canonical
            ):
                return False  # "it was Lwów, for our students it is Lviv"
            element = (
                block.start
                if block is not None and block.kind == "blockquote"
                else None
            )
            if name_context.quoted_in_its_time(
                doc.prose, 0 if block is None else block.start, start, element
            ):
                return False  # "On 3 April 1919 he wrote: “… Odessa …”"
            if (
                entry.shared
                and doc.get(NamedAfterAWord)[spelling]
                and not name_context.placed(doc.prose, start, end)
            ):
                return False  # "Prince Georgy Lvov ... Lvov later emigrated"
            if (
                name_context.names_the_work(doc.prose, start, end)
                and doc.get(NamedAsWork)[spelling]
            ):
                return False  # "the carrier Kiev ... the Kiev drew visitors"
            if name_context.in_titled_run(doc.text, doc.prose, start, end):
                return False  # "Hamm's *Kiev: A Portrait, 1800–1917*"
            if name_context.heading_of_a_work(doc, start):
                return False  # "### Night Train to Odessa (2019)" over its review
            if elsewhere is not None and (
                (
                    name_context.datelined_elsewhere(doc.prose, spelling, elsewhere)
                    and _UKRAINE.search(doc.prose, end, end + 16) is None
                )
                or (
                    not doc.get(UkraineNamed)
                    and doc.get(PlacedElsewhere)[spelling, elsewhere]
                )
            ):
                return False
        if doclang.foreign_quotation(doc, start, end) or doclang.foreign_block(
            doc, start
        ):
            return False
        if self.person is not None and not self.person.ukrainian(
            doc, start, end, verdicts
        ):
            return False
        anchor = self.anchors[index]
        pattern = None if anchor is None else anchor.get()
        if pattern is None:
            return True
        if _after_anchor(doc.prose, start, pattern):
            return True
        return _named_again(doc, start, end, pattern, entry.canonical)

    def _finding(
        self, doc: Document, index: int, start: int, end: int, own: str | None = None
    ) -> Finding:
        """The finding for a variant of entry ``index``; ``own`` is the
        document's own accepted spelling of that name (Andriy), suggested
        first: the house form would leave the name spelled a third way."""
        canonical = self.entries[index].canonical
        found = doc.text[start:end]
        if found.isupper():  # "KIEV" in a dateline: "KYIV"
            canonical = canonical.upper()
            own = None if own is None else own.upper()
        message = (
            self.meta.format_message(canonical, found)
            if "%s" in self.meta.message
            else self.meta.message or f"Use '{canonical}' rather than '{found}'."
        )
        suggestions: tuple[str, ...] = (canonical,)
        if own is not None and own != canonical:
            message = (
                f"Use '{own}' rather than '{found}': this document writes it so "
                f"elsewhere (house romanisation: '{canonical}')."
            )
            suggestions = (own, canonical)
        return self.meta.finding(
            doc,
            start,
            end,
            message,
            suggestions=suggestions,
            fix=Fix(
                (Edit(start, end, suggestions[0]),),
                self._applicability(doc, index, start, end),
            ),
        )

    def _applicability(
        self, doc: Document, index: int, start: int, end: int
    ) -> Applicability:
        """SAFE for a listed spelling in the document's own words only.

        A place name inside a longer proper name ("Space Apps Kiev", "Kiev
        Polytechnic") may be that organisation's or event's own name, which
        the house list does not rule on: unsafe too, as is a ``shared``
        spelling in a document that does not show it is about Ukraine.
        """
        if self.unsafe or self.person is not None or in_quotation(doc, start):
            return Applicability.UNSAFE
        entry = self.entries[index]
        anchor = self.anchors[index]
        pattern = None if anchor is None else anchor.get()
        if pattern is not None and not _after_anchor(doc.prose, start, pattern):
            return Applicability.UNSAFE  # a surname alone: an editor looks
        if entry.kind == "place" and in_longer_name(doc.prose, start, end):
            return Applicability.UNSAFE
        if entry.shared and not self._about_ukraine(doc):
            return Applicability.UNSAFE
        return Applicability.SAFE

    def _about_ukraine(self, doc: Document) -> bool:
        """Whether the document shows its names are Ukraine's: it names the
        country, or two of this rule's entries (in any listed spelling). A
        lone Odessa or Nikolaev may be a town in Texas or a person's name
        ("economist Kiril Nikolaev ... Nikolaev replaces"): its house
        spelling is then offered, not written by ``copydesk fix``."""
        if doc.get(UkraineNamed):
            return True
        distinct = doc.get(translit.Capitalised).distinct
        named = {i for token, i in self.by_token.items() if token in distinct}
        named.update(
            i for i, entry in enumerate(self.entries) if entry.canonical in distinct
        )
        return len(named) >= 2


#: A capitalised word right before a span (spaces only between), and one
#: right after it.
_WORD_BEFORE = later_regex(r"(?<![\w'’.&-])\p{Lu}[\w'’.&-]*[ \t]+$")
_WORD_AFTER = later_regex(r"[ \t]+(\p{Lu}\w*)")
#: Characters after which a capitalised word starts a sentence.
_SENTENCE_END = ".!?:;\n"


def in_longer_name(prose: str, start: int, end: int) -> bool:
    """True when a capitalised word joins the span into a longer proper name.

    The word before counts unless it opens a sentence ("In Kiev ..."); the
    word after always counts ("Kiev Oblast", "Kiev Post").
    """
    if _WORD_AFTER.match(prose, end) is not None:
        return True
    before = _WORD_BEFORE.search(prose, max(0, start - 60), start)
    if before is None:
        return False
    at = before.start()
    while at > 0 and prose[at - 1] in " \t":
        at -= 1
    return at > 0 and prose[at - 1] not in _SENTENCE_END + '"“‘«„('


def in_quotation(doc: Document, offset: int) -> bool:
    """True when ``offset`` sits inside a quotation of its paragraph, or in a
    blockquote (quoted text as a whole).

    Counted from the paragraph's start: more double openers than closers, or
    an odd number of straight double quotes, before it; or more single
    openers (a curly or straight one after a space) than single closers (one
    after a word that no word follows). Each paragraph's marks are read once
    (``_QuoteState``), so a paragraph with thousands of names costs one pass.
    """
    block = doc.block_at(offset)
    if block is not None and block.kind == "blockquote":
        return True
    lo = block.start if block is not None else doc.prose.rfind("\n\n", 0, offset) + 1
    hi = block.end if block is not None else len(doc.prose)
    return doc.get(QuoteStates)[lo, hi].open_at(offset)


#: Letters that no romanisation of Ukrainian writes (Czech ř and ů, Slovak
#: ľ, ĺ and ŕ, Hungarian ő and ű, Nordic å, ø and æ): a name that has one is
#: that language's own, whatever its key.
_NATIVE_LETTERS = frozenset("řŘůŮľĽĺĹŕŔőŐűŰåÅøØæÆ")
#: Letters of Latin alphabets that no romanisation of Ukrainian or Russian
#: writes: a surname found by key that has one (Zeleński, Nováček) is a
#: Polish, Czech or Slovak person's own name, not a spelling of a listed
#: Ukrainian one (Zelensky).
_OWN_SCRIPT_LETTERS = _NATIVE_LETTERS | frozenset("ńŃěĚáÁéÉíÍóÓúÚýÝ")


class PersonContext(NamedTuple):
    """Whether a given name belongs to a person shown to be Ukrainian."""

    #: Built when a given name is first found in a shipped rule (the test
    #: suite builds each), at load in a user's rule.
    surnames: patterns.OnFirstUse
    context: patterns.OnFirstUse
    against: patterns.OnFirstUse
    #: House-listed people (no anchor): a surname among them is Ukrainian.
    people: tuple[Entry, ...] = ()

    @classmethod
    def from_rule(
        cls,
        own: Mapping[str, Any],
        source: str,
        house: Sequence[Entry],
        *,
        shipped: bool = False,
    ) -> "PersonContext":
        make = patterns.OnFirstUse if shipped else patterns.OnFirstUse.now

        def one(key: str) -> patterns.OnFirstUse:
            return make(functools.partial(_person_pattern, own, key, source))

        people = tuple(e for e in house if e.kind == "person" and not e.anchors)
        return cls(one("surnames"), one("context"), one("against"), people)

    def ukrainian(
        self, doc: Document, start: int, end: int, verdicts: dict[int, bool]
    ) -> bool:
        """The surname next to the given name, then its paragraph, decide.

        ``verdicts`` keeps the paragraph verdicts of one run of the rule.
        """
        prose = doc.prose
        if not _NATIVE_LETTERS.isdisjoint(prose[start:end]):
            return False  # "Kateřina Holubová": a Czech name, not a romanisation
        surname = _SURNAME.match(prose, end)
        if surname is not None:
            word = surname.group(1)
            if not _NATIVE_LETTERS.isdisjoint(word):
                return False
            surnames = self.surnames.get()
            if surnames is not None and surnames.fullmatch(word):
                return True
            if _house_person(word, self.people):
                return True
        block = doc.block_at(start)
        lo, hi = (block.start, block.end) if block is not None else (0, len(prose))
        # One verdict per paragraph: a long one may name many people.
        verdict = verdicts.get(lo)
        if verdict is None:
            against, context = self.against.get(), self.context.get()
            found_against = against is not None and against.search(prose, lo, hi)
            verdict = verdicts[lo] = not found_against and (
                context is not None and bool(context.search(prose, lo, hi))
            )
        return verdict


def _person_pattern(
    own: Mapping[str, Any], key: str, source: str
) -> "patterns.Pattern | None":
    """The rule's ``key`` list (``surnames``, ``context``, ``against``) as
    one pattern of whole words, or None when the rule has none."""
    items = own.get(key) or []
    if not items:
        return None
    body = "|".join(f"(?:{p})" for p in items)
    try:
        return regex_programs.compiled(rf"(?<![\w])(?:{body})(?![\w])")
    except regex_programs.compile_error() as exc:
        raise RuleError(source, f"key {key!r}: {exc}") from None


#: The surname after a given name: the next capitalised word, past a middle
#: initial ("Julia M. Phillips").
_SURNAME = later_regex(r"[ \u00a0]+(?:\p{Lu}\.[ \u00a0]+)?(\p{Lu}[\p{L}\p{M}'’-]+)")


def _house_person(word: str, people: Sequence[Entry]) -> bool:
    """True when ``word`` is (a spelling of) a house-listed person's surname."""
    word = word.removesuffix("'s").removesuffix("’s")
    wanted = translit.keys(word)
    return any(
        word == entry.canonical
        or word in entry.variants
        or not wanted.isdisjoint(translit.keys(entry.canonical))
        for entry in people
    )


def key_index(entries: Sequence[Entry]) -> dict[str, int]:
    """Transliteration key of each canonical form → its entry (first wins)."""
    index: dict[str, int] = {}
    for i, entry in enumerate(entries):
        for key in translit.keys(entry.canonical):
            index.setdefault(key, i)
    return index


class Exceptions:
    """Phrases that never count, searched only around a would-be finding.

    The matcher is built when a finding is first tested against it: most
    documents have no variant of a list's names, and each list's matcher
    cost 0.3 ms of a one-file start (a shipped list's; a user's is built at
    load, so a bad phrase is reported then).
    """

    __slots__ = ("matcher", "reach")

    matcher: Final[patterns.OnFirstUse]
    reach: Final[int]

    def __init__(self, matcher: patterns.OnFirstUse, reach: int) -> None:
        self.matcher = matcher
        self.reach = reach

    def covers(self, text: str, start: int, end: int) -> bool:
        """True when an exception phrase contains ``text[start:end]``."""
        pattern = self.matcher.get()
        if pattern is None:
            return False
        lo = max(0, start - self.reach)
        hi = min(len(text), end + self.reach)
        # A phrase may be broken over a line ("asks for chicken" / "Kiev at
        # the show"): read the window with its line breaks as spaces (the
        # same length, so the offsets hold).
        window = text[lo:hi].replace("\n", " ")
        return any(
            m.start() + lo <= start and end <= m.end() + lo
            for m in patterns.finditer(pattern, window)
        )


def exception_matcher(entries: Sequence[Entry], meta: RuleMeta) -> Exceptions | None:
    """One matcher for every exception phrase of the rule and its entries."""
    phrases = {p for e in entries for p in e.exceptions} | set(meta.exceptions)
    if not phrases:
        return None
    build = functools.partial(
        patterns.token_matcher,
        sorted(phrases),
        meta.source,
        "exceptions",
        ignorecase=True,
    )
    made = patterns.OnFirstUse if meta.shipped else patterns.OnFirstUse.now
    return Exceptions(made(build), max(len(p) for p in phrases))


def _unsafe(own: Mapping[str, Any], source: str) -> bool:
    value = own.get("applicability", "safe")
    if value not in ("safe", "unsafe"):
        raise RuleError(source, "key 'applicability': expected safe or unsafe")
    return bool(value == "unsafe")


def house_language(data: Mapping[str, Any]) -> str:
    """The language of a names rule's house list (English unless it says)."""
    return langtag.primary(str(data.get("house-language", "en")))


def house_languages(context: LoadContext) -> tuple[str, ...]:
    """The languages of the shipped ``names`` pack's house lists."""
    found = {
        house_language(data)
        for _, data in context.shipped_pack("names")
        if data.get("extends") == "names"
    }
    return tuple(sorted(found))


def house_entries(
    context: LoadContext, language: str | None = None
) -> tuple[Entry, ...]:
    """The entries of the shipped ``names`` pack (of one language's house
    lists, or of all): the house list, which ``variants`` prefers and
    given-name rules read, as the loader lends it."""
    found: list[Entry] = []
    for display, data in context.shipped_pack("names"):
        if data.get("extends") != "names":
            continue
        if language is not None and house_language(data) != language:
            continue
        kind = data.get("kind", "place")
        # Each file's entries once per load, however many readers ask.
        parse = functools.partial(parse_entries, data.get("entries"), display, kind)
        found.extend(context.derived((__name__, display), parse))
    return tuple(found)
