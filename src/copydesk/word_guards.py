"""Where an unknown word is not a misspelling: the guards of the lexicon checks.

A spelling checker that flags ``namespace``, ``getUserName``, ``config.yaml``,
``--dry-run``, ``NATO``, ``Peskov`` or a French sentence is switched off by
the first docs repository it meets. Each guard here answers one question
about one word in its document, cheaply, from the prose view and the text:

- ``code_like``: the word is part of an identifier, path, file name, flag,
  URL, address or a token with digits (``5km``, ``v2``);
- ``sentence_initial``: the word starts a sentence, heading or list item,
  where a capital says nothing about being a name;
- ``cited``: the word is cited as a word (``"gonna"``, ``*Schadenfreude*``).

Whether a paragraph, or an element declared so, is in another language is
:mod:`copydesk.doclang`'s question.
"""

from __future__ import annotations

import collections
import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from copydesk import regex_programs, text_pieces
from copydesk.document import Analysis, Block, BlockIndex, Document, LoweredProse
from copydesk.lazy_patterns import later_re, later_regex
from copydesk.lines import line_around, line_end, line_start
from copydesk.markup.bare_links import link_spans
from copydesk.wide_chars import wide_characters
from copydesk.wordsets import word_set

if TYPE_CHECKING:  # ``regex`` is imported to compile only (``regex_programs``)
    import regex


#: Letters with inner apostrophes (``wasn't``, ``O’Brien``); hyphens split.
WORD = later_regex(r"\p{L}[\p{L}\p{M}]*(?:['’]\p{L}[\p{L}\p{M}]*)*")
_WORD_CHAR = later_regex(r"[\p{L}\p{M}]")
#: A run of text with no white space: the token a word sits in.
_CHUNK_STOP = frozenset(" \t\r\n\u00a0\u2060")
#: Characters that make a token code, a path or an address rather than prose.
_CODE_MARKS = frozenset("_/\\=<>{}[]`#$%@|~^*+")
_FILLER = "\u2060"
_OPENERS = "\"'“‘«„‚([{*_"
_SENTENCE_END = ".!?:…•"
#: A full stop after these is an abbreviation, not a sentence end.
_ABBREVIATIONS = word_set(
    "mr mrs ms dr st jr sr messrs mme v vs no gen sen rep gov col lt sgt capt "
    "prof rev hon mt ft etc e.g i.e cf al fig ch sec art op vol pp"
)
_QUOTES = "\"'“”‘’«»„‚*_"


#: Function words by language, for telling a paragraph's language cheaply.
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": word_set(
        "the and of to is in that for with on was are it as by this be at "
        "from or not have an has were which will their"
    ),
    "de": word_set(
        "der die das und ist nicht ein eine zu mit sich auf für dem den von "
        "im des auch sie es wir ich wird sind werden nach bei"
    ),
    "fr": word_set(
        "le la les et est des une un du que pour dans pas au sur qui avec "
        "ce il elle sont aux ont été"
    ),
    "es": word_set(
        "el los las y en del por con una que para es se lo su al como más "
        "pero sus le ha unos unas este esta estos estas muy también desde "
        "hasta porque donde cuando"
    ),
}


class WordCounts(Analysis[collections.Counter[str]]):
    """How often each word of the prose occurs, as written.

    The lexicon checks read the distinct words, not every token: a document
    of 10,000 words has a few thousand distinct ones and a handful unknown.
    """

    @classmethod
    def compute(cls, doc: Document) -> collections.Counter[str]:
        from copydesk.word_pattern import word_counts

        return word_counts(doc.prose)


def uses_by_form(
    forms: Iterable[str], counts: Mapping[str, int], wanted: Collection[str]
) -> collections.Counter[str]:
    """How often each form in ``wanted`` occurs, whichever of its spellings
    the document writes: ``forms`` is each word of ``counts`` (``WordCounts``)
    in its folded form, in order. Asked of the few words a check has left
    (unknown, rare), so every other word is only tested for membership."""
    uses: collections.Counter[str] = collections.Counter()
    if wanted:
        for form, n in zip(forms, counts.values(), strict=True):
            if form in wanted:
                uses[form] += n
    return uses


#: ``WORD`` with its match captured: a ``split`` alternates the text between
#: words with the words, every one found and cut out in C.
_WORD_SPLIT = later_regex(f"({WORD.pattern})")


#: Fewer new words than this are searched one by one: a substring search of
#: the prose runs at C speed. Measured with the places pass as it is now
#: (one split per piece, starts summed in C), one pass costs as much as 103
#: words searched on the 8 MB news file (0.38 s, 3.7 ms a word) and 77 on
#: the 17 MB Markdown file (0.49 s, 6.4 ms a word); their 3,168 and 34
#: suspects lie far on either side.
FEW_WORDS = 100


class Places:
    """The whole-token places of the words asked for (see ``occurrences``),
    found with one tokenising pass over the prose per batch of new words
    (a batch of fewer than ``FEW_WORDS`` is searched word by word), so the
    cost is bounded by a few passes whatever the number of suspects.

    A pass keeps positions only for the words asked, so what it holds grows
    with the suspects, not the text. A word's places are exactly those of
    ``occurrences``: the pass finds the ``WORD`` tokens that are the word,
    and a word standing whole inside a longer token (after a spacing mark of
    an Indic script, say, which ``WORD`` takes into a token but which joins
    no word for ``occurrences``) is looked for inside such tokens only.
    """

    __slots__ = ("_counts", "_found", "_plain", "_prose")

    def __init__(self, prose: str, counts: Mapping[str, int] | None = None) -> None:
        """``counts``: the prose's ``WordCounts``, if known, which bound the
        places of a word searched alone and tell the words never written."""
        self._prose = prose
        self._counts = counts
        self._found: dict[str, list[int]] = {}
        self._plain: bool | None = None  # no odd character: told when asked

    def of(self, words: Iterable[str]) -> Mapping[str, Sequence[int]]:
        """The places of each of ``words`` (``WORD`` tokens), in text order;
        a word absent from the prose has none."""
        wanted = set(words)
        new = wanted.difference(self._found)
        if new and self._counts is not None:
            # In a prose without odd characters every whole place is a
            # counted token: an uncounted word has none, unsearched (the
            # names' lower-case forms that ``variants`` asks about).
            absent = new.difference(self._counts)
            if absent and self._without_odd_characters():
                self._found.update({word: [] for word in absent})
                new -= absent
        if new and len(new) >= FEW_WORDS:
            self._search(new)
        elif (
            len(new) > 1
            and len(new) * len(self._prose) >= _ONE_SCAN_FROM
            and self._without_odd_characters()
        ):
            self._found.update(_alternation_search(self._prose, new))
        else:
            for word in new:
                self._found[word] = self._searched(word)
        return {w: self._found[w] for w in wanted}

    def _searched(self, word: str) -> list[int]:
        """The places of ``word`` by a search of the prose, which stops at
        the last one where that is known: in a prose without odd characters
        every whole place of a token is one of its ``WordCounts``, and the
        words asked are rare (most stand once), so a search read half the
        prose or more after the last (the 17 MB Markdown file's 90 words
        searched alone: the longest part of its spelling checks)."""
        found = occurrences(self._prose, word)
        known = None if self._counts is None else self._counts.get(word)
        if known is None or not self._without_odd_characters():
            return list(found)
        return list(itertools.islice(found, known))

    def _without_odd_characters(self) -> bool:
        """Whether no character of the prose hides a word inside a token
        (see ``_odd_pattern``)."""
        if self._plain is None:
            prose = self._prose
            odd = None if prose.isascii() else _odd_pattern(prose)
            self._plain = odd is None or odd.search(prose) is None
        return self._plain

    def _search(self, words: set[str]) -> None:
        found: dict[str, list[int]] = {w: [] for w in words}
        prose = self._prose
        # Where the rare characters that hide a whole word inside a token
        # stand, in order, with a sentinel: one comparison per token.
        odd = None if prose.isascii() else _odd_pattern(prose)
        spots = [m.start() for m in odd.finditer(prose)] if odd else []
        if not spots:
            self._found.update(_split_search(prose, found))
            return
        spots.append(len(prose))
        spot = 0
        for match in WORD.finditer(prose):
            start, end = match.span()
            places = found.get(match.group())
            if places is not None and _whole(prose, start, end):
                places.append(start)
            while spots[spot] < start:
                spot += 1
            if spots[spot] < end:
                for inner, inner_end in _inner_spans(prose, start, end):
                    places = found.get(prose[inner:inner_end])
                    if places is not None:
                        places.append(inner)
        if len(spots) > 1:
            for places in found.values():
                places.sort()
        self._found.update(found)


#: Characters of prose times new words from which the words are found by
#: one scan for all of them (``_alternation_search``) rather than one
#: search each: on the 17 MB Markdown file, 45 brand names took 0.34 s one
#: by one and 0.03 s in one scan, whose pattern costs a millisecond or two
#: to compile, more than a short page's searches.
_ONE_SCAN_FROM = 20_000_000


def _alternation_search(prose: str, words: Iterable[str]) -> dict[str, list[int]]:
    """The places of each of ``words`` that ``occurrences`` gives, by one
    scan for all of them, the longest first at each place, in a prose with
    no odd character (``_odd_pattern``). There a word that a longer one
    begins is not whole where that one stands (the longer one's next
    character joins it), nor is one that starts inside another's match (a
    character that joins comes before it), so the places are the same."""
    found: dict[str, list[int]] = {word: [] for word in words}
    ordered = sorted(found, key=len, reverse=True)
    for start, word in _alternatives_at(prose, ordered):
        if _whole(prose, start, start + len(word)):
            found[word].append(start)
    return found


def _alternatives_at(prose: str, ordered: Sequence[str]) -> list[tuple[int, str]]:
    """(start, word) of each match of ``ordered`` (``WORD`` tokens) as
    alternatives tried in that order, scanned left to right without overlap.

    RE2 scans the prose's UTF-8 in a time linear in its length, however
    many words; the standard module tries every alternative at each place
    where one could start (23 lower-case words over the 17 MB Markdown
    file: 0.24 s, against 0.03 s with its encoding). The prose is encoded a
    piece at a time, each ending after a space, which no word holds: its
    whole UTF-8 beside it was the peak of the file's run. A piece RE2
    cannot read (a lone surrogate) is scanned by the standard module: the
    same matches, as both take the first alternative that matches."""
    from copydesk.re2_superset import compile_scanner  # large texts only
    from copydesk.utf8_count import char_offsets, utf8_or_none

    pattern = "|".join(map(re.escape, ordered))
    scanner = compile_scanner(pattern, ignorecase=False, max_program=None)
    by_bytes = {word.encode("utf-8"): word for word in ordered}
    found: list[tuple[int, str]] = []
    for lo, hi in text_pieces.spaced_pieces(prose):
        piece = prose[lo:hi]
        data = None if scanner is None else utf8_or_none(piece)
        if scanner is None or data is None:
            found.extend(
                (lo + m.start(), m.group()) for m in re.finditer(pattern, piece)
            )
            continue
        matches = [(m.start(), by_bytes[m.group()]) for m in scanner.finditer(data)]
        starts = [start for start, _ in matches]
        if len(data) != len(piece):  # not ASCII: byte offsets to characters
            starts = char_offsets(data, starts)
        found.extend(
            (lo + start, word) for start, (_, word) in zip(starts, matches, strict=True)
        )
    return found


class WordPlaces(Analysis[Places]):
    """Where the prose's words stand as whole tokens, found for many at once.

    The lexicon checks look up a few thousand suspect words in a document of
    a million; searching the prose once per suspect made their cost the
    product of the two. See ``Places``.
    """

    @classmethod
    def compute(cls, doc: Document) -> Places:
        return Places(doc.prose, doc.get(WordCounts))


def _split_search(prose: str, found: dict[str, list[int]]) -> dict[str, list[int]]:
    """``found`` with the whole-token places of its words added, in a prose
    with no odd character: the tokens of each piece cut out by a capturing
    ``split``, their starts running sums of the parts' lengths, and the
    tokens asked for picked out by ``compress``, all in C. A ``finditer``
    loop made a match object and ran Python code per token (1.3 s of the
    8 MB news benchmark's 8 under cProfile)."""
    from copydesk.word_pattern import word_pattern

    for lo, hi in text_pieces.spaced_pieces(prose):
        piece = prose[lo:hi]
        parts = word_pattern(piece, capture=True).split(piece)
        tokens = parts[1::2]
        # A token's start is the length of the parts before it, summed in C
        # from the previous token asked for: the asked are few, and a
        # running sum over every part made an int per part.
        start, done = lo, 0
        for i in itertools.compress(
            range(len(tokens)), map(found.__contains__, tokens)
        ):
            at = 2 * i + 1  # the token's index among the parts
            start += sum(map(len, parts[done:at]))
            done = at
            token = parts[at]
            if _whole(prose, start, start + len(token)):
                found[token].append(start)
    return found


def _odd_pattern(prose: str) -> regex.Pattern[str] | None:
    """Characters of ``prose`` that ``WORD`` keeps in a token but that join no
    word (marks of combining class 0, letters of a newer Unicode than
    Python's), or a mark before an apostrophe (``_joins`` wants a letter)."""
    odd: list[str] = []
    marks = False
    for ch in wide_characters(prose):
        if not _WORD_CHAR.match(ch):
            continue
        marks = marks or not ch.isalpha()
        if not (ch.isalpha() or unicodedata.combining(ch)):
            odd.append(ch)
    alternatives = [f"[{regex_programs.escape(''.join(sorted(odd)))}]"] if odd else []
    if marks:
        alternatives.append(r"\p{M}['’]")
    return regex_programs.compiled("|".join(alternatives)) if alternatives else None


def _inner_spans(prose: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Spans inside the token ``prose[start:end]``, other than the token,
    that stand whole for ``occurrences`` (rare: see ``_odd_pattern``)."""
    starts = [start] + [
        i for i in range(start + 1, end) if not _joins(prose, i - 1, -1)
    ]
    ends = [j for j in range(start + 1, end) if not _joins(prose, j, 1)] + [end]
    for lo in starts:
        for hi in ends:
            if lo < hi and (lo, hi) != (start, end) and _whole(prose, lo, hi):
                yield lo, hi


def _whole(prose: str, start: int, end: int) -> bool:
    """Nothing joins ``prose[start:end]`` on either side."""
    return not _joins(prose, start - 1, -1) and not _joins(prose, end, 1)


def occurrences(prose: str, word: str) -> Iterator[int]:
    """Where ``word`` (a ``WORD`` token) stands as a whole token in ``prose``.

    The rule ``Places`` keeps; one search of the prose per word, so for a
    few words only (``Places`` batches the rest).
    """
    start = prose.find(word)
    end_of = len(word)
    while start != -1:
        if _whole(prose, start, start + end_of):
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
    if inner_capital(doc.text[start:end]) or in_call(doc.text, start, end):
        return True
    lo, hi = _unemphasised(
        doc,
        *_link_text(
            doc, *_untagged(doc, *chunk(doc.text, start, end), start, end), start, end
        ),
        start,
        end,
    )
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


def placeholder(prose: str, start: int, end: int) -> bool:
    """The word fills angle brackets, a placeholder for a value the reader
    supplies ("mvn:<groupid>:<artifactid>", "copy <srcfile> there"): the
    brackets may be a page's escaped ``&lt;`` and ``&gt;``, which the prose
    view writes as the marks and fillers."""
    lo, hi = _past_fillers(prose, start, end)
    return lo > 0 and prose[lo - 1] == "<" and prose[hi : hi + 1] == ">"


def _past_fillers(prose: str, start: int, end: int) -> tuple[int, int]:
    """``start`` and ``end`` moved out past the fillers beside them, where
    the prose view writes a character reference's rest."""
    lo = start
    while lo > 0 and prose[lo - 1] == _FILLER:
        lo -= 1
    hi = end
    while hi < len(prose) and prose[hi] == _FILLER:
        hi += 1
    return lo, hi


def broken_by_reference(prose: str, start: int, end: int) -> bool:
    """The word is a piece of a longer one that a character reference splits
    in the source ("J&auml;nicke's" reads "Jä", fillers, "nicke's"): the
    prose view writes the reference as its character then fillers, which no
    word runs through, so each piece looks like a word of its own."""
    lo, hi = _past_fillers(prose, start, end)
    return (lo < start and lo > 0 and prose[lo - 1].isalpha()) or (
        hi > end and hi < len(prose) and prose[hi].isalpha()
    )


#: A long option after a word: " --cache-only", " --dry-run=".
_OPTION_AFTER = later_re(r"[ \t]+--[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?=[\s=,.;:)]|\Z)")


def before_option(prose: str, start: int, end: int) -> bool:
    """A lower-case word that a long option follows is a command or a
    subcommand written out in prose ("use: borg rdelete --cache-only"),
    spelt as its program spells it."""
    return prose[start:end].islower() and _OPTION_AFTER.match(prose, end) is not None


#: What follows a changelog entry's scope: a colon, then the change's verb
#: ("fix broken exclusivity", "add a non-fuse env"); a glossary's
#: definition ("conscientous: careful and diligent") has none.
_SCOPE_AFTER = later_re(
    r":[ \t]+(?:fix|fixes|fixed|add|adds|added|remove|removes|removed|update"
    r"|updates|updated|use|uses|make|makes|support|supports|allow|allows"
    r"|drop|drops|bump|bumps|improve|improves|rename|renames|refactor"
    r"|document|deprecate|deprecates|avoid|avoids|ensure|ensures|handle"
    r"|handles|implement|implements|move|moves|replace|replaces|revert"
    r"|reverts|set|sets|show|shows|skip|skips|switch|test|tests|clean"
    r"|simplify|enable|enables|disable|disables|raise|raises|check|checks)\b"
)


def scope_of_entry(prose: str, start: int, end: int) -> bool:
    """A lower-case word opening its line (or list item) before a colon and
    a change's verb is the scope of a changelog entry ("fslocking:
    fix broken exclusivity", "tox: add a non-fuse env"): the name of the
    module or tool the change touched, unless it is one edit from a common
    word ("secuirty: fix a leak" is a slip all the same)."""
    word = prose[start:end]
    if not word.islower() or _SCOPE_AFTER.match(prose, end) is None:
        return False
    lo = line_start(prose, start)
    return not prose[lo:start].strip(" \t*-+•" + _FILLER) and not slip_of_a_word(word)


def _untagged(doc: Document, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    """The token ``lo:hi`` around the word ``start:end`` cut at the markup
    tags the reader masked (``<li>secuirty:``, ``<b>recieve</b>``) and
    after the bracket that opens a Markdown link's text (``[secuirty
    notes](…)``): markup touching a word is the page's, not a character of
    the word's token, which would read every word at a tag's side as code.
    A ``<``, ``>`` or ``[`` the prose keeps (``List<T>``, an escaped
    ``&lt;``, ``a[i]``) stays."""
    prose, text = doc.prose, doc.text
    for at in range(start - 1, lo - 1, -1):
        if text[at] == "[" and prose[at] != "[":
            if text[end : end + 1] != "]":
                lo = at + 1  # [secuirty notes](…): a link's text opens here
            break  # [stringi](…): a link's one word is read with its address
        if text[at] == ">" and prose[at] != ">":
            # E<strong>dition: a word the tags run through is left whole.
            opened = text.rfind("<", lo, at)
            if opened <= lo or not text[opened - 1].isalnum():
                lo = at + 1
            break
    for at in range(end, hi):
        if text[at] == "<" and prose[at] != "<":
            closed = text.find(">", at, hi)
            if closed < 0 or closed + 1 >= hi or not text[closed + 1].isalnum():
                hi = at
            break
    return lo, hi


def _link_text(
    doc: Document, lo: int, hi: int, start: int, end: int
) -> tuple[int, int]:
    """The token ``lo:hi`` around the word ``start:end`` cut where a
    Markdown link's text of several words ends, at the bracket the reader
    masked, when the word is a slip of a very common word: in ``[the
    project wesbite](https://…)`` it is prose, and the address is not part
    of its token. Otherwise a link's last word is read with its address, as
    the name of what it links (``[pplacer](https://…/pplacer/)``, ``[our
    mobile apps and dwellr](…)``; ``[config.yaml](…)``)."""
    text, prose = doc.text, doc.prose
    close = text.find("](", end, hi)
    if close < 0 or prose[close] == "]":
        return lo, hi
    opening = text.rfind("[", lo, start)
    if opening >= 0 and prose[opening] != "[":
        return lo, hi  # the link's whole text: this word alone
    word = text[start:end]
    if not word.islower() or not slip_of_a_word(word, least=_LINKED_SLIP):
        return lo, hi
    if _RUNS_ON_AFTER_LINK.search(text, close, hi) is not None:
        return lo, hi  # [… projec](…)t: the word goes on after the link
    return lo, close


#: How far a link's start is looked for before a word of its text.
_LINK_REACH = 300
#: What parts an address's path, anchor and query (a hyphen joins a slug).
_ADDRESS_SEGMENTS = later_re(r"[/#?=&.:_]")
_HTML_LINK_OPEN = later_re(r"<a\s[^<>]*?href\s*=\s*[\"']?([^\"'\s<>]+)", re.IGNORECASE)


def named_by_its_link(doc: Document, start: int, end: int) -> bool:
    """A word of a link's text that the link's address holds
    (``<a href="#Ruby_globalin_typemap">globalin typemap</a>``,
    ``[networkd](…/network-config-with-networkd)``): the name of the page,
    anchor or tool the link leads to, spelt as its address spells it."""
    text = doc.text
    word = text[start:end].lower()
    floor = max(0, start - _LINK_REACH)
    opened = max(text.rfind(f"<a{space}", floor, start) for space in " \t\n")
    address = None
    if opened >= 0 and text.find("</a>", opened, start) < 0:
        found = _HTML_LINK_OPEN.match(text, opened)
        address = None if found is None else found.group(1).lower()
    else:
        bracket = text.rfind("[", floor, start)
        if bracket < 0 or doc.prose[bracket] == "[" or "]" in text[bracket:start]:
            return False
        close = text.find("](", end, end + _LINK_REACH)
        if close < 0 or "[" in text[end:close]:
            return False
        stop = text.find(")", close + 2, close + 2 + _LINK_REACH)
        address = text[close + 2 : stop].lower() if stop > 0 else None
    if address is None or word not in address:
        return False
    # A slip of a common word counts only as a whole part of the address
    # (".../conditionz/", "package=stringi"): a page's slug is made of its
    # title, slip and all ("[the new configuation format](…/new-configuation-
    # format)").
    return not slip_of_a_word(
        word, least=_LINKED_SLIP
    ) or word in _ADDRESS_SEGMENTS.split(address)


#: A link's address closed and a letter after it: the word runs on.
_RUNS_ON_AFTER_LINK = later_re(r"\)\w")

#: How common a word a link's last word must be one slip from to be read
#: as prose (website, package), not as a name (dwellr: dweller is rarer).
_LINKED_SLIP = 75


def _masked_emphasis(doc: Document, at: int) -> bool:
    """Whether ``at`` holds a Markdown emphasis mark (``*``, ``_``) the
    reader masked as markup."""
    mark = doc.text[at]
    return mark in "*_" and doc.prose[at] != mark


def _unemphasised(
    doc: Document, lo: int, hi: int, start: int, end: int
) -> tuple[int, int]:
    """The token ``lo:hi`` around the word ``start:end`` without the
    emphasis marks the reader masked at its ends (``**Aritcles & Books**``,
    ``_responsiblities_``): markup, not the ``*`` of a glob. A mark on one
    side only is left (``sqlalchemy-cratedb_``, a reST reference), and so
    is emphasis around one capitalised word alone (``**Tawanda**—``: a
    name or a term set as a label)."""
    text = doc.text
    inner_lo, inner_hi = lo, hi
    while inner_lo < start and _masked_emphasis(doc, inner_lo):
        inner_lo += 1
    while inner_hi > end and _masked_emphasis(doc, inner_hi - 1):
        inner_hi -= 1
    before, after = inner_lo > lo, inner_hi < hi
    if not (before or after):
        return lo, hi
    if (
        (before and after)
        or (before and text[lo] == "*")
        or (after and text[hi - 1] == "*")
    ):
        one_word = before and after and inner_lo == start and inner_hi == end
        if one_word and text[start].isupper():
            return lo, hi  # **Tawanda**: a name or a label
        return inner_lo, inner_hi
    return lo, hi


#: How far back on its line an open call's bracket is looked for.
_CALL_REACH = 80
#: A bracket after a word that is no call: an ending ("word(s)",
#: "procesed(d)", "child(ren)"). Other short arguments are a call's
#: ("imread(url)", "close(fd)").
_NO_CALL = later_re(
    r"\((?:s|es|ies|d|ed|e|en|ren|er|ers|ing|ly|al|n|r)\)", re.IGNORECASE
)


def in_call(text: str, start: int, end: int) -> bool:
    """The word is a function called in prose, or one of its arguments:
    a bracket right after it ("iter()", "statvfs(path)"; not a plural's
    "word(s)"), or inside the open brackets of a name written right before
    them ("select(nfds, readfds, writefds)")."""
    if text.startswith("(", end) and _NO_CALL.match(text, end) is None:
        return True
    lo = max(0, start - _CALL_REACH)
    row = text.rfind("\n", lo, start) + 1
    opened = text.rfind("(", row, start)
    if opened <= row or text.find(")", opened, start) != -1:
        return False
    before = text[opened - 1]
    close = text.find(")", end, end + _CALL_REACH)
    # Arguments are a list: "select(nfds, readfds)", not "committee(which".
    return (
        (before.isalnum() or before == "_")
        and close > 0
        and ("," in text[opened:close])
    )


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
        return not abbreviated(prose, pos, floor)
    if ch in _SENTENCE_END or ch in '”’")':
        return ch in _SENTENCE_END or (pos > floor and prose[pos - 1] in ".!?")
    # A list marker or a line of its own (plain-text headings and bullets).
    return ch == "\n" or (ch in "-*+" and (pos == floor or prose[pos - 1] == "\n"))


def abbreviated(prose: str, dot: int, floor: int) -> bool:
    """The full stop at ``dot`` ends an initial (``B.``) or an abbreviation."""
    lo = dot
    while lo > floor and (prose[lo - 1].isalpha() or prose[lo - 1] == "."):
        lo -= 1
    before = prose[lo:dot]
    return len(before) == 1 or before.casefold() in _ABBREVIATIONS


#: One to three letters in brackets, glued to the word after them: a word
#: built with its bracketed part ("(c)ommit", "(un)known", "(s)he").
_BRACKET_BUILT = later_re(r"(?<![\w)])\(([^\W\d_]{1,3})\)\Z")


def bracket_built(text: str, start: int) -> str | None:
    """The bracketed letters glued before the word at ``start`` ("c" for
    "(c)ommit", a menu's mnemonic), or None: the word is their rest."""
    if start < 3 or text[start - 1] != ")":
        return None
    found = _BRACKET_BUILT.search(text, max(0, start - 6), start)
    return found.group(1) if found is not None else None


def sic(text: str, end: int) -> bool:
    """``[sic]`` or ``(sic)`` follows the word: the writer quotes a
    source's spelling."""
    return text[end : end + 7].lstrip().casefold().startswith(("[sic]", "(sic)"))


def named_misspelling(prose: str, start: int) -> bool:
    """The word stands in a quotation that a sentence names as misspelt
    ("the field is misspelled as “Date Recieved”", "a typo, 'teh', in the
    title"): a mention of the slip, which a fix would make nonsense of."""
    lo = max(0, start - _MISSPELLING_REACH)
    lo = prose.rfind("\n", lo, start) + 1 or lo  # within the word's line
    opened = max(prose.rfind(mark, lo, start) for mark in "\"“‘'")
    if opened < 0:
        return False
    if any(mark in prose[opened + 1 : start] for mark in "\"”’'"):
        # Closed before the word ("spelt ‘colour’ here"), or an apostrophe
        # inside it: the word may stand after the quotation.
        return False
    return _MISSPELLING_NAMED.search(prose, max(0, opened - 40), opened) is not None


#: How far back a quotation naming a misspelling may open.
_MISSPELLING_REACH = 80
#: A phrase that names a misspelling right before the quotation of it.
_MISSPELLING_NAMED = later_re(
    r"\b(?:mis-?spel(?:led|t|ling|lings|s)?|mistyped|typo(?:s|ed)?|spelled"
    r"|spelt|spelling|(?:was|is|are|were)\s+written)"
    r"(?:\s+(?:as|it|like|of))?[\s,:\u00a0]*\Z",
    re.IGNORECASE,
)


def cited(text: str, start: int, end: int, marks: str = _QUOTES) -> bool:
    """The word alone between quote or emphasis marks (``marks``): cited,
    not used. In a prose view a decoded reference (``&ldquo;``) is its mark
    then filler, so the filler before the word is skipped."""
    lead = start - 1
    while lead >= 0 and text[lead] == _FILLER:
        lead -= 1
    if lead < 0 or end >= len(text):
        return False
    before, after = text[lead], text[end]
    return before in marks and after in marks and before not in "’"


#: A verb that gives a command to run, then the quote mark that opens it:
#: ``run "stty raw"``, ``execute 'ls -l'``, ``the command “make install”``.
_COMMAND_QUOTED = later_re(
    r"\b(?:run|runs|running|execute|executes|executing|invoke|invokes|invoking"
    r"|the\s+command)[ \t\u00a0]+[\"'“‘]\Z",
    re.IGNORECASE,
)


def quoted_command(prose: str, start: int, end: int) -> bool:
    """The word, in lower case, opens a quoted command the reader is told
    to run: a program's name (``run "stty raw" on the server``), not a
    word. Only after run, execute, invoke or "the command": after "issue"
    or "enter" a quotation is as often a form's words ("enter "personel
    details"")."""
    return (
        prose[start:end].islower()
        and _COMMAND_QUOTED.search(prose, max(0, start - 24), start) is not None
    )


#: What opens a quoted value of a program's setting: a verb that sets
#: the setting to it ("if tracking is set to "Github Commit"", "change
#: the mode to "Powerpoint Template"").
_SETTING_BEFORE = later_re(
    r"\b(?:set|sets|setting|change|changes|changing|changed)"
    r"(?:[ \t]+[\w'’-]+){0,4}?[ \t]+to[ \t\u00a0]+[\"“]\Z",
    re.IGNORECASE,
)
#: What follows a quoted value: the kind of setting it is a value of ("the
#: "Websockets Support" toggle"). Not a button, a link or a menu, whose
#: words are the page's to get right as often as the program's.
_SETTING_AFTER = later_re(
    r"[\"”][ \t\u00a0]+(?:option|setting|toggle|mode|value)s?\b",
    re.IGNORECASE,
)
#: Longest value read as one, and the small words its title case leaves
#: in lower case ("Sign in with Github").
_SETTING_REACH = 60
_SETTING_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or",
     "the", "to", "with"}
)  # fmt: skip


def quoted_setting_value(text: str, start: int, end: int) -> bool:
    """The word stands in a quoted value of a program's setting, in title
    case and on one line, that the sentence sets or names as a setting's
    ("if tracking is set to "Github Commit"", "the "Websockets Support"
    toggle"): the program's spelling, which the page must match. The
    quotation is read only within ``_SETTING_REACH`` characters of the word,
    so a long line is not read again for each word on it."""
    lo, _ = line_around(text, start, end, _SETTING_REACH)
    opened = max(text.rfind('"', lo, start), text.rfind("“", lo, start))
    if opened < 0 or (opened > 0 and not text[opened - 1].isspace()):
        return False
    closer = "”" if text[opened] == "“" else '"'
    closed = text.find(closer, end, min(len(text), opened + _SETTING_REACH))
    if closed < 0 or "\n" in text[end:closed]:
        return False
    words = text[opened + 1 : closed].split()
    if not 0 < len(words) <= 6 or not all(
        w[0].isupper() or w in _SETTING_SMALL_WORDS for w in words
    ):
        return False
    return (
        _SETTING_BEFORE.search(text, max(0, opened - _SETTING_REACH), opened + 1)
        is not None
        or _SETTING_AFTER.match(text, closed) is not None
    )


#: The tags of emphasis around one word: ``<em>word</em>``, ``<i>word</i>``.
_EMPHASIS_OPEN = later_re(r"<(em|i)>\Z", re.IGNORECASE)
_EMPHASIS_CLOSE = later_re(r"</(em|i)>", re.IGNORECASE)


def emphasised(doc: Document, start: int, end: int) -> bool:
    """The word alone in emphasis: ``<em>word</em>`` or ``<i>word</i>`` in
    a page, ``*word*`` or ``_word_`` in Markdown (the marks the reader
    masked). Emphasis sets a word apart: a term, a title, a word cited."""
    text = doc.text
    opened = _EMPHASIS_OPEN.search(text, max(0, start - 4), start)
    if opened is not None:
        closed = _EMPHASIS_CLOSE.match(text, end)
        return closed is not None and closed.group(1).lower() == opened.group(1).lower()
    if start == 0 or end >= len(text):
        return False
    return (
        text[start - 1] == text[end]
        and _masked_emphasis(doc, start - 1)
        and _masked_emphasis(doc, end)
    )


#: What bounds a phrase: brackets (a link's text, a name's aside), clause
#: punctuation, quotation marks, a line's end.
_PHRASE_BOUNDS = '[](){}|;:.!?\n"“”«»'
_PHRASE_BOUND = later_re(r'[\[\](){}|;:.!?\n"“”«»]')
#: How far a phrase is read on each side of a word.
_PHRASE_REACH = 120


def _foreign_short(word: str) -> bool:
    """A telling short word of a language other than English."""
    from copydesk import doclang

    languages = doclang.languages_of_word(word)
    return bool(languages) and "en" not in languages


def foreign_phrase(prose: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` stands in a phrase of another
    language inside English prose: a title cited in its own language
    (``Ejemplo de acuerdo de participante de investigación de diseño``), or
    the particle of a foreign name (``Consiglio Nazionale delle Ricerche``).

    The phrase runs to the nearest bracket, clause punctuation or quotation
    mark on each side. It is foreign when two of its other words are
    lower-case words with accented letters or another language's telling
    short words, and none is an English one; a word that is itself another
    language's short word between two capitalised words is a name's."""
    from copydesk import doclang

    word = prose[start:end]
    foreign_own = any(lang != "en" for lang in doclang.languages_of_word(word))
    if not foreign_own and not word.islower():
        return False  # a capitalised word is read as a name, not here
    floor = max(0, start - _PHRASE_REACH)
    lo = max(floor, max(prose.rfind(mark, floor, start) for mark in _PHRASE_BOUNDS) + 1)
    bound = _PHRASE_BOUND.search(prose, end, end + _PHRASE_REACH)
    hi = bound.start() if bound else min(len(prose), end + _PHRASE_REACH)
    before = WORD.findall(prose, lo, start)
    after = WORD.findall(prose, end, hi)
    # Another language's short words after it, then the name goes on:
    # "Jornada sobre la Biblioteca".
    named = next((w for w in after[:3] if not _foreign_short(w) or w[:1].isupper()), "")
    if foreign_own and before and before[-1][:1].isupper() and named[:1].isupper():
        return True  # "Nazionale delle Ricerche": a name's particle
    english = foreign = 0
    for other in (*before, *after):
        languages = doclang.languages_of_word(other)
        if "en" in languages:
            english += 1
        elif languages or (other.islower() and not other.isascii()):
            foreign += 1
    return foreign >= 2 and not english


def in_other_language(
    doc: Document,
    block: Block | None,
    language: str,
    seen: dict[Block | None, str | None],
) -> bool:
    """Whether ``block`` (the whole prose for None) is written, by its
    function words, in another language than ``language``
    (:func:`block_language`)."""
    found = block_language(doc, block, seen)
    return found is not None and found != language


def block_language(
    doc: Document, block: Block | None, seen: dict[Block | None, str | None]
) -> str | None:
    """The language ``block``'s function words show (the whole prose for
    None), or None; read once per block of a check's run, kept in ``seen``.
    Read of the block alone: a paragraph re-linted alone decides as in its
    document."""
    if block not in seen:
        start, end = (block.start, block.end) if block else (0, len(doc.prose))
        seen[block] = language_of(WORD.findall(doc.prose, start, end))
    return seen[block]


def language_of(words: Iterable[str]) -> str | None:
    """The language whose function words a paragraph uses most, if any (on
    a tie, the first listed)."""
    best, hits = "", 0
    for lang, found in _language_hits(list(map(str.casefold, words))).items():
        if found > hits:
            best, hits = lang, found
    return best if hits >= 2 else None


def _language_hits(folded: list[str]) -> dict[str, int]:
    """How many of the case-folded words are each language's function
    words (counted in C: a loop over every word and language was a tenth
    of a news text's check)."""
    return {
        lang: sum(map(table.__contains__, folded))
        for lang, table in _FUNCTION_WORDS.items()
    }


def sentence_written_in(doc: Document, at: int, language: str) -> bool:
    """Whether the sentence around ``at`` shows ``language`` by its function
    words (two or more, more than any other language's; one-letter words
    left out: "e.g." is no Italian "e"): a German sentence of a German
    post, not the English one after a German quotation. Read within its
    block and ``_SENTENCE_REACH`` of ``at``, so a finding costs the same on
    any page."""
    prose = doc.prose
    block = doc.block_at(at)
    lo = max(block.start if block else 0, at - _SENTENCE_REACH)
    hi = min(block.end if block else len(prose), at + _SENTENCE_REACH)
    ends = [m.end() for m in _SENTENCE_BREAK.finditer(prose, lo, at)]
    first = ends[-1] if ends else lo
    after = _SENTENCE_BREAK.search(prose, at, hi)
    last = after.start() + 1 if after is not None else hi
    folded = [w.casefold() for w in WORD.findall(prose, first, last) if len(w) > 1]
    hits = _language_hits(folded)
    own = hits.get(language, 0)
    rival = max((n for lang, n in hits.items() if lang != language), default=0)
    return own >= 2 and own > rival


#: How far from a word its sentence is read for its language.
_SENTENCE_REACH = 400
#: Where a sentence ends: its stop, any closing marks (German and French
#: ones too) and the space after it, or a blank line.
_SENTENCE_BREAK = later_re(r"[.!?…][\"'”’“»«)]*(?:\s|$)|\n[ \t]*\n")


#: What heads a list of people: contributors, authors, thanks.
_CREDITS_BEFORE = later_re(
    r"\b(?:contributors?|contributions? by|authors?|thanks|acknowledge?ments?"
    r"|credits?|maintainers?|committers?|people|team)\b",
    re.IGNORECASE,
)

#: A list of names has at least this many items, nearly all short entries.
_NAME_LIST_ITEMS = 5
_NAME_LIST_SHARE = 0.8
#: Most words of an entry of a list of names ("Alan Somers (asomers)").
_NAME_ENTRY_WORDS = 4


class NameLists(Analysis[frozenset[Block]]):
    """The items of lists of names: a release note's contributors, a
    page's thanks ("- Manish Goregaokar", "- mcarton", "- Alan Somers
    (asomers)"). A run of neighbouring list items, five or more, nearly all
    short entries shaped as names (``_name_entry``), lists people;
    their words are names and handles, not typos. The lexicon rule asks
    only about the block of an unknown word."""

    @classmethod
    def compute(cls, doc: Document) -> frozenset[Block]:
        found: list[Block] = []
        for run, texts in _list_runs(doc):
            short = [b for b, t in zip(run, texts, strict=True) if _name_entry(t)]
            # Most entries are a person's full name: a list of people; or,
            # under a heading that credits people, two are, every entry is
            # shaped as a name and two or more are user names ("bmu",
            # "jforbess" among "Rob Andrews", "Will Holmgren", "Uwe Krien";
            # not a shopping list's "bannanas" beside two brands).
            persons = sum(map(_person_entry, texts))
            handles = sum(1 for t in texts if len(t.split()) == 1)
            people = 2 * persons >= len(run) or (
                persons >= 2
                and handles >= 2
                and len(short) == len(run)
                and _CREDITS_BEFORE.search(
                    doc.text, max(0, run[0].start - 400), run[0].start
                )
                is not None
            )
            many = len(run) >= _NAME_LIST_ITEMS
            if many and people and len(short) >= _NAME_LIST_SHARE * len(run):
                found.extend(short)
        return frozenset(found)


class PackageLists(Analysis[frozenset[Block]]):
    """The items of lists of software packages: a release note's bundled
    libraries ("* ostruct 0.6.0", "* net-http 0.2.0", "* resolv"). Five
    or more neighbouring list items in a row, each one name with or without
    a version (``_package_entry``), list packages when a version or names
    that are no words ("net-ftp", "optparse", a third of them) say so: a
    list of plain words ("* speed", "* safety") is not one, and its slips
    stay reported. The items may be nested under a sentence's item ("The
    following default gems were updated."). A package keeps its own
    spelling (resolv)."""

    @classmethod
    def compute(cls, doc: Document) -> frozenset[Block]:
        found: list[Block] = []
        for run, texts in _list_runs(doc):
            entries = [_package_entry(t) for t in texts]
            for _, group in itertools.groupby(
                zip(run, entries, strict=True), key=lambda item: item[1] is not None
            ):
                items = list(group)
                if items[0][1] is None or len(items) < _NAME_LIST_ITEMS:
                    continue
                shaped = [entry for _, entry in items if entry is not None]
                versioned = any(version for _, version in shaped)
                named = sum(_no_word(name) for name, _ in shaped)
                if versioned or 3 * named >= len(shaped):
                    found.extend(block for block, _ in items)
        return frozenset(found)


def _list_runs(doc: Document) -> Iterator[tuple[list[Block], list[str]]]:
    """Runs of neighbouring list items (nothing but space between them),
    each with its items' prose."""
    run: list[Block] = []
    for block in [*doc.get(BlockIndex)[1], None]:
        if (
            block is not None
            and block.kind == "list"
            and (not run or not doc.prose[run[-1].end : block.start].strip())
        ):
            run.append(block)
            continue
        if run:
            yield run, [doc.prose[b.start : b.end] for b in run]
        run = [block] if block is not None and block.kind == "list" else []


#: A package list's entry: a name of letters, digits and ``-_.+``
#: (starting with a letter), then perhaps a version ("0.6.0", "v2.1",
#: "1.4.1.pre").
_PACKAGE_ENTRY = later_re(
    r"([^\W\d_][\w.+-]*)(?:[ \t]+(v?\d+(?:\.\d+)+[\w.+-]*))?", re.ASCII
)


def _package_entry(text: str) -> tuple[str, str] | None:
    """(name, version or "") of a package list's entry, or None."""
    found = _PACKAGE_ENTRY.fullmatch(text.strip())
    return None if found is None else (found.group(1), found.group(2) or "")


def in_package_list(doc: Document, start: int) -> bool:
    """The word at ``start`` is in an entry of a list of packages."""
    return _in_entry_of(doc, start, PackageLists)


def _no_word(name: str) -> bool:
    """A name that is no English word: marked as an identifier (``-``,
    ``_``, ``.``, a digit), or one the lexicon does not count (unknown, or
    too rare to be counted: ``rinda``)."""
    from copydesk import wordlists

    if not name.isalpha():
        return True
    return wordlists.lexicon("en").count(name.lower()) == 0


#: Lower-case words a person's name keeps ("Vincent van Gogh").
_NAME_PARTICLES = frozenset(
    {"van", "von", "de", "der", "den", "di", "da", "del", "la", "le", "du", "ten"}
)


#: Marks a release note puts after a contributor's name (a first
#: contribution, a maintainer), not words of the name.
_ENTRY_MARKS = frozenset("+*†‡")


def _name_entry(text: str) -> bool:
    """An entry of a list of names: one lower-case user name ("mcarton"), or
    one to four words each capitalised, a name's particle or a user name in
    brackets ("Alan Somers (asomers)"). "Placement (optional, control
    plane)" is a list of components, not of people."""
    credited_name = _credit_name(text)
    if credited_name is not None:
        # "dessant - bug hunting": a contributor and what they gave.
        return _name_entry(credited_name)
    handle, colon, name = text.partition(":")
    if colon and _handle(handle.strip()):
        # "dreid : David Reid": a committer list's user name and its owner
        # (the name may be missing: "dgaudet :").
        return not name.strip() or _name_entry(name)
    words = text.split()
    while len(words) > 1 and words[-1] in _ENTRY_MARKS:
        words.pop()  # "Maarten Baert +": a first contribution's mark
    if len(words) == 1:
        return words[0].isalnum() or words[0].replace("-", "").isalnum()
    return 1 < len(words) <= _NAME_ENTRY_WORDS and all(
        w[:1].isupper()
        or w in _NAME_PARTICLES
        or (w.startswith("(") and w.endswith(")") and w[1:-1].isalnum())
        for w in words
    )


def _handle(text: str) -> bool:
    """A user name: one word of letters and digits (inner hyphens, dots or
    underscores allowed), lower case."""
    bare = text.replace("-", "").replace(".", "").replace("_", "")
    return bool(bare) and bare.isalnum() and text.islower()


def _person_entry(text: str) -> bool:
    """An entry that names a person: a full name, or a credit's name of two
    capitalised words or more before what they gave ("Peter Inglesby -
    resolve symlinks": its first name may be a common word's, not its
    surname: "Dark Mode - switch themes" lists features)."""
    from copydesk.translit import is_common

    name = _credit_name(text)
    if name is None:
        return _full_name(text)
    words = name.split()
    surname = words[-1].lower()
    return (
        len(words) >= 2
        and all(w[:1].isupper() for w in words)
        # "Dark Mode", "Serach Bar", "Big Icons" name features, not people.
        and not is_common(surname)
        and not is_common(surname.removesuffix("s"))
    )


def _full_name(text: str) -> bool:
    """A person's name: two or more capitalised words, the first no common
    English word ("Alan Somers"; not "Dark Mode", "Cross Platform")."""
    from copydesk.translit import is_common

    words = [w for w in text.split() if w[:1].isupper()]
    return len(words) >= 2 and not is_common(words[0].lower())


def in_name_list(doc: Document, start: int) -> bool:
    """The word at ``start`` is in an entry of a list of names, in the name
    (not in what a credit's entry says the person did)."""
    block = doc.block_at(start)
    if block is None or block not in doc.get(NameLists):
        return False
    entry = doc.prose[block.start : block.end]
    return start - block.start < _name_span(entry)[1]


def _name_span(entry: str) -> tuple[int, int]:
    """Where a list entry's name stands in it: all of it, or a credit's
    name before what the person gave ("Peter Inglesby - resolve symlinks")."""
    name = _credit_name(entry)
    if name is None:
        return 0, len(entry)
    head = entry.find(name)
    return head, head + len(name)


def names_entry(doc: Document, start: int, end: int) -> str | None:
    """The name of the list item the word ``start:end`` is in, the word
    itself written as a NUL, where the item holds one name alone (``-
    Julian``, ``- Victor Julien``, ``- dessant - bug hunting``) in a list of
    people (the item, or one beside it, names a person in full), and the
    word is in that name; else None. Read from the item and its
    neighbours, where ``in_name_list`` asks the document's lists
    (``NameLists``) for a long run of such items."""
    beside = doc.blocks_beside(start)
    block = next((b for b in beside if b.start <= start < b.end), None)
    if block is None or block.kind != "list" or end > block.end:
        return None
    entry = doc.prose[block.start : block.end]
    if not _name_entry(entry):
        return None
    head, tail = _name_span(entry)
    at = start - block.start
    if at < head or at + (end - start) > tail:
        return None  # in what the credit says they gave
    if not any(
        b.kind == "list" and _person_entry(doc.prose[b.start : b.end]) for b in beside
    ):
        return None
    return (entry[head:at] + "\0" + entry[at + end - start : tail]).strip()


#: The spaced dash between a contributor's name and what they gave in a
#: credits list ("Peter Inglesby - resolve symlinks", "zpin – bug fixes").
_CREDIT_DASH = later_re(r"[ \t]+[-–—][ \t]+")


def _credit_name(entry: str) -> str | None:
    """The name of a credits entry "NAME - what they did", or None."""
    dash = _CREDIT_DASH.search(entry)
    if dash is None:
        return None
    name = entry[: dash.start()].strip()
    return name if name and entry[dash.end() :].strip() else None


def _in_entry_of(
    doc: Document, start: int, lists: type[Analysis[frozenset[Block]]]
) -> bool:
    """The word at ``start`` is in one of the list entries ``lists`` finds."""
    block = doc.block_at(start)
    return block is not None and block in doc.get(lists)


#: A run-in list of people: this many names at least, half of them full
#: (a release's thanks mixes full names, first names and handles).
_SERIES_ITEMS = 5
_SERIES_FULL = 0.5
_SERIES_ENTRIES = 0.8
#: How far a run-in list of names is read on each side of a word.
_SERIES_REACH = 600
#: The end of the sentence that holds a run-in list: a full stop before a
#: space or the block's end (a middle initial's stop is inside a name).
_SERIES_STOP = later_re(r"(?<!\b\w)[.;!?](?:\s|\Z)")


#: A version number after a name: "1.8.10", "v2.1", "8.16", "1.4.1.pre".
_VERSION = r"v?\d+(?:\.\d+)+[\w.+-]*"
#: One item of a run-in series of versioned packages ("plumber 1.1.0,"):
#: a name of letters, digits and ``-_.+`` starting with a letter, a space,
#: a version.
_VERSIONED_ITEM = later_re(rf"(?<![\w.+-])[^\W\d_][\w.+-]*[ \t]+{_VERSION}")
#: A release's number, not a statistic's: three parts or more, or a "v".
_RELEASE = r"(?:v\d+(?:\.\d+)+|\d+\.\d+\.\d+)[\w.+-]*"
#: A dependency bump after a name: " from 1.8.11 to 1.8.13" (not "from
#: 61.2 to 64.8 percent").
_BUMPED = later_re(rf"[ \t]+from[ \t]+{_RELEASE}[ \t]+to[ \t]+{_RELEASE}")
_RELEASE_NUMBER = later_re(_RELEASE)
#: A run-in list a label says is of software: "Modules: forecast, plumber".
_SOFTWARE_LABEL = later_re(
    r"\b(?:modules|packages|dependencies|libraries|gems|plugins|extensions"
    r"|crates)[ \t]*:[ \t]*",
    re.IGNORECASE,
)
#: Items a versioned series or a labelled list holds at least.
_PACKAGE_ITEMS = 3
#: How far along its line a series of packages is read, each way.
_PACKAGE_REACH = 300


def in_package_series(prose: str, start: int, end: int) -> bool:
    """The lower-case word at ``start:end`` names a package in a line that
    lists software: one item of a run-in series of three or more versioned
    names ("forecast 8.16, plumber 1.1.0, rserve 1.8.10, shiny 1.7.1"), a
    dependency bumped ("rserve from 1.8.11 to 1.8.13"), or one item of a
    comma list of three or more that a label calls modules, packages or
    the like ("Modules: forecast, plumber, rserve, shiny"). Its makers
    spell it so, one slip from a word or not."""
    word = prose[start:end]
    if not word.islower():
        return False
    lo, hi = line_around(prose, start, end, _PACKAGE_REACH)
    if _BUMPED.match(prose, end):
        return True
    found = list(_VERSIONED_ITEM.finditer(prose, lo, hi))
    if start in [m.start() for m in found]:
        # "forecast 8.16, plumber 1.1.0, …"; not "rose 2.1, exprts 3.4, …".
        return len(found) >= _PACKAGE_ITEMS and any(
            _RELEASE_NUMBER.search(m.group()) for m in found
        )
    label = next(reversed(list(_SOFTWARE_LABEL.finditer(prose, lo, start))), None)
    if label is None:
        return False
    stop = prose.find(".", end, hi)
    listed = prose[label.end() : hi if stop < 0 else stop].split(",")
    names = [item.strip() for item in listed]
    return len(names) >= _PACKAGE_ITEMS and word in names


#: The items of a run-in series: split at commas and a last "and"/"or".
_SERIES_SPLIT = later_re(
    r",[ \t\r\n]*(?:(?:and|or)[ \t\r\n]+)?|[ \t\r\n]+(?:and|or)[ \t\r\n]+"
)
#: What closes an item after its name: a bracket's note ("(:issue:`4109`)")
#: and the fillers of masked markup.
_ITEM_NOTE = later_re(r"[ \t]*\([^()]*\)[ \t]*\Z")
#: The end of a sentence inside a series' reach: a stop before a space.
_SERIES_END = later_re(r"[.;!?](?=\s|\Z)")
#: What joins words into one: a hyphen or an apostrophe.
_JOINED_WORDS = later_re(r"[-'’]")
#: Items a series of identifiers holds at least, the word's among them.
_IDENTIFIER_ITEMS = 4


def in_identifier_series(prose: str, start: int, end: int) -> bool:
    """The lower-case word at ``start:end`` is one item of a sentence's
    comma series whose other one-word items are mostly identifiers: names
    with a digit, ``_``, ``.``, ``-`` or an inner capital, or no English
    word and no slip of one ("hooks for botocore, boto, boto3 and
    gevent.monkey"; "avro, bacon, boto, boto3, botocore, certifi"): a
    package's name as its makers spell it. A series of words with a slip
    among them ("apples, pears, bananna, plums") is not one, nor a list of
    misspellings ("recieve, seperate, acheive": each a slip of a word)."""
    word = prose[start:end]
    if not word.islower():
        return False
    # The series may run over lines (one item a line); a blank line or a
    # sentence's end bounds it.
    lo, hi = max(0, start - _PACKAGE_REACH), min(len(prose), end + _PACKAGE_REACH)
    head = prose.rfind("\n\n", lo, start)
    lo = max(lo, head + 2 if head >= 0 else lo)
    stops = list(_SERIES_END.finditer(prose, lo, start))
    lo = stops[-1].end() if stops else lo
    stop = _SERIES_END.search(prose, end, hi)
    tail = prose.find("\n\n", end, hi)
    hi = min(x for x in (hi, stop.start() if stop else hi, tail if tail >= 0 else hi))
    items = [
        _ITEM_NOTE.sub("", item.replace(_FILLER, " ")).strip()
        for item in _SERIES_SPLIT.split(prose[lo:hi])
    ]
    if len(items) > 1 and " " in items[0]:
        items[0] = items[0].rsplit(None, 1)[-1]  # "Hooks for botocore": its name
    if len(items) > 1 and " " in items[-1]:
        items[-1] = items[-1].split(None, 1)[0]  # "gevent.monkey were added"
    if len(items) < _IDENTIFIER_ITEMS or word not in items:
        return False
    others = [i for i in items if i != word and i and " " not in i]
    shaped = sum(_identifier_shaped(i) for i in others)
    return len(others) >= _IDENTIFIER_ITEMS - 1 and 2 * shaped > len(others)


@functools.lru_cache(maxsize=4096)
def _identifier_shaped(name: str) -> bool:
    """A name that reads as a program's or a package's, not a word: a
    digit, ``_``, ``.`` or ``-`` inside (not words joined, "user-friendly",
    "don't"), an inner capital, or letters the lexicon does not count that
    are no slip of a common word."""
    from copydesk import wordlists

    if not name.isalpha():
        parts = _JOINED_WORDS.split(name.lower())
        lex = wordlists.lexicon("en")
        if all(part.isalpha() and lex.count(part) > 0 for part in parts):
            return False  # "open-source", "well-tested": words joined
        return any(ch.isalnum() for ch in name)
    if inner_capital(name):
        return True
    folded = name.lower()
    return wordlists.lexicon("en").count(folded) == 0 and not slip_of_a_word(folded)


def in_name_series(doc: Document, start: int, end: int) -> bool:
    """A lower-case word is one item of a sentence's run-in list of
    people ("we thank: Stefan Prodan, Paulo Gomes, xiexiong, Kevin
    Fritz, netthier."): a contributor's handle, as they write it."""
    word = doc.prose[start:end]
    if not word.islower():
        return False
    items = _people_series(doc, start, end)
    if items is None or word not in items:
        return False  # the word must be an item on its own
    # "… Tomasz Lewandowski, and otehrs.": a slip, not a handle.
    return not slip_of_a_word(word)


def in_people_series(doc: Document, start: int, end: int) -> bool:
    """The word is part of an item of a sentence's run-in list of people
    (a page's thanks, a paper's authors): each item names one person."""
    return _people_series(doc, start, end) is not None


def _people_series(doc: Document, start: int, end: int) -> list[str] | None:
    """The items of the run-in list of people around ``start:end``, if the
    word stands in one: five items or more, nearly all names."""
    prose = doc.prose
    block = doc.block_at(start)
    if block is None:
        return None
    lo = max(block.start, start - _SERIES_REACH)
    hi = min(block.end, end + _SERIES_REACH)
    if prose.count(",", lo, hi) < _SERIES_ITEMS - 2:
        return None  # too few commas around it for a list of people
    opening = max(prose.rfind(":", lo, start), _last_stop(prose, lo, start))
    closing = _SERIES_STOP.search(prose, end, hi)
    items = [
        " ".join(item.split())
        for item in prose[opening + 1 : closing.start() if closing else hi].split(",")
    ]
    items = [item.removeprefix("and ") for item in items if item]
    if len(items) < _SERIES_ITEMS:
        return None
    full = sum(map(_full_name, items))
    # Nearly all items are names: the list's lead-in ("Thanks to Aaron
    # Leventhal") and a nickname in quotes ("Franck 'Shift' Quélain") may
    # read otherwise.
    entries = sum(map(_name_entry, items))
    if full >= _SERIES_FULL * len(items) and entries >= _SERIES_ENTRIES * len(items):
        return items
    return None


def slip_of_a_word(
    word: str, *, least: int | None = None, longer: bool = False
) -> bool:
    """Whether one edit makes ``word`` a common English word (otehrs,
    others): then it is that word mistyped, not a name. ``least``: the
    lexicon's count that makes a word common (``_COMMON`` unless given);
    ``longer``: only an edit that adds a letter counts, as a dropped vowel
    is restored ("rport", report; not "vtables", stables)."""
    from copydesk import typo_edits, wordlists

    lex = wordlists.lexicon("en")
    common = _COMMON if least is None else least
    return any(
        (not longer or len(w) > len(word)) and lex.count(w) >= common
        for w in typo_edits.one_edit(word)
    )


#: How common (the lexicon's count) a word a slip is made of must be: a
#: handle one edit from a rarer word ("fantasai", fantasia) stays a name.
_COMMON = 70


def _last_stop(prose: str, lo: int, hi: int) -> int:
    """Where the last sentence's stop before ``hi`` (after ``lo``) is, or ``lo - 1``."""
    last = lo - 1
    for stop in _SERIES_STOP.finditer(prose, lo, hi):
        last = stop.start()
    return last


#: A contributor list's entry: a name of one to three words, then an
#: address in angle brackets ("ffeast <ffeast@mail.com>", "pavlos kallis
#: <pakallis@mail.com>"), alone on its line after any bullet.
_CONTRIBUTOR = later_regex(
    r"[ \t]*(?:[-*+•][ \t]+)?((?:[\p{L}\p{N}'’.-]+[ \t]+){1,4})"
    r"(?:<([^<>\s@]{1,64}@[^<>\s]{1,255})>|\(([^()\s@]{1,64}@[^()\s]{1,255})\))"
    r"[ \t]*(?:\r?\n|\Z)"
)
_WORD_AT = later_re(r"\w+")
#: After a word: an arrow, then the word it was mended to.
_ARROW_AFTER = later_re(
    rf"[\"'”’]?[ \t]*(?:=>|->|→){_FILLER}*[ \t]*[\"'“‘]?{_FILLER}*(\w+)"
)
#: The word that ends where a slip's arrow starts.
_WORD_END = later_re(r"\w+\Z")
#: How alike a slip and the word after its arrow are (``difflib`` ratio).
_MENDED_RATIO = 0.8


#: How far after a word its contributor entry's address may begin.
_ADDRESS_REACH = 80


def before_address(doc: Document, start: int) -> bool:
    """The word is part of a contributor list's entry: a name alone on its
    line before an e-mail address in angle brackets or parentheses that
    holds one of its words (the user name, a surname; "Ann Lee aka annlee
    (annlee@…)"): a person's, whatever its spelling."""
    text = doc.text
    at = text.find("@", start, start + _ADDRESS_REACH)
    if at < 0:
        return False
    line = doc.line_start(doc.line_col(start)[0])
    entry = _CONTRIBUTOR.match(text, line)
    if entry is None or not line <= start < entry.end(1):
        return False
    address = (entry.group(2) or entry.group(3)).casefold()
    word = _WORD_AT.match(text, start)
    if word is None:
        return False
    own = word.group().casefold()
    # The word itself is in the address: "kallis" in <pakallis@…>, the user
    # name; not "suport" beside <team@…>.
    return len(own) >= 3 and own in address


#: How a web address begins (of the links ``bare_links`` finds).
_WEB = ("http://", "https://", "www.")
#: How far from a word an address on its line may stand (a long line is a
#: paragraph; its far links name other things), and how many short lines
#: above it an address is read on, within that reach.
_URL_REACH = 300
_LINES_ABOVE = 4


def named_in_address(doc: Document, start: int, end: int) -> bool:
    """The word names a site or a project linked on its line or a few short
    lines above it: a part of an address's host ("the CNCF flickr account"
    linking www.flickr.com), or of the owner or project in a code host's
    address ("jsonnet" beside github.com/pelotech/jsonnet-controller). A
    page's path is not one: a slug repeats its title's slips
    ("/blog/new-configuation-format")."""
    text = doc.text
    lo, hi = line_around(text, start, end, _URL_REACH)
    # And the few lines above: a definition's term links what its
    # description then names (<dt><a href=".../ssldump">, <dd>ssldump is),
    # within the reach: a line above that starts farther is cut there (not
    # read from the text's start, once per word: quadratic on a long text).
    near = max(0, start - _URL_REACH)
    for _ in range(_LINES_ABOVE):
        if lo <= near:
            break
        lo = max(near, text.rfind("\n", near, lo - 1) + 1)
    word = text[start:end].casefold()
    for link_start, link_end in link_spans(text, lo, hi):
        found = text[link_start:link_end].casefold()
        if word not in found or not found.startswith(_WEB):
            continue  # an e-mail address or a path: no site
        host, _, path = found.split("://", 1)[-1].partition("/")
        named = host
        if host.removeprefix("www.") in _CODE_HOSTS:
            named += " " + " ".join(path.split("/")[:2])
        if word in _ADDRESS_PARTS.split(named):
            return True
    return False


_ADDRESS_PARTS = later_re(r"[^0-9a-z]+")
#: Hosts whose addresses name an owner and a project in their first two
#: path parts.
_CODE_HOSTS = frozenset(
    {"github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "sr.ht",
     "git.sr.ht", "sourceforge.net", "pypi.org", "npmjs.com", "crates.io",
     "hub.docker.com", "pkg.go.dev"}
)  # fmt: skip


def corrected_after(text: str, end: int) -> bool:
    """An arrow follows the word, then the word it was mended to: a
    changelog names a slip it fixed ("typo: mailicious => malicious"),
    mentioning the slip, not making it. "The mesage -> queue path" is a
    slip before an arrow of a diagram."""
    arrow = _ARROW_AFTER.match(text, end)
    if arrow is None:
        return False
    lo = max(0, end - 64)
    tail = _WORD_END.search(text, lo, end)
    word = tail.group().casefold() if tail else ""
    mended = arrow.group(1).casefold()
    if sorted(word) == sorted(mended):
        return word != mended  # letters swapped: "teh → the"
    return _close_spellings(word, mended)


def mended_beside(text: str, start: int, end: int, mended: str) -> bool:
    """The word and the word it would be mended to end a short line, at
    most one word before them: a slip paired with its mend ("iabbrev teh
    the", ":abbreviate teh the", a table or list of common slips), named,
    not made. In running text ("Type in teh the box") the mend is only the
    sentence's next word, and the slip is still one."""
    beside = _WORD_BESIDE.match(text, end)
    if beside is None or beside.group(1).casefold() != mended.casefold():
        return False
    line = text.rfind("\n", max(0, start - _MEND_LEAD), start)
    if line < 0 and start > _MEND_LEAD:
        return False
    before = text[line + 1 : start].split()
    return len(before) <= 1 and _LINE_END.match(text, beside.end()) is not None


#: The word after a word, past white space on its line.
_WORD_BESIDE = later_re(r"[ \t]+(\w+)")
#: White space to the end of a line.
_LINE_END = later_re(r"[ \t]*(?:\r?\n|\Z)")
#: Most characters before a slip on a line that pairs it with its mend.
_MEND_LEAD = 24


def _close_spellings(word: str, mended: str) -> bool:
    """Whether ``mended`` keeps most of ``word``'s letters in order (the
    ``difflib`` ratio): the word a slip or an old name was mended to."""
    import difflib  # only for a word before an arrow or a "to": not at start

    return difflib.SequenceMatcher(None, word, mended).ratio() >= _MENDED_RATIO


def in_embedded_post(doc: Document, start: int) -> bool:
    """The word is inside a social network's post embedded in the page (a
    ``<blockquote>`` whose class names the network): quoted as its author
    wrote it, spellings and all. A pull quote the page sets in a plain
    blockquote, with its attribution, and a Markdown ``>`` block are the
    page's own words."""
    block = doc.block_at(start)
    if block is None or block.kind != "blockquote":
        return False
    text = doc.text
    lo = max(0, start - _QUOTATION_REACH)
    opened = text.rfind("<blockquote", lo, start)
    if opened < 0 or text.rfind("</blockquote", opened, start) >= 0:
        return False
    return _EMBED_TAG.match(text, opened) is not None


#: How far back a blockquote's start tag is looked for.
_QUOTATION_REACH = 4_000
#: The start tag of a social network's embedded post: its class names the
#: network (a pull quote the page writes itself has none of these).
_EMBED_TAG = later_re(
    r"<blockquote\b[^>]*?\b(?:class|data-[\w-]+)[ \t]*=[ \t]*[\"']?[^\"'>]*"
    r"(?:tweet|instagram|tiktok|embed|mastodon|bluesky|threads|reddit|fb-|linkedin)",
    re.IGNORECASE,
)


class LoremFiller(Analysis[bool]):
    """Whether the document holds placeholder Latin ("Lorem ipsum dolor sit
    amet", "consectetur adipiscing elit"): a template's or an exemplar
    page's filler, whose words are no one's slips. A literal search, once:
    each unit of checks that asks builds its own. The phrases are looked
    for in the lowered prose first, in C; the pattern ignoring case reads
    every place of the prose (0.24 s of 8 MB of news) and is asked only
    where the lowered copy holds a phrase or cannot be made."""

    GROUPS = False

    @classmethod
    def compute(cls, doc: Document) -> bool:
        low = doc.get(LoweredProse)
        if low is not None and not any(phrase in low for phrase in _LOREM_PHRASES):
            return False
        return _LOREM.search(doc.prose) is not None


def lorem_word(doc: Document, folded: str) -> bool:
    """The word is one of placeholder Latin's in a document that holds it
    (:class:`LoremFiller`): "varius", "commodo", "blandit"."""
    return folded in _LOREM_WORDS and doc.get(LoremFiller)


#: Placeholder Latin's phrases, in lower case, and the pattern for them.
_LOREM_PHRASES = ("lorem ipsum", "dolor sit amet", "consectetur adipiscing")
_LOREM = later_re("(?i)" + "|".join(_LOREM_PHRASES))
#: The words placeholder Latin is made of (the generators' shared stock).
_LOREM_WORDS = word_set(
    "lorem ipsum dolor sit amet consectetur consectetuer adipiscing adipisicing "
    "elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua enim "
    "ad minim veniam quis nostrud exercitation ullamco laboris nisi aliquip ex ea "
    "commodo consequat duis aute irure reprehenderit voluptate velit esse cillum "
    "fugiat nulla pariatur excepteur sint occaecat cupidatat non proident sunt "
    "culpa qui officia deserunt mollit anim id est laborum curabitur vestibulum "
    "vivamus donec nullam nunc praesent mauris pellentesque phasellus aenean "
    "etiam maecenas morbi integer suspendisse fusce quisque proin cras nam "
    "aliquam sociosqu litora torquent conubia nostra inceptos himenaeos "
    "hymenaeos class aptent taciti per ac at eu vel nec vitae varius luctus "
    "blandit vehicula lectus massa imperdiet tincidunt neque tortor "
    "sollicitudin euismod metus faucibus felis urna purus interdum ullamcorper "
    "libero justo mollis fringilla ante dui mi rutrum accumsan tellus "
    "condimentum augue placerat iaculis posuere pede lacinia nibh elementum "
    "orci volutpat eros sapien ultrices ultricies erat dapibus laoreet odio "
    "ligula arcu venenatis quam lacus sagittis semper viverra mattis pulvinar "
    "porttitor tristique gravida feugiat facilisis dignissim efficitur egestas "
    "eleifend fermentum hendrerit lobortis malesuada pharetra pretium rhoncus "
    "scelerisque sodales suscipit tempus vulputate bibendum congue convallis "
    "cursus dictum diam eget leo nisl porta risus sem turpis habitant senectus "
    "netus fames platea dictumst habitasse hac auctor ornare molestie penatibus "
    "magnis dis parturient montes nascetur ridiculus mus natoque cubilia curae "
    "primis orci luctus ultrices posuere"
)


def patch_subject(text: str, start: int) -> bool:
    """The word is in a patch's or a commit's subject cited as it was sent:
    after a mailing list's tag on its line ("[PATCH v3 net-next 6/9] bpf:
    thunderx: Report ...", "[llvm] r305559 - bpf: set missing types in insn
    ...") or after two subsystem prefixes ("bpf: offload: rename the
    ifindex field"). Its words are the kernel's and the sender's: ``insn``,
    ``thunderx`` and their typos too are cited, not written here."""
    # Read back no further than a subject runs: a one-line page (minified
    # HTML) asked once per unknown word would be read whole each time.
    lo = max(0, start - _SUBJECT_REACH)
    line = text.rfind("\n", lo, start) + 1 or lo
    return _PATCH_TAG.search(text, line, start) is not None


#: How far back a patch's tag is looked for before a word of its subject.
_SUBJECT_REACH = 240


_PATCH_TAG = later_re(
    r"\[(?:RFC[ \t]+)?(?:PATCH|RFC)\b"
    r"|\[[a-z][\w-]*\][ \t]+r\d+[ \t]+-[ \t]"
    r"|(?:^|\[)[ \t]*(?:[-*+][ \t]+)?[a-z][\w./-]*:[ \t]+[a-z][\w./-]*:[ \t]",
    re.MULTILINE,
)


def renamed_to(text: str, start: int, end: int) -> bool:
    """The word is the old name in a sentence that says what it became: a
    change log names the slip or the old name it replaced ("Changes
    vizualize to visualize", "dscheduler is renamed to dask-scheduler",
    "Rename executables like dscheduler to dask-scheduler"). A verb of
    change before it or "renamed" after it says so, and the new name must
    be close to the old ("We fixed the isssue to make it work" still
    slips)."""
    after = _RENAMED_AFTER.match(text, end)
    if after is None:
        return False
    if after.group("renamed") is None and (
        _MENDING_BEFORE.search(text, max(0, start - 48), start) is None
    ):
        return False
    new = after.group("new").replace("-", "").replace("_", "").casefold()
    return _close_spellings(text[start:end].casefold(), new)


_RENAMED_AFTER = later_re(
    r"[\"'”’`]?[ \t]+(?:(?:is|was|were|are|has[ \t]+been|have[ \t]+been)[ \t]+)?"
    r"(?P<renamed>renamed[ \t]+)?(?:to|into)[ \t]+[\"'“‘`]*(?P<new>\w[\w-]*)"
)
#: A verb of change earlier in the clause: "Changes", "Rename", "fixed".
_MENDING_BEFORE = later_re(
    r"(?i)\b(?:chang|renam|fix|correct|replac|mov|switch)(?:e|es|ed|ing)?\b"
    r"[^.;:!?\n]*\Z"
)


#: Endings a term takes in prose: xfail → xfailed, xfailing, xfailures.
_TERM_ENDINGS = ("ures", "ure", "ings", "ing", "ers", "er", "es", "ed", "s", "d")
#: The endings before which a code word's last consonant may double, and the
#: longest stem (with the doubled letter) read so.
_DOUBLING_ENDINGS = frozenset({"ing", "ings", "ed"})
_DOUBLED_STEM = 6
#: Shortest identifier whose inflections count as the document's terms.
_MIN_CODE_WORD = 4
#: An identifier (or a part of a dotted or underscored one) of code
#: already case-folded, at least ``_MIN_CODE_WORD`` long.
_CODE_WORD = later_re(r"(?<![a-z0-9])[a-z][a-z0-9]{3,}(?![a-z0-9])")


#: Code in the source, by format: Markdown's code spans, reST's inline
#: literals, roles and default-role text, HTML's inline code elements (the
#: terms a page names in its prose; its code blocks hold much more code and
#: few terms). Found by one C-speed scan: a word-by-word look at the masked
#: text cost seconds on 17 MB.
_CODE = {
    "markdown": later_re(r"``?[^`\n]+``?"),
    # Literals, roles, and one identifier in the default role (`arange`:
    # what Sphinx projects set to an object's name), not a link's `text`_
    # nor a title in it (`Installation Guide`); an object description's
    # signature (``.. method:: FrameBuffer.blit(fbuf, x, y)``).
    "rst": later_re(
        r"``[^`\n]+``|:[\w:.-]+:`[^`\n]+`|(?<![`\w])`[\w.:()-]+`(?![`_])"
        r"|(?<![^\n])[ \t]*\.\.[ \t]+(?:\w+:)?(?:function|method|class|attribute"
        r"|data|module|exception|decorator|staticmethod|classmethod|property|member"
        r"|macro|type|var|struct|enum|enumerator|envvar|option|program|cmdoption"
        r"|describe|object)::[^\n]*"
    ),
    # ``tt``: the code of hand-written pages older than HTML5.
    "html": later_re(r"(?i)<(code|kbd|samp|var|tt)\b[^>]*>[^<]*</\1>"),
}


#: A page's code blocks, whose identifiers are its terms as much as its
#: inline code's: a fence's body in Markdown; in reST a literal block
#: after a paragraph's ``::`` or a code directive's body (not another
#: directive's, which is prose: ``.. note::``), as deep as its first line
#: (the prose after it in a note or a list item is not); ``<pre>`` in HTML.
#: The group ``code`` is the body (the line that leads into it is prose).
_CODE_BLOCKS = {
    "markdown": later_re(
        r"(?m)^[ \t]{0,3}(?P<fence>`{3,}|~{3,})[^\n]*\n"
        r"(?P<code>(?:.*\n)*?)[ \t]{0,3}(?P=fence)[ \t]*$"
    ),
    "rst": later_re(
        r"(?m)(?:^[ \t]*\.\.[ \t]+(?:code-block|code|sourcecode)::[^\n]*|"
        r"^(?![ \t]*\.\.[ \t])[^\n]*\S::[ \t]*)\n"
        r"(?:[ \t]+:[\w-]+:[^\n]*\n)*(?:[ \t]*\n)+"
        r"(?P<code>(?P<deep>[ \t]+)\S[^\n]*\n(?:(?P=deep)[^\n]*\n|[ \t]*\n)*)"
    ),
    "html": later_re(r"(?is)<pre\b[^>]*>(?P<code>.*?)</pre>"),
}


#: Longest text whose code is read for its terms: a page's vocabulary is a
#: page's; a file of many megabytes is many pages joined, where the scan
#: cost a twentieth of the run for a few words.
MAX_CODE_TEXT = 2_000_000


class CodeTerms:
    """A page's code vocabulary: the identifiers of its inline code, and of
    its code blocks those that touch code's punctuation (``groups['x']``,
    ``loop:``; a block's words between spaces are often prose, a comment or
    an image's alt text, slips and all), found once, when first asked."""

    __slots__ = ("_blocks", "_identifiers", "inline")

    def __init__(self, inline: frozenset[str], blocks: str) -> None:
        self.inline = inline
        #: The blocks' bodies, case-folded, one after another.
        self._blocks = blocks
        self._identifiers: frozenset[str] | None = None

    def __bool__(self) -> bool:
        return bool(self.inline or self._blocks)

    def __contains__(self, word: str) -> bool:
        """Whether ``word`` (case-folded) is one of the code's identifiers."""
        if word in self.inline:
            return True
        if self._identifiers is None:
            self._identifiers = frozenset(_BLOCK_IDENTIFIER.findall(self._blocks))
        return word in self._identifiers


#: An identifier in a code block: touching code's punctuation on one side
#: at least, or a command, named after a shell prompt ("% twistd -ny
#: app.tac") or before a flag.
_BLOCK_IDENTIFIER = later_re(
    r"(?<=[^\sa-z0-9])[a-z][a-z0-9]{3,}(?![a-z0-9])"
    r"|(?<![a-z0-9])[a-z][a-z0-9]{3,}(?=[^\sa-z0-9])"
    r"|(?:(?<=^[$%] )|(?<=\s[$%] ))[a-z][a-z0-9]{3,}(?![a-z0-9])"
    r"|(?<![a-z0-9])[a-z][a-z0-9]{3,}(?=[ \t]+--?[a-z])",
    re.MULTILINE,
)


class CodeWords(Analysis[CodeTerms]):
    """The identifiers of the document's code (inline spans, literals,
    roles, code elements; code blocks), case-folded, with the parts of
    dotted and underscored names (none for a plain-text draft or a text
    longer than ``MAX_CODE_TEXT``)."""

    @classmethod
    def compute(cls, doc: Document) -> CodeTerms:
        code = _CODE.get(doc.format)
        if code is None or len(doc.text) > MAX_CODE_TEXT:
            return CodeTerms(frozenset(), "")  # a draft has no code markup
        found: set[str] = set()
        for m in code.finditer(doc.text):
            # Match by match: the words of all a long file's code at once
            # were a list as large as the file.
            found.update(_CODE_WORD.findall(m.group().casefold()))
        bodies = [m.group("code") for m in _CODE_BLOCKS[doc.format].finditer(doc.text)]
        return CodeTerms(frozenset(found), "\n".join(bodies).casefold())


def inflects_code(doc: Document, folded: str, is_word: Callable[[str], bool]) -> bool:
    """The word is an identifier of the document's code that is no word of
    the language, or a regular inflection of one (``xfail`` in code,
    "xfail", "xfailed" and "xfailing" in prose): the project's own term,
    named in prose without its markup. A slip of a word that is also code
    ("stoped" beside ``stop()``) is still a slip (``is_word``). Asked only
    of words the lexicon would report."""
    code = doc.get(CodeWords)
    if not code:
        return False
    if folded in code:
        return True  # ``arange`` in code, "arange returns" in prose
    for ending in _TERM_ENDINGS:
        if folded.endswith(ending) and len(folded) - len(ending) >= _MIN_CODE_WORD:
            stem = folded[: -len(ending)]
            terms = [stem, stem + "e"]
            if (
                ending in _DOUBLING_ENDINGS
                and stem[-1] == stem[-2]
                and stem[-1] not in "aeiou"
                and _MIN_CODE_WORD < len(stem) <= _DOUBLED_STEM
            ):
                # ``blit`` in code, "blitting" and "blitted" in prose: a
                # short stem's last consonant doubles ("refererred" is no
                # form of a longer ``referer``).
                terms.append(stem[:-1])
            for term in terms:
                if term in code and not is_word(term):
                    return True
    return False


#: A credit's bracket: words of a name (letters, spaces, dots, hyphens,
#: apostrophes) from "(" to ")", then the change it credits: a pull
#: request or issue number ("(mary marchini) [#51560](…)", "(Jo Ng) #12").
_CREDIT_OPEN = later_re(r"\([\w .'’-]{0,40}\Z")
_CREDIT_CLOSE = later_re(r"[\w .'’-]{0,40}\)[ \t]*(?:\[#\d|\(#\d|#\d|GH-\d)")


def credited(text: str, start: int, end: int) -> bool:
    """A word in the bracket that credits a change to its author in a
    release note: a person's name or handle, as the author wrote it."""
    return (
        _CREDIT_OPEN.search(text, max(0, start - 41), start) is not None
        and _CREDIT_CLOSE.match(text, end) is not None
    )


#: After a name's first word: its surname perhaps, then a link whose text
#: opens with a verb in the past tense ("- manish [upgraded](…) homu",
#: "Matt Brubeck [fixed `<br>` rendering](…)").
_BEFORE_LINKED_VERB = later_re(
    r"(?P<surname>[ \t]+[\w.'’-]+)?[ \t]+\[(?P<verb>[a-z]+)[^\]\n]*\]"
    r"\((?P<target>[^)\s]*)"
)
#: What a link to a change holds: a pull or merge request, a commit, an
#: issue.
_CHANGE_LINK = later_re(r"/(?:pulls?|commits?|issues|merge_requests|compare)/")
#: What opens the clause a credit's name starts: a list item's marker or a
#: comma, semicolon or colon; a given name may stand between.
_CLAUSE_BEFORE_NAME = later_re(
    r"(?:(?:^|\n)[ \t]*(?:[-*+•]|\d+[.)])|[,;:])[ \t]+(?P<given>[\w.'’-]+[ \t]+)?\Z"
)
#: Past tenses a change log credits with that do not end in -ed.
_IRREGULAR_PAST = word_set(
    "made gave got wrote rewrote took built rebuilt found brought did redid "
    "undid sent put set ran began kept led left let split spent taught threw "
    "won drew forgot overrode"
)


def credited_with_link(text: str, start: int, end: int) -> bool:
    """A person's name or handle that a change log credits with a linked
    change: one word, or a capitalised given name and surname, opening a
    list item or a clause, then the change's link, whose text starts with
    what they did and whose target is a change (a pull request, a commit,
    an issue: "- kilobtye [corrected](…/pull/276) a graphics corruption",
    "tenacity, imperio [landed](…/pull/8882) a change", "- Manish
    Goregaokar [added CORS support](…/pull/3141)"). The words are the
    author's, as they sign; a slip there links no verb ("- Fixd [#12](…)")
    or no change ("- Downlaod [signed](…/releases) binaries")."""
    after = _BEFORE_LINKED_VERB.match(text, end)
    if after is None or _CHANGE_LINK.search(after.group("target")) is None:
        return False
    verb = after.group("verb")
    if not ((verb.endswith("ed") and len(verb) > 3) or verb in _IRREGULAR_PAST):
        return False
    before = _CLAUSE_BEFORE_NAME.search(text, max(0, start - 60), start)
    if before is None:
        return False
    other = before.group("given") or after.group("surname")
    if other is None:
        return True
    if before.group("given") and after.group("surname"):
        return False  # three words: no name a credit signs
    return text[start].isupper() and other.strip()[:1].isupper()


#: A list item that opens with a lower-case name in emphasis before a
#: colon: ``- **repeatx:** Whether …``, ``* *offsetx*: The …`` (group
#: "name").
_FIELD_ITEM = later_re(
    r"[ \t]*(?:[-*+•]|\d+[.)])[ \t]+(?P<mark>[*_]{1,2})(?P<name>[a-z][\w.-]*)"
    r"(?::(?P=mark)|(?P=mark)[ \t]*:)"
)
#: Lines above and below a field's item that a sibling item may open.
_FIELD_REACH = 3


def field_label(text: str, start: int, end: int) -> bool:
    """A lower-case name in emphasis that opens a list item before a colon,
    with sibling items of the same shape within a few lines: a reference's
    list of fields, attributes or options (``- **repeatx:** Whether the
    image is repeated``, under ``- **tintcolor:** A color …``), each a name
    of the format. A label one slip from a common word ("- **perfomance:**"
    in a list of pros) is still a slip, unless a sibling is the same name
    with another last letter (``repeatx`` beside ``repeaty``): a family of
    names."""
    lo = line_start(text, start)
    item = _FIELD_ITEM.match(text, lo)
    if item is None or item.start("name") != start or item.end("name") != end:
        return False
    siblings = _field_siblings(text, lo)
    if not siblings:
        return False
    word = text[start:end]
    if not slip_of_a_word(word.casefold()):
        return True
    return any(len(s) == len(word) and s[:-1] == word[:-1] != s for s in siblings)


def _field_siblings(text: str, lo: int) -> list[str]:
    """The names of the field items within ``_FIELD_REACH`` lines of the
    line at ``lo``, above and below."""
    names = []
    above = lo
    for _ in range(_FIELD_REACH):
        if above == 0:
            break
        above = line_start(text, above - 1)
        found = _FIELD_ITEM.match(text, above)
        if found is not None:
            names.append(found.group("name"))
    below = lo
    for _ in range(_FIELD_REACH):
        below = text.find("\n", below) + 1
        if below == 0:
            break
        found = _FIELD_ITEM.match(text, below)
        if found is not None:
            names.append(found.group("name"))
    return names


def handle_in_brackets(text: str, start: int, end: int) -> bool:
    """A word alone in brackets that its line names as a handle or an
    address's part too ("[@bussiere](//github.com/bussiere) (bussiere)"):
    a user name written out, not a slip."""
    if not (start and text[start - 1] == "(" and text.startswith(")", end)):
        return False
    line = text[line_start(text, start) : line_end(text, end)].casefold()
    word = regex_programs.escape(text[start:end].casefold())
    return re.search(rf"[@/]{word}(?![\w-])", line) is not None


def handle_after_name(prose: str, start: int, end: int) -> bool:
    """A lower-case word alone in brackets after a person's full name: a
    user name ("Alan Somers (asomers)"; not "Install Docker (recomended)")."""
    if not (start >= 2 and prose[start - 1] == "(" and prose.startswith(")", end)):
        return False
    if not prose[start:end].islower():
        return False
    before = prose[max(0, start - 60) : start - 1].rstrip().split()
    return len(before) >= 2 and _full_name(" ".join(before[-2:]))
