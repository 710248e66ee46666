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


def test_an_escaped_letter_does_not_carry_the_reader_past_prose() -> None:
    # docutils reads "\r\n" as "rn": looked for from the cursor, its "rn"
    # was taken from the next "kernel", and every word between was masked.
    text = (
        "* Splitting lines by \\r\\n only breaks the pager\n"
        "* Tab completion fails in the first evaulation of a class\n"
        "* The kernel restarts twice\n"
    )
    prose = read(text).prose
    assert_shown(text, prose, "Splitting lines by")
    assert_shown(text, prose, "first evaulation of a class")
    assert_shown(text, prose, "kernel restarts twice")
    assert_shown(text, prose, "only breaks the pager")


def test_a_grid_tables_cells_do_not_carry_the_reader_past_it() -> None:
    # docutils walks a row's cells column by column, where the source runs
    # line by line: the second column's words, looked for after the first
    # column's last line, were found far below (":ref:`" of a later
    # paragraph), and every paragraph between was masked.
    text = (
        "+--------+------------------------------------+\n"
        "| Python | - Parse the query (skipped if      |\n"
        "|        |   :ref:`it is prepared <prep>`)    |\n"
        "| >      | - Bind the values                  |\n"
        "| Server | - Sync                             |\n"
        "+--------+------------------------------------+\n"
        "\n"
        "The two statements pay the overhead twice.\n"
        "\n"
        "See :ref:`the guide <guide>` for the pipeline mode.\n"
    )
    prose = read(text).prose
    assert_shown(text, prose, "The two statements pay the overhead twice.")
    assert_shown(text, prose, "for the pipeline mode.")
    assert_shown(text, prose, "Python")


def test_a_sphinx_descriptions_body_is_prose_and_its_signature_code() -> None:
    text = (
        ".. py:function:: resolve_hosts(params: dict[str, Any]) -> dict\n"
        "   :noindex:\n"
        "\n"
        "   Look up the hosts when the port is the string SRV.\n"
        "\n"
        ".. autoattribute:: rowcount\n"
        "\n"
        "    The number of rows the last command affected.\n"
        "\n"
        ".. versionadded:: 3.1\n"
        "\n"
        "   Pipelines run in one round trip.\n"
        "\n"
        ".. toctree::\n"
        "\n"
        "   install\n"
    )
    prose = read(text).prose
    assert_shown(text, prose, "Look up the hosts when the port is the string SRV.")
    assert_shown(text, prose, "The number of rows the last command affected.")
    assert_shown(text, prose, "Pipelines run in one round trip.")
    assert_masked(text, prose, "resolve_hosts(params: dict[str, Any]) -> dict")
    assert_masked(text, prose, ":noindex:")
    assert_masked(text, prose, "rowcount")
    assert_masked(text, prose, "3.1")
    assert_masked(text, prose, "install")


def test_a_grid_table_right_after_another_is_read() -> None:
    text = (
        "+-----+-----+\n| a   | b   |\n+-----+-----+\n\n"
        "+---------+--------------+\n| the fee | a late cell  |\n"
        "+---------+--------------+\n\nAfter the tables.\n"
    )
    prose = read(text).prose
    assert_shown(text, prose, "the fee")
    assert_shown(text, prose, "a late cell")
    assert_shown(text, prose, "After the tables.")


def test_a_version_note_on_the_directives_next_line_is_prose() -> None:
    text = (
        ".. versionadded:: 3.1\n   The option was added.\n\n"
        ".. versionchanged:: 3.2 The option moved.\n"
    )
    prose = read(text).prose
    assert_shown(text, prose, "The option was added.")
    assert_shown(text, prose, "The option moved.")
    assert_masked(text, prose, "3.1")
    assert_masked(text, prose, "3.2")
