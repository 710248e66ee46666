from __future__ import annotations

from copydesk.document import Block, Directive
from copydesk.markup.plain import read

from .helpers import DOCUMENTS, assert_masked, assert_shown, check_invariants


def test_plain_text_is_all_prose() -> None:
    text = "One paragraph.\n\nTwo\nlines.\n"
    parsed = read(text)
    assert parsed.prose == text
    assert parsed.blocks == (Block(0, 14), Block(16, 26))
    assert parsed.directives == ()


def test_directive_lines_are_parsed_and_masked() -> None:
    text = (
        "copydesk: disable=names.Kyiv, quotes\n"
        "Kiev\n"
        "  # copydesk: enable\n"
        "// copydesk: disable-next-line=typos\r\n"
        "copydesk: ignore-file\n"
        "copydesk: disable=\n"
        "not copydesk: disable\n"
    )
    parsed = read(text)
    check_invariants(text, parsed)
    assert [(d.action, d.rules, d.line) for d in parsed.directives] == [
        ("disable", ("names.Kyiv", "quotes"), 1),
        ("enable", (), 3),
        ("disable-next-line", ("typos",), 4),
        ("ignore-file", (), 5),
    ]
    assert parsed.directives[0] == Directive(
        "disable", ("names.Kyiv", "quotes"), 1, 0, 36
    )
    assert_masked(text, parsed.prose, "copydesk: disable=names")
    assert_shown(text, parsed.prose, "Kiev")
    assert_shown(text, parsed.prose, "copydesk: disable=\n")
    assert_shown(text, parsed.prose, "not copydesk: disable")


def test_a_directive_after_a_lone_carriage_return_is_a_directive() -> None:
    """Old Mac line ends: a line starts after a lone CR too."""
    text = "Kiev.\rcopydesk: disable-next-line=names\rKiev again.\r"
    parsed = read(text)
    check_invariants(text, parsed)
    assert [(d.action, d.rules, d.line) for d in parsed.directives] == [
        ("disable-next-line", ("names",), 2)
    ]
    assert_masked(text, parsed.prose, "copydesk: disable-next-line")


def test_marker_without_directive_keeps_text() -> None:
    text = "copydesk: is a linter\n"
    assert read(text).prose == text


def test_plain_golden_twin() -> None:
    text = (DOCUMENTS / "guide.txt").read_text(encoding="utf-8")
    parsed = read(text)
    check_invariants(text, parsed)
    for phrase in ("Kyiv summit", '"productive"', "Kiev in quotes", "full briefing"):
        assert_shown(text, parsed.prose, phrase)
    assert_masked(text, parsed.prose, "copydesk: disable=names.Kyiv")
    assert [d.line for d in parsed.directives] == [7, 9]
