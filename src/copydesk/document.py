"""A document to lint: the source text, its prose view and a line index.

Mask, don't extract: ``prose`` has the same length as ``text``, with everything
that is not prose (code, URLs, tags, front matter) replaced by spaces and line
breaks kept, so an offset found in the prose view is an offset in the source.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from copydesk.model import Finding, Fix, Severity

#: Block kinds that readers report; rule ``scope`` values select among them.
BLOCK_KINDS = (
    "paragraph",
    "heading",
    "list",
    "table",
    "blockquote",
    "alt",
    "code",
)


#: What a document is: a plain-text ``draft`` (pasted or scraped from a web
#: page, stdin) or an ``authored`` page written in markup. Rule files choose
#: the kinds they apply to (``kinds:``); configuration may override a file's.
DOCUMENT_KINDS = ("draft", "authored")


def default_kind(fmt: str) -> str:
    """A document's kind unless configured: plain text and Word files are drafts."""
    return "draft" if fmt in ("plain", "docx") else "authored"


_WORD = re.compile(r"\w+")


class Block(NamedTuple):
    """A unit of prose (paragraph, heading, list item, ...) by source offsets.

    A named tuple rather than a frozen dataclass: readers make one per
    paragraph, and a frozen dataclass's ``__init__`` cost a tenth of the
    Markdown reader's time.
    """

    start: int
    end: int
    kind: str = "paragraph"


@dataclass(frozen=True, slots=True)
class Directive:
    """An inline ``copydesk: ...`` comment found by a markup reader.

    ``action`` is one of ``disable``, ``enable``, ``disable-next-line`` and
    ``ignore-file``; ``rules`` is empty for "all rules"; ``line`` is 1-based.
    """

    action: str
    rules: tuple[str, ...]
    line: int
    start: int
    end: int


def _block_start(block: Block) -> int:
    return block.start


def line_starts(text: str) -> array[int]:
    """Offsets where each line begins; CRLF, LF and lone CR all end a line.

    An ``array`` of machine integers: a file of millions of lines costs 8 bytes
    a line instead of a Python int object and a list slot.
    """
    if "\r" not in text:
        # All in C: line k starts after the lengths of the k lines before it
        # and their k newlines.
        lengths = map(len, text.split("\n")[:-1])
        return array(
            "q",
            map(
                operator.add,
                itertools.accumulate(lengths, initial=0),
                itertools.count(),
            ),
        )
    starts = array("q", [0])
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            starts.append(i + 1)
        elif ch == "\r":
            if i + 1 < n and text[i + 1] == "\n":
                i += 1
            starts.append(i + 1)
        i += 1
    return starts


def split_paragraphs(text: str, start: int = 0, end: int | None = None) -> list[Block]:
    """Blank-line separated paragraphs of ``text[start:end]`` (plain-text rule)."""
    stop = len(text) if end is None else end
    blocks: list[Block] = []
    para_start: int | None = None
    para_end = start
    pos = start
    while pos < stop:
        nl = _next_line_end(text, pos, stop)
        line_end, next_pos = nl
        if text[pos:line_end].strip():
            if para_start is None:
                para_start = pos
            para_end = line_end
        elif para_start is not None:
            blocks.append(Block(para_start, para_end))
            para_start = None
        pos = next_pos
    if para_start is not None:
        blocks.append(Block(para_start, para_end))
    return blocks


def _next_line_end(text: str, pos: int, stop: int) -> tuple[int, int]:
    """(end of the line's content, start of the next line) from ``pos``."""
    lf = text.find("\n", pos, stop)
    cr = text.find("\r", pos, stop)
    if cr >= 0 and (lf < 0 or cr < lf):
        nxt = cr + 2 if text.startswith("\r\n", cr) else cr + 1
        return cr, nxt
    if lf >= 0:
        return lf, lf + 1
    return stop, stop


#: ``line_col`` calls answered by counting before the line index is built.
_COUNTED = 8


@dataclass(slots=True)
class Document:
    """Everything a check may read about one file."""

    path: str
    text: str
    prose: str
    format: str = "plain"
    language: str = "en"
    blocks: Sequence[Block] = ()
    #: ``draft`` or ``authored``; empty means the default for ``format``.
    kind: str = ""
    directives: Sequence[Directive] = ()
    _starts: array[int] | None = field(default=None, repr=False)
    #: ``line_col`` answers found by counting, before the index is built.
    _counted: int = field(default=0, repr=False)
    _words: frozenset[str] | None = field(default=None, repr=False)
    #: Blocks sorted by start, and their starts, for ``block_at``.
    _sorted_blocks: tuple[list[int], list[Block]] | None = field(
        default=None, repr=False
    )
    #: Indexes that checks derive from this document, shared by every rule
    #: of a type (keyed by "<type>.<what>"); never part of equality.
    memo: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if len(self.prose) != len(self.text):
            msg = "prose view must have the same length as the text"
            raise ValueError(msg)
        if not self.blocks:
            self.blocks = tuple(split_paragraphs(self.prose))
        if not self.kind:
            self.kind = default_kind(self.format)

    @classmethod
    def plain(cls, text: str, path: str = "-", language: str = "en") -> Document:
        """A plain-text document: the prose view is the text itself."""
        return cls(path=path, text=text, prose=text, format="plain", language=language)

    @property
    def paragraphs(self) -> Sequence[Block]:
        return self.blocks

    @property
    def starts(self) -> array[int]:
        """Where each line begins, indexed when first needed: most documents
        have no finding, and the index was a twentieth of a corpus run."""
        if self._starts is None:
            self._starts = line_starts(self.text)
        return self._starts

    @property
    def line_count(self) -> int:
        return len(self.starts)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and code-point column of ``offset``."""
        if self._starts is None and self._counted < _COUNTED and "\r" not in self.text:
            # A document's first few findings: counting newlines in C beats
            # building the index.
            self._counted += 1
            line_start = self.text.rfind("\n", 0, offset) + 1
            return self.text.count("\n", 0, line_start) + 1, offset - line_start + 1
        starts = self.starts
        index = bisect.bisect_right(starts, offset) - 1
        return index + 1, offset - starts[index] + 1

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based ``line``."""
        return self.starts[line - 1]

    def line_bounds(self, line: int) -> tuple[int, int]:
        """(start, end) of 1-based ``line`` without its line break."""
        start = self.starts[line - 1]
        end, _ = _next_line_end(self.text, start, len(self.text))
        return start, end

    def word_set(self) -> frozenset[str]:
        """The case-folded words of the prose, computed once per document.

        Word lists with non-ASCII first words (which the RE2 scan of
        ``patterns.LiteralIndex`` leaves out) intersect their first words
        with this set and look for positions only on a hit.
        """
        if self._words is None:
            self._words = frozenset(
                w.casefold() for w in set(_WORD.findall(self.prose))
            )
        return self._words

    def block_at(self, offset: int) -> Block | None:
        """The block holding ``offset``, or None: the one lookup every check
        and engine stage uses (blocks never overlap, so a bisect finds it)."""
        if self._sorted_blocks is None:
            ordered = sorted(self.blocks, key=_block_start)
            self._sorted_blocks = ([b.start for b in ordered], ordered)
        starts, ordered = self._sorted_blocks
        index = bisect.bisect_right(starts, offset) - 1
        if index >= 0 and offset < ordered[index].end:
            return ordered[index]
        return None

    def line_text(self, line: int) -> str:
        start, end = self.line_bounds(line)
        return self.text[start:end]

    def finding(
        self,
        rule: str,
        severity: Severity,
        message: str,
        start: int,
        end: int,
        suggestions: tuple[str, ...] = (),
        fix: Fix | None = None,
    ) -> Finding:
        """Make a Finding for ``text[start:end]``, deriving line and column once."""
        line, col = self.line_col(start)
        end_line, end_col = self.line_col(end)
        return Finding(
            rule=rule,
            severity=severity,
            message=message,
            path=self.path,
            start=start,
            end=end,
            line=line,
            col=col,
            end_line=end_line,
            end_col=end_col,
            match=self.text[start:end],
            suggestions=suggestions,
            fix=fix,
        )
