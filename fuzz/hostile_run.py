#!/usr/bin/env python3
"""One long run of issue 23's promises over generated hostile documents.

The property tests in ``tests/robustness`` each check one promise on a few
dozen documents; this script checks them all together on thousands, the
way the issue was checked: documents drawn from the same hypothesis
strategies (``mixed_documents`` and ``documents``) in every format, each

- linted without a traceback and without a ``copydesk.check-error`` finding;
- fixed safe and unsafe, a second run of each changing nothing and no run
  stopped by the round cap (rules that undo each other are counted);
- fixed with every round's safe and unsafe edits and findings kept out of
  the masks (code, URLs, tags, front matter, shortcodes, reST literals,
  roles, directive options), as ``test_masks`` reads them;

and the whole set, written to a folder, is checked through ``copydesk
check`` serially without cache, with ``--jobs 2``, with a cold and then a
warm results cache, and file by file from stdin with ``--stdin-filename``:
every way in must report the same findings, none a check error, with no
traceback on stderr. Every breach is printed with its document (as a
Python literal) and counted; the exit status is 1 when there is one.

    python fuzz/hostile_run.py --docs 3000 --seed 2026

``--huge N`` adds N documents per format that are one line of about 300,000
characters (drawn documents with their line breaks made spaces, joined): a
scraped page with its breaks stripped. A document whose first lint takes
more than ``--slow`` seconds of CPU (default 30) is a breach: nothing may
hang.

It takes about five minutes of CPU for 3,000 documents (fuzz/README.md).
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import io
import json
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Iterator, Sequence
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.robustness.strategies import (  # noqa: E402
    FORMATS,
    documents,
    mixed_documents,
)
from tests.robustness.test_masks import assert_masks_kept  # noqa: E402

from copydesk.batch import lint_text  # noqa: E402
from copydesk.cli.main import main  # noqa: E402
from copydesk.engine import CRASH_RULE  # noqa: E402
from copydesk.fix import fix_text  # noqa: E402
from copydesk.model import Finding  # noqa: E402
from copydesk.ruleset import load_ruleset  # noqa: E402


def say(line: str) -> None:
    """One line of the run's report, at once (a long run is watched)."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


EXTENSIONS = {"plain": ".txt", "markdown": ".md", "html": ".html", "rst": ".rst"}
#: (rule, start, end, severity, message, edits): what entry points compare.
Key = tuple[str, int, int, str, str, tuple[tuple[int, int, str], ...]]


def draw(fmt: str, count: int, at: int) -> list[str]:
    """``count`` documents in ``fmt``: hostile mixed-markup pages and hostile
    Unicode, in turn, drawn by hypothesis from seed ``at``."""
    found: list[str] = []
    strategy = st.one_of(mixed_documents(fmt), documents(fmt))

    @seed(at)
    @settings(
        max_examples=count,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(text=strategy)
    def collect(text: str) -> None:
        if len(found) < count:
            found.append(text)

    collect()
    return found


class Breaches:
    """Every broken promise, by kind, with the documents that broke it."""

    def __init__(self) -> None:
        self.by_kind: dict[str, list[str]] = collections.defaultdict(list)

    def add(self, kind: str, name: str, detail: str) -> None:
        self.by_kind[kind].append(name)
        say(f"BREACH {kind}: {name}: {detail}")

    def total(self) -> int:
        return sum(map(len, self.by_kind.values()))


#: Characters of each one-line document (``--huge``).
HUGE_CHARS = 300_000


def one_line(texts: Sequence[str], size: int = HUGE_CHARS) -> str:
    """One line of about ``size`` characters: ``texts`` with every line
    break a space, joined and repeated until it is that long."""
    flat = " ".join(" ".join(t.splitlines()) for t in texts) + " "
    if not flat.strip():
        flat = "the the word "
    return (flat * (size // len(flat) + 1))[:size]


def check_document(
    fmt: str,
    name: str,
    text: str,
    breaches: Breaches,
    tally: collections.Counter[str],
    slow: float = 30.0,
) -> None:
    """Lint and fix one document in this process (see the module docstring)."""
    rules = load_ruleset()

    def lint(current: str) -> list[Finding]:
        return lint_text(current, name, fmt, rules)

    def guarded(current: str) -> list[Finding]:
        found = lint(current)
        assert_masks_kept(fmt, current, found)
        return found

    try:
        began = time.process_time()
        found = lint(text)
        spent = time.process_time() - began
        if spent > slow:
            breaches.add("slow", name, f"{spent:.1f} s CPU for {len(text):,} chars")
        crashed = [f.message for f in found if f.rule == CRASH_RULE]
        if crashed:
            breaches.add("check error", name, repr((crashed, text)))
        for unsafe in (False, True):
            mode = "unsafe" if unsafe else "safe"
            try:
                first = fix_text(text, guarded, unsafe=unsafe)
            except AssertionError as exc:
                breaches.add(f"mask ({mode})", name, repr((str(exc), text)))
                first = fix_text(text, lint, unsafe=unsafe)
            second = fix_text(first.text, lint, unsafe=unsafe)
            tally[f"fixed ({mode})"] += first.fixed
            if first.cycles:
                tally[f"cycles ({mode})"] += 1
                tally.update(f"cycle {' / '.join(c)}" for c in first.cycles)
            if first.capped:
                breaches.add(f"round cap ({mode})", name, repr((first.capped, text)))
            if second.text != first.text or second.fixed:
                breaches.add(
                    f"second fix changes ({mode})",
                    name,
                    repr((first.unsettled_reason(), text)),
                )
    except Exception:  # the promise is: never a traceback
        breaches.add("traceback", name, repr((traceback.format_exc(), text)))


@contextlib.contextmanager
def cli(folder: Path, stdin: bytes = b"") -> Iterator[io.StringIO]:
    """Run the CLI in ``folder`` with ``stdin``; yields its stderr."""
    old = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    err = io.StringIO()
    try:
        with contextlib.chdir(folder), contextlib.redirect_stderr(err):
            yield err
    finally:
        sys.stdin = old


#: A file with a NUL byte is binary: skipped with this line and exit 2, as
#: promised (README, Guarantees).
_BINARY = ": binary file, skipped"


def check_run(
    folder: Path, args: Sequence[str], breaches: Breaches, what: str, stdin: bytes = b""
) -> dict[str, list[Key]]:
    """``copydesk check --format json`` findings by file name."""
    out = folder.parent / "report.json"
    with cli(folder, stdin) as err:
        code = main(["check", "--format", "json", "-o", str(out), *args])
    said = [
        line
        for line in err.getvalue().splitlines()
        if line.startswith("copydesk: error:") and not line.endswith(_BINARY)
    ]
    if code not in (0, 1, 2) or said or "Traceback" in err.getvalue():
        breaches.add("cli", what, repr((code, err.getvalue()[-2000:])))
    report: dict[str, list[Key]] = collections.defaultdict(list)
    for f in json.loads(out.read_text(encoding="utf-8") or "[]"):
        edits = tuple(
            (e["start"], e["end"], e["replacement"])
            for e in (f["fix"]["edits"] if f.get("fix") else ())
        )
        name = Path(f["path"]).name
        if f["rule"] == CRASH_RULE:
            breaches.add("check error", f"{what} {name}", f["message"])
        report[name].append(
            (f["rule"], f["start"], f["end"], f["severity"], f["message"], edits)
        )
    return {name: sorted(keys) for name, keys in report.items()}


def check_entry_points(
    folder: Path, names: Sequence[str], breaches: Breaches, stdin_every: int
) -> dict[str, float]:
    """The folder through each way in, compared with the serial run."""
    seconds: dict[str, float] = {}
    cache = str(folder.parent / "cache")
    runs = {
        "serial": ["--no-cache", "--jobs", "1", "."],
        "--jobs 2": ["--no-cache", "--jobs", "2", "."],
        "cold cache": ["--cache-dir", cache, "--jobs", "1", "."],
        "warm cache": ["--cache-dir", cache, "--jobs", "1", "."],
    }
    reports: dict[str, dict[str, list[Key]]] = {}
    for label, args in runs.items():
        began = time.process_time()
        reports[label] = check_run(folder, args, breaches, label)
        seconds[label] = time.process_time() - began
    serial = reports["serial"]
    for label, report in reports.items():
        for name in sorted(set(serial) | set(report)):
            if serial.get(name, []) != report.get(name, []):
                breaches.add(f"disagree: {label}", name, "differs from the serial run")
    began = time.process_time()
    for name in names[::stdin_every]:
        data = (folder / name).read_bytes()
        args = ["--no-cache", "--stdin-filename", name, "-"]
        report = check_run(folder, args, breaches, f"stdin {name}", stdin=data)
        if serial.get(name, []) != report.get(name, []):
            breaches.add("disagree: stdin", name, "findings differ from the serial run")
    seconds["stdin"] = time.process_time() - began
    return seconds


def main_run(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=3000, help="documents in all")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--stdin-every", type=int, default=1, help="every Nth file from stdin"
    )
    parser.add_argument(
        "--keep", type=Path, help="write the documents here and keep them"
    )
    parser.add_argument(
        "--huge", type=int, default=0, help="one-line documents per format"
    )
    parser.add_argument(
        "--slow", type=float, default=30.0, help="CPU seconds a lint may take"
    )
    args = parser.parse_args(argv)
    breaches = Breaches()
    tally: collections.Counter[str] = collections.Counter()
    work = Path(tempfile.mkdtemp(prefix="copydesk-hostile-"))
    folder = args.keep or work / "docs"
    folder.mkdir(parents=True, exist_ok=True)
    names: list[str] = []
    began = time.process_time()
    per_format = args.docs // len(FORMATS)
    for n, fmt in enumerate(FORMATS):
        texts = draw(fmt, per_format, args.seed + n)
        huge = [
            one_line(draw(fmt, 40, args.seed + 1000 * (k + 1) + n))
            for k in range(args.huge)
        ]
        for i, text in enumerate([*texts, *huge]):
            name = f"doc{n}{i:04d}{EXTENSIONS[fmt]}"
            check_document(fmt, name, text, breaches, tally, args.slow)
            try:
                data = text.encode("utf-8")
            except UnicodeEncodeError:  # a lone surrogate: no file holds it
                tally["lone surrogates (in memory only)"] += 1
                continue
            names.append(name)
            (folder / name).write_bytes(data)
        say(f"{fmt}: {per_format} documents and {args.huge} one-line ones checked")
    lint_seconds = time.process_time() - began
    cli_seconds = check_entry_points(folder, names, breaches, args.stdin_every)
    shutil.rmtree(work, ignore_errors=True)
    drawn = per_format * len(FORMATS)
    say(f"documents: {drawn} ({per_format} per format: {', '.join(FORMATS)})")
    say(f"as files (UTF-8 encodable), through every entry point: {len(names)}")
    say(f"lint and fix, CPU: {lint_seconds:.0f} s")
    say(
        "entry points, CPU: "
        + ", ".join(f"{k} {v:.0f} s" for k, v in cli_seconds.items())
    )
    for label, count in sorted(tally.items()):
        say(f"{label}: {count}")
    for kind, where in sorted(breaches.by_kind.items()):
        say(f"breaches, {kind}: {len(where)} ({', '.join(where[:5])})")
    say(f"breaches: {breaches.total()}")
    return 1 if breaches.total() else 0


if __name__ == "__main__":
    sys.exit(main_run())
