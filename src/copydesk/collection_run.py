"""Linting a collection in two passes: count boilerplate lines, then lint.

The per-document work is the same function whatever drives it: this
module's local engine (one process, streaming the file twice) or the Dask
engine (:mod:`copydesk.distributed`, the same two passes as a reduce and a
map over partitions). Each function here is a piece a task can run alone:

- :func:`count_records` is the first pass over some records: per source, in
  how many documents each short line occurs;
- :func:`bound` gives a ruleset whose ``boilerplate`` rules judge with one
  source's counts;
- :func:`lint_record` is the second pass over one document.

A folder run with ``--learn-boilerplate`` is the same two passes over files,
with each file's folder as its source (:func:`lint_files_learning`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple, Protocol

from copydesk import batch, boilerplate
from copydesk.batch import FileResult, RuleOptions
from copydesk.boilerplate import LineCounts, SourceCounts
from copydesk.checks.boilerplate import Boilerplate
from copydesk.collection_output import FindingSink
from copydesk.collections import CollectionSpec, Record, RecordError, read
from copydesk.engine import RunState
from copydesk.errors import CopydeskError
from copydesk.files import Target
from copydesk.model import Finding, RuleMeta, Severity
from copydesk.ruleset import Ruleset


class CollectionJob(NamedTuple):
    """What every task of a collection run needs: small and picklable, so a
    distributed run ships it to each worker once.

    ``path`` is the name findings carry (the collection as given); its
    config's rule options and per-file ignores apply to every document.
    """

    options: RuleOptions
    path: str
    ignored: tuple[str, ...] = ()

    def keeps(self, finding: Finding) -> bool:
        """Whether ``finding`` survives the collection's per-file ignores."""
        rule = finding.rule
        return rule not in self.ignored and rule.split(".", 1)[0] not in self.ignored


class CollectionRun:
    """The outcome of a collection run (the findings went to a sink)."""

    __slots__ = ("documents", "errors", "findings", "levels", "metas")

    documents: int
    findings: int
    #: Findings per severity label, for the exit code and a summary.
    levels: Counter[str]
    errors: list[RecordError]
    #: Metadata of every rule that ran, by id.
    metas: dict[str, RuleMeta]

    def __init__(
        self,
        documents: int = 0,
        findings: int = 0,
        levels: Counter[str] | None = None,
        errors: list[RecordError] | None = None,
        metas: dict[str, RuleMeta] | None = None,
    ) -> None:
        self.documents = documents
        self.findings = findings
        self.levels = Counter() if levels is None else levels
        self.errors = [] if errors is None else errors
        self.metas = {} if metas is None else metas

    def add(self, findings: Sequence[Finding]) -> None:
        self.documents += 1
        self.findings += len(findings)
        self.levels.update(f.severity.label for f in findings)

    def merge(self, other: CollectionRun) -> None:
        self.documents += other.documents
        self.findings += other.findings
        self.levels.update(other.levels)
        self.errors.extend(other.errors)

    def fails(self, level: Severity | None) -> bool:
        """Whether a finding is at or above ``level`` (None: nothing fails)."""
        if level is None:
            return False
        return any(Severity.parse(name) >= level for name in self.levels)


def boilerplate_checks(ruleset: Ruleset) -> list[Boilerplate]:
    """The ruleset's ``boilerplate`` rules (none: no first pass is needed)."""
    return [c for c in ruleset.checks if isinstance(c, Boilerplate)]


def min_documents(ruleset: Ruleset) -> int:
    """The fewest documents any boilerplate rule wants a line to recur in:
    the first pass keeps only lines counted at least this often."""
    return min(
        (c.thresholds.min_documents for c in boilerplate_checks(ruleset)), default=1
    )


def bound(ruleset: Ruleset, evidence: LineCounts | None) -> Ruleset:
    """``ruleset`` with its boilerplate rules judging by ``evidence``."""
    if not boilerplate_checks(ruleset):
        return ruleset
    checks = [
        c.bind(evidence) if isinstance(c, Boilerplate) else c for c in ruleset.checks
    ]
    return ruleset.with_checks(checks)


class BoundRulesets:
    """One bound ruleset per source, made when its first document comes."""

    def __init__(self, ruleset: Ruleset, evidence: SourceCounts | None) -> None:
        self.ruleset = ruleset
        self.evidence = evidence
        self._bound: dict[str, Ruleset] = {}

    def for_source(self, source: str) -> Ruleset:
        if self.evidence is None:
            return self.ruleset
        rules = self._bound.get(source)
        if rules is None:
            counts = self.evidence.get(source, LineCounts())
            rules = self._bound[source] = bound(self.ruleset, counts)
        return rules


def count_records(
    records: Iterable[Record | RecordError], job: CollectionJob
) -> SourceCounts:
    """The first pass over ``records``: per source, the documents holding
    each countable line (errors are the second pass's to report)."""
    counts: SourceCounts = {}
    for record in records:
        if isinstance(record, Record):
            keys = _line_keys(record.text, record.format, job)
            counts.setdefault(record.source, LineCounts()).add(keys)
    return counts


def _line_keys(text: str, fmt: str, job: CollectionJob) -> set[int]:
    """A document's countable lines, read from its prose view as the check
    will read them (plain text masks URLs and addresses too)."""
    kind = job.options.kind_of(job.path, fmt)
    doc = batch.build_document(text, job.path, fmt, job.options.language, kind)
    return boilerplate.keys_of(doc)


def lint_record(
    record: Record, ruleset: Ruleset, job: CollectionJob, run: RunState
) -> list[Finding]:
    """The findings of one document: what ``copydesk check`` gives for its
    text, in its format, under the collection's settings."""
    options = job.options
    found = batch.lint_text(
        record.text,
        job.path,
        record.format,
        ruleset,
        options.language,
        options.overrides,
        options.kind_of(job.path, record.format),
        run,
    )
    return [f for f in found if job.keeps(f)] if job.ignored else found


def lint_records(
    records: Iterable[Record | RecordError],
    rulesets: BoundRulesets,
    job: CollectionJob,
    sink: FindingSink,
) -> CollectionRun:
    """The second pass over ``records``: each document linted and written."""
    outcome = CollectionRun()
    run = RunState()
    for record in records:
        if isinstance(record, RecordError):
            outcome.errors.append(record)
            continue
        findings = lint_record(record, rulesets.for_source(record.source), job, run)
        sink.write(record.id, findings)
        outcome.add(findings)
    return outcome


class CollectionWork(NamedTuple):
    """A collection run to do: where the documents are, the job every task
    needs, and the ruleset compiled here (for its metadata, and for the
    local engine)."""

    spec: CollectionSpec
    job: CollectionJob
    ruleset: Ruleset


class CollectionEngine(Protocol):
    """What runs a collection's two passes: this process, or a cluster."""

    def run(self, work: CollectionWork, sink: FindingSink) -> CollectionRun: ...


class LocalEngine:
    """Both passes in this process, streaming the file twice (once when no
    boilerplate rule runs)."""

    def run(self, work: CollectionWork, sink: FindingSink) -> CollectionRun:
        spec, job, ruleset = work.spec, work.job, work.ruleset
        evidence = None
        if boilerplate_checks(ruleset):
            counts = count_records(read(spec), job)
            evidence = boilerplate.prune_sources(counts, min_documents(ruleset))
        rulesets = BoundRulesets(ruleset, evidence)
        outcome = lint_records(read(spec), rulesets, job, sink)
        outcome.metas = ruleset.metas
        return outcome


# --- folders ----------------------------------------------------------------


def folder_of(path: str) -> str:
    """The source of a file in a folder run: the folder that holds it."""
    return str(Path(path).parent)


def lint_files_learning(
    groups: Sequence[tuple[Ruleset, RuleOptions, Sequence[Target]]],
    progress: Callable[[], None] | None = None,
) -> list[list[FileResult]]:
    """Lint the targets of each group (one config each) with cross-document
    debris: the first pass counts every file's lines by folder, the second
    lints each file with its folder's counts. Files are read twice rather
    than held; one that cannot be read is a skip, as in any run."""
    fewest = min((min_documents(rules) for rules, _, _ in groups), default=1)
    counts: SourceCounts = {}
    for _, options, targets in groups:
        job = CollectionJob(options, "")
        for target, text in _texts(targets):
            if text is not None:
                keys = _line_keys(text, target.format, job._replace(path=target.path))
                counts.setdefault(folder_of(target.path), LineCounts()).add(keys)
    evidence = boilerplate.prune_sources(counts, fewest)
    results: list[list[FileResult]] = []
    for ruleset, options, targets in groups:
        rulesets = BoundRulesets(ruleset, evidence)
        run = RunState()
        group: list[FileResult] = []
        for target, text in _texts(targets):
            rules = rulesets.for_source(folder_of(target.path))
            group.append(
                batch.lint_target(
                    target,
                    rules,
                    options.language,
                    options.overrides,
                    text=text,
                    run=run,
                )
            )
            if progress is not None:
                progress()
        results.append(group)
    return results


def _texts(targets: Sequence[Target]) -> Iterator[tuple[Target, str | None]]:
    """Each target with its text, or None when it cannot be read."""
    for target in targets:
        try:
            yield target, batch.read_text(target.path, target.encoding)
        except CopydeskError:
            yield target, None
