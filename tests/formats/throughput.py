"""Throughput of ``batch.lint_text`` with the default packs, per format.

Run by hand (not collected by pytest)::

    /work/venv/bin/python -m tests.formats.throughput [--scale 200] [--runs 3]

Each golden document (and its plain twin) is repeated ``--scale`` times into
one text; the best of ``--runs`` timings is reported as MB/s of UTF-8 input,
for the reader alone and for the whole lint.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from copydesk import markup

from .golden import DOCUMENTS, EXTENSIONS, default_ruleset, document_path, lint, read


def best(func: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        func()
        times.append(time.perf_counter() - began)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    default_ruleset()  # load the packs outside the timings
    rows = ["format    size MB  reader MB/s  lint MB/s  findings"]
    cases = [(fmt, document_path(fmt)) for fmt in EXTENSIONS]
    cases.append(("plain", DOCUMENTS / "markdown" / "document.txt"))
    for fmt, path in cases:
        # a blank line between copies keeps each copy's blocks apart
        text = "\n\n".join([read(path)] * args.scale)
        size = len(text.encode("utf-8")) / 1e6
        reading = best(lambda: markup.read(fmt, text), args.runs)  # noqa: B023
        linting = best(lambda: lint(text, fmt), args.runs)  # noqa: B023
        count = len(lint(text, fmt))
        rows.append(
            f"{fmt:<9} {size:7.2f}  {size / reading:11.1f}  {size / linting:9.2f}"
            f"  {count:8d}"
        )
    sys.stdout.write("\n".join(rows) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
