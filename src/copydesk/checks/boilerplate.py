"""``boilerplate``: short lines that recur across a source's documents.

The second pass of cross-document debris (:mod:`copydesk.boilerplate` has the
first): given how many documents of the document's source hold each line, a
line is page furniture when it recurs often enough *and* is shaped like
furniture. The shape guards keep what a source legitimately repeats:

- headings, table cells, code and alt text are never flagged (a docs
  template puts "## Syntax" on every cmdlet page);
- a line with a quotation mark is a quotation, and stories repeat quotes;
- a long line (``max_words``) is prose, not a widget;
- a line must recur in a share of its source as well as in
  ``min_documents`` documents: on the clean news corpus no line reaches 2%
  of its source (the most frequent, a press office's "Members of the
  Presidential Delegation:", is in 1%, a formulaic Kremlin lead in 1.5%),
  while a site's share row or sign-up prompt is on most of its pages; a
  full sentence needs ``sentence_share``, a label ``min_share``;
- a line with the marks of a widget (bullets, separators, a handle, an
  address, a pictograph) needs only ``min_documents``;
- legal boilerplate a publisher wants is the rule's ``exceptions``.

Where the counts come from is the caller's business: a collection run binds
each source's counts to the check (:meth:`Boilerplate.bind`) before linting
that source's documents. Unbound, a document counts as a source of its own
only when it has pages (form feeds, as ``pdftotext`` writes them), so
running heads and footers are found in one file; otherwise the check finds
nothing, and a plain ``copydesk check`` of one file is unchanged.
"""

import re
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, Final, NamedTuple

from copydesk.boilerplate import (
    PAGE_BREAK,
    TEMPLATE_BLOCKS,
    Line,
    LineCounts,
    document_lines,
    pages_of,
)
from copydesk.checks.base import Check, CheckTypeBase, LoadContext
from copydesk.document import Document
from copydesk.errors import RuleError
from copydesk.model import Applicability, Edit, Finding, Fix, FixAvailability, RuleMeta
from copydesk.schema import Key

_QUOTE = re.compile(r"[\"“”„‟«「」『』]")
_WORD = re.compile(r"[^\W_]+")
#: What widgets carry and prose does not: bullets and separators, arrows,
#: a handle or hashtag, an address, signs and pictographs.
_MARKER = re.compile(
    r"[•·|›»▸►▶◀◂←→↑↓✓✔✕✖⋅∙►▪◦©®™]"
    r"|(?<![\w.])[@#][^\W\d]\w"
    r"|https?://|www\.|\w@\w+\.\w"
    r"|[\U0001F000-\U0001FAFF\u2600-\u27BF]"
)
_SENTENCE_END = re.compile(r"[.!?…。！？][\"”’»)\]]*$")


class Thresholds(NamedTuple):
    """How often, and in what share of its source, a line must recur."""

    min_documents: int = 3
    min_share: float = 0.02
    sentence_share: float = 0.03
    max_words: int = 24
    #: A line of fewer words is a label, not a sentence, whatever its end.
    sentence_words: int = 5

    def flags(self, text: str, documents_with: int, documents: int) -> bool:
        """Whether a line reading ``text``, found in ``documents_with`` of the
        source's ``documents``, is furniture."""
        if documents_with < self.min_documents or documents < self.min_documents:
            return False
        if _QUOTE.search(text):
            return False
        words = len(_WORD.findall(text))
        if words > self.max_words:
            return False
        if _MARKER.search(text):
            return True
        share = documents_with / documents
        if words >= self.sentence_words and _SENTENCE_END.search(text):
            return share >= self.sentence_share
        return share >= self.min_share


_KEYS = (
    Key("min_documents", (int,)),
    Key("min_share", (float, int)),
    Key("sentence_share", (float, int)),
    Key("max_words", (int,)),
    Key("sentence_words", (int,)),
)


class Boilerplate(CheckTypeBase):
    """Flags lines that recur across a source and look like page furniture."""

    __slots__ = ("evidence", "meta", "thresholds")

    FIX: ClassVar[FixAvailability] = FixAvailability.UNSAFE
    KEYS: ClassVar[Mapping[str, Key]] = {k.name: k for k in _KEYS}

    meta: Final[RuleMeta]
    thresholds: Final[Thresholds]
    #: The counts of the document's source; None until a run binds them.
    evidence: Final[LineCounts | None]

    def __init__(
        self,
        meta: RuleMeta,
        thresholds: Thresholds,
        evidence: LineCounts | None = None,
    ) -> None:
        self.meta = meta
        self.thresholds = thresholds
        self.evidence = evidence

    @classmethod
    def from_yaml(
        cls, meta: RuleMeta, data: Mapping[str, Any], _context: LoadContext
    ) -> Check:
        values = {k.name: data[k.name] for k in _KEYS if k.name in data}
        for name in ("min_documents", "max_words", "sentence_words"):
            if name in values and values[name] < 1:
                raise RuleError(meta.source, f"key {name!r}: must be 1 or more")
        for name in ("min_share", "sentence_share"):
            if name in values and not 0 <= values[name] <= 1:
                raise RuleError(meta.source, f"key {name!r}: must be from 0 to 1")
        return cls(meta, Thresholds(**values))

    def bind(self, evidence: LineCounts | None) -> "Boilerplate":
        """This rule judging documents of a source with ``evidence``."""
        return Boilerplate(self.meta, self.thresholds, evidence)

    def run(self, doc: Document) -> Iterator[Finding]:
        if self.evidence is not None:
            yield from self._judge(doc, self.evidence, [(0, len(doc.prose))])
        elif PAGE_BREAK in doc.prose:
            pages = pages_of(doc.prose)
            counts = LineCounts()
            for start, end in pages:
                counts.add({line.key for line in document_lines(doc, start, end)})
            yield from self._judge(doc, counts, pages)

    def _judge(
        self, doc: Document, counts: LineCounts, spans: list[tuple[int, int]]
    ) -> Iterator[Finding]:
        seen: dict[int, bool] = {}
        for start, end in spans:
            for line in document_lines(doc, start, end):
                found = counts.documents_with(line.key)
                if found < self.thresholds.min_documents:
                    continue
                verdict = seen.get(line.key)
                if verdict is None:
                    text = doc.text[line.start : line.end]
                    verdict = self.thresholds.flags(text, found, counts.documents)
                    seen[line.key] = verdict
                if verdict and not _in_template(doc, line):
                    yield self._finding(doc, line, found, counts.documents)

    def _finding(
        self, doc: Document, line: Line, found: int, documents: int
    ) -> Finding:
        match = doc.text[line.start : line.end]
        message = self.meta.format_message(match, str(found), str(documents))
        fix = Fix((_delete_line(doc.text, line),), Applicability.UNSAFE)
        return self.meta.finding(doc, line.start, line.end, message, fix=fix)


def _in_template(doc: Document, line: Line) -> bool:
    """Whether the line is part of a heading, table, code or alt text."""
    block = doc.block_at(line.start)
    return block is not None and block.kind in TEMPLATE_BLOCKS


def _delete_line(text: str, line: Line) -> Edit:
    """Delete the line with its line break, and the blank line above it, so
    a furniture paragraph leaves one blank line between its neighbours."""
    begin = text.rfind("\n", 0, line.start) + 1
    after = text.find("\n", line.end)
    stop = len(text) if after < 0 else after + 1
    if begin >= 2 and text[begin - 2] == "\n":
        begin -= 1
    elif begin == 0 and text.startswith("\n", stop):
        stop += 1
    return Edit(begin, stop, "")
