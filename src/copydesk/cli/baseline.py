"""``copydesk baseline`` writes a baseline file; ``check --baseline`` reads one.

The keys and the matching are ``copydesk.baseline``'s; this module finds the
file (the flag, else the config's ``baseline`` key, else the default name),
reads and writes it, and says on stderr what it did.
"""

from __future__ import annotations

import argparse
import os
from collections import Counter
from pathlib import Path
from typing import TextIO

from copydesk.api import LintRun, Workspace
from copydesk.baseline import FILE_NAME, Key, dumps, keys_of, loads, new_findings
from copydesk.cli.parser import UsageError
from copydesk.errors import CopydeskError
from copydesk.files import STDIN

EXIT_CLEAN, EXIT_ERROR = 0, 2


def run(args: argparse.Namespace, err: TextIO) -> int:
    """Lint the paths and record every finding; exit 2 if a file could not be read
    (the baseline is written all the same, without it)."""
    from copydesk.batch import default_jobs
    from copydesk.cache import default_dir
    from copydesk.cli.check import overrides_from
    from copydesk.cli.output_file import write_output_file

    if STDIN in args.paths:
        raise UsageError("copydesk baseline records files, not standard input")
    workspace = Workspace(Path(), overrides_from(args))
    target = _shown(args.baseline or configured(workspace) or FILE_NAME)
    jobs = args.jobs if args.jobs is not None else default_jobs()
    lint_run = workspace.lint_paths(args.paths, jobs=jobs, cache=default_dir())
    failed = _print_errors(lint_run, err)
    recorded = keys_of(lint_run.findings, _texts(lint_run), _base(target))
    before = _previous(target)
    write_output_file(target, dumps(recorded))
    count = sum(recorded.values())
    files = len({key.path for key in recorded})
    message = f"copydesk: wrote {count} finding{'s' * (count != 1)}"
    message += f" in {files} file{'s' * (files != 1)} to {target}"
    if before is not None:
        gone = sum((before - recorded).values())
        message += f" ({gone} fixed since the last baseline)"
    print(message, file=err)
    return EXIT_ERROR if failed else EXIT_CLEAN


def hide_recorded(
    workspace: Workspace, lint_run: LintRun, args: argparse.Namespace, err: TextIO
) -> None:
    """``check --baseline``: drop the findings the baseline records, and say
    how many on stderr (unless ``--quiet``)."""
    path = _shown(args.baseline or configured(workspace))
    if not path:
        return
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        reason = "no such baseline file (write it with copydesk baseline)"
        raise CopydeskError(path, reason) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CopydeskError(path, f"cannot read the baseline: {exc}") from None
    recorded = loads(text, path)
    texts = _texts(lint_run)
    hidden = 0
    for result in lint_run.results:
        result.findings, hid = new_findings(
            result.findings, texts, recorded, _base(path)
        )
        hidden += hid
    if hidden and not args.quiet:
        found = f"{hidden} finding{'s' * (hidden != 1)}"
        print(f"copydesk: {found} hidden by the baseline {path}", file=err)


def configured(workspace: Workspace) -> str:
    """The baseline the root's config names (``baseline = "..."``), or ""."""
    return workspace.plan_for(workspace.root).config.baseline


def _shown(path: str) -> str:
    """``path`` as the user would type it here: relative when below the
    working directory (a config's key is resolved to an absolute path)."""
    if not path or not Path(path).is_absolute():
        return path
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def _base(path: str) -> str:
    """Paths in a baseline are relative to its folder, so it works from any
    working directory."""
    return str(Path(path).absolute().parent)


def _texts(lint_run: LintRun) -> dict[str, str]:
    return {r.path: r.text for r in lint_run.results if r.text is not None}


def _previous(path: str) -> Counter[Key] | None:
    """The baseline being replaced, if it is there and readable."""
    try:
        return loads(Path(path).read_text(encoding="utf-8"), path)
    except (OSError, UnicodeDecodeError, CopydeskError):
        return None


def _print_errors(lint_run: LintRun, err: TextIO) -> bool:
    failed = False
    for problem in lint_run.problems:
        print(f"copydesk: error: {problem}", file=err)
        failed = True
    for result in lint_run.results:
        if result.error is not None:
            print(f"copydesk: error: {result.path}: {result.error}", file=err)
            failed = True
    return failed
