"""A run builds only its own subcommand's parser, and parses as the full one."""

from __future__ import annotations

import argparse
import shutil
import sys

import pytest

from copydesk.cli.main import command_of
from copydesk.cli.parser import COMMANDS, build_parser
from copydesk.cli.terminal import width_for

LINES = {
    "check": ["check", "--format", "json", "--no-cache", "--jobs", "2", "a.md", "b"],
    "fix": ["fix", "--unsafe-fixes", "--diff", "drafts/"],
    "rules": ["rules", "--pack", "names", "--format", "json"],
    "explain": ["explain", "names.Places", "--rules", "house/"],
    "server": ["server"],
    "config": ["config", "drafts/today.txt", "--format", "json"],
    "init": ["init", "--profile", "docs"],
    "baseline": ["baseline", "--baseline", "b.json", "drafts/"],
}


def _subparser(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    found: argparse.ArgumentParser = sub.choices[name]
    return found


@pytest.mark.parametrize("name", sorted(LINES))
def test_a_commands_own_parser_parses_and_helps_as_the_full_one(name: str) -> None:
    assert command_of(LINES[name]) == name
    full, own = build_parser(), build_parser(name)
    assert own.parse_known_args(LINES[name]) == full.parse_known_args(LINES[name])
    helped = _subparser(own, name).format_help()
    assert helped == _subparser(full, name).format_help()


def test_every_command_has_a_line_and_a_path_or_option_picks_its_parser() -> None:
    assert set(COMMANDS) == {*LINES, "vale"}
    assert command_of(["drafts/today.txt"]) == "check"
    assert command_of(["chek", "x"]) == "check"  # main refuses it if not a file
    assert command_of(["--version"]) is None
    assert command_of([]) is None
    [sub] = [
        a
        for a in build_parser("fix")._actions
        if isinstance(a, argparse._SubParsersAction)
    ]
    assert list(sub.choices) == ["fix"]


@pytest.mark.parametrize("columns", [None, "57", "200", "0", "wide"])
@pytest.mark.parametrize("name", ["check", "fix"])
def test_help_is_as_wide_as_argparse_would_make_it(
    name: str, columns: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Our formatter asks the width as ``shutil`` does (without importing
    it): the help argparse's own formatter prints, line for line."""
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert width_for(sys.__stdout__, 80) == shutil.get_terminal_size().columns
    for parser in (build_parser(name), _subparser(build_parser(name), name)):
        ours = parser.format_help()
        parser.formatter_class = argparse.RawDescriptionHelpFormatter
        assert parser.format_help() == ours
