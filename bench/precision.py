#!/usr/bin/env python3
"""Precision harness: copydesk's default findings on real content, and their labels.

Real content nobody on the project wrote is the judge of a rule. This script:

1. unpacks the calibration corpora from ``../shared/corpus`` into
   ``bench/work/precision/<corpus>/`` (git-ignored): the four real trees of
   ``corpus/real/`` (Hugo Markdown, Sphinx reST, HTML, a government blog), the
   PowerShell reference docs and the clean news articles (one ``.txt`` each);
2. runs ``copydesk check --format json --no-cache`` with the default packs on
   each, and prints findings per rule and corpus, per MB, and how many carry a
   safe fix;
3. joins the findings with the committed labels (``bench/labels/labels.tsv``:
   true / false / debatable, with a reason) and prints precision per rule:
   strict (true / labelled) and lenient ((true + debatable) / labelled);
4. with ``--sample N``, draws a fixed-seed sample of N unlabelled findings per
   corpus into ``bench/work/precision/to-label.tsv`` for a reader to label and
   append to the labels file.

A finding is keyed by (corpus, path, line, rule, match), so labels survive
changes elsewhere in the file's line but not edits that move it to another
line; ``--stale`` lists labels whose finding is gone (fixed or moved).

Only the standard library is needed; the copydesk that runs is the one
importable by ``--python`` (default: this interpreter).
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import lzma
import os
import random
import subprocess
import sys
import tarfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
WORK = ROOT / "bench" / "work" / "precision"
LABELS = ROOT / "bench" / "labels" / "labels.tsv"
LABEL_FIELDS = ("corpus", "path", "line", "rule", "match", "label", "reason")
LABEL_VALUES = ("true", "false", "debatable")
#: Long matches are cut to this many characters in keys and label files.
MATCH_WIDTH = 60

#: Corpus name -> archive under ``../shared/corpus`` (news is handled apart).
ARCHIVES: dict[str, str] = {
    "hugo-md": "real/hugo-md.tar.xz",
    "sphinx-rst": "real/sphinx-rst.tar.xz",
    "html-site": "real/html-site.tar.xz",
    "blog-md": "real/blog-md.tar.xz",
    "powershell": "powershell-docs-reference.tar.xz",
}
NEWS = "news"
CORPORA: tuple[str, ...] = (*ARCHIVES, NEWS)


def head_commit() -> str:
    """The short hash of HEAD, for naming a results file ("unknown" outside git)."""
    done = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.strip() or "unknown"


def clip(text: str) -> str:
    """A match as it is stored in a label: one line, at most MATCH_WIDTH."""
    flat = text.replace("\t", " ").replace("\r", " ").replace("\n", " ")
    return flat[:MATCH_WIDTH]


@dataclass(frozen=True)
class Key:
    corpus: str
    path: str
    line: int
    rule: str
    match: str


@dataclass(frozen=True)
class Hit:
    """One finding of one corpus run, with what the harness needs of it."""

    key: Key
    column: int
    safe_fix: bool
    message: str


def unpack(corpus: str, shared: Path = SHARED, work: Path = WORK) -> Path:
    """The unpacked corpus folder, made once (a ``.done`` marker guards it)."""
    dest = work / corpus
    marker = work / f".{corpus}.done"
    if marker.exists():
        return dest
    dest.mkdir(parents=True, exist_ok=True)
    if corpus == NEWS:
        _write_news(shared / "corpus" / "news" / "news.jsonl.xz", dest)
    else:
        with tarfile.open(shared / "corpus" / ARCHIVES[corpus]) as tar:
            tar.extractall(dest, filter="data")
    marker.write_text("", encoding="utf-8")
    return dest


def _write_news(archive: Path, dest: Path) -> None:
    """Each article as ``<id>.txt``: plain text, as a newsroom's draft is."""
    with lzma.open(archive, "rt", encoding="utf-8") as lines:
        for raw in lines:
            article = json.loads(raw)
            name = "".join(
                c if c.isalnum() or c in "-_" else "_" for c in article["id"]
            )
            (dest / f"{name}.txt").write_text(article["text"], encoding="utf-8")


def corpus_bytes(folder: Path) -> int:
    """Size of the content files (licence files excluded), for per-MB rates."""
    return sum(
        p.stat().st_size
        for p in folder.rglob("*")
        if p.is_file() and not p.name.upper().startswith("LICENSE")
    )


def run_copydesk(
    folder: Path, python: str = sys.executable, extra: Sequence[str] = ()
) -> list[dict[str, object]]:
    """Default-pack findings on ``folder`` as JSON dicts (paths relative to it)."""
    cmd = [python, "-m", "copydesk", "check", "--format", "json", "--no-cache"]
    cmd += [*extra, "."]
    done = subprocess.run(cmd, cwd=folder, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        sys.exit(f"copydesk failed on {folder} ({done.returncode}): {done.stderr}")
    found: list[dict[str, object]] = json.loads(done.stdout or "[]")
    return found


def hits(corpus: str, findings: Iterable[dict[str, object]]) -> list[Hit]:
    out = []
    for f in findings:
        path = str(f["path"]).removeprefix("./")
        fix = f.get("fix")
        safe = isinstance(fix, dict) and fix.get("applicability") == "safe"
        key = Key(
            corpus, path, int(str(f["line"])), str(f["rule"]), clip(str(f["match"]))
        )
        out.append(Hit(key, int(str(f["column"])), safe, str(f["message"])))
    return out


@dataclass(frozen=True)
class Label:
    key: Key
    label: str
    reason: str


def read_labels(path: Path = LABELS) -> dict[Key, Label]:
    """The committed labels; a bad row stops the run with its line number."""
    if not path.exists():
        return {}
    labels: dict[Key, Label] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle, delimiter="\t"), 2):
            if row.get("label") not in LABEL_VALUES:
                sys.exit(f"{path}:{number}: label must be one of {LABEL_VALUES}")
            key = Key(
                row["corpus"], row["path"], int(row["line"]), row["rule"], row["match"]
            )
            labels[key] = Label(key, row["label"], row["reason"])
    return labels


def write_rows(path: Path, rows: Iterable[Sequence[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(LABEL_FIELDS)
        writer.writerows(rows)


def sample(
    all_hits: Sequence[Hit], labels: dict[Key, Label], size: int, seed: int
) -> list[Hit]:
    """Up to ``size`` unlabelled findings per corpus, the same for the same seed."""
    chosen: list[Hit] = []
    by_corpus: dict[str, list[Hit]] = collections.defaultdict(list)
    for hit in all_hits:
        if hit.key not in labels:
            by_corpus[hit.key.corpus].append(hit)
    for corpus in sorted(by_corpus):
        pool = sorted(
            by_corpus[corpus], key=lambda h: (h.key.path, h.key.line, h.key.rule)
        )
        rng = random.Random(f"{seed}:{corpus}")
        chosen += sorted(
            rng.sample(pool, min(size, len(pool))),
            key=lambda h: (h.key.path, h.key.line),
        )
    return chosen


def table(rows: Sequence[Sequence[object]], header: Sequence[str]) -> Iterator[str]:
    yield "| " + " | ".join(header) + " |"
    yield "|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|"
    for row in rows:
        yield "| " + " | ".join(str(c) for c in row) + " |"


def report(
    all_hits: Sequence[Hit], sizes: dict[str, int], labels: dict[Key, Label]
) -> Iterator[str]:
    corpora = [c for c in CORPORA if c in sizes]
    counts = collections.Counter((h.key.rule, h.key.corpus) for h in all_hits)
    rules = sorted({h.key.rule for h in all_hits})
    yield "## Findings per rule and corpus (default packs)\n"
    rows: list[list[object]] = [
        [rule, *(counts.get((rule, c), "–") for c in corpora)] for rule in rules
    ]
    totals = collections.Counter(h.key.corpus for h in all_hits)
    rows.append(["**total**", *(totals.get(c, 0) for c in corpora)])
    rows.append(["MB", *(f"{sizes[c] / 1e6:.2f}" for c in corpora)])
    rows.append(
        ["per MB", *(f"{totals.get(c, 0) / (sizes[c] / 1e6):.1f}" for c in corpora)]
    )
    safe = collections.Counter(h.key.corpus for h in all_hits if h.safe_fix)
    rows.append(["with a safe fix", *(safe.get(c, 0) for c in corpora)])
    yield from table(rows, ["rule", *corpora])
    yield "\n## Precision of labelled findings\n"
    per_rule: dict[str, collections.Counter[str]] = collections.defaultdict(
        collections.Counter
    )
    unlabelled = collections.Counter[str]()
    for hit in all_hits:
        label = labels.get(hit.key)
        if label is None:
            unlabelled[hit.key.rule] += 1
        else:
            per_rule[hit.key.rule][label.label] += 1
    prows: list[list[object]] = []
    grand = collections.Counter[str]()
    for rule in rules:
        c = per_rule[rule]
        grand.update(c)
        prows.append([rule, *_precision_cells(c), unlabelled[rule]])
    prows.append(["**all**", *_precision_cells(grand), sum(unlabelled.values())])
    yield from table(
        prows, ["rule", "true", "false", "debatable", "strict", "lenient", "unlabelled"]
    )
    bad_safe = [
        h
        for h in all_hits
        if h.safe_fix
        and labels.get(h.key) is not None
        and labels[h.key].label != "true"
    ]
    yield f"\nSafe fixes on findings not labelled true: {len(bad_safe)}"
    for hit in bad_safe:
        k = hit.key
        yield f"- {k.corpus}/{k.path}:{k.line} {k.rule} {k.match!r}"


def _precision_cells(c: collections.Counter[str]) -> list[object]:
    n = c["true"] + c["false"] + c["debatable"]
    if not n:
        return [0, 0, 0, "–", "–"]
    strict = c["true"] / n
    lenient = (c["true"] + c["debatable"]) / n
    return [c["true"], c["false"], c["debatable"], f"{strict:.2f}", f"{lenient:.2f}"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpus", action="append", choices=CORPORA, help="default: all"
    )
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--work", type=Path, default=WORK)
    parser.add_argument(
        "--python", default=sys.executable, help="interpreter with copydesk"
    )
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument(
        "--sample", type=int, default=0, help="unlabelled findings per corpus to draw"
    )
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--stale", action="store_true", help="list labels whose finding is gone"
    )
    parser.add_argument("--json", type=Path, help="also write every finding's key here")
    args = parser.parse_args(argv)
    labels = read_labels(args.labels)
    all_hits: list[Hit] = []
    sizes: dict[str, int] = {}
    for corpus in args.corpus or CORPORA:
        folder = unpack(corpus, args.shared, args.work)
        sizes[corpus] = corpus_bytes(folder)
        all_hits += hits(corpus, run_copydesk(folder, args.python))
    for line in report(all_hits, sizes, labels):
        print(line)
    if args.stale:
        seen = {h.key for h in all_hits}
        gone = [k for k in labels if k.corpus in sizes and k not in seen]
        print(f"\nLabels whose finding is gone: {len(gone)}")
        for k in gone:
            print(
                f"- {labels[k].label} {k.corpus}/{k.path}:{k.line} {k.rule} {k.match!r}"
            )
    if args.json:
        args.json.write_text(
            json.dumps(
                [
                    h.key.__dict__
                    | {"column": h.column, "safe_fix": h.safe_fix, "message": h.message}
                    for h in all_hits
                ],
                indent=1,
            ),
            encoding="utf-8",
        )
    if args.sample:
        drawn = sample(all_hits, labels, args.sample, args.seed)
        out = args.work / "to-label.tsv"
        write_rows(
            out,
            (
                [
                    h.key.corpus,
                    h.key.path,
                    str(h.key.line),
                    h.key.rule,
                    h.key.match,
                    "",
                    h.message,
                ]
                for h in drawn
            ),
        )
        print(
            f"\n{len(drawn)} findings to label in {out} (the reason column "
            "holds the message)"
        )
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUTF8", "1")
    raise SystemExit(main())
