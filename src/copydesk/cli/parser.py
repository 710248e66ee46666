"""Command-line parsing for ``copydesk``: every subcommand's flags, nothing else.

The answers go to ``copydesk.cli.check``, ``rules``, ``explain`` and the
editor server; none of them is imported here, so ``--version`` starts fast.
"""

from __future__ import annotations

import argparse

from copydesk import __version__

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
    sub.add_parser(
        "server", help="run the editor server (Language Server Protocol over stdio)"
    )
    return parser
