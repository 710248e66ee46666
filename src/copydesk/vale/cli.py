"""``copydesk vale``: a drop-in for the ``vale`` command.

Same options (``--config``, ``--output=CLI|line|JSON``, ``--minAlertLevel``,
``--filter``, ``--ext``, ``--glob``, ``--sort``, ``--normalize``,
``--relative``, ``--no-exit``, ``--no-global``, ``--ignore-syntax``,
``--no-wrap``), same inputs (files, folders, a string, or stdin), same
outputs and exit codes: 0, 1 when an error-level alert is printed (unless
``--no-exit``), 2 when the config or a rule file is broken. ``--format``
adds copydesk's reporters (sarif, github, json...) over the same findings.
Warnings (a rule type copydesk cannot run, an unsupported markup tool) go
to stderr, one line each, and the run goes on.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from copydesk.errors import CopydeskError
from copydesk.vale.bridge import CopydeskPacks, copydesk_pack_names
from copydesk.vale.commands import COMMANDS, run_command
from copydesk.vale.config import LEVELS, ValeConfig, load_config
from copydesk.vale.filter import FilterError, apply_filter
from copydesk.vale.globs import Glob, GlobError
from copydesk.vale.inputs import input_paths, is_text_argument, wanted
from copydesk.vale.linter import Linter
from copydesk.vale.model import LintFile
from copydesk.vale.output import has_errors, render
from copydesk.vale.rules.base import Rule
from copydesk.vale.styles import load_rules

__all__ = ["Options", "main", "parse_args"]

EXIT_CLEAN = 0
EXIT_ALERTS = 1
EXIT_ERROR = 2

_VALUE_FLAGS = {
    "sources": "sources",
    "filter": "filter",
    "glob": "glob",
    "config": "config",
    "output": "output",
    "ext": "ext",
    "minAlertLevel": "min_alert_level",
    "format": "format",
}
_BOOL_FLAGS = {
    "no-wrap": "no_wrap",
    "no-exit": "no_exit",
    "ignore-syntax": "ignore_syntax",
    "version": "version",
    "help": "help",
    "mode-compat": "mode_compat",
    "sort": "sort",
    "normalize": "normalize",
    "relative": "relative",
    "no-global": "no_global",
}
_SHORT = {"v": "version", "h": "help"}
USAGE = """usage: copydesk vale [options] [input...]

Lint files with a Vale configuration (.vale.ini) and Vale styles, as `vale` does.

options:
  --config=PATH          a .vale.ini to use instead of searching for one
  --output=CLI|line|JSON output style (default CLI)
  --format=NAME          a copydesk reporter instead (sarif, github, json, ...)
  --minAlertLevel=LEVEL  suggestion, warning or error
  --filter=EXPR          keep rules for which the expression (or file) holds
  --ext=.EXT             the extension of text read from stdin (default .txt)
  --glob=PATTERN         lint only files matching (default *)
  --sort --normalize --relative --no-global --no-exit --ignore-syntax --no-wrap
  -v, --version          print the version
"""


@dataclass
class Options:
    """The parsed command line."""

    inputs: list[str] = field(default_factory=list)
    sources: str = ""
    filter: str = ""
    glob: str = "*"
    config: str = ""
    output: str = "CLI"
    ext: str = ".txt"
    min_alert_level: str = ""
    format: str = ""
    no_wrap: bool = False
    no_exit: bool = False
    ignore_syntax: bool = False
    version: bool = False
    help: bool = False
    mode_compat: bool = False
    sort: bool = False
    normalize: bool = False
    relative: bool = False
    no_global: bool = False


def _packs_named(config: ValeConfig) -> frozenset[str]:
    """copydesk packs named rule by rule (``typos.Doubled = YES``) whose
    style folder is not on the StylesPath."""
    named = {key.split(".", 1)[0] for key in config.checks if "." in key}
    packs = copydesk_pack_names()
    return frozenset(
        style
        for style in named & packs
        if not any((root / style).is_dir() for root in config.search_paths())
    )


class UsageError(CopydeskError):
    """A command line pflag would reject."""


def _bool(value: str, name: str) -> bool:
    lowered = value.lower()
    if lowered in ("1", "t", "true"):
        return True
    if lowered in ("0", "f", "false"):
        return False
    raise UsageError("", f'invalid argument "{value}" for "--{name}" flag')


def parse_args(argv: Sequence[str]) -> Options:
    """Read Vale's options the way pflag does (``--flag=value``, ``--flag value``,
    ``-v``; ``--`` ends options)."""
    options = Options()
    args = list(argv)
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if arg == "--":
            options.inputs.extend(args[i:])
            break
        if arg.startswith("--"):
            name, has_value, value = arg[2:].partition("=")
        elif arg.startswith("-") and len(arg) > 1:
            name, has_value, value = _SHORT.get(arg[1:2], arg[1:]), "", ""
            if len(arg) > 2 and arg[1:] not in _SHORT:
                raise UsageError("", f"unknown shorthand flag: {arg[1:2]!r} in {arg}")
        else:
            options.inputs.append(arg)
            continue
        if name in _VALUE_FLAGS:
            if not has_value:
                if i >= len(args):
                    raise UsageError("", f"flag needs an argument: --{name}")
                value = args[i]
                i += 1
            setattr(options, _VALUE_FLAGS[name], value)
        elif name in _BOOL_FLAGS:
            setattr(
                options, _BOOL_FLAGS[name], _bool(value, name) if has_value else True
            )
        else:
            raise UsageError("", f"unknown flag: --{name}")
    return options


class _Run:
    """One invocation: the config, the linter and the files it lints."""

    def __init__(self, options: Options, stderr: TextIO) -> None:
        self.options = options
        self.stderr = stderr
        self.warned: set[str] = set()

    def warn(self, message: str) -> None:
        if message not in self.warned:
            self.warned.add(message)
            print(f"copydesk vale: warning: {message}", file=self.stderr)

    def config(self) -> ValeConfig:
        options = self.options
        level = options.min_alert_level if options.min_alert_level in LEVELS else ""
        return load_config(
            Path(options.config) if options.config else None,
            Path.cwd(),
            options.no_global,
            level,
        )

    def setup(self) -> tuple[ValeConfig, Linter]:
        options = self.options
        config = self.config()
        for message in config.warnings:
            self.warn(message)
        loaded = load_rules(config, copydesk_pack_names())
        for message in loaded.warnings:
            self.warn(message)
        rules = loaded.rules
        if options.filter:
            rules = self.filtered(config, rules)
        ext = options.ext if options.ext.startswith(".") else "." + options.ext
        linter = Linter(
            config, rules, in_ext=ext, simple=options.ignore_syntax, warn=self.warn
        )
        requested = frozenset(loaded.foreign) | _packs_named(config)
        if requested:
            linter.extra = CopydeskPacks(config, requested).alerts
        return config, linter

    def filtered(self, config: ValeConfig, rules: dict[str, Rule]) -> dict[str, Rule]:
        fields = []
        for name, rule in rules.items():
            definition = rule.definition
            fields.append(
                {
                    "Name": name,
                    "Level": definition.level,
                    "Scope": list(definition.scope),
                    "Extends": definition.extends,
                    "Message": definition.message,
                    "Description": definition.description,
                    "Link": definition.link,
                    "Limit": definition.limit,
                }
            )
        try:
            kept = apply_filter(self.options.filter, fields)
        except FilterError as exc:
            raise CopydeskError("--filter", str(exc)) from None
        if ".Level" in self.options.filter:
            for entry in kept:
                config.min_alert_level = min(
                    config.min_alert_level, LEVELS.get(entry["Level"], 1)
                )
        return {entry["Name"]: rules[entry["Name"]] for entry in kept}

    def lint(self, linter: Linter) -> list[LintFile]:
        inputs = self.options.inputs
        if is_text_argument(inputs):
            return [linter.lint(inputs[0], False)]
        if not inputs:
            return [linter.lint(sys.stdin.read(), False)]
        try:
            pattern = Glob.compile(self.options.glob)
        except GlobError as exc:
            raise CopydeskError("--glob", str(exc)) from None
        keep = wanted(linter.config, pattern)
        return [linter.lint(path, True) for path in input_paths(inputs, keep)]


def _show_error(error: CopydeskError, output: str, stream: TextIO) -> None:
    from copydesk.vale.output import go_json

    if output == "JSON":
        payload = {
            "Line": 1,
            "Path": error.path,
            "Text": error.reason,
            "Code": "E201",
            "Span": 1,
        }
        print(go_json(payload), file=stream)
    elif output == "line" and error.path:
        print(f"{error.path}:1:E201:{error.reason}", file=stream)
    else:
        print(f"copydesk vale: error: {error}", file=stream)


def main(
    argv: list[str], stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run ``copydesk vale`` with ``argv`` (the arguments after ``vale``)."""
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    try:
        options = parse_args(argv)
    except UsageError as exc:
        print(f"copydesk vale: error: {exc}\n{USAGE}", file=err, end="")
        return EXIT_ERROR
    if options.version:
        from copydesk import __version__

        print(f"copydesk vale (copydesk {__version__})", file=out)
        return EXIT_CLEAN
    if options.help:
        print(USAGE, file=out, end="")
        return EXIT_CLEAN
    run = _Run(options, err)
    if options.inputs and options.inputs[0] in COMMANDS:
        try:
            return run_command(options.inputs[0], run.config, out)
        except CopydeskError as exc:
            _show_error(exc, options.output, err)
            return EXIT_ERROR
    if not options.inputs and sys.stdin.isatty():
        print(USAGE, file=out, end="")
        return EXIT_CLEAN
    try:
        _config, linter = run.setup()
        files = run.lint(linter)
    except CopydeskError as exc:
        _show_error(exc, options.output, err)
        return EXIT_ERROR
    if options.sort:
        files.sort(key=lambda f: f.path)
    if options.normalize:
        for file in files:
            file.path = file.path.replace("\\", "/")
    if options.format:
        from copydesk.vale.findings import render_findings

        try:
            out.write(render_findings(files, options.format))
        except ValueError as exc:
            print(f"copydesk vale: error: {exc}", file=err)
            return EXIT_ERROR
    else:
        if options.output not in ("CLI", "line", "JSON"):
            run.warn(
                f"--output={options.output}: Go templates are not supported; "
                "printing the CLI output"
            )
        color = (
            options.output == "CLI" and out.isatty() and "NO_COLOR" not in os.environ
        )
        out.write(render(files, options.output, wrap=not options.no_wrap, color=color))
    if linter.stopped:
        return EXIT_ERROR  # incomplete: a rule was stopped at its time limit
    if has_errors(files) and not options.no_exit:
        return EXIT_ALERTS
    return EXIT_CLEAN
