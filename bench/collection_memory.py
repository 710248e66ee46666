#!/usr/bin/env python3
"""Peak memory of a collection run on a large JSON Lines file.

Builds ``bench/work/scale/big.jsonl`` of ``--gb`` gigabytes from the news
corpus, each copy of an article with its paragraphs made unique (a copy
tag in letters appended: digits count as one), so the boilerplate count
table is as large as such a file can make it: every short line is new.
Then runs ``copydesk check --collection`` on it in a child process, with
only ``artifacts.Boilerplate`` selected (both passes run; the other rules
would take hours on one machine and hold no state across documents),
locally and with ``--engine dask --jobs 2``, and reports the largest RSS
seen among its processes (the run itself, or a Dask worker; sampled five
times a second). Writes
``bench/results/collection-memory-<date>-<commit>.md``.

    python3 bench/collection_memory.py --gb 1
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import lzma
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import precision  # noqa: E402

NEWS = ROOT.parent / "shared" / "corpus" / "news" / "news.jsonl.xz"
WORK = ROOT / "bench" / "work" / "scale"


def _letters(number: int) -> str:
    """``number`` in letters (a, b, ..., ba, ...): digits would be normalised
    away and every copy would count as the same line."""
    out = ""
    while True:
        number, digit = divmod(number, 26)
        out = "abcdefghijklmnopqrstuvwxyz"[digit] + out
        if not number:
            return out


def build(path: Path, gigabytes: float, news: Path) -> int:
    """Write copies of the news articles until ``path`` holds ``gigabytes``."""
    with lzma.open(news, "rt", encoding="utf-8") as lines:
        articles = [json.loads(raw) for raw in lines]
    target = int(gigabytes * 1e9)
    written = copy = 0
    with path.open("w", encoding="utf-8") as out:
        while written < target:
            copy += 1
            for article in articles:
                tag = _letters(copy)
                text = "\n\n".join(
                    f"{p} ({tag})" for p in article["text"].split("\n\n")
                )
                row = {"id": f"{article['id']}-{copy}", "source": article["source"]}
                line = json.dumps({**row, "text": text}, ensure_ascii=False) + "\n"
                out.write(line)
                written += len(line.encode("utf-8"))
                if written >= target:
                    break
    return written


def _largest_rss_mb(pid: int) -> float:
    """The largest resident set among ``pid`` and its descendants, in MB."""
    import psutil  # a dependency of distributed

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0.0
    sizes = []
    for proc in procs:
        with contextlib.suppress(psutil.Error):
            sizes.append(proc.memory_info().rss / 1e6)
    return max(sizes, default=0.0)


def run(path: Path, extra: Sequence[str]) -> tuple[float, float]:
    """Seconds and the largest child peak RSS (MB) of one collection run."""
    cmd = [
        sys.executable,
        "-m",
        "copydesk",
        "check",
        "--collection",
        str(path),
        "--source-field",
        "source",
        "--select",
        "artifacts.Boilerplate",
        "--isolated",
        "-q",
        *extra,
    ]
    start = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0.0
    while child.poll() is None:
        peak = max(peak, _largest_rss_mb(child.pid))
        time.sleep(0.2)
    seconds = time.perf_counter() - start
    if child.returncode not in (0, 1):
        err = child.stderr.read().decode() if child.stderr else ""
        sys.exit(f"copydesk failed ({child.returncode}): {err[-2000:]}")
    return seconds, peak


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gb", type=float, default=1.0)
    parser.add_argument("--news", type=Path, default=NEWS)
    parser.add_argument("--out-dir", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args(argv)
    WORK.mkdir(parents=True, exist_ok=True)
    path = WORK / "big.jsonl"
    if not path.exists() or abs(path.stat().st_size - args.gb * 1e9) > 1e7:
        build(path, args.gb, args.news)
    size = path.stat().st_size / 1e6
    rows = []
    for label, extra in (
        ("local engine", ["-o", os.devnull]),
        (
            "dask, 2 workers",
            ["--engine", "dask", "--jobs", "2", "-o", str(WORK / "out")],
        ),
    ):
        seconds, peak = run(path, extra)
        rows.append(f"| {label} | {seconds:.0f} | {size / seconds:.1f} | {peak:.0f} |")
    commit = precision.head_commit()
    report = "\n".join(
        [
            f"# Collection memory at {commit} ({datetime.date.today()})",
            "",
            f"{size:.0f} MB of JSON Lines (news articles copied, every paragraph"
            " made unique), --select artifacts.Boilerplate, --source-field source.",
            "Peak RSS: the largest resident set of any one process of the run"
            " (the run itself, or a Dask worker), sampled every 0.2 s.",
            "",
            "| run | seconds | MB/s | peak RSS (MB) |",
            "|---|---:|---:|---:|",
            *rows,
        ]
    )
    print(report)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    name = f"collection-memory-{datetime.date.today()}-{commit}.md"
    (args.out_dir / name).write_text(report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
