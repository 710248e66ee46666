"""Editor re-lint latency: ``Workspace.lint_text`` after a one-character edit.

Run with copydesk's own Python (``bench/run.py`` does)::

    python bench/relint_latency.py FILE [--edits 40]

An editor server sends the whole buffer after every keystroke. The buffer is
linted once, then edited one character at a time (a letter typed into a
word, at places spread over the text) and linted after each edit; the
median of those lints is the latency. Each version linted under a new name
too (so nothing of the last version is reused) is the baseline.
Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from copydesk import api


def edits(text: str, count: int) -> list[str]:
    """``count`` successive versions of ``text``, each one letter longer, the
    letter typed after a word's first letter at places spread over it."""
    versions: list[str] = []
    step = max(1, len(text) // (count + 1))
    for index in range(count):
        at = (index + 1) * step
        while at < len(text) and not text[at - 1 : at + 1].isalpha():
            at += 1
        text = text[:at] + "e" + text[at:]
        versions.append(text)
    return versions


def timed(workspace: api.Workspace, path: Path, text: str) -> float:
    start = time.perf_counter()
    workspace.lint_text(path, text)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("file", type=Path)
    ap.add_argument("--edits", type=int, default=40)
    args = ap.parse_args(argv)
    text = args.file.read_text(encoding="utf-8")
    root = args.file.parent
    editor = api.Workspace(root)
    first = timed(editor, args.file, text)
    other = api.Workspace(root)
    timed(other, args.file, text)  # its ruleset compiled
    warm: list[float] = []
    fresh: list[float] = []
    # Interleaved, so both see the same machine: the editor's buffer, then
    # the same text under a name never linted before.
    for index, version in enumerate(edits(text, args.edits)):
        warm.append(timed(editor, args.file, version))
        name = args.file.with_name(f"{index}-{args.file.name}")
        fresh.append(timed(other, name, version))
    ms = 1000.0
    result = {
        "file": str(args.file),
        "bytes": len(text.encode("utf-8")),
        "edits": len(warm),
        "first_ms": first * ms,
        "median_ms": statistics.median(warm) * ms,
        "p90_ms": sorted(warm)[int(0.9 * (len(warm) - 1))] * ms,
        "fresh_median_ms": statistics.median(fresh) * ms,
    }
    json.dump(result, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
