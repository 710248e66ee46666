"""Python-Markdown's admonitions, details and content tabs (MkDocs, Material):
their indented bodies are Markdown, not indented code."""

from __future__ import annotations

from copydesk.markup.markdown import parse_markdown

from .helpers import assert_masked, assert_shown, check_invariants

PAGE = """\
# Flashing

Put the board in programming mode.

!!! warning "Before you flash"

    Back up the current firmware first.

    ```bash
    esptool.py read_flash 0x0 0x400000 backup.bin

    esptool.py erase_flash
    ```

        an indented code line inside the note

    - a list item in the note
      that continues here

    > a quotation inside the note

??? tip

    A folded tip.

=== "Linux"

    Tab text for Linux.

    !!! note

        A note nested in the tab.

Back to the page.
"""


def test_bodies_are_prose_and_code_in_them_stays_code() -> None:
    parsed = parse_markdown(PAGE)
    check_invariants(PAGE, parsed)
    prose = parsed.prose
    for phrase in (
        "Back up the current firmware first.",
        "a list item in the note",
        "that continues here",
        "a quotation inside the note",
        "A folded tip.",
        "Tab text for Linux.",
        "A note nested in the tab.",
        "Back to the page.",
    ):
        assert_shown(PAGE, prose, phrase)
    # a fence in a body, blank line and all; eight columns is code there
    assert_masked(PAGE, prose, "esptool.py read_flash")
    assert_masked(PAGE, prose, "esptool.py erase_flash")
    assert_masked(PAGE, prose, "an indented code line inside the note")


def test_marker_syntax_is_masked_and_the_title_is_text() -> None:
    prose = parse_markdown(PAGE).prose
    assert_masked(PAGE, prose, '!!! warning "')
    assert_shown(PAGE, prose, "Before you flash")
    closer = PAGE.index('flash"') + len("flash")
    assert prose[closer] == " "  # the title's closing mark
    assert_masked(PAGE, prose, "??? tip")
    assert_masked(PAGE, prose, '=== "')
    assert_shown(PAGE, prose, "Linux")


def test_body_blocks_keep_their_kinds_at_the_text_offsets() -> None:
    parsed = parse_markdown(PAGE)
    kinds = {
        parsed.prose[b.start : b.end].strip(): b.kind
        for b in parsed.blocks
        if parsed.prose[b.start : b.end].strip()
    }
    assert kinds["Back up the current firmware first."] == "paragraph"
    assert kinds["a list item in the note\n      that continues here"] == "list"
    assert kinds["a quotation inside the note"] == "blockquote"
    assert kinds["Before you flash"] == "paragraph"
    assert kinds["A note nested in the tab."] == "paragraph"
    # a marker line without a title gives no (empty) block
    assert all(parsed.prose[b.start : b.end].strip() for b in parsed.blocks)


def test_a_marker_in_fenced_code_is_an_example_not_a_block() -> None:
    text = (
        "Write a note like this:\n\n"
        "```markdown\n"
        '!!! note "Phasellus"\n\n'
        "    Lorem ipsum dolor sit amet amet.\n"
        "```\n"
    )
    parsed = parse_markdown(text)
    check_invariants(text, parsed)
    assert_masked(text, parsed.prose, "Lorem ipsum dolor sit amet amet.")
    assert_masked(text, parsed.prose, "Phasellus")


def test_an_admonition_in_a_list_item_and_one_indented_as_code() -> None:
    text = (
        "1. Open the settings.\n\n"
        "    !!! tip\n\n"
        "        Keep the the defaults.\n\n"
        "Text.\n\n"
        "    !!! note\n\n"
        "        Not an admonition: indented code.\n"
    )
    parsed = parse_markdown(text)
    check_invariants(text, parsed)
    assert_shown(text, parsed.prose, "Keep the the defaults.")
    assert_masked(text, parsed.prose, "Not an admonition: indented code.")


def test_line_breaks_of_every_kind_end_a_body() -> None:
    for brk in ("\n", "\r\n", "\r"):
        text = brk.join(
            [
                "!!! note",
                "",
                "    Inside the the note.",
                "",
                "Outside.",
                "    Indented code.",
            ]
        )
        parsed = parse_markdown(text)
        check_invariants(text, parsed)
        assert_shown(text, parsed.prose, "Inside the the note.")
        assert_shown(text, parsed.prose, "Outside.")
