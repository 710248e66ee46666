"""One RE2 pass that finds where any line or sentence rule may match.

Whole-line and between-sentence rules (``existence`` with ``line`` or
``between_sentences``) can only match at a line start or right after a
sentence end. Trying each rule's pattern at each such place costs a regex
call per line per rule; instead, the RE2 supersets of those rules' tokens
are joined into an automaton, with the anchors written in RE2 syntax around
them, and one scan of the document lists the few places where some token
may match. Each rule then tries its real pattern only there. A ruleset's
rules are joined in a few automata of bounded size (``Existence.link``,
``existence.SCAN_BUDGET``): one for all of them outgrew RE2's DFA cache.

The places are line starts and sentence starts (after the gap that follows
``.!?…``), reported in character offsets. The scan restarts one byte after
each place it finds, so a long candidate never hides a later one. A
document's places are its ``AnchorPlaces`` analysis, one entry per scan:
the rules that share a scan read one result.
"""

from collections.abc import Sequence
from typing import Any, NamedTuple

from copydesk.document import Analysis, ByKey, Document
from copydesk.re2_superset import compile_scanner
from copydesk.text_pieces import PIECE, line_pieces
from copydesk.utf8_count import char_offsets, utf8_or_none

#: The RE2 forms of the existence anchors (each at least as wide as its
#: ``regex`` original): indent and bullet, line end, sentence end, and the
#: capitalised start of the next sentence.
#: What may lead a line of debris before its words: list bullets and
#: markers, and the icons a page sets before its furniture (🕑 2 minute
#: read, 👁 5 318, ▶ Play episode): arrows, technical symbols, shapes,
#: dingbats and emoji (not the enclosed letters: ⓒ opens a copyright line).
LEAD_MARKS = (
    "-*+•·▪►▸|>"
    "\u2190-\u21ff\u2300-\u23ff\u25a0-\u27bf\u2b00-\u2bff"
    "\U0001f300-\U0001faff\ufe0f"
)
LEAD = r"[ \t]*(?:[" + LEAD_MARKS + r"]+[ \t]*)?"
LINE_TAIL = r"[ \t]*\r?$"
SENTENCE_TAIL = r"(?:[ \t]*\r?$|[ \t]+(?-i:[\"“„»«‘(]?[A-Z0-9\x{80}-\x{10FFFF}]))"
GAP = r"[.!?…][\"”’«»)\]]?[ \t]+"
#: Items before and after a whole-line token on a line of items joined by
#: middle dots, bullets or bars, a wide gap, or a sentence's end
#: (``copydesk.segmented_lines``).
SEGMENT_HEAD = r"(?:[^\n]*(?:[·•|]|[ \t]{2}|[.!?][ \t])[ \t]*)?"
SEGMENT_TAIL = r"(?:(?:[ \t]*[·•|]|[ \t]{2}|[.!?][ \t])[^\n]*)?"


class Member(NamedTuple):
    """What the scan needs of one rule: its anchor, case and RE2 tokens."""

    anchor: str  # "line" or "sentence"
    ignorecase: bool
    body: str


class Places(NamedTuple):
    """Where a scanned document's anchored rules may match."""

    lines: list[int]
    sentences: list[int]

    def for_anchor(self, anchor: str) -> list[int]:
        if anchor == "line" or not self.sentences:
            return self.lines
        return sorted(self.lines + self.sentences)


class AnchorScan:
    """The shared scan of a group of anchored rules (compiled on first use)."""

    __slots__ = (
        "_gap_pattern",
        "_gap_scanner",
        "_gaps",
        "_line_local",
        "_pattern",
        "_scanner",
    )

    def __init__(self, members: Sequence[Member]) -> None:
        self._pattern = union(members)
        self._gap_pattern = gap_union(members)
        self._gaps = bool(self._gap_pattern)
        self._scanner: Any = None
        self._gap_scanner: Any = None
        self._line_local: bool | None = None

    def places(self, doc: Document) -> Places | None:
        """The document's candidate places, or None when the scan cannot
        stand in for trying every place (see ``_scannable``); scanned once
        per document for all the rules that share this scan."""
        return doc.get(AnchorPlaces)[self]

    @property
    def compiled(self) -> bool:
        """Whether the joined pattern was compiled (or refused) yet: a scan
        is compiled when a document first needs it, not when it is built."""
        return self._scanner is not None

    @property
    def usable(self) -> bool:
        """Whether the joined pattern compiles (within RE2's memory budget)."""
        if self._scanner is None:
            self._scanner = (
                compile_scanner(self._pattern, ignorecase=False)
                if self._pattern
                else None
            ) or False
        return bool(self._scanner)

    def scan(self, text: str, data: bytes | None = None) -> Places | None:
        """Where the rules may match in ``text`` (see ``places``); ``data``:
        its UTF-8 bytes, when the caller has them already.

        Without them, a text longer than a piece is encoded and scanned a
        piece at a time when no match can hold a line feed (each piece ends
        after one, see ``re2_lines``): its whole UTF-8 was a copy of the
        prose beside it, the peak of a check of a large file."""
        if not self.usable or not _scannable(text):
            return None
        if data is None and len(text) > PIECE and self._lines_only():
            return self._scan_pieces(text)
        if data is None:
            data = utf8_or_none(text)
            if data is None:
                return None
        return self._scan_data(text, data)

    def _lines_only(self) -> bool:
        """Whether no match of this scan can hold a line feed."""
        if self._line_local is None:
            from copydesk.re2_lines import line_local  # large texts only

            self._line_local = line_local(self._pattern) and line_local(
                self._gap_pattern
            )
        return self._line_local

    def _scan_pieces(self, text: str) -> Places | None:
        """:meth:`scan` of ``text`` a piece at a time."""
        lines: list[int] = []
        sentences: list[int] = []
        total = len(text)
        for start, end in line_pieces(text):
            piece = text[start:end]
            data = utf8_or_none(piece)
            if data is None:
                return None
            found = self._scan_data(piece, data)
            # A place at a piece's end is the next piece's first line, read
            # there with the line it starts.
            stop = end - start if end < total else end - start + 1
            lines.extend(start + p for p in found.lines if p < stop)
            sentences.extend(start + p for p in found.sentences if p < stop)
        return Places(lines, sentences)

    def _scan_data(self, text: str, data: bytes) -> Places:
        """The places in ``text``, whose UTF-8 is ``data``."""
        search = self._scanner.search
        gaps = self._gaps
        lines: list[int] = []
        sentences: list[int] = []
        pos = 0
        while (found := search(data, pos)) is not None:
            start = found.start()
            gap_end = found.start(1) if gaps else -1
            if gap_end < 0:
                lines.append(start)
                if gaps and data.startswith(_SENTENCE_ENDS, start):
                    # A line opening with "…" may hold a sentence start too,
                    # which the line branch, tried first, hid.
                    gap_end = self._gap_at(data, start)
            if gap_end >= 0:
                sentences.append(gap_end)
            pos = start + 1
        if len(data) != len(text):  # not ASCII: byte offsets to characters
            lines = char_offsets(data, lines)
            sentences = char_offsets(data, sentences)
        return Places(lines, sentences)

    def _gap_at(self, data: bytes, pos: int) -> int:
        """Where the sentence after a gap at ``pos`` starts, or -1."""
        if self._gap_scanner is None:
            scanner = compile_scanner(self._gap_pattern, ignorecase=False)
            self._gap_scanner = scanner or False  # refused: not tried again
        found = self._gap_scanner.match(data, pos) if self._gap_scanner else None
        return -1 if found is None else int(found.start(1))


class AnchorPlaces(Analysis[ByKey[AnchorScan, Places | None]]):
    """A document's places per anchor scan, each scanned on first ask.

    Keyed by the scan, not computed for the document alone: a ruleset's
    anchored rules share one scan, and a rule too big for it has its own.
    """

    @classmethod
    def compute(cls, doc: Document) -> ByKey[AnchorScan, Places | None]:
        prose = doc.prose  # not the document: a value must not hold it

        def scan_prose(scan: AnchorScan) -> Places | None:
            # Encoded per scan, not kept: a document runs one or two scans,
            # and its UTF-8 kept would be a copy of the prose for the run.
            return scan.scan(prose)

        return ByKey(scan_prose)


#: The first UTF-8 bytes of the sentence ends ``GAP`` starts with.
_SENTENCE_ENDS = (b".", b"!", b"?", "…".encode())


def _alternatives(members: Sequence[Member], anchor: str) -> str:
    return "|".join(
        f"(?{'i' if m.ignorecase else '-i'}:{m.body})"
        for m in members
        if m.anchor == anchor
    )


def _gap_branch(sentence_rules: str) -> str:
    """Sentence rules after a sentence end; the empty group marks where the
    sentence starts."""
    return f"{GAP}()(?:{sentence_rules}){SENTENCE_TAIL}"


def gap_union(members: Sequence[Member]) -> str:
    """The gap branch alone ("" without sentence rules)."""
    sentence_rules = _alternatives(members, "sentence")
    return f"(?m){_gap_branch(sentence_rules)}" if sentence_rules else ""


def union(members: Sequence[Member]) -> str:
    """The RE2 pattern: a line branch for every rule, and the gap branch for
    sentence rules; "" for none."""
    line_rules = _alternatives(members, "line")
    sentence_rules = _alternatives(members, "sentence")
    at_line: list[str] = []
    if line_rules:
        # A token may also be one item of a line of items joined by dots
        # (``copydesk.segmented_lines``), first or later.
        at_line.append(f"{SEGMENT_HEAD}(?:{line_rules}){SEGMENT_TAIL}{LINE_TAIL}")
    if sentence_rules:
        at_line.append(f"(?:{sentence_rules}){SENTENCE_TAIL}")
    if not at_line:
        return ""
    pattern = f"(?m)^{LEAD}(?:{'|'.join(at_line)})"
    if sentence_rules:
        pattern += f"|{_gap_branch(sentence_rules)}"
    return pattern


def _scannable(text: str) -> bool:
    """RE2's ``^`` and ``$`` know only LF: a lone CR line break needs every
    place tried."""
    return "\r" not in text or text.count("\r") == text.count("\r\n")
