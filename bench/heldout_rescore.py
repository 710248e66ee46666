#!/usr/bin/env python3
"""Re-score copydesk on every earlier held-out tree against its committed labels.

Each ``bench/labels/heldout-*.md`` names, in a table, the trees one round of
labelling was run on (corpus | repository ``commit`` | folders | files);
the ``heldout-*.tsv`` beside it holds the labels (corpus, path, line, col,
rule, label, safe_fix_ok, reason), paths relative to the folder copydesk
was run from. This script runs one version of copydesk over all those trees
at once and compares two such runs label by label, so that a change to the
checks can be judged on every held-out tree in a few minutes.

Run one version (from the repository's root; any Python 3.11, copydesk need
not be importable here, since the command is run as given)::

    python3 bench/heldout_rescore.py --trees TREES \\
        --copydesk ".venv/bin/python -m copydesk" --out new.json
    python3 bench/heldout_rescore.py --trees TREES \\
        --copydesk "PYTHONPATH=/tmp/old/src .venv/bin/python -m copydesk" \\
        --out base.json

``check --no-cache --format json --jobs N .`` is appended to the command
(leading ``NAME=value`` words are set in its environment) and run from each
folder of TREES, one tree per corpus; the result holds every finding, keyed
by the tree's name, with the run's times and errors. ``--only`` picks some
trees, ``--parallel`` runs several trees at once, ``--note`` stores a line
of text (say, ``git diff --stat | tail -1``) in the result.

Compare two runs::

    python3 bench/heldout_rescore.py --compare base.json new.json [--changed]

prints, per rule and in all, the labelled findings of each run by label
(true / false / debatable) and the findings no label covers (unlabelled),
then the trees whose counts moved; ``--changed`` lists the findings present
in one run and not the other (tree, path, line, col, rule, label, match and
the source line, read from the trees the run was made on). A finding is
matched to a label by (tree, path, line, col, rule).

The trees (not committed: licences differ, and only paths and lines are
needed). ``--list`` prints what the label files define, as JSON: one entry
per tree, with its corpus name, the round (label file) that defined it, the
repository and commit prefix, the folder selection as the table words it,
and its label count. Tree names are the corpus names, except that a corpus
name a later round defines again (the same repository cut differently:
``otel``, ``celery``, ``pytest``, ``wcag`` in round 2026-12-05m, ``peps``,
``linkerd``, ``scrapy``, ``digitalgov`` in 2026-12-06a) gets the round as a
suffix (``otel@05m``). A TSV row belongs to the latest definition of its
corpus no later than its own file; a few older label files (recall audits,
new-rule samples: 2026-12-04m, n, p, 2026-12-05a, d) have no table and
label findings on the trees defined before them. Two corpora are defined in
prose only and listed here (``EXTRA``): ``gov16`` (18F/18f.gsa.gov, the
same files as ``18F``) and ``hugo16`` (dapr/docs at the commit of the
calibration corpus ``hugo-md``, ``daprdocs/content/en``).

To build TREES: fetch each repository (the search tool's ``fetch
github:OWNER/NAME`` gives a bare git directory), then, for each tree, at
the labelled commit (or the snapshot's HEAD when the snapshot lacks it)::

    mkdir -p TREES/TREE && git --git-dir=GITDIR archive COMMIT FOLDER... \\
        | tar -x -C TREES/TREE

The folder copydesk was run from is the repository's root in nearly every
round (labels say ``content/posts/x.md``, not ``x.md``); where a table's
words select files inside the folders (``without X``, ``English only``,
``.txt renamed .rst``, ``every 16th release post``), the extracted tree
has those files removed or renamed. Check a tree against its labels: every
labelled path should exist under it (``--check-trees TREES`` counts them).
Trees a run leaves out are left out of the comparison too.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import shlex
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypedDict

LABELS = Path(__file__).resolve().parent / "labels"
#: What copydesk is asked, after the given command.
CHECK = ("check", "--no-cache", "--format", "json")
CATEGORIES = ("true", "false", "debatable")

#: (tree, path, line, col, rule)
Key = tuple[str, str, int, int, str]

_SOURCE = re.compile(r"([A-Za-z0-9][\w.-]*/[\w.-]+) `([0-9a-f]{6,40})`")
_ASSIGNMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*=")


@dataclass(frozen=True)
class Source:
    """A repository and the commit prefix a table names."""

    repo: str
    commit: str


@dataclass
class Tree:
    """One held-out tree: a corpus as one round's table defines it."""

    tree: str
    corpus: str
    round: str
    sources: list[Source]
    folders: str
    files: str
    labels: dict[Key, str] = field(default_factory=dict)
    label_files: Counter[str] = field(default_factory=Counter)


class Finding(TypedDict, total=False):
    """A copydesk finding as its JSON output gives it (the fields read here)."""

    path: str
    line: int
    column: int
    rule: str
    match: str
    message: str


#: Corpora the label files name but no table defines (see the docstring).
EXTRA: tuple[tuple[str, str, Source, str], ...] = (
    ("gov16", "2026-12-04f", Source("18F/18f.gsa.gov", "0a55c75e6"), "`content/posts`"),
    (
        "hugo16",
        "2026-12-04f",
        Source("dapr/docs", "0748da594aae"),
        "`daprdocs/content/en` (the calibration corpus hugo-md)",
    ),
)


# -- the label files ---------------------------------------------------------


def round_of(path: Path) -> str:
    """``2026-12-05m`` for ``heldout-2026-12-05m.md`` (or ``.tsv``)."""
    return path.stem.removeprefix("heldout-")


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _tables(text: str) -> Iterable[list[list[str]]]:
    """The markdown tables of ``text``: rows of cells, the header first."""
    block: list[str] = []
    for line in [*text.splitlines(), ""]:
        if line.lstrip().startswith("|"):
            block.append(line)
            continue
        if len(block) >= 3:
            yield [_cells(row) for row in block if not re.fullmatch(r"[\s|:-]+", row)]
        block = []


def _column(header: list[str], *words: str) -> int | None:
    for index, name in enumerate(header):
        if any(word in name.lower() for word in words):
            return index
    return None


def parse_md(path: Path, problems: list[str]) -> list[Tree]:
    """The trees one label file's tables define.

    A tree table's header starts with ``corpus`` and has a ``repository``
    column; the folders are a column of their own or follow the commit in
    the repository's cell (the first round's shape). A row may name two
    corpora (``digitalgov``, ``digitalgov-extra``), their folders and file
    counts split at ``;``. Rows that cannot be read go to ``problems``.
    """
    trees: list[Tree] = []
    for table in _tables(path.read_text(encoding="utf-8")):
        header = [cell.lower() for cell in table[0]]
        repo_at = _column(header, "repository")
        if not header or header[0] != "corpus" or repo_at is None:
            continue
        folders_at = _column(header, "folder")
        files_at = _column(header, "files")
        for row in table[1:]:
            if len(row) != len(header):
                problems.append(f"{path.name}: a row of {len(row)} cells: {row}")
                continue
            trees.extend(
                _trees_of_row(path, row, repo_at, folders_at, files_at, problems)
            )
    return trees


def _trees_of_row(
    path: Path,
    row: list[str],
    repo_at: int,
    folders_at: int | None,
    files_at: int | None,
    problems: list[str],
) -> list[Tree]:
    repo_cell = row[repo_at]
    matches = list(_SOURCE.finditer(repo_cell))
    names = re.findall(r"`([^`]+)`", row[0]) or [
        name.strip() for name in row[0].split(",") if name.strip()
    ]
    if not matches or not names:
        problems.append(f"{path.name}: no repository `commit` or corpus in {row}")
        return []
    sources = [Source(m[1], m[2]) for m in matches]
    if folders_at is not None:
        folders = row[folders_at]
    else:  # "owner/name `commit` (date), `folder`"
        rest = repo_cell[matches[-1].end() :]
        folders = re.sub(r"^\s*(\([^)]*\))?\s*,?\s*", "", rest)
    files = row[files_at] if files_at is not None else ""
    folder_parts = _split(folders, len(names))
    file_parts = _split(files, len(names))
    return [
        Tree(name, name, round_of(path), sources, folder_parts[i], file_parts[i])
        for i, name in enumerate(names)
    ]


def _split(cell: str, count: int) -> list[str]:
    """``cell`` split at ``;`` into ``count`` parts, if it has that many."""
    if count == 1:
        return [cell]
    parts = [part.strip() for part in cell.split(";")]
    return parts if len(parts) == count else [cell] * count


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def load_trees(labels: Path = LABELS) -> tuple[dict[str, Tree], list[str]]:
    """Every tree the label files define, with its labels, and the problems.

    Problems: table rows that could not be read, label files with no table
    (fine when their corpora are defined elsewhere), label rows whose
    corpus no table defines, and keys labelled twice with different labels
    (the later file's label is kept).
    """
    problems: list[str] = []
    defined: list[Tree] = []
    for md in sorted(labels.glob("heldout-*.md")):
        found = parse_md(md, problems)
        if not found:
            problems.append(f"{md.name}: no tree table (labels of earlier trees)")
        defined.extend(found)
    for name, round_, source, folders in EXTRA:
        defined.append(Tree(name, name, round_, [source], folders, ""))
    defined.sort(key=lambda tree: tree.round)
    trees: dict[str, Tree] = {}
    by_corpus: dict[str, list[Tree]] = defaultdict(list)
    for tree in defined:
        if tree.corpus in by_corpus:
            tree.tree = f"{tree.corpus}@{tree.round.rsplit('-', 1)[-1]}"
        by_corpus[tree.corpus].append(tree)
        trees[tree.tree] = tree
    for tsv in sorted(labels.glob("heldout-*.tsv")):
        round_ = round_of(tsv)
        for row in _read_tsv(tsv):
            candidates = by_corpus.get(row["corpus"])
            if not candidates:
                problems.append(f"{tsv.name}: corpus {row['corpus']!r} defined nowhere")
                continue
            earlier = [tree for tree in candidates if tree.round <= round_]
            tree = (earlier or candidates)[-1 if earlier else 0]
            key = (
                tree.tree,
                row["path"],
                int(row["line"]),
                int(row["col"]),
                row["rule"],
            )
            old = tree.labels.get(key)
            if old is not None and old != row["label"]:
                problems.append(f"{tsv.name}: {key} relabelled {old} -> {row['label']}")
            tree.labels[key] = row["label"]
            tree.label_files[tsv.name] += 1
    return trees, problems


def all_labels(trees: dict[str, Tree]) -> dict[Key, str]:
    """The labels of every tree, by key."""
    return {key: label for tree in trees.values() for key, label in tree.labels.items()}


# -- running copydesk --------------------------------------------------------


def split_command(command: str) -> tuple[dict[str, str], list[str]]:
    """``NAME=value`` words leading ``command``, and the rest of its words."""
    words = shlex.split(command)
    env: dict[str, str] = {}
    while words and _ASSIGNMENT.match(words[0]):
        name, _, value = words.pop(0).partition("=")
        env[name] = value
    if not words:
        raise SystemExit(f"no command in {command!r}")
    return env, words


def run_tree(tree: Path, command: str, jobs: int) -> dict[str, Any]:
    """copydesk's findings on ``tree``, run from its root, and how it went."""
    env_words, words = split_command(command)
    argv = [*words, *CHECK, "--jobs", str(jobs), "."]
    started = time.monotonic()
    done = subprocess.run(
        argv,
        cwd=tree,
        env={**os.environ, **env_words},
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = round(time.monotonic() - started, 2)
    result: dict[str, Any] = {"seconds": seconds, "returncode": done.returncode}
    try:
        found = json.loads(done.stdout)
    except json.JSONDecodeError:
        result["error"] = (done.stderr or done.stdout)[-2000:]
        result["findings"] = []
        return result
    for finding in found:
        finding["path"] = finding["path"].removeprefix("./")
    result["findings"] = found
    if done.stderr.strip():
        result["stderr"] = done.stderr[-2000:]
    return result


def run_all(args: argparse.Namespace) -> int:
    """Run the command on every tree under ``--trees``; write ``--out``."""
    root = Path(args.trees).resolve()
    names = sorted(path.name for path in root.iterdir() if path.is_dir())
    if args.only:
        wanted = set(args.only.split(","))
        names = [name for name in names if name in wanted]
    out: dict[str, Any] = {
        "command": args.copydesk,
        "check": [*CHECK, "--jobs", str(args.jobs), "."],
        "trees": str(root),
        "note": args.note,
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "corpora": {},
    }
    started = time.monotonic()

    def one(name: str) -> tuple[str, dict[str, Any]]:
        result = run_tree(root / name, args.copydesk, args.jobs)
        state = result.get("error", "").strip().splitlines()[-1:] or ["ok"]
        print(
            f"{name}: {len(result['findings'])} findings, {result['seconds']} s, "
            f"exit {result['returncode']}, {state[0][:120]}",
            file=sys.stderr,
            flush=True,
        )
        return name, result

    with ThreadPoolExecutor(max_workers=max(1, args.parallel)) as pool:
        results = dict(pool.map(one, names))
    out["corpora"] = {name: results[name] for name in names}
    out["finished"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    out["seconds"] = round(time.monotonic() - started, 1)
    Path(args.out).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    errors = [name for name, result in results.items() if "error" in result]
    total = sum(len(result["findings"]) for result in results.values())
    print(
        f"{len(names)} trees, {total} findings, {out['seconds']} s, "
        f"errors: {', '.join(errors) or 'none'} -> {args.out}",
        file=sys.stderr,
    )
    return 1 if errors else 0


# -- comparing two runs ------------------------------------------------------


def keys_of(result: dict[str, Any]) -> dict[Key, Finding]:
    """A run's findings by key (the first of any that share one)."""
    keyed: dict[Key, Finding] = {}
    for tree, run in result["corpora"].items():
        for finding in run["findings"]:
            key = (
                tree,
                finding["path"],
                finding["line"],
                finding["column"],
                finding["rule"],
            )
            keyed.setdefault(key, finding)
    return keyed


def tally(found: Iterable[Key], labels: dict[Key, str]) -> dict[str, Counter[str]]:
    """Per rule: findings by label, ``unlabelled`` where none covers them."""
    per_rule: dict[str, Counter[str]] = defaultdict(Counter)
    for key in found:
        per_rule[key[4]][labels.get(key, "unlabelled")] += 1
    return per_rule


def _counts(counts: Counter[str]) -> str:
    return " | ".join(str(counts[name]) for name in (*CATEGORIES, "unlabelled"))


def _summary(counts: Counter[str]) -> str:
    """``true | false | debatable | strict precision`` as table cells."""
    labelled = sum(counts[name] for name in CATEGORIES)
    strict = f"{counts['true'] / labelled:.3f}" if labelled else "-"
    return f"{counts['true']} | {counts['false']} | {counts['debatable']} | {strict}"


def source_line(trees: Path, tree: str, path: str, line: int, col: int) -> str:
    """Line ``line`` of the file, around column ``col`` if it is long."""
    try:
        data = (trees / tree / path).read_bytes()
    except OSError:
        return "(file not found)"
    lines = data.decode("utf-8", errors="replace").split("\n")
    if not 0 < line <= len(lines):
        return "(no such line)"
    text = lines[line - 1].rstrip("\r").replace("\t", " ")
    if len(text) <= 160:
        return text
    start = max(0, col - 70)
    return ("…" if start else "") + text[start : start + 160] + "…"


def compare(args: argparse.Namespace) -> int:
    """Print the two runs' counts against the labels (and, asked, the changes)."""
    names = args.compare
    results = [json.loads(Path(name).read_text(encoding="utf-8")) for name in names]
    trees, _ = load_trees(Path(args.labels))
    labels = all_labels(trees)
    shared = set(results[0]["corpora"]) & set(results[1]["corpora"])
    for name, result in zip(names, results, strict=True):
        only = sorted(set(result["corpora"]) - shared)
        errors = sorted(
            tree for tree, run in result["corpora"].items() if "error" in run
        )
        print(f"{name}: {result.get('command')} ({result.get('started')})")
        if result.get("note"):
            print(f"  note: {result['note']}")
        if only:
            print(f"  trees only here (left out): {', '.join(only)}")
        if errors:
            print(f"  trees whose run failed: {', '.join(errors)}")
    keyed = [
        {key: finding for key, finding in keys_of(result).items() if key[0] in shared}
        for result in results
    ]
    rules = [tally(found, labels) for found in keyed]
    print(
        f"\n{len(shared)} trees; labels on them: "
        f"{sum(1 for key in labels if key[0] in shared)}\n"
    )
    print(
        "| rule | A true | A false | A debatable | A unlabelled "
        "| B true | B false | B debatable | B unlabelled |"
    )
    print("|---|--:|--:|--:|--:|--:|--:|--:|--:|")
    totals = [Counter[str](), Counter[str]()]
    for rule in sorted(set(rules[0]) | set(rules[1])):
        for total, per_rule in zip(totals, rules, strict=True):
            total.update(per_rule[rule])
        print(f"| {rule} | {_counts(rules[0][rule])} | {_counts(rules[1][rule])} |")
    print(f"| **all** | {_counts(totals[0])} | {_counts(totals[1])} |")
    print(
        "\n| run | true | false | debatable | strict | unlabelled "
        "| labelled, not reported (t/f/d) |"
    )
    print("|---|--:|--:|--:|--:|--:|--:|")
    for side, (name, total, found) in enumerate(zip(names, totals, keyed, strict=True)):
        unreported = Counter(
            label
            for key, label in labels.items()
            if key[0] in shared and key not in found
        )
        print(
            f"| {'AB'[side]} {name} | {_summary(total)} | {total['unlabelled']} "
            f"| {unreported['true']}/{unreported['false']}/{unreported['debatable']} |"
        )
    _moved_trees(keyed, labels)
    if args.changed:
        _changed(keyed, labels, [Path(result["trees"]) for result in results], args)
    return 0


def _moved_trees(keyed: Sequence[dict[Key, Finding]], labels: dict[Key, str]) -> None:
    per_tree: list[defaultdict[str, Counter[str]]] = [
        defaultdict(Counter) for _ in keyed
    ]
    for counts, found in zip(per_tree, keyed, strict=True):
        for key in found:
            counts[key[0]][labels.get(key, "unlabelled")] += 1
    moved = sorted(
        tree
        for tree in set(per_tree[0]) | set(per_tree[1])
        if per_tree[0][tree] != per_tree[1][tree]
    )
    print(f"\nTrees whose counts moved ({len(moved)}): true/false/debatable/unlabelled")
    for tree in moved:
        a, b = per_tree[0][tree], per_tree[1][tree]
        print(f"- {tree}: {_slash(a)} -> {_slash(b)}")


def _slash(counts: Counter[str]) -> str:
    return "/".join(str(counts[name]) for name in (*CATEGORIES, "unlabelled"))


def _changed(
    keyed: Sequence[dict[Key, Finding]],
    labels: dict[Key, str],
    roots: Sequence[Path],
    args: argparse.Namespace,
) -> None:
    if args.trees:
        roots = [Path(args.trees)] * 2
    for sign, side, other, root in (("-", 0, 1, roots[0]), ("+", 1, 0, roots[1])):
        gone = sorted(set(keyed[side]) - set(keyed[other]))
        where = "A" if side == 0 else "B"
        print(
            f"\nOnly in {where} ({len(gone)}): {sign} tree path:line:col rule [label]"
        )
        for key in gone:
            finding = keyed[side][key]
            tree, path, line, col, rule = key
            print(
                f"{sign} {tree} {path}:{line}:{col} {rule} "
                f"[{labels.get(key, 'unlabelled')}] {finding.get('match', '')!r}"
            )
            print(f"    {source_line(root, tree, path, line, col)}")


# -- checking trees against labels -----------------------------------------


def check_trees(root: Path, labels_dir: Path) -> int:
    """How many label rows find their file under each tree of ``root``."""
    trees, _ = load_trees(labels_dir)
    total = found = 0
    for name in sorted(trees):
        tree = trees[name]
        paths = Counter(key[1] for key in tree.labels)
        if not (root / name).is_dir():
            print(f"{name}: no tree ({sum(paths.values())} labels)")
            total += sum(paths.values())
            continue
        here = sum(n for path, n in paths.items() if (root / name / path).is_file())
        total += sum(paths.values())
        found += here
        if here != sum(paths.values()):
            missing = [path for path in paths if not (root / name / path).is_file()]
            print(f"{name}: {here}/{sum(paths.values())}, missing e.g. {missing[:3]}")
    print(f"label rows whose file exists: {found} of {total}")
    return 0


def list_trees(labels_dir: Path) -> int:
    """Print the trees and the problems of the label files, as JSON."""
    trees, problems = load_trees(labels_dir)
    listing = [
        {
            "tree": tree.tree,
            "corpus": tree.corpus,
            "round": tree.round,
            "sources": [[source.repo, source.commit] for source in tree.sources],
            "folders": tree.folders,
            "files": tree.files,
            "labels": len(tree.labels),
            "label_files": dict(tree.label_files),
        }
        for tree in trees.values()
    ]
    json.dump({"trees": listing, "problems": problems}, sys.stdout, indent=1)
    print()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0] if __doc__ else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--copydesk", metavar="CMD", help="run this copydesk command")
    mode.add_argument("--compare", nargs=2, metavar=("A", "B"), help="compare two runs")
    mode.add_argument("--list", action="store_true", help="print the trees as JSON")
    mode.add_argument("--check-trees", metavar="TREES", help="count labels' files")
    parser.add_argument(
        "--trees",
        help="the folder of trees (for --compare: "
        "where to read source lines, if not the runs' own)",
    )
    parser.add_argument("--out", help="where --copydesk writes its result")
    parser.add_argument("--only", help="comma-separated tree names to run")
    parser.add_argument("--jobs", type=int, default=2, help="copydesk --jobs")
    parser.add_argument("--parallel", type=int, default=1, help="trees at once")
    parser.add_argument("--note", default="", help="text kept in the result")
    parser.add_argument(
        "--changed",
        action="store_true",
        help="with --compare: list findings in one run only",
    )
    parser.add_argument("--labels", default=str(LABELS), help="the label files")
    args = parser.parse_args(argv)
    if args.list:
        return list_trees(Path(args.labels))
    if args.check_trees:
        return check_trees(Path(args.check_trees), Path(args.labels))
    if args.compare:
        return compare(args)
    if not args.trees or not args.out:
        parser.error("--copydesk needs --trees and --out")
    return run_all(args)


if __name__ == "__main__":
    sys.exit(main())
