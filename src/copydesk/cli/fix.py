"""``copydesk fix`` (and ``check --fix``) over files: fix, then write
atomically or show a diff.

The fix loop (rounds, overlaps, convergence) is ``copydesk.fix``, reached
through ``Workspace.fix_text``; file safety is ``copydesk.textio``. This
module only connects them to the files the paths name.
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from copydesk.api import LintRun, Workspace
from copydesk.batch import FileResult, settle_heap
from copydesk.errors import CopydeskError
from copydesk.files import STDIN, Target
from copydesk.fix import FixResult, unified_diff
from copydesk.project_terms import NO_TERMS, TreeTerms


class FixTally:
    """Counts for the closing summary line."""

    __slots__ = (
        "changed_files",
        "fixed",
        "remaining",
        "unconverged",
        "unsafe_available",
    )

    fixed: int
    remaining: int
    unsafe_available: int
    changed_files: int
    unconverged: int

    def __init__(
        self,
        fixed: int = 0,
        remaining: int = 0,
        unsafe_available: int = 0,
        changed_files: int = 0,
        unconverged: int = 0,
    ) -> None:
        self.fixed = fixed
        self.remaining = remaining
        self.unsafe_available = unsafe_available
        self.changed_files = changed_files
        self.unconverged = unconverged

    def add(self, result: FixResult, changed: bool) -> None:
        self.fixed += result.fixed
        self.remaining += len(result.remaining)
        self.unsafe_available += result.unsafe_available
        self.changed_files += int(changed)
        self.unconverged += int(not result.converged)

    def summary(self, *, diff: bool) -> str:
        verb = "Would fix" if diff else "Fixed"
        text = f"{verb} {self.fixed} finding{'s' * (self.fixed != 1)}"
        text += f" in {self.changed_files} file{'s' * (self.changed_files != 1)}"
        text += f"; {self.remaining} remaining"
        if self.unsafe_available:
            text += f" ({self.unsafe_available} more fixable with --unsafe-fixes)"
        if self.unconverged:
            text += f"; {self.unconverged} file(s) did not settle (rules named above)"
        return text + "."


def fix_paths(
    workspace: Workspace,
    args: argparse.Namespace,
    diff_out: TextIO,
    text_out: TextIO,
    tally: FixTally,
) -> LintRun:
    """Fix every file the paths name, counting into ``tally``; the run holds
    what remains to report per file.

    With ``--diff`` the diffs go to ``diff_out``; fixed stdin goes to
    ``text_out`` (stdout, whatever ``--output-file`` says).
    """
    from copydesk.batch import default_jobs
    from copydesk.cli.check import results_cache_dir, without_docx_stdin

    run = LintRun()
    plans = workspace.plan_paths(
        args.paths, run.problems, args.stdin_filename, args.shard
    )
    plans = without_docx_stdin(plans, run.problems, args.stdin_filename)
    if sum(len(group) for _, group in plans) > 1:
        settle_heap()
    # The terms `check` would learn from these files, so no fix "mends" one.
    terms = workspace.tree_terms(
        plans,
        jobs=args.jobs if args.jobs is not None else default_jobs(),
        cache=None if args.no_cache else results_cache_dir(args),
    )
    for plan, group in plans:
        run.metas.update(workspace.rules(plan).get().metas)
        for target in group:
            file_result = _fix_file(
                workspace, target, args, diff_out, text_out, tally, terms
            )
            workspace.settle(file_result, plan, args.stdin_filename)
            run.results.append(file_result)
    return run


def _fix_file(
    workspace: Workspace,
    target: Target,
    args: argparse.Namespace,
    diff_out: TextIO,
    text_out: TextIO,
    tally: FixTally,
    terms: TreeTerms = NO_TERMS,
) -> FileResult:
    """Fix one file (or stdin): write it back atomically, or print its diff;
    findings ``terms`` drops (the tree's own words, its outvoted spellings)
    are left alone."""
    from copydesk.textio import DOCX, decode, encode, read_source, write_atomic

    name = args.stdin_filename if target.path == STDIN else target.path
    try:
        stdin = target.path == STDIN
        source = None if stdin else read_source(target.path, target.encoding)
        if source is None:
            raw = sys.stdin.buffer.read()
            original, encoding = decode(raw, "<stdin>", target.encoding)
        else:
            original, encoding = source.text, source.encoding
        result = workspace.fix_text(
            name or STDIN, original, unsafe=args.unsafe_fixes, terms=terms
        )
        if not result.converged:
            _did_not_settle(name or target.path, result)
        changed = result.text != original
        if args.diff:
            if changed:
                diff_out.write(unified_diff(target.path, original, result.text))
        elif source is None:
            _write_bytes(text_out, encode(result.text, encoding))
        elif changed and source.encoding == DOCX:
            return _docx_not_written(workspace, target.path, original, result)
        elif changed:
            write_atomic(source, result.text)
    except CopydeskError as exc:
        return FileResult(target.path, error=exc.reason)
    tally.add(result, changed)
    remaining = result.remaining
    return FileResult(target.path, remaining, text=result.text if remaining else None)


def _did_not_settle(path: str, result: FixResult) -> None:
    """Name the rules a file's fixes could not settle: the maintainers of
    those rules have a bug to fix, and the user knows why fixes stopped."""
    from copydesk.cli.main import warning

    warning(f"{path}: fixes did not settle: {result.unsettled_reason()}", sys.stderr)


def _docx_not_written(
    workspace: Workspace, path: str, original: str, result: FixResult
) -> FileResult:
    """A ``.docx`` is never written (copydesk cannot rewrite Word's format
    faithfully): say what would change, and report its findings unfixed."""
    from copydesk.cli.main import warning

    warning(
        f"{path}: not written, copydesk never writes .docx files: make its"
        f" {result.fixed} fixes (marked [*]) in Word; copydesk fix --diff shows them",
        sys.stderr,
    )
    findings = workspace.lint_text(path, original)
    return FileResult(path, findings, text=original if findings else None)


def _write_bytes(out: TextIO, data: bytes) -> None:
    """Write fixed stdin back in its own encoding (BOM and UTF-16 kept)."""
    buffer = getattr(out, "buffer", None)
    if buffer is None:
        out.write(data.decode("utf-8-sig", errors="replace"))
        return
    out.flush()
    buffer.write(data)
    buffer.flush()
