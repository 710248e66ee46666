"""``confusion``: real words used for another real word (``then`` for ``than``).

No spelling checker sees these: every word is in the dictionary. What gives
them away is the context, and only some contexts are certain enough: ``more
then`` is always ``more than``, but ``then`` alone is usually right. So a rule
lists, per confusion, the contexts in which the word is wrong:

    confusions:
      - wrong: then
        right: than
        contexts: ['\\b(?:more|less|rather) %w\\b']
        unless: ['more then ever']   # optional: a match inside these is kept quiet

``%w`` marks the word in each context pattern; the finding is on that word
only. A word of several (``wrong: a an``) is found as written, its words
one space apart on one line: a phrase a paragraph wraps over two lines is
not looked for (the literal scan that finds the words' places is what makes
the check fast on long documents). A confusion whose word the document does
not contain costs one set lookup. Patterns follow the rule's ``ignorecase``
(default true) and the replacement keeps the case of the word it replaces.
Fixes are unsafe: a context pattern is evidence, not proof.
"""

import functools
import itertools
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Final, NamedTuple

from copydesk import deadline, patterns, re2_superset, regex_programs
from copydesk.checks.base import Check, CheckTypeBase, LoadContext, Reach
from copydesk.checks.substitution import match_case
from copydesk.document import Analysis, Document, LoweredProse, WordSet
from copydesk.errors import RuleError
from copydesk.lazy_patterns import later_re, later_regex
from copydesk.model import Applicability, Edit, Finding, Fix, FixAvailability, RuleMeta
from copydesk.schema import Key

if TYPE_CHECKING:  # ``regex`` is imported to compile only (``regex_programs``)
    import regex

_MARK = "%w"
_ENTRY_KEYS = frozenset({"wrong", "right", "contexts", "unless"})


class Confusion(NamedTuple):
    """One wrong word, its replacements, and where it is wrong."""

    wrong: str
    right: tuple[str, ...]
    #: Compiled on first use in a shipped rule: most documents hold none of
    #: the words, and the regex module's compile is pure Python.
    contexts: patterns.LazyPattern
    unless: patterns.LazyPattern | None
    #: The word alone, for the literal scan that finds where to look.
    word: patterns.LazyPattern
    #: The case-folded words of ``wrong``: the document must hold the first.
    first_word: str
    #: Whether the contexts come from a shipped rule, whose patterns are
    #: measured on the corpora and hostile inputs: they are matched without
    #: the regex module's per-call timeout, which costs more than the match
    #: (``of``'s 50,000 places in 8 MB of news: 0.10 s with a timeout, 0.02 s
    #: without). A user's contexts keep it: one may backtrack for ever.
    vetted: bool
    #: The later words of a phrase (``the your``: ``your``), case-folded to
    #: their first ``\w`` run as the ``WordSet`` holds them: a document
    #: whose set lacks one holds no place of the phrase, and is spared its
    #: scan (a scan of each listed phrase per file of a docs tree, where
    #: "the" and "a" stand in every one).
    later_words: tuple[str, ...] = ()
    #: An RE2 superset of the word in any of its contexts, the contexts
    #: read as text around it rather than looked at (None where RE2 cannot
    #: say; see ``_presence``): a document none of whose text it matches
    #: holds no place of the confusion, and is spared the word's scan.
    presence: str | None = None


class ConfusionCheck(CheckTypeBase):
    """Flags a listed word in a context that says another word was meant."""

    __slots__ = ("confusions", "meta", "present", "short_seen")
    #: A confused word is one in any case ("Then" opening a sentence too).
    IGNORECASE: ClassVar[bool] = True

    FIX: ClassVar[FixAvailability] = FixAvailability.UNSAFE
    #: A confusion whose word the document lacks is skipped on a set lookup.
    USES: ClassVar[tuple[type[Analysis[Any]], ...]] = (WordSet, LoweredProse)
    #: A context is look-arounds on the word in its sentence (``^`` is a
    #: line start), and ``unless`` must cover the word: run on whole
    #: paragraphs, the same matches (tests/unit/test_windows.py).
    REACH: ClassVar[Reach] = Reach.PARAGRAPH

    KEYS: ClassVar[Mapping[str, Key]] = {
        k.name: k for k in (Key("confusions", (list,), required=True),)
    }

    meta: Final[RuleMeta]
    confusions: Final[tuple[Confusion, ...]]

    def __init__(
        self,
        meta: RuleMeta,
        confusions: tuple[Confusion, ...],
    ) -> None:
        self.meta = meta
        self.confusions = confusions
        #: Which confusions a document may hold, in one RE2 pass: a rule's
        #: thirty words were thirty scans of each long text's window, most
        #: finding nothing, and on a tree of small files the words the set
        #: of each holds were scanned for in contexts few of them hold
        #: (3,090 files of the corpus: typos.TwoArticles, JoinedVerbs and
        #: ModalVerbs 1.09 s -> 0.32 s).
        self.present = patterns.WhichMayMatch(
            [c.presence for c in confusions],
            ignorecase=bool(confusions) and confusions[0].word.ignorecase,
        )
        #: Short documents run without the pass so far: its compile (up to
        #: 5 ms a rule) is paid by a long one or by a run of many files,
        #: never by a one-file run of a short one.
        self.short_seen = 0

    @classmethod
    def from_yaml(
        cls, meta: RuleMeta, data: Mapping[str, Any], _context: LoadContext
    ) -> Check:
        entries = data["confusions"]
        if not entries:
            raise RuleError(meta.source, "key 'confusions': needs at least one entry")
        compiled = tuple(
            _entry(
                meta.source, i, entry, ignorecase=meta.ignorecase, shipped=meta.shipped
            )
            for i, entry in enumerate(entries)
        )
        return cls(meta, compiled)

    def compile_all(self) -> None:
        """Compile every pattern a document could make this rule compile:
        each entry's contexts, its exceptions and its word's literal scan.
        ``rule_index`` calls it while it records the shipped programs, so
        that a page holding one of the listed words ("takes", "allows")
        loads programs and never compiles one (nor imports ``regex``'s
        parser) at the start of a one-file run."""
        for confusion in self.confusions:
            confusion.contexts.get()
            if confusion.unless is not None:
                confusion.unless.get()
            if _scannable(confusion):
                wrong = confusion.wrong
                _literal(wrong.lower() if confusion.word.ignorecase else wrong)

    def run(self, doc: Document) -> Iterator[Finding]:
        prose = doc.prose
        seen: set[int] = set()
        lowered: list[str | None] = []  # made for the first word asked
        # A word's confirmed places, for its next entry (of for have, then
        # of for off): its scan and confirmation are made once.
        kept: dict[tuple[str, bool], list[int]] = {}
        scan_first = len(prose) >= SCAN_FIRST
        may_hold = self.present(prose) if self._asks_the_pass(len(prose)) else None
        if (
            scan_first
            and may_hold is None
            and (
                len(self.confusions) >= SET_FIRST
                or not all(map(_scannable, self.confusions))
            )
        ):
            doc.word_set()  # made first: it spares the absent words' scans
        for index, confusion in enumerate(self.confusions):
            if may_hold is not None and index not in may_hold:
                continue
            if not scan_first and not _words_held(confusion, doc.word_set()):
                continue
            if not lowered:
                lowered.append(doc.get(LoweredProse))
            if scan_first and not _held(doc, confusion, lowered[0], kept):
                continue
            for start, end in _contexts(confusion, prose, lowered[0], kept):
                if start in seen:
                    continue
                if confusion.unless is not None and _inside(
                    confusion.unless.get(), prose, start, end
                ):
                    continue
                seen.add(start)
                yield self._finding(doc, start, end, confusion)

    def _asks_the_pass(self, size: int) -> bool:
        """Whether a document of ``size`` characters is read by the RE2
        pass first: a long one always, a short one once the set is compiled
        or ``SHORT_BEFORE_THE_PASS`` short ones have been read without it.
        The findings are the same either way."""
        if size >= SCAN_FIRST or self.present.compiled:
            return True
        self.short_seen += 1
        return self.short_seen > SHORT_BEFORE_THE_PASS

    def _finding(
        self, doc: Document, start: int, end: int, confusion: Confusion
    ) -> Finding:
        found = doc.text[start:end]
        choices = tuple(match_case(c, found) for c in confusion.right)
        message = self.meta.format_message(
            found, " or ".join(f"'{c}'" for c in choices)
        )
        fix = Fix((Edit(start, end, choices[0]),), Applicability.UNSAFE)
        return self.meta.finding(doc, start, end, message, choices, fix)


def _contexts(
    confusion: Confusion,
    prose: str,
    lowered: str | None,
    kept: dict[tuple[str, bool], list[int]] | None = None,
) -> Iterator[tuple[int, int]]:
    """Spans of the confusion's word where one of its contexts matches.

    The word is found first (``_places``), and the contexts, compiled as
    look-arounds on the word, are tried with one anchored match at each use:
    a scan of the whole document per context costs far more. ``kept``, if
    given, keeps the places the literal scan confirms by word and case
    rule, for another entry of the same word.
    """
    # The anchored matches are made from C (``map``) for a batch of the
    # word's places at a time: a Python loop per place of a common word
    # (``its``: thousands in a long text) was most of this check's time.
    # Untimed matches leave the file's deadline to the batches.
    contexts = confusion.contexts.get()
    match = (
        functools.partial(contexts.match, prose)
        if confusion.vetted
        else functools.partial(contexts.match, prose, timeout=patterns.match_timeout())
    )
    confirmed = _confirmed(confusion, prose, lowered, kept)
    if confirmed is not None:
        size = len(confusion.wrong)
        for at in range(0, len(confirmed), _BATCH):
            deadline.on_time()
            starts = confirmed[at : at + _BATCH]
            for start in itertools.compress(starts, map(match, starts)):
                yield start, start + size
        return
    words = _places(confusion, prose, lowered)
    while batch := list(itertools.islice(words, _BATCH)):
        deadline.on_time()
        starts = [start for start, _ in batch]
        yield from itertools.compress(batch, map(match, starts))


def _confirmed(
    confusion: Confusion,
    prose: str,
    lowered: str | None,
    kept: dict[tuple[str, bool], list[int]] | None = None,
) -> list[int] | None:
    """The places of the confusion's word that its pattern confirms, found
    by the literal scan (``_word_starts``); None where the scan cannot find
    them (``_places`` must). ``kept``, if given, keeps them by word and case
    rule, for another entry of the same word."""
    key = (confusion.wrong, confusion.word.ignorecase)
    if kept is not None and key in kept:
        return kept[key]
    found = _word_starts(confusion, prose, lowered)
    if found is None:
        return None
    # Every step from C: the word's places found and confirmed a batch at a
    # time. The word pattern is the word's letters (one character each,
    # case aside) between one-character look-arounds, so a match at a place
    # reads a few characters and needs no timeout.
    word = functools.partial(confusion.word.get().match, prose)
    confirmed: list[int] = []
    while starts := list(itertools.islice(found, _BATCH)):
        deadline.on_time()
        confirmed.extend(itertools.compress(starts, map(word, starts)))
    if kept is not None:
        kept[key] = confirmed
    return confirmed


#: Short documents a rule reads without its RE2 pass before compiling it.
SHORT_BEFORE_THE_PASS = 8

#: Characters of prose from which a document's confusions are looked for
#: before its word set is asked (``_held``). The set is a pass over the
#: text (2.5 ms for a 256 KB window of news, 31 such windows in 8 MB)
#: where a word's literal scan costs 0.16 ms; on a short document the
#: set's lookups are cheaper than a search per listed word (3,090 files
#: of the corpus: 0.69 s for the check with the set, 0.86 s without).
SCAN_FIRST = 1 << 16


#: Entries from which a long document's ``WordSet`` is made before any
#: word is scanned for, so that ``_held`` finds the absent words in it. The
#: set costs about as much as 16 scans (2.5 ms against 0.16 ms for a 256 KB
#: window) and serves every confusion check of the run (the shipped packs
#: list 15, 33 and 3 words, ``an a`` among them, which asks for the set
#: anyway), and in a window of prose most listed words are absent: in the
#: 17 MB benchmark file, 1,815 of 3,120 scans of typos.RealWords and
#: TwoArticles found nothing, and nearly all of typos.JoinedVerbs' 975.
SET_FIRST = 12


def _held(
    doc: Document,
    confusion: Confusion,
    lowered: str | None,
    kept: dict[tuple[str, bool], list[int]],
) -> bool:
    """Whether the document's ``WordSet`` holds the confusion's first word,
    told where that can be from the word's confirmed places (an absent
    word has none; a confirmed place is the word's run, ``_stands_at``),
    so that a long document's set is made only where it cannot. Once made
    (here, for an earlier word, or by another check), the set is asked
    first: a lookup, where the scan for a word absent from a 256 KB window
    reads all of it (1,815 such scans of the 17 MB benchmark file's 66
    windows, 0.28 s). A word in the set but with no confirmed place finds
    nothing either way: its contexts are tried at no place."""
    words = doc.known(WordSet)
    if words is not None:
        return _words_held(confusion, words)
    confirmed = _confirmed(confusion, doc.prose, lowered, kept)
    if confirmed is not None:
        if not confirmed:
            return False
        if _stands_at(doc.prose, confirmed[0], confusion.first_word):
            return True
    return _words_held(confusion, doc.word_set())


def _stands_at(prose: str, at: int, word: str) -> bool:
    """Whether a whole ``\\w+`` run of ``prose`` starts at ``at`` and
    case-folds to ``word``: then ``word`` is in the document's ``WordSet``
    (its ``\\w+`` runs, case-folded). False where that is not known: the
    word pattern's look-arounds read the regex module's ``\\w``, the set
    the standard module's, and a numeral such as ``½`` is a word character
    to one only."""
    if at and _RUN.match(prose, at - 1, at) is not None:
        return False
    run = _RUN.match(prose, at)
    return run is not None and run.group().casefold() == word


#: A run of word characters, as ``document.words_of`` reads them.
_RUN = later_re(r"\w+")

#: Places of a word matched per batch: a few hundred KB of spans at most.
_BATCH = 4096


def _word_starts(
    confusion: Confusion, prose: str, lowered: str | None
) -> Iterator[int] | None:
    """Where the confusion's ASCII word is written, confirmed or not: every
    start of its text in ``lowered`` (the prose when the rule minds case),
    found by a literal scan in C; None where ``_places`` must look.

    A word none of whose beginnings is also its ending (``its``, ``then``,
    ``would of``) cannot overlap itself, so the scan's matches, which do
    not overlap, are all its places: the ones ``_places`` finds with one
    ``str.find`` and one Python step each, most of this check's time on a
    long document (``of``, ``no`` and ``its`` stand thousands of times).
    """
    searched = _needle(confusion, prose, lowered)
    if searched is None or _overlaps(searched[1]):
        return None
    text, needle = searched
    return _starts(_literal(needle).finditer(text))


def _scannable(confusion: Confusion) -> bool:
    """Whether the confusion's word may be found by the literal scan
    (:func:`_word_starts`) in a text whose lower case is offset for offset:
    an ASCII word that cannot overlap itself."""
    wrong = confusion.wrong
    needle = wrong.lower() if confusion.word.ignorecase else wrong
    return wrong.isascii() and not _overlaps(needle)


def _needle(
    confusion: Confusion, prose: str, lowered: str | None
) -> tuple[str, str] | None:
    """The text to search and the word to look for in it, as written: the
    lower-cased prose and word when the rule ignores case; None when the
    word is not ASCII or the prose has no offset-for-offset lower case
    (the word's pattern must scan)."""
    wrong = confusion.wrong
    text, needle = (
        (lowered, wrong.lower()) if confusion.word.ignorecase else (prose, wrong)
    )
    if text is None or not wrong.isascii():
        return None
    return text, needle


def _starts(matches: "Iterator[regex.Match[str]]") -> Iterator[int]:
    """Each match's start, read in C by the engine's own ``Match.start``,
    taken off the first match (``regex`` is not imported for its type; a
    ``methodcaller`` would look the method up on every match)."""
    first = next(matches, None)
    if first is None:
        return iter(())
    return itertools.chain((first.start(),), map(type(first).start, matches))


@functools.lru_cache(maxsize=256)
def _literal(text: str) -> "regex.Pattern[str]":
    """A pattern matching ``text`` as it is. Kept by text: ``regex.finditer``
    looks its pattern up in the module's cache in Python (~10 µs), once per
    word and document, which on a tree of small files cost more than the
    scans (3,000 files of the corpus: 0.23 s under cProfile)."""
    return regex_programs.compiled(regex_programs.escape(text))


def _overlaps(word: str) -> bool:
    """Whether ``word`` begins with one of its own endings (``that``): two
    of its places may then overlap."""
    return any(word.startswith(word[-size:]) for size in range(1, len(word)))


def _places(
    confusion: Confusion, prose: str, lowered: str | None
) -> Iterator[tuple[int, int]]:
    """The spans of the confusion's word: its ``word`` pattern's matches.

    An ASCII word is looked for with ``str.find`` (in ``lowered``, the
    prose lower-cased, when the rule ignores case) and each place confirmed
    by the pattern, which finds the same matches: the pattern's scan tested
    its look-behind at every position of the text, most of this check's
    time on a long document. Where ``lowered`` is None, the pattern scans.
    A confirmation reads a few characters: it needs no timeout.
    """
    pattern = confusion.word.get()
    searched = _needle(confusion, prose, lowered)
    if searched is None:
        yield from patterns.spans(pattern, prose)
        return
    text, needle = searched
    at = text.find(needle)
    while at != -1:
        found = pattern.match(prose, at)
        if found is None:
            at = text.find(needle, at + 1)
        else:
            yield found.span()
            at = text.find(needle, found.end())


_UNLESS_REACH = 160


def _inside(pattern: "patterns.Pattern", text: str, start: int, end: int) -> bool:
    """A match of ``pattern`` near the word covers it (within
    ``_UNLESS_REACH`` on each side: a clause's markup, masked, takes room)."""
    lo = max(0, start - _UNLESS_REACH)
    hi = min(len(text), end + _UNLESS_REACH)
    return any(
        m.start() <= start and end <= m.end()
        for m in patterns.finditer(pattern, text, lo, hi)
    )


#: From a word's first non-word character on (``regex``'s ``\W``).
_FROM_NON_WORD = later_regex(r"\W.*")
_FIRST_RUN = later_regex(r"\w+")


def _entry(
    source: str, index: int, entry: Any, *, ignorecase: bool, shipped: bool
) -> Confusion:
    where = f"key 'confusions': entry {index + 1}"
    if not isinstance(entry, dict):
        raise RuleError(source, f"{where}: expected a mapping")
    unknown = sorted(set(entry) - _ENTRY_KEYS)
    if unknown:
        raise RuleError(source, f"{where}: unknown key {unknown[0]!r}")
    wrong, right = entry.get("wrong"), entry.get("right")
    contexts, unless = entry.get("contexts"), entry.get("unless", [])
    if not isinstance(wrong, str) or not wrong.strip():
        raise RuleError(source, f"{where}: 'wrong' must be a word")
    if not isinstance(right, str) or not right.strip():
        raise RuleError(source, f"{where}: 'right' must be a word")
    if not _strings(contexts) or not contexts:
        raise RuleError(source, f"{where}: 'contexts' must be a list of patterns")
    if not _strings(unless):
        raise RuleError(source, f"{where}: 'unless' must be a list of patterns")
    for context in contexts:
        if context.count(_MARK) != 1:
            raise RuleError(source, f"{where}: context {context!r} needs one {_MARK}")
    # Each context becomes look-arounds on the word itself, so that it can
    # be tried with one anchored match where the word stands.
    word = f"(?P<w>{regex_programs.escape(wrong)})"
    body = "|".join(_anchored(c, word) for c in contexts)
    compiled = patterns.deferred(
        body, source, "confusions", ignorecase=ignorecase, shipped=shipped
    )
    unless_pattern = (
        patterns.deferred(
            "|".join(unless), source, "unless", ignorecase=True, shipped=shipped
        )
        if unless
        else None
    )
    choices = tuple(c.strip() for c in right.split("|") if c.strip())
    first = wrong.split()[0].casefold()
    first = _FROM_NON_WORD.sub("", first) or first
    alone = patterns.deferred(
        rf"(?<![\w'’]){regex_programs.escape(wrong)}(?![\w'’])",
        source,
        "confusions",
        ignorecase=ignorecase,
        shipped=shipped,
    )
    # Each later word as the set holds it: its first ``\w`` run ("'ve": "ve").
    later = tuple(
        run.group()
        for w in wrong.casefold().split()[1:]
        if (run := _FIRST_RUN.search(w)) is not None
    )
    return Confusion(
        wrong,
        choices,
        compiled,
        unless_pattern,
        alone,
        first,
        shipped,
        later,
        _presence(contexts, wrong),
    )


#: What stands before and after a word standing alone (``alone``: no word
#: character nor apostrophe beside it), in RE2: a line's edge or another
#: character. ASCII word characters only: a wider class is a superset.
_EDGE_BEFORE = "(?:^|[^0-9A-Za-z_'’])"
_EDGE_AFTER = "(?:$|[^0-9A-Za-z_'’])"
#: Empty groups a superset may keep of what it dropped: ``(?-i:(?=a an))``.
_EMPTY_GROUP = later_re(r"\(\?(?:[i-]*:)?\)|\(\?[i-]+:\)")


def _presence(contexts: Sequence[str], wrong: str) -> str | None:
    """An RE2 superset of the word in any of its contexts (see
    ``Confusion.presence``), or None. Each context is read as text around
    the word: where the anchored pattern matches, this one matches from the
    left context's start. A context whose side is only look-arounds holds
    the word's own edge there, as ``alone`` requires of every place: "a
    the" is not looked for inside "data then"."""
    word = f"(?:{regex_programs.escape(wrong)})"
    parts = []
    for context in contexts:
        left, _, right = context.partition(_MARK)
        body = re2_superset.superset(f"(?:{left}{word}{right})")
        if body is None:
            return None
        if _zero_width(left):
            body = _EDGE_BEFORE + body
        if _zero_width(right):
            body += _EDGE_AFTER
        parts.append(f"(?:{body})")
    return "|".join(parts)


def _zero_width(part: str) -> bool:
    """Whether a context's side matches nothing but the empty string as
    its superset reads it: look-arounds and word edges only."""
    found = re2_superset.superset(part) if part else ""
    if found is None:
        return False
    while True:
        shorter = _EMPTY_GROUP.sub("", found)
        if shorter == found:
            return not found
        found = shorter


def _words_held(confusion: Confusion, words: frozenset[str]) -> bool:
    """Whether the document's ``WordSet`` holds every word of the wrong phrase."""
    return confusion.first_word in words and words.issuperset(confusion.later_words)


def _anchored(context: str, word: str) -> str:
    """``left %w right`` as ``(?<=left)word(?=right)``."""
    left, _, right = context.partition(_MARK)
    return f"(?:(?<={left}){word}(?={right}))"


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v for v in value)
