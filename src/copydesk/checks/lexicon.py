"""``lexicon``: misspellings with no list, found against a large word list.

On by default, so it must earn its place: a word is reported only when it is
missing from the lexicon (American and British spellings with their
inflections, see ``copydesk.wordlists``), none of the guards in
``copydesk.word_guards`` explains it, and a common word lies one cheap slip
away (``copydesk.typo_edits``). What stays quiet:

- names: a capitalised word inside a sentence, a word of the ``names`` house
  list, a word the document uses more than once capitalised, the entries of
  a list of names (a release note's contributors) and a user name in
  brackets after a name. A capital at the
  start of a sentence proves nothing, so ``Niether`` is still checked;
- terms: a word the document uses ``term-count`` times or more is the
  document's own vocabulary (``kubectl``, ``cmdlet``), not a typo;
- code, identifiers, file names, flags, URLs, acronyms, tokens with digits;
- words cited as words, block quotes, paragraphs in another language;
- the project's ``vocab.accept`` (the engine drops those findings), the
  rule's own ``ignore`` list, and the page's own cSpell directives (its
  ``cSpell:ignore`` words, ``cspell:disable`` regions; see
  ``copydesk.spell_directives``).

A word used in several files of a run is a term too, but the results cache
answers each file from its own content, so a cross-file vocabulary would
make a file's findings depend on its neighbours; it is left to ``vocab``.
Fixes are unsafe (the lexicon may lack a correct word) except one kind that
cannot change correct text: an apostrophe put back into a contraction
(``wasnt`` → ``wasn't``), when that is the only close word.
"""

import functools
import re
from collections.abc import Iterator, Mapping, Set
from typing import Any, ClassVar, Final, NamedTuple

from copydesk import (
    doclang,
    langtag,
    morphology,
    patterns,
    spell_directives,
    typo_edits,
    word_guards,
    wordlists,
)
from copydesk.checks.base import Check, CheckTypeBase, LoadContext, Reach
from copydesk.checks.names import house_entries
from copydesk.document import FILLER, Analysis, Block, Document, LoweredProse
from copydesk.errors import RuleError
from copydesk.lazy_patterns import later_re
from copydesk.model import Applicability, Edit, Finding, Fix, FixAvailability, RuleMeta
from copydesk.schema import Key
from copydesk.wordsets import word_set

#: Suggestions whose score is this close to the best one are offered too.
_MARGIN = 0.35
#: Slips this close in cost are alike: the document's own word goes first.
_ALIKE_COST = 0.15
_MAX_SUGGESTIONS = 3
#: Languages that capitalise every noun: a capital says nothing about names
#: there, so capitalised words are checked (with the stricter bar).
_CAPITALISED_NOUNS = frozenset({"de"})
#: Capitalised words shorter than this are not checked: too many names.
_CAPITAL_MIN = 6
#: Lower-case words this long or shorter need a typing slip to be reported.
_SHORT = 6
#: Words this short need an apostrophe, a double or a swap (``guid`` is not
#: ``guide``).
_TINY = 4
#: How common a stem or a compound's part must be.
_STEM_COUNT = 50
#: A correction this common, one vowel or sound away, beats any word-building
#: explanation (``diffrent`` is not ``diff`` + ``rent``).
_VERY_COMMON = 72
#: Fewest letters of a capitalised word opening a sentence that is read
#: for two slips of a very common word.
_OPENER_MIN = 8
#: A document with more unknown lower-case words than this, and more than
#: this share of its distinct words, is not prose of the lexicon's language (a
#: word list, a dump, another language): it is skipped, which also bounds
#: the candidate search on hostile input.
_MAX_SUSPECTS = 30
#: How long a document's own term must be to stand for its slips: shorter
#: names crowd (Falco, Falcon), and a short slip has many readings.
_TERM_LENGTH = 6
#: Words whose verdict a check remembers, at most (``Lexicon._excused``):
#: a run of thousands of documents meets about this many distinct words.
_MOST_REMEMBERED = 200_000
#: Longer tokens are not misspelt words (hashes, run-together strings).
_MAX_LENGTH = 30
_GARBLED = 0.3
#: Two-edit searches (about 8 ms each) per document; the rest get one edit.
_TWO_EDIT_SEARCHES = 10
_VOWEL_SLIPS = frozenset(
    {typo_edits.DROPPED_VOWEL, typo_edits.VOWEL, typo_edits.SOUND_ALIKE}
)


class Settings(NamedTuple):
    """The rule's thresholds, as its keys set them."""

    min_length: int = 4
    term_count: int = 3
    max_cost: float = 1.0
    two_edit_cost: float = 1.5
    min_count: int = 45


class WordFolds(Analysis[dict[str, str]]):
    """Each distinct word of the prose (``WordCounts``' order) with its
    folded form (``_fold``): the lexicon check's suspects and the page's
    repeated terms are both read by it, folded once."""

    @classmethod
    def compute(cls, doc: Document) -> dict[str, str]:
        counts = doc.get(word_guards.WordCounts)
        return dict(zip(counts, _folded(counts), strict=True))


class RepeatedWords(Analysis[dict[str, tuple[str, int]]]):
    """The document's words of ``_TERM_LENGTH`` letters or more that it uses
    more than once, by folded form: (the spelling it uses most, its uses in
    every spelling). Where the lexicon check looks for the page's own terms
    (``_slip_choice``), once per document, not once per unknown word."""

    @classmethod
    def compute(cls, doc: Document) -> dict[str, tuple[str, int]]:
        counts = doc.get(word_guards.WordCounts)
        found: dict[str, tuple[str, int]] = {}
        for token, folded in doc.get(WordFolds).items():
            if len(token) >= _TERM_LENGTH:
                n = counts[token]
                spelling, uses = found.get(folded, (token, 0))
                if n > counts[spelling]:
                    spelling = token  # the spelling the page uses most
                found[folded] = (spelling, uses + n)
        return {form: seen for form, seen in found.items() if seen[1] > 1}


class Terms:
    """The page's terms a slip may be of, and the strings one letter short of
    each: a word one edit from a term (a letter added, dropped or replaced,
    two neighbours swapped) shares a string with it when each loses at most
    one letter. ``_slip_choice`` asks it before it makes the word's few
    hundred edits, which most names of a long news text, none a slip, had
    cost (0.66 s of 8 MB).

    A term is a repeated word (``RepeatedWords``) used ``term_count`` times
    that the lexicon does not count as common: the same test
    ``_slip_choice`` puts to each of a word's edits, put here once per
    document and rule settings, so the neighbourhood holds only the few
    rare terms a page repeats, not its hundreds of repeated common words.
    """

    __slots__ = ("_near", "_repeated")

    def __init__(self, repeated: Mapping[str, tuple[str, int]]) -> None:
        self._repeated = repeated
        self._near: dict[tuple[int, int, int], frozenset[str]] = {}

    def near(
        self, folded: str, lex: wordlists.Lexicon, term_count: int, min_count: int
    ) -> bool:
        """Whether some term is one edit from ``folded`` or may be (bar
        letters one apart, which a term slip leaves out)."""
        key = (id(lex), term_count, min_count)
        strings = self._near.get(key)
        if strings is None:
            found: set[str] = set()
            for form, (_, uses) in self._repeated.items():
                if uses >= term_count and lex.count(form) < min_count:
                    found.add(form)
                    found.update(_one_letter_short(form))
            strings = self._near[key] = frozenset(found)
        return folded in strings or not strings.isdisjoint(_one_letter_short(folded))


class TermNeighbourhood(Analysis[Terms]):
    """The page's terms and the strings near them (``Terms``), made for
    each rule's settings on first ask."""

    @classmethod
    def compute(cls, doc: Document) -> Terms:
        return Terms(doc.get(RepeatedWords))


class ReferenceLabels(Analysis[frozenset[str]]):
    """The names, case-folded, by which the page refers to its links
    (``[New playform screenshots][playform]``, ``[playform]: https://…``):
    the names of what it links to, no slips. One scan of the text per
    document; asked only for a word the page's spelling would report."""

    @classmethod
    def compute(cls, doc: Document) -> frozenset[str]:
        text = doc.text
        first = _LABEL_DEFINED.match(text)
        labels = [
            *_LABEL_USED.findall(text),
            *_LABEL_DEFINED_ON_A_LINE.findall(text),
            *(first.groups() if first else ()),
        ]
        return frozenset(label.casefold() for label in labels)


#: A link's reference label where a link uses it, and where one is defined
#: (at the text's start, or after a line break). Each opens with a literal,
#: found by a fast search: a pattern opening with ``^`` is tried at every
#: character (0.17 s against 0.08 s on the 17 MB benchmark file).
_LABEL_USED = later_re(r"\](?=\[([^\]\n]+)\])")
_LABEL_DEFINED = later_re(r"[ \t]*\[([^\]\n]+)\]:")
_LABEL_DEFINED_ON_A_LINE = later_re(r"\n[ \t]*\[([^\]\n]+)\]:")


def _one_letter_short(word: str) -> list[str]:
    """``word`` with one of its letters left out, at each place."""
    return [word[:i] + word[i + 1 :] for i in range(len(word))]


class Lexicon(CheckTypeBase):
    """Flags unknown words that are one cheap slip from a common word."""

    __slots__ = ("_excused", "accepted", "dictionary", "meta", "settings")

    #: Unsafe, but a restored contraction apostrophe is safe.
    FIX: ClassVar[FixAvailability] = FixAvailability.MIXED
    #: A word the project's cSpell dictionary accepts is not reported.
    SPELLING: ClassVar[bool] = True
    USES: ClassVar[tuple[type[Analysis[Any]], ...]] = (
        word_guards.WordCounts,
        word_guards.WordPlaces,
        WordFolds,
        RepeatedWords,
        TermNeighbourhood,
        word_guards.NameLists,
        word_guards.PackageLists,
        word_guards.CodeWords,
        word_guards.LoremFiller,
        ReferenceLabels,
        LoweredProse,  # through word_guards.LoremFiller
        spell_directives.SpellDirectives,
        doclang.DeclaredLanguages,
    )
    #: A word the document uses ``term-count`` times is its term wherever it
    #: stands, and the two-edit searches are a budget per document.
    REACH: ClassVar[Reach] = Reach.DOCUMENT

    KEYS: ClassVar[Mapping[str, Key]] = {
        k.name: k
        for k in (
            Key("dictionary", (str,)),
            Key("ignore", (list,), item_types=(str,)),
            Key("min-length", (int,)),
            Key("term-count", (int,)),
            Key("max-cost", (float, int)),
            Key("min-count", (int,)),
            Key("house-names", (bool,)),
        )
    }

    meta: Final[RuleMeta]
    dictionary: Final[str]
    accepted: Final[frozenset[str]]
    settings: Final[Settings]

    def __init__(
        self,
        meta: RuleMeta,
        dictionary: str,
        accepted: frozenset[str],
        settings: Settings,
    ) -> None:
        self.meta = meta
        self.dictionary = dictionary
        self.accepted = accepted
        self.settings = settings
        #: By language, whether each word asked about so far is excused by
        #: itself (``_word_excused``).
        self._excused: dict[str, dict[str, bool]] = {}

    @classmethod
    def from_yaml(
        cls, meta: RuleMeta, data: Mapping[str, Any], context: LoadContext
    ) -> Check:
        dictionary = str(data.get("dictionary", ""))
        if dictionary and dictionary not in wordlists.LANGUAGES:
            choices = ", ".join(sorted(wordlists.LANGUAGES))
            raise RuleError(meta.source, f"key 'dictionary': choose one of {choices}")
        accepted = {_fold(w) for w in data.get("ignore", [])}
        if data.get("house-names", True):
            accepted |= _house_words(context)
        default = Settings()
        settings = Settings(
            min_length=int(data.get("min-length", default.min_length)),
            term_count=int(data.get("term-count", default.term_count)),
            max_cost=float(data.get("max-cost", default.max_cost)),
            min_count=int(data.get("min-count", default.min_count)),
        )
        if settings.min_length < 2 or settings.term_count < 2:
            raise RuleError(
                meta.source, "keys 'min-length' and 'term-count' must be 2 or more"
            )
        # Decoded whole before a parallel run's workers fork, so they share
        # one copy instead of each decoding the list again; a one-file run
        # decodes only the words it asks about.
        patterns.load_before_fork(wordlists.whole_loader(dictionary or "en"))
        return cls(meta, dictionary, frozenset(accepted), settings)

    def run(self, doc: Document) -> Iterator[Finding]:
        language = self.dictionary or langtag.primary(doc.language)
        if language not in wordlists.LANGUAGES:
            return
        counts = doc.get(word_guards.WordCounts)
        folds = doc.get(WordFolds)
        excused = self._excused.setdefault(language, {})
        if len(excused) > _MOST_REMEMBERED:
            excused.clear()  # a long-lived server's memory stays bounded
        unknown = []
        for token, folded in folds.items():
            verdict = excused.get(token)
            if verdict is None:
                verdict = self._word_excused(token, folded, language)
                if len(folded) <= _MAX_LENGTH:  # a long token costs nothing to judge
                    excused[token] = verdict
            if not verdict:
                unknown.append((token, folded))
        wanted = {folded for _, folded in unknown}
        uses = word_guards.uses_by_form(folds.values(), counts, wanted)
        suspects = [
            (token, folded)
            for token, folded in unknown
            if not (
                _term_uses(folded, uses, wanted) >= self.settings.term_count
                or (token[0].isupper() and uses[folded] > 1 and language != "de")
            )
        ]
        lower = sum(token.islower() for token, _ in suspects)
        if lower > max(_MAX_SUSPECTS, _GARBLED * len(folds)):
            return  # not prose in this language: a word list, code, noise
        foreign: dict[Block | None, str | None] = {}
        page = _PageLanguage()  # the page's language, read on first ask
        budget = [_TWO_EDIT_SEARCHES]
        places = doc.get(word_guards.WordPlaces).of(token for token, _ in suspects)
        lex = wordlists.lexicon(language)
        for token, folded in suspects:
            # A name is reported only as a slip of the page's own term,
            # which the word alone decides: where it is none, no guard need
            # be asked (most unknown words of news are names).
            named = {
                start
                for start in places[token]
                if self._named(doc, start, token, uses[folded], language)
            }
            meant = self._slip_choice(doc, folded, lex) if named else None
            for start in places[token]:
                if start in named and meant is None:
                    continue
                if self._guarded(doc, start, token, language, foreign, page):
                    continue
                end = start + len(token)
                finding: Finding | None
                if meant is not None and start in named:
                    finding = self._slip_finding(doc, start, end, token, meant)
                else:
                    finding = self._finding(doc, start, end, token, language, budget)
                if finding is not None and not (
                    finding.suggestions
                    and word_guards.mended_beside(
                        doc.prose, start, end, finding.suggestions[0]
                    )
                ):
                    yield finding  # not "iabbrev otehr other": a slip and its mend

    def _word_excused(self, token: str, folded: str, language: str) -> bool:
        """Whether ``token`` is no suspect wherever and however often it
        stands: its length, the rule's accepted words, its shape, the
        lexicon. The answer depends on the word alone, so a run remembers it
        (``_excused``): the next document asks about mostly the same words."""
        return (
            not self.settings.min_length <= len(folded) <= _MAX_LENGTH
            or folded in self.accepted
            or word_guards.inner_capital(token)
            or _known_in(language, folded)
            or (language == "en" and (_prefixed_term(folded) or _system_name(folded)))
            or _inflected_with_apostrophe(folded, language)
            # Last: asked of the few unknown words, not of every word.
            or folded.count(folded[0]) == len(folded)  # "xxxx", "zzz"
            # A possessive of a word excused as it stands ("pprof's").
            or (
                folded.endswith("'s")
                and len(folded) > 2
                and self._word_excused(token[:-2], folded[:-2], language)
            )
        )

    def _term_slip(
        self,
        doc: Document,
        start: int,
        end: int,
        word: str,
        folded: str,
        lex: wordlists.Lexicon,
    ) -> Finding | None:
        """A finding for an unknown word that no common word explains but that
        is one typing slip from a term the document uses (``_slip_choice``)."""
        meant = self._slip_choice(doc, folded, lex)
        return (
            None if meant is None else self._slip_finding(doc, start, end, word, meant)
        )

    def _slip_finding(
        self, doc: Document, start: int, end: int, word: str, meant: str
    ) -> Finding:
        """The finding for ``word`` at ``start:end``, a slip of the term ``meant``."""
        fix = Fix((Edit(start, end, meant),), Applicability.UNSAFE)
        message = self.meta.format_message(word, f"'{meant}'")
        return self.meta.finding(doc, start, end, message, (meant,), fix)

    def _slip_choice(
        self, doc: Document, folded: str, lex: wordlists.Lexicon
    ) -> str | None:
        """The page's term an unknown word is a slip of, as the page spells
        it, or None: a word one typing slip from a term the document uses
        again and again (``Sourceraph`` in a page that names Sourcegraph
        twenty times), whose own spelling is the one meant. The word alone
        decides, not where it stands. Only a slip that keeps the
        first letter, when one term is that close and the two differ inside
        the word, not by an ending (a term's other number, its possessive, an
        inflection), and not of a brand written with inner capitals; never
        a word that affixes explain (``updateable``, not ``updatable``), nor
        one the page writes twice the same way (the legacy ``vtctlclient``
        beside its successor ``vtctldclient``): a slip is not repeated."""
        if len(folded) < _TERM_LENGTH or not folded.isalpha():
            return None  # "rustc's", "vtgate’s": a term's possessive, not a slip
        if _affixed_from_common(lex, folded):
            return None
        # The page's own terms: used term-count times, no common word (a
        # product's name, Sourcegraph).
        repeated = doc.get(RepeatedWords)
        if folded in repeated:
            return None  # written so again: a term of its own (vtctlclient)
        settings = self.settings
        terms = doc.get(TermNeighbourhood)
        if not terms.near(folded, lex, settings.term_count, settings.min_count):
            return None  # no term is one edit away (bar letters one apart)
        edits = typo_edits.one_edit(folded)
        near = [
            form
            for form in edits.keys() & repeated.keys()
            # Letters one apart exchanged make names of names (Maroni and
            # the page's San Marino): a term's slip is a typist's.
            if edits[form] != typo_edits.SWAPPED_APART
            and repeated[form][1] >= self.settings.term_count
            and lex.count(form) < self.settings.min_count
        ]
        if len(near) != 1:
            return None
        [meant] = near
        choice = repeated[meant][0]
        if (
            meant[0] != folded[0]
            or meant.startswith(folded)  # contextvar(s), Pygment(s): a number
            or folded.startswith(meant)  # handcode(d), syslog(d): an ending
            or meant[:-1] == folded[:-1]  # stringize(d/r): another ending
            or word_guards.inner_capital(choice)  # CPython, VTGate: a brand
        ):
            return None
        return choice

    def _guarded(
        self,
        doc: Document,
        start: int,
        word: str,
        language: str,
        foreign: dict[Block | None, str | None],
        page: "_PageLanguage",
    ) -> bool:
        """Whether a guard explains this unknown word where it stands
        (``foreign`` and ``page``: the run's verdicts on languages)."""
        end = start + len(word)
        folded = _fold(word)
        if (
            word_guards.code_like(doc, start, end)
            or word_guards.cited(doc.prose, start, end)
            or word_guards.quoted_command(doc.prose, start, end)
            or word_guards.combining_form(doc.text, end)
            or word_guards.sic(doc.text, end)
            or _bracket_built(doc.text, start, folded, language)
            or word_guards.lone_cell(doc.text, start, end)
            or (len(folded) <= _SHORT and word_guards.hyphened(doc.text, start, end))
            or _known_in(language, word_guards.unaccented(folded))
            or _drawn_out(folded, language)
            or spell_directives.allowed(doc, start, word)
            or _split_word(doc.text, start, end, folded, language)
            or _dropped_g(doc.prose, end, folded, language)
            or _referenced_apostrophe(doc.prose, end, folded, language)
            or word_guards.handle_after_name(doc.prose, start, end)
            or word_guards.handle_in_brackets(doc.text, start, end)
            or word_guards.credited(doc.text, start, end)
            or word_guards.credited_with_link(doc.text, start, end)
            or word_guards.field_label(doc.text, start, end)
            or word_guards.in_name_list(doc, start)
            or word_guards.in_package_list(doc, start)
            or word_guards.in_package_series(doc.prose, start, end)
            or word_guards.in_identifier_series(doc.prose, start, end)
            or word_guards.placeholder(doc.prose, start, end)
            or word_guards.broken_by_reference(doc.prose, start, end)
            or word_guards.before_option(doc.prose, start, end)
            or word_guards.scope_of_entry(doc.prose, start, end)
            or _contrasted(doc, start, end, folded)
            or word_guards.named_by_its_link(doc, start, end)
            or word_guards.in_name_series(doc, start, end)
            or word_guards.before_address(doc, start)
            or word_guards.named_in_address(doc, start, end)
            or word_guards.corrected_after(doc.prose, end)
            or word_guards.renamed_to(doc.prose, start, end)
            or word_guards.patch_subject(doc.text, start)
            or word_guards.lorem_word(doc, folded)
            or doclang.declared_foreign(doc, start, language)
            or (language == "en" and word_guards.foreign_phrase(doc.prose, start, end))
            or _package_name(doc.text, start, folded, language)
            or _named_package(doc.prose, start, end, folded, language)
            or _name_in_lower_case(doc, word)
            or _daemon_name(doc, start, word, folded, language)
            or word_guards.inflects_code(
                doc, folded, functools.partial(_known, wordlists.lexicon(language))
            )
        ):
            return True
        block = doc.block_at(start)
        if block is not None and block.kind == "blockquote":
            return True
        if doc.fills_block(start, end, "table"):
            return True  # a cell of one word (a reST grid's ``disp``): a value
        if word.islower() and _names_its_heading(doc, block, start, end):
            return True  # a page titled "mprint", "pty-uconnect": what it documents
        if word_guards.in_other_language(doc, block, language, foreign):
            return True
        return _in_a_page_of_another_language(doc, block, language, foreign, page)

    def _named(
        self, doc: Document, start: int, word: str, uses: int, language: str
    ) -> bool:
        """Whether a capitalised word is read as a name: used more than once,
        inside a sentence, or before a surname ("Vitaly Ablavsky, *Applying
        BGL*" opening a bibliography's entry). A name is reported only as a
        slip of the document's own term (``_slip_choice``), never of a
        common word."""
        return (
            word[0].isupper()
            and language not in _CAPITALISED_NOUNS
            and (
                uses > 1
                or not (
                    word_guards.sentence_initial(doc, start, doc.block_at(start))
                    or _title_cased_heading(doc, start)
                    or _notes_field(doc.prose, start, len(word))
                    or (
                        uses == 1
                        and _in_a_name_of_words(doc.prose, start, word, language)
                    )
                )
                or _before_surname(doc.prose, start, word, language)
            )
            and not _tripled_slip(_fold(word), language)
        )

    def _finding(
        self,
        doc: Document,
        start: int,
        end: int,
        word: str,
        language: str,
        budget: list[int],
    ) -> Finding | None:
        folded = _fold(word)
        lex = wordlists.lexicon(language)
        # A word that affixes explain is reported only for a one-edit slip
        # (see ``_believable``), so it is not worth a two-edit search (one
        # costs about 10 ms, and most such words are meant as written:
        # "programmatically", "sanitization").
        two_edits = budget[0] > 0 and not _derived_from_common(lex, folded)
        found = _ranked(language, folded, self.settings, two_edits=two_edits)
        ranked = [
            c
            for c in found
            # A letter before a common word makes a name in code far more
            # often than a slip (fadvise, gthread, cdecimal, xclient; on the
            # held-out trees 35 false against 15 true): no correction drops
            # it ("upacking" is still "unpacking"), unless the key was struck
            # twice ("tthe", "rreview": not "preview").
            if c.word not in _NEVER_SUGGESTED
            and (c.word != folded[1:] or folded[0] == folded[1])
        ]
        if two_edits and len(folded) >= typo_edits.TWO_EDITS_FROM:
            budget[0] -= 1
        opens = word_guards.sentence_initial(doc, start, doc.block_at(start))
        if not ranked or not (
            _believable(
                word,
                folded,
                ranked[0],
                lex,
                self.settings.min_count,
                german=language == "de",
                opens=opens,
                passive=_AFTER_BE.search(doc.prose, max(0, start - 30), start)
                is not None,
            )
            or _spelt_right_on_the_page(doc, word, folded, ranked[0], lex, opens=opens)
        ):
            meant = _syllable_slip(folded, lex)
            if meant is not None:
                return self._slip_finding(doc, start, end, word, _cased(meant, word))
            return self._term_slip(doc, start, end, word, folded, lex)
        best = ranked[0]
        close = [c for c in ranked if c.score - best.score <= _MARGIN]
        safe = (
            best.cost == typo_edits.DROPPED_APOSTROPHE
            and best.word.endswith("n't")
            and word.islower()
        )
        if len(close) > 1 and not safe:  # a safe fix is the best one, always
            # Of corrections alike (slips of about the same cost), the one
            # the document uses elsewhere is meant ("identiy" in a page
            # about identities; "gcc vesions" in one that lists versions);
            # a cheaper slip still wins ("wholy" is "wholly", whatever the
            # page says "whole"). Then one that keeps the typo's first
            # letter, which typists rarely miss ("upacking" is "unpacking",
            # not the commoner "packing"). Stable, so rank decides the rest.
            used = doc.word_set()
            initial = folded[:1]
            close.sort(
                key=lambda c: (
                    c.cost - best.cost > _ALIKE_COST,
                    c.word not in used,
                    c.word[:1] != initial,
                )
            )
        choices = tuple(
            # A name's spelling ("iPhone") unless the name is a word too
            # ("Government" is "government" after a lower-case slip).
            _cased(
                c.word if c.word in lex.words else lex.names.get(c.word, c.word), word
            )
            for c in close[:_MAX_SUGGESTIONS]
        )
        fix = Fix(
            (Edit(start, end, choices[0]),),
            Applicability.SAFE if safe else Applicability.UNSAFE,
        )
        message = self.meta.format_message(word, " or ".join(f"'{c}'" for c in choices))
        return self.meta.finding(doc, start, end, message, choices, fix)


class _PageLanguage:
    """One run's reading of a page's language (see
    ``_in_a_page_of_another_language``), made on first ask."""

    __slots__ = ("language", "read")

    def __init__(self) -> None:
        self.read = False
        self.language: str | None = None


def _in_a_page_of_another_language(
    doc: Document,
    block: Block | None,
    language: str,
    foreign: dict[Block | None, str | None],
    page: _PageLanguage,
) -> bool:
    """Whether the page's function words show another language than the
    rule's, clearly (``_PAGE_HITS`` of them, twice the next language's),
    and ``block`` shows none of its own: a slide deck in French in an
    English blog ("Ingénierie logicielle: portabilité, distribution",
    "Sourire, courir devant"), whose short lines hold too few short words
    to tell, is read in the page's language. A block that shows English
    (the deck's notes) is still checked; a terse English page whose few
    short words are other languages' too ("non-zero", "per request",
    "e.g.", "Frankfurt am Main") shows no language clearly. The page's
    language is read from the word counts the rule has made:
    ``doclang.DocumentLanguage`` would group this rule's work with the
    names rules'. The block's, from ``foreign``, the run's readings that
    ``word_guards.in_other_language`` made."""
    if not page.read:
        counts = doc.get(word_guards.WordCounts)
        page.language = doclang.counted_language(counts, doc.prose, _PAGE_HITS)
        page.read = True
    if page.language is None or page.language == langtag.primary(language):
        return False
    return word_guards.block_language(doc, block, foreign) is None


#: Function words a page shows before its language is taken for blocks
#: that show none.
_PAGE_HITS = 12


def _foreign_spelling(folded: str, meant: str) -> bool:
    """Whether ``folded`` is spelt as another language spells the word
    ``meant``: with a letter English lacks ("université"), a k for its c
    ("dokumentation", "perspektive"), or an ending of French, Spanish or
    German nouns ("departement", "educacion")."""
    return (
        not folded.isascii()
        or ("k" in folded and "k" not in meant)
        or folded.endswith(_FOREIGN_ENDINGS)
    )


#: Endings of French, Spanish, Italian and German nouns that English
#: spells otherwise (-ment, -tion, -ism, -ity).
_FOREIGN_ENDINGS = ("ement", "cion", "ciones", "ismo", "ismus", "idad", "ita", "ung")


#: Fewest letters of a word read as a British spelling of Greek or Latin
#: ae or oe (short words with "ae" are slips as often: "baed", "toe").
_DIGRAPH_MIN = 8


#: Letters that follow each digraph in such words: haem-, paed-, anaes-,
#: caec-, palaeo-; oed-, oes-, foet-, amoeb-, manoeu-, diarrhoea, oen-
#: (not "daefault" nor "devoelopment"; nor -aement: "managaement").
_AFTER_DIGRAPH = {"ae": frozenset("cdmos"), "oe": frozenset("abdnstu")}
#: Letters from the digraph to the word's end, the digraph's two among
#: them: it stands in the stem, not in an ending ("organizaed" is a slip).
_DIGRAPH_TAIL = 5


def _british_digraph(folded: str, meant: str) -> bool:
    """Whether ``folded`` is ``meant`` with the ae or oe British English
    keeps in words from Greek and Latin where American English writes e
    ("hyperglycaemia", "oedematous", "paediatrician"): a spelling, not a
    slip. The digraph follows a consonant or opens the word, and stands in
    the stem before one of the letters such words go on with."""
    if len(folded) < _DIGRAPH_MIN or len(folded) != len(meant) + 1:
        return False
    for digraph in ("ae", "oe"):
        at = folded.find(digraph)
        while at != -1:
            if (
                (at == 0 or folded[at - 1] not in "aeiou")
                and folded[at + 2 : at + 3] in _AFTER_DIGRAPH[digraph]
                and not folded.startswith("ment", at + 2)
                and len(folded) - at >= _DIGRAPH_TAIL
                and folded[:at] + folded[at + 1 :] == meant
            ):
                return True
            at = folded.find(digraph, at + 1)
    return False


def _other_ending(folded: str, meant: str) -> bool:
    """Whether ``folded`` ends in a vowel and differs from ``meant`` only in
    its last two letters: another language's form of the word
    ("instituto", "mathematica", "picturae"), not a slip inside it."""
    if folded[-1] not in "aeiou":
        return False
    differ = (i for i, (a, b) in enumerate(zip(folded, meant, strict=False)) if a != b)
    shared = next(differ, min(len(folded), len(meant)))
    return shared >= len(folded) - 2


def _syllable_slip(folded: str, lex: wordlists.Lexicon) -> str | None:
    """The common word ``folded`` is with a syllable dropped from or doubled
    in its ending (``_SYLLABLE_SLIPS``: "implementions", "documention" for
    -tations; "interoperatibility"), or two or three letters typed twice
    anywhere ("entitities"), or None. Such a word looks built by
    affixes (document + -ion), which the search for slips trusts with one
    edit only, and the two letters lost are one: an "-ation" word's
    syllable, typed as the mind says it. Not where one edit makes a common
    word too ("expection" is "exception" as often as "expectation")."""
    if len(folded) < _SYLLABLE_SLIP_LENGTH:
        return None
    for ending, meant_ending in _SYLLABLE_SLIPS:
        if folded.endswith(ending):
            meant = folded[: -len(ending)] + meant_ending
            if lex.is_word(meant) and lex.count(meant) >= _SYLLABLE_MEANT_COUNT:
                break
    else:
        found = _stuttered(folded, lex)
        if found is None:
            return None
        meant = found
    if any(_common(lex, form) for form in typo_edits.one_edit(folded)):
        return None
    return meant


def _stuttered(folded: str, lex: wordlists.Lexicon) -> str | None:
    """The common word ``folded`` is with two or three of its letters typed
    twice in a row ("entitities" for entities, "standandard"), or None.
    Not a prefix put before a word that has it already ("rereleasing",
    "prereview", "subsubsections"), nor -able after a verb ("disablable"),
    nor -er after a verb in -er ("fosterers", "registerers")."""
    if (
        any(
            folded.startswith(prefix) and lex.is_word(folded[len(prefix) :])
            for prefix in _REPEATED_PREFIXES
        )
        or (folded.endswith("able") and lex.is_word(folded[:-4] + "e"))
        or folded.endswith(("erer", "erers"))
    ):
        return None
    for size in (2, 3):
        for at in range(len(folded) - 2 * size + 1):
            chunk = folded[at : at + size]
            if len(set(chunk)) < size or chunk != folded[at + size : at + 2 * size]:
                continue
            meant = folded[:at] + folded[at + size :]
            if lex.is_word(meant) and lex.count(meant) >= _SYLLABLE_MEANT_COUNT:
                return meant
    return None


#: Prefixes English puts before words that may begin with them already.
_REPEATED_PREFIXES = ("re", "pre", "sub", "un", "de", "co", "dis", "over", "super")

#: The count of a word meant whose syllable was lost: a common one
#: ("acception" is no slip of the rare "acceptation").
_SYLLABLE_MEANT_COUNT = 60
#: Fewest letters of a word read for a lost syllable: a short one is
#: as often a word of another language (French "gestion", not gestation).
_SYLLABLE_SLIP_LENGTH = 9

#: Endings that lose or double a syllable, and the endings meant.
_SYLLABLE_SLIPS = (
    ("tions", "tations"),
    ("tion", "tation"),
    ("atibility", "ability"),
    ("atibilities", "abilities"),
)


#: Vulgar words and slurs the lexicon knows but no correction offers: "cmus"
#: (a music player) is not to be answered with one. A slip of one of them
#: goes without a suggestion.
_NEVER_SUGGESTED = word_set(
    "cum cums cumming fuck fucks fucked fucker fucking shit shits shitty cunt "
    "cunts cock cocks dick dicks prick pricks twat twats wank wanks wanker tit "
    "tits boob boobs piss pissed slut sluts whore whores bitch bitches bastard "
    "bastards arse arses arsehole asshole assholes dildo dildos porn porno "
    "nigger niggers nigga fag fags faggot faggots retard retards spastic"
)


def _believable(
    word: str,
    folded: str,
    best: typo_edits.Candidate,
    lex: wordlists.Lexicon,
    min_count: int,
    *,
    german: bool,
    opens: bool = False,
    passive: bool = False,
) -> bool:
    """Whether the best correction is likely enough to report the word
    (``passive``: after a form of "be" or "get", where a participle
    stands).

    The correction must be a common word, not a name alone. A capitalised word
    (at the start of a sentence, or a German noun) needs a typing slip that
    keeps its first letter: a name often differs from a word by one key.
    Short words, where jargon and abbreviations crowd, need a typing slip
    too. A word that affixes or a compound explain (``underserved``,
    ``breakpoint``) is taken as meant, unless its correction only doubles a
    letter, restores an apostrophe or swaps two letters into a word not
    rare (``occured``, ``dont``; not ``signable``, which is no slip of the
    rare "singable"), slips that word-building does not make, or its
    correction is a very common word one vowel away.
    """
    if best.count < min_count or best.word not in lex.words:
        return False
    if _british_digraph(folded, best.word):
        return False  # "hyperglycaemia", "hypoglycaemic": British spelling
    if best.word in lex.names and (
        best.cost >= typo_edits.SWAPPED or word[0].isupper()
    ):
        # A word that is a name too ("reading", "panama", "script") is
        # believed only for a letter doubled in a lower-case word
        # ("reaading", "governnment"): any other slip of it may be a
        # name's or a term's ("panamax"), a capitalised one a surname's
        # ("Bakker" is no "Baker").
        return False
    slip = best.cost in typo_edits.TYPING_SLIPS
    if word[0].isupper():
        if word[0] != word[0].lower() and best.word[0] != folded[0]:
            return False
        # ``german`` is the lexicon's language, not a comparison with the
        # German lexicon: that read the German list (0.4 s) into an English
        # run at its first capitalised suspect.
        sounds = german and best.cost <= typo_edits.SOUND_ALIKE
        # Opening a sentence, a long word's capital is the sentence's: two
        # slips of a very common word are believed there ("Avalailable
        # options are:"), as in lower case; a name seldom lies that close
        # to one, unless it is another language's word for it, with its own
        # ending ("Instituto", "Statistica"), and a word that affixes build
        # is meant ("Reposted", "Archivers").
        opener = (
            opens
            and len(folded) >= _OPENER_MIN
            and best.count >= _VERY_COMMON
            and not _other_ending(folded, best.word)
            and not _foreign_spelling(folded, best.word)
            and not _derived_from_common(lex, folded)
        )
        return len(folded) >= _CAPITAL_MIN and (slip or sounds or opener)
    if len(folded) <= _SHORT and not (slip or _dropped_from_common(folded, best)):
        return False
    if len(folded) <= _TINY and best.cost > typo_edits.SWAPPED:
        return False
    if best.cost < typo_edits.SWAPPED:  # a double, an apostrophe
        return True
    if best.cost == typo_edits.SWAPPED:
        # A swap, unless affixes build the word from a common one and the
        # swap's word is rare: "signable" is sign + able, not "singable".
        return best.count >= _STEM_COUNT or not _derived_from_common(lex, folded)
    if best.cost in _VOWEL_SLIPS and best.count >= _VERY_COMMON:
        return True  # a vowel slip in a very common word: ``diffrent``
    if _suffix_vowel_swapped(folded, best.word):
        return True  # ``existant``, ``executible``: no word, whatever -ant makes
    if not passive and _agent_for_participle(lex, folded, best.word):
        return False
    return not _derived_from_common(lex, folded) or _slip_outweighs(lex, folded, best)


def _spelt_right_on_the_page(
    doc: Document,
    word: str,
    folded: str,
    best: typo_edits.Candidate,
    lex: wordlists.Lexicon,
    *,
    opens: bool = False,
) -> bool:
    """Whether the page writes the best correction itself, a common word
    one edit from a lower-case ``word`` of five letters or more (or one
    capitalised only because it ``opens`` its sentence: "Similiarly, …"):
    "or ouput a blank cell" after "output an error message", "intalled" on
    a page that says "installed", the two differing inside (``_inside``).
    The page may write the correction in its other number where letters
    were dropped, doubled or swapped ("the ouput is" under "Outputs";
    ``_on_the_page``). The balance of ``_believable`` keeps
    short words, and words that affixes could build, for a likelier slip;
    the page's own spelling of the word beside it is that evidence."""
    return (
        (
            word.islower()
            # A name opens a sentence as often as a slip: a long word only
            # ("Similiarly", not "Pearce" on a page of the Peace Corps).
            or (opens and word[1:].islower() and len(folded) >= _OPENER_MIN)
        )
        and len(folded) >= _SPELT_ON_PAGE_MIN
        and best.cost <= typo_edits.EXTRA
        and _inside(folded, best.word)
        and best.word in lex.words
        and best.count >= _SPELT_ON_PAGE_COUNT
        and _on_the_page(doc, folded, best)
        and folded not in doc.get(ReferenceLabels)
    )


def _on_the_page(doc: Document, folded: str, best: typo_edits.Candidate) -> bool:
    """Whether the page writes the correction ``best``: as it is, or in its
    other number where the slip dropped, doubled or swapped letters (a
    typist's; a letter for another, "clozes" beside the page's "close",
    makes other words as often), and the page has no other number of the
    word itself (a term of its own, used in both)."""
    words = doc.word_set()
    if best.word in words:
        return True
    return (
        best.cost in _LETTER_SLIPS
        and not words.isdisjoint(_numbers(best.word))
        and words.isdisjoint(_numbers(folded)[1:])
    )


#: Slips that drop, double or swap letters (``_on_the_page``).
_LETTER_SLIPS = frozenset(
    {
        typo_edits.UNDOUBLED,
        typo_edits.DOUBLED,
        typo_edits.SWAPPED,
        typo_edits.DROPPED_VOWEL,
        typo_edits.DROPPED,
    }
)


def _numbers(word: str) -> tuple[str, ...]:
    """``word`` with its other number as spelling builds it: a plural's
    singular ("hyphens", "hyphen"; "queries", "query"; "boxes", "box") or
    a singular's plural. A guess on letters alone, asked only whether the
    page writes one of them."""
    if word.endswith("ies"):
        return word, word[:-3] + "y", word[:-1]
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word, word[:-2], word[:-1]
    if word.endswith("s") and not word.endswith("ss"):
        return word, word[:-1]
    if word.endswith("y") and word[-2:-1] not in _VOWELS:
        return word, word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word, word + "es"
    return word, word + "s"


def _inside(word: str, meant: str) -> bool:
    """Whether ``word`` and ``meant`` differ inside, not at the first letter
    nor in the last two: a slip ("seach", "techical", "intalled"), where an
    ending changed makes another word of the stem the page uses ("designee"
    and "reviewee" beside "designer", "priori" beside "prior", "lossy"). One
    vowel for another before the last letter is a slip too ("grammer",
    "calender"): an ending that changes a word's kind changes more."""
    head = 0
    while head < min(len(word), len(meant)) and word[head] == meant[head]:
        head += 1
    tail = 0
    while (
        tail < min(len(word), len(meant)) - head and word[-1 - tail] == meant[-1 - tail]
    ):
        tail += 1
    if (
        tail == 1
        and len(word) == len(meant)
        and head == len(word) - 2
        and word[head] in _VOWELS
        and meant[head] in _VOWELS
    ):
        return head >= 1
    return head >= 1 and tail >= _UNCHANGED_ENDING


#: Fewest letters of a word, and least count of its correction, for the
#: page's own spelling to be believed (``_spelt_right_on_the_page``).
_SPELT_ON_PAGE_MIN = 5
_SPELT_ON_PAGE_COUNT = 60
#: Letters at the end a slip believed on the page's evidence leaves alone.
_UNCHANGED_ENDING = 2
_VOWELS = frozenset("aeiou")


def _agent_for_participle(lex: wordlists.Lexicon, folded: str, meant: str) -> bool:
    """Whether ``folded`` is a listed verb's agent noun and ``meant`` the
    same verb's past form ("an occluder", not "occluded"; "the superseder
    of a rule"): the writer knew the verb, and its past form is the
    commonest of its forms, so being commoner says nothing of which form
    was meant, however rare the verb. Not asked after "be" or "get", where
    the past form stands ("was introducer in 2.1", "is encrypter at
    rest": slips)."""
    if not (
        folded.endswith("er")
        and meant.endswith("ed")
        and len(folded) - 2 >= _SUFFIX_STEM
        and folded[:-2] == meant[:-2]
    ):
        return False
    stem = folded[:-2]
    return stem + "e" in lex.words or stem in lex.words


#: A form of "be" or "get" (and an adverb) right before a word: where a
#: participle stands, not an agent noun.
_AFTER_BE = later_re(
    r"\b(?i:is|are|was|were|be|been|being|am|get|gets|got|gotten|getting)"
    r"\s+(?:(?:\w+ly|now|already|also|still|then|not|just|all|never)\s+)?\Z"
)


#: How much commoner (in the lexicon's tenths of a decade: 4 is 2.5 times)
#: a slip's correction must be than the parts a derivation builds the word
#: from for the slip to be believed over the derivation.
_OUTWEIGHS = 4


def _slip_outweighs(
    lex: wordlists.Lexicon, folded: str, best: typo_edits.Candidate
) -> bool:
    """Whether a typing slip of a common word explains ``folded`` better than
    the affixes or the compound that build it: the correction is well
    over twice as frequent as the rarest part of every derivation
    ("decribed" is "described", not de + crib + ed; "resport" is "report",
    not re + sport). Such a word gets no two-edit search, so the slip is
    one edit. On the
    calibration corpora's derived words (``underserved``, ``natively``,
    ``influencers``, ``skillset``, ``servicers``) the correction is rarer
    than, or about as common as, the word they are built from."""
    found = _derivation_support(lex, folded)
    return found is not None and best.count - found >= _OUTWEIGHS


@functools.lru_cache(maxsize=16384)
def _derivation_support(lex: wordlists.Lexicon, folded: str) -> int | None:
    """``morphology.support`` of ``folded`` from the lexicon's common words."""
    return morphology.support(folded, functools.partial(_common, lex), lex.count)


#: Suffixes that sound alike and are spelt apart (one vowel), each written
#: for the other: a word the lexicon lacks that ends in one, where the
#: lexicon has the other, is that word misspelt ("existant", "independant",
#: "executible", "dependance"), however the suffix could have built it.
_ALIKE_SUFFIXES = (
    ("ant", "ent"),
    ("ants", "ents"),
    ("antly", "ently"),
    ("ance", "ence"),
    ("ances", "ences"),
    ("ancy", "ency"),
    ("ible", "able"),
    ("ibles", "ables"),
    ("ibly", "ably"),
    ("ibility", "ability"),
)


def _suffix_vowel_swapped(folded: str, meant: str) -> bool:
    """Whether ``meant`` is ``folded`` with a suffix of ``_ALIKE_SUFFIXES``
    exchanged for its twin, on a stem of three letters or more."""
    for one, other in _ALIKE_SUFFIXES:
        for wrote, right in ((one, other), (other, one)):
            if (
                folded.endswith(wrote)
                and meant.endswith(right)
                and len(folded) - len(wrote) >= _SUFFIX_STEM
                and folded[: -len(wrote)] == meant[: -len(right)]
            ):
                return True
    return False


#: Fewest letters before an alike suffix ("cant"/"cent" are words apart).
_SUFFIX_STEM = 3


def _contrasted(doc: Document, start: int, end: int, folded: str) -> bool:
    """A word set apart in emphasis beside its correction in the same
    paragraph ("a search on *correspondense* shows results for
    *correspondence*"): the page shows the misspelling on purpose."""
    if not word_guards.emphasised(doc, start, end):
        return False
    block = doc.block_at(start)
    if block is None:
        return False
    near = typo_edits.one_edit(folded).keys()
    words = word_guards.WORD.findall(doc.prose, block.start, block.end)
    return any(_fold(w) in near for w in words)


#: A capitalised word after one space: the surname a given name stands before.
_NEXT_CAPITALISED = later_re(r" ([A-Z][a-z]+)\b")


def _name_in_lower_case(doc: Document, word: str) -> bool:
    """A word in lower case that the document writes capitalised inside a
    sentence too: a name typed without its capital ("thanks to Sharath ...
    first written by sharath"), not misspelt, unless it is one slip from a
    common word (a misspelling capitalised in a title: "Recieving Updates")."""
    if not word.islower():
        return False
    name = word.capitalize()
    if not doc.get(word_guards.WordCounts).get(name):
        return False
    return any(
        _inside_a_sentence(doc, at)
        for at in doc.get(word_guards.WordPlaces).of((name,))[name]
    ) and not word_guards.slip_of_a_word(word, least=_NAME_SLIP)


#: How common (the lexicon's count) a word is whose slip a name in lower
#: case may not be ("retreival", of retrieval).
_NAME_SLIP = 50


def _inside_a_sentence(doc: Document, at: int) -> bool:
    """Whether the word at ``at`` stands inside a sentence, where only a
    name is capitalised: not a heading's, a sentence's first word, nor one
    of a run in title case, first and last included ("Order On Conferring
    Honourary Title", "the Document Retreival page")."""
    block = doc.block_at(at)
    if block is not None and block.kind == "heading":
        return False
    if word_guards.sentence_initial(doc, at, block):
        return False
    before = _CAPITALISED_BEFORE.search(doc.prose, max(0, at - 40), at)
    after = _CAPITALISED_AFTER.match(doc.prose, at)
    return before is None and after is None


#: A capitalised word right before a word, and one right after it: a run
#: in title case.
_CAPITALISED_BEFORE = later_re(r"(?<![\w'’-])[A-Z][\w'’-]*[ \t]+\Z")
_CAPITALISED_AFTER = later_re(r"[\w'’-]+[ \t]+[A-Z]")


def _before_surname(prose: str, start: int, word: str, language: str) -> bool:
    """``word`` at ``start`` is a given name: a capitalised word follows,
    one the lexicon knows as no word (a surname: "Ablavsky"), and ``word``
    is no slip of a common word ("Instaling Grafana" opens a sentence with
    a slip). "Recieve Notifications" and "Configuraton Manager" are a
    heading's words, and their first is a slip. ASCII capitals only: a
    surname in other letters is read as a name anyway."""
    found = _NEXT_CAPITALISED.match(prose, start + len(word))
    return (
        found is not None
        and not _known_in(language, found.group(1).lower())
        and not word_guards.slip_of_a_word(word.casefold())
    )


def _in_a_name_of_words(prose: str, start: int, word: str, language: str) -> bool:
    """``word`` at ``start`` stands in a name made of common words ("the
    Steering Committe sets", "the Public Libary Service"): the capitalised
    word before it is a common word that names nobody, and one edit makes
    ``word`` a common word. Such a name's words are words, so a slip of one
    is a slip, where a surname after a given name ("Sander Bakker"), after
    a word that is a surname too ("Rose Byrne"), a title ("Minister
    Collett"), an article or a word that opens a clause ("The Bakker
    family", "When Collett arrived") tells nothing; nor does the word after
    a name, which is often an institution named for a person ("Scripps
    College", "the Staats Lifetime Achievement Award")."""
    if language != "en":
        return False
    # The neighbour first: most capitalised words of news are names after a
    # lower-case word or a given name, and the slip's search costs more.
    before = _PREVIOUS_CAPITALISED.search(prose, max(0, start - 40), start)
    return (
        before is not None
        and before.group(1).lower() not in _TITLES
        and before.group(1).lower() not in _CLAUSE_WORDS
        and _plain_word(wordlists.lexicon(language), before.group(1))
        and word_guards.slip_of_a_word(word.casefold())
    )


#: Words of rank or office a surname follows ("Minister Collett").
_TITLES = word_set(
    "minister president senator mayor professor doctor judge governor "
    "councillor councilor chancellor secretary general captain coach officer "
    "sergeant inspector chief director bishop father sister brother reverend "
    "king queen prince princess lord lady sir dame saint uncle aunt detective "
    "constable commissioner ambassador chairman chairwoman chair deputy "
    "representative admiral colonel major lieutenant pastor rabbi imam"
)
#: Words that open a clause before a name ("When Collett arrived", "Since
#: Collett left"): capitalised for the sentence, no part of a name.
_CLAUSE_WORDS = word_set(
    "when where while after before since until unless because though "
    "although whether then here there today yesterday tomorrow also even "
    "only just once with from into upon about over under than that this "
    "these those what which whom whose thanks"
)


#: The capitalised word right before a place, spaces or one line break
#: between.
_PREVIOUS_CAPITALISED = later_re(
    r"(?<![\w'’-])([A-Z][a-z]+)(?:[ \t]+|[ \t]*\n[ \t]*)\Z"
)
#: How common (the lexicon's count) a word of a name made of words is.
_NAME_WORD_COUNT = 70


def _plain_word(lex: wordlists.Lexicon, word: str) -> bool:
    """Whether ``word`` is a common word of four letters or more that the
    lexicon knows as no name ("Steering", "Public"; not "Sander", "Rose")."""
    folded = word.lower()
    return (
        len(folded) >= 4
        and lex.count(folded) >= _NAME_WORD_COUNT
        and folded not in lex.names
    )


def _dropped_from_common(folded: str, best: typo_edits.Candidate) -> bool:
    """A word of ``_SHORT`` letters that is a very common word with one of
    its consonants dropped (``verion``, ``upgade``): a typist's slip more
    often than jargon, which is seldom a common word less a letter. Shorter
    words still need a typing slip (``guid`` is no ``guide``), and any other
    edit of a word this short finds too many meant words (``govies``,
    ``skillz``, ``cozied``)."""
    return (
        len(folded) == _SHORT
        and best.cost == typo_edits.DROPPED
        and best.count >= _VERY_COMMON
    )


def _common(lex: wordlists.Lexicon, word: str) -> bool:
    """A lower-case word frequent enough to build others from (``morphology``)."""
    return word in lex.words and lex.count(word) >= _STEM_COUNT


# What depends on a suspect word and the lexicon alone is kept for the run,
# as ``_ranked`` is: an editor's server lints the same buffer on every
# keystroke and asks again about the same few dozen unknown words (the
# affix searches were a fifth of a 50 KB draft's re-lint). A word's one-slip
# forms are not kept: hundreds of strings each, they made a long text's
# peak memory grow with its unknown words.


@functools.lru_cache(maxsize=16384)
def _derived_from_common(lex: wordlists.Lexicon, folded: str) -> bool:
    """``morphology.derived`` of ``folded`` from the lexicon's common words."""
    return morphology.derived(folded, functools.partial(_common, lex))


@functools.lru_cache(maxsize=16384)
def _affixed_from_common(lex: wordlists.Lexicon, folded: str) -> bool:
    """``morphology.affixed`` of ``folded`` from the lexicon's common words."""
    return morphology.affixed(folded, functools.partial(_common, lex))


def _names_its_heading(
    doc: Document, block: Block | None, start: int, end: int
) -> bool:
    """Whether the word is, or is a part of, a heading of one lower-case
    identifier ("mprint", "pty-uconnect", "max_requests"): an option's or
    a command's page, titled by its name."""
    if block is None or block.kind != "heading":
        return False
    if doc.fills_block(start, end, "heading"):
        return True
    title = doc.prose[block.start : block.end].strip()
    return _IDENTIFIER_TITLE.fullmatch(title) is not None


#: A heading that is one identifier: lower-case words joined by hyphens,
#: underscores or dots, no space.
_IDENTIFIER_TITLE = later_re(r"[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)+")


def _daemon_name(
    doc: Document, start: int, word: str, folded: str, language: str
) -> bool:
    """A common word with a "d" after it on a page about daemons
    ("networkd", "auditd", "jackd", "twistd" where the page says "daemon"
    or "systemd"), used twice or before a daemon's noun ("the networkd
    unit"): a daemon's name, as Unix names them, not "networked" with its
    "e" dropped (a page about daemons still has slips: "returnd")."""
    if language != "en" or not folded.endswith("d") or folded.endswith("ed"):
        return False
    if wordlists.lexicon(language).count(folded[:-1]) < _STEM_COUNT:
        return False
    if _DAEMON_WORDS.isdisjoint(doc.word_set()):
        return False
    if doc.get(word_guards.WordCounts).get(word, 0) >= 2:
        return True
    return _DAEMON_NOUN.match(doc.prose, start + len(word)) is not None


#: A daemon's noun after its name: "the auditd service".
_DAEMON_NOUN = later_re(
    r"[ \t]+(?:daemon|service|unit|units|process|server|socket|backend)s?\b"
)


#: Words of a page that runs or documents daemons (``WordSet`` is folded).
_DAEMON_WORDS = frozenset({"daemon", "daemons", "systemd"})


#: A hyphen set between spaces just before a word: notes' and lists' fields
#: as typed ("- Steve - Capabilties - how can a registry"), each field
#: capitalised as a sentence's first word is. Not a typeset dash, which an
#: edited list sets before a name ("Paul Contreras – Perris, California").
_AFTER_SPACED_DASH = later_re(r"\w[ \t]+-[ \t]+\Z")
#: What follows a notes field's first word: more of the field, not the
#: line's end or a comma ("- Defender - Bakker, on loan" names a player).
_FIELD_GOES_ON = later_re(r"[ \t]+[\w-]")


def _notes_field(prose: str, start: int, size: int) -> bool:
    """Whether the word at ``start`` opens a notes field typed after " - "
    and the field goes on after it."""
    return (
        _AFTER_SPACED_DASH.search(prose, max(0, start - 4), start) is not None
        and _FIELD_GOES_ON.match(prose, start + size) is not None
    )


#: A heading's word long enough for title case to capitalise it.
_TITLE_WORD = later_re(r"[^\W\d_]{4,}")


def _title_cased_heading(doc: Document, start: int) -> bool:
    """Whether ``start`` stands in a heading that capitalises every word of
    four letters or more ("## Individual Recommentations", "# The Jounal
    of Netowrk Science"): there a capital says nothing of a name, so a
    word used once is read as any sentence's first word is."""
    block = doc.block_at(start)
    if block is None or block.kind != "heading":
        return False
    words = _TITLE_WORD.findall(doc.prose, block.start, block.end)
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return False
    # Not after another capitalised word: "## Remembering Councillor Peter
    # Sadler" names a man; "The Jounal of Netowrk Science" has "of" before.
    before = _PREVIOUS_WORD.search(doc.prose, max(block.start, start - 40), start)
    return before is None or not before.group(1)[0].isupper()


#: The word before a place, and the spaces after it.
_PREVIOUS_WORD = later_re(r"(\w[\w'’-]*)[ \t]+\Z")


def _fold(word: str) -> str:
    return word.replace("’", "'").casefold()


#: A letter typed three times in a row.
_TRIPLED = later_re(r"([a-z])\1\1")


def _tripled_slip(folded: str, language: str) -> bool:
    """Whether a letter typed three times is the word's slip: one fewer
    makes a common word ("Adddresses" in a heading, "The Decidim
    Asssociation" are no names). A brand that triples one on purpose
    (Dribbble) is reported too: on the held-out trees, three such slips
    for one brand."""
    tripled = _TRIPLED.search(folded)
    if tripled is None:
        return False
    mended = folded[: tripled.start()] + folded[tripled.start() + 1 :]
    return wordlists.lexicon(language).count(mended) >= _STEM_COUNT


def _term_uses(folded: str, uses: Mapping[str, int], unknown: Set[str]) -> int:
    """How often the document uses an unknown word as its term: its own uses,
    or those of its plural or singular when that is unknown too. A coined
    term the page uses as ``ovector`` ten times is its term as ``ovectors``
    too; a known word's form is no term (``cooki`` is a slip of ``cookie``,
    however often ``cookies`` is used), and a slip made in both numbers
    (``enviroment`` twice, ``enviroments`` once) is no term either. A
    possessive is its term's use (``pprof's`` where the page names pprof)."""
    if folded.endswith("'s"):
        return max(uses[folded], uses[folded[:-2]] if folded[:-2] in unknown else 0)
    others = [folded + "s", folded + "es"]
    if folded.endswith("s"):
        others.append(folded[:-1])
        if folded.endswith("es"):
            others.append(folded[:-2])
    return max([uses[folded], *(uses[o] for o in others if o in unknown)])


def _folded(words: Mapping[str, int]) -> list[str]:
    """``_fold`` of each of ``words`` (none holds a line feed), in order:
    one ``replace`` and one ``casefold`` of the words joined, in C, where a
    call per word was a tenth of this check's time on a tree of small files
    (both fold each character alone: the joined words fold word by word)."""
    joined = "\n".join(words)
    return joined.replace("’", "'").casefold().split("\n") if joined else []


#: American and British endings: a word known in one spelling is known in
#: the other (``iodisation`` from ``iodization``), whichever the list has.
_VARIANT_ENDINGS = (
    ("isation", "ization"),
    ("ization", "isation"),
    ("ise", "ize"),
    ("ize", "ise"),
    ("ised", "ized"),
    ("ized", "ised"),
    ("ising", "izing"),
    ("izing", "ising"),
    ("ises", "izes"),
    ("izes", "ises"),
    ("our", "or"),
    ("ours", "ors"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("elled", "eled"),
    ("elling", "eling"),
)


#: A letter written three times or more at a word's end.
_DRAWN_OUT = later_re(r"(\w)\1\1+\Z")
#: The longest word drawn out in speech: hmm, so, ah, yes, no, wow.
_SAID_SHORT = 3


def _drawn_out(folded: str, language: str) -> bool:
    """A short word with its last letter drawn out for speech (``hmmm``,
    ``sooo``, ``ahhh``). Inside a word, or ending a longer one, a tripled
    letter is a slip (``commmands``, ``Addded``, ``stufff``)."""
    if _DRAWN_OUT.search(folded) is None:
        return False
    return any(
        len(said) <= _SAID_SHORT and _known_in(language, said)
        for said in (_DRAWN_OUT.sub(keep, folded) for keep in (r"\1\1", r"\1"))
    )


@functools.lru_cache(maxsize=1 << 16)
def _known_in(language: str, folded: str) -> bool:
    """``_known`` in the lexicon of ``language``, remembered: every lint of a
    document asks it of each distinct word, and an editor's next buffer, or
    the next file, holds mostly the same words. English words include the
    software terms of technical documentation (``wordlists.software_terms``)."""
    if _known(wordlists.lexicon(language), folded):
        return True
    return language == "en" and _known_term(folded)


#: Endings written after an apostrophe to inflect a word that takes no
#: ending of its own: a command ("exec'ed", "grep'd").
_APOSTROPHE_ENDINGS = frozenset({"ed", "d", "ing", "er", "ers"})
#: Words whose apostrophe ending is a contraction mistyped ("they'ed").
_PRONOUNS = frozenset(
    {"i", "you", "he", "she", "it", "we", "they", "who", "that", "there"}
)


def _inflected_with_apostrophe(folded: str, language: str) -> bool:
    """A known word that has no regular form of its own (a command: exec,
    grep) inflected after an apostrophe: "exec'ed into the pod", "grep'd
    the log"; not "play'ed" (played) nor "demo’ed" (demoed)."""
    stem, mark, ending = folded.rpartition("'")
    if not (mark and ending in _APOSTROPHE_ENDINGS and _known_in(language, stem)):
        return False
    if stem in _PRONOUNS:
        return False  # "they'ed": a contraction mistyped, not a verb
    # A word with its own regular form is that form mistyped ("play'ed").
    regular = (
        stem + ending,
        stem + stem[-1:] + ending,
        stem.removesuffix("e") + ending,
    )
    return not any(_known_in(language, form) for form in regular)


#: Two consonants that begin English words. A stray letter before a word
#: that makes one may be a slip; any other pair before a known word is a
#: name's prefix, as C and its kin coin them (pthread, vtables, kprobes,
#: xfailed, gzipped, lseek).
_ONSETS = frozenset(
    {"bl", "br", "ch", "cl", "cr", "dr", "dw", "fl", "fr", "gl", "gn", "gr", "kn",
     "pl", "pr", "ps", "ph", "sc", "sh", "sk", "sl", "sm", "sn", "sp", "st", "sw",
     "th", "tr", "tw", "wh", "wr", "qu"}
)  # fmt: skip
_PREFIXED_MIN = 5


def _prefixed_term(folded: str) -> bool:
    """A known English word after one consonant that no English word starts
    with before it, that is neither the same letter (``ccode``, a doubled
    key) nor a key beside it (``fdata``, a finger on two keys): a coined
    name, not a typing slip."""
    if len(folded) < _PREFIXED_MIN:
        return False
    first, second = folded[0], folded[1]
    return (
        first.isascii()
        and second.isascii()
        and first.isalpha()
        and second.isalpha()
        and first not in typo_edits.VOWELS
        and second not in typo_edits.VOWELS
        and first != second
        and folded[:2] not in _ONSETS
        and not typo_edits.neighbour_keys(first, second)
        and _known_in("en", folded[1:])
        and not word_guards.slip_of_a_word(folded, least=_COMMON_SLIP, longer=True)
    )


def _system_name(folded: str) -> bool:
    """A name as C libraries, Linux and JavaScript coin them: ``lib``
    before a name (libm, libxml2) or a known word before ``fs``, ``fd``,
    ``js`` or ``id`` (overlayfs, eventfd, requirejs, groupid), unless it is
    a slip of a common word ("librarry", "rooffs")."""
    if folded.startswith("lib") and len(folded) > len("lib"):
        # One letter after lib is always a library (libc, libm, libz).
        return len(folded) == len("lib") + 1 or not word_guards.slip_of_a_word(
            folded, least=_COMMON_SLIP
        )
    stem = folded[:-2]
    if (
        not folded.endswith(("fs", "fd", "js", "id"))
        or len(stem) < _PREFIXED_MIN - 1
        or stem.endswith("f")  # "rooffs": a doubled key
        or not _known_in("en", stem)
    ):
        return False
    # A known word before "js" is one of JavaScript's names, however near a
    # word the "j" puts it ("requirejs", "expressjs"); a common one before
    # "id" an identifier's ("groupid" beside userid, not "grouped"; not
    # "myraid", myriad's slip, whose "myra" is a name).
    if folded.endswith("id"):
        return wordlists.lexicon("en").count(stem) >= _COMMON_SLIP
    return folded.endswith("js") or not word_guards.slip_of_a_word(
        folded, least=_COMMON_SLIP
    )


#: How common (the lexicon's count) a word a coined name's slip is of must be.
_COMMON_SLIP = 60


def _known_term(folded: str) -> bool:
    """A software term, its plural (``vtables``), or the past of a term
    ending in ``e`` (``iframed``: a regular ``-d``, where a slip of an
    ``-ed`` ending would drop a letter the term keeps)."""
    terms = wordlists.software_terms()
    return (
        folded in terms
        or (folded.endswith("s") and folded[:-1] in terms)
        or (folded.endswith("ed") and folded[:-1] in terms)
    )


def _split_word(text: str, start: int, end: int, folded: str, language: str) -> bool:
    """A piece of one known word split by a hyphen for play or emphasis
    ("Spec-tacular", "un-believable") or by typesetting at a line's end
    ("acces-" / "sory"), or after an initial set apart by
    quote or emphasis marks (``"d"istributed``, ``**Q**\\ ualified``): the
    pieces joined are a word."""
    if _marked_initial(text, start, folded, language):
        return True
    before = _HYPHENATED_BEFORE.search(text, max(0, start - 40), start)
    if before is not None and _known_in(language, _fold(before.group(1)) + folded):
        return True
    after = _HYPHENATED_AFTER.match(text, end)
    return after is not None and _known_in(language, folded + _fold(after.group(1)))


#: A word's first piece and the hyphen that splits it, right before the
#: rest: on the same line ("Spec-tacular"), or at the end of the line before,
#: as typeset text breaks a word ("In par-" / "ticular").
_HYPHENATED_BEFORE = later_re(r"(?<![^\W\d_])([^\W\d_]+)-(?:[ \t]*\r?\n[ \t]*)?\Z")
#: The hyphen after a word's first piece and the rest, on the same line or
#: opening the next.
_HYPHENATED_AFTER = later_re(r"-(?:[ \t]*\r?\n[ \t]*)?([^\W\d_]+)")


#: Marks that set an initial apart from the rest of its word.
_INITIAL_MARKS = "\"'“”‘’*_\\()[] "
#: An inline element's opening or closing tag, ending where a word starts.
_INLINE_TAG = later_re(r"</?(?:b|i|u|em|strong|span|font|tt|code|big|small)>\Z", re.I)
#: A character reference to a quotation mark, ending where a word starts.
_QUOTE_ENTITY = later_re(
    r"&(?:[lr]dquo|[lr]squo|quot|apos|#822[01]|#821[67]|#34|#39|#x201[CDcd89]);\Z"
)


def _mark_before(text: str, end: int) -> int:
    """Where a character reference to a quotation mark ending at ``end``
    starts (the help page's ``&ldquo;o&rdquo;ptions`` marks its key), or an
    inline element's tag (``<b>a</b>nchor``, a tutorial's bold initial), or
    ``end``."""
    found = _QUOTE_ENTITY.search(text, max(0, end - 9), end)
    if found is not None:
        return found.start()
    start = end
    for _ in range(3):  # nested: <u><b>a</b></u>nchor
        tag = _INLINE_TAG.search(text, max(0, start - 9), start)
        if tag is None:
            break
        start = tag.start()
    return start


def _marked_initial(text: str, start: int, folded: str, language: str) -> bool:
    """The word is the rest of one whose first letter or two stand apart
    between marks (``"d"istributed``, ``**Q**\\ ualified``,
    ``&ldquo;o&rdquo;ptions``, ``<b>a</b>nchor``): a run of at most five
    marks, not only spaces, or one character reference to a quotation mark
    or inline element's tag, after one or
    two letters that follow
    a mark (or before a bracket: "a(nother)"), and the letters joined to
    the word make a word. A space splits
    two words ("a ualified", ``"A && D" evalues``: still slips) unless a
    backslash escapes it."""
    mark = start
    while mark > 0 and start - mark < 5 and text[mark - 1] in _INITIAL_MARKS:
        mark -= 1
    if mark == start:
        mark = _mark_before(text, start)  # HTML's &ldquo;o&rdquo;ptions
    if mark == start or not text[mark:start].strip():
        return False
    lo = mark
    while lo > 0 and mark - lo <= 2 and text[lo - 1].isalpha():
        lo -= 1
    if not 1 <= mark - lo <= 2 or (lo > 0 and text[lo - 1].isalnum()):
        return False
    between = lo > 0 and (
        text[lo - 1] in _INITIAL_MARKS[:-1] or _mark_before(text, lo) < lo
    )
    if not between and text[mark:start] not in ("(", "["):
        return False  # an initial between marks, or "a(nother)"
    if text[start - 1] == " " and text[start - 2] != "\\":
        return False  # 'D" evalues': a space ends the initial's word (reST's
        # escaped space, ``**Q**\\ ualified``, joins)
    return _known_in(language, _fold(text[lo:mark]) + folded)


def _package_name(text: str, start: int, folded: str, language: str) -> bool:
    """A lower-case part after a hyphen whose first part is a software term
    that is no English word ("pytest-xprocess"; not after "sphinx", a
    word): a package named after the tool it extends, unless the part is
    one slip from a word ("nginx-configuraton")."""
    if not (language == "en" and start > 1 and text[start - 1] == "-"):
        return False
    lo = start - 1
    while lo > 0 and text[lo - 1].isalnum():
        lo -= 1
    head = text[lo : start - 1]
    lex = wordlists.lexicon(language)
    return (
        head.islower()
        and head in wordlists.software_terms()
        and not _known(lex, head)
        # "nginx-configuraton" is a slip all the same.
        and not any(
            _known(lex, near) for near in typo_edits.one_edit(folded, slips_only=True)
        )
    )


def _named_package(
    prose: str, start: int, end: int, folded: str, language: str
) -> bool:
    """A lower-case word the sentence calls a package ("the map function
    from the purrr package", "via the rentrez package", "our crevents
    library"): the name its makers chose, unless it is one edit from a
    common word ("the updatd package", "the stardard library") or one
    typing slip from a word of documentation ("the scheduelr module", "the
    serialzation library")."""
    if not (
        language == "en"
        and prose[start:end].islower()
        and _PACKAGE_AFTER.match(prose, end)
        and _PACKAGE_BEFORE.search(prose, max(0, start - 12), start)
    ):
        return False
    if word_guards.slip_of_a_word(folded):
        return False
    lex = wordlists.lexicon(language)
    return not any(
        lex.count(near) >= _PACKAGE_SLIP
        for near in typo_edits.one_edit(folded, slips_only=True)
        if near in lex.words
    )


#: How common (the lexicon's count) a word must be for a typing slip of it
#: to be read as that slip, not as a package's name: "serialization" (58)
#: is, "purr" (55) is not what "purrr" meant.
_PACKAGE_SLIP = 58


#: What calls the word before it a package: "package", "library" and the
#: like, after an ecosystem's name at most.
_PACKAGE_AFTER = later_re(
    r"[ \t\u00a0]+(?:(?:R|Python|npm|Go|Rust|Ruby|Perl|PHP|Julia)[ \t\u00a0]+)?"
    r"(?:package|library|module|plugin|crate|gem|extension)s?\b"
)
#: What opens the noun phrase: a determiner or a possessive.
_PACKAGE_BEFORE = later_re(
    r"\b(?:the|our|their|your|my|its|this|a|an)[ \t\u00a0]+\Z", re.IGNORECASE
)


def _bracket_built(text: str, start: int, folded: str, language: str) -> bool:
    """The rest of a word whose first letters stand in brackets before it
    ("(o)bject", a mnemonic): the whole word is known."""
    letters = word_guards.bracket_built(text, start)
    return letters is not None and _known_in(language, _fold(letters) + folded)


def _dropped_g(text: str, end: int, folded: str, language: str) -> bool:
    """An -in' for -ing, the g dropped and marked ("learnin'", "nothin'";
    "keepin&rsquo;", a page's character reference, which the prose decodes)."""
    return (
        language == "en"
        and folded.endswith("in")
        and text.startswith(("'", "’"), end)
        and _known_in(language, folded + "g")
    )


def _referenced_apostrophe(prose: str, end: int, folded: str, language: str) -> bool:
    """The first part of a word whose apostrophe is a character reference
    (``shouldn&apos;t``, ``hadn&rsquo;t``): the prose view pads the decoded
    mark with fillers, which no word runs across, so the word is rejoined
    past them and looked up whole."""
    if not (prose.startswith(("'", "’"), end) and prose.startswith(FILLER, end + 1)):
        return False
    lo = end + 2
    while lo < len(prose) and prose[lo] == FILLER:
        lo += 1
    hi = lo
    while hi < len(prose) and prose[hi].isalpha():
        hi += 1
    return hi > lo and _known_in(language, f"{folded}'{_fold(prose[lo:hi])}")


def _known(lex: wordlists.Lexicon, folded: str) -> bool:
    """In the lexicon as written, as a possessive, a plural (lists lack the
    plurals of rare nouns: ``arrearages``), a form of a verb in -ate, or a
    contraction (``there'd``, ``Congress'll``), or in the other spelling."""
    if lex.knows(folded):
        return True
    for suffix in ("'s", "'", "s", "es", "'d", "'ll", "'ve", "'re"):
        if folded.endswith(suffix) and lex.knows(folded[: -len(suffix)]):
            return True
    for suffix in ("ating", "ated"):
        # A verb in -ate of any frequency: lists lack the forms of rare ones
        # (pixelate: pixelating, pixelated), and no slip turns -ate into them.
        if folded.endswith(suffix) and lex.knows(folded[: -len(suffix)] + "ate"):
            return True
    return any(
        folded.endswith(ending) and lex.knows(folded[: -len(ending)] + other)
        for ending, other in _VARIANT_ENDINGS
    )


def _cased(suggestion: str, original: str) -> str:
    if original[:1].isupper() and not suggestion[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def _house_words(context: LoadContext) -> set[str]:
    """Every word of the ``names`` house list: canonical forms and variants."""
    words: set[str] = set()
    for entry in house_entries(context):
        for phrase in (entry.canonical, *entry.variants, *entry.anchors):
            words.update(_fold(w) for w in word_guards.WORD.findall(phrase))
    return words


@functools.lru_cache(maxsize=16384)
def _ranked(
    language: str, folded: str, settings: Settings, *, two_edits: bool
) -> tuple[typo_edits.Candidate, ...]:
    """Candidates for one word (cached: a run meets the same typo often)."""
    lex = wordlists.lexicon(language)
    return tuple(
        typo_edits.candidates(
            folded,
            lex.knows,
            lex.count,
            max_cost=settings.max_cost,
            two_edit_cost=settings.two_edit_cost if two_edits else 0.0,
            alphabet=typo_edits.ALPHABETS[language],
        )
    )
