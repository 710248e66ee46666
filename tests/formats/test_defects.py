"""Defects outside the readers: fixed ones as tests, open ones as strict xfails.

Each test states the behaviour issue 5 asks for. Those still marked xfail
fail today; ``strict=True`` makes them fail loudly once the defect is fixed,
so the marker gets removed.
"""

from __future__ import annotations

import pytest

from copydesk.model import Finding

from .golden import lint


def _apply(text: str, finding: Finding) -> str:
    assert finding.fix is not None
    for edit in sorted(finding.fix.edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text


def test_whole_line_artifact_ends_at_its_prose() -> None:
    text = "<ul>\n<li>First point.</li>\n<li>Share</li>\n</ul>\n"
    (found,) = lint(text, "html")
    assert (found.rule, found.match, found.end_col) == ("artifacts.Social", "Share", 10)


def test_quote_written_as_a_character_reference() -> None:
    text = "<p>He called it &ldquo;a grave mistake&quot; and left.</p>\n"
    (found,) = lint(text, "html")
    assert found.rule == "quotes.Mixed"
    fixed = _apply(text, found)
    assert "”quot;" not in fixed
    assert found.match == "&quot;"


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("html", "<p>“We stay here.</p>\n<p>“We are not leaving,” he said.</p>\n"),
        ("markdown", "> “We stay here.\n>\n> “We are not leaving,” he said.\n"),
    ],
)
def test_quotation_continued_over_paragraphs_in_markup(fmt: str, text: str) -> None:
    assert lint("“We stay here.\n\n“We are not leaving,” he said.\n", "plain") == []
    assert lint(text, fmt) == []


def test_rst_disable_next_line_before_a_blank_line() -> None:
    text = "Intro.\n\n.. copydesk: disable-next-line=names.Places\n\nThe Odessa desk.\n"
    assert lint(text, "rst") == []


@pytest.mark.xfail(
    strict=True,
    reason="checks/existence.py: whole-line artifact rules look at source lines, "
    "so list items written on one line (common in generated HTML) never match",
)
def test_share_list_item_in_one_line_html() -> None:
    text = "<ul><li>First point.</li><li>Share</li><li>Last point.</li></ul>\n"
    assert [f.rule for f in lint(text, "html")] == ["artifacts.Social"]
