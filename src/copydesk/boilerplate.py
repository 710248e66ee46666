"""Cross-document debris: which short lines recur across the documents of a source.

A single page cannot tell its own text from the site's furniture: "Sign up for
the Morning Brief" reads like a sentence, a byline with a bio like a
paragraph. A collection can: furniture recurs verbatim on page after page of
one site, prose does not. So a run that sees many documents makes two passes
(as web-corpus pipelines such as C4 do in bulk): the first counts, per
source, in how many documents each short line occurs; the second lets the
``boilerplate`` check type judge each line with those counts
(:mod:`copydesk.checks.boilerplate`).

This module is the part both passes share, so that they can never disagree
about what a line is: the lines of a document's prose view, normalised (white
space collapsed, every digit a ``0``, so "Updated 12:04" and "Updated 09:31"
are one line), keyed by a 64-bit hash. Counts are kept per source as
``LineCounts``, which merge (a reduce, in any order and grouping) and prune to
the lines that recur. Nothing here knows how documents are read or scheduled.
"""

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from copydesk.document import Document

#: A line longer than this (in code points, after trimming) is never
#: furniture, so the first pass does not count it: it keeps the table small.
MAX_LINE_CHARS = 200

#: Pages of one document, as ``pdftotext`` and printers separate them.
PAGE_BREAK = "\f"

_SPACE = re.compile(r"\s+")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")


def normalise(line: str) -> str:
    """A line as the counts see it: trimmed, runs of white space one space,
    every digit ``0``."""
    return _DIGIT.sub("0", _SPACE.sub(" ", line).strip())


def line_key(normalised: str) -> int:
    """A stable 64-bit key for a normalised line.

    blake2b rather than ``hash``: Python randomises string hashes per
    process, and counts made by different workers must add up.
    """
    data = normalised.encode("utf-8", "surrogatepass")
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


class Line(NamedTuple):
    """One countable line of a document: its trimmed span in the prose view,
    and its key."""

    start: int
    end: int
    key: int


def lines_of(prose: str, start: int = 0, end: int | None = None) -> Iterator[Line]:
    """The lines of ``prose[start:end]`` that could be furniture.

    Read from the prose view, so code, URLs and link targets (masked there)
    neither make two copies of a line differ nor count as text. A line must
    hold a letter and be at most ``MAX_LINE_CHARS`` long once trimmed.
    """
    stop = len(prose) if end is None else end
    pos = start
    while pos < stop:
        newline = prose.find("\n", pos, stop)
        line_end = stop if newline < 0 else newline
        raw = prose[pos:line_end]
        trimmed = raw.strip()
        if trimmed and len(trimmed) <= MAX_LINE_CHARS and _LETTER.search(trimmed):
            first = pos + len(raw) - len(raw.lstrip())
            yield Line(first, first + len(trimmed), line_key(normalise(trimmed)))
        pos = line_end + 1


def pages_of(prose: str) -> list[tuple[int, int]]:
    """The spans of a document's pages: split at form feeds."""
    spans: list[tuple[int, int]] = []
    start = 0
    while True:
        brk = prose.find(PAGE_BREAK, start)
        if brk < 0:
            spans.append((start, len(prose)))
            return spans
        spans.append((start, brk))
        start = brk + 1


#: Block kinds whose lines are never counted: a template's headings, table
#: cells, code and image text repeat by design.
TEMPLATE_BLOCKS = frozenset({"heading", "table", "code", "alt"})


def document_lines(
    doc: "Document", start: int = 0, end: int | None = None
) -> Iterator[Line]:
    """The countable lines of ``doc`` between ``start`` and ``end``.

    In plain text a line is a paragraph (drafts are written so) and every
    line counts. In markup a source line may be a fragment of a wrapped
    paragraph, so the unit is the block: a paragraph, list item or quote
    that fits on one line; headings, tables, code and alt text never count.
    """
    if doc.format == "plain":
        yield from lines_of(doc.prose, start, end)
        return
    stop = len(doc.prose) if end is None else end
    for block in doc.blocks:
        if block.kind in TEMPLATE_BLOCKS or block.start < start or block.end > stop:
            continue
        if "\n" not in doc.prose[block.start : block.end]:
            yield from lines_of(doc.prose, block.start, block.end)


def keys_of(doc: "Document") -> set[int]:
    """The distinct line keys of one document (what the first pass counts)."""
    return {line.key for line in document_lines(doc)}


class LineCounts:
    """For one source: how many documents it has, and in how many of them
    each line occurs.

    Merging is associative and commutative, so partial counts made anywhere
    (a worker, a partition, a tree of reductions) add up to the same table.
    """

    __slots__ = ("counts", "documents")

    documents: int
    counts: dict[int, int]

    def __init__(
        self,
        documents: int = 0,
        counts: dict[int, int] | None = None,
    ) -> None:
        self.documents = documents
        self.counts = {} if counts is None else counts

    def add(self, keys: Iterable[int]) -> None:
        """Count one document whose distinct line keys are ``keys``."""
        self.documents += 1
        counts = self.counts
        for key in keys:
            counts[key] = counts.get(key, 0) + 1

    def merge(self, other: "LineCounts") -> "LineCounts":
        """These counts plus ``other``'s (this object is updated and returned)."""
        self.documents += other.documents
        counts = self.counts
        for key, count in other.counts.items():
            counts[key] = counts.get(key, 0) + count
        return self

    def pruned(self, min_documents: int) -> "LineCounts":
        """Only the lines in at least ``min_documents`` documents: what the
        second pass needs, a small fraction of what the first pass saw."""
        kept = {k: n for k, n in self.counts.items() if n >= min_documents}
        return LineCounts(self.documents, kept)

    def documents_with(self, key: int) -> int:
        return self.counts.get(key, 0)


#: Counts for every source of a run, by source name.
SourceCounts = dict[str, LineCounts]


def merge_sources(parts: Iterable[Mapping[str, LineCounts]]) -> SourceCounts:
    """Add up per-source counts made separately (by partition, by worker)."""
    total: SourceCounts = {}
    for part in parts:
        for source, counts in part.items():
            mine = total.get(source)
            if mine is None:
                total[source] = LineCounts(counts.documents, dict(counts.counts))
            else:
                mine.merge(counts)
    return total


def prune_sources(counts: Mapping[str, LineCounts], min_documents: int) -> SourceCounts:
    """Every source's counts pruned to the lines that can recur often enough."""
    return {source: c.pruned(min_documents) for source, c in counts.items()}
