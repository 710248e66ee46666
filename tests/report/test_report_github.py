"""GitHub workflow commands: escaping and the multi-line column rule."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copydesk.model import Finding
from copydesk.report import render
from copydesk.report.github import escape_data, escape_property
from tests.report.sample import FINDINGS, context


@pytest.mark.parametrize(
    ("raw", "data", "prop"),
    [
        ("plain", "plain", "plain"),
        ("100%", "100%25", "100%25"),
        ("%0A stays literal", "%250A stays literal", "%250A stays literal"),
        ("a\nb", "a%0Ab", "a%0Ab"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("key: a, b", "key: a, b", "key%3A a%2C b"),
        ("::error::x", "::error::x", "%3A%3Aerror%3A%3Ax"),
    ],
)
def test_escaping(raw: str, data: str, prop: str) -> None:
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


def test_levels_map_to_commands() -> None:
    commands = [
        line.split(" ", 1)[0]
        for line in render("github", FINDINGS, context()).splitlines()
    ]
    assert commands == ["::warning", "::error", "::warning", "::notice", "::notice"]


def test_message_cannot_inject_a_second_command() -> None:
    out = render("github", [FINDINGS[2]], context())
    assert out.count("\n") == 1
    assert out.endswith("%0A100%25 sure: add one, or drop the opener.\n")


def test_columns_dropped_only_when_lines_differ() -> None:
    lines = render("github", FINDINGS, context()).splitlines()
    assert "col=" not in lines[3]
    assert "endColumn=" not in lines[3]
    assert "line=5,endLine=6," in lines[3]
    assert "col=12,endLine=3,endColumn=18," in lines[0]


def test_file_property_is_relative_and_escaped() -> None:
    fields: dict[str, Any] = {n: getattr(FINDINGS[0], n) for n in Finding._fields}
    weird = Finding(**{**fields, "path": "/srv/newsroom/a,b:c.md", "rule": "x,y"})
    out = render("github", [weird], context())
    assert out.startswith("::warning file=a%2Cb%3Ac.md,line=3,")
    assert ",title=x%2Cy::" in out


def test_clean_run_prints_nothing() -> None:
    assert render("github", [], context()) == ""


def _unescape(text: str) -> str:
    """What the Actions runner does to a property value, in reverse order."""
    for code, ch in (("%2C", ","), ("%3A", ":"), ("%0A", "\n"), ("%0D", "\r")):
        text = text.replace(code, ch)
    return text.replace("%25", "%")


@given(st.text())
def test_escaping_round_trips_and_leaves_no_separators(raw: str) -> None:
    prop = escape_property(raw)
    assert _unescape(prop) == raw
    assert not {"\r", "\n", ":", ","} & set(prop)
    assert not {"\r", "\n"} & set(escape_data(raw))
