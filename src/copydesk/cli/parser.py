"""Command-line parsing for ``copydesk``: every subcommand's flags, nothing else.

The answers go to ``copydesk.cli.check``, ``rules``, ``explain`` and the
editor server; none of them is imported here, so ``--version`` starts fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any, NoReturn

from copydesk import __version__
from copydesk.errors import CopydeskError
from copydesk.lazy_patterns import later_re

OUTPUT_FORMATS = (
    "text",
    "concise",
    "json",
    "github",
    "sarif",
    "junit",
    "checkstyle",
    "rdjson",
)
FAIL_LEVELS = ("suggestion", "warning", "error", "none")
COLOR_MODES = ("auto", "always", "never")

EPILOG = """\
examples:
  copydesk check drafts/                  lint a folder (walked recursively)
  copydesk drafts/today.txt               the same: check is the default command
  copydesk check --format concise -       one line per finding, text from stdin
  copydesk fix --diff drafts/             the safe fixes as a diff; nothing written
  copydesk config drafts/today.txt        the settings that apply to a file, and why
  copydesk explain names.Places           what a rule looks for, with examples
  copydesk init --profile docs            a commented starter config

exit codes:
  0  no finding at or above the fail level
  1  findings at or above the fail level (fix --diff: changes to make)
  2  usage, config, rule-file or input error (one line on stderr)
"""


class UsageError(CopydeskError):
    """A command line copydesk cannot run: printed as one line, exit 2."""

    def __init__(self, reason: str) -> None:
        super().__init__("", reason)


class Parser(argparse.ArgumentParser):
    """argparse whose errors are one line with a suggestion, not usage and exit.

    argparse prints the whole usage and exits inside ``parse_args``; copydesk
    wants every user-facing problem as one ``copydesk: error:`` line (exit 2),
    so errors are raised instead and ``main`` prints them. Every parser,
    each subcommand's too, formats with ``Formatter`` unless told otherwise:
    one left with argparse's own imports ``shutil`` when it is made, which
    was 5 M instructions of ``copydesk --version`` (every subcommand's
    parser is built there).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise UsageError(_with_suggestion(message))


class Formatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter (descriptions kept as written), told the width.

    argparse makes a formatter for every option it adds, to check its
    metavar, and one left to find the width itself imports ``shutil`` (with
    ``bz2``, ``lzma`` and ``fnmatch``) to ask for it, which a one-file check
    imports for nothing else. The width is the terminal's as the reports
    read it (``cli.terminal.width_for``), with ``shutil``'s default of 80.
    """

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:
            from copydesk.cli.terminal import width_for

            width = width_for(sys.__stdout__, 80) - 2  # the margin argparse leaves
        super().__init__(prog, indent_increment, max_help_position, width)


_INVALID_CHOICE = later_re(
    r"(?P<head>.*)invalid choice: '(?P<value>[^']*)' \(choose from (?P<choices>.*)\)"
)


def _with_suggestion(message: str) -> str:
    """argparse's ``invalid choice`` message, shorter and with a guess."""
    from copydesk.suggest import hint

    found = _INVALID_CHOICE.fullmatch(message)
    if found is None:
        return message
    choices = [c.strip().strip("'") for c in found["choices"].split(",")]
    value = found["value"]
    return (
        f"{found['head']}unknown choice {value!r}{hint(value, choices)}; "
        f"choose from {', '.join(choices)}"
    )


def _jobs(value: str) -> int:
    """``--jobs``: a whole number of worker processes, at least one."""
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        msg = f"expected a whole number of worker processes, 1 or more, got {value!r}"
        raise argparse.ArgumentTypeError(msg)
    return jobs


def _shard(value: str) -> tuple[int, int]:
    """``--shard K/N``: the K-th of N parts of the files, 1 <= K <= N."""
    index, sep, count = value.partition("/")
    if sep and index.isdigit() and count.isdigit() and 1 <= int(index) <= int(count):
        return int(index), int(count)
    msg = f"expected K/N with 1 <= K <= N (the K-th of N CI jobs), got {value!r}"
    raise argparse.ArgumentTypeError(msg)


def _encoding(value: str) -> str:
    """``--encoding``: a legacy text encoding Python knows (cp1252, latin-1)."""
    from copydesk.textio import legacy_codec

    try:
        return legacy_codec(value) or ""
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _seconds(value: str) -> float:
    """``--file-timeout``: seconds, 0 or more (0: no limit)."""
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < float("inf"):
        msg = f"expected a number of seconds, 0 (no limit) or more, got {value!r}"
        raise argparse.ArgumentTypeError(msg)
    return seconds


def _language(value: str) -> str:
    from copydesk.langtag import tag_problem

    problem = tag_problem(value)
    if problem is not None:
        raise argparse.ArgumentTypeError(problem)
    return value


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


def _add_settings_options(parser: argparse.ArgumentParser) -> None:
    """The flags that override config settings (``check``, ``fix``, ``config``)."""
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
        type=_language,
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
    _add_config_options(parser)


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
    _add_settings_options(parser)
    parser.add_argument(
        "--stdin-filename",
        default=None,
        metavar="PATH",
        help="name (and format) to use for text read from stdin",
    )
    _add_reading_options(parser)
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
        "--color",
        choices=COLOR_MODES,
        default="auto",
        help="colour the text output: auto (on a terminal, unless NO_COLOR is set;"
        " FORCE_COLOR forces it), always or never (default: auto)",
    )
    parser.add_argument(
        "--no-color",
        dest="color",
        action="store_const",
        const="never",
        help="the same as --color=never",
    )
    parser.add_argument(
        "--output-file",
        "-o",
        default=None,
        metavar="PATH",
        help="write the report (or the diff) to PATH, atomically, not to stdout",
    )
    parser.add_argument(
        "--quiet",
        "-q",
        action="store_true",
        help="findings only: no summary, no fix tally, no progress bar",
    )
    parser.add_argument(
        "--diff-base",
        default=None,
        metavar="REF",
        help="report only findings on lines added or changed since git REF",
    )
    parser.add_argument(
        "--shard",
        type=_shard,
        default=None,
        metavar="K/N",
        help="lint only the K-th of N parts of the files (split by a hash of"
        " each path), for N parallel CI jobs",
    )
    parser.add_argument(
        "--baseline",
        default=None,
        metavar="FILE",
        help="report only findings not recorded in FILE (written by copydesk"
        " baseline; default: the config's baseline key)",
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


def _add_reading_options(parser: argparse.ArgumentParser) -> None:
    """How files are read and linted (``check``, ``fix``, ``baseline``)."""
    parser.add_argument(
        "--encoding",
        type=_encoding,
        default=None,
        metavar="CODEC",
        help="read text files without a BOM in this legacy encoding (cp1252,"
        " latin-1, ...) instead of UTF-8; fixes are written back in it",
    )
    parser.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=None,
        metavar="N",
        help="worker processes (default: CPU count)",
    )
    parser.add_argument(
        "--file-timeout",
        type=_seconds,
        default=None,
        metavar="SECONDS",
        help="stop linting a file after this long and report copydesk.file-timeout"
        " (default: 60; 0: no limit)",
    )


def _byte_size(value: str) -> int:
    """``--max-document-bytes``: a whole number of bytes, at least one."""
    if value.isdigit() and int(value) >= 1:
        return int(value)
    msg = f"expected a whole number of bytes, 1 or more, got {value!r}"
    raise argparse.ArgumentTypeError(msg)


def _add_collection_options(parser: argparse.ArgumentParser) -> None:
    """``check --collection``: documents from one JSON Lines or Parquet file,
    and ``--learn-boilerplate`` for folders."""
    group = parser.add_argument_group("collections (JSON Lines, Parquet)")
    group.add_argument(
        "--collection",
        default=None,
        metavar="FILE",
        help="lint the documents of FILE (.jsonl, or .parquet with"
        " copydesk[scale]); findings as JSON Lines keyed by id (-o F.parquet:"
        " Parquet)",
    )
    for flag, default, what in (
        ("--text-field", "text", "the document's text"),
        ("--id-field", "id", "its id (default: id, else its line or row number)"),
    ):
        group.add_argument(
            flag, default=default, metavar="NAME", help=f"field holding {what}"
        )
    group.add_argument(
        "--format-field",
        default=None,
        metavar="NAME",
        help="field holding each document's format (plain, markdown, html, rst)",
    )
    group.add_argument(
        "--input-format",
        choices=("plain", "markdown", "html", "rst"),
        default="plain",
        help="format of every document without a format field (default: plain)",
    )
    group.add_argument(
        "--source-field",
        default=None,
        metavar="NAME",
        help="field naming each document's source (site, feed): boilerplate"
        " lines are counted per source (default: one source)",
    )
    group.add_argument(
        "--max-document-bytes",
        type=_byte_size,
        default=None,
        metavar="N",
        help="skip (and report) a document over N bytes (default: 16 MiB)",
    )
    group.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local: this process; dask: a Dask cluster, local (--jobs"
        " workers) or --scheduler's (default: local)",
    )
    group.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="with --engine dask: the scheduler to use (tcp://host:8786);"
        " -o names a folder for the partitioned findings",
    )
    parser.add_argument(
        "--learn-boilerplate",
        action="store_true",
        help="with folders: count lines across the files of each folder first,"
        " so artifacts.Boilerplate finds furniture they repeat (no cache)",
    )


def _add_config_options(parser: argparse.ArgumentParser) -> None:
    """``--config`` and ``--isolated``: which config files apply, if any."""
    parser.add_argument(
        "--config",
        default=None,
        metavar="FILE",
        help="use this config file (pyproject.toml or .copydesk.toml) for every"
        " file, instead of the nearest one",
    )
    parser.add_argument(
        "--isolated",
        action="store_true",
        help="read no config file: defaults and flags only",
    )


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of the command line: of every subcommand, or of ``command``'s only.

    A run needs only its own subcommand's parser, and argparse's work for
    each one (a help formatter per option, a look-up of translations on disk
    per parser) would be a hundredth of a one-file check; ``--help`` and a
    command line that starts with an option get every subcommand.
    """
    parser = Parser(
        prog="copydesk",
        description="Editorial style and consistency linter for drafts.",
        epilog=EPILOG,
    )
    parser.add_argument(
        "--version", action="version", version=f"copydesk {__version__}"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, add in _COMMANDS.items():
        if command is None or name == command:
            add(sub)
    return parser


def _add_check_command(sub: argparse._SubParsersAction[Parser]) -> None:
    check = sub.add_parser(
        "check",
        help="lint files and report findings",
        epilog=EPILOG,
    )
    _add_lint_options(check)
    check.add_argument(
        "--fix", action="store_true", help="apply safe fixes, then report the rest"
    )
    _add_collection_options(check)


def _add_fix_command(sub: argparse._SubParsersAction[Parser]) -> None:
    fix = sub.add_parser(
        "fix",
        help="apply safe fixes (add --unsafe-fixes for the rest)",
        epilog=EPILOG,
    )
    _add_lint_options(fix)


def _add_rules_command(sub: argparse._SubParsersAction[Parser]) -> None:
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


def _add_explain_command(sub: argparse._SubParsersAction[Parser]) -> None:
    explain = sub.add_parser("explain", help="describe a rule, with examples")
    explain.add_argument("rule", metavar="RULE")
    explain.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="DIR",
        help="extra rule directory",
    )


def _add_server_command(sub: argparse._SubParsersAction[Parser]) -> None:
    sub.add_parser(
        "server", help="run the editor server (Language Server Protocol over stdio)"
    )


def _add_vale_command(sub: argparse._SubParsersAction[Parser]) -> None:
    # Listed for --help and did-you-mean only: ``main`` hands ``vale`` its
    # arguments before argparse runs, since they are Vale's own options.
    sub.add_parser(
        "vale",
        add_help=False,
        help="lint with a Vale config and its styles (Vale's options and output)",
    )


def _add_baseline_command(sub: argparse._SubParsersAction[Parser]) -> None:
    """``baseline``: record today's findings, so check reports only new ones."""
    baseline = sub.add_parser(
        "baseline",
        help="record the current findings in a baseline file, so that"
        " check --baseline reports only new ones",
    )
    baseline.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or directories (default: .)"
    )
    baseline.add_argument(
        "--baseline",
        default=None,
        metavar="FILE",
        help="the file to write (default: the config's baseline key, else"
        " .copydesk-baseline.json)",
    )
    _add_settings_options(baseline)
    _add_reading_options(baseline)


def _add_config_command(sub: argparse._SubParsersAction[Parser]) -> None:
    """``config``: which settings apply, and why."""
    config = sub.add_parser(
        "config",
        help="show the settings that apply to a file, and where each comes from",
    )
    config.add_argument(
        "path",
        nargs="?",
        default=".",
        metavar="PATH",
        help="a file or folder (it need not exist; default: .)",
    )
    config.add_argument("--format", choices=("text", "json"), default="text")
    _add_settings_options(config)


def _add_init_command(sub: argparse._SubParsersAction[Parser]) -> None:
    """``init``: a starter config."""
    init = sub.add_parser(
        "init", help="write a commented starter config (.copydesk.toml)"
    )
    init.add_argument(
        "--profile",
        choices=("newsroom", "docs"),
        default="newsroom",
        help="newsroom: drafts pasted from anywhere; docs: a documentation tree"
        " (draft-only rules off) (default: newsroom)",
    )


#: Every subcommand, in ``--help`` order, with what adds its parser.
_COMMANDS: dict[str, Callable[[argparse._SubParsersAction[Parser]], None]] = {
    "check": _add_check_command,
    "fix": _add_fix_command,
    "rules": _add_rules_command,
    "explain": _add_explain_command,
    "server": _add_server_command,
    "vale": _add_vale_command,
    "config": _add_config_command,
    "init": _add_init_command,
    "baseline": _add_baseline_command,
}
#: The subcommands' names.
COMMANDS = tuple(_COMMANDS)
