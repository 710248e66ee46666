"""The ``copydesk`` command: check, fix, rules, explain, server.

``main(argv) -> int`` is the whole interface; every user-facing problem is a
CopydeskError, printed once as ``copydesk: error: <path>: <reason>`` (exit 2).
Heavy modules are imported inside the subcommands so ``--version`` and a
one-file run start fast.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from copydesk.cli.parser import build_parser
from copydesk.errors import CopydeskError

SUBCOMMANDS = ("check", "fix", "rules", "explain", "server")

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
#: 128 + SIGPIPE, as a shell reports a pipeline member killed by it.
EXIT_BROKEN_PIPE = 141


def entry() -> int:
    """The console script: ``main`` with the collector paused for start-up.

    Loading the packs makes hundreds of thousands of long-lived objects; a
    collection in the middle walks them all for nothing. A run over many files
    turns it back on once they are loaded (``batch.settle_heap``); a one-file
    run, short-lived, leaves it off and relies on reference counting.
    """
    gc.disable()
    return main()


def main(argv: Sequence[str] | None = None) -> int:
    """Run copydesk; returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if (
        args_list
        and args_list[0] not in SUBCOMMANDS
        and not args_list[0].startswith("-")
    ):
        args_list.insert(0, "check")
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:
        return EXIT_ERROR if exc.code not in (0, None) else EXIT_CLEAN
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        return _dispatch(args)
    except CopydeskError as exc:
        error(str(exc), sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        error("interrupted", sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``copydesk check | head``): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except Exception as exc:
        if os.environ.get("COPYDESK_DEBUG"):
            raise
        error(
            f"internal error: {type(exc).__name__}: {exc} "
            "(set COPYDESK_DEBUG=1 for the traceback, and please report it)",
            sys.stderr,
        )
        return EXIT_ERROR


def _dispatch(args: argparse.Namespace) -> int:
    """Run the chosen subcommand (each imported only when chosen)."""
    if args.command == "rules":
        from copydesk.cli import rules

        return rules.run(args, sys.stdout)
    if args.command == "explain":
        from copydesk.cli import explain

        return explain.run(args, sys.stdout)
    if args.command == "server":
        from copydesk.server import serve

        return serve()
    from copydesk.cli import check

    return check.run(args, sys.stdout, sys.stderr)


def error(message: str, stream: TextIO) -> None:
    """Print one error line."""
    print(f"copydesk: error: {message}", file=stream)
