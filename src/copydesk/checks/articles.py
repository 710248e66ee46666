"""``articles``: "a" where the next word's sound asks for "an", and the reverse.

English chooses its indefinite article by the sound that follows, not the
letter: "an hour", "a user", "a one-off", "an unusual". The slips this check
finds are real words, so no spell checker sees them ("a announcement", "an
user", "an new property"), and they are common in docs that were edited in
place (an adjective added or removed before the noun).

A pair is reported only where the reading is sure:

- the next word is common in the lexicon (``min-count``), holds a vowel
  and is written in lower case, or capitalised where the lexicon knows it
  as no name ("a Ingress resource", "a Object"; not an H, said aitch in a
  name: Herb): names, acronyms and coined terms are pronounced as their
  owners say them ("an nginx", "a UUID", "a Uber"); or it is an
  initialism of capitals with no vowel, spelled out by its letters' names
  ("an SSH key", "a PDF"; not one in H, aitch or haitch, nor the few said
  as words, ``words-said``: "a/an SQL"), or a U and capitals, said "you"
  ("a URL"; not a keyword that is a word: "an UPDATE statement"), or a
  vowel's capital and capitals with no vowel, which open with a vowel
  sound spelled out or said ("an OTP", "an EC2 instance");
- nothing but one space, or one line break and indentation, stands between
  the two words in the source: a word masked between them (inline code, an
  element's markup) or spaces laid out in a table mean another pairing;
- "a" and "an" are no letter, variable or name: "A" and "An" only open a
  sentence or a line ("Plan A", "Li An has"); not after ``/``, ``.``, ``-`` or an
  apostrophe (Latino/a), not after a determiner ("the an macro set"), and
  not before a function word ("a and b");
- the word's first sound is told by the rule's lists: words that begin with
  a vowel letter but a consonant sound (``consonant-sounds``: one, use, eu-),
  words that begin with a silent ``h`` (``vowel-sounds``: hour, honest), and
  words written either way (``either``: a/an historic). A word beginning
  ``un`` is the prefix, a vowel sound, when the rest is a word (unimpressive,
  unambiguous); otherwise the rule's lists decide (unit, union, unique).
  Words beginning with ``x`` are left alone (an x-ray, a xylophone).

"an" before a function word the rule lists (``and-before``: "an then",
"an the") is a slip of "and", which is suggested instead; before a noun or a
verb ("an use case", "open an close") "a" is offered, the likelier reading.
The fix is unsafe: it is evidence from one word, not a parse.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, Final

from copydesk import langtag, word_guards, wordlists
from copydesk.checks.base import Check, CheckTypeBase, LoadContext, Reach
from copydesk.document import Block, Document
from copydesk.errors import RuleError
from copydesk.lazy_patterns import later_re
from copydesk.model import Applicability, Edit, Finding, Fix, FixAvailability, RuleMeta
from copydesk.schema import Key

#: An article and the word after it, where their letters may disagree: "a"
#: before a vowel letter or an h, "an" before any letter but a and i (an
#: user, an one-off). Every other pair is skipped in C; the rest is judged
#: by sound (``_choices``). The article is not inside a token (a/b, a.m.,
#: Latino/a, pre-a) nor glued to code's marks (`` `a ``, an option; ``!a``,
#: a hotkey; ``$a``, a variable), its letter comes first and the
#: look-behind after it, so
#: the scan jumps to each "a"; the word is in lower case (names and acronyms
#: are said as their owners say them), group 3. Or, group 4, an initialism
#: after either article: two to six capitals, none a vowel, so it is spelled
#: out letter by letter ("an SSH key", "a PDF"), or a U and one to three
#: capitals, which opens with "you" unless it is a word in capitals ("a
#: URL", "a UEFA"; "an UPDATE statement" is the word; a longer one may be
#: said "un": "an UNCTAD report"), and no capital after it ("NFSv4" is
#: NFS, version 4); or a vowel's capital before one to four capitals
#: without a vowel (and a version's digits), which opens with a vowel sound
#: whether it is spelled out or said as a word ("an OTP", "an AWS
#: account", "an EC2 instance", "an ISP"); or a capital whose name and
#: sound are both a consonant's before capitals with vowels, which opens
#: with a consonant however it is said ("a CEL expression", "a JSON file",
#: "a TODO"; F, L, M, N, R, S and X are named with a vowel, so "SAML" may
#: take either). One scan for both: each reads
#: every "a" of the prose, 12 ms a megabyte. The word is read ahead, not
#: taken, so an article that is the word after another ("Appendix A / a
#: LLM") is read too.
#: Possessive, so a long run of spaces after an article is read once.
_GAP = r"(?:[ \t]++(?:\r?\n)?|\r?\n)[ \t]*+"
_INITIALS = (
    r"(?:[B-DF-HJ-NP-TV-Z]{2,6}|U[A-Z]{1,3}|[AEIO][B-DF-HJ-NP-TV-Z]{1,4}\d*"
    r"|[BCDGJKPQTVWYZ][A-Z]{1,5}(?![a-z]))(?![A-Z])"
)
_PAIR = later_re(
    r"([aA](?<![\w'’./\\`!$@%-][aA])(?:n(?="
    + _GAP
    + r"[b-hj-zB-HJ-Z])|(?="
    + _GAP
    + r"[aeiouhAEIOU])|n?(?="
    + _GAP
    + _INITIALS
    + r")))"
    r"(" + _GAP + r")(?=([a-z][\w'’-]*|[A-GI-Z][a-z][\w'’-]*)|(" + _INITIALS + r"))"
)
_VOWEL_LETTERS = frozenset("aeiou")
#: Capitals whose names begin with a vowel sound: ef, el, em, en, ar, es, ex.
#: H is said aitch or haitch, so an initialism in H is left alone.
_VOWEL_NAMED = frozenset("FLMNRSX")


class Articles(CheckTypeBase):
    """Flags "a" before a vowel sound and "an" before a consonant sound."""

    __slots__ = (
        "and_before",
        "consonant_sounds",
        "either",
        "meta",
        "min_count",
        "skip_words",
        "vowel_sounds",
        "words_said",
    )

    FIX: ClassVar[FixAvailability] = FixAvailability.UNSAFE
    #: A pair's verdict reads only the two words and the space between.
    REACH: ClassVar[Reach] = Reach.PARAGRAPH

    KEYS: ClassVar[Mapping[str, Key]] = {
        k.name: k
        for k in (
            Key("min-count", (int,)),
            Key("consonant-sounds", (list,), item_types=(str,)),
            Key("vowel-sounds", (list,), item_types=(str,)),
            Key("either", (list,), item_types=(str,)),
            Key("skip-words", (list,), item_types=(str,)),
            Key("and-before", (list,), item_types=(str,)),
            Key("words-said", (list,), item_types=(str,)),
        )
    }

    meta: Final[RuleMeta]
    min_count: Final[int]
    consonant_sounds: Final[tuple[str, ...]]
    vowel_sounds: Final[tuple[str, ...]]
    either: Final[tuple[str, ...]]
    skip_words: Final[frozenset[str]]
    and_before: Final[frozenset[str]]
    words_said: Final[frozenset[str]]

    def __init__(
        self,
        meta: RuleMeta,
        min_count: int,
        sounds: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]],
        skip_words: frozenset[str],
        and_before: frozenset[str],
        words_said: frozenset[str] = frozenset(),
    ) -> None:
        self.meta = meta
        self.min_count = min_count
        self.consonant_sounds, self.vowel_sounds, self.either = sounds
        self.skip_words = skip_words
        self.and_before = and_before
        self.words_said = words_said

    @classmethod
    def from_yaml(
        cls, meta: RuleMeta, data: Mapping[str, Any], _context: LoadContext
    ) -> Check:
        def words(key: str) -> tuple[str, ...]:
            found = tuple(str(w).casefold() for w in data.get(key, []))
            if any(not w.isalpha() for w in found):
                raise RuleError(meta.source, f"key '{key}': letters only")
            return found

        sounds = (words("consonant-sounds"), words("vowel-sounds"), words("either"))
        return cls(
            meta,
            int(data.get("min-count", 55)),
            sounds,
            frozenset(words("skip-words")),
            frozenset(words("and-before")),
            frozenset(words("words-said")),
        )

    def run(self, doc: Document) -> Iterator[Finding]:
        if langtag.primary(doc.language) != "en":
            return
        prose, text = doc.prose, doc.text
        lex = wordlists.lexicon("en")
        # This run's verdicts on paragraphs, by their start: asked only where
        # a pair would be reported.
        other: dict[Block | None, str | None] = {}
        for m in _PAIR.finditer(prose):
            if not _placed(m, prose, text):
                continue
            article, word, letters = m.group(1).casefold(), m.group(3), m.group(4)
            if word is not None:
                if _said_by_its_last_part(m.group(1), prose, m.end(2) + len(word)):
                    continue  # "an System.Management.Automation.ErrorRecord"
                noun_next = _LOWER_WORD_NEXT.match(prose, m.end(2) + len(word))
                choices = self._choices(
                    m.group(1),
                    word,
                    lex,
                    noun_next=bool(noun_next),
                    prose=prose,
                    at=m.start(1),
                )
            elif _VARIABLE_NEXT.match(prose, m.end(4)):
                choices = ()  # "a EQ b", "a AND b": letters of an expression
            else:
                wanted = self._initialism_article(letters)
                choices = (wanted,) if wanted and wanted != article else ()
            if choices and not _in_other_language(doc, m.start(1), other):
                yield self._finding(doc, m, choices)

    def _finding(
        self, doc: Document, m: re.Match[str], choices: tuple[str, ...]
    ) -> Finding:
        """The finding on the article of the pair ``m``, offering ``choices``
        cased as the article is."""
        article, word = m.group(1), m.group(3) or m.group(4)
        start, end = m.start(1), m.end(1)
        shown = _cased(choices, article)
        message = self.meta.format_message(
            article, word, " or ".join(f"'{c}'" for c in shown)
        )
        fix = Fix((Edit(start, end, shown[0]),), Applicability.UNSAFE)
        return self.meta.finding(doc, start, end, message, shown, fix)

    def _initialism_article(self, letters: str) -> str:
        """The article an initialism takes as it is spelled out ("an SSH":
        es; "a PDF": pee), or "" where that is not sure: an H (aitch or
        haitch), a Y after a capital (SYN is said "sin") or one said as a
        word (``words-said``: SQL, either way). One opening with a vowel's
        capital opens with a vowel sound however it is said ("an OTP"),
        unless it is a word in capitals, a keyword ("A EMPTY")."""
        if letters[0] == "H" or letters.casefold() in self.words_said:
            return ""
        if letters[0] in "AEIO":
            # ay, ee, eye, oh: OTP, EKS, ISP, or said as a word; but a word
            # in capitals is a keyword, as after U ("A EMPTY" in a DTD), and
            # so is a function word ("a OR b", "WHERE a IS NULL": the
            # article is a variable), though IT is the trade.
            lower = letters.lower()
            if lower in self.skip_words and lower != "it":
                return ""
            if len(letters) > 2 and wordlists.lexicon("en").is_word(lower):
                return ""
            return "an"
        if len(letters) > 2 and "Y" in letters[1:]:
            return ""
        if letters[0] == "U":
            # "you": a URL, a UI; but a keyword in capitals is a word said
            # as one ("an UPDATE statement", "an UNSEEN flag").
            return "" if wordlists.lexicon("en").is_word(letters.lower()) else "a"
        return "an" if letters[0] in _VOWEL_NAMED else "a"

    def _choices(
        self,
        written: str,
        word: str,
        lex: wordlists.Lexicon,
        *,
        noun_next: bool,
        prose: str,
        at: int,
    ) -> tuple[str, ...]:
        """The articles (or "and") to offer for the article ``written`` (as
        cased) at ``at`` before ``word`` (``noun_next``: a word in lower case
        follows it); none when the pair is right or the word's sound is not
        sure."""
        article = written.casefold()
        first, hyphen, _ = word.partition("-")
        folded = first.casefold()
        named = _name_article(written, first, noun_next=noun_next)
        if named == "an" and folded.startswith(self.consonant_sounds):
            named = "a"  # "a **Once** job trigger": a name said as the word is
        if named is not None and not _inside_name(prose, at):
            return () if named == article else (named,)
        if first[0].isupper() and (folded in lex.names or not first[1:].islower()):
            return ()  # a name, said as its owners say it (Apple, Uber, OpenShift)
        if article == "an" and folded in self.and_before and not hyphen:
            return ("and",)  # "came an then left": the slip is of "and"
        if (
            len(folded) < 2
            or not folded.isalpha()
            or folded[0] == "x"
            or not any(c in "aeiouy" for c in folded)
            or (folded in self.skip_words and not hyphen)
            or folded.startswith(self.either)
        ):
            return ()
        vowel = self._vowel_sound(folded, lex)
        wanted = "an" if vowel else "a"
        # The lexicon last: asked only of the few pairs that disagree. A rare
        # word made of un- and a common one ("a uncompensated burden") is
        # as sure as the common word.
        if wanted == article or (
            lex.count(folded) < self.min_count
            and not (
                _un_prefixed(folded, lex) and lex.count(folded[2:]) >= self.min_count
            )
        ):
            return ()
        return (wanted,)

    def _vowel_sound(self, folded: str, lex: wordlists.Lexicon) -> bool:
        """Whether ``folded`` (a common word) begins with a vowel sound."""
        if folded.startswith(self.vowel_sounds):
            return True  # hour, honest: a silent h
        if folded[0] not in _VOWEL_LETTERS:
            return False
        if _un_prefixed(folded, lex):
            return True  # un- before a word: unimpressive, unambiguous
        return not folded.startswith(self.consonant_sounds)


def _un_prefixed(folded: str, lex: wordlists.Lexicon) -> bool:
    """Whether ``folded`` is the prefix un- before a word (unimpressive,
    unambiguous), which opens with a vowel sound: not "union" and its
    family, said "yoon" (a unionized workforce)."""
    return (
        folded.startswith("un")
        and not folded.startswith("union")
        and len(folded) >= 7
        and lex.knows(folded[2:])
    )


#: The rest of a qualified name after its first part, to its last part:
#: dots and capitalised parts (``.Management.Automation.ErrorRecord``;
#: not a name's suffix, "an node.js module").
_QUALIFIED_REST = later_re(r"(?:\.[A-Z]\w*)*\.([A-Z])\w*")


def _said_by_its_last_part(article: str, prose: str, end: int) -> bool:
    """Whether the word before ``end`` begins a qualified name whose last
    part the article fits ("an System.Management.Automation.ErrorRecord":
    a writer says such a name by its last part, "an ErrorRecord"); "an
    System.IO.File" fits neither end and is still read."""
    rest = _QUALIFIED_REST.match(prose, end)
    if rest is None:
        return False
    vowel = rest.group(1) in "AEIO"
    return (article.casefold() == "an") == vowel


#: One lower-case letter standing alone after an initialism, or a
#: variable's sigil: the article was a letter too, an operand ("a EQ b",
#: "a NE $b"); not an expansion in brackets ("a MVP (Minimally ...)").
_VARIABLE_NEXT = later_re(r"[ \t]+(?:[a-z](?![\w'’.-])|[$@]\w)")
#: A word in lower case after the one an article stands before.
_LOWER_WORD_NEXT = later_re(r"[ \t]+[a-z]")
#: Capitals a name may begin with and still be said with that consonant
#: before a vowel letter: not H (silent in some), X (ex- or zee-) nor Y
#: (Yves is "eev").
_SAID_CONSONANTS = frozenset("BCDFGJKLMNPQRSTVWZ")
#: A name's first two letters read as a vowel sound whoever says it ("an
#: Apple", "an Intel chip", "an Oracle database"); not "Eu" (Europe),
#: "Ew" (Ewok), "O" before a vowel (Ouija, Oaxaca) or "One" (OnePlus).
_VOWEL_NAME = later_re(r"(?:A|I|E(?![uw])|O(?![aeiouy]|ne))[a-z]")


#: A capitalised word before an article, on its line.
_CAPITAL_BEFORE = later_re(r"(?<![\w'’-])([A-Z][\w'’-]*)[ \t]+\Z")


def _inside_name(prose: str, at: int) -> bool:
    """Whether the article at ``at`` follows a capitalised word that does
    not open its sentence: the article is then a name's own ("Beinn an
    Lochain", German "Alle an Bord"), not English's."""
    before = _CAPITAL_BEFORE.search(prose, max(0, at - 40), at)
    return before is not None and not _sentence_start(prose, before.start(1))


def _name_article(article: str, first: str, *, noun_next: bool) -> str | None:
    """The article a word its owners spell as a name (``first``) takes where
    its first sound is sure, or None: a consonant before a vowel letter
    ("a Microsoft laptop", "a Linux box"), or a vowel sound before the noun
    it names a kind of (``noun_next``: "an Android phone", "an iPhone
    app", "an eBay listing"; "visita a Estados Unidos" is Spanish). Names
    before a word in lower case after a capital "An", which may be a name's
    own (Irish "An Bord Pleanála"): "An Lua object" is English's."""
    if len(first) < 3 or not first.isalpha():
        return None
    if article[0].isupper() and not noun_next:
        return None  # "An Bord Pleanála": a name's own "An"
    if first[0] in "aeio" and first[1].isupper():
        return "an"  # iPhone, eBay, iOS: the vowel said as it is written
    if article == "a" and not noun_next:
        return None
    if not first[0].isupper() or not first[1:].islower():
        return None
    if first[0] in _SAID_CONSONANTS and first[1] in _VOWEL_LETTERS:
        return "a"
    return "an" if _VOWEL_NAME.match(first) else None


def _cased(choices: tuple[str, ...], article: str) -> tuple[str, ...]:
    """``choices`` capitalised as ``article`` is (An, A, And)."""
    return tuple(c.capitalize() for c in choices) if article[0].isupper() else choices


def _placed(m: re.Match[str], prose: str, text: str) -> bool:
    """Whether the article and word of ``m`` stand as a pair: one space or
    one line break between them in the source too (not masked code or a
    table's layout), the marks that open a link or emphasis after it
    ("an [CEL expression](#cel)", "a *very* …") read as the space they
    are in the prose, "A" or "An" opening a sentence or a line ("Plan A" and
    "Li An has" are a letter and a name), and no determiner before the
    article ("the an macro set": a name, not a second article)."""
    article = m.group(1)
    source = text[m.end(1) : m.end(2)]
    space = source.rstrip(_OPENING_MARKS)
    if len(source) - len(space) > _MOST_OPENING_MARKS or not _one_space(space):
        return False
    if article[0] == "A" and not _sentence_start(prose, m.start(1)):
        return False
    return not _after_determiner(prose, m.start(1))


#: Marks that open a Markdown link or emphasis, masked as spaces in the
#: prose: at most three of them between an article and its word ("a
#: ***bold***", "an [*x*](…)").
_OPENING_MARKS = "[*_"
_MOST_OPENING_MARKS = 3


def _one_space(gap: str) -> bool:
    """One space, or one line break with the line's indentation around it."""
    return gap == " " or (
        gap.count("\n") == 1
        and gap.replace(" ", "").replace("\t", "").replace("\r", "") == "\n"
    )


#: Words no article follows: after them "a" or "an" is a name or a letter
#: ("that" and "her" are left out: "so that an hour", "give her an hour").
_DETERMINERS = frozenset(
    {"the", "a", "an", "this", "these", "those", "my", "your", "his", "its",
     "our", "their", "some", "any", "each", "every", "no"}
)  # fmt: skip
#: The word before an article, on its line or ending the line before
#: ("without the\nA option").
_WORD_BEFORE = later_re(r"(\w+)(?:[ \t]+|[ \t]*\r?\n[ \t]*)\Z")


def _after_determiner(prose: str, pos: int) -> bool:
    """Whether the word right before ``pos`` is a determiner ("the an macro
    set", "this a"): an article never follows one."""
    before = _WORD_BEFORE.search(prose, max(0, pos - 20), pos)
    if before is None or before.group(1).casefold() not in _DETERMINERS:
        return False
    # Across a line break, a capital is a label's letter ("Appendix A\na LLM").
    return "\n" not in before.group() or before.group(1).islower()


def _sentence_start(prose: str, pos: int) -> bool:
    """Whether ``pos`` opens a sentence, a line or the text (spaces and
    opening marks passed over): where "A" is an article, not a letter."""
    i = pos - 1
    while i >= 0 and prose[i] in " \t\"'“‘(":
        i -= 1
    return i < 0 or prose[i] in ".!?:\n"


def _in_other_language(
    doc: Document, start: int, other: dict[Block | None, str | None]
) -> bool:
    """Whether the paragraph holding ``start`` is in another language than
    English: "viajar a este evento" in a Spanish post of an English blog."""
    block = doc.block_at(start)
    return block is not None and word_guards.in_other_language(doc, block, "en", other)
