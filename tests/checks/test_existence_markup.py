"""Whole-line debris rules in Markdown: a line must stand alone in the source."""

from __future__ import annotations

from copydesk.batch import lint_text
from copydesk.ruleset import load_ruleset

DOC = """\
# Release notes

### `ConvertFrom-Json` comments

- Updated
  [What's new in 7.4](https://example.com/whats-new) for the GA release
- Fixed a typo in the examples

Share

Read more: [Our coverage of the summit](https://example.com/summit)
"""


def test_only_standalone_lines_are_debris() -> None:
    rs = load_ruleset(select=["artifacts"])
    found = [(f.rule, f.line) for f in lint_text(DOC, "notes.md", "markdown", rs)]
    # Line 11 holds a link: an authored page's own cross-reference, not a
    # link box pasted from a rendered page (pasting loses the markup).
    assert found == [("artifacts.Social", 9)]


def test_plain_text_keeps_line_semantics() -> None:
    rs = load_ruleset(select=["artifacts"])
    text = "Updated 3 hours ago\nShare\nThe talks went on.\n"
    found = [(f.rule, f.line) for f in lint_text(text, "draft.txt", "plain", rs)]
    assert found == [("artifacts.ReadingTime", 1), ("artifacts.Social", 2)]
