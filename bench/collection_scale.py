#!/usr/bin/env python3
"""Throughput of a collection run: this process, then Dask with 1 and 2 workers.

The shared news corpus (4,373 articles, 11.9 MB; ``--copies`` times over, 3
by default, so start-up is amortised) as one JSON Lines file,
linted with the default packs and ``--source-field source`` three ways:

- the local engine (one process, two streaming passes);
- ``DaskEngine`` on a ``LocalCluster`` of 1 worker process, then of 2
  (one thread each), cut into parts of ``--part-mb``.

For each it reports wall time (the cluster's start-up apart), MB/s, the
peak RSS of each worker process, and whether the findings are exactly the
local engine's. The 2-worker/1-worker throughput ratio is the number the
archive issue asks for. Needs ``pip install -e '.[scale]'``; writes
``bench/results/collection-scale-<date>-<commit>.md``.

    python3 bench/collection_scale.py
"""

from __future__ import annotations

import argparse
import datetime
import io
import lzma
import resource
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from distributed import Client, LocalCluster

from copydesk import api
from copydesk.collection_output import JsonLinesSink
from copydesk.collections import CollectionSpec
from copydesk.distributed import DaskEngine

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import precision  # noqa: E402

NEWS = ROOT.parent / "shared" / "corpus" / "news" / "news.jsonl.xz"
WORK = ROOT / "bench" / "work" / "scale"


def peak_rss_mb() -> float:
    """This process's peak resident set, in MB (run on each worker)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed_local(workspace: api.Workspace, spec: CollectionSpec) -> tuple[float, str]:
    out = io.StringIO()
    start = time.perf_counter()
    workspace.lint_collection(spec, JsonLinesSink(out))
    return time.perf_counter() - start, out.getvalue()


def timed_dask(
    workspace: api.Workspace, spec: CollectionSpec, workers: int, part_bytes: int
) -> tuple[float, str, list[float]]:
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        engine = DaskEngine(client=client, part_bytes=part_bytes)
        out = io.StringIO()
        start = time.perf_counter()
        workspace.lint_collection(spec, JsonLinesSink(out), engine=engine)
        seconds = time.perf_counter() - start
        rss = sorted(client.run(peak_rss_mb).values())
    return seconds, out.getvalue(), rss


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--news", type=Path, default=NEWS)
    parser.add_argument("--part-mb", type=float, default=1.0)
    parser.add_argument(
        "--copies", type=int, default=3, help="the corpus this many times over"
    )
    parser.add_argument("--out-dir", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args(argv)
    WORK.mkdir(parents=True, exist_ok=True)
    path = WORK / f"news-x{args.copies}.jsonl"
    if not path.exists():
        with lzma.open(args.news, "rt", encoding="utf-8") as src:
            corpus = src.read()
        with path.open("w", encoding="utf-8") as out:
            for copy in range(args.copies):
                out.write(corpus.replace('{"id": "', f'{{"id": "{copy}-'))
    megabytes = path.stat().st_size / 1e6
    spec = CollectionSpec(str(path), source_field="source")
    workspace = api.Workspace(ROOT, api.Overrides(isolated=True))
    part_bytes = int(args.part_mb * 1024 * 1024)
    load = " ".join(f"{x:.2f}" for x in __import__("os").getloadavg())
    rows = []
    local_seconds, expected = timed_local(workspace, spec)
    rows.append(("local engine", local_seconds, "–", True))
    ratios = {}
    for workers in (1, 2):
        seconds, found, rss = timed_dask(workspace, spec, workers, part_bytes)
        ratios[workers] = megabytes / seconds
        rss_text = ", ".join(f"{r:.0f}" for r in rss)
        same = found == expected
        if not same:  # kept for a look: which rows differ, and why
            (WORK / f"dask-{workers}.jsonl").write_text(found, encoding="utf-8")
            (WORK / "local.jsonl").write_text(expected, encoding="utf-8")
        rows.append((f"dask, {workers} worker(s)", seconds, rss_text, same))
    head = precision.head_commit()
    lines = [
        f"# Collection throughput at {head} ({datetime.date.today()})",
        "",
        f"News corpus as JSON Lines, {args.copies} times over: {megabytes:.1f} MB,"
        f" {4373 * args.copies:,} articles, default"
        f" packs, --source-field source; parts of {args.part_mb:g} MB;"
        f" {len(expected.splitlines())} findings. Machine: 2 cores; load average"
        f" at start {load}.",
        "",
        "| run | seconds | MB/s | peak RSS per worker (MB) | findings = local |",
        "|---|---:|---:|---:|---|",
    ]
    for name, seconds, rss_text, same in rows:
        lines.append(
            f"| {name} | {seconds:.1f} | {megabytes / seconds:.2f} | {rss_text}"
            f" | {'yes' if same else 'NO'} |"
        )
    lines += ["", f"2 workers / 1 worker throughput: {ratios[2] / ratios[1]:.2f}"]
    lines.append(f"Peak RSS of this (client) process: {peak_rss_mb():.0f} MB")
    report = "\n".join(lines) + "\n"
    print(report)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    name = f"collection-scale-{datetime.date.today()}-{head}.md"
    (args.out_dir / name).write_text(report, encoding="utf-8")
    return 0 if all(same for *_, same in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
