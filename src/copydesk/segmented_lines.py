"""Lines of page furniture laid out in segments: "Updated 2 hours ago · 4 min
read", "By Ana Ruiz · @anaruiz · Follow", "App Store | Google Play".

A web page sets its meta line (byline, handle, stamps, buttons) as items
joined by middle dots, bullets or bars, a row of buttons with wide gaps, a
notice as sentences; pasted with the text, the items land on one
line. A whole-line debris rule (``line: true``) finds each item alone, but the
joined line is none of its tokens. Here such a line is the rule's when every
segment is one of its tokens or one of the lines its ``block`` lets stand
beside an anchor (a byline, a handle), and there is evidence enough: two
tokens, a token of several words, or a token beside words ("Follow" beside
"By Ana Ruiz"; "Play · 19:30" is a listing, "Play video · 2:14" a player).
A sentence with a middle dot in it ("the 2·3 split") has a segment that is
no token, so it stays clean. The items must be one rule's: "By Ana Ruiz ·
Updated 2 hours ago" mixes two and is left alone.

A line is split once per document (``DottedLines``), and a rule looks at it
only when one of its tokens could begin one of the segments, which its
first-word index tells without compiling anything: a long text full of
middle dots costs one split per line, not one per line and rule.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from copydesk import patterns
from copydesk.checks.anchor_scan import LEAD
from copydesk.document import Analysis, ByKey, Document
from copydesk.lazy_patterns import later_re
from copydesk.lines import line_end

if TYPE_CHECKING:  # ``regex`` is imported to compile only (``regex_programs``)
    import regex

#: What a page puts between the items of a meta line, strongest first: a
#: middle dot or bullet, a bar ("App Store | Google Play"), a wide gap
#: (buttons in a row: "Accept  Refuse  Settings"), a sentence's end (a
#: notice and its count: "This article is for subscribers. You have 2 free
#: articles left."). A line is split at the strongest it holds only, so an
#: abbreviation ("By Dr. Ana Ruiz · Follow") or a token's own bar ("Follow |
#: Following") stays inside its item.
DOTS, BARS, GAPS, SENTENCES = range(4)
_SEPARATORS = (
    (DOTS, later_re(r"[·•]"), later_re(r"[ \t]*[·•][ \t]*")),
    (BARS, later_re(r"\|"), later_re(r"[ \t]*\|[ \t]*")),
    (GAPS, later_re(r"\S[ \t]{2,}\S"), later_re(r"[ \t]{2,}")),
    (SENTENCES, later_re(r"[.!?][ \t]"), later_re(r"(?<=[.!?])[ \t]+")),
)
#: Indentation and a bullet before the first item (the lead a whole-line
#: token allows, as the shared scan writes it).
_LEAD = later_re(LEAD)
#: Most items a meta line holds; longer runs are lists, not one line.
MAX_SEGMENTS = 6
#: Longest line a whole-line rule reads, a meta line included: debris is
#: short, paragraphs are not.
MAX_LINE = 500

_NEITHER, _BESIDE, _TOKEN = range(3)
#: Words a line must have to be prose that announces a list.
_PROSE_WORDS = 5
#: Words of the longest token a line of sentences must hold.
_SENTENCE_TOKEN_WORDS = 3
#: Most item texts a rule remembers.
_MAX_SEEN = 4096
#: A line's segments: the separator between them, and each one's start
#: offset, text and first word (case-folded, after any bullet).
Segments = tuple[int, tuple[tuple[int, str, str], ...]]
_NONE: Segments = (DOTS, ())
_FIRST_WORD = later_re(LEAD + r"(\S+)")


def segments_at(text: str, pos: int) -> Segments:
    """The separator and segments of the line that starts at ``pos`` when
    it is a line of two to ``MAX_SEGMENTS`` non-empty items joined by its
    strongest separator, else no segments."""
    end = line_end(text, pos)
    if end - pos > MAX_LINE:
        return _NONE
    lead = _LEAD.match(text, pos, end)
    start = lead.end() if lead is not None else pos
    line = text[start:end].rstrip()
    found = next(
        ((kind, split) for kind, present, split in _SEPARATORS if present.search(line)),
        None,
    )
    if found is None:
        return _NONE
    kind, split = found
    pieces: list[tuple[int, str]] = []
    at = 0
    for gap in split.finditer(line):
        pieces.append((start + at, line[at : gap.start()]))
        at = gap.end()
        if len(pieces) > MAX_SEGMENTS:
            return _NONE
    pieces.append((start + at, line[at:]))
    if not 2 <= len(pieces) <= MAX_SEGMENTS or not all(t for _, t in pieces):
        return _NONE
    return kind, tuple((at, piece, _first_word(piece)) for at, piece in pieces)


def announced(prose: str, pos: int) -> bool:
    """Whether the last line of text before the one at ``pos`` is a
    sentence of prose ending with a colon ("The remote has four buttons:"):
    the text announces what follows. A label ("Audio:") announces nothing."""
    return bool(_lead_in(prose, pos))


def _lead_in(prose: str, pos: int) -> str:
    """The last line of text before the one at ``pos`` when it is a sentence
    of prose ending with a colon (see ``announced``), else ""."""
    before = prose[max(0, pos - MAX_LINE) : pos].rstrip()
    if not before.endswith(":"):
        return ""
    line = before[before.rfind("\n") + 1 :]
    return line if len(line.split()) >= _PROSE_WORDS else ""


#: A list item's marker at a line's start: a bullet or a number.
_ITEM = later_re(r"[ \t]*(?:[-*+•–]|\d{1,3}[.)])[ \t]+\S")


def in_announced_list(prose: str, pos: int) -> bool:
    """Whether the line at ``pos`` is a short item (a few words, no label)
    of a list that a sentence of prose ending with a colon leads into
    ("The regulator restricted these services:" then "- Telegram", "-
    Viber"): the text's own list, whatever its items name. A lead-in that
    is itself a prompt ("Follow us on our social networks:") leads into
    debris."""
    item = _ITEM.match(prose, pos)
    if item is None:
        return False
    line = prose[item.end() - 1 : line_end(prose, pos)]
    if not _short_item(line):
        return False
    first = pos
    for _ in range(_LIST_REACH):
        if first == 0:
            break
        above = prose.rfind("\n", max(0, first - 1 - MAX_LINE), first - 1) + 1
        if _ITEM.match(prose, above) is None:
            break
        first = above
    else:
        return False  # a list this long is read no further
    return _announces_its_own(prose, first)


def announced_item(prose: str, line: str, list_start: int) -> bool:
    """Whether ``line``, the words of a line of an item of a list written
    as markup (its bullet masked: an HTML ``<li>``), is a short item of a
    list that starts at ``list_start`` and that a sentence of prose ending
    with a colon leads into ("The post drew replies as well. We got:" then
    "24 comments", "24 shares"), as ``in_announced_list`` reads a list of
    bullets."""
    return _short_item(line) and _announces_its_own(prose, list_start)


def _short_item(item: str) -> bool:
    """A few words and no label: "- Read more: Why the talks failed" is a
    labelled link."""
    return ":" not in item and len(item.split()) <= _ITEM_WORDS


def _announces_its_own(prose: str, pos: int) -> bool:
    """A lead-in before ``pos`` (``_lead_in``) that is no prompt of the
    page's."""
    lead_in = _lead_in(prose, pos)
    return bool(lead_in) and _PROMPT.search(lead_in) is None


#: Most words of a list item an announcement covers.
_ITEM_WORDS = 4
#: Most items above a line that are read for the list's lead-in.
_LIST_REACH = 40
#: Words of a page's prompts: a lead-in holding one leads into a share bar,
#: a follow box or a list of links.
_PROMPT = later_re(
    r"(?i)\b(?:follow|share|subscribe|like us|join us|find us|download|read"
    r"|more|related|social|newsletter)\b"
)


def _first_word(piece: str) -> str:
    first = _FIRST_WORD.match(piece)
    return first.group(1).casefold() if first is not None else ""


class DottedLines(Analysis[ByKey[int, Segments]]):
    """Each asked line's segments, split once for all whole-line rules."""

    @classmethod
    def compute(cls, doc: Document) -> ByKey[int, Segments]:
        prose = doc.prose
        return ByKey(lambda pos: segments_at(prose, pos))


class SegmentedLine:
    """Tells whether a line is a rule's items joined by separators."""

    __slots__ = ("beside", "seen", "tokens")

    def __init__(
        self, tokens: patterns.LazyPattern, beside: Sequence[regex.Pattern[str]]
    ) -> None:
        #: The rule's tokens as one unanchored pattern (compiled on first use).
        self.tokens = tokens
        #: Lines that count beside a token (the rule's block patterns).
        self.beside = tuple(beside)
        #: What each item text seen was: a token (2), beside one (1) or
        #: neither (0). A page repeats its meta line's items on every story.
        self.seen: dict[str, int] = {}

    def span(
        self, doc: Document, pos: int, may_begin: Callable[[str], bool]
    ) -> tuple[int, int] | None:
        """The items' span on the line starting at ``pos`` when it is one of
        this rule's, else None. ``may_begin(word)``: whether one of the
        rule's tokens may begin with that word (its first-word index)."""
        separator, segments = doc.get(DottedLines)[pos]
        if not segments or not any(may_begin(word) for _, _, word in segments):
            return None
        if separator != DOTS and announced(doc.prose, pos):
            return None  # "four buttons:" then "Play | Pause | Mute": a list
        found = 0
        enough = False
        longest = 0
        for _, piece, _ in segments:
            kind = self._kind(piece)
            if kind == _TOKEN:
                found += 1
                words = len(piece.split())
                longest = max(longest, words)
                enough = enough or found > 1 or words > 1
            elif kind == _BESIDE and separator != SENTENCES:
                enough = enough or any(c.isalpha() for c in piece)
            else:
                return None
        if not (found and enough):
            return None
        # Weaker separators need more: a row of buttons has three items, two
        # of them the rule's ("Share     Teilen" is a glossary's row), and
        # sentences one of several words ("Deny. Deny." is prose).
        if separator == GAPS and (len(segments) < 3 or found < 2):
            return None
        if separator == SENTENCES and longest < _SENTENCE_TOKEN_WORDS:
            return None
        first = segments[0][0]
        last, text, _ = segments[-1]
        return first, last + len(text)

    def _kind(self, piece: str) -> int:
        """Whether ``piece`` is a token, a line beside one, or neither."""
        kind = self.seen.get(piece)
        if kind is None:
            if len(self.seen) > _MAX_SEEN:
                self.seen.clear()
            if self.tokens.get().fullmatch(piece, timeout=patterns.match_timeout()):
                kind = _TOKEN
            elif any(p.fullmatch(piece) is not None for p in self.beside):
                kind = _BESIDE
            else:
                kind = _NEITHER
            self.seen[piece] = kind
        return kind
