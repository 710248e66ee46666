"""The ``copydesk`` command: check, fix, rules, explain.

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

from copydesk import __version__
from copydesk.errors import CopydeskError

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
#: 128 + SIGPIPE, as a shell reports a pipeline member killed by it.
EXIT_BROKEN_PIPE = 141

OUTPUT_FORMATS = ("text", "concise", "json", "github", "sarif", "junit", "checkstyle")
FAIL_LEVELS = ("suggestion", "warning", "error", "none")


def _split_list(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _format_for(value: str) -> tuple[str, str]:
    glob, sep, fmt = value.partition("=")
    if not sep or not glob or fmt not in ("plain", "markdown", "html", "rst"):
        kinds = "plain, markdown, html, rst"
        msg = f"expected GLOB=FORMAT with FORMAT in {kinds}, got {value!r}"
        raise argparse.ArgumentTypeError(msg)
    return glob, fmt


def _kind_for(value: str) -> tuple[str, str]:
    from copydesk.document import DOCUMENT_KINDS

    glob, sep, kind = value.partition("=")
    if not sep or not glob or kind not in DOCUMENT_KINDS:
        kinds = ", ".join(DOCUMENT_KINDS)
        msg = f"expected GLOB=KIND with KIND in {kinds}, got {value!r}"
        raise argparse.ArgumentTypeError(msg)
    return glob, kind


def _add_lint_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="files, directories, or - for stdin"
    )
    parser.add_argument(
        "--format",
        choices=OUTPUT_FORMATS,
        default=None,
        help="output format (default: text)",
    )
    parser.add_argument(
        "--fail-level",
        choices=FAIL_LEVELS,
        default=None,
        help="lowest level that makes the exit code 1 (default: warning)",
    )
    parser.add_argument(
        "--select",
        type=_split_list,
        action="extend",
        default=[],
        metavar="RULE_OR_PACK",
        help="only these rules or packs (comma-separated, repeatable)",
    )
    parser.add_argument(
        "--ignore",
        type=_split_list,
        action="extend",
        default=[],
        metavar="RULE_OR_PACK",
        help="skip these rules or packs (comma-separated, repeatable)",
    )
    parser.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="DIR",
        help="extra rule directory (a pack, or a folder of packs); repeatable",
    )
    parser.add_argument(
        "--language",
        default=None,
        metavar="TAG",
        help="BCP 47 language of the documents (default: en)",
    )
    parser.add_argument(
        "--format-for",
        type=_format_for,
        action="append",
        default=[],
        metavar="GLOB=FORMAT",
        help="read files matching GLOB as FORMAT (plain, markdown, html, rst)",
    )
    parser.add_argument(
        "--kind-for",
        type=_kind_for,
        action="append",
        default=[],
        metavar="GLOB=KIND",
        help="treat files matching GLOB as KIND (draft, authored)",
    )
    parser.add_argument(
        "--stdin-filename",
        default=None,
        metavar="PATH",
        help="name (and format) to use for text read from stdin",
    )
    parser.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=None,
        metavar="N",
        help="worker processes (default: CPU count)",
    )
    parser.add_argument(
        "--statistics", action="store_true", help="print counts per rule"
    )
    parser.add_argument(
        "--unsafe-fixes", action="store_true", help="also apply unsafe fixes"
    )
    parser.add_argument(
        "--diff", action="store_true", help="with fixes: print a diff, write nothing"
    )
    parser.add_argument(
        "--no-color", action="store_true", help="never colour the output"
    )
    parser.add_argument(
        "--diff-base",
        default=None,
        metavar="REF",
        help="report only findings on lines added or changed since git REF",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="neither read nor write the results cache",
    )
    parser.add_argument(
        "--cache-dir",
        default=None,
        metavar="DIR",
        help="results cache folder (default: $COPYDESK_CACHE_DIR or .copydesk_cache)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="copydesk",
        description="Editorial style and consistency linter for drafts.",
    )
    parser.add_argument(
        "--version", action="version", version=f"copydesk {__version__}"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = sub.add_parser("check", help="lint files and report findings")
    _add_lint_options(check)
    check.add_argument(
        "--fix", action="store_true", help="apply safe fixes, then report the rest"
    )
    fix = sub.add_parser(
        "fix", help="apply safe fixes (add --unsafe-fixes for the rest)"
    )
    _add_lint_options(fix)
    rules = sub.add_parser("rules", help="list the rules")
    rules.add_argument(
        "--pack", action="append", default=[], help="only this pack (repeatable)"
    )
    rules.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="DIR",
        help="extra rule directory",
    )
    rules.add_argument("--format", choices=("text", "json"), default="text")
    explain = sub.add_parser("explain", help="describe a rule, with examples")
    explain.add_argument("rule", metavar="RULE")
    explain.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="DIR",
        help="extra rule directory",
    )
    return parser


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
        and args_list[0] not in ("check", "fix", "rules", "explain")
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
        if args.command == "rules":
            from copydesk.commands import list_rules

            return list_rules(args, sys.stdout)
        if args.command == "explain":
            from copydesk.commands import explain_rule

            return explain_rule(args, sys.stdout)
        from copydesk.commands import run_lint

        return run_lint(args, sys.stdout, sys.stderr)
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


def error(message: str, stream: TextIO) -> None:
    """Print one error line."""
    print(f"copydesk: error: {message}", file=stream)


def use_color(stream: TextIO, disabled: bool) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set."""
    if disabled or os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())
