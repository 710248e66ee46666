from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copydesk.markup.rst import parse_rst, read

from .helpers import DOCUMENTS, assert_masked, assert_shown, check_invariants

FRAGMENTS = [
    "*",
    "**",
    "`",
    "``",
    "_",
    "`_",
    "::",
    ".. ",
    ".. code-block:: python\n\n   ",
    ".. note:: ",
    ".. |x| replace:: ",
    ".. _t: http://u",
    ".. copydesk: disable\n",
    ":ref:`a <b>`",
    ":term:`t`",
    ":func:`f`",
    "|x|",
    "[1]_",
    ".. [1] ",
    "\n",
    "\n\n",
    "\r",
    "\r\n",
    "   ",
    "====",
    "----",
    "- ",
    "#. ",
    "+---+",
    "| ",
    "\\",
    "\x00",
    "é",
    "😀",
    "<",
    ">",
    "http://x.y",
    ".. image:: i.png\n   :alt: ",
]
rstish = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=40
).map("".join)


def test_golden_document() -> None:
    text = (DOCUMENTS / "guide.rst").read_text(encoding="utf-8")
    parsed = read(text)
    check_invariants(text, parsed)
    prose = parsed.prose
    for phrase in [
        "Field guide",
        "Covering the Kyiv summit",
        '"productive"',
        "publish",
        "full briefing",
        "Kiev in quotes",
        "Confirm every quote with the speaker",
        '"Never guess a name," said the desk chief.',
        "Call the press office",
        "before filing",
        "capital of Ukraine",
        "A crowd in Independence Square",
        "house style",
        "the names list",
        "Curly “quotes” stay, and Lévy keeps his accent.",
    ]:
        assert_shown(text, prose, phrase)
    for phrase in [
        "===========",
        ":Author:",
        "========================",
        "https://example.com/kiev-briefing",
        "https://example.com/kiev-live",
        "copydesk: disable",
        "``check --names Kiev``",
        ".. code-block:: python",
        'print("an unbalanced quote in code)',
        "indented code with Kiev inside",
        "+-------+",
        "images/kiev-square.jpg",
        ":alt:",
        ":term:",
        "<kiev-names>",
        ":func:`kiev_lookup`",
        ".. |city| replace:: Kiev",
        "https://example.com/kiev-names",
        "kiev/index",
    ]:
        assert_masked(text, prose, phrase)
    assert [(d.action, d.rules, d.line) for d in parsed.directives] == [
        ("disable", ("names.Kyiv",), 15),
        ("enable", ("names.Kyiv",), 19),
    ]


def test_golden_blocks() -> None:
    text = (DOCUMENTS / "guide.rst").read_text(encoding="utf-8")
    kinds = {text[b.start : b.end]: b.kind for b in read(text).blocks}
    assert kinds["Covering the Kyiv summit"] == "heading"
    assert kinds["Call the press office"] == "list"
    assert kinds['"Never guess a name," said the desk chief.'] == "blockquote"
    assert kinds["capital of Ukraine"] == "table"
    assert kinds["A crowd in Independence Square"] == "alt"


def test_directive_in_literal_block_is_ignored() -> None:
    text = "Example::\n\n   .. copydesk: ignore-file\n\nText.\n"
    assert read(text).directives == ()


def test_errors_are_quiet(capsys: pytest.CaptureFixture[str]) -> None:
    parsed = read("Broken `link\n\n.. unknown:: x\n\n:bad:`role`\n")
    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out == ""
    assert_shown("Broken `link", parsed.prose, "Broken")


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(rstish)
def test_invariants_on_rstish_input(text: str) -> None:
    check_invariants(text, parse_rst(text))


@settings(max_examples=100)
@given(st.text())
def test_invariants_on_any_text(text: str) -> None:
    check_invariants(text, parse_rst(text))


@pytest.mark.parametrize(
    "text",
    [
        "".join("  " * i + "- x\n\n" for i in range(100)),
        "".join("  " * i + "quote\n\n" for i in range(100)),
        "a" * 100_000,
        "\r" * 100 + "x\r",
        "\x00`\x00`",
        "=" * 5000,
    ],
)
def test_pathological_inputs(text: str) -> None:
    check_invariants(text, parse_rst(text))


def test_docutils_recursion_falls_back_to_prose() -> None:
    text = "".join("  " * i + "- x\n\n" for i in range(400))
    with pytest.raises(RecursionError):
        parse_rst(text)
    parsed = read(text)
    assert parsed.prose == text
    assert parsed.blocks
