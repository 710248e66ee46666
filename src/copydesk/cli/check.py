"""``copydesk check`` and ``copydesk fix``: flags → Workspace → report → exit code.

Everything about which settings apply and how files are linted lives in
``copydesk.api``; this module only reads argparse's answers, prints, and
picks the exit code.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from copydesk import __version__
from copydesk.api import LintRun, Overrides, Workspace
from copydesk.batch import FileResult, default_jobs
from copydesk.cli.progress import Progress, wanted
from copydesk.errors import InputError
from copydesk.files import STDIN
from copydesk.model import Finding, RuleMeta

if TYPE_CHECKING:
    from copydesk.cli.fix import FixTally

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def overrides_from(args: argparse.Namespace) -> Overrides:
    """The flags of ``check``/``fix`` that win over config files."""
    return Overrides(
        select=tuple(args.select),
        ignore=tuple(args.ignore),
        rule_dirs=tuple(args.rules),
        language=args.language,
        fail_level=args.fail_level,
        format_for=tuple(args.format_for),
        kind_for=tuple(args.kind_for),
    )


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Lint (and with ``fix``/``--fix``, fix) every path, report, exit code."""
    workspace = Workspace(Path(), overrides_from(args))
    fixing = args.command == "fix" or args.fix
    tally: FixTally | None = None
    if fixing:
        from copydesk.cli.fix import FixTally, fix_paths

        tally = FixTally()
        lint_run = fix_paths(workspace, args, out, tally)
    else:
        lint_run = _lint(workspace, args, err)
    if args.diff_base:
        from copydesk.gitdiff import changed_lines

        changed = changed_lines(args.diff_base)
        for result in lint_run.results:
            result.findings = changed.filter(result.findings)
    for problem in lint_run.problems:
        print(f"copydesk: error: {problem}", file=err)
    for result in lint_run.results:
        if result.error is not None:
            print(f"copydesk: error: {result.path}: {result.error}", file=err)
    reading_stdin = STDIN in args.paths
    stream = err if (fixing and reading_stdin and not args.diff) else out
    _report(lint_run, args, stream)
    if tally is not None:
        print(tally.summary(diff=args.diff), file=stream)
    return exit_code(lint_run.results, lint_run.problems, tally, diff=args.diff)


def _lint(workspace: Workspace, args: argparse.Namespace, err: TextIO) -> LintRun:
    """``check``: every path through the workspace, with a bar on a terminal."""
    cache = None if args.no_cache else _cache_dir(args)
    jobs = args.jobs if args.jobs is not None else default_jobs()
    problems: list[InputError] = []
    plans = workspace.plan_paths(args.paths, problems, args.stdin_filename)
    total = sum(len(group) for _, group in plans)
    bar = Progress(err, total) if wanted(err, total) else None
    try:
        lint_run = workspace.lint_plans(
            plans,
            jobs=jobs,
            cache=cache,
            stdin_name=args.stdin_filename,
            progress=bar,
        )
    finally:
        if bar is not None:
            bar.close()
    lint_run.problems[:0] = problems
    return lint_run


def _cache_dir(args: argparse.Namespace) -> Path:
    from copydesk.cache import default_dir

    return Path(args.cache_dir) if args.cache_dir else default_dir()


def exit_code(
    results: Sequence[FileResult],
    problems: Sequence[InputError],
    tally: FixTally | None,
    *,
    diff: bool,
) -> int:
    """2 for input errors, 1 for findings at the fail level (or a diff), else 0."""
    if problems or any(r.error is not None for r in results):
        return EXIT_ERROR
    if tally is not None and diff and tally.changed_files:
        return EXIT_FINDINGS
    failing = any(
        r.fail_level is not None and any(f.severity >= r.fail_level for f in r.findings)
        for r in results
    )
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _report(lint_run: LintRun, args: argparse.Namespace, out: TextIO) -> None:
    from copydesk import report

    fmt = args.format or "text"
    findings: Sequence[Finding] = lint_run.findings
    metas: Mapping[str, RuleMeta] = lint_run.metas
    results = lint_run.results
    ctx = report.ReportContext(
        version=__version__,
        cwd=str(Path.cwd()),
        rules=metas,
        sources={r.path: r.text for r in results if r.text is not None},
        files=[r.path for r in results],
        color=fmt == "text" and use_color(out, args.no_color),
        statistics=args.statistics,
    )
    text = report.render(fmt, findings, ctx)
    if text:
        out.write(text if text.endswith("\n") else text + "\n")
    if args.statistics and fmt in ("text", "concise"):
        stats = report.render("statistics", findings, ctx)
        if stats:
            out.write(stats if stats.endswith("\n") else stats + "\n")


def use_color(stream: TextIO, disabled: bool) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set."""
    if disabled or os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())
