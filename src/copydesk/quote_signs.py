"""Quote-shaped characters that are no quotation marks, judged by their place.

Quote pairing (``copydesk.quotes``) asks these before it pairs a mark:

- a **ditto mark**: a ``"`` standing alone in a column of a table or an
  aligned list, under a word of the row above, repeats that word;
- an **inch or seconds mark** after a small number: ``a 65" screen``,
  ``16" pizzas`` (a year or a long number before it is a quotation's end);
- a **key of a shortcut**: ``Ctrl+'``, ``Ctrl + Shift + "`` name the key
  that types the mark;
- a mark **inside a URL**, raw (``?q="kyiv"``, ``People's_Republic``): the
  address is one opaque word, whatever its characters.

Each answer depends on the text around one mark only, so the functions are
pure and the pairing pass stays one linear walk.
"""

from __future__ import annotations

import bisect
import re

from copydesk.lazy_patterns import later_re

#: Marks a ditto can be written with: the straight and the right double
#: quote, and the ditto mark proper.
DITTO_MARKS = frozenset('"”〃')
#: A run of two or more spaces or a tab: the gap between two table cells.
_CELL_GAP = later_re(r"[^ \t][ ]{2,}|\t")
#: A URL as it stands in running text (up to the next space or bracket).
#: A URL runs to a space, a bracket or the fillers after a decoded
#: reference (``www.w3&quot;``: the mark is the sentence's).
_URL = later_re(r"(?:https?://|www\.)[^\s<>\[\]{}|\\^`\u2060]+", re.IGNORECASE)
#: Characters a sentence puts right after a URL, not part of it.
_URL_TAIL = ".,;:!?)]}»›…"
_QUOTES_IN_URL = "\"'“”‘’"
#: Speech verbs and pronouns: what follows a quotation's closer without a
#: comma in careless copy (“The talks are over’ she said).
SPEECH = frozenset(
    {"he", "she", "they", "we", "i", "it", "you", "said", "says", "say", "told",
     "added", "asked", "wrote", "replied", "according", "insisted", "warned"}
)  # fmt: skip
#: Words that may follow a closing quotation mark in a sentence (besides
#: ``SPEECH``): a plural possessive is followed by its noun instead.
AFTER_CLOSER = SPEECH | frozenset(
    {"and", "or", "but", "nor", "as", "than", "that", "which", "who", "from",
     "with", "by", "of", "in", "on", "at", "to", "for", "into", "after",
     "before", "when", "while", "because", "so", "then", "instead", "too",
     "also", "again", "not", "is", "are", "was", "were", "has", "have", "had",
     "be", "been", "will", "would", "could", "should", "can", "may", "might",
     "must", "did", "does", "do", "the", "a", "an", "his", "her", "their",
     "its", "our", "this", "these", "those", "about", "over", "under",
     "throughout", "during", "since", "until", "despite", "against", "among",
     "between", "across", "without", "within", "around", "through", "toward",
     "towards", "upon", "amid", "like", "unlike", "via", "per", "here",
     "there", "now", "today", "yesterday", "once", "twice", "only", "even",
     "below", "above", "earlier", "later", "beneath"}
)  # fmt: skip
#: Opening marks: a number right after one is quoted, not measured.
_OPENERS = "\"“„‟«‘'"
#: How many digits a measured number has at most: 65", 2.5", 100" (a year
#: or a longer figure before a " is the end of a quotation).
_MAX_MEASURE_DIGITS = 3


#: The next double mark after a position.
_NEXT_DOUBLE = later_re(r'["“”„‟«»]')
#: Words before a measured number: "a 55" screen", "twelve 16" pizzas".
_DETERMINERS = frozenset(
    {"a", "an", "the", "two", "three", "four", "five", "six", "seven", "eight",
     "nine", "ten", "eleven", "twelve", "twenty", "several", "few", "many",
     "his", "her", "its", "their", "our", "my", "your", "this", "that",
     "these", "those", "new", "old", "one"}
)  # fmt: skip


def _closer_ahead(prose: str, pos: int, hi: int) -> bool:
    """True when the next double mark after ``pos`` in the block is shaped as
    a closer (after a word), so the open quotation can still close there."""
    m = _NEXT_DOUBLE.search(prose, pos + 1, hi)
    return m is not None and m.group() in '"”' and not prose[m.start() - 1].isspace()


def _counted(prose: str, pos: int, lo: int) -> bool:
    """True when a determiner or count stands before the number ending at
    ``pos`` (a space between them)."""
    i = pos - 1
    while i >= lo and (prose[i].isdigit() or prose[i] in ".,/"):
        i -= 1
    if i < lo or prose[i] != " ":
        return False
    end = i
    while i > lo and prose[i - 1].isalpha():
        i -= 1
    return prose[i:end].casefold() in _DETERMINERS


#: A keyboard shortcut's modifiers and the ``+`` before its last key:
#: "Ctrl+", "Ctrl + Shift + " (a hyphen would take a cited prefix,
#: "meta-", for a shortcut).
_MODIFIERS_BEFORE = later_re(
    r"(?:\b(?:ctrl|control|shift|alt|option|opt|cmd|command|meta|super|win)"
    r"[ \t]*\+[ \t]*)+\Z",
    re.IGNORECASE,
)
#: How far back the modifiers of a shortcut are read.
_SHORTCUT_REACH = 40


def is_key(prose: str, pos: int) -> bool:
    """The mark at ``pos`` is the key a shortcut names after its modifiers
    ("press Ctrl + Shift + ' to toggle"), not a quotation mark: nothing but
    a space, a closing bracket or punctuation follows it."""
    before = prose[max(0, pos - 2) : pos].rstrip(" \t")
    if not before.endswith("+"):
        return False  # most marks: no shortcut's plus before them
    after = prose[pos + 1 : pos + 2]
    if after and not (after.isspace() or after in ".,;:)]<"):
        return False
    lo = max(0, pos - _SHORTCUT_REACH)
    return _MODIFIERS_BEFORE.search(prose[lo:pos]) is not None


def word_at(text: str, start: int, end: int) -> str:
    """The run of letters of ``text`` from ``start`` (before ``end``)."""
    stop = start
    while stop < end and text[stop].isalpha():
        stop += 1
    return text[start:stop]


def url_spans(prose: str) -> list[tuple[int, int]]:
    """Spans of the URLs written in ``prose``, each without the punctuation
    or the unbalanced quote mark that follows it in the sentence."""
    if "://" not in prose and "www." not in prose.lower():
        return []
    spans = []
    for m in _URL.finditer(prose):
        start, end = m.span()
        while end > start and _trailing(prose, start, end):
            end -= 1
        spans.append((start, end))
    return spans


def _trailing(prose: str, start: int, end: int) -> bool:
    """True when the URL's last character belongs to the sentence: closing
    punctuation, or a quote mark with no partner in the address."""
    last = prose[end - 1]
    if last in _URL_TAIL:
        return True
    return last in _QUOTES_IN_URL and _unbalanced(prose[start:end], last)


def _unbalanced(url: str, mark: str) -> bool:
    """True when ``mark`` ends ``url`` and has no partner inside it."""
    partner = {"”": "“", "’": "‘"}.get(mark, mark)
    if partner == mark:
        return url.count(mark) % 2 == 1
    return url.count(partner) < url.count(mark)


def inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    """True when ``pos`` lies in one of the sorted, disjoint ``spans``."""
    index = bisect.bisect_right(starts, pos) - 1
    return index >= 0 and pos < spans[index][1]


def is_ditto(source: str, pos: int) -> bool:
    """True when the mark at ``pos`` is a ditto mark in a table or list.

    It stands alone between spaces (or at a line's edge), its line is laid
    out in cells (a gap of two or more spaces or a tab), and the line above,
    which is not blank, has a character in the mark's column: the word the
    mark repeats.
    """
    return DittoLines(source).is_ditto(pos)


class DittoLines:
    """``is_ditto`` for the marks of one text, asked in order: each line's
    bounds, whether it is laid out in cells and the line above it are found
    once per line, not once per mark (each search took as long as the line:
    one long line of spaced marks was quadratic)."""

    __slots__ = ("_above", "_cells", "_counted", "_end", "_start", "_tabs", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self._start, self._end = 0, -1
        self._cells = self._tabs = False
        self._above = ""
        #: Where the last column was counted: (position, column, column
        #: since the last CR), for ``_column`` to count on from.
        self._counted = (0, 0, 0)

    def is_ditto(self, pos: int) -> bool:
        """See the module function ``is_ditto``."""
        source = self.source
        # Alone between spaces first, read beside the mark.
        before = source[pos - 1] if pos and source[pos - 1] != "\n" else " "
        after = source[pos + 1 : pos + 2].replace("\n", "") or " "
        if before not in " \t" or after not in " \t\r":
            return False
        if not self._start <= pos < self._end:
            self._line(pos)
        if not self._cells or not self._start or not self._above.strip():
            return False
        above = self._above
        column = self._column(pos) if self._tabs else pos - self._start
        return any(
            0 <= column + shift < len(above) and not above[column + shift].isspace()
            for shift in (0, -1, 1)
        )

    def _column(self, pos: int) -> int:
        """``len(source[line start:pos].expandtabs())``, counted on from the
        mark asked before on the line: expanding the tabs from the line's
        start for each mark was quadratic on a long line of tabs and marks
        (0.4 MB: 41 s). A CR resets the tab stops but not the count."""
        since, column, stop = self._counted
        if not self._start <= since <= pos:
            since, column, stop = self._start, 0, 0
        piece = self.source[since:pos]
        cr = piece.rfind("\r")
        if cr >= 0:  # up to the CR from the tab stop reached, then from 0
            column += _expanded(piece[: cr + 1], stop)
            piece, stop = piece[cr + 1 :], 0
        width = _expanded(piece, stop)
        self._counted = (pos, column + width, stop + width)
        return column + width

    def _line(self, pos: int) -> None:
        """Read the line holding ``pos``: its start is searched for from the
        end of the line read before when ``pos`` lies after it."""
        source = self.source
        origin = self._end if 0 <= self._end < pos else 0
        self._start = source.rfind("\n", origin, pos) + 1
        end = source.find("\n", pos)
        self._end = len(source) if end < 0 else end
        self._cells = _CELL_GAP.search(source, self._start, self._end) is not None
        self._tabs = source.find("\t", self._start, self._end) >= 0
        self._above = ""
        if self._start and self._cells:
            above_end = self._start - 1
            above_start = source.rfind("\n", 0, above_end) + 1
            self._above = source[above_start:above_end].rstrip("\r").expandtabs()


def _expanded(piece: str, stop: int) -> int:
    """The length of ``piece`` with its tabs expanded when it starts at
    column ``stop``: only the column within a tab stop matters."""
    lead = stop % 8
    return len((" " * lead + piece).expandtabs()) - lead


def is_measure(prose: str, pos: int, lo: int, hi: int, *, quoted: bool) -> bool:
    """True when the ``"`` at ``pos`` marks inches or seconds after a small
    number (``65"``, ``2.5"``) and a measured thing follows: a word in lower
    case that is no speech verb or pronoun, or ``x``/``×`` (``12" x 18"``).

    With a quotation open (``quoted``) the mark is more likely its closer
    (“Fed 100” award, "Quiz 2" score): it measures only when a determiner
    or a count comes before the number ("twelve 16" pizzas, a 55" set) or
    another double mark later in the block can still close the quotation.
    """
    if quoted and not (_closer_ahead(prose, pos, hi) or _counted(prose, pos, lo)):
        return False
    i = pos - 1
    digits = 0
    while i >= lo and (prose[i].isdigit() or prose[i] in ".,/½¼¾"):
        digits += prose[i].isdigit()
        i -= 1
    if digits == 0 or (digits > _MAX_MEASURE_DIGITS and "." not in prose[i:pos]):
        return False
    if i >= lo and (prose[i].isalnum() or prose[i] in _OPENERS):
        return False  # Rev2" is a name's end; "2.0" and “988” quote a number
    j = pos + 1
    if j < hi and prose[j] in "-–":
        return True  # 12"-wide
    while j < hi and prose[j] == " ":
        j += 1
    if j >= hi or (j == pos + 1 and prose[j].isalpha()):
        return False
    if prose[j] in "x×" and (j + 1 >= hi or not prose[j + 1].isalpha()):
        return True
    word = word_at(prose, j, hi)
    return bool(word) and word.islower() and word not in AFTER_CLOSER
