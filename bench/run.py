#!/usr/bin/env python3
"""Reproducible speed benchmark of copydesk against peers (codespell, typos, proselint).

Stdlib only. See ``bench/README.md`` for how to run it and what it measures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import venv
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import big_inputs  # a sibling module, found once the path is set

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
WORK = BENCH / "work"
CORPUS_DIR = WORK / "corpus"
SUBSETS = WORK / "subsets"
PEERS_VENV = WORK / "peers-venv"
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "powershell-docs-reference.tar.xz"
NEWS_ARCHIVE = REPO.parent / "shared" / "corpus" / "news" / "news.jsonl.xz"
BIG = WORK / "big"
PEERS = ("codespell", "typos", "proselint")
MB = 1_000_000
RSS_LIMIT_MB = 300.0
#: Speed II limits: peak RSS on the 17 MB file and on the 200 MB file, one
#: editor re-lint, one-file start.
BIG_RSS_MB = 200.0
HUGE_RSS_MB = 400.0
RELINT_MS = 30.0
START_S = 0.1
QUICK_FILES = 200
PROFILE_FILES = 300
SMALL_TARGET = 5_000
SUBSET_BYTES = MB

# Exit codes that mean "ran fine" (findings are not failures).
OK_CODES: dict[str, set[int]] = {
    "copydesk": {0, 1},
    "codespell": {0, 65},
    "typos": {0, 2},
    "proselint": {0, 1},
}

RUSAGE_WRAPPER = """
import resource, subprocess, sys
out = sys.argv[1]
code = subprocess.call(sys.argv[2:])
with open(out, "a") as fh:
    fh.write(f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\\n")
sys.exit(code)
"""

PROFILE_CODE = """
import contextlib, cProfile, io, os, pstats, sys
out, argv = sys.argv[1], sys.argv[2:]
from copydesk.cli import main
prof = cProfile.Profile()
with open(os.devnull, "w") as null, contextlib.redirect_stdout(null):
    prof.enable()
    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code
    prof.disable()
buf = io.StringIO()
stats = pstats.Stats(prof, stream=buf)
stats.sort_stats("cumulative").print_stats(15)
with open(out, "w") as fh:
    fh.write(f"# cProfile of: copydesk {' '.join(argv)} (exit {code})\\n")
    fh.write("# top 15 functions by cumulative time\\n")
    fh.write(buf.getvalue().rstrip() + "\\n")
"""


# --------------------------------------------------------------------------- data


@dataclass
class Case:
    """One timed command."""

    tool: str
    case: str
    cmd: list[str]
    target: Path
    runs: int
    env: dict[str, str] = field(default_factory=dict)
    prepare: list[str] | None = None  # run (no shell) before every timed run
    prime: bool = False  # run once untimed before timing (warm cache)
    memory: bool = False  # measure peak RSS


@dataclass
class Result:
    """Timings and memory of one case."""

    tool: str
    case: str
    command: str
    runs: int
    times: list[float]
    nbytes: int
    nfiles: int
    rss_max_mb: float | None
    tree_pss_mb: float | None
    exit_codes: list[int]
    cpu_s: float | None  # mean user + system CPU seconds per run
    ok: bool

    @property
    def median(self) -> float:
        return statistics.median(self.times) if self.times else float("nan")

    @property
    def mb_per_s(self) -> float:
        return self.nbytes / MB / self.median if self.times else float("nan")


# --------------------------------------------------------------------------- setup


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def unpack(tarball: Path) -> Path:
    """Unpack the corpus into ``bench/work/corpus`` unless it is already there."""
    stamp = CORPUS_DIR / ".unpacked"
    want = f"{tarball.name} {tarball.stat().st_size}"
    if stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == want:
        return CORPUS_DIR
    log(f"unpacking {tarball} -> {CORPUS_DIR}")
    if CORPUS_DIR.exists():
        shutil.rmtree(CORPUS_DIR)
    CORPUS_DIR.mkdir(parents=True)
    with tarfile.open(tarball, "r:xz") as tar:
        tar.extractall(CORPUS_DIR, filter="data")
    stamp.write_text(want + "\n", encoding="utf-8")
    return CORPUS_DIR


def corpus_files(root: Path) -> list[Path]:
    """All Markdown files under ``root``, sorted (deterministic order)."""
    return sorted(p for p in root.rglob("*.md") if p.is_file())


def spread(files: list[Path], count: int) -> list[Path]:
    """``count`` files evenly spread over the sorted list (deterministic)."""
    if count >= len(files):
        return list(files)
    step = len(files) / count
    return [files[int(i * step)] for i in range(count)]


def make_subset(name: str, root: Path, files: list[Path]) -> Path:
    """Copy ``files`` (relative layout kept) into ``bench/work/subsets/name``."""
    dest = SUBSETS / name
    stamp = dest / ".complete"
    if stamp.is_file():
        return dest
    if dest.exists():
        shutil.rmtree(dest)
    for src in files:
        out = dest / src.relative_to(root)
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, out)
    stamp.write_text(f"{len(files)}\n", encoding="utf-8")
    return dest


def bytes_subset(files: list[Path], limit: int) -> list[Path]:
    """Files taken with a fixed stride until they add up to ``limit`` bytes."""
    chosen: list[Path] = []
    total = 0
    for start in range(7):
        for path in files[start::7]:
            if total >= limit:
                return chosen
            chosen.append(path)
            total += path.stat().st_size
    return chosen


def closest_file(files: list[Path], size: int) -> Path:
    """The file whose size is closest to ``size`` (ties: first in sorted order)."""
    return min(files, key=lambda p: (abs(p.stat().st_size - size), str(p)))


def tree_size(target: Path) -> tuple[int, int]:
    """Bytes and files under ``target`` (a file or a directory)."""
    if target.is_file():
        return target.stat().st_size, 1
    paths = [p for p in target.rglob("*") if p.is_file() and not p.name.startswith(".")]
    return sum(p.stat().st_size for p in paths), len(paths)


def ensure_peers(reinstall: bool) -> dict[str, Path]:
    """Create ``bench/work/peers-venv`` with the peers installed; their executables."""
    bindir = PEERS_VENV / "bin"
    exes = {name: bindir / name for name in PEERS}
    if reinstall and PEERS_VENV.exists():
        shutil.rmtree(PEERS_VENV)
    if all(p.exists() for p in exes.values()):
        return exes
    log(f"creating {PEERS_VENV} and installing {', '.join(PEERS)}")
    venv.EnvBuilder(with_pip=True, clear=True).create(PEERS_VENV)
    subprocess.run(
        [str(bindir / "python"), "-m", "pip", "install", "--quiet", *PEERS],
        check=True,
    )
    return exes


def tool_version(cmd: list[str]) -> str:
    try:
        proc = subprocess.run(
            cmd, capture_output=True, text=True, timeout=120, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"unavailable ({exc})"
    out = (proc.stdout.strip() or proc.stderr.strip()).splitlines()
    return out[0] if out else "?"


def script_python(script: Path) -> str:
    """The interpreter named in a console script's shebang (its venv's python)."""
    first = script.read_text(encoding="utf-8", errors="replace").split("\n", 1)[0]
    if first.startswith("#!"):
        return first[2:].strip().split()[0]
    return sys.executable


#: Variables no timed tool inherits. With PYTHONDONTWRITEBYTECODE set, a
#: Python tool whose modules have no bytecode yet compiles them from source on
#: every run, which an installed package never does (pip writes bytecode at
#: install); the peers' venv has it, an editable copydesk may not.
DROPPED_ENV = ("PYTHONDONTWRITEBYTECODE",)


def tool_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment every timed tool runs in: this one, minus DROPPED_ENV."""
    env = {k: v for k, v in os.environ.items() if k not in DROPPED_ENV}
    return {**env, **(extra or {})}


def compile_bytecode(copydesk: Path) -> str:
    """Compile copydesk's modules as ``pip install`` does; the folder compiled.

    An editable install (``pip install -e``) has bytecode only where a run
    wrote it, and none at all under PYTHONDONTWRITEBYTECODE: timed that way,
    each run would compile every module from source (about 90 ms).
    """
    py = script_python(copydesk)
    where = subprocess.run(
        [py, "-c", "import copydesk, os; print(os.path.dirname(copydesk.__file__))"],
        capture_output=True,
        text=True,
        check=True,
        env=tool_env(),
    ).stdout.strip()
    subprocess.run(
        [py, "-m", "compileall", "-q", where],
        check=True,
        env=tool_env(),
        stdout=subprocess.DEVNULL,
    )
    return where


# --------------------------------------------------------------------------- machine


def machine_info(copydesk: Path, exes: dict[str, Path]) -> dict[str, str]:
    cpu = "?"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        match = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.M)
        cpu = match.group(1).strip() if match else "?"
    ram = "?"
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        match = re.search(r"^MemTotal:\s*(\d+) kB", meminfo.read_text(), re.M)
        ram = f"{int(match.group(1)) / 1024 / 1024:.1f} GiB" if match else "?"
    try:
        usable = str(len(os.sched_getaffinity(0)))
    except AttributeError:
        usable = "?"
    hyperfine = shutil.which("hyperfine")
    return {
        "CPU": cpu,
        "cores (logical / usable)": f"{os.cpu_count()} / {usable}",
        "RAM": ram,
        "OS": f"{platform.system()} {platform.release()} {platform.machine()}",
        "Python (copydesk venv)": tool_version([script_python(copydesk), "-V"]),
        "Python (peers venv)": tool_version([str(PEERS_VENV / "bin/python"), "-V"]),
        "copydesk": tool_version([str(copydesk), "--version"]),
        "copydesk source": git_state(),
        "codespell": tool_version([str(exes["codespell"]), "--version"]),
        "typos": tool_version([str(exes["typos"]), "--version"]),
        "proselint": tool_version([str(exes["proselint"]), "version"]),
        "timer": tool_version([hyperfine, "--version"]) if hyperfine else "own loop",
        "load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def git_state() -> str:
    def git(*args: str) -> str:
        proc = subprocess.run(
            ["git", "-C", str(REPO), *args], capture_output=True, text=True, check=False
        )
        return proc.stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "?"
    dirty = [
        line[3:]
        for line in git("status", "--porcelain", "--untracked-files=no").splitlines()
        if line[3:].startswith(("src/", "rules/"))
    ]
    if dirty:
        return f"{head} + uncommitted changes in {', '.join(dirty)}"
    return head


# --------------------------------------------------------------------------- memory


def _children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        kids.setdefault(ppid, []).append(int(entry.name))
    return kids


def _pss_kb(pid: int) -> int:
    for name, key in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
        try:
            text = Path(f"/proc/{pid}/{name}").read_text()
        except OSError:
            continue
        for line in text.splitlines():
            if line.startswith(key):
                return int(line.split()[1])
    return 0


class TreeSampler(threading.Thread):
    """Peak of the summed PSS of all descendants of ``root`` (sampled, 10 Hz)."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.peak_kb = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(0.1):
            kids = _children_map()
            todo, total = list(kids.get(self.root, [])), 0
            while todo:
                pid = todo.pop()
                total += _pss_kb(pid)
                todo.extend(kids.get(pid, []))
            self.peak_kb = max(self.peak_kb, total)


# --------------------------------------------------------------------------- timing


def rss_wrap(cmd: list[str], rss_file: Path) -> list[str]:
    """``cmd`` wrapped so that each run appends its peak RSS (KiB) to ``rss_file``."""
    gnu_time = Path("/usr/bin/time")
    if gnu_time.exists():
        return [str(gnu_time), "-f", "%M", "-a", "-o", str(rss_file), *cmd]
    return [sys.executable, "-c", RUSAGE_WRAPPER, str(rss_file), *cmd]


def run_hyperfine(
    cmd: list[str], case: Case, env: dict[str, str], sampler_box: list[TreeSampler]
) -> tuple[list[float], list[int], float | None]:
    with tempfile.TemporaryDirectory() as tmp:
        export = Path(tmp) / "hf.json"
        hf = [
            "hyperfine",
            "-N",
            "--style",
            "basic",
            "-i",
            "--runs",
            str(case.runs),
            "--export-json",
            str(export),
        ]
        if case.prepare:
            hf += ["--prepare", shlex.join(case.prepare)]
        hf += ["--", shlex.join(cmd)]
        proc = subprocess.Popen(hf, env=env, stdout=sys.stderr, cwd=WORK)
        if case.memory:
            sampler_box.append(TreeSampler(proc.pid))
            sampler_box[0].start()
        proc.wait()
        if proc.returncode != 0 or not export.is_file():
            return [], [], None
        data = json.loads(export.read_text())["results"][0]
        codes = [int(c) for c in data.get("exit_codes", [])]
        return list(data["times"]), codes, data["user"] + data["system"]


def run_loop(
    cmd: list[str], case: Case, env: dict[str, str], sampler_box: list[TreeSampler]
) -> tuple[list[float], list[int], float | None]:
    times: list[float] = []
    codes: list[int] = []
    cpu = 0.0
    for _ in range(case.runs):
        if case.prepare:
            subprocess.run(case.prepare, check=False, cwd=WORK)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd, env=env, cwd=WORK, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        sampler = TreeSampler(proc.pid)
        if case.memory:
            sampler.start()
        codes.append(proc.wait())
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu += after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        sampler.stop.set()
        if sampler_box:
            sampler_box[0].peak_kb = max(sampler_box[0].peak_kb, sampler.peak_kb)
        else:
            sampler_box.append(sampler)
    return times, codes, (cpu / len(times) if times else None)


def measure(case: Case, use_hyperfine: bool) -> Result:
    env = tool_env(case.env)
    if case.prime:
        if case.prepare:
            subprocess.run(case.prepare, check=False, cwd=WORK)
        log(f"priming: {shlex.join(case.cmd)}")
        subprocess.run(case.cmd, env=env, cwd=WORK, capture_output=True, check=False)
        case = Case(**{**asdict(case), "prepare": None})
    log(f"{case.tool} / {case.case}: {case.runs} run(s): {shlex.join(case.cmd)}")
    with tempfile.TemporaryDirectory() as tmp:
        rss_file = Path(tmp) / "rss.txt"
        cmd = rss_wrap(case.cmd, rss_file) if case.memory else case.cmd
        samplers: list[TreeSampler] = []
        runner = run_hyperfine if use_hyperfine else run_loop
        times, codes, cpu_s = runner(cmd, case, env, samplers)
        for sampler in samplers:
            sampler.stop.set()
        # GNU time also writes "Command exited with non-zero status N" lines.
        rss_text = rss_file.read_text() if rss_file.is_file() else ""
        rss_values = [int(x) for x in rss_text.split() if x.isdigit()]
    nbytes, nfiles = tree_size(case.target)
    ok = bool(times) and all(c in OK_CODES[case.tool] for c in codes)
    result = Result(
        tool=case.tool,
        case=case.case,
        command=shlex.join(case.cmd),
        runs=case.runs,
        times=times,
        nbytes=nbytes,
        nfiles=nfiles,
        rss_max_mb=max(rss_values) / 1024 if rss_values else None,
        tree_pss_mb=(
            samplers[0].peak_kb / 1024
            if samplers and case.memory and samplers[0].peak_kb
            else None
        ),
        exit_codes=sorted(set(codes)),
        cpu_s=cpu_s,
        ok=ok,
    )
    log(f"  median {result.median:.3f} s, exit codes {result.exit_codes}")
    return result


# --------------------------------------------------------------------------- plan


@dataclass
class Targets:
    corpus: Path
    corpus_label: str
    small: Path
    subset: Path
    subset_label: str
    #: One-big-file inputs (None with --no-big).
    big: big_inputs.BigInputs | None = None


def copydesk_supports(copydesk: Path) -> tuple[bool, bool]:
    """Whether ``copydesk check`` has ``--no-cache`` and ``--cache-dir``."""
    proc = subprocess.run(
        [str(copydesk), "check", "--help"], capture_output=True, text=True, check=False
    )
    return "--no-cache" in proc.stdout, "--cache-dir" in proc.stdout


def plan(
    args: argparse.Namespace, copydesk: Path, exes: dict[str, Path], tg: Targets
) -> list[Case]:
    no_cache, has_cache = copydesk_supports(copydesk)
    cold_dir = WORK / "cache-cold"
    warm_dir = WORK / "cache-warm"
    base = [str(copydesk), "check", "--jobs", str(args.jobs), "--format", "concise"]
    cold_flags = ["--no-cache"] if no_cache else []
    wipe_cold = ["rm", "-rf", str(cold_dir)]
    cold_env = {"COPYDESK_CACHE_DIR": str(cold_dir)}
    runs, small_runs = args.runs, max(args.runs, args.small_runs)
    cold_runs = args.cold_runs or runs
    cases = [
        Case(
            "copydesk",
            f"{tg.corpus_label}, cold",
            [*base, *cold_flags, str(tg.corpus)],
            tg.corpus,
            cold_runs,
            cold_env,
            wipe_cold,
            memory=True,
        ),
    ]
    if has_cache:
        warm = [*base, "--cache-dir", str(warm_dir), str(tg.corpus)]
        cases.append(
            Case(
                "copydesk",
                f"{tg.corpus_label}, warm",
                warm,
                tg.corpus,
                runs,
                {"COPYDESK_CACHE_DIR": str(warm_dir)},
                ["rm", "-rf", str(warm_dir)],
                prime=True,
                memory=True,
            )
        )
    else:
        log("copydesk has no cache options yet: warm case skipped")
    cases.append(
        Case(
            "copydesk",
            "5 KB file",
            [*base, *cold_flags, str(tg.small)],
            tg.small,
            small_runs,
            cold_env,
            wipe_cold,
        )
    )
    cs, ty, pl = (str(exes[p]) for p in PEERS)
    cases += [
        Case(
            "codespell",
            tg.corpus_label,
            [cs, str(tg.corpus)],
            tg.corpus,
            runs,
            memory=True,
        ),
        Case("codespell", "5 KB file", [cs, str(tg.small)], tg.small, small_runs),
        Case("codespell", tg.subset_label, [cs, str(tg.subset)], tg.subset, runs),
        Case(
            "typos", tg.corpus_label, [ty, str(tg.corpus)], tg.corpus, runs, memory=True
        ),
        Case("typos", "5 KB file", [ty, str(tg.small)], tg.small, small_runs),
        Case(
            "proselint", "5 KB file", [pl, "check", str(tg.small)], tg.small, small_runs
        ),
    ]
    if args.with_proselint_corpus:
        cases.append(
            Case(
                "proselint",
                tg.corpus_label,
                [pl, "check", str(tg.corpus)],
                tg.corpus,
                cold_runs,
                memory=True,
            )
        )
    else:
        cases.append(
            Case(
                "proselint",
                tg.subset_label,
                [pl, "check", str(tg.subset)],
                tg.subset,
                runs,
            )
        )
    if tg.big is not None:
        cases += big_cases(args, copydesk, exes, tg.big)
    return cases


def size_label(path: Path) -> str:
    """``17 MB`` for a file of about 17 MB."""
    size = path.stat().st_size / MB
    return f"{size:.0f} MB" if size >= 1 else f"{size:.2f} MB"


def big_cases(
    args: argparse.Namespace,
    copydesk: Path,
    exes: dict[str, Path],
    big: big_inputs.BigInputs,
) -> list[Case]:
    """One big file against its peers and against the same text as many
    files (both in one process: per-MB throughput), the 200 MB file's peak
    memory, and news text of 1, 2, 4 and 8 MB in one file."""
    base = [str(copydesk), "check", "--format", "concise", "--no-cache"]
    one = [*base, "--jobs", "1"]
    cs, ty = str(exes["codespell"]), str(exes["typos"])
    runs = args.runs
    cases: list[Case] = []
    for path, folder, kind in (
        (big.markdown, big.markdown_files, "Markdown file"),
        (big.news, big.news_files, "text file"),
    ):
        label = f"{size_label(path)} {kind}"
        count = sum(1 for p in folder.rglob("*") if p.is_file() and p.name[0] != ".")
        cases += [
            Case("copydesk", label, [*base, str(path)], path, runs, memory=True),
            Case("codespell", label, [cs, str(path)], path, runs, memory=True),
            Case("typos", label, [ty, str(path)], path, runs, memory=True),
            Case(
                "copydesk",
                f"{label} as {count} files, --jobs 1",
                [*one, str(folder)],
                folder,
                runs,
            ),
        ]
    if big.huge is not None:
        label = f"{size_label(big.huge)} Markdown file, peak memory"
        cases.append(
            # No per-file time budget: the case measures the whole file's peak.
            Case(
                "copydesk",
                label,
                [*base, "--file-timeout", "0", str(big.huge)],
                big.huge,
                1,
                memory=True,
            )
        )
    cases += [
        Case("copydesk", f"scaling: {size_label(p)} of news", [*base, str(p)], p, runs)
        for p in big.scaling
    ]
    if args.scaling_select:
        rule = args.scaling_select
        cases += [
            Case(
                "copydesk",
                f"scaling, {rule} alone: {size_label(p)} of news",
                [*base, "--select", rule, str(p)],
                p,
                runs,
            )
            for p in big.scaling
        ]
    return cases


#: What ``bench/relint_latency.py`` prints (or an ``error``).
Relint = dict[str, float | int | str]


def measure_relint(copydesk: Path, path: Path) -> Relint:
    """Re-lint latency of ``path`` after one-character edits, measured in
    copydesk's own Python (``bench/relint_latency.py``)."""
    log(f"editor re-lint latency on {path}")
    proc = subprocess.run(
        [script_python(copydesk), str(BENCH / "relint_latency.py"), str(path)],
        capture_output=True,
        text=True,
        check=False,
        cwd=WORK,
        env=tool_env(),
    )
    if proc.returncode != 0:
        log(f"  failed: {proc.stderr.strip()[-500:]}")
        return {"error": proc.stderr.strip()[-500:]}
    found: Relint = json.loads(proc.stdout)
    log(f"  median {float(found['median_ms']):.1f} ms")
    return found


# --------------------------------------------------------------------------- report


def fmt_s(seconds: float) -> str:
    return f"{seconds:.3f} s" if seconds < 10 else f"{seconds:.1f} s"


def ratio_base(results: list[Result], res: Result) -> Result | None:
    case = res.case.removesuffix(", cold").removesuffix(", warm")
    for other in results:
        if other.tool == "codespell" and other.case == case and other.times:
            return other
    return None


def table(results: list[Result]) -> list[str]:
    lines = [
        "| tool | case | files | MB | runs | median | min–max | CPU/run | MB/s "
        "| peak RSS (largest process) | peak PSS (process tree) | × codespell "
        "| exit codes |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|",
    ]
    for res in results:
        base = ratio_base(results, res)
        ratio = f"{res.median / base.median:.2f}×" if base and res.times else "–"
        rss = f"{res.rss_max_mb:.0f} MB" if res.rss_max_mb is not None else "–"
        cpu = fmt_s(res.cpu_s) if res.cpu_s is not None else "–"
        pss = f"{res.tree_pss_mb:.0f} MB" if res.tree_pss_mb is not None else "–"
        spread_ = (
            f"{fmt_s(min(res.times))}–{fmt_s(max(res.times))}" if res.times else "–"
        )
        codes = ", ".join(map(str, res.exit_codes)) + ("" if res.ok else " **FAILED**")
        lines.append(
            f"| {res.tool} | {res.case} | {res.nfiles} | {res.nbytes / MB:.2f} "
            f"| {len(res.times)} | {fmt_s(res.median)} | {spread_} | {cpu} "
            f"| {res.mb_per_s:.2f} | {rss} | {pss} | {ratio} | {codes} |"
        )
    return lines


def find(results: list[Result], tool: str, prefix: str) -> Result | None:
    for res in results:
        if res.tool == tool and res.case.startswith(prefix) and res.times:
            return res
    return None


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("**PASS**" if ok else "**FAIL**")


def targets_section(results: list[Result], corpus_label: str) -> list[str]:
    cold = find(results, "copydesk", f"{corpus_label}, cold")
    warm = find(results, "copydesk", f"{corpus_label}, warm")
    small = find(results, "copydesk", "5 KB")
    cs = find(results, "codespell", corpus_label)
    cs_small = find(results, "codespell", "5 KB")
    ty = find(results, "typos", corpus_label)
    lines = ["| target | measured | verdict |", "|---|---|---|"]
    if cold and cs:
        r = cold.median / cs.median
        lines.append(f"| cold ≤ 1.0× codespell | {r:.2f}× | {verdict(r <= 1.0)} |")
    if warm and cold and ty:
        r = warm.median / cold.median
        below = warm.median < ty.median
        lines.append(
            f"| warm ≤ 0.1× cold and below typos | {r:.3f}× cold; "
            f"{fmt_s(warm.median)} vs typos {fmt_s(ty.median)} "
            f"| {verdict(r <= 0.1 and below)} |"
        )
    else:
        lines.append("| warm ≤ 0.1× cold and below typos | not measured | n/a |")
    if small and cs_small:
        r = small.median / cs_small.median
        lines.append(f"| 5 KB file ≤ 1.5× codespell | {r:.2f}× | {verdict(r <= 1.5)} |")
    rss = [r.rss_max_mb for r in (cold, warm) if r and r.rss_max_mb is not None]
    pss = [r.tree_pss_mb for r in (cold, warm) if r and r.tree_pss_mb is not None]
    if rss:
        peak = max(rss)
        tree = f"; process tree {max(pss):.0f} MB" if pss else ""
        lines.append(
            f"| peak RSS ≤ {RSS_LIMIT_MB:.0f} MB | largest process {peak:.0f} MB{tree} "
            f"| {verdict(peak <= RSS_LIMIT_MB)} |"
        )
    return lines


def ratio_line(
    target: str, res: Result | None, base: Result | None, limit: float
) -> str:
    """A target row: ``res`` over ``base`` against ``limit``."""
    if res is None or base is None:
        return f"| {target} | not measured | n/a |"
    r = res.median / base.median
    shown = f"{r:.2f}× ({fmt_s(res.median)} vs {fmt_s(base.median)})"
    return f"| {target} | {shown} | {verdict(r <= limit)} |"


def rss_line(target: str, res: Result | None, limit: float) -> str:
    if res is None or res.rss_max_mb is None:
        return f"| {target} | not measured | n/a |"
    peak = res.rss_max_mb
    return f"| {target} | {peak:.0f} MB | {verdict(peak <= limit)} |"


def speed2_targets(
    results: list[Result],
    corpus_label: str,
    relint: Sequence[Relint],
) -> list[str]:
    """The targets of the Speed II issue, each with what this run measured."""
    lines = ["| target | measured | verdict |", "|---|---|---|"]
    small = find(results, "copydesk", "5 KB")
    cs_small = find(results, "codespell", "5 KB")
    lines.append(ratio_line("5 KB file ≤ 0.8× codespell", small, cs_small, 0.8))
    if small is not None:
        lines.append(
            f"| one-file start ≤ {START_S:g} s | {fmt_s(small.median)} "
            f"| {verdict(small.median <= START_S)} |"
        )
    cold = find(results, "copydesk", f"{corpus_label}, cold")
    typos = find(results, "typos", corpus_label)
    lines.append(ratio_line("cold corpus ≤ 1.5× typos", cold, typos, 1.5))
    for kind in ("Markdown file", "text file"):
        mine = _big(results, "copydesk", kind)
        peer = _big(results, "codespell", kind)
        name = mine.case if mine else f"big {kind}"
        lines.append(ratio_line(f"{name} ≤ 1.5× codespell", mine, peer, 1.5))
        files = find(results, "copydesk", f"{name} as ")
        if mine is not None and files is not None:
            share = mine.mb_per_s / files.mb_per_s
            lines.append(
                f"| {name}: per-MB throughput ≥ 80% of the same text as files "
                f"| {share:.0%} ({mine.mb_per_s:.2f} vs {files.mb_per_s:.2f} MB/s) "
                f"| {verdict(share >= 0.8)} |"
            )
        if kind == "Markdown file":
            limit = BIG_RSS_MB
            lines.append(rss_line(f"peak RSS, {name} ≤ {limit:.0f} MB", mine, limit))
    huge = _big(results, "copydesk", "peak memory")
    if huge is not None:
        limit = HUGE_RSS_MB
        lines.append(rss_line(f"peak RSS, {huge.case} ≤ {limit:.0f} MB", huge, limit))
    for found in relint:
        if "median_ms" not in found:
            lines.append(
                f"| editor re-lint | failed: {found.get('error', '?')} | n/a |"
            )
            continue
        ms = float(found["median_ms"])
        name = Path(str(found["file"])).name
        lines.append(
            f"| editor re-lint of {name} ({int(found['bytes']) / 1000:.0f} KB) "
            f"≤ {RELINT_MS:.0f} ms median | {ms:.1f} ms "
            f"(p90 {float(found['p90_ms']):.1f} ms; nothing reused: "
            f"{float(found['fresh_median_ms']):.1f} ms) | {verdict(ms <= RELINT_MS)} |"
        )
    lines += scaling_lines(results)
    return lines


def _big(results: list[Result], tool: str, kind: str) -> Result | None:
    """The result of ``tool`` on the one big file whose case ends with ``kind``."""
    for res in results:
        if res.tool == tool and res.times and res.case.endswith(kind):
            return res
    return None


def scaling_lines(results: list[Result]) -> list[str]:
    """News text in one file, 1 to 8 MB: linear when time grows with size
    (for all default rules, and for the one rule of ``--scaling-select``)."""
    lines: list[str] = []
    for prefix in sorted({r.case.rpartition(":")[0] for r in results}):
        if not prefix.startswith("scaling"):
            continue
        series = [r for r in results if r.case.startswith(prefix + ":") and r.times]
        if len(series) < 2:
            continue
        first, last = series[0], series[-1]
        growth = last.median / first.median
        size = last.nbytes / first.nbytes
        times = " → ".join(fmt_s(r.median) for r in series)
        who = prefix.partition(", ")[2].removesuffix(" alone") or "default packs"
        lines.append(
            f"| {who}, news in one file, {size_label_bytes(first.nbytes)} → "
            f"{size_label_bytes(last.nbytes)}: time grows no faster than size "
            f"| {times} ({growth:.1f}× time for {size:.0f}× text) "
            f"| {verdict(growth <= size * 1.1)} |"
        )
    return lines


def size_label_bytes(nbytes: int) -> str:
    return f"{nbytes / MB:.0f} MB" if nbytes >= MB else f"{nbytes / MB:.2f} MB"


def report(
    args: argparse.Namespace,
    info: dict[str, str],
    results: list[Result],
    tg: Targets,
    label: str,
    elapsed: float,
    relint: Sequence[Relint] = (),
) -> str:
    rel = shlex.join(["python3", "bench/run.py", *sys.argv[1:]])
    lines = [
        f"# copydesk benchmark {label}",
        "",
        f"Command: `{rel}` ({elapsed / 60:.1f} min in all).",
        "",
        "## Machine",
        "",
        *(f"- {k}: {v}" for k, v in info.items()),
        f"- load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}",
        "",
        "## Inputs",
        "",
        f"- corpus: `{tg.corpus.relative_to(REPO)}` ({tg.corpus_label})",
        f"- 5 KB file: `{tg.small.relative_to(REPO)}` "
        f"({tg.small.stat().st_size} bytes)",
        f"- subset: `{tg.subset.relative_to(REPO)}` ({tg.subset_label})",
        f"- copydesk: default packs, `--jobs {args.jobs}`; cold = `--no-cache` if "
        "supported plus an empty `COPYDESK_CACHE_DIR` before every run; warm = "
        "`--cache-dir` primed by one untimed run",
        "",
        "## Results",
        "",
        *table(results),
        "",
        "Median wall time; CPU/run = mean user + system seconds of the whole process "
        "tree (robust when the machine is shared); MB/s = input bytes / median. "
        "× codespell compares with "
        "codespell on the same input in this run. Peak RSS (largest process) is "
        "GNU time's %M (max over runs); peak PSS sums all processes of the run "
        "(workers included), sampled at 10 Hz (– when a run is too short to sample).",
        "",
        "## Targets (speed issue)",
        "",
        *targets_section(results, tg.corpus_label),
        "",
        "## Targets (Speed II: one big file, one-file start, editor re-lint)",
        "",
        *speed2_targets(results, tg.corpus_label, relint),
        "",
    ]
    if relint:
        lines += [
            "Editor re-lint: `bench/relint_latency.py` (in copydesk's Python) "
            "times `Workspace.lint_text` after each of "
            f"{relint[0].get('edits', '?')} one-character edits; "
            '"nothing reused" lints the same texts under a new name each.',
            "",
        ]
    if args.quick:
        lines.insert(2, "**Quick run: subset of the corpus, not comparable.**\n")
    return "\n".join(lines)


# --------------------------------------------------------------------------- profile


def profile(copydesk: Path, root: Path, files: list[Path], label: str) -> Path:
    subset = make_subset(f"profile-{PROFILE_FILES}", root, spread(files, PROFILE_FILES))
    no_cache, _ = copydesk_supports(copydesk)
    argv = ["check", str(subset), "--jobs", "1", "--format", "concise"]
    argv += ["--no-cache"] if no_cache else []
    out = BENCH / "results" / f"profile-{label}.txt"
    out.parent.mkdir(parents=True, exist_ok=True)
    env = tool_env({"COPYDESK_CACHE_DIR": str(WORK / "cache-profile")})
    shutil.rmtree(WORK / "cache-profile", ignore_errors=True)
    log(f"profiling copydesk on {PROFILE_FILES} files -> {out}")
    py = script_python(copydesk)
    subprocess.run(
        [py, "-c", PROFILE_CODE, str(out), *argv], check=True, env=env, cwd=WORK
    )
    print(out.read_text(encoding="utf-8"))
    return out


# --------------------------------------------------------------------------- main


def default_copydesk() -> Path:
    for candidate in (
        REPO.parent / "venv" / "bin" / "copydesk",
        REPO / ".venv/bin/copydesk",
    ):
        if candidate.exists():
            return candidate
    found = shutil.which("copydesk")
    if not found:
        sys.exit("copydesk not found: pass --copydesk PATH")
    return Path(found)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        help="corpus tarball (default: ../shared/corpus/...tar.xz)",
    )
    ap.add_argument(
        "--copydesk",
        type=Path,
        default=None,
        help="copydesk executable (default: ../venv/bin/copydesk)",
    )
    ap.add_argument(
        "--runs", type=int, default=None, help="timed runs per case (default 3)"
    )
    ap.add_argument(
        "--cold-runs",
        type=int,
        default=0,
        help="runs for copydesk cold (default: --runs)",
    )
    ap.add_argument(
        "--small-runs",
        type=int,
        default=10,
        help="runs for the 5 KB file (at least --runs)",
    )
    ap.add_argument("--jobs", type=int, default=2, help="copydesk --jobs")
    ap.add_argument(
        "--quick",
        action="store_true",
        help=f"{QUICK_FILES}-file subset as the corpus, 1 run each",
    )
    ap.add_argument(
        "--with-proselint-corpus",
        action="store_true",
        help="proselint on the whole corpus (minutes), not a 1 MB subset",
    )
    ap.add_argument(
        "--no-hyperfine",
        action="store_true",
        help="use the built-in timing loop even if hyperfine exists",
    )
    ap.add_argument("--reinstall-peers", action="store_true")
    ap.add_argument(
        "--scaling-select",
        default="typos.Unknown",
        help="also time the news scaling series with only this rule (a rule whose "
        "cost grew faster than the text; empty: skip)",
    )
    ap.add_argument(
        "--no-big",
        action="store_true",
        help="skip the one-big-file cases and the editor re-lint",
    )
    ap.add_argument(
        "--profile",
        action="store_true",
        help=f"only profile copydesk (cProfile, {PROFILE_FILES} files)",
    )
    ap.add_argument("--label", default="", help="results file label")
    ap.add_argument(
        "--out-dir",
        type=Path,
        default=None,
        help="results folder (default bench/results; quick: bench/work)",
    )
    args = ap.parse_args(argv)
    if args.runs is None:
        args.runs = 1 if args.quick else 3
        if args.quick:
            args.small_runs = 1
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    copydesk = (args.copydesk or default_copydesk()).resolve()
    root = unpack(args.corpus.resolve())
    files = corpus_files(root)
    head = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    label = args.label or f"{dt.date.today().isoformat()}-{head or 'nogit'}" + (
        "-quick" if args.quick else ""
    )
    if args.profile:
        compile_bytecode(copydesk)
        profile(copydesk, root, files, label)
        return 0
    if args.quick:
        corpus = make_subset(f"quick-{QUICK_FILES}", root, spread(files, QUICK_FILES))
        corpus_label = f"{QUICK_FILES}-file subset"
    else:
        corpus, corpus_label = root, "corpus"
    subset_files = bytes_subset(files, SUBSET_BYTES)
    tg = Targets(
        corpus=corpus,
        corpus_label=corpus_label,
        small=closest_file(files, SMALL_TARGET),
        subset=make_subset("1mb", root, subset_files),
        subset_label="1 MB subset",
    )
    if not args.no_big:
        if not NEWS_ARCHIVE.is_file():
            sys.exit(f"news corpus not found: {NEWS_ARCHIVE} (or pass --no-big)")
        log(f"building the big-file inputs in {BIG}")
        tg.big = big_inputs.build(
            files,
            root,
            NEWS_ARCHIVE,
            BIG,
            scale=0.125 if args.quick else 1.0,
            huge=not args.quick,
        )
    exes = ensure_peers(args.reinstall_peers)
    log(f"bytecode: compiled {compile_bytecode(copydesk)}")
    info = machine_info(copydesk, exes)
    info["copydesk bytecode"] = "compiled by the bench (compileall), as pip does"
    use_hf = bool(shutil.which("hyperfine")) and not args.no_hyperfine
    results = [measure(case, use_hf) for case in plan(args, copydesk, exes, tg)]
    relint = [measure_relint(copydesk, p) for p in tg.big.edited] if tg.big else []
    elapsed = time.perf_counter() - started
    text = report(args, info, results, tg, label, elapsed, relint)
    out_dir = args.out_dir or (WORK / "results" if args.quick else BENCH / "results")
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"{label}.md"
    out.write_text(text, encoding="utf-8")
    raw = {
        "machine": info,
        "results": [asdict(r) for r in results],
        "relint": relint,
    }
    out.with_suffix(".json").write_text(
        json.dumps(raw, indent=1) + "\n", encoding="utf-8"
    )
    print(text)
    log(f"wrote {out}")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
