#!/usr/bin/env python3
"""Score copydesk, codespell and typos on the typo evaluation set.

The set (``bench/typo-eval/``, see its README) holds sentences with one
non-word misspelling, sentences with one real-word error, and clean texts.
Each text is written to its own ``.txt`` file under ``bench/work/typo-eval/``
and every tool runs once over the folder:

- copydesk with its default packs (``--python``: the interpreter with it);
- codespell and typos from a scratch venv (``--peers``, default
  ``bench/work/peers-venv``, the one ``bench/run.py`` makes; neither is a
  dependency of copydesk, and codespell is GPL).

A misspelling counts as found when a finding covers the wrong word on its
line, and as rightly corrected when the right word is among its suggestions;
every finding on a clean text is a false alarm. The report goes to stdout
and, with ``--out``, to a Markdown file.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "typo-eval"
WORK = ROOT / "bench" / "work" / "typo-eval"
PEERS = ROOT / "bench" / "work" / "peers-venv"


@dataclass(frozen=True)
class Case:
    name: str  # file stem
    text: str
    wrong: str
    right: str


@dataclass(frozen=True)
class Hit:
    name: str
    match: str
    suggestions: tuple[str, ...]


def read_cases() -> dict[str, list[Case]]:
    sets: dict[str, list[Case]] = {"nonword": [], "realword": [], "clean": []}
    for kind in ("nonword", "realword"):
        with (DATA / f"{kind}.tsv").open(encoding="utf-8", newline="") as handle:
            for i, row in enumerate(csv.DictReader(handle, delimiter="\t")):
                sets[kind].append(
                    Case(f"{kind}-{i:03d}", row["text"], row["wrong"], row["right"])
                )
    lines = (DATA / "clean.txt").read_text(encoding="utf-8").splitlines()
    sets["clean"] = [
        Case(f"clean-{i:03d}", t, "", "") for i, t in enumerate(lines) if t.strip()
    ]
    return sets


def write_cases(sets: dict[str, list[Case]]) -> Path:
    folder = WORK / "texts"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for cases in sets.values():
        for case in cases:
            (folder / f"{case.name}.txt").write_text(case.text + "\n", encoding="utf-8")
    return folder


def run_copydesk(folder: Path, python: str, extra: Sequence[str]) -> list[Hit]:
    cmd = [python, "-m", "copydesk", "check", "--format", "json", "--no-cache"]
    cmd += ["--isolated", *extra, "."]
    done = subprocess.run(cmd, cwd=folder, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        sys.exit(f"copydesk failed: {done.stderr}")
    return [
        Hit(Path(f["path"]).stem, f["match"], tuple(f["suggestions"]))
        for f in json.loads(done.stdout or "[]")
    ]


_CODESPELL_LINE = re.compile(r"^(?P<path>[^:]+):\d+: (?P<wrong>.+?) ==> (?P<right>.+)$")


def run_codespell(folder: Path, peers: Path) -> list[Hit]:
    exe = peers / "bin" / "codespell"
    done = subprocess.run(
        [str(exe), "."], cwd=folder, capture_output=True, text=True, check=False
    )
    hits = []
    for line in done.stdout.splitlines():
        m = _CODESPELL_LINE.match(line)
        if m:
            rights = tuple(r.strip() for r in m["right"].split(","))
            hits.append(Hit(Path(m["path"]).stem, m["wrong"], rights))
    return hits


def run_typos(folder: Path, peers: Path) -> list[Hit]:
    exe = peers / "bin" / "typos"
    done = subprocess.run(
        [str(exe), "--format", "json", "."],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    hits = []
    for line in done.stdout.splitlines():
        item = json.loads(line)
        if item.get("type") == "typo":
            hits.append(
                Hit(Path(item["path"]).stem, item["typo"], tuple(item["corrections"]))
            )
    return hits


def score(sets: dict[str, list[Case]], hits: Sequence[Hit]) -> dict[str, float]:
    by_name: dict[str, list[Hit]] = {}
    for hit in hits:
        by_name.setdefault(hit.name, []).append(hit)
    out: dict[str, float] = {}
    for kind in ("nonword", "realword"):
        cases = sets[kind]
        found = right = 0
        for case in cases:
            mine = [
                h
                for h in by_name.get(case.name, [])
                if h.match.casefold() == case.wrong.casefold()
            ]
            if mine:
                found += 1
                if any(
                    s.casefold() == case.right.casefold()
                    for h in mine
                    for s in h.suggestions
                ):
                    right += 1
        out[f"{kind}_n"] = len(cases)
        out[f"{kind}_found"] = found
        out[f"{kind}_right"] = right
    clean = sets["clean"]
    alarms = sum(len(by_name.get(c.name, [])) for c in clean)
    out["clean_n"] = len(clean)
    out["clean_alarms"] = alarms
    out["alarms_per_100"] = 100 * alarms / len(clean)
    return out


def report(results: dict[str, dict[str, float]]) -> list[str]:
    lines = [
        "| tool | non-word found | right suggestion | real-word found | "
        "false alarms / 100 clean texts |",
        "|---|---:|---:|---:|---:|",
    ]
    for tool, r in results.items():
        n, rw = int(r["nonword_n"]), int(r["realword_n"])
        lines.append(
            f"| {tool} | {int(r['nonword_found'])}/{n} "
            f"({100 * r['nonword_found'] / n:.0f}%) | "
            f"{int(r['nonword_right'])}/{n} ({100 * r['nonword_right'] / n:.0f}%) | "
            f"{int(r['realword_found'])}/{rw} "
            f"({100 * r['realword_found'] / rw:.0f}%) | "
            f"{r['alarms_per_100']:.1f} ({int(r['clean_alarms'])} "
            f"on {int(r['clean_n'])}) |"
        )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--peers", type=Path, default=PEERS)
    parser.add_argument("--out", type=Path)
    parser.add_argument(
        "--details", action="store_true", help="list misses and false alarms"
    )
    args = parser.parse_args(argv)
    sets = read_cases()
    folder = write_cases(sets)
    runs: dict[str, list[Hit]] = {
        "copydesk (default packs)": run_copydesk(folder, args.python, []),
        "copydesk, typos pack only": run_copydesk(
            folder, args.python, ["--select", "typos"]
        ),
    }
    if (args.peers / "bin" / "codespell").exists():
        runs["codespell"] = run_codespell(folder, args.peers)
    if (args.peers / "bin" / "typos").exists():
        runs["typos"] = run_typos(folder, args.peers)
    results = {tool: score(sets, hits) for tool, hits in runs.items()}
    lines = report(results)
    if args.details:
        hits = runs["copydesk (default packs)"]
        names = {h.name for h in hits}
        for case in sets["nonword"] + sets["realword"]:
            if case.name not in names:
                lines.append(f"- missed {case.name}: {case.wrong} -> {case.right}")
        lines.extend(
            f"- alarm {h.name}: {h.match} {h.suggestions}"
            for h in hits
            if h.name.startswith("clean")
        )
    print("\n".join(lines))
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
