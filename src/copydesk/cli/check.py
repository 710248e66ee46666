"""``copydesk check`` and ``copydesk fix``: flags → Workspace → report → exit code.

Everything about which settings apply and how files are linted lives in
``copydesk.api``; this module only reads argparse's answers, prints, and
picks the exit code.
"""

from __future__ import annotations

import argparse
import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from copydesk import __version__
from copydesk.api import LintRun, Overrides, Workspace
from copydesk.batch import FileResult, default_jobs
from copydesk.cli.parser import UsageError
from copydesk.cli.progress import Progress, wanted
from copydesk.cli.terminal import use_color, width_for
from copydesk.errors import InputError, SkippedInputError
from copydesk.files import STDIN
from copydesk.model import Finding, RuleMeta

if TYPE_CHECKING:
    from copydesk.api import Plan
    from copydesk.cli.fix import FixTally
    from copydesk.files import Target

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
DEFAULT_FORMAT = "text"
#: Formats ``--statistics`` adds its counts to (text) or replaces (json).
STATISTICS_FORMATS = ("text", "concise", "json")


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
        config_file=args.config,
        isolated=args.isolated,
        encoding=getattr(args, "encoding", None),
        file_timeout=getattr(args, "file_timeout", None),
    )


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Lint (and with ``fix``/``--fix``, fix) every path, report, exit code.

    stdout carries only what was asked for: the report in its format, or
    with ``--diff`` the diff, or with ``fix -`` the fixed text. Everything
    else (errors, the fix tally, the progress bar) goes to stderr.
    """
    if getattr(args, "collection", None) is not None:
        from copydesk.cli.collection import run_collection

        return run_collection(args, out, err)
    fixing = args.command == "fix" or args.fix
    refuse_contradictions(args, fixing=fixing)
    workspace = Workspace(Path(), overrides_from(args))
    if not args.quiet:
        vale_hint(workspace, args, err)
    buffer = io.StringIO()
    report_out: TextIO = buffer if args.output_file else out
    tally: FixTally | None = None
    if fixing:
        from copydesk.cli.fix import FixTally, fix_paths

        tally = FixTally()
        lint_run = fix_paths(workspace, args, report_out, out, tally)
    else:
        lint_run = _lint(workspace, args, err)
    if args.diff_base:
        from copydesk.gitdiff import changed_lines

        changed = changed_lines(args.diff_base)
        for result in lint_run.results:
            result.findings = changed.filter(result.findings)
    if args.baseline or workspace.plan_for(workspace.root).config.baseline:
        # Imported only with a baseline (the flag, else the config's key, as
        # hide_recorded reads them): a check without one needs neither module.
        from copydesk.cli.baseline import hide_recorded

        hide_recorded(workspace, lint_run, args, err)
    for problem in lint_run.problems:
        level = "warning" if isinstance(problem, SkippedInputError) else "error"
        print(f"copydesk: {level}: {problem}", file=err)
    for result in lint_run.results:
        if result.error is not None:
            print(f"copydesk: error: {result.path}: {result.error}", file=err)
    if not (fixing and args.diff):
        # ``fix -`` writes the fixed text to stdout: its report goes aside.
        aside = fixing and STDIN in args.paths and not args.output_file
        stream = err if aside else report_out
        _report(lint_run, args, stream, None if args.output_file else stream)
    if tally is not None and not args.quiet:
        print(tally.summary(diff=args.diff), file=err)
    if args.output_file:
        from copydesk.cli.output_file import write_output_file

        write_output_file(args.output_file, buffer.getvalue())
    return exit_code(lint_run.results, lint_run.problems, tally, diff=args.diff)


#: The names Vale reads its config from (``copydesk.vale.config.CONFIG_NAMES``,
#: a test keeps them equal): looked for here first, so that a run outside a
#: Vale project never imports the Vale package.
VALE_CONFIG_NAMES = (".vale", "_vale", "vale.ini", ".vale.ini", "_vale.ini")


def vale_hint(workspace: Workspace, args: argparse.Namespace, err: TextIO) -> None:
    """In a Vale project with no copydesk config, say how to lint with its
    config: ``check`` itself never reads ``.vale.ini`` (``copydesk vale`` does)."""
    if args.config or args.isolated or not _in_vale_project(Path.cwd()):
        return
    if workspace.plan_for(Path()).config.path:
        return
    from copydesk.vale.config import check_hint

    hint = check_hint(Path.cwd())
    if hint is not None:
        print(f"copydesk: note: {hint}", file=err)


def _in_vale_project(start: Path) -> bool:
    """Whether ``start`` or a folder above it holds a Vale config file."""
    folder = start.absolute()
    return any(
        (place / name).is_file()
        for place in (folder, *folder.parents)
        for name in VALE_CONFIG_NAMES
    )


def refuse_contradictions(args: argparse.Namespace, *, fixing: bool) -> None:
    """Flags that would do nothing here are errors, not silent no-ops."""
    from copydesk.cli.collection import refuse_stray_flags

    refuse_stray_flags(args)
    if not fixing:
        for flag, given in (
            ("--diff", args.diff),
            ("--unsafe-fixes", args.unsafe_fixes),
        ):
            if given:
                raise UsageError(
                    f"{flag} works with fixes: use copydesk fix {flag}, "
                    f"or check --fix {flag}"
                )
    fmt = args.format or DEFAULT_FORMAT
    if args.diff and fmt != DEFAULT_FORMAT:
        raise UsageError(
            f"--diff prints a unified diff, not --format {fmt}: drop one of them"
        )
    if args.statistics and fmt not in STATISTICS_FORMATS:
        raise UsageError(
            f"--statistics prints counts as text or JSON, not --format {fmt}"
        )


def _lint(workspace: Workspace, args: argparse.Namespace, err: TextIO) -> LintRun:
    """``check``: every path through the workspace, with a bar on a terminal."""
    cache = None if args.no_cache else results_cache_dir(args)
    jobs = args.jobs if args.jobs is not None else default_jobs()
    problems: list[InputError] = []
    plans = workspace.plan_paths(args.paths, problems, args.stdin_filename, args.shard)
    plans = without_docx_stdin(plans, problems, args.stdin_filename)
    total = sum(len(group) for _, group in plans)
    bar = Progress(err, total) if wanted(err, total) and not args.quiet else None
    try:
        if getattr(args, "learn_boilerplate", False):
            lint_run = workspace.lint_plans_learning(plans, progress=bar)
        else:
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


def without_docx_stdin(
    plans: list[tuple[Plan, list[Target]]],
    problems: list[InputError],
    stdin_name: str | None,
) -> list[tuple[Plan, list[Target]]]:
    """``plans`` less stdin when ``--stdin-filename`` makes it a ``.docx``,
    which becomes an input error (exit 2) naming the file.

    A Word draft is a zip archive read by seeking in it, which a pipe cannot
    do: read as text it was linted as nothing and said so with exit 0, and
    ``fix`` echoed the archive back.
    """
    kept: list[tuple[Plan, list[Target]]] = []
    for plan, group in plans:
        refused = [t for t in group if t.path == STDIN and t.format == "docx"]
        for _ in refused:
            reason = "a .docx cannot be read from stdin: name the file instead"
            problems.append(InputError(stdin_name or STDIN, reason))
        rest = [t for t in group if t not in refused]
        if rest:
            kept.append((plan, rest))
    return kept


def results_cache_dir(args: argparse.Namespace) -> Path:
    from copydesk.cache import default_dir

    return Path(args.cache_dir) if args.cache_dir else default_dir()


def exit_code(
    results: Sequence[FileResult],
    problems: Sequence[InputError],
    tally: FixTally | None,
    *,
    diff: bool,
) -> int:
    """2 for input errors, 1 for findings at the fail level (or a diff), else 0.
    A file a walk passed over on purpose (:class:`SkippedInputError`) is no error."""
    errors = [p for p in problems if not isinstance(p, SkippedInputError)]
    if errors or any(r.error is not None for r in results):
        return EXIT_ERROR
    if tally is not None and diff and tally.changed_files:
        return EXIT_FINDINGS
    failing = any(
        r.fail_level is not None and any(f.severity >= r.fail_level for f in r.findings)
        for r in results
    )
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _report(
    lint_run: LintRun,
    args: argparse.Namespace,
    out: TextIO,
    terminal: TextIO | None,
) -> None:
    """Render the run in its format to ``out``; ``terminal`` is the stream
    whose width and colour apply (None for a file)."""
    from copydesk import report

    fmt = args.format or DEFAULT_FORMAT
    findings: Sequence[Finding] = lint_run.findings
    metas: Mapping[str, RuleMeta] = lint_run.metas
    results = lint_run.results
    ctx = report.ReportContext(
        version=__version__,
        cwd=str(Path.cwd()),
        rules=metas,
        sources={r.path: r.text for r in results if r.text is not None},
        files=[r.path for r in results],
        color=fmt == "text" and use_color(terminal, args.color),
        statistics=args.statistics,
        width=width_for(terminal),
        summary=not args.quiet,
    )
    if args.statistics and fmt == "json":
        # Counts instead of findings, as JSON: stdout stays one document.
        out.write(report.render("statistics-json", findings, ctx))
        return
    text = report.render(fmt, findings, ctx)
    if text:
        out.write(text if text.endswith("\n") else text + "\n")
    if args.statistics:
        stats = report.render("statistics", findings, ctx)
        if stats:
            out.write(stats if stats.endswith("\n") else stats + "\n")
