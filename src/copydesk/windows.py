"""Large documents in windows: read and checked piece by piece, judged whole.

A book manuscript or a CMS export is one file of many megabytes. Read whole,
its parser's intermediate state and every paragraph-local check's working
set grow with the file; read in windows of whole paragraphs (top-level
blocks in Markdown), they grow with the window. The readers cut where their
view of a piece is the view of the whole text there
(:func:`copydesk.markup.read_windows`), so the joined pieces are the document
a whole read gives. Checks whose type declares ``Reach.PARAGRAPH`` run on
each window; the rest (variants, quotations, counts) run on the joined
document; the engine then filters all findings on the whole document as for
any other file. The findings are those of a whole-file run, by construction
of both halves and by the tests that compare them.

The same window documents serve the editor's re-lint cache
(:mod:`copydesk.relint`), whose windows are single paragraphs.
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Mapping, Sequence

from copydesk import engine, markup
from copydesk.batch import document_of
from copydesk.checks import load_check_type
from copydesk.checks.base import Check, Reach
from copydesk.document import BlockIndex, Document
from copydesk.lines import LineIndex, offsets
from copydesk.model import Edit, Finding, Fix, Severity
from copydesk.ruleset import Ruleset

#: Characters per window: large enough that the per-window work is noise,
#: small enough that its transient memory is.
WINDOW = 1 << 18
#: Characters per piece read, by format, where fewer than a window's: a
#: Markdown piece of 64 K characters reads faster than one of 256 K (0.39 s
#: against 0.43 s for half the 17 MB benchmark file), so its windows are
#: joined from several. Plain text reads as fast either way.
READ: dict[str, int] = {"markdown": 1 << 16}


def paragraph_local(check: Check) -> bool:
    """Whether ``check``'s type declares its findings paragraph-local."""
    return load_check_type(check.meta.extends).REACH is Reach.PARAGRAPH


def read_in_windows(
    text: str,
    path: str,
    fmt: str,
    language: str,
    kind: str,
    size: int = WINDOW,
    workers: int = 1,
) -> tuple[Document, list[tuple[int, int]]]:
    """The Document of ``text`` read in windows of about ``size`` characters
    (the one a whole read gives; its reader may use ``workers`` processes),
    and the windows' spans."""
    lines = LineIndex(text)
    read = min(size, READ.get(fmt, size))
    parsed, cuts = markup.read_joined(fmt, text, read, lines, workers)
    doc = document_of(parsed, text, path, fmt, language, kind)
    doc.lines = lines  # one line index for the text, already built
    # Kept for the run: an int object and a slot each in the joined tuple
    # (6 MB on the 17 MB Markdown file), 4 bytes each here.
    doc.breaks = offsets(parsed.breaks, len(text))
    return doc, _spans(cuts, len(text), size)


def lint_in_windows(
    doc: Document,
    spans: Sequence[tuple[int, int]],
    ruleset: Ruleset,
    overrides: Mapping[str, Severity] | None = None,
    run: engine.RunState | None = None,
    *,
    started: float | None = None,
    workers: int = 1,
) -> list[Finding]:
    """``engine.lint`` of ``doc``, its paragraph-local checks run window by
    window over ``spans`` (``started``: when work on the file began, for the
    ruleset's ``file_timeout``). With ``workers`` above one, where
    :mod:`copydesk.document_workers` can, every check's work is shared by
    that many processes: the same findings, sooner."""
    state = engine.RunState() if run is None else run
    if engine.ignored(doc):  # nothing to find: no window is checked
        return []
    began = time.monotonic() if started is None else started
    plan = engine.planned(ruleset, doc, state)
    local = [c for c in plan if paragraph_local(c)]
    from copydesk import document_workers

    if document_workers.can_share(workers):
        whole = [c for c in plan if not paragraph_local(c)]
        units = document_workers.units_of(local, whole, spans)
        given = document_workers.shared_given(doc, units, workers, ruleset, began)
    else:
        # The windows spend the file's time too.
        with engine.file_budget(ruleset, began):
            given = run_in_windows(doc, spans, local)
    return engine.lint(doc, ruleset, overrides, state, given, started=began)


def _spans(cuts: Sequence[int], total: int, size: int) -> list[tuple[int, int]]:
    """(start, end) of each window, from the offsets where the pieces read
    start: consecutive pieces joined until a window holds ``size``
    characters or more (the last may hold fewer)."""
    spans: list[tuple[int, int]] = []
    start = cuts[0] if cuts else 0
    for cut in cuts[1:]:
        if cut - start >= size:
            spans.append((start, cut))
            start = cut
    spans.append((start, total))
    return spans


def run_in_windows(
    doc: Document, spans: Sequence[tuple[int, int]], checks: Sequence[Check]
) -> dict[str, engine.Found]:
    """Each check's findings over the windows ``spans`` of ``doc`` (in the
    document's offsets and lines), or the exception one window raised."""
    given: dict[str, list[Finding] | BaseException] = {c.meta.id: [] for c in checks}
    for start, end in spans:
        window = part_of(doc, start, end)
        lines = doc.line_col(start)[0] - 1
        for check in checks:
            found = given[check.meta.id]
            if isinstance(found, BaseException):
                continue
            try:
                found.extend(moved(f, start, lines) for f in check.run(window))
            except Exception as exc:  # the engine raises it, as if run whole
                given[check.meta.id] = engine.found_elsewhere(exc)
    return dict(given)


def part_of(doc: Document, start: int, end: int) -> Document:
    """The document made of ``doc``'s whole paragraphs between ``start`` and
    ``end`` (a window or a paragraph), offsets from ``start``."""
    starts, ordered = doc.get(BlockIndex)
    first = bisect.bisect_left(starts, start)
    last = bisect.bisect_left(starts, end, first)
    blocks = tuple(markup.moved_blocks(ordered[first:last], -start))
    part = Document(
        path=doc.path,
        text=doc.text[start:end],
        prose=doc.prose[start:end],
        format=doc.format,
        language=doc.language,
        blocks=blocks,
        kind=doc.kind,
    )
    # An empty block list means "split the prose into paragraphs" to the
    # constructor; a part without blocks has none in the document either.
    part.blocks = blocks
    return part


def moved(finding: Finding, offset: int, lines: int) -> Finding:
    """``finding`` of a part starting at ``offset`` (``lines`` lines down),
    in the offsets and lines of the document. Columns stay: parts start
    lines."""
    if not offset and not lines:
        return finding
    fix = finding.fix
    if fix is not None:
        edits = tuple(
            Edit(e.start + offset, e.end + offset, e.replacement) for e in fix.edits
        )
        fix = Fix(edits, fix.applicability)
    return finding._replace(
        start=finding.start + offset,
        end=finding.end + offset,
        line=finding.line + lines,
        end_line=finding.end_line + lines,
        fix=fix,
    )
