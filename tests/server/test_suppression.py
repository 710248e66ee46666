"""The "Disable RULE for this line" edit, checked by linting its result:
in each format the inserted directive must silence exactly that finding."""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.api import Workspace
from copydesk.fix import apply_edits
from copydesk.server.positions import PositionIndex
from copydesk.server.suppression import disable_line

CASES = {
    "plain": ("draft.txt", "Intro line.\nThe mayor of Kiev spoke.\nKiev again.\n"),
    "plain, first line": ("draft.txt", "The mayor of Kiev spoke.\n\nKiev again.\n"),
    "markdown, mid-paragraph": (
        "page.md",
        "Intro line.\nThe mayor of Kiev spoke.\n\nKiev again.\n",
    ),
    "markdown, list item": (
        "page.md",
        "- one\n- The mayor of Kiev spoke.\n\nKiev again.\n",
    ),
    "html": (
        "page.html",
        "<p>Intro line.\n  The mayor of Kiev spoke.</p>\n<p>Kiev again.</p>\n",
    ),
    "rst, paragraph start": (
        "page.rst",
        "Intro line.\n\nThe mayor of Kiev spoke.\n\nKiev again.\n",
    ),
    "rst, mid-paragraph": (
        "page.rst",
        "Intro line.\nThe mayor of Kiev spoke.\nStill here.\n\nKiev again.\n",
    ),
    "crlf": ("draft.txt", "Intro line.\r\nThe mayor of Kiev spoke.\r\nKiev again.\r\n"),
}


@pytest.mark.parametrize("case", CASES)
def test_inserted_directive_silences_only_that_finding(
    case: str, tmp_path: Path
) -> None:
    name, text = CASES[case]
    path = tmp_path / name
    workspace = Workspace(tmp_path)
    fmt = workspace.settings_for(path).format
    before = workspace.lint_text(path, text)
    places = [f for f in before if f.rule == "names.Places"]
    assert len(places) == 2, before
    target = places[0]
    index = PositionIndex(text)
    line = index.position(target.start, "utf-32")[0]
    suppression = disable_line(index, line, "names.Places", fmt)
    edited, applied, _ = apply_edits(text, suppression.edits)
    assert len(applied) == len(suppression.edits)
    after = workspace.lint_text(path, edited)
    assert [(f.rule, f.match) for f in after] == [("names.Places", "Kiev")]
    assert after[0].start > target.start  # the other one, further down
    if "\r\n" in text:
        assert "\n" not in edited.replace("\r\n", "")


def test_rst_mid_paragraph_is_wrapped_in_disable_and_enable() -> None:
    text = "Intro line.\nThe mayor of Kiev spoke.\nStill here.\n\nKiev again.\n"
    suppression = disable_line(PositionIndex(text), 1, "names.Places", "rst")
    assert suppression.title == "Disable names.Places for this paragraph"
    edited = apply_edits(text, suppression.edits)[0]
    assert edited == (
        ".. copydesk: disable=names.Places\n\n"
        "Intro line.\nThe mayor of Kiev spoke.\nStill here.\n\n"
        ".. copydesk: enable=names.Places\n\nKiev again.\n"
    )


def test_directive_keeps_the_indentation_of_the_line() -> None:
    text = "- item\n\n  continued with Kiev\n"
    suppression = disable_line(PositionIndex(text), 2, "names.Places", "markdown")
    assert suppression.edits[0].replacement == (
        "  <!-- copydesk: disable-next-line=names.Places -->\n"
    )
