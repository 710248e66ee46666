"""Re-lint an edited buffer without checking its unchanged paragraphs again.

An editor sends the whole buffer after every keystroke, and one keystroke
changes one paragraph. The buffer is read again each time, whole (or in
windows when it is large: markup is context, a fence opened above changes
everything below), and the checks whose type declares
``Reach.PARAGRAPH`` are run only on the paragraphs (the reader's breaks cut
them: top-level blocks in Markdown) whose text, view and blocks are new;
for the others their findings of the last run are moved to where the
paragraph now stands. Document-level checks (variants, quotations) run on
the whole buffer every time, and the engine filters all findings on it, so
the result is the findings of linting the buffer afresh.

A cache serves one path, one ruleset and one set of document settings; it
keeps, for the paragraphs of the last version only, a digest and the
findings relative to the paragraph, so its memory follows the buffer.
"""

from __future__ import annotations

import bisect
import itertools
from collections import OrderedDict
from collections.abc import Hashable, Mapping, Sequence

from copydesk import engine, markup, page_language
from copydesk.batch import LARGE, build_document
from copydesk.checks.base import Check
from copydesk.document import BlockIndex, Document
from copydesk.model import Finding, Severity
from copydesk.ruleset import Ruleset
from copydesk.windows import WINDOW, moved, paragraph_local, part_of, read_in_windows

#: Buffers remembered at once (an editor's open documents).
BUFFERS = 32

#: Findings of each paragraph-local rule in one paragraph, offsets and lines
#: relative to the paragraph.
Found = dict[str, list[Finding]]


class _Buffer:
    """What the last run of one buffer left: its identity and, by paragraph
    digest, the paragraph-local findings relative to that paragraph."""

    __slots__ = ("identity", "paragraphs")

    identity: Hashable
    paragraphs: dict[int, Found]

    def __init__(
        self,
        identity: Hashable,
        paragraphs: dict[int, Found] | None = None,
    ) -> None:
        self.identity = identity
        self.paragraphs = {} if paragraphs is None else paragraphs


class RelintCache:
    """Paragraph findings of the last version of each buffer, by path."""

    def __init__(self, buffers: int = BUFFERS) -> None:
        self._buffers: OrderedDict[str, _Buffer] = OrderedDict()
        self._limit = buffers

    def clear(self) -> None:
        """Forget every buffer (a config or rule file changed)."""
        self._buffers.clear()

    def lint(
        self,
        doc: Document,
        ruleset: Ruleset,
        overrides: Mapping[str, Severity] | None = None,
        run: engine.RunState | None = None,
    ) -> list[Finding]:
        """``engine.lint(doc, ruleset, overrides, run)``, reusing the findings of
        unchanged paragraphs from the last call for ``doc.path``."""
        state = engine.RunState() if run is None else run
        identity = (id(ruleset), ruleset.digest, doc.format, doc.language, doc.kind)
        last = self._buffers.pop(doc.path, None)
        if last is None or last.identity != identity:
            last = _Buffer(identity)
        local = [c for c in engine.planned(ruleset, doc, state) if paragraph_local(c)]
        fresh = _Buffer(identity)
        given = _paragraph_findings(doc, local, last.paragraphs, fresh.paragraphs)
        self._buffers[doc.path] = fresh
        while len(self._buffers) > self._limit:
            self._buffers.popitem(last=False)
        return engine.lint(doc, ruleset, overrides, state, given)


def read_buffer(text: str, path: str, fmt: str, language: str, kind: str) -> Document:
    """The Document of a buffer: read whole, or in windows when it is large
    (so its reading takes memory that grows with a window, as in a run),
    in the language the page declares for itself where it does."""
    language = page_language.language_for(text, path, fmt, language)
    if len(text) >= LARGE and fmt in markup.WINDOW_READERS:
        return read_in_windows(text, path, fmt, language, kind)[0]
    return build_document(text, path, fmt, language, kind)


def _paragraph_findings(
    doc: Document,
    checks: Sequence[Check],
    known: Mapping[int, Found],
    keep: dict[int, Found],
) -> dict[str, engine.Found]:
    """Each check's findings on ``doc``, from ``known`` paragraphs where their
    digest is known, from running the checks on runs of the others; every
    paragraph's findings go to ``keep`` (unless a check failed on it)."""
    given: dict[str, list[Finding] | BaseException] = {c.meta.id: [] for c in checks}
    if not checks:
        return dict(given)
    spans = _paragraphs(doc)
    digests = [_digest(doc, start, end) for start, end in spans]
    index = 0
    while index < len(spans):
        found = known.get(digests[index])
        if found is None:
            stop = _run_end(spans, digests, known, index)
            _check_run(doc, checks, spans[index:stop], digests[index:stop], given, keep)
            index = stop
            continue
        keep[digests[index]] = found
        start = spans[index][0]
        lines = doc.line_col(start)[0] - 1 if found else 0
        for rule, findings in found.items():
            made = given.get(rule)
            if isinstance(made, list):
                made.extend(moved(f, start, lines) for f in findings)
        index += 1
    return dict(given)


def _run_end(
    spans: Sequence[tuple[int, int]],
    digests: Sequence[int],
    known: Mapping[int, Found],
    index: int,
) -> int:
    """The end of the run of unknown paragraphs from ``index``, no longer
    than a window."""
    start = spans[index][0]
    stop = index + 1
    while (
        stop < len(spans)
        and digests[stop] not in known
        and spans[stop][1] - start <= WINDOW
    ):
        stop += 1
    return stop


def _check_run(
    doc: Document,
    checks: Sequence[Check],
    spans: Sequence[tuple[int, int]],
    digests: Sequence[int],
    given: dict[str, list[Finding] | BaseException],
    keep: dict[int, Found],
) -> None:
    """Run ``checks`` on the paragraphs ``spans`` (consecutive) as one part of
    ``doc``; add the findings to ``given`` and each paragraph's to ``keep``."""
    start, end = spans[0][0], spans[-1][1]
    part = part_of(doc, start, end)
    lines = doc.line_col(start)[0] - 1
    starts = [lo - start for lo, _ in spans]
    per: list[Found] = [{} for _ in spans]
    whole = True
    for check in checks:
        rule = check.meta.id
        made = given[rule]
        if isinstance(made, BaseException):
            continue
        try:
            found = list(check.run(part))
        except Exception as exc:  # the engine raises it, as if run whole
            given[rule] = engine.found_elsewhere(exc)
            whole = False
            continue
        made.extend(moved(f, start, lines) for f in found)
        for f in found:
            at = bisect.bisect_right(starts, f.start) - 1
            lo, hi = spans[at][0] - start, spans[at][1] - start
            if f.end > hi:
                whole = False  # a finding across paragraphs: not paragraph-local
            line = part.line_col(lo)[0] - 1
            per[at].setdefault(rule, []).append(moved(f, -lo, -line))
    if whole:
        keep.update(zip(digests, per, strict=True))


def _paragraphs(doc: Document) -> list[tuple[int, int]]:
    """The document cut at its reader's breaks."""
    cuts = [0, *doc.breaks, len(doc.text)]
    return [(lo, hi) for lo, hi in itertools.pairwise(cuts) if hi > lo]


def _digest(doc: Document, start: int, end: int) -> int:
    """What a paragraph-local check can see of a paragraph: its text, view
    and blocks (kinds and offsets within it), hashed (64 bits: a collision
    among an editor's paragraphs is as likely as a cosmic ray)."""
    starts, ordered = doc.get(BlockIndex)
    first = bisect.bisect_left(starts, start)
    last = bisect.bisect_left(starts, end, first)
    blocks = tuple(
        (b.start - start, b.end - start, b.kind) for b in ordered[first:last]
    )
    return hash((doc.text[start:end], doc.prose[start:end], blocks))
