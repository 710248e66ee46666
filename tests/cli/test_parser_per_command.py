"""A run builds only its own subcommand's parser, and parses as the full one."""

from __future__ import annotations

import argparse

import pytest

from copydesk.cli.main import command_of
from copydesk.cli.parser import COMMANDS, build_parser

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
