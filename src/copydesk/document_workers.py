"""One large document's checks shared by forked worker processes.

A run's worker pool lints one file per task, so a single file of many
megabytes (a manuscript, a CMS export, a scraped dump) used one core while
the others idled. Here the work of that file's checks is cut into units and
shared: each window of the document is a unit (every paragraph-local check
run on it), and the whole-document checks form units of those that derive
the same things from the text (the same type, or an analysis their types
declare in ``USES``, so each analysis is built once). A document read whole
(a format without a window reader: HTML, reST) has only such groups, its
paragraph-local checks among them (:func:`lint_whole`). The parent and its
forked children claim units from one queue until none is left; a child
inherits the document the parent read (fork: copy on write, nothing sent)
and sends back only findings.

The engine then decides on the findings as if one process had found them.
Each check's findings are those a run in one process gives, in the same
order: a window's findings are joined in window order, and a check that
raised in a window is given the first such exception, as ``run_in_windows``
does. So the findings are byte-identical, by construction and by the tests
that compare both (``tests/unit/test_document_workers.py``).

Children are made by :mod:`copydesk.forked` (Linux, a process with one
thread), at most ``MOST_PROCESSES - 1`` of them. A child that dies, hangs
past the file's budget (without one, far past the parent's share), or whose
findings cannot be pickled, costs only time: the parent runs the units it
did not report.
"""

from __future__ import annotations

import functools
import os
import pickle
import struct
import time
from collections.abc import Iterator, Mapping, Sequence

from copydesk import deadline, engine, forked
from copydesk.checks.base import Check
from copydesk.document import Document
from copydesk.model import Finding, Severity
from copydesk.ruleset import Ruleset

#: Processes on one document at most, whatever ``--jobs`` says: each holds
#: its own working set (70-140 MB on a 17-33 MB file), while reading the
#: file and the engine's decisions stay in one process, so more would add
#: memory faster than speed.
MOST_PROCESSES = 4

#: A unit's number in the queue: four bytes, written whole before any read,
#: so every read of four bytes takes exactly one unit.
_TICKET = struct.Struct("=I")
#: Units in the queue at most: all are written before the children fork, so
#: they must fit in a pipe without a reader, and a pipe holds one page
#: (4 KiB) even once the user's quota of pipe pages is spent.
_MOST_UNITS = 1024

#: Found by a unit: by rule id, the findings or the exception raised.
Given = dict[str, engine.Found]


class Unit:
    """Checks run together on a span of the document (or all of it)."""

    __slots__ = ("checks", "spans")

    def __init__(
        self, checks: Sequence[Check], spans: Sequence[tuple[int, int]] | None
    ) -> None:
        self.checks = tuple(checks)
        #: The windows the checks run on, in order; None: the whole document.
        self.spans = None if spans is None else tuple(spans)


def can_share(workers: int) -> bool:
    """Whether a document's checks may be shared by ``workers`` processes here."""
    return workers > 1 and forked.can_fork()


def units_of(
    local: Sequence[Check],
    whole: Sequence[Check],
    spans: Sequence[tuple[int, int]],
) -> list[Unit]:
    """The units of work of checking a document: ``whole``'s checks in groups
    that share derived state, then ``local``'s on each window of ``spans``
    (neighbouring windows merged so the queue holds at most ``_MOST_UNITS``).
    The groups come first: each is longer than a window, and a queue that
    ends with short units leaves no process waiting long for another."""
    units = [Unit(group, None) for group in sharing_groups(whole)]
    if local and spans:
        room = max(1, _MOST_UNITS - len(units))
        per = -(-len(spans) // room)
        units += [Unit(local, spans[i : i + per]) for i in range(0, len(spans), per)]
    return units


def lint_whole(
    doc: Document,
    ruleset: Ruleset,
    overrides: Mapping[str, Severity] | None = None,
    run: engine.RunState | None = None,
    *,
    started: float,
    workers: int,
) -> list[Finding]:
    """``engine.lint`` of a large document read whole (HTML, reST, a
    ``.docx``: formats without a window reader), its checks shared by
    ``workers`` processes in groups that build the same analyses. Without
    windows a paragraph-local check is one more whole-document check, run on
    the document as the engine runs it, so the findings are the engine's."""
    state = engine.RunState() if run is None else run
    if engine.ignored(doc):
        return []
    units = units_of([], engine.planned(ruleset, doc, state), [])
    given = shared_given(doc, units, workers, ruleset, started)
    return engine.lint(doc, ruleset, overrides, state, given, started=started)


def sharing_groups(checks: Sequence[Check]) -> list[list[Check]]:
    """``checks`` grouped so that two checks of one type, or whose types
    declare a common analysis that groups (``Analysis.GROUPS``), are in one
    group; groups and their members in the order of ``checks``."""
    owner: dict[object, int] = {}  # a type or an analysis -> its group
    parent: list[int] = []

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, check in enumerate(checks):
        parent.append(i)
        kind = type(check)
        shared = (a for a in getattr(kind, "USES", ()) if a.GROUPS)
        for key in (kind, *shared):
            j = owner.setdefault(key, i)
            a, b = root(i), root(j)
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[int, list[Check]] = {}
    for i, check in enumerate(checks):
        groups.setdefault(root(i), []).append(check)
    return list(groups.values())


def run_unit(doc: Document, unit: Unit) -> Given:
    """What ``unit``'s checks find on ``doc`` (the exception one raised in
    place of its findings), as the engine and ``run_in_windows`` run them."""
    if unit.spans is None:
        found: Given = {}
        for check in unit.checks:
            try:
                found[check.meta.id] = list(deadline.checked(check.run(doc)))
            except Exception as exc:  # the engine raises it, as if run here
                found[check.meta.id] = engine.found_elsewhere(exc)
        return found
    from copydesk.windows import run_in_windows

    return run_in_windows(doc, unit.spans, unit.checks)


def shared_given(
    doc: Document,
    units: Sequence[Unit],
    workers: int,
    ruleset: Ruleset,
    started: float,
) -> Given:
    """Every unit's findings on ``doc``, worked out by this process and
    ``workers - 1`` forked children, merged by rule id as one process would
    give them (``started``: when work on the file began, for the ruleset's
    ``file_timeout``)."""
    results: dict[int, Given] = {}
    queued = list(range(len(units)))
    warm = next((i for i, u in enumerate(units) if u.spans is not None), None)
    if warm is not None:
        # One window first, here: what every window's checks compile on
        # first use (their patterns, word-list scans) is then inherited,
        # not compiled again in each child.
        with engine.file_budget(ruleset, started):
            results[warm] = run_unit(doc, units[warm])
        queued = [i for i in queued if i != warm]
    tickets, writer = os.pipe()
    children: list[forked.Child] = []
    try:
        with os.fdopen(writer, "wb") as queue:
            queue.write(b"".join(_TICKET.pack(i) for i in queued))
        claim = functools.partial(_claim_all, doc, units, tickets, ruleset, started)
        forking = time.monotonic()
        while len(children) < min(workers, MOST_PROCESSES, len(queued)) - 1:
            try:
                children.append(forked.start(lambda: _picklable(claim())))
            except OSError:  # no process to spare: fewer helpers, same findings
                break
        results.update(claim())
        # A child bound by the file's budget has ended by then; without a
        # budget, one is given ``forked.patience``. Either is then stopped,
        # and its units run here.
        if ruleset.file_timeout:
            until = started + ruleset.file_timeout + 1
        else:
            until = forked.patience(forking)
        while children:
            found = children.pop(0).result(until)
            if isinstance(found, dict):
                results.update(found)
        with engine.file_budget(ruleset, started):
            for index in range(len(units)):
                if index not in results:  # a child failed before it reported
                    results[index] = run_unit(doc, units[index])
    finally:
        os.close(tickets)
        for child in children:  # interrupted: no child outlives the run
            child.stop()
    return merged([results[i] for i in range(len(units))])


def merged(results: Sequence[Given]) -> Given:
    """The units' findings (in unit order) by rule id: a check's windows
    joined in order, the first exception of a check in place of its
    findings."""
    given: Given = {}
    for found in results:
        for rule, part in found.items():
            before = given.get(rule)
            if isinstance(before, BaseException):
                continue  # its first exception stands
            if isinstance(before, list) and not isinstance(part, BaseException):
                before.extend(part)
            else:  # its first unit, or its first exception
                given[rule] = part if isinstance(part, BaseException) else list(part)
    return given


def _claimed(tickets: int) -> Iterator[int]:
    """The units this process takes from the queue, one at a time."""
    while True:
        ticket = os.read(tickets, _TICKET.size)
        if len(ticket) < _TICKET.size:
            return
        yield _TICKET.unpack(ticket)[0]


def _claim_all(
    doc: Document,
    units: Sequence[Unit],
    tickets: int,
    ruleset: Ruleset,
    started: float,
) -> dict[int, Given]:
    """What the units this process claims from the queue find, by unit."""
    done: dict[int, Given] = {}
    with engine.file_budget(ruleset, started):
        for index in _claimed(tickets):
            done[index] = run_unit(doc, units[index])
    return done


def _picklable(done: Mapping[int, Given]) -> bytes:
    """``done`` pickled; a unit whose findings or exception cannot be is left
    out, for the parent to run again."""
    try:
        return pickle.dumps(dict(done), pickle.HIGHEST_PROTOCOL)
    except Exception:
        kept = {}
        for index, found in done.items():
            try:
                pickle.dumps(found, pickle.HIGHEST_PROTOCOL)
            except Exception:
                continue
            kept[index] = found
        return pickle.dumps(kept, pickle.HIGHEST_PROTOCOL)
