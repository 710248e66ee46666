"""Where an unknown word is not a misspelling: the guards of the lexicon checks.

A spelling checker that flags ``namespace``, ``getUserName``, ``config.yaml``,
``--dry-run``, ``NATO``, ``Peskov`` or a French sentence is switched off by
the first docs repository it meets. Each guard here answers one question
about one word in its document, cheaply, from the prose view and the text:

- ``code_like``: the word is part of an identifier, path, file name, flag,
  URL, address or a token with digits (``5km``, ``v2``);
- ``sentence_initial``: the word starts a sentence, heading or list item,
  where a capital says nothing about being a name;
- ``cited``: the word is cited as a word (``"gonna"``, ``*Schadenfreude*``);
- ``foreign_blocks``: paragraphs whose function words are not English.
"""

from __future__ import annotations

import collections
import unicodedata
from collections.abc import Iterable, Iterator, Sequence

import regex

from copydesk.document import Analysis, Block, Document


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Letters with inner apostrophes (``wasn't``, ``O’Brien``); hyphens split.
WORD = regex.compile(r"\p{L}[\p{L}\p{M}]*(?:['’]\p{L}[\p{L}\p{M}]*)*")
#: A run of text with no white space: the token a word sits in.
_CHUNK_STOP = frozenset(" \t\r\n\u00a0\u2060")
#: Characters that make a token code, a path or an address rather than prose.
_CODE_MARKS = frozenset("_/\\=<>{}[]`#$%@|~^*+")
_FILLER = "\u2060"
_OPENERS = "\"'“‘«„‚([{*_"
_SENTENCE_END = ".!?:…•"
#: A full stop after these is an abbreviation, not a sentence end.
_ABBREVIATIONS = _words(
    "mr mrs ms dr st jr sr messrs mme v vs no gen sen rep gov col lt sgt capt "
    "prof rev hon mt ft etc e.g i.e cf al fig ch sec art op vol pp"
)
_QUOTES = "\"'“”‘’«»„‚*_"


#: Function words by language, for telling a paragraph's language cheaply.
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "the and of to is in that for with on was are it as by this be at "
        "from or not have an has were which will their"
    ),
    "de": _words(
        "der die das und ist nicht ein eine zu mit sich auf für dem den von "
        "im des auch sie es wir ich wird sind werden nach bei"
    ),
    "fr": _words(
        "le la les et est des une un du que pour dans pas au sur qui avec "
        "ce il elle sont aux ont été"
    ),
    "es": _words(
        "el los las y en del por con una que para es se lo su al como más "
        "pero sus le ha"
    ),
}


class WordCounts(Analysis["collections.Counter[str]"]):
    """How often each word of the prose occurs, as written.

    The lexicon checks read the distinct words, not every token: a document
    of 10,000 words has a few thousand distinct ones and a handful unknown.
    """

    @classmethod
    def compute(cls, doc: Document) -> collections.Counter[str]:
        return collections.Counter(WORD.findall(doc.prose))


def occurrences(prose: str, word: str) -> Iterator[int]:
    """Where ``word`` (a ``WORD`` token) stands as a whole token in ``prose``."""
    start = prose.find(word)
    end_of = len(word)
    while start != -1:
        end = start + end_of
        if not _joins(prose, start - 1, -1) and not _joins(prose, end, 1):
            yield start
        start = prose.find(word, start + 1)


def _joins(prose: str, pos: int, step: int) -> bool:
    """The character at ``pos`` continues the token (a letter, a mark, or an
    apostrophe with a letter beyond it)."""
    if not 0 <= pos < len(prose):
        return False
    ch = prose[pos]
    if ch.isalpha() or unicodedata.combining(ch):
        return True
    beyond = pos + step
    return ch in "'’" and 0 <= beyond < len(prose) and prose[beyond].isalpha()


def neighbours(prose: str, start: int, end: int) -> list[str]:
    """The words just before and after ``prose[start:end]``, if any."""
    before = WORD.findall(prose, max(0, start - 40), start)
    after = WORD.search(prose, end, min(len(prose), end + 40))
    return before[-1:] + ([after.group()] if after else [])


def chunk(text: str, start: int, end: int) -> tuple[int, int]:
    """The white-space-delimited token around ``text[start:end]``."""
    lo = start
    while lo > 0 and text[lo - 1] not in _CHUNK_STOP:
        lo -= 1
    hi = end
    n = len(text)
    while hi < n and text[hi] not in _CHUNK_STOP:
        hi += 1
    return lo, hi


def code_like(doc: Document, start: int, end: int) -> bool:
    """The word is part of code, a path, a file name, a flag or an address.

    Judged on the source token, not the prose view: a reader may have masked
    half of ``config.yaml`` (a link target) and left the other half.
    """
    if inner_capital(doc.text[start:end]):
        return True
    lo, hi = chunk(doc.text, start, end)
    token = doc.text[lo:hi].strip(".,;:!?\"'“”‘’()«»")
    if any(c in _CODE_MARKS or c.isdigit() for c in token):
        return True
    if token.startswith("-") or "::" in token or "://" in token:
        return True
    # dotted.names and file.ext: a dot between letters inside the token.
    inner = token.rstrip(".")
    dot = inner.find(".")
    while dot != -1:
        if (
            0 < dot < len(inner) - 1
            and inner[dot - 1].isalpha()
            and inner[dot + 1].isalnum()
        ):
            return not _abbreviation(inner)
        dot = inner.find(".", dot + 1)
    return False


def lone_cell(text: str, start: int, end: int) -> bool:
    """The word fills a table cell alone (``| jpomfret |``): a value, a
    handle or a key, not a sentence."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    line = text[lo : len(text) if hi == -1 else hi]
    left = line.rfind("|", 0, start - lo)
    right = line.find("|", end - lo)
    if left == -1 or right == -1:
        return False
    return line[left + 1 : right].strip() == text[start:end]


def combining_form(text: str, end: int) -> bool:
    """A hyphen follows the word: ``physico-chemical``, ``socio-economic``."""
    return end < len(text) and text[end] == "-"


def hyphened(text: str, start: int, end: int) -> bool:
    """The word is a part of a hyphenated word (``socio-``, ``Suk-yeol``)."""
    return (start > 0 and text[start - 1] == "-") or combining_form(text, end)


def unaccented(word: str) -> str:
    """``décor`` → ``decor``: lists often drop the accents of loanwords."""
    if word.isascii():
        return word
    return "".join(
        c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)
    )


def inner_capital(word: str) -> bool:
    """A capital after the first letter: camelCase, ALLCAPS, McName."""
    return not word[1:].islower() and any(c.isupper() for c in word[1:])


def _abbreviation(token: str) -> bool:
    """``e.g``, ``U.S``, ``i.e``: single letters between dots."""
    return all(len(part) <= 1 for part in token.split("."))


def sentence_initial(doc: Document, start: int, block: Block | None) -> bool:
    """Nothing but openers between ``start`` and a sentence end or block start."""
    floor = block.start if block is not None else 0
    prose = doc.prose
    pos = start - 1
    while pos >= floor and (prose[pos] in _OPENERS or prose[pos] == _FILLER):
        pos -= 1
    if pos < floor:
        return True
    if not prose[pos].isspace():
        return False
    while pos >= floor and (prose[pos].isspace() or prose[pos] in _OPENERS):
        pos -= 1
    if pos < floor:
        return True
    ch = prose[pos]
    if ch == ".":
        return not _abbreviated(prose, pos, floor)
    if ch in _SENTENCE_END or ch in '”’")':
        return ch in _SENTENCE_END or (pos > floor and prose[pos - 1] in ".!?")
    # A list marker or a line of its own (plain-text headings and bullets).
    return ch == "\n" or (ch in "-*+" and (pos == floor or prose[pos - 1] == "\n"))


def _abbreviated(prose: str, dot: int, floor: int) -> bool:
    """The full stop at ``dot`` ends an initial (``B.``) or an abbreviation."""
    lo = dot
    while lo > floor and (prose[lo - 1].isalpha() or prose[lo - 1] == "."):
        lo -= 1
    before = prose[lo:dot]
    return len(before) == 1 or before.casefold() in _ABBREVIATIONS


def sic(text: str, end: int) -> bool:
    """``[sic]`` follows the word: the writer quotes a source's spelling."""
    return text[end : end + 7].lstrip().casefold().startswith("[sic]")


def cited(text: str, start: int, end: int) -> bool:
    """The word alone between quote or emphasis marks: cited, not used."""
    if start == 0 or end >= len(text):
        return False
    before, after = text[start - 1], text[end]
    return before in _QUOTES and after in _QUOTES and before not in "’"


def language_of(words: Iterable[str]) -> str | None:
    """The language whose function words a paragraph uses most, if any."""
    tally = dict.fromkeys(_FUNCTION_WORDS, 0)
    for word in words:
        folded = word.casefold()
        for lang, table in _FUNCTION_WORDS.items():
            if folded in table:
                tally[lang] += 1
    lang, hits = max(tally.items(), key=lambda item: item[1])
    return lang if hits >= 2 else None


def foreign_blocks(
    doc: Document, blocks: Sequence[Block], language: str
) -> list[tuple[int, int]]:
    """Spans of blocks written in another language than ``language``."""
    spans: list[tuple[int, int]] = []
    for block in blocks:
        words = WORD.findall(doc.prose, block.start, block.end)
        found = language_of(words)
        if found is not None and found != language:
            spans.append((block.start, block.end))
    return spans
