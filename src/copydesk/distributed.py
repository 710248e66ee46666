"""The Dask engine: a collection's two passes as one task graph on a cluster.

Dask rather than a process pool of our own: the same graph runs on a laptop
(a ``LocalCluster``), on a batch system (dask-jobqueue), on Kubernetes
(dask-kubernetes) or on a hosted service, with Dask's scheduling, data
locality, retries and dashboard. copydesk only states the work:

1. the collection is cut into parts (:func:`copydesk.collections.parts`) and
   becomes a ``dask.bag`` with one part per partition;
2. the first pass is a **reduce**: each partition counts its lines (for line
   numbers) and, when a ``boilerplate`` rule runs, the documents holding each
   short line per source; a tree of merges adds them up and the total is
   pruned to the lines that recur (``Bag.fold``);
3. the second pass is a **map**: each partition lints its documents with
   the pruned counts of their sources and writes its findings to its own
   part file (``part-00000.jsonl`` or ``.parquet``) when an output folder is
   given, or returns them to be written to the caller's sink in order.

The job (rule options and the collection's settings) and the pruned counts
enter the graph once, as single keys; each worker fetches them once and
compiles the ruleset once (:func:`worker_ruleset`), however many partitions
it runs. Workers must see the collection's path (a shared or network file
system, or the same machine).

Needs ``pip install 'copydesk[scale]'`` (dask and distributed).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from copydesk import boilerplate
from copydesk.batch import RuleOptions
from copydesk.boilerplate import SourceCounts
from copydesk.collection_output import FindingSink, open_sink, part_name
from copydesk.collection_run import (
    BoundRulesets,
    CollectionJob,
    CollectionRun,
    CollectionWork,
    boilerplate_checks,
    count_records,
    lint_records,
    min_documents,
)
from copydesk.collections import (
    DEFAULT_PART_BYTES,
    CollectionSpec,
    Part,
    count_lines,
    parts,
    read,
)
from copydesk.errors import CopydeskError
from copydesk.model import Finding
from copydesk.ruleset import Ruleset

#: Partial counts merged per step of the reduction tree.
SPLIT_EVERY = 8
#: The smallest part worth a task of its own.
MIN_PART_BYTES = 1024 * 1024


class PartCounts:
    """The first pass over some parts: lines per part, line counts per source."""

    __slots__ = ("lines", "sources")

    lines: dict[int, int]
    sources: SourceCounts

    def __init__(
        self,
        lines: dict[int, int] | None = None,
        sources: SourceCounts | None = None,
    ) -> None:
        self.lines = {} if lines is None else lines
        self.sources = {} if sources is None else sources


class PartResult:
    """The second pass over one part: its tally, and its findings unless a
    part file took them."""

    __slots__ = ("index", "rows", "run")

    index: int
    run: CollectionRun
    rows: list[tuple[str, list[Finding]]]

    def __init__(
        self,
        index: int,
        run: CollectionRun,
        rows: list[tuple[str, list[Finding]]] | None = None,
    ) -> None:
        self.index = index
        self.run = run
        self.rows = [] if rows is None else rows


class _Collect:
    """A sink that keeps a part's findings to send back to the client."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, list[Finding]]] = []

    def write(self, doc_id: str, findings: Sequence[Finding]) -> None:
        if findings:
            self.rows.append((doc_id, list(findings)))

    def close(self) -> None:
        pass


_RULESETS: dict[RuleOptions, Ruleset] = {}
_RULESETS_LOCK = threading.Lock()


def worker_ruleset(options: RuleOptions) -> Ruleset:
    """The ruleset of ``options``, compiled once per worker process (a
    worker's threads share it, and so do the workers of an in-process
    cluster)."""
    with _RULESETS_LOCK:
        ruleset = _RULESETS.get(options)
        if ruleset is None:
            ruleset = _RULESETS[options] = options.load()
        return ruleset


def count_part(
    part: Part, spec: CollectionSpec, job: CollectionJob, learn: bool
) -> PartCounts:
    """First pass, one part: its line count, and its line counts by source."""
    sources = count_records(read(spec, part), job) if learn else {}
    return PartCounts({part.index: count_lines(spec, part)}, sources)


def merge_counts(a: PartCounts, b: PartCounts) -> PartCounts:
    """Two partial first passes as one (associative, so any tree will do)."""
    lines = {**a.lines, **b.lines}
    return PartCounts(lines, boilerplate.merge_sources([a.sources, b.sources]))


def pruned(counts: PartCounts, fewest: int) -> PartCounts:
    """The total, keeping only lines in at least ``fewest`` documents."""
    return PartCounts(counts.lines, boilerplate.prune_sources(counts.sources, fewest))


def lint_part(
    part: Part,
    spec: CollectionSpec,
    job: CollectionJob,
    counts: PartCounts,
    learn: bool,
    output: str | None,
) -> PartResult:
    """Second pass, one part: lint its documents, write or return findings."""
    first = 1 + sum(n for index, n in counts.lines.items() if index < part.index)
    if spec.container == "jsonl":
        part = Part(part.index, part.start, part.stop, first)
    ruleset = worker_ruleset(job.options)
    rulesets = BoundRulesets(ruleset, counts.sources if learn else None)
    collect = _Collect()
    sink: FindingSink = collect
    if output is not None:
        parquet = output.rstrip("/").endswith(".parquet")
        sink = open_sink(str(Path(output) / part_name(part.index, parquet)))
    try:
        run = lint_records(read(spec, part), rulesets, job, sink)
    finally:
        sink.close()
    return PartResult(part.index, run, collect.rows)


def _part_bytes(spec: CollectionSpec, client: Any) -> int:
    """Four parts per worker thread, between 1 MB and the default size."""
    threads: int = max(1, sum(client.nthreads().values()))
    size = Path(spec.path).stat().st_size
    return max(MIN_PART_BYTES, min(DEFAULT_PART_BYTES, size // (4 * threads) + 1))


class DaskEngine:
    """Runs a collection on a Dask cluster.

    ``scheduler`` is the address of a running scheduler
    (``tcp://host:8786``); without one, a local cluster of ``workers``
    processes is started for the run. ``client`` is an existing
    ``distributed.Client`` to use instead (a notebook's, a test's).
    ``output`` is a folder for the partitioned findings; without it the
    findings come back to the caller's sink, in collection order.
    """

    __slots__ = ("client", "output", "part_bytes", "scheduler", "workers")

    scheduler: str | None
    workers: int | None
    output: str | None
    #: Bytes per part; None: four parts per worker thread, from 1 MB up to
    #: ``DEFAULT_PART_BYTES``, so a small collection still spreads out.
    part_bytes: int | None
    client: Any

    def __init__(
        self,
        scheduler: str | None = None,
        workers: int | None = None,
        output: str | None = None,
        part_bytes: int | None = None,
        client: Any = None,
    ) -> None:
        self.scheduler = scheduler
        self.workers = workers
        self.output = output
        self.part_bytes = part_bytes
        self.client = client

    def run(self, work: CollectionWork, sink: FindingSink) -> CollectionRun:
        spec, job, ruleset = work.spec, work.job, work.ruleset
        learn = bool(boilerplate_checks(ruleset))
        fewest = min_documents(ruleset)
        if self.output is not None:
            Path(self.output).mkdir(parents=True, exist_ok=True)
        with self._client() as client:
            outcome = CollectionRun(metas=ruleset.metas)
            for result in self._results(client, spec, job, learn, fewest):
                for doc_id, findings in result.rows:
                    sink.write(doc_id, findings)
                outcome.merge(result.run)
        return outcome

    def _results(
        self,
        client: Any,
        spec: CollectionSpec,
        job: CollectionJob,
        learn: bool,
        fewest: int,
    ) -> Iterator[PartResult]:
        """Each part's result, in collection order, as the cluster finishes
        them (a finished part's findings are written before the next)."""
        import dask.bag as db
        from dask.delayed import delayed

        found = parts(spec, self.part_bytes or _part_bytes(spec, client))
        # dask.bag's constructors carry no annotations.
        bag = db.from_sequence(found, npartitions=len(found))  # type: ignore[no-untyped-call]
        shared_job = delayed(job, traverse=False)
        counted = bag.map(count_part, spec, shared_job, learn).fold(
            merge_counts, split_every=SPLIT_EVERY
        )
        totals = delayed(pruned)(counted, fewest)
        linted = bag.map(lint_part, spec, shared_job, totals, learn, self.output)
        futures = client.compute(linted.to_delayed())
        try:
            for future in futures:
                [result] = future.result()
                future.release()
                yield result
        finally:
            for future in futures:
                future.release()

    @contextlib.contextmanager
    def _client(self) -> Iterator[Any]:
        if self.client is not None:
            yield self.client
            return
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise CopydeskError(
                "", "--engine dask needs dask: pip install 'copydesk[scale]'"
            ) from None
        if self.scheduler is not None:
            with Client(self.scheduler) as client:  # type: ignore[no-untyped-call]
                yield client
            return
        workers = self.workers or 1
        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers,
            threads_per_worker=1,
            dashboard_address=None,
            processes=True,
        )
        with cluster, Client(cluster) as client:  # type: ignore[no-untyped-call]
            yield client
