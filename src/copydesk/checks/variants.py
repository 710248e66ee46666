"""``variants``: one name spelled two ways in one document, found without a list.

The document's capitalised words are grouped by transliteration key
(Puschilin and Pushilin share one); in each group the canonical spelling is
chosen (house list, then fewest foreign markers, then frequency, then first
use) and every other spelling is reported. The fix is unsafe: the canonical
form comes from the document, not from an editor.

Guards keep different people apart: common words, titles and months are never
candidates; a given name counts only when the surnames after it agree; two
surname spellings after different given names are two people; and exception
phrases of the house list never count. The names next to a spelling are
read past a middle initial or a particle ("Yury V. Zaytsev", "Mohammed
bin Rashid"), and among all capitalised words that are not common words,
however short ("Pokémon Go").

Guards keep things that are not one name apart: a word without a vowel
(``Zbkc``, an extension or model code) is an identifier, not a name; two
spellings that each only ever stand alone as a list item are
entries of a list of codes (``Zvks``, ``Zvksc``); and the key, which folds
c, z, ts and tz together and collapses doubled letters, groups two words
only when they also share most of their letters in order (``Macs`` and
``Matz`` share two of four: unrelated words).

Spellings that differ only by accents (Rodríguez, Rodriguez; not a Slavic
romanisation's marks, Medveděv) are one name written with and without
them, reported only when the two are shown to be one person or thing (a
name next to them in common, or no name next to either). In English the
marks count as foreign markers, as the canonical order says (Güneş twice
and Gunes once: Gunes); in a page in another language they are its own
spelling, so the document's habit decides, the marks on a tie. A spelling
that only drops a Slavic name's marks (Kubíček, Kubicek) joins its group
too, though the keys read č as ch; the fewest foreign markers decide there,
as for a romanisation. In a page not in
English, a pair the page also writes in lower case is two common words
(Como, Cómo).
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence, Set
from typing import Any, ClassVar, Final

from copydesk import (
    doclang,
    morphology,
    name_context,
    translit,
    word_guards,
    wordlists,
)
from copydesk.checks.base import COMMON_KEYS, Check, CheckTypeBase, LoadContext
from copydesk.checks.names import (
    Exceptions,
    exception_matcher,
    house_entries,
    house_languages,
)
from copydesk.document import WRAP_WIDTH, Analysis, Document
from copydesk.errors import RuleError
from copydesk.house_spellings import NO_HOUSE, HouseSpellings, house_spellings
from copydesk.lazy_patterns import later_re, later_regex
from copydesk.lines import line_end, line_start
from copydesk.model import Applicability, Edit, Finding, Fix, FixAvailability, RuleMeta
from copydesk.schema import Key, read_keys
from copydesk.translit_loose import arabic_marked, east_asian_keys, loose_keys

PREFERENCES = ("house", "fewest-foreign-markers", "frequency", "words", "first")
#: Between two parts of one name: spaces, or a middle initial or a particle;
#: or a line break after a line long enough to have been wrapped
#: (``_wrapped_at``).
_BETWEEN = later_regex(
    r"(?:[ \u00a0]+|[ \u00a0]*\n[ \u00a0]*)"
    r"(?:(?:\p{Lu}\.|bin|ibn|al|el|de|del|da|dos|van|von|der|la|le)[ \u00a0]+)?"
)


def _wrapped_at(prose: str, at: int) -> bool:
    """Whether the line holding ``at`` is long enough to have been wrapped at
    an editor's width (``document.WRAP_WIDTH``): "whom Dariusch" then
    "Farahmand found ..." is one name broken over two lines, "Dariush" then
    "Farahmand" a list's two (the break must also lie inside one block: a
    changelog's item ending "Matthias Bussonnier" is no name with the next
    item's "Use")."""
    return line_end(prose, at) - line_start(prose, at) >= WRAP_WIDTH


class _Spelling:
    """Everything seen of one spelling in one document."""

    __slots__ = (
        "alone",
        "followed",
        "followers",
        "genitive",
        "named",
        "placed",
        "preceders",
        "text",
        "tokens",
        "word_followers",
        "word_preceders",
    )

    text: str
    tokens: list[translit.Token]
    followers: set[str]
    preceders: set[str]
    #: Given names beside it that are also words (Martin Fleischmann, Zeng
    #: Ping), bare: they tell two people apart, never pair a group.
    word_followers: set[str]
    word_preceders: set[str]
    followed: int
    #: Every occurrence is a list item on its own.
    alone: bool
    #: Every occurrence follows a preposition of place (in, of, to ...), and
    #: one a preposition other than "to", with no possessive.
    placed: bool
    #: Some occurrence has a capitalised word right beside it in its
    #: sentence (Maxim Gorky, Sumi Jo): a person's name.
    named: bool
    #: A German genitive (Schmyhals) of a spelling of the group's name.
    genitive: bool

    def __init__(
        self,
        text: str,
        tokens: list[translit.Token] | None = None,
        followers: set[str] | None = None,
        preceders: set[str] | None = None,
        followed: int = 0,
        alone: bool = False,
        placed: bool = False,
        named: bool = False,
        genitive: bool = False,
    ) -> None:
        self.text = text
        self.tokens = [] if tokens is None else tokens
        self.followers = set() if followers is None else followers
        self.preceders = set() if preceders is None else preceders
        self.word_followers: set[str] = set()
        self.word_preceders: set[str] = set()
        self.followed = followed
        self.alone = alone
        self.placed = placed
        self.named = named
        self.genitive = genitive

    @property
    def first(self) -> int:
        return self.tokens[0].start


class Variants(CheckTypeBase):
    """Reports the minority or foreign-marked spellings of one name."""

    __slots__ = ("exceptions", "house", "meta", "prefer")

    #: The canonical form comes from the document, not an editor.
    FIX: ClassVar[FixAvailability] = FixAvailability.UNSAFE
    #: So the page's choice, which the tree's other pages may outvote.
    PAGE_CHOICE: ClassVar[bool] = True

    KEYS: ClassVar[Mapping[str, Key]] = {
        k.name: k
        for k in (
            Key("prefer", (list,), item_types=(str,)),
            Key("house", (bool,)),
        )
    }
    #: The document analyses its rules read.
    USES: ClassVar[tuple[type[Analysis[Any]], ...]] = (
        translit.Candidates,
        translit.Capitalised,
        translit.MaskedProse,
        doclang.DocumentLanguage,
        doclang.QuotationLanguage,  # through doclang.foreign_quotation
        doclang.QuotationHits,  # through doclang.foreign_quotation
        name_context.CitedTitles,  # through name_context.heading_of_a_work
    )

    meta: Final[RuleMeta]
    prefer: Final[tuple[str, ...]]
    #: Per house language: what the house list says a group must be.
    house: Final[Mapping[str, HouseSpellings]]
    exceptions: Final[Exceptions | None]

    def __init__(
        self,
        meta: RuleMeta,
        prefer: tuple[str, ...],
        house: Mapping[str, HouseSpellings],
        exceptions: Exceptions | None,
    ) -> None:
        self.meta = meta
        self.prefer = prefer
        self.house = house
        self.exceptions = exceptions

    @classmethod
    def from_yaml(
        cls, meta: RuleMeta, data: Mapping[str, Any], context: LoadContext
    ) -> Check:
        own = {k: v for k, v in data.items() if k not in COMMON_KEYS}
        read_keys(own, cls.KEYS, meta.source)
        prefer = tuple(own.get("prefer", PREFERENCES))
        for item in prefer:
            if item not in PREFERENCES:
                choices = ", ".join(PREFERENCES)
                raise RuleError(
                    meta.source, f"key 'prefer': {item!r} is not one of {choices}"
                )
        use_house = bool(own.get("house", True))
        entries = house_entries(context) if use_house else ()
        house = (
            {
                lang: house_spellings(house_entries(context, lang))
                for lang in house_languages(context)
            }
            if use_house and "house" in prefer
            else {}
        )
        return cls(meta, prefer, house, exception_matcher(entries, meta))

    def run(self, doc: Document) -> Iterator[Finding]:
        tokens = doc.get(translit.Candidates)
        if len(tokens) < 2:
            return
        groups = _grouped_spellings(doc, tokens)
        if groups:
            _mark_alone(doc, groups)
        lower = _written_in_lower_case(doc, groups)
        for group in groups:
            yield from self._report(doc, group, lower)

    def _report(
        self, doc: Document, group: list[_Spelling], lower: Set[str]
    ) -> Iterator[Finding]:
        if self.exceptions is not None:
            group = _unmasked(group, self.exceptions, doc.prose)
            if len(group) < 2:
                return
        group = _used(doc, group)
        if len(group) < 2:
            return
        if _case_forms(group, doc.get(doclang.DocumentLanguage)):
            return
        if any(s.text.lower() in lower for s in group if not s.text.islower()):
            return
        accents = _accents_only(group)
        if accents and not _one_entity(group, doc.prose):
            return
        names = [s for s in group if not s.genitive] or group
        english = doc.get(doclang.DocumentLanguage) == "en"
        canonical = self._canonical(
            names, accents, self._house(doc), doc.prose, english=english
        )
        present = {s.text: s for s in group}
        for spelling in group:
            if spelling.text == canonical:
                continue
            other = present.get(canonical) or min(
                (s for s in group if s is not spelling), key=lambda s: s.first
            )
            if not same_person(spelling, other):
                continue
            if _joined(doc.prose, spelling, other) or _joined(
                doc.prose, other, spelling
            ):
                continue
            if spelling.alone and other.alone:
                continue  # entries of a list of codes, not a name in prose
            if _credited(doc, spelling) and _credited(doc, other):
                continue  # two people thanked: each credit names one
            if _listed_apart(doc, spelling, other):
                continue  # "- Julian", "- Victor Julien": two contributors
            if _listed_together(doc.prose, spelling, other):
                continue  # "X. Shen, Z. Chen, Y. Shen": two authors of one list
            line, _ = doc.line_col(other.first)
            right = _genitive_of(doc, canonical) if spelling.genitive else canonical
            bearers = (
                _surnames_after(doc.prose, other)
                if _one_given_name_by_table(spelling.text, other.text)
                else None
            )
            for tok in spelling.tokens:
                if bearers is not None:
                    bearer = _bearer(doc.prose, tok, bearers)
                    if bearer is None:
                        continue  # Dmitry Peskov beside Dmytro Kuleba: two men
                    line, _ = doc.line_col(bearer)  # the same man's line
                if (
                    name_context.given_as_alternative(doc.prose, tok.start)
                    or _glossed(doc.prose, tok, other)
                    or name_context.spelling_discussed_after(doc.prose, tok.end)
                    or name_context.cited_author(doc.prose, tok.start, tok.end)
                    or name_context.mentioned_alone(
                        doc.text, tok.start, tok.end, doc.format
                    )
                ):
                    continue  # "(also transliterated Zaluzhny)": a mention
                yield self.meta.finding(
                    doc,
                    tok.start,
                    tok.end,
                    self._message(tok.text, other.text, line),
                    suggestions=(right,),
                    fix=Fix((Edit(tok.start, tok.end, right),), Applicability.UNSAFE),
                )

    def _message(self, found: str, other: str, line: int) -> str:
        if "%s" in self.meta.message:
            return self.meta.format_message(found, other, str(line))
        return f"'{found}' here, '{other}' on line {line}"

    def _house(self, doc: Document) -> HouseSpellings:
        """The house list of the document's language (English by default)."""
        if not self.house:
            return NO_HOUSE
        lang = doc.get(doclang.DocumentLanguage)
        return self.house.get(lang) or self.house.get("en") or NO_HOUSE

    def _canonical(
        self,
        group: Sequence[_Spelling],
        accents: bool = False,
        house: HouseSpellings = NO_HOUSE,
        prose: str = "",
        *,
        english: bool = True,
    ) -> str:
        """The spelling every other one in ``group`` is reported against.

        The house decides first and has the last word: a canonical form the
        house list rejects would be undone by ``names`` (a fix cycle), so it
        is replaced by its house name (``copydesk.house_spellings``). The
        foreign markers (sch, w, j, ou ...) are foreign to English prose
        only: in a German or French text they are its own spelling
        (Schmyhal, Kouleba), so there the document's usage decides.
        """
        if house:
            spellings = [(s.text, [t.start for t in s.tokens]) for s in group]
            named = house.canonical(prose, spellings)
            if named is not None:
                return named
        marked = _apart_by_marks(group)
        dominant = _dominant(group, _ACCENTED_USES if marked else _DOMINANT_USES)
        if dominant is not None:
            return house.accepted(dominant.text)
        if accents and english:
            # In English the marks are foreign markers like any other: the
            # spelling with fewest, then the more frequent, then the first.
            best = min(group, key=lambda s: (_marks(s.text), -len(s.tokens), s.first))
        elif accents:
            # In the page's own language the marks are its spelling: the
            # document's habit first (a draft that drops the marks twice and
            # keeps them once dropped them), the marks on a tie.
            best = max(group, key=lambda s: (len(s.tokens), _marks(s.text), -s.first))
        else:
            prefer = [
                p
                for p in self.prefer
                if english or p not in ("fewest-foreign-markers", "words")
            ]
            best = min(group, key=lambda s: tuple(_rank(s, p) for p in prefer))
        return house.accepted(best.text)


#: Uses of one spelling, and how many times the uses of every other, that
#: settle a name by the page's habit before its letters are weighed (four
#: and four: the held-out pages' one-off slips beside a name used four to
#: eleven times).
_DOMINANT_USES = 4
#: The same for spellings apart only by their marks (Gonçalves, Dvořáková):
#: a writer who typed the marks three times in four meant them.
_ACCENTED_USES = 3


def _dominant(group: Sequence[_Spelling], uses: int) -> _Spelling | None:
    """The spelling the page uses far more than any other, if one is.

    The foreign markers tell a German transliteration (Schmyhal) from the
    English one (Shmyhal), but not a name whose own spelling has them: a
    post that names Stellenbosch eleven times and Stellenbosh once slipped
    once, whatever the letters, and a page that writes "López" five times
    and "Lopez" once keeps the marks. A draft that
    changes transliteration system does so for a stretch, not for one use
    in five, so a spelling used four times and four times as often as each
    other one is the page's own (``uses`` times, three for marks: a writer
    who typed "Gonçalves" three times and "Goncalves" once meant the marks).
    """
    ranked = sorted(group, key=lambda s: -len(s.tokens))
    top = len(ranked[0].tokens)
    if top < uses:
        return None
    if any(len(s.tokens) * uses > top for s in ranked[1:]):
        return None
    return ranked[0]


def _rank(spelling: _Spelling, preference: str) -> int:
    """Lower is better for each criterion of ``prefer``."""
    if preference == "fewest-foreign-markers":
        return translit.foreign_markers(spelling.text)
    if preference == "frequency":
        return -len(spelling.tokens)
    if preference == "first":
        return spelling.first
    if preference == "words":
        return 0 if _of_words(spelling.text) else 1
    return 0


#: The shortest word a compound's part may be (Address + book; not Inch + eon).
_PART = 4


#: How common (the lexicon's count) each part of such a compound is.
_COMMON_PART = 30


def _of_words(text: str) -> bool:
    """Whether ``text`` is two common English words joined (Addressbook,
    not its slip Addressbok): between a product's name and its slip, the
    one made of words. A person's name is not, so this decides nothing
    between two spellings of one."""
    lex = wordlists.lexicon("en")
    word = text.casefold()
    return word.isalpha() and morphology.compound(
        word, lambda part: lex.count(part) >= _COMMON_PART, _PART
    )


def same_person(first: _Spelling, second: _Spelling) -> bool:
    """False when the words next to two spellings say they are two people,
    or a person and a place (Maxim Gorky, the estate of Gorki)."""
    if _person_and_place(first, second) or _person_and_place(second, first):
        return False
    # The names beside each; where one has none, the words that may be
    # names (Martin): "Martin Fleischmann", "Greg M. Fleishman" are two.
    if _disagree(
        first.followers or first.word_followers,
        second.followers or second.word_followers,
    ):
        return False
    if _disagree(
        first.preceders or first.word_preceders,
        second.preceders or second.word_preceders,
    ):
        return False
    # A given name and a surname: "Alvin Thompson", "Gen. David Allvin".
    if _roles_differ(first, second) or _roles_differ(second, first):
        return False
    # A given name (always followed by a surname) against a bare word: unknown.
    return not (_given(first) and not second.followed) and not (
        _given(second) and not first.followed
    )


def _roles_differ(given: _Spelling, surname: _Spelling) -> bool:
    """One spelling stands before a surname and never after a name, the
    other only ever after a given name: a given name and a surname, of two
    people."""
    return (
        given.followed > 0
        and not (given.preceders or given.word_preceders)
        and bool(surname.preceders)
        and not surname.followed
    )


def _person_and_place(person: _Spelling, place: _Spelling) -> bool:
    """One spelling always names a person (a given name before it or a
    surname after it), the other only ever follows a preposition of place,
    or is a country's or a city's name every reader knows, never beside a
    name (Leonardo Germani in a newsletter that names Germany)."""
    if not person.named or person.placed or place.named:
        return False
    return place.placed or _well_known(place.text)


def _well_known(text: str) -> bool:
    """Whether the lexicon knows ``text`` as a name and counts it among its
    commonest words (Germany, Paris, Moscow, China)."""
    lex = wordlists.lexicon("en")
    folded = text.casefold()
    return folded in lex.names and lex.count(folded) >= _WELL_KNOWN


#: The lexicon's count (ten times the log of a frequency) of a name every
#: reader knows: Germany 80, Paris 77, Moscow 70; Putin 63, Kiev 62 fall short.
_WELL_KNOWN = 70


def _disagree(one: set[str], other: set[str]) -> bool:
    return bool(one) and bool(other) and one.isdisjoint(other)


def _given(spelling: _Spelling) -> bool:
    return spelling.followed == len(spelling.tokens)


def _grouped_spellings(
    doc: Document, tokens: Sequence[translit.Token]
) -> list[list[_Spelling]]:
    """The groups of spellings of one name (see ``_groups``), each spelling
    with its occurrences and the names written right next to them.

    The groups depend on the spellings alone, so they are found first and
    only their spellings' surroundings are read: most capitalised words of
    a long text are in no group, and reading every word's neighbours was
    most of this check's time on the 8 MB news benchmark.
    """
    joined = _syllable_names(doc)
    found = _occurrences(tokens, joined)
    groups = [g for g in _groups(found, doc.prose) if not _told_apart(doc.prose, g)]
    grouped = {s.text: s for group in groups for s in group}
    if grouped:
        _describe(doc, grouped.values())
        _read_neighbours(doc, grouped, joined)
    return groups


#: Words that say the name after them is another person's: "no relation
#: of", "not to be confused with", "unrelated to".
_ANOTHER_PERSON = later_re(
    r"(?i)\b(?:no relation (?:of|to)|not (?:related|to be confused) (?:to|with)"
    r"|unrelated to|no kin (?:of|to))[ \t\n]+(?:\S+[ \t\n]+){0,2}\Z"
)
#: How far before a name those words are read.
_ANOTHER_REACH = 60


#: What stands between two authors of one list: commas, "and", initials
#: and other names, at least one comma, "and" or "&", and the second
#: author's initial ("X. Shen, Z. Chen", "Chen, M. Backes and Y. Shen"; not
#: "Bakhmut and Bachmut's villages", one place spelled twice).
_IN_A_LIST = later_regex(
    r"(?=[^\n]*?(?:,|\band\b|&))"
    r"(?:[ \t]*(?:,|;|&|and|\p{Lu}\.(?:-?\p{Lu}\.)*|\p{Lu}[\p{Ll}'’-]+))*"
    r"[ \t]+\p{Lu}\.(?:-?\p{Lu}\.)*[ \t]*"
)
#: Most characters between two names of one list that are read.
_LIST_REACH = 80


def _listed_together(prose: str, one: _Spelling, other: _Spelling) -> bool:
    """Whether a use of ``one`` and one of ``other`` stand in one list of
    authors, a comma or "and" apart with only initials and names between: a
    writer who lists both spells two people, not one person twice."""
    for first, second in ((one, other), (other, one)):
        starts = [tok.start for tok in second.tokens]
        for tok in first.tokens:
            at = bisect.bisect_left(starts, tok.end)
            if at < len(starts) and starts[at] - tok.end <= _LIST_REACH:
                between = _IN_A_LIST.fullmatch(prose, tok.end, starts[at])
                if between is not None:
                    return True
    return False


def _told_apart(prose: str, group: Sequence[_Spelling]) -> bool:
    """The text itself says one spelling names someone else ("He is no
    relation of Štefan Novák"): two people, however alike their names."""
    return any(
        _ANOTHER_PERSON.search(prose, max(0, tok.start - _ANOTHER_REACH), tok.start)
        for spelling in group
        for tok in spelling.tokens
    )


def _occurrences(
    tokens: Sequence[translit.Token], joined: Mapping[int, translit.Token]
) -> dict[str, _Spelling]:
    """Each spelling with its occurrences, in the order first used."""
    found: dict[str, _Spelling] = {}
    if joined:
        tokens = sorted([*tokens, *joined.values()], key=lambda t: t.start)
    for tok in tokens:
        if not _vowels(tok.text):
            continue  # an identifier (Zbkc), not a name
        spelling = found.get(tok.text)
        if spelling is None:
            spelling = found[tok.text] = _Spelling(tok.text)
        spelling.tokens.append(tok)
    return found


def _describe(doc: Document, spellings: Iterable[_Spelling]) -> None:
    """Whether each spelling always follows a preposition of place, and
    whether a capitalised word ever stands right beside it."""
    prose = doc.prose
    for spelling in spellings:
        spelling.placed = all(
            _PLACE_BEFORE.search(prose, max(0, tok.start - 24), tok.start)
            for tok in spelling.tokens
        ) and any(_only_a_place(prose, tok) for tok in spelling.tokens)
        spelling.named = any(_beside_a_name(prose, tok) for tok in spelling.tokens)


def _read_neighbours(
    doc: Document,
    grouped: Mapping[str, _Spelling],
    joined: Mapping[int, translit.Token],
) -> None:
    """The names written right next to the grouped spellings (any
    capitalised word, past a middle initial or a particle): the pairs of
    neighbouring words of the word index, middle initials passed over, that
    hold a grouped spelling."""
    prose = doc.prose
    index = doc.get(translit.Capitalised)
    starts, texts = index.starts, index.texts
    count = len(texts)
    words_name = doc.get(doclang.DocumentLanguage) not in _NOUNS_CAPITALISED

    def initial(i: int) -> bool:
        """A middle initial: the words around it are neighbours."""
        return len(texts[i]) == 1 and prose.startswith(".", starts[i] + 1)

    hits = set(
        itertools.compress(range(count), map(grouped.keys().__contains__, texts))
    )
    for start, tok in joined.items():
        i = bisect.bisect_left(starts, start)
        if i < count and starts[i] == start and tok.text in grouped:
            hits.add(i)
    pairs: set[tuple[int, int]] = set()
    for i in hits:
        if initial(i):
            continue
        j = i - 1
        while j >= 0 and initial(j):
            j -= 1
        if j >= 0:
            pairs.add((j, i))
        k = i + 1
        while k < count and initial(k):
            k += 1
        if k < count:
            pairs.add((i, k))
    for j, i in sorted(pairs):
        first = _whole(joined, starts[j], texts[j])
        second = _whole(joined, starts[i], texts[i])
        before, after = grouped.get(first), grouped.get(second)
        if before is None and after is None:
            continue
        gap = _BETWEEN.fullmatch(prose, starts[j] + len(first), starts[i])
        broken = gap is not None and "\n" in gap.group()
        if gap is None or (
            broken
            and not (
                _wrapped_at(prose, starts[j])
                and doc.block_at(starts[j]) == doc.block_at(starts[i])
            )
        ):
            continue  # a list's next item, a heading over its paragraph
        if not (_neighbour(first) and _neighbour(second)):
            # Only a plain space between, mid-sentence, in a language that
            # capitalises no common noun ("den Plan von Syrskyi", "Today
            # Puschkarenko employs" name nobody).
            if words_name and not broken and not gap.group().strip():
                if before is not None and after is None and _word_name(second):
                    before.word_followers.add("b:" + _bare(second))
                if (
                    after is not None
                    and before is None
                    and _word_name(first)
                    and not _opens_sentence(prose, starts[j])
                ):
                    after.word_preceders.add("b:" + _bare(first))
            continue
        # A neighbour's spelling without its marks is the same neighbour
        # (Lukáš Kubíček, Lukas Kubicek): its bare form is one of its keys.
        if before is not None:
            before.followers |= loose_keys(second) | {"b:" + _bare(second)}
            before.followed += 1
        if after is not None:
            after.preceders |= loose_keys(first) | {"b:" + _bare(first)}


#: A name of hyphen-joined syllables: Tse-tung, Hsiao-p'ing, En-lai, Jong-un.
_SYLLABLES = later_regex(
    r"(?<![\w-])\p{Lu}\p{Ll}{0,5}(?:-\p{Ll}{1,6}(?:['’]\p{Ll}{1,5})?){1,2}(?![\w-])"
)


def _syllable_names(doc: Document) -> dict[int, translit.Token]:
    """Hyphen-joined Chinese or Korean names, by start: one spelling each
    (the word index splits them at the hyphen)."""
    if "-" not in doc.prose:
        return {}
    # Piece by piece (cut after a space, which no name holds and the
    # look-arounds read past by one character at most): the whole masked
    # prose would be a copy of the prose.
    return {
        offset + m.start(): translit.Token(
            offset + m.start(), offset + m.end(), m.group()
        )
        for offset, piece in doc.get(translit.MaskedProse).pieces(doc.prose)
        for m in _SYLLABLES.finditer(piece)
        if east_asian_keys(m.group())
    }


def _whole(joined: Mapping[int, translit.Token], start: int, word: str) -> str:
    """The word at ``start``, or the hyphen-joined name it begins."""
    tok = joined.get(start)
    return word if tok is None else tok.text


#: Prepositions of place, and the words before "to" that make it a
#: person's ("respond to Podolyak", "according to", "an adviser to").
_PREPOSITIONS = r"in|to|from|near|of|at|around|outside|outskirts of"
_TO_A_PERSON = (
    r"according|respond(?:s|ed|ing)?|repl(?:y|ies|ied|ying)|advis[eo]rs?|aides?"
    r"|spokes(?:man|woman|person)|close|loyal|married|thanks|letter|message"
    r"|tribute|appeal(?:s|ed)?|said|spoke|talked|wrote|told|introduced|next"
)
#: A preposition of place right before a name: "in Sumy", "the city of Sumy".
_PLACE_BEFORE = later_regex(rf"(?<![\w])(?:{_PREPOSITIONS})[ \u00a0]+\Z")
#: The same, but "to" only where no word before it takes a person: a
#: spelling is a place's only if some use of it follows one of these.
_ONLY_A_PLACE_BEFORE = later_regex(
    rf"(?<![\w])(?:(?<!(?<![\w])(?i:{_TO_A_PERSON})[ \u00a0]+)to"
    rf"|(?!to[ \u00a0])(?:{_PREPOSITIONS}))[ \u00a0]+\Z"
)
#: A possessive after a name: "in Zelensky's view" is a person's.
_POSSESSIVE_AFTER = later_regex(r"['’]s(?![\w])")


def _only_a_place(prose: str, tok: translit.Token) -> bool:
    """Whether ``tok`` follows a preposition that makes it a place, and is
    no possessive ("in Zelensky's view" is a person's)."""
    return bool(
        _ONLY_A_PLACE_BEFORE.search(prose, max(0, tok.start - 24), tok.start)
    ) and not _POSSESSIVE_AFTER.match(prose, tok.end)


#: A capitalised word right before a name, inside its sentence, or right
#: after it.
_NAME_BEFORE = later_regex(r"(?<![\w])(\p{Lu}\p{Ll}+)[ \u00a0]+\Z")
_NAME_AFTER = later_regex(r"[ \u00a0]+\p{Lu}\p{Ll}")
#: Capitalised words before a name that do not make it a person's.
_NOT_GIVEN = frozenset(
    {"The", "A", "An", "In", "At", "On", "Of", "From", "To", "For", "With",
     "By", "And", "But", "When", "After", "Before", "Since", "Near", "This",
     "That", "These", "Those", "Its", "His", "Her", "Their", "Our"}
)  # fmt: skip
#: Two spellings joined like this in one sentence are two names.
_JOINED = later_regex(r"[ \u00a0]+(?:and|or|und|et|i|y|e)[ \u00a0]+|,[ \u00a0]+")


def _beside_a_name(prose: str, tok: translit.Token) -> bool:
    before = _NAME_BEFORE.search(prose, max(0, tok.start - 30), tok.start)
    if before is not None and before.group(1) not in _NOT_GIVEN:
        return True
    return _NAME_AFTER.match(prose, tok.end) is not None


def _glossed(prose: str, tok: translit.Token, other: _Spelling) -> bool:
    """True when the spelling at ``tok`` glosses the other one, or is glossed
    by it, in brackets right beside it: "Warsh (Warš) forms", "Zelensky
    (Zelenskyy)", "Zmitser Babrovich (Zmicier Babrovič in the Belarusian
    Latin alphabet)". A writer giving both spellings at once means both."""
    before = _GLOSSED_AFTER.search(prose, max(0, tok.start - 64), tok.start)
    if before is not None and other.text in before.group(1).split():
        return True
    after = _GLOSS_AFTER.match(prose, tok.end)
    return after is not None and after.group(1) == other.text


#: A name of up to three words and an opening bracket right before a
#: spelling, or before the glossing name's earlier words: "Warsh (",
#: "Zmitser Babrovich (Zmicier ".
_GLOSSED_AFTER = later_regex(
    r"((?:[\p{L}\p{M}'’-]+[ \u00a0]+){0,2}[\p{L}\p{M}'’-]+)[ \u00a0]*\([ \u00a0]*"
    r"(?:\p{Lu}[\p{L}\p{M}'’-]*[ \u00a0]+){0,2}\Z"
)
#: A spelling's gloss in brackets right after it: " (Warš)", " (or Warš,".
_GLOSS_AFTER = later_regex(
    r"[ \u00a0]*\([ \u00a0]*(?:or[ \u00a0]+)?([\p{L}\p{M}'’-]+)[ \u00a0]*[),;]"
)


def _joined(prose: str, first: _Spelling, second: _Spelling) -> bool:
    """True when the two spellings of people's names stand side by side,
    joined by "and" or a comma ("Shultz and Schulz never met"): a writer
    names one person once (a place may be glossed: Charkiw and Kharkiv)."""
    if not (first.named and second.named):
        return False
    ends = {t.end: t for t in first.tokens}
    starts = {t.start for t in second.tokens}
    for end in ends:
        gap = _JOINED.match(prose, end)
        if gap is not None and gap.end() in starts:
            return True
    return False


#: Vowels of a romanised name after ``translit.fold`` (y is one in Kyiv).
_VOWELS = frozenset("aeiouy")


@functools.lru_cache(maxsize=4096)
def _vowels(word: str) -> bool:
    """True when ``word`` has a vowel; a word without one is a code."""
    return not _VOWELS.isdisjoint(translit.fold(word))


def _mark_alone(doc: Document, groups: Sequence[Sequence[_Spelling]]) -> None:
    """Mark spellings whose every occurrence fills a list item on its own."""
    if not any(b.kind == "list" for b in doc.blocks):
        return
    for group in groups:
        for spelling in group:
            spelling.alone = all(
                doc.fills_block(tok.start, tok.end, "list") for tok in spelling.tokens
            )


def _credited(doc: Document, spelling: _Spelling) -> bool:
    """Every use of ``spelling`` is in a sentence's run-in list of people
    (a page's thanks, a paper's authors): Bryan and Brian, Henri and Henry
    there are two people, each named once."""
    return all(
        word_guards.in_people_series(doc, tok.start, tok.end) for tok in spelling.tokens
    )


def _listed_apart(doc: Document, spelling: _Spelling, other: _Spelling) -> bool:
    """Every use of both spellings names a list item of its own in a list
    of people, and no item of one is an item of the other but for the
    spelling itself, accents and case: "- Julian" and "- Victor Julien" are
    two contributors, where "- Stefan van der Walt" and "- Stéfan van der
    Walt", or "- Oleksandr Samojlenko" in one list and "- Oleksandr
    Samoylenko" in another, name one person twice."""
    names = []
    for group in (spelling, other):
        items = [
            word_guards.names_entry(doc, tok.start, tok.end) for tok in group.tokens
        ]
        if None in items:
            return False
        names.append({word_guards.unaccented(i.casefold()) for i in items if i})
    return names[0].isdisjoint(names[1])


@functools.lru_cache(maxsize=4096)
def _neighbour(word: str) -> bool:
    """A capitalised word that can be part of a name: not a common word, a
    title, a month (of any length: "Go", "Li") or a function word opening a
    sentence ("The Uschhorod-based utility", "In October")."""
    return not translit.is_common(word) and len(word) > 1 and word not in _NOT_GIVEN


#: Languages that capitalise every noun: a capitalised word beside a name
#: there names nobody.
_NOUNS_CAPITALISED = frozenset({"de", "lb"})


def _opens_sentence(prose: str, at: int) -> bool:
    """Whether the word at ``at`` opens its sentence or line. Any stop
    ends a sentence here ("Puschilin said no. Later Puschilin's aide"):
    ``word_guards.sentence_initial`` reads "no." as the abbreviation of a
    number, which would make "Later" a given name."""
    i = at - 1
    while i >= 0 and prose[i] in " \t\u00a0\"'“‘«„*_(":
        i -= 1
    return i < 0 or prose[i] in ".!?:;\n"


def _word_name(word: str) -> bool:
    """A capitalised common word that may be a given name beside a surname
    (Martin, Ping, Rose): no title, month or administrative term
    (``translit.not_names``), no function word, no acronym."""
    return (
        len(word) > 1
        and word[1:].islower()
        and word not in _NOT_GIVEN
        and word.casefold() not in translit.not_names()
    )


@functools.lru_cache(maxsize=4096)
def _bare(text: str) -> str:
    """``text`` without its diacritics, lower-cased."""
    return translit.to_ascii(text).casefold()


def _marks(text: str) -> int:
    return sum(1 for ch in text if not ch.isascii())


#: Diacritics of Slavic romanisations (Czech, Polish, ISO 9): there the
#: accented form is a foreign system's spelling (Medveděv, Kupiańsk).
_SYSTEM_MARKS = frozenset("čšžřěňťďůńśźżćłýĕčŠŽČŘĚŃŚŹŻĆŁŝŜÌ")


#: Languages that decline names, as the document's language is told
#: (``doclang``): Łukaszenka, Łukaszenki, Łukaszenką are one name's cases.
_DECLINING = frozenset({"pl", "uk", "ru"})
#: By a name's last letter in the nominative (a consonant: ""), what its
#: other cases end in instead of that letter, in Polish, Ukrainian and
#: Russian: Łukaszenka, -i, -ę, -ą; Kowalski, -iego, -im; Putin, Putina,
#: Putinem; Кулеба, Кулеби, Кулебою.
_CASE_ENDINGS: dict[str, frozenset[str]] = {
    "a": frozenset(
        {"y", "i", "e", "ie", "ę", "ą", "o", "u", "ce", "dze", "ze",
         "и", "і", "е", "у", "ю", "ою", "ой", "ей", "ы"}
    ),
    "я": frozenset({"и", "і", "е", "ю", "ею", "ей"}),
    "i": frozenset({"iego", "iemu", "im", "ich", "imi"}),
    "y": frozenset({"ego", "emu", "ym", "ych", "ymi"}),
    "й": frozenset({"ого", "ому", "им", "ым", "ом", "ій"}),
    "": frozenset(
        {"a", "u", "owi", "em", "ie", "ów", "om", "ami", "ach", "y",
         "а", "у", "ом", "ым", "ем", "е", "і", "ові", "ою"}
    ),
}  # fmt: skip


def _written_in_lower_case(
    doc: Document, groups: Sequence[Sequence[_Spelling]]
) -> Set[str]:
    """The groups' spellings that the document also writes in lower case: a
    common word capitalised at a sentence's start or in a title, whose
    accent makes it another word in a language other than English (Spanish
    ``Como`` and ``Cómo``; Czech ``Vaši`` and ``Vaší``), or a field's own
    word that English's list of common words lacks (the ``Referrer`` policy
    beside the ``Referer`` header, a spec that writes "the referrer"). A
    name is never written in lower case, so such a group is two words. All
    the groups' words are looked for in a few passes over the prose (a
    search for each was quadratic: 4.3 s of the 8 MB news benchmark)."""
    wanted = {s.text.lower() for group in groups for s in group if not s.text.islower()}
    if not wanted:
        return frozenset()
    # A Places of its own, not the shared WordPlaces: declaring that would
    # put this check in the lexicon checks' worker group (document_workers
    # groups by analyses), and the 8 MB text took 7.1 s, not 5.3 s, with
    # --jobs 2.
    # The counts, there for free (``doclang.DocumentLanguage`` reads them),
    # spare the search for a word the prose never writes.
    counts = doc.known(word_guards.WordCounts)
    places = word_guards.Places(doc.prose, counts).of(wanted)
    return frozenset(word for word, found in places.items() if found)


def _case_forms(group: Sequence[_Spelling], language: str) -> bool:
    """True when, in a language that declines names, every spelling of the
    group is a case of one of them, by the endings of its declension
    (Łukaszenka, Łukaszenki, Łukaszenką; German Vereine, Vereins), not a
    second spelling (Kowalski and Kowalsky, Odessa and Odesa stay
    variants)."""
    if language == "de":
        texts = [s.text.casefold() for s in group]
        return any(all(_german_form_of(t, base) for t in texts) for base in texts)
    if language not in _DECLINING:
        return False
    texts = [s.text.casefold() for s in group]
    return any(all(_a_case_of(t, nominative) for t in texts) for nominative in texts)


#: What German adds to a noun or a name for its plural and genitive
#: (Verein, Vereine, Vereins, Vereinen; Merkel, Merkels): every noun is
#: capitalised, so a German page's inflected nouns meet as "names".
_GERMAN_ENDINGS = frozenset({"e", "en", "n", "s", "es", "er", "ern", "ns"})


def _german_form_of(form: str, base: str) -> bool:
    """True when ``form`` is ``base`` or ``base`` with a German ending."""
    if form == base:
        return True
    ending = form[len(base) :]
    return (
        len(base) >= 4
        and form.startswith(base)
        and ending in _GERMAN_ENDINGS
        # Not the last letter doubled: Hoffman and Hoffmann are two spellings.
        and ending[0] != base[-1]
    )


def _a_case_of(form: str, nominative: str) -> bool:
    """True when ``form`` is ``nominative`` or one of its case forms."""
    if form == nominative:
        return True
    last = nominative[-1:]
    if last and last in _CASE_ENDINGS:
        stem, endings = nominative[:-1], _CASE_ENDINGS[last]
    else:
        stem, endings = nominative, _CASE_ENDINGS[""]
    return len(stem) >= 3 and form.startswith(stem) and form[len(stem) :] in endings


def _accents_only(group: Sequence[_Spelling]) -> bool:
    """True when the spellings differ only by the accents of a Latin-script
    name (Rodríguez, Rodriguez), not by a romanisation's marks."""
    if not _apart_by_marks(group):
        return False
    return not any(ch in _SYSTEM_MARKS for s in group for ch in s.text)


def _apart_by_marks(group: Sequence[_Spelling]) -> bool:
    """True when the spellings differ only by their marks, a romanisation's
    or a Latin-script name's (Dvořáková, Dvorakova; Gonçalves, Goncalves)."""
    return len({_bare(s.text) for s in group}) == 1


def _one_entity(group: Sequence[_Spelling], prose: str) -> bool:
    """Spellings with and without accents name one person or thing: the
    spellings written beside a name have one in common, and a spelling
    that only stands alone comes after them ("Recep Tayyip Erdogan ...
    Erdoğan made the offer": a bare surname after the full name is the same
    man; "the Americas ... Conexión Américas" is not, nor is anything after
    "the", "Unión Américas ... the Americas"). Two spellings beside
    different names are two people (Pablo Gonzalez, Luis González)."""
    named = [s for s in group if s.preceders or s.followers]
    if not named:
        return True
    alone = [s for s in group if s not in named]
    if alone and (
        not any(s.named for s in named)
        or any(
            s.placed
            or s.first < min(n.first for n in named)
            or any(name_context.after_the(prose, tok.start) for tok in s.tokens)
            for s in alone
        )
    ):
        # A bare surname refers back to a person's full name; "Banco de
        # México ... in Mexico", "the Americas" are places, not surnames.
        return False
    return bool(set.intersection(*(s.preceders | s.followers for s in named)))


def _groups(spellings: Mapping[str, _Spelling], prose: str) -> list[list[_Spelling]]:
    """Spellings that share a key, in groups of two or more."""
    if len(spellings) < 2:
        return []
    parent = {text: text for text in spellings}

    def root(text: str) -> str:
        while parent[text] != text:
            parent[text] = parent[parent[text]]
            text = parent[text]
        return text

    owner: dict[str, str] = {}
    for text in spellings:
        for key in loose_keys(text):
            seen = owner.setdefault(key, text)
            if seen == text or _inflected(seen, text):
                continue
            if not key.startswith(("e:", "g:")) and not _alike(seen, text):
                continue  # syllable names are told by their syllables, given
                # names of one class by their table
            if key.startswith("a:") and not _arabic_pair(spellings, seen, text):
                continue
            parent[root(text)] = root(seen)
    # A name written with its own letters and without their marks (Kubíček,
    # Kubicek; Lukáš, Lukas): keys read č and š as a romanisation's ch and
    # sh, so they miss the plain spelling that only drops the marks.
    plain = {text.casefold(): text for text in spellings if text.isascii()}
    for text in spellings:
        if text.isascii() or 2 * sum(not ch.isascii() for ch in text) > len(text):
            continue  # marks on most letters: a pseudo-localised word (Ëñgłíšh)
        other = plain.get(_bare(text))
        if other is not None and not _inflected(other, text):
            parent[root(text)] = root(other)
    for text, other in _genitives(spellings, owner, prose):
        spellings[text].genitive = True
        parent[root(text)] = root(other)
    members: dict[str, list[_Spelling]] = defaultdict(list)
    for text, spelling in spellings.items():
        members[root(text)].append(spelling)
    return [
        sorted(group, key=lambda s: s.first)
        for group in members.values()
        if len(group) > 1
    ]


def _one_given_name_by_table(one: str, other: str) -> bool:
    """Whether the two spellings are one given name only by the table of a
    name's forms (Dmitry, Dmytro), not by a key of their letters: each use
    of one then names the other's bearer only before the other's surname."""
    shared = loose_keys(one) & loose_keys(other)
    return bool(shared) and all(key.startswith("g:") for key in shared)


#: The capitalised word after a name, past spaces or a line break, without
#: a possessive's ending.
_NEXT_NAME = later_regex(
    r"[ \u00a0]+(?:\n[ \u00a0]*)?"
    r"(\p{Lu}[\p{L}\p{M}-]*(?:['’](?![sS]\b)[\p{L}\p{M}-]+)*)"
)


def _surname_keys(prose: str, end: int) -> frozenset[str]:
    """The keys of the name after a given name ending at ``end`` (none)."""
    found = _NEXT_NAME.match(prose, end)
    return frozenset() if found is None else loose_keys(found.group(1))


def _surnames_after(
    prose: str, spelling: _Spelling
) -> list[tuple[int, frozenset[str]]]:
    """Each use of ``spelling``: where it stands and the keys of the name
    after it, read once for all the uses of the other spelling."""
    return [(tok.start, _surname_keys(prose, tok.end)) for tok in spelling.tokens]


def _bearer(
    prose: str, tok: translit.Token, bearers: list[tuple[int, frozenset[str]]]
) -> int | None:
    """Where the other spelling names the man ``tok`` names, by the surname
    after both (Dmitry Kovalenko, Dmytro Kovalenko; ``bearers`` from
    :func:`_surnames_after`); None where no use of it stands before ``tok``'s
    surname."""
    keys = _surname_keys(prose, tok.end)
    if not keys:
        return None
    for start, theirs in bearers:
        if not keys.isdisjoint(theirs):
            return start
    return None


def _arabic_pair(spellings: Mapping[str, _Spelling], one: str, other: str) -> bool:
    """Two spellings that meet only on the Arabic reading are one name when
    one of them is spelled as only Arabic is romanised (Qaddafi, Kadhafi,
    Hizbullah, Muhammad): Vanessa and Venessa, or Charles and Charlie, are
    not one name."""
    del spellings
    return arabic_marked(one) or arabic_marked(other)


def _genitive_of(doc: Document, name: str) -> str:
    """``name`` in the genitive of the document's language: Shmyhal's in
    English, Schmyhals in German."""
    return name + ("s" if doc.get(doclang.DocumentLanguage) == "de" else "'s")


def _used(doc: Document, group: list[_Spelling]) -> list[_Spelling]:
    """``group`` without the occurrences that are not the writer's use of
    the name: in a quotation in another language (a German headline cited
    in English is left as quoted), cited alone between quote marks (“why
    write “Lukaschenko”?”: the spelling talked about), a contributor's
    name in the bracket that credits a change ("(Mestery) #41683": as they
    sign it) or before their own e-mail address ("Brian Martin -
    <brian.k.martin4@…>"), a word of a work's title ("*Odessa in Autumn*
    (1958)") or
    part of an institution's own name that no other spelling names ("Pusan
    National University" in Busan keeps its name; "Siena College" and
    "Sienna College" are one college spelled two ways)."""
    prose = doc.prose
    heads = [
        [name_context.institution_after(prose, t.end) for t in s.tokens] for s in group
    ]
    # An address holds no accents: it tells Brian from Bryan, not Kral from
    # Král, so a spelling whose bare letters another one shares is not
    # excused by it.
    bare = [word_guards.unaccented(s.text.casefold()) for s in group]
    kept = []
    for index, (spelling, own) in enumerate(zip(group, heads, strict=True)):
        others = {h for other in heads if other is not own for h in other}
        addressed = bare.count(bare[index]) == 1
        tokens = [
            t
            for t, head in zip(spelling.tokens, own, strict=True)
            if (head is None or head in others)
            and not doclang.foreign_quotation(doc, t.start, t.end)
            and not word_guards.cited(prose, t.start, t.end, _CITING)
            and not word_guards.credited(doc.text, t.start, t.end)
            and not (
                addressed and name_context.in_own_address(doc.text, t.start, t.end)
            )
            and not name_context.in_titled_run(doc.text, prose, t.start, t.end)
            and not word_guards.in_embedded_post(doc, t.start)
            and not name_context.heading_of_a_work(doc, t.start)
            and not name_context.on_a_foreign_street(prose, t.start)
            and not _double_barrelled(prose, t.start)
        ]
        if len(tokens) == len(spelling.tokens):
            kept.append(spelling)
        elif tokens:
            spelling.tokens[:] = tokens
            kept.append(spelling)
    return kept


def _double_barrelled(prose: str, start: int) -> bool:
    """The spelling at ``start`` is the second part of a double-barrelled
    surname after a given name ("David Hamp-Gonsalves"): another surname
    than the single one ("Rui Gonçalves"). A route between places
    ("trains Lviv-Kharkiv") has no given name before it."""
    return _BARRELLED_BEFORE.search(prose, max(0, start - 48), start) is not None


_BARRELLED_BEFORE = later_regex(
    r"(?<![\w-])\p{Lu}\p{Ll}+[ \t\u00a0]+(?:\p{Lu}\.[ \t\u00a0]+)?\p{Lu}\p{Ll}+-\Z"
)


#: Marks that cite a name: double quotation marks of every convention
#: (a single ’ after a name is its possessive).
_CITING = '"“”„«»'


def _genitives(
    spellings: Mapping[str, _Spelling], owner: Mapping[str, str], prose: str
) -> Iterator[tuple[str, str]]:
    """(genitive, spelling) for each German genitive of a spelling of one of
    the document's names (Schmyhals beside Shmyhal), which governs a word
    after it somewhere ("Schmyhals cabinet"): a name that only ever ends its
    phrase ("(Jesse W. Collins)") is a surname of its own, not Colin's."""
    for text in spellings:
        stem = _genitive_stem(text)
        if not stem or not _governs(prose, spellings[text]):
            continue
        for key in translit.keys(stem):
            other = owner.get(key, text)
            if _bare(other) == _bare(stem):
                break  # a plural (Américas, América), not a genitive
            if other != text and not key.startswith("a:") and _alike(other, stem):
                if not _inflected(other, text):
                    yield text, other
                break
            continue


def _governs(prose: str, spelling: _Spelling) -> bool:
    """Whether a word follows some use of ``spelling`` (after white space,
    a line break included, and perhaps an opening quote)."""
    return any(_GOVERNED.match(prose, tok.end) is not None for tok in spelling.tokens)


#: What follows a genitive: white space, perhaps an opening quote, a word.
_GOVERNED = later_regex(r"\s+[\"“‘«„']?\p{L}")


def _genitive_stem(text: str) -> str:
    """The name of a German genitive (Schmyhals, Selenskyjs), or "": a
    romanised name ending in a consonant, then s."""
    if len(text) < 6 or not text.endswith("s") or text[-2] not in "jlvwknrm":
        return ""
    return text[:-1]


#: Letters romanisations swap one for one (Jermak, Yermak; Peskow, Peskov).
_LIGHT_FOLD = str.maketrans("wjy", "vii")
#: The share of letters two spellings of one name have in common, in order.
MIN_SHARED = 2 / 3


@functools.lru_cache(maxsize=4096)
def _alike(first: str, second: str) -> bool:
    """True when two spellings with one key share most of their letters.

    The key folds c, z, ts, tz and s together and collapses doubled letters,
    so short unrelated words can meet on it (Macs and Matz both read "mas").
    Read with only the one-for-one swaps folded (w as v, j and y as i), real
    variants keep most of their letters in order (Winnyzja and Vinnytsia
    share 7 of 8 and 9), unrelated words do not (Macs and Matz, 2 of 4).
    """
    one = translit.fold(first).translate(_LIGHT_FOLD)
    other = translit.fold(second).translate(_LIGHT_FOLD)
    if not one or not other:
        return True
    import difflib  # a pair of candidate spellings: not on every run's start

    matcher = difflib.SequenceMatcher(None, one, other, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    return 2 * shared >= MIN_SHARED * (len(one) + len(other))


def _inflected(first: str, second: str) -> bool:
    """A plural of the same word (Olympic/Olympics, Hispanic/Hispanics).

    The key folds c to s and collapses doubled letters, so "-ic" and "-ics"
    share it; a trailing -s/-es is grammar, never a second spelling.
    """
    short, long = sorted((first.casefold(), second.casefold()), key=len)
    return long.startswith(short) and long[len(short) :] in ("s", "es")


def _unmasked(
    group: list[_Spelling], exceptions: Exceptions, prose: str
) -> list[_Spelling]:
    """``group`` without occurrences inside exception phrases. Narrowed in
    place, as ``_used`` does: a run's spellings are its own. A spelling in
    two groups is narrowed the same way twice here (an exception phrase is
    one whatever the group); ``_used`` may keep an institution's name in one
    group that names it too and drop it in another."""
    kept: list[_Spelling] = []
    for spelling in group:
        tokens = [
            t for t in spelling.tokens if not exceptions.covers(prose, t.start, t.end)
        ]
        if tokens:
            spelling.tokens[:] = tokens
            spelling.followed = min(spelling.followed, len(tokens))
            kept.append(spelling)
    return kept
