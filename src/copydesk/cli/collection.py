"""``copydesk check --collection FILE``: flags → Workspace → findings → exit code.

A collection's findings are rows keyed by document id (JSON Lines on stdout
or in ``-o FILE``, Parquet in ``-o FILE.parquet``, part files in ``-o DIR``
with ``--engine dask``), not a report: a million documents do not make a
text report anyone reads. Records that cannot be linted are one error line
each on stderr, and the run goes on (exit 2 at the end).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from copydesk.api import Workspace
from copydesk.cli.parser import UsageError

if TYPE_CHECKING:
    from copydesk.collection_output import FindingSink
    from copydesk.collection_run import CollectionEngine

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def refuse_stray_flags(args: argparse.Namespace) -> None:
    """Collection flags without ``--collection`` would do nothing: errors."""
    if getattr(args, "collection", None) is not None:
        return
    if getattr(args, "engine", "local") != "local" or getattr(args, "scheduler", None):
        raise UsageError("--engine and --scheduler work with --collection FILE")
    fixing = args.command == "fix" or args.fix
    if fixing and getattr(args, "learn_boilerplate", False):
        raise UsageError("--learn-boilerplate only reports: drop --fix")


def _refuse(args: argparse.Namespace) -> None:
    """What a collection run cannot do, said before anything is read."""
    given = {
        "PATH arguments": bool(args.paths),
        "--fix": args.fix,
        "--diff-base": bool(args.diff_base),
        "--shard": args.shard is not None,
        "--statistics": args.statistics,
        "--stdin-filename": bool(args.stdin_filename),
        "--learn-boilerplate (a collection always counts its lines)": (
            args.learn_boilerplate
        ),
    }
    for flag, present in given.items():
        if present:
            raise UsageError(f"--collection does not take {flag}")
    if args.format not in (None, "json"):
        raise UsageError(
            f"--collection writes JSON Lines (or Parquet), not --format {args.format}"
        )
    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler needs --engine dask")


def run_collection(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Lint every document of ``--collection``; findings to stdout or ``-o``."""
    from copydesk.cli.check import overrides_from
    from copydesk.collections import DEFAULT_MAX_BYTES, CollectionSpec

    _refuse(args)
    spec = CollectionSpec(
        args.collection,
        text_field=args.text_field,
        id_field=args.id_field,
        format_field=args.format_field,
        input_format=args.input_format,
        source_field=args.source_field,
        max_bytes=args.max_document_bytes or DEFAULT_MAX_BYTES,
    )
    workspace = Workspace(Path(), overrides_from(args))
    level = workspace.settings_for(spec.path).fail_level
    sink = _sink(args, out)
    try:
        run = workspace.lint_collection(spec, sink, engine=_engine(args))
    except BaseException:
        sink.close()
        raise
    sink.close()
    for error in run.errors:
        print(f"copydesk: error: {spec.path}: {error}", file=err)
    if not args.quiet:
        errors = f", {len(run.errors)} records skipped" if run.errors else ""
        print(
            f"{run.documents} documents linted, {run.findings} findings{errors}.",
            file=err,
        )
    if run.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if run.fails(level) else EXIT_CLEAN


def _engine(args: argparse.Namespace) -> CollectionEngine | None:
    if args.engine != "dask":
        return None
    from copydesk.batch import default_jobs
    from copydesk.distributed import DaskEngine

    return DaskEngine(
        scheduler=args.scheduler,
        workers=args.jobs or default_jobs(),
        output=args.output_file,
    )


class _Nowhere:
    """The sink of a Dask run whose part files hold the findings."""

    def write(self, doc_id: str, findings: object) -> None:
        del doc_id, findings

    def close(self) -> None:
        pass


def _sink(args: argparse.Namespace, out: TextIO) -> FindingSink:
    from copydesk.collection_output import JsonLinesSink, open_sink

    if args.output_file is None:
        return JsonLinesSink(out)
    if args.engine == "dask":
        return _Nowhere()
    return open_sink(args.output_file)
