"""Audit the whole corpus through the CLI: do findings start only in prose?

Run by hand (not collected by pytest)::

    /work/venv/bin/python -m tests.formats.corpus_audit [--jobs 2] [DIR]

Unpacks ``../shared/corpus/powershell-docs-reference.tar.xz`` into a temporary
directory unless DIR (an unpacked copy) is given, runs ``copydesk check
--format json --jobs N --fail-level none`` over its ``reference/`` Markdown
files with the default packs, then checks every finding against markdown-it-py
as ``test_corpus`` does, and prints files, findings, spans and violations.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from tests.conftest import CORPUS as TARBALL

from ..markup.oracle import make_parser, violations
from .golden import UNKNOWN_RULE
from .test_corpus import finding_view


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        given: Path | None = args.directory
        root = Path(scratch) if given is None else given
        if given is None:
            with tarfile.open(TARBALL) as archive:
                archive.extractall(root, filter="data")
        files = sorted((root / "reference").rglob("*.md"))
        began = time.perf_counter()
        run = subprocess.run(
            [
                *(sys.executable, "-m", "copydesk", "check"),
                *("--format", "json", "--fail-level", "none"),
                *("--jobs", str(args.jobs)),
                *map(str, files),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        elapsed = time.perf_counter() - began
        if run.returncode != 0:
            sys.stderr.write(run.stderr)
            return run.returncode
        findings: list[dict[str, Any]] = json.loads(run.stdout or "[]")
        by_path: dict[str, list[int]] = defaultdict(list)
        for f in findings:
            if f["rule"] != UNKNOWN_RULE:
                by_path[f["path"]].append(int(f["start"]))
        md = make_parser()
        spans = 0
        problems: list[str] = []
        for path in files:
            text = path.read_text(encoding="utf-8")
            starts = by_path.get(str(path), [])
            checked, found = violations(md, text, finding_view(text, starts))
            spans += checked
            problems.extend(f"{path}: {entry}" for entry in found)
    rules = Counter(f["rule"] for f in findings)
    lines = [
        f"files: {len(files)}",
        f"findings: {len(findings)} in {len(by_path)} files ({elapsed:.1f} s, "
        f"--jobs {args.jobs})",
        "by rule: " + ", ".join(f"{r} {n}" for r, n in rules.most_common()),
        f"non-prose spans located by markdown-it-py: {spans}",
        f"violations (findings starting in them): {len(problems)}",
        *problems,
    ]
    sys.stdout.write("\n".join(lines) + "\n")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
