"""``repetition``: the same word twice in a row ("the the").

Tokens come from the ``tokens`` regexes (Vale's key); two tokens repeat when
they are equal (case-insensitive with ``ignorecase``) and only spaces or tabs
stand between them in the source, so a line break, punctuation or masked code
between them keeps them apart. ``alpha: true`` ignores tokens that are not
alphabetic ("10 10"). A run ("the the the") is one finding whose fix
deletes every repeat with the space before it. Grammatical doubles ("had had",
"that that") belong in the rule's ``exceptions``. With ``judge: true`` a
lower-case word that ends one line of a wrapped paragraph and opens the
next is a repeat too (see ``Repetition._across_breaks``).

A word is the whole word: "at AT&T", "Data data.json" and "get get()" are
not repeats, since the second token goes on with ``&``, ``.``, ``/``, ``_``,
``@`` or ``(`` and a word character (or was the tail of such a run).

``judge: true`` (the shipped rule) also leaves alone the doubles that are
meant: numbers ("0 0 0 1 1 *"), a capitalised word twice (a name: Duran
Duran, Walla Walla, Abdullah Abdullah; unless it is one of the ``safe``
function words, "The The"), a capitalised or upper-case word followed by
its lower-case common noun or an acronym after a lower-case word ("the
Parameter parameter", "GET get", "the first FIRST"), and verbatim speech
(a line that opens with a speaker label or a timestamp, or an interjection
said twice as a turn opens: "sure sure, thanks"), a word said three times
or more ("yada yada yada"), unless it is a function word, and two clauses
meeting at one word: a verb's stranded preposition before an infinitive
("the host it points to to check") and a relative clause's auxiliary before
the main clause's ("the tools that we have have changed").

Safe means safe: the fix is SAFE only when both words are lower case and
the word is one of the rule's ``safe`` words (closed-class words that no
correct sentence doubles, such as articles); every other repeat gets an
UNSAFE fix, since "in in" (a stranded preposition) or "command command"
may be meant.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re as stdlib_re
from collections.abc import Iterable, Iterator, Mapping, Set
from typing import Any, ClassVar, Final

from copydesk import code_lines, langtag, morphology, patterns, word_guards
from copydesk.checks.base import Check, CheckTypeBase, LoadContext, Reach
from copydesk.deadline import on_time
from copydesk.document import FILLER, Analysis, Document
from copydesk.lazy_patterns import later_re, later_regex
from copydesk.lines import line_around
from copydesk.model import Applicability, Edit, Finding, Fix, FixAvailability, RuleMeta
from copydesk.schema import Key
from copydesk.wide_chars import wide_characters
from copydesk.wordsets import word_set

#: Words with inner apostrophes and hyphens (``\w`` is Unicode-aware and the
#: fastest class the regex module has: this check is on by default).
DEFAULT_TOKENS = (r"\w+(?:['’-]\w+)*",)
_GAP = later_regex(r"[ \t\u00a0\u202f]+")
#: The default token list as one backreference pattern: the scan stays in C.
#: Possessive word, so a failed backreference never retries shorter prefixes.
_DOUBLED = r"\b(\w++(?:['’-]\w++)*+)(?:[ \t\u00a0\u202f]++\1(?![\w'’-]))+"
#: That scan by the rule's ``ignorecase``, compiled when a document first has
#: a word twice in a row (most have none: its compile in the stdlib's Python
#: parser was 4 M instructions of every one-file check).
_DOUBLED_SCANS = {
    False: later_re(_DOUBLED, stdlib_re.MULTILINE),
    True: later_re(_DOUBLED, stdlib_re.MULTILINE | stdlib_re.IGNORECASE),
}
#: The regex engine tries that scan at every character (a fifth of a corpus
#: run); instead, the text's word pieces are compared with their neighbours
#: in C, and only a word found twice in a row is looked for. ASCII symbols
#: become spaces, line breaks a piece of their own ("\0"), so that only
#: words separated by spaces and tabs are neighbours.
_ASCII_SYMBOLS = bytes(
    c
    for c in range(128)
    if not (chr(c).isalnum() or chr(c).isspace()) and chr(c) not in "_'-"
)
_LINE_BREAKS = b"\n\r\x0b\x0c\x1c\x1d\x1e\x1f"
_PIECES = bytes.maketrans(
    _ASCII_SYMBOLS + _LINE_BREAKS,
    b" " * len(_ASCII_SYMBOLS) + b"\0" * len(_LINE_BREAKS),
)
_FOLDS_INTO_A_LETTER = "\u0345"
_WORD_SHAPE = later_re(r"\w+(?:['’-]\w+)*")


class Repetition(CheckTypeBase):
    """Flags runs of one repeated token."""

    __slots__ = (
        "alpha",
        "doubled",
        "judge",
        "meant_doubles",
        "meta",
        "pattern",
        "safe",
    )

    #: Safe for a doubled ``safe`` word in lower case, unsafe otherwise
    #: (see fix_availability).
    FIX: ClassVar[FixAvailability] = FixAvailability.MIXED
    #: A repeat never crosses a paragraph's end (one across a line break
    #: stays inside its block), and is judged by its own lines.
    REACH: ClassVar[Reach] = Reach.PARAGRAPH
    #: Lines of code, where a doubled token is syntax.
    USES: ClassVar[tuple[type[Analysis[Any]], ...]] = (code_lines.CodeLineSpans,)

    KEYS: ClassVar[Mapping[str, Key]] = {
        k.name: k
        for k in (
            Key("tokens", (list,), item_types=(str,)),
            Key("alpha", (bool,)),
            Key("judge", (bool,)),
            Key("safe", (list,), item_types=(str,)),
        )
    }

    meta: Final[RuleMeta]
    pattern: Final[patterns.Pattern]
    alpha: Final[bool]
    #: The default tokens' backreference scan. Our own linear (possessive)
    #: pattern, so the stdlib engine runs it: a fifth faster, no timeout needed.
    doubled: Final[stdlib_re.Pattern[str] | None]
    #: Leave meant doubles (names, numbers, speech) alone.
    judge: Final[bool]
    #: Case-folded words whose doubling gets a SAFE fix.
    safe: Final[frozenset[str]]
    #: The rule's exceptions, case-folded: the doubles it means, read by
    #: the check itself where a line break stands between the two words.
    meant_doubles: Final[frozenset[str]]

    def __init__(
        self,
        meta: RuleMeta,
        pattern: patterns.Pattern,
        alpha: bool = False,
        doubled: stdlib_re.Pattern[str] | None = None,
        judge: bool = False,
        safe: frozenset[str] = frozenset(),
    ) -> None:
        self.meta = meta
        self.pattern = pattern
        self.alpha = alpha
        self.doubled = doubled
        self.judge = judge
        self.safe = safe
        self.meant_doubles = frozenset(e.casefold() for e in meta.exceptions)

    @classmethod
    def fix_availability(cls, data: Mapping[str, Any]) -> FixAvailability:
        """Without ``safe`` words no doubling is known to be a slip."""
        return cls.FIX if data.get("safe") else FixAvailability.UNSAFE

    @classmethod
    def from_yaml(
        cls, meta: RuleMeta, data: Mapping[str, Any], _context: LoadContext
    ) -> Check:
        tokens = list(data.get("tokens") or DEFAULT_TOKENS)
        body = "|".join(f"(?:{t})" for t in tokens)
        # Tokens are shapes; ``ignorecase`` governs the comparison, and matching
        # without IGNORECASE is about twice as fast.
        pattern = patterns.compile_regex(f"(?:{body})", meta.source, "tokens")
        doubled = None
        if tuple(tokens) == DEFAULT_TOKENS:
            doubled = _DOUBLED_SCANS[meta.ignorecase]
        return cls(
            meta,
            pattern,
            bool(data.get("alpha", False)),
            doubled,
            bool(data.get("judge", False)),
            frozenset(w.casefold() for w in data.get("safe") or ()),
        )

    def run(self, doc: Document) -> Iterator[Finding]:
        if self.doubled is None:
            yield from self._run_tokens(doc)
            return
        text, prose = doc.text, doc.prose
        across: list[_Broken] | None = None
        # A plain text's kind was decided once, on the whole text: authored
        # when hard-wrapped (a window or a re-linted paragraph judged alone
        # could decide otherwise).
        if self.judge and (doc.format != "plain" or doc.kind != "draft"):
            across = []
        for m in self._doubled(prose, across):
            start, end = m.span()
            if text[start:end] != prose[start:end]:
                # Something masked (code, markup) sits between: re-check by token.
                yield from self._run_tokens(doc, start, end)
                continue
            if self.alpha and not m.group(1).isalpha():
                continue
            if start and prose[start - 1] in "'’-":
                continue  # the tail of a longer word ("co-op op")
            first = m.span(1)
            last_start = end - (first[1] - first[0])
            run = [first, (last_start, end)]
            found = self._finding(doc, run)
            if found is not None:
                yield found
        if across:
            yield from self._across_breaks(doc, across)

    def _across_breaks(
        self, doc: Document, candidates: Iterable[_Broken]
    ) -> Iterator[Finding]:
        """A lower-case word that ends one line of a wrapped paragraph and
        opens the next ("computes the\nthe likelihood"): the slip of a
        paragraph re-wrapped after an edit, which the line break hides from
        the eye. Only inside one block of running text (not a table's cells
        or a heading), between lines of prose (two words before the first,
        one after the second: a list of one word a line is no sentence), in
        a plain text only when it is hard-wrapped, an authored document, not
        a draft (a text of one paragraph a line may hold records). The
        rule's exceptions hold doubles written with a space ("that that");
        here they are read with the line break.
        ``candidates``: by chunk, the words that stand on both sides of one
        of its line breaks (found in C with the same-line doubles' words,
        :func:`neighbour_words`); only those are looked for.
        """
        prose = doc.prose
        for lo, hi, stop, found_words in candidates:
            words = {w for w in found_words if f"{w} {w}" not in self.meant_doubles}
            if not words:
                continue
            for at in _breaks_between(prose, words, lo, hi, stop):
                on_time()
                run = _repeat_at_break(prose, at, lo, stop, words)
                if run is not None and _wrapped_prose(doc, run):
                    found = self._finding(doc, run, across=True)
                    if found is not None:
                        yield found

    def _doubled(
        self, prose: str, across: list[_Broken] | None = None
    ) -> list[stdlib_re.Match[str]]:
        """The backreference scan's matches, in text order, found by looking
        for each repeated word alone (in the case-folded text when the rule
        ignores case) and running the scan only on the lines where it stands
        twice, so its own notion of equal letters has the last word. Into
        ``across``, when given, go each chunk's words on both sides of a
        line break, read in the same pass (over the chunk and the line
        after it: a break may end the chunk)."""
        assert self.doubled is not None
        folded = prose.casefold() if self.meta.ignorecase else prose
        if len(folded) != len(prose) or _FOLDS_INTO_A_LETTER in prose:
            # "ß" folds to two code points; the combining ypogegrammeni, not a
            # word character, folds to the letter iota.
            if across is not None:
                across.extend(
                    (lo, hi, stop, broken)
                    for lo, hi, stop, _, broken in _read_chunks(prose, look_past=True)
                    if broken
                )
            return list(self.doubled.finditer(prose))
        found: list[stdlib_re.Match[str]] = []
        chunks = _read_chunks(folded, look_past=across is not None)
        for lo, hi, stop, spaced, broken in chunks:
            if broken and across is not None:
                across.append((lo, hi, stop, broken))
            starts = sorted(
                run.start()
                for word in spaced
                for run in _word_runs(word).finditer(folded, lo, hi)
            )
            # The scan runs once from a line's first run to the line's end: a
            # later run on that line lies in what it covered. Scanning from
            # every run to its line's end was quadratic on a long line.
            scanned = lo
            for start in starts:
                if start < scanned:
                    continue
                on_time()
                line_end = prose.find("\n", start, hi)
                scanned = hi if line_end < 0 else line_end
                found.extend(self.doubled.finditer(prose, start, scanned))
        return found

    def _run_tokens(
        self, doc: Document, pos: int = 0, endpos: int | None = None
    ) -> Iterator[Finding]:
        """Compare neighbours by text first: the gap test runs only on equal pairs."""
        text = doc.text
        spans = [
            m.span() for m in patterns.finditer(self.pattern, doc.prose, pos, endpos)
        ]
        spans = [(s, e) for s, e in spans if e > s]
        if self.alpha:
            spans = [(s, e) for s, e in spans if text[s:e].isalpha()]
        words = [text[s:e] for s, e in spans]
        if self.meta.ignorecase:
            words = [w.casefold() for w in words]
        run: list[tuple[int, int]] = spans[:1]
        for index in range(1, len(spans)):
            span = spans[index]
            if words[index] == words[index - 1] and _GAP.fullmatch(
                text, spans[index - 1][1], span[0]
            ):
                run.append(span)
                continue
            if len(run) > 1:
                found = self._finding(doc, run)
                if found is not None:
                    yield found
            run = [span]
        if len(run) > 1:
            found = self._finding(doc, run)
            if found is not None:
                yield found

    def _finding(
        self, doc: Document, run: list[tuple[int, int]], *, across: bool = False
    ) -> Finding | None:
        """The finding for a run of repeats, or None when it is not one.
        ``across``: the two words stand on both sides of a line break (the
        caller has read their lines)."""
        text = doc.text
        run = _whole_words(doc.prose, run)
        if len(run) < 2 or (not across and _in_columns(doc, run)):
            return None
        words = [text[s:e] for s, e in run]
        if self.judge and _meant(doc, run, words):
            return None
        word = words[0]
        if len(words) == 2 and word.islower() and words[1].isupper() and len(word) == 1:
            return None  # "create a A record": the capital letter names a thing
        if words == ["A", "a"] and _after_a_word(doc.prose, run[0][0]):
            return None  # "is range A a subset of B": a letter, then the article
        if len(word) == 1 and word.isupper() and _spelled_letters(doc.prose, run):
            return None  # "the I I S Manager": letters spelled out for a reader
        safe = (
            all(w.islower() for w in words)
            and word.casefold() in self.safe
            and not _article_slip(doc.text, run)
            and not _to_slip(doc.prose, run, word)
            and not _inside_quotation(doc.text, run[0][0])
        )
        edit = _across_edit(text, run) if across else Edit(run[0][1], run[-1][1], "")
        return self.meta.finding(
            doc,
            run[0][0],
            run[-1][1],
            self.meta.format_message(word),
            suggestions=(word,),
            fix=Fix((edit,), Applicability.SAFE if safe else Applicability.UNSAFE),
        )


def _inside_quotation(text: str, start: int) -> bool:
    """Whether ``start`` is inside a quotation its line opens before it, in
    the ``_QUOTED_REACH`` characters before (an odd count of straight double
    marks, or a “ not closed yet): a doubled word there may be what was said
    or printed ("fixed the "The the corpse" message"), so deleting one is no
    safe fix. Bounded, so a line of megabytes is not read once per double."""
    lo, _ = line_around(text, start, start, _QUOTED_REACH)
    line = text[lo:start]
    return line.count('"') % 2 == 1 or line.rfind("“") > line.rfind("”")


#: How far back a doubled word's quotation is looked for.
_QUOTED_REACH = 300


def _after_a_word(prose: str, start: int) -> bool:
    """Whether a word or a number stands right before ``start`` (spaces
    between): the capital there is inside a sentence, not opening one or
    an item ("- A a list", "(See it.) A a note")."""
    before = prose[max(0, start - 40) : start].rstrip(" \t\u00a0")
    return bool(before) and before[-1].isalnum()


def _spelled_letters(prose: str, run: list[tuple[int, int]]) -> bool:
    """Whether the doubled capital goes on as a run of capitals standing
    alone, one space apart ("I I S Manager"): an initialism spelled out
    letter by letter, as alt text writes one for a screen reader. A letter
    before the double only is a label ("In Plan B I I chose": a slip)."""
    return _LETTER_AFTER.match(prose, run[-1][1]) is not None


#: A capital standing alone, a space after the run of doubled capitals.
_LETTER_AFTER = later_re(r" [A-Z](?![\w'’])")


#: A vowel letter starting the word after a doubled "and": "and and AES".
_VOWEL_WORD_AFTER = later_re(r"[ \t\u00a0]+[aeiouAEIOU]")


def _article_slip(text: str, run: list[tuple[int, int]]) -> bool:
    """Whether a doubled "and" may be "and an" mistyped: before a word that
    starts with a vowel ("an RSA key and and AES key") dropping one "and"
    is not surely what was meant, so the fix is not safe."""
    start, end = run[-1]
    return (
        text[start:end].casefold() == "and"
        and _VOWEL_WORD_AFTER.match(text, end) is not None
    )


#: Quotation marks that may enclose a named double.
_QUOTE_MARKS = frozenset("\"'“”‘’«»„")


def _quoted_whole(prose: str, run: list[tuple[int, int]]) -> bool:
    """Whether the repeats are all a quotation holds: the double named, not
    used ('two instances of "only only" messages'). Fillers after a decoded
    character reference are passed over."""
    before = run[0][0] - 1
    while before >= 0 and prose[before] == FILLER:
        before -= 1
    after = run[-1][1]
    while after < len(prose) and prose[after] == FILLER:
        after += 1
    return (
        before >= 0
        and after < len(prose)
        and prose[before] in _QUOTE_MARKS
        and prose[after] in _QUOTE_MARKS
    )


def _bracketed_whole(prose: str, run: list[tuple[int, int]]) -> bool:
    """Whether the repeats are all a bracket holds: an aside said twice on
    purpose ("quality documentation (hint hint)")."""
    before, after = run[0][0] - 1, run[-1][1]
    return (
        before >= 0
        and after < len(prose)
        and prose[before] == "("
        and prose[after] == ")"
    )


def _anchored_name(doc: Document, run: list[tuple[int, int]], word: str) -> bool:
    """Whether the double, joined by hyphens, is in its line's markup (an
    ``id`` or a link's fragment: ``id="script-data-escaped-dash-dash-
    state"``): the name of a defined term, as the page spells it. Only
    where the source has markup the prose view hides."""
    if doc.text is doc.prose or doc.format == "plain" or _function_word(word):
        return False  # "the the", "for for": slips, whatever slug they made
    lo, hi = line_around(doc.text, run[0][0], run[-1][1], _ANCHOR_REACH)
    joined = "-".join([word.casefold()] * len(run))
    line = doc.text[lo:hi]
    return joined in line.casefold() and joined not in doc.prose[lo:hi].casefold()


#: How far along the line an anchor naming a double is looked for.
_ANCHOR_REACH = 400


def _to_slip(prose: str, run: list[tuple[int, int]], word: str) -> bool:
    """Whether a doubled article may be another word mistyped, so that
    deleting one is not surely right: after a verb that takes "to" ("go the
    the guide"), a modal that takes "be" ("it would the the first"), or a
    word that may be a noun ("makes a call the the function", "in response
    the the menu": "to the" was meant). After a preposition, a conjunction,
    a form of "be", an -ing form (not a noun's: "pass a string the the
    function"), a clause's first word (but a noun's:
    "Participation the the group") or a clause's verb after its subject
    ("in the the city", "comparing the the two", "Now, deploy the the app",
    "we met the the mayor", "The council approved the the budget") one is
    deleted safely. A doubled "a" or "an" is judged alike ("can only be
    generated a a specific platform": "on a" was meant)."""
    if word.casefold() not in _ARTICLES:
        return False
    before = _TWO_WORDS_BEFORE.search(prose, max(0, run[0][0] - 60), run[0][0])
    if before is None:
        return False
    head = before.group(2).casefold()
    if head in _MODALS or _form_of(head, _GOING_VERBS):
        return True
    if head in _BEFORE_TO:
        return True  # "according the the manual": "according to the" was meant
    if head in _OBJECT_PRONOUNS:
        # "take you the the failed run" lost a "to"; "show you the the
        # list" is right with one deleted: which was meant, only the
        # writer knows.
        return True
    words = before.group(1).split()
    if head in _THE_FOLLOWS or (
        head.endswith("ing")
        and not head.endswith("thing")
        and head not in _ING_NOUNS
        and not (words and words[-1].casefold() in _DETERMINERS_BEFORE)
    ):
        return False  # "in the the city", "by visiting the the site"
    # A word that opens its clause is an imperative's verb ("Now, deploy
    # the the app"); one after a subject pronoun, or after an article and a
    # noun that open the clause, a verb ("we met the the mayor", "The
    # council approved the the budget"); any other may be a noun ("in
    # response the the menu", "in the original format used the the U.S.
    # standard": "to" and "by" were lost) as well as a verb: only the
    # writer knows.
    if not words:
        # An imperative's verb; a noun opening a title or an item
        # ("Participation the the [working group]") lost its preposition.
        return head.endswith(_NOUN_ENDINGS)
    if words[-1].casefold() in _SUBJECT_PRONOUNS:
        return False
    if (
        word.casefold() != "the"
        and (words[-1].casefold() in _MODALS or words[-1].casefold() == "to")
        and not head.endswith(_NOUN_ENDINGS)
    ):
        # "enough to spend an an afternoon": an infinitive's verb, which no
        # lost "to" stands after before "a" ("need to reply the the message"
        # may have lost one: a doubled "the" keeps its unsafe fix).
        return False
    return not (
        len(words) == 2
        and words[0].casefold() in _SUBJECT_DETERMINERS
        and head.endswith("ed")  # "The data sent the the server": a participle
        and _CLAUSE_OPENS.search(prose, max(0, before.start() - 4), before.start())
        is not None
    )


#: Words that stand before "to" in a fixed phrase ("according to", "due
#: to", "prior to", "in addition to") and are no verb ("close the the
#: door"): a doubled article after one is more likely its lost "to" than
#: a repeat.
_BEFORE_TO = frozenset(
    {"according", "due", "owing", "thanks", "prior", "contrary", "pursuant",
     "addition"}
)  # fmt: skip

#: The articles a doubling of which may hide a lost preposition.
_ARTICLES = frozenset({"the", "a", "an"})

#: Nouns in -ing ("pass a string the the function": "to" was lost), and the
#: words before a noun that make the -ing word one ("one more setting").
_ING_NOUNS = frozenset(
    {"string", "ring", "king", "spring", "wing", "setting", "meeting",
     "building", "morning", "evening", "ceiling", "wedding", "heading",
     "listing", "painting", "feeling", "beginning", "ending", "opening",
     "warning", "earning", "saving", "binding", "mapping", "padding"}
)  # fmt: skip
_DETERMINERS_BEFORE = frozenset(
    {"a", "an", "the", "this", "that", "one", "more", "each", "every", "any",
     "some", "no", "my", "your", "our", "their", "his", "her", "its"}
)  # fmt: skip
#: Endings of nouns that no imperative has.
_NOUN_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ship", "ism")
#: Pronouns that stand as a clause's subject: the word after one is a verb.
_SUBJECT_PRONOUNS = frozenset({"i", "we", "you", "they", "he", "she", "it"})
#: Words that open a clause's subject before its noun ("The council").
_SUBJECT_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "our", "their"})
#: What stands before a clause's first word: the text's start, a stop,
#: a clause's mark, a line break or an opening mark, then spaces.
_CLAUSE_OPENS = later_re(r"(?:\A|[.!?;:,\n(\"“‘])[ \t]*\Z")


#: Pronouns a verb takes as its object: after them "the" begins a second
#: object ("show you the list") or a lost preposition's ("take you to the").
_OBJECT_PRONOUNS = frozenset({"you", "him", "her", "them", "us", "me", "it"})
#: Modal verbs, whose next word is a verb: "would the the" lost a "be".
_MODALS = frozenset(
    {"would", "could", "should", "will", "can", "must", "might", "may", "shall"}
)
#: Verbs of going and referring, whose object takes "to": "go to the".
_GOING_VERBS = frozenset(
    {"go", "goes", "went", "gone", "come", "came", "head", "move", "proceed",
     "navigate", "return", "refer", "switch", "point", "listen", "talk",
     "belong", "get", "got"}
)  # fmt: skip
#: Words "the" follows as it is: prepositions, conjunctions, forms of "be".
_THE_FOLLOWS = frozenset(
    {"in", "on", "at", "of", "for", "from", "with", "by", "about", "into",
     "onto", "over", "under", "through", "between", "among", "across",
     "after", "before", "during", "without", "within", "against", "along",
     "around", "behind", "beyond", "near", "toward", "towards", "upon", "via",
     "per", "like", "than", "as", "to", "and", "or", "but", "nor", "because",
     "if", "when", "while", "where", "that", "which", "whether", "all", "both",
     "is", "are", "was", "were", "be", "been", "being", "until", "till",
     "since", "unlike", "despite", "throughout", "beside", "besides",
     "beneath", "above", "below", "inside", "outside", "off", "out", "up",
     "down", "past", "amid", "except", "including", "although", "though",
     "unless", "whereas", "once", "so"}
)  # fmt: skip
#: The word before a double and up to two words before it.
_TWO_WORDS_BEFORE = later_re(
    r"((?:[^\W\d_]+[ \t\u00a0]+){0,2})([^\W\d_]+)[ \t\u00a0]+\Z"
)


#: Two or more spaces or a tab after a word (not after a sentence's end,
#: where some writers put two spaces): a gap that aligns columns.
_COLUMN_GAP = later_re(r"(?<![.!?:;])(?:[ \u00a0]{2,}|\t)")
#: A gap no typist leaves between a word and its slip: three spaces, a tab.
_WIDE_GAP = later_re(r"[ \u00a0]{3,}|\t")
#: How far around the repeats a column layout is looked for.
_COLUMN_REACH = 120


def _in_columns(doc: Document, run: list[tuple[int, int]]) -> bool:
    """The repeats stand in neighbouring cells of a table, not in one
    sentence: in two blocks (a reST or Markdown table's cells), or apart by
    a column's gap on a line laid out in columns (three or more words
    each followed by such a gap: "Real data types    yes  yes  yes")."""
    if doc.block_at(run[0][0]) != doc.block_at(run[-1][0]):
        return True
    text = doc.text
    if not any(
        _COLUMN_GAP.search(text, a[1], b[0]) for a, b in itertools.pairwise(run)
    ):
        return False
    wide = any(_WIDE_GAP.search(text, a[1], b[0]) for a, b in itertools.pairwise(run))
    if wide and not _function_word(text[run[0][0] : run[0][1]]):
        return True  # "x    x", "data   data": a diagram's or a table's spacing
    # Near the repeats only, on their line: a long line is not read again
    # for every run of repeats on it.
    lo = text.rfind("\n", max(0, run[0][0] - _COLUMN_REACH), run[0][0]) + 1
    lo = max(lo, run[0][0] - _COLUMN_REACH)
    while lo < run[0][0] and text[lo] in " \t":
        lo += 1  # the line's indent aligns nothing
    hi = text.find("\n", run[-1][1], run[-1][1] + _COLUMN_REACH)
    hi = min(len(text), run[-1][1] + _COLUMN_REACH) if hi < 0 else hi
    return len(_COLUMN_GAP.findall(text, lo, hi)) >= 2


#: A token that goes on as a longer word: "AT&T", "data.json", "get()",
#: "snake_case", "a/b", "user@host"; or that ends a path or a value
#: ("HREF=/argo argo server").
_GOES_ON = later_re(r"[&./_@+#:](?=\w)|\(|://")
_CAME_FROM = later_re(r"(?:\w[&./_@+#:]|\w[-'’]|[/=])\Z")
#: A line of verbatim speech: "Q:", "MAYOR KLYMENKO:", "[00:12:31]".
_SPEECH = later_re(
    # A quote's marks and an emphasis mark before the label ("> *HOST*: ");
    # not a list's bullet ("- Python: As the language I used ..." is an
    # item), nor a bold label that closes after its colon ("**Note:** ",
    # "**A:** " of an edited interview: the writer's prose).
    r"[ \t>]*(?:[*_]{1,2}(?=\S))?(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?"
    r"|(?:[A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*){0,3}|Q|A)[ \t]*:[ \t])"
)


#: Kinds of block whose lines do not run on into each other.
_UNWRAPPED_BLOCKS = frozenset({"table", "heading", "code", "alt"})
#: What may stand between a line's last word and the next line's first in
#: the source: spaces, the line break, a block quote's marks.
_SOURCE_BREAK = later_re(r"[ \t\u00a0\u202f]*(?:\r\n?|\n)[ \t\u00a0\u202f>]*")
#: Words of prose before a line's last word, after a line's first.
_PROSE_WORDS = later_re(r"[^\W\d_]{2,}")


def _across_edit(text: str, run: list[tuple[int, int]]) -> Edit:
    """The deletion of a repeat across a line break: the first word with the
    spaces before it, so the edit stays on the line the finding is on and
    the next line keeps its start (the caller has two words before it)."""
    start, end = run[0]
    while start and text[start - 1] in " \t":
        start -= 1
    return Edit(start, end, "")


def _wrapped_prose(doc: Document, run: list[tuple[int, int]]) -> bool:
    """Whether the two words of ``run`` end and open two lines of one
    paragraph of prose: one block of running text holds both, only spaces
    and the line break (and a quote's ``>``) stand between them in the
    source, two words come before the first on its line and one after the
    second on its."""
    (first, first_end), (second, second_end) = run
    block = doc.block_at(first)
    if block is None or block.kind in _UNWRAPPED_BLOCKS or second_end > block.end:
        return False
    if not _SOURCE_BREAK.fullmatch(doc.text, first_end, second):
        return False
    prose = doc.prose
    lo = max(prose.rfind("\n", 0, first) + 1, block.start)
    hi = prose.find("\n", second_end, block.end)
    hi = block.end if hi < 0 else hi
    if doc.format == "plain" and _CODE_LINE.search(prose, lo, hi) is not None:
        # A plain text's grammar, configuration or table lines ("realm =
        # "realm" "=" realm-value", "stats uri     /admin?stats"): readers
        # of markup mask such blocks; here the lines tell.
        return False
    return (
        len(_PROSE_WORDS.findall(prose, lo, first)) >= 2
        and _PROSE_WORDS.search(prose, second_end, hi) is not None
    )


#: What a plain text's line of code, grammar, configuration or a table holds
#: and a line of prose does not: an assignment, an alternative, brackets, a
#: comment's mark, a column's gap of spaces (not after a stop).
_CODE_LINE = later_re(
    r"[=|{}<>\[\]]|::|(?:^|\s)#\s|(?<=[^\s.!?:;,])[ \u00a0]{2,}(?=\S)",
    stdlib_re.MULTILINE,
)


def _whole_words(text: str, run: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The leading part of ``run`` whose tokens are whole words."""
    kept: list[tuple[int, int]] = []
    for start, end in run:
        if _GOES_ON.match(text, end) or _CAME_FROM.search(
            text, max(0, start - 2), start
        ):
            break
        kept.append((start, end))
    return kept


#: Letters that are no word in English nor in the other languages a page
#: may be written in (Polish "w", "z", "i", Spanish "y", "o", Italian "e",
#: Czech "s", "v", "k"...): said twice, they are notation ("{l l}").
_NOTATION_LETTERS = frozenset("bcdfghjlmnpqrtx")


def _meant(doc: Document, run: list[tuple[int, int]], words: list[str]) -> bool:
    """Numbers, reduplication, names, a name and its noun, an acronym,
    verbatim speech."""
    first, second = words[0], words[1]
    if any(ch.isdigit() for ch in first):
        return True  # "0 0 0 1 1 *", "10 10"
    if "_" in first:
        return True  # an identifier: a C typedef's "struct apr_pool_t apr_pool_t"
    if len(first) > 2 and len(set(first.casefold())) == 1:
        return True  # a template's filler: "xxxx xxxx xxxxx", "zzz zzz"
    if len(first) == 1 and first.casefold() in _NOTATION_LETTERS:
        return True  # notation: a matrix's columns "{l l}", "x x"
    if _quoted_whole(doc.prose, run):
        return True  # remove the "only only" messages: the double is named
    if _bracketed_whole(doc.prose, run):
        return True  # "(hint hint)", "(cough cough)": an aside said twice
    if _anchored_name(doc, run, first):
        return True  # <dfn>after after body</dfn> of #the-after-after-body-mode
    if (
        first.casefold() in _INTERJECTIONS
        and _CLAUSE_MARK.match(doc.prose, run[-1][1])
        and _SAID_FIRST.search(doc.prose, max(0, run[0][0] - 8), run[0][0])
    ):
        return True  # "sure sure, thanks", "No no! Not that one.": meant
    said = len(doc.text[run[0][0] : run[-1][1]].split())
    if said > 2 and not _function_word(first):
        return True  # reduplication: "yada yada yada", "ha ha ha"
    if not first.islower() or not second.islower():
        if first[:1].isupper() and second[:1].isupper():
            if first != first.capitalize() or not _function_word(first):
                return True
            # "The The" opening a sentence is a slip; inside one, after a
            # word of the sentence, it names something ("the band The The
            # closed the festival"), unless a name follows that has its own
            # "The" ("with The The Guardian"). "I I" is a slip anywhere.
            return (
                first != "I"
                and _inside_a_sentence(doc.prose, run[0][0])
                and not _CAPITAL_NEXT.match(doc.prose, run[-1][1])
            )
        if first[:1].isupper():
            # "The the" opening a sentence is the classic slip; a capital
            # elsewhere names something ("the Parameter parameter", "GET get").
            return not (first == second.capitalize() and _function_word(first))
        if len(second) > 1 and second.isupper():
            return True  # "the first FIRST", "at AT"
    if len(run) == 2 and _stranded(doc, run, first.casefold()):
        return True  # "the server it connects to to be configured"
    if len(run) == 2 and _gap_closed(doc.prose, run, first.casefold()):
        return True  # "the dependencies each project has has grown"
    if len(run) == 2 and _PHRASE_OPENED.match(doc.prose, run[1][0]):
        return True  # "an order to apply them in in order to see": a new phrase
    if _foreign_grammar(doc, first, run[0][0]):
        return True  # German "die die", French "nous nous": meant there
    # The line from the document's index (a lone CR ends one too): searching
    # back for a line feed took as long as the line, once per doubled word,
    # so one long line was quadratic.
    line_start = doc.line_start(doc.line_col(run[0][0])[0])
    if _COMMAND.match(doc.prose, line_start) is not None:
        return True  # "@tables null null TEST;": a console's command, shown
    if not _function_word(first.casefold()) and _OPTION_COMMAND.match(
        doc.prose, line_start
    ):
        return True  # "- python -m venv venv": a command's arguments
    if code_lines.on_code_line(doc, run[0][0], run[-1][1]):
        return True  # "alert ip any any -> any any (msg:"..."; sid:1;)"
    return _SPEECH.match(doc.text, line_start) is not None


#: A line that opens with a console's command (a sigil and a word, the
#: line a statement closed by ";": "@tables null null TEST;"; a prompt:
#: "$ echo echo"; not "@bob I think the the config is wrong"): markup that
#: shows it as code is
#: sometimes only a class name the reader cannot know (``<td
#: class="notranslate">``); its arguments may repeat.
_COMMAND = later_re(
    r"[ \t\u00a0]*(?:[@\\][A-Za-z_]\w*[^\n]*;[ \t]*(?:\r?\n|\Z)|[$%][ \t]+\S)"
)
#: A line that is a program in lower case and an option, then a few more
#: arguments and no stop, as a list item may give a command: "- python -m
#: venv venv" (not "- pass -v to see the the full log.", a sentence).
_OPTION_COMMAND = later_re(
    r"[ \t\u00a0]*(?:[-*+][ \t]+)?[a-z][\w.-]*[ \t]+--?[A-Za-z][\w-]*"
    r"(?:[ \t]+[^\s.!?]+){1,5}[ \t]*$",
    stdlib_re.MULTILINE,
)


#: Words of speech that a speaker doubles on purpose ("sure sure", "yes
#: yes"; the rule's exceptions hold "no no" and "bye bye" wherever they
#: stand), when the pair opens what is said and a mark of the clause
#: follows it ("You can do that now now." is a slip).
_INTERJECTIONS = frozenset(
    {"sure", "yes", "yeah", "yep", "nope", "okay", "ok", "oh", "ah", "ha",
     "hey", "thanks", "please", "wow", "hmm", "uh", "um", "oops", "hi",
     "hello"}
)  # fmt: skip
_CLAUSE_MARK = later_re(r"[,!?.…;:]")
#: What stands before words that open a speaker's turn: a line's or a
#: sentence's start, then quotation marks, emphasis or a dash.
_SAID_FIRST = later_re(r"(?:\A|[\n.!?:])[ \t\u00a0\"'“‘«„*_>—–-]*\Z")


#: Fixed phrases that open with a preposition: after a clause that ends in
#: the same preposition ("the order to apply them in"), the second word of
#: the double begins the phrase ("in order to see"), so neither is a slip.
#: A capital first word (a sentence's start) never reaches this test.
_PHRASE_OPENED = later_re(
    r"(?:in[ \t\u00a0]+order[ \t\u00a0]+(?:to|that|for)"
    r"|for[ \t\u00a0]+(?:example|instance)"
    r"|at[ \t\u00a0]+(?:least|all|once)"
    r"|of[ \t\u00a0]+course|by[ \t\u00a0]+default"
    r"|on[ \t\u00a0]+top[ \t\u00a0]+of)(?![\w-])"
)


def _foreign_grammar(doc: Document, word: str, at: int) -> bool:
    """Whether ``word`` doubled at ``at`` is grammar in the language of the
    document or of its paragraph when that is not English: a relative
    pronoun before its article (German ``die die Regeln``), a reflexive
    pronoun after its subject (French ``nous nous sommes``). The rule's
    exceptions are English; a doubled preposition is a slip in any
    language (Polish ``na na stronie``)."""
    folded = word.casefold()
    doubles = _GRAMMATICAL_DOUBLES.get(langtag.primary(doc.language))
    if doubles is not None:
        return folded in doubles
    if not any(folded in words for words in _GRAMMATICAL_DOUBLES.values()):
        return False
    # The configured language is English, but a German post of an English
    # blog is German: its paragraph's function words tell (the paragraph
    # read alone, so that a window or an editor's re-lint decides as the
    # whole document does).
    block = doc.block_at(at)
    told = word_guards.block_language(doc, block, {}) if block is not None else None
    doubles = _GRAMMATICAL_DOUBLES.get(told or "")
    return doubles is not None and folded in doubles


#: Short words that other languages double in a correct sentence.
_GRAMMATICAL_DOUBLES: dict[str, frozenset[str]] = {
    "de": frozenset({"der", "die", "das", "den", "dem", "des"}),
    "nl": frozenset({"die", "dat"}),
    "fr": frozenset({"nous", "vous"}),
}


#: Verbs whose "to" is a preposition that may end a clause ("the host it
#: points to"), and verbs whose "in" is a particle ("logged in"), by stem:
#: the first of a doubled "to to" / "in in" after them may be the verb's.
_TO_VERBS = frozenset(
    {"point", "connect", "write", "listen", "refer", "talk", "speak", "respond",
     "reply", "belong", "subscribe", "switch", "migrate", "upgrade", "downgrade",
     "return", "link", "map", "bind", "attach", "redirect", "navigate", "post",
     "publish", "push", "deploy", "send", "forward", "contribute", "adapt",
     "default", "compare", "relate", "conform", "apply", "deliver", "pass",
     "assign", "add", "route", "expose", "grant", "give", "show", "dispatch",
     "propagate", "report", "proxy", "commit", "copy", "restore", "revert",
     "reset", "scale", "append", "prepend", "emit", "broadcast", "delegate"}
)  # fmt: skip
#: Verbs of motion whose "to" a relative clause strands ("the site which
#: people go to to learn"); after a subject alone, "he looked to to find"
#: is a slip.
_GO_TO_VERBS = frozenset({"go", "come", "turn", "look", "move", "head", "travel"})
_IN_VERBS = frozenset(
    {"check", "log", "sign", "plug", "build", "built", "fill", "opt", "type",
     "phase", "bake", "key", "hand", "turn", "lock", "step", "fit", "join",
     "tune", "factor", "dial", "kick", "zoom", "chime", "move", "jump", "dive",
     "chip", "pitch", "weigh", "drop", "pop", "tap", "cash", "clock", "punch",
     "bring", "brought", "pass", "fold", "mix", "swap", "feed", "fed", "slot",
     "sneak", "wire", "break", "broke", "pour", "throw", "threw", "load",
     "pull", "rope"}
)  # fmt: skip
#: What stands before a verb whose preposition a clause strands: "to"
#: ("something to point to"), a pronoun or relative ("the host it points
#: to", "the page which it links to").
_STRANDING = frozenset(
    {"to", "it", "they", "he", "she", "we", "you", "i", "which", "that", "who"}
)
#: Auxiliaries before a passive participle: "the element the event is
#: delivered to to determine" strands the participle's "to" as well.
_PASSIVE = frozenset({"is", "are", "was", "were", "be", "been", "being", "gets", "got"})
#: Verbs an infinitive after a stranded "to" most often starts with: what
#: tells "connects to to be configured" from "writes to to disk".
_INFINITIVES = frozenset(
    {"be", "have", "do", "make", "get", "see", "check", "determine", "decide",
     "ensure", "find", "keep", "use", "run", "verify", "confirm", "handle",
     "process", "compute", "identify", "read", "write", "send", "create", "set",
     "show", "help", "prevent", "provide", "support", "enable", "reach", "avoid",
     "allow", "let", "go", "work", "test", "match", "load", "store", "update",
     "build", "resolve", "route", "serve", "start", "stop", "learn", "know",
     "tell", "say", "look", "take", "give", "open", "close", "receive",
     "retrieve", "fetch", "validate", "authenticate", "connect", "access"}
)  # fmt: skip
#: Endings of nouns and adjectives: a word after "to to" that ends so is the
#: preposition's object ("returned to to normal"), not an infinitive.
_NOMINAL = ("ion", "ing", "al", "ity", "ment", "ness", "ary", "ory", "ance", "ence")
#: Words that begin a noun phrase: after them the second "to" is the
#: preposition again ("Point to to a server"), not an infinitive's.
#: Verbs whose particle "on" ends a clause: "going on on a customer
#: basis", "carry on on Monday" (not those that take "on" as a
#: preposition: "worked on on the parser" is a slip).
_ON_VERBS = frozenset(
    {"go", "goes", "going", "went", "gone", "carry", "carried", "move", "hold",
     "held", "keep", "kept", "catch", "caught", "hang", "hung", "live", "lived",
     "drag", "dragged"}
)  # fmt: skip
#: Objects a particle verb may take before its particle ("fill them in",
#: "log it in", "check this in").
_PARTICLE_OBJECTS = frozenset({"it", "them", "him", "her", "me", "us", "this", "that"})
_NOUN_PHRASE = frozenset(
    {"a", "an", "the", "this", "that", "these", "those", "my", "your", "our",
     "their", "his", "her", "its", "some", "any", "each", "every", "all", "no",
     "it", "them", "him", "us", "me", "you", "one"}
)  # fmt: skip
_WORD_AFTER = later_re(r"[ \t\u00a0]+([^\W\d_]+)")
#: What the text says next after a word: a word, or the one character
#: that opens a number, code, a bracket or a quotation.
_NEXT_SAID = later_re(r"[ \t\u00a0]+([^\W\d_]+|[^\s.,;:!?])")
#: Two words before the repeat; a line of a paragraph may end between them.
_SPACE_OR_LINE = r"(?=\s)[ \t\u00a0]*(?:\r?\n[ \t\u00a0]*)?"
_TWO_BEFORE = later_re(rf"([^\W\d_]+){_SPACE_OR_LINE}([^\W\d_]+){_SPACE_OR_LINE}\Z")
#: The word before the repeat.
_ONE_BEFORE = later_re(rf"(?<![\w])([^\W\d_]+){_SPACE_OR_LINE}\Z")
_ENDINGS = ("ing", "ed", "es", "s", "d")
#: A relative word and its clause's subject, one or two words, before the
#: clause's verb.
_RELATIVE_SUBJECT = later_re(
    rf"\b(?:[Ww]hich|[Tt]hat|[Ww]hom)(?:{_SPACE_OR_LINE}[^\W\d_]+){{1,2}}{_SPACE_OR_LINE}\Z"
)


def _form_of(word: str, stems: frozenset[str]) -> bool:
    """Whether ``word`` is one of ``stems`` or a regular form of one:
    points, pointed, writing (write), logged (log)."""
    return word in stems or any(
        stem in stems
        for ending in _ENDINGS
        if word.endswith(ending)
        for stem in morphology.stems(word, ending)
    )


def _stranded(doc: Document, run: list[tuple[int, int]], word: str) -> bool:
    """A clause ending in its verb's preposition or particle, then one
    that begins with the same word: "something to point to to remind",
    "the server it connects to to be configured", "the fix was checked in
    in the release branch"."""
    if word == "in":
        return _particle_in(doc, run)
    if word == "on":
        return _particle_before_phrase(doc, run, _ON_VERBS)
    if word == "to":
        return _stranded_to(doc.prose, run)
    if word == "for":
        # "advocating for for some time": the verb's "for", then a span's.
        return _DURATION_AFTER.match(doc.prose, run[1][1]) is not None
    if word == "at":
        # "the company she was working at at the time": a relative clause's
        # stranded "at", then a time's.
        return _TIME_AFTER_AT.match(doc.prose, run[1][1]) is not None
    if word == "it":
        return _object_then_subject(doc.prose, run)
    return False


def _object_then_subject(prose: str, run: list[tuple[int, int]]) -> bool:
    """A clause that ends in a preposition's object "it", then the next
    clause's subject "it" before its verb, the comma between them left out:
    "if the query has a colon in it it will be searched", "when working on
    it it is easier", "for the length of it it felt crowded". After a verb
    the first "it" may be a clause's subject
    ("she said it it was over": a slip), so only a preposition tells."""
    if _VERB_AFTER_IT.match(prose, run[1][1]) is None:
        return _subordinate_clause_object(prose, run)
    before = _ONE_BEFORE.search(prose, max(0, run[0][0] - 30), run[0][0])
    if before is None or before.group(1).casefold() not in _PREPOSITIONS:
        return False
    # "None of it it makes sense", "some of it it goes": "of it" ends a
    # quantity that is the subject itself, no clause of its own.
    quantity = _ONE_BEFORE.search(prose, max(0, before.start(1) - 30), before.start(1))
    return quantity is None or quantity.group(1).casefold() not in _QUANTIFIERS


def _subordinate_clause_object(prose: str, run: list[tuple[int, int]]) -> bool:
    """ "When I close it it unloads": a sentence opened by "when", "if",
    "once" and the like, whose clause has a subject and its verb and ends in
    the object "it", then the main clause's subject "it" and its verb in -s,
    the comma left out ("Once installed it it runs" and "If the cache is
    full it it evicts" have no object "it": slips)."""
    if _VERB_S_AFTER_IT.match(prose, run[1][1]) is None:
        return False
    return (
        _SUBORDINATE_OPENS.search(prose, max(0, run[0][0] - 80), run[0][0]) is not None
    )


#: A sentence's opening subordinator, then its clause up to the first "it"
#: (no comma, no sentence's end between).
_SUBORDINATE_OPENS = later_re(
    r"(?:^|[.!?][ \t]+|\n)[ \t]*(?:When|If|Once|After|Before|While|Whenever|Unless"
    r"|Until|As soon as|Because|Since)[ \t]+(?:[^.,;:!?\n]{0,40}[ \t])?"
    r"(?:I|you|we|they|he|she|users?|people)[ \t]+(?:[a-z]+[ \t]+)?[a-z]+[ \t]+\Z"
)
#: A verb in -s after the second "it" ("it unloads", "it runs").
_VERB_S_AFTER_IT = later_re(r"[ \t]+[a-z]{2,}s\b")


#: An auxiliary or a modal, the verb a clause's subject "it" goes on with.
_VERB_AFTER_IT = later_re(
    r"\s+(?:will|would|is|was|can|could|should|may|might|must|has"
    r"|had|does|did|seems|becomes|seemed|became|felt|feels|looked|looks"
    r"|sounded|sounds|turned|turns|went|goes|made|makes|took|takes|worked"
    r"|works|gets|got)\b"
)
#: Words of quantity that "of it" completes as a subject.
_QUANTIFIERS = word_set(
    "none some all most much any each part lots plenty bits half rest many few "
    "one two three both either neither more less little enough"
)
#: Prepositions whose object may end a clause.
_PREPOSITIONS = frozenset(
    {"in", "on", "at", "to", "from", "with", "for", "of", "by", "about", "into",
     "onto", "without", "within", "through", "over", "under", "inside",
     "around", "near", "behind", "upon", "against", "across"}
)  # fmt: skip


#: A point of time after "at" ("at the time", "at that point").
_TIME_AFTER_AT = later_re(
    r"[ \t\u00a0]+(?:the|that)[ \t\u00a0]+(?:time|moment|point)\b"
)
#: A span of time after "for" ("for some time", "for years", "for a while",
#: "for the past decade", "for 20 years").
_DURATION_AFTER = later_re(
    r"[ \t\u00a0]+(?:some[ \t]+(?:time|years|months|weeks|days|while)"
    r"|a[ \t]+(?:while|long[ \t]+time|few[ \t]+(?:years|months|weeks|days)"
    r"|decade|year|month|week|day|couple[ \t]+of)"
    r"|years|months|weeks|days|decades|ages|long"
    r"|over[ \t]+(?:a|an|\d+)|more[ \t]+than|at[ \t]+least|\d+)\b"
)


def _particle_in(doc: Document, run: list[tuple[int, int]]) -> bool:
    """A particle verb's "in" then a noun phrase's ("someone jumped in in
    the middle", "log in in the corner", "logged in in Chrome", "brought in
    in `(4)` above"), whatever comes before the verb: it may open its
    sentence ("Chime in in the tracker"). A name, a number or code begin a
    noun phrase too; the text, not the prose, shows the code and the
    number."""
    return _particle_before_phrase(doc, run, _IN_VERBS)


def _particle_before_phrase(
    doc: Document, run: list[tuple[int, int]], verbs: frozenset[str]
) -> bool:
    """A particle verb of ``verbs`` right before the double (or before its
    object pronoun: "fill them in in the code"), and a noun phrase after
    it: the particle, then a phrase's preposition ("logged in in Chrome",
    "going on on a customer basis")."""
    verb = _ONE_BEFORE.search(doc.prose, max(0, run[0][0] - 30), run[0][0])
    if verb is not None and verb.group(1).casefold() in _PARTICLE_OBJECTS:
        verb = _ONE_BEFORE.search(doc.prose, max(0, verb.start(1) - 30), verb.start(1))
    if verb is None or not _form_of(verb.group(1).casefold(), verbs):
        return False
    nearby = _NEXT_SAID.match(doc.text, run[1][1])
    said = nearby.group(1) if nearby else ""
    return bool(said) and (
        not said[0].isalpha() or said[0].isupper() or said.casefold() in _NOUN_PHRASE
    )


def _stranded_to(prose: str, run: list[tuple[int, int]]) -> bool:
    """A verb's stranded "to", told by the words before (a listed verb after
    "to", a pronoun or a relative word) and the word after: an infinitive
    (not a noun phrase or a word with a noun's ending: "returned to to
    normal", "upgrade to to version 3")."""
    before = _TWO_BEFORE.search(prose, max(0, run[0][0] - 60), run[0][0])
    after = _WORD_AFTER.match(prose, run[1][1])
    if before is None or after is None:
        return False
    lead, verb = before.group(1).casefold(), before.group(2).casefold()
    next_word = after.group(1)
    # A finite or past form ("this vtgate connects to", "is delivered to")
    # ends a clause whatever its subject; a bare verb needs the words that
    # strand it ("something to point to").
    # A finite verb leaves the clause without its stranding word before it,
    # so the word after must be a verb's ("writes to to disk" is a slip); a
    # passive strands its "to" whatever follows.
    finite = verb not in _TO_VERBS and verb.endswith(_ENDINGS)
    # A relative clause with a subject of its own before the verb: "which
    # people go to to learn", "that most readers turn to to check".
    relative = (
        next_word.casefold() in _INFINITIVES
        and _RELATIVE_SUBJECT.search(
            prose, max(0, before.start(2) - 40), before.start(2)
        )
        is not None
        and (_form_of(verb, _TO_VERBS) or _form_of(verb, _GO_TO_VERBS))
    )
    stranded = (
        lead in _STRANDING
        or lead in _PASSIVE
        or relative
        or (finite and next_word.casefold() in _INFINITIVES)
    )
    return (
        stranded
        and (relative or _form_of(verb, _TO_VERBS))
        and next_word.islower()
        and next_word not in _NOUN_PHRASE
        and not next_word.endswith(_NOMINAL)
    )


#: Verbs that may end a relative clause whose object is the noun before it
#: and then be the main clause's verb: "the dependencies that each project
#: has has grown".
_GAP_VERBS = frozenset(
    {"has", "have", "had", "is", "was", "are", "were", "does", "did"}
)
#: A relative word, then its clause's subject (one to three words) ending
#: where the doubled verb begins.
_OBJECT_GAP = later_re(
    r"\b(?:(?:[Tt]hat|[Ww]hich|[Ww]hom|[Ww]hat(?:ever)?|[Ww]ho(?:ever)?|[Aa]ll)"
    r"[ \t\u00a0]+(?:[^\W\d_]+[ \t\u00a0]+){1,3}"
    # After "where", "when", "why" or "how", a subject: a pronoun or a
    # determiner's noun ("where the file is is", "why it is is"; "how often
    # is is the package cited" is a question's slip).
    r"|(?:[Ww]here(?:ver)?|[Ww]hen|[Ww]hy|[Hh]ow(?:ever)?)[ \t\u00a0]+"
    r"(?:[^\W\d_]+[ \t\u00a0]+){0,2}"
    r"(?:it|this|that|they|he|she|we|you|I|the|a|an|my|your|our|their|his|her|its)"
    r"[ \t\u00a0]+(?:[^\W\d_]+[ \t\u00a0]+){0,2})\Z"
)


def _gap_closed(prose: str, run: list[tuple[int, int]], word: str) -> bool:
    """Whether the first of a doubled auxiliary ends a relative clause with
    its own subject ("that each project has") and the second begins the
    main clause: "what it is is ...", "the tools that we have have
    changed". A relative word that is the clause's subject ("the service
    that has has been down") leaves no gap: the double is a slip."""
    if word not in _GAP_VERBS:
        return False
    start = max(0, run[0][0] - 60)
    while (gap := _OBJECT_GAP.search(prose, start, run[0][0])) is not None:
        if gap.group()[:4].casefold() != "that":
            return True
        before = _WORD_BEFORE.search(prose, max(0, gap.start() - 20), gap.start())
        if before is None or before.group(1).casefold() not in _CLAUSE_TAKERS:
            return True
        # "make sure that nobody has has": no object missing after this
        # "that"; a relative word after it may still open the gap ("we know
        # that what she has has value").
        start = gap.start() + 4
    return False


#: A capitalised word after the repeat (a name's next word).
_CAPITAL_NEXT = later_regex(r"[ \t\u00a0]+\p{Lu}")


def _inside_a_sentence(prose: str, start: int) -> bool:
    """Whether a word of the same sentence stands before ``start`` on its
    line (not a line's start, a stop, a colon or an opening bracket or
    quote)."""
    before = _WORD_BEFORE.search(prose, max(0, start - 40), start)
    return before is not None and before.group(1)[:1].islower()


#: The word before a place, and the space after it.
_WORD_BEFORE = later_re(r"([^\W\d_]+)[ \t\u00a0]+\Z")
#: Words after which "that" opens a clause of their own ("make sure that
#: nobody has has reinstalled", "we know that it is is"), not a relative
#: clause whose object is the noun before it: no gap for a verb to close.
_CLAUSE_TAKERS = word_set(
    "sure ensure ensures know knows knew think thinks thought believe believes "
    "said says say mean means meant so such given assume check verify note "
    "noted clear possible likely true hope seems seemed show shows showed "
    "realize realise realized realised find found confirm confirmed expect "
    "expected is was are were"
)


#: Closed-class words: "The The" is a slip, "Duran Duran" a name.
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "our",
        "your",
        "their",
        "my",
        "his",
        "her",
        "we",
        "they",
        "he",
        "she",
        "you",
        "i",
        "if",
        "so",
        "not",
        "no",
    ]
)


def _function_word(word: str) -> bool:
    return word.casefold() in _FUNCTION_WORDS


#: Characters per piece of text searched for its repeated words.
CHUNK = 1 << 16
#: Where a piece may end when no line feed is near: after a character that
#: no repeat holds (a word character, ``'’-`` or a space between words) and
#: that no look-around of the scans needs to see beyond.
_CUT = later_re(r"[^\w'’\- \t\u00a0\u202f]")


def _chunks(text: str) -> Iterator[tuple[int, int]]:
    """Spans of ``text`` of about ``CHUNK`` characters, each ending after a
    line feed, or on a line longer than ``CHUNK`` after a character no repeat
    holds (or at the end).

    Each repeated word is looked for only in the pieces where it stands
    twice: over the whole text, every word doubled anywhere was a scan of
    all of it, and a longer text has more such words, so the cost grew with
    the square of its length (of one line's, when it has no line feed). A
    repeat never spans a line break or such a character, so cutting after
    one loses none.
    """
    lo, size = 0, len(text)
    while lo < size:
        start = min(lo + CHUNK, size - 1)
        cut = text.find("\n", start, start + CHUNK)
        if cut < 0:
            other = _CUT.search(text, start)
            cut = -1 if other is None else other.start()
        hi = size if cut < 0 else cut + 1
        yield lo, hi
        lo = hi


def _pieces(text: str) -> list[bytes]:
    """``text``'s UTF-8 bytes split into words, every non-word character but
    ``'’-`` a space and each line break a piece of its own (``\\0``)."""
    data = text.encode("utf-8", "surrogatepass").translate(_PIECES)
    if not text.isascii():
        for ch in wide_characters(text):
            if not (ch.isalnum() or ch == "’"):
                data = data.replace(ch.encode("utf-8", "surrogatepass"), b" ")
    return data.replace(b"\0", b" \0 ").split()


#: A chunk's span, the end of the line after it, and the words that stand
#: on both sides of a line break there.
_Broken = tuple[int, int, int, set[str]]


def _next_line_start(text: str, hi: int) -> int:
    """Where a chunk's look past its end stops: a little way into the next
    line when the chunk ends with a line feed (its first word may repeat the
    chunk's last), else at ``hi`` (a chunk cut inside a long line ends no
    line: reading on to that line's end, chunk after chunk, was quadratic)."""
    if not text.endswith("\n", 0, hi):
        return hi
    return min(len(text), hi + _NEXT_LINE_REACH)


#: How far into the next line a word repeated across a break is looked for.
_NEXT_LINE_REACH = 256


def _read_chunks(
    text: str, *, look_past: bool
) -> Iterator[tuple[int, int, int, set[str], set[str]]]:
    """Each chunk of ``text`` (``_chunks``), where its reading stops (a
    little way past it when ``look_past``: see ``_next_line_start``), and
    its :func:`neighbour_words` read up to there."""
    for lo, hi in _chunks(text):
        stop = _next_line_start(text, hi) if look_past else hi
        spaced, broken = neighbour_words(text[lo:stop])
        yield lo, hi, stop, spaced, broken


def neighbour_words(text: str) -> tuple[set[str], set[str]]:
    """The words of ``text`` that stand twice in a row separated by spaces
    only (a superset of the backreference scan's first groups), and the
    lower-case words that end a line and open the next one.

    Found in C from one split of the text into pieces: its UTF-8 bytes with
    every non-word character but ``'’-`` turned into a space and each line
    break into a piece of its own; each piece is compared with the next,
    and each line break's piece's neighbours with each other.
    """
    if "\r\n" in text:  # one break, not two pieces (two are a blank line)
        text = text.replace("\r\n", "\n")
    pieces = _pieces(text)
    twice = set(itertools.compress(pieces, map(operator.eq, pieces, pieces[1:])))
    size = len(pieces)
    breaks = list(
        itertools.compress(
            range(1, size - 1),
            map(operator.eq, itertools.islice(pieces, 1, None), _BREAK_PIECES),
        )
    )
    before = list(map(pieces.__getitem__, map(operator.sub, breaks, _ONES)))
    after = list(map(pieces.__getitem__, map(operator.add, breaks, _ONES)))
    broken = set(itertools.compress(before, map(operator.eq, before, after)))
    # A line break's piece stands twice at every blank line and is no word:
    # left out, a text with no word twice never compiles ``_WORD_SHAPE``.
    twice.discard(b"\0")
    broken.discard(b"\0")
    return _words(twice), {w for w in _words(broken) if w.islower()}


#: Endless streams for the comparisons in C above.
_BREAK_PIECES = itertools.repeat(b"\0")
_ONES = itertools.repeat(1)


def _words(pieces: Iterable[bytes]) -> set[str]:
    """The pieces that are words, decoded."""
    decoded = {piece.decode("utf-8", "surrogatepass") for piece in pieces}
    return {word for word in decoded if _WORD_SHAPE.fullmatch(word)}


def _repeat_at_break(
    prose: str, at: int, lo: int, stop: int, words: Set[str]
) -> list[tuple[int, int]] | None:
    """The spans of one of ``words`` ending the line that the line feed at
    ``at`` ends and opening the next, spaces aside; None when they differ."""
    before = _LAST_WORD.search(prose, max(lo, at - _WORD_REACH), at)
    if before is None or before.group(1) not in words:
        return None
    if before.start(1) > lo and _WORD_CHAR.match(prose, before.start(1) - 1):
        return None  # the tail of a longer word
    after = _FIRST_WORD.match(prose, at + 1, stop)
    if after is None or after.group(1) != before.group(1):
        return None
    return [before.span(1), after.span(1)]


def _breaks_between(
    prose: str, words: Set[str], lo: int, hi: int, stop: int
) -> list[int]:
    """The line feeds of ``prose[lo:hi]`` with one of ``words`` written on
    both sides of them (spaces aside), in text order: where
    :func:`_repeat_at_break` may find a repeat. Each word's pairs are found
    by a literal scan in C; reading back from every line feed of a long
    chunk, in Python, cost more than the rest of the rule on a docs tree."""
    found: set[int] = set()
    for word in words:
        pattern = _word_at_break(word)
        pos = lo
        while (pair := pattern.search(prose, pos, stop)) is not None:
            at = pair.start(1)
            if at >= hi:
                break
            found.add(at)
            pos = at + 1  # "the\nthe\nthe": the second break too
    return sorted(found)


@functools.lru_cache(maxsize=1024)
def _word_at_break(word: str) -> stdlib_re.Pattern[str]:
    """``word`` ending a line and opening the next (group 1: the line feed),
    as :func:`_repeat_at_break` confirms it, or more."""
    literal = stdlib_re.escape(word)
    return stdlib_re.compile(
        rf"{literal}[ \t\u00a0\u202f\r]*(\n)[ \t\u00a0\u202f]*{literal}(?![\w'’-])"
    )


#: The last word before a line feed (a CR and spaces aside), the first
#: after it, and how far back the first is read.
_LAST_WORD = later_re(r"([\w'’-]+)[ \t\u00a0\u202f\r]*\Z")
_FIRST_WORD = later_re(r"[ \t\u00a0\u202f]*([\w'’-]+)(?![\w'’-])")
_WORD_CHAR = later_re(r"[\w'’-]")
_WORD_REACH = 80


@functools.lru_cache(maxsize=4096)
def _word_runs(word: str) -> stdlib_re.Pattern[str]:
    """Runs of ``word`` repeated after spaces, as the backreference scan finds
    them. The word comes first and the look-behind after it, so the engine
    sees a literal prefix and its fast search skips to each occurrence."""
    literal = stdlib_re.escape(word)
    return stdlib_re.compile(
        rf"({literal})(?<!\w{literal})(?:[ \t\u00a0\u202f]++{literal}(?![\w'’-]))+"
    )
