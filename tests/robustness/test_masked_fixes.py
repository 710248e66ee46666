"""A fix that would change a masked byte is withdrawn; its finding stays.

``artifacts.Related`` removes a related-articles line whole, but the line may
hold a URL, inline code or a tag: the hostile run (``fuzz/hostile_run.py
--docs 800 --huge 1 --seed 2030``) found it deleting a URL in plain text and
an HTML ``<pre>`` opener, leaving its ``</pre>`` orphaned. The engine now
drops such a fix (``engine.keep_masks``), in every format.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk import markup
from copydesk.batch import lint_text
from copydesk.cli import main
from copydesk.masked_edits import changes_a_mask
from copydesk.model import Edit, Finding
from copydesk.ruleset import Ruleset, load_ruleset

from .masks import masked_spans

#: (format, document, the masked text its debris line holds).
DEBRIS_WITH_MASKS = [
    (
        "plain",
        "x ok\nRead more: https://example.com/Kiev\n",
        "https://example.com/Kiev",
    ),
    (
        "html",
        "<kbd>teh</kbd> \nRelated:Lwiw”<pre>teh \"\n'</pre>\n",
        "<pre>teh \"\n'</pre>",
    ),
    (
        "markdown",
        "Kyiv said so.\n\nRead more: <https://example.com/kiev>\n\nMore text.\n",
        "<https://example.com/kiev>",
    ),
    ("markdown", "Kyiv said so.\n\nRelated: `Get-Help`\n\nMore text.\n", "`Get-Help`"),
    (
        "rst",
        "Kyiv said so.\n\nRelated: ``Get-Help -Full``\n\nMore text.\n",
        "``Get-Help -Full``",
    ),
    (
        "html",
        '<p>Kyiv said so.</p>\n<p>Related: <a href="https://example.com/x">Kyiv</a></p>\n',
        '<a href="https://example.com/x">',
    ),
]

_SUFFIX = {"plain": "txt", "markdown": "md", "rst": "rst", "html": "html"}


def shipped() -> Ruleset:
    return load_ruleset()


def related(found: list[Finding]) -> list[Finding]:
    return [f for f in found if f.rule == "artifacts.Related"]


@pytest.mark.parametrize(("fmt", "text", "masked"), DEBRIS_WITH_MASKS)
def test_the_debris_line_is_found_without_a_fix(
    fmt: str, text: str, masked: str
) -> None:
    found = related(lint_text(text, "doc", fmt, shipped(), kind="draft"))
    assert len(found) == 1
    assert found[0].fix is None
    # The mask stands on the debris line itself: the line cannot go whole.
    assert found[0].line == text.count("\n", 0, text.index(masked)) + 1


@pytest.mark.parametrize(("fmt", "text", "masked"), DEBRIS_WITH_MASKS)
def test_unsafe_fixes_leave_the_masked_bytes(
    fmt: str, text: str, masked: str, workdir: Path
) -> None:
    path = workdir / f"draft.{_SUFFIX[fmt]}"
    path.write_bytes(text.encode())
    main(["fix", "--no-cache", "--unsafe-fixes", "--kind-for", "*=draft", path.name])
    after = path.read_bytes().decode()
    assert masked in after
    assert "Related" in after or "Read more" in after


def test_a_debris_line_without_masks_keeps_its_fix() -> None:
    text = "Kyiv said so.\n\nRead more: Why the talks failed\n\nMore text.\n"
    (finding,) = related(lint_text(text, "doc", "markdown", shipped(), kind="draft"))
    assert finding.fix is not None
    assert finding.fix.edits == (Edit(14, 47, ""),)


def test_a_quoted_artifact_line_still_goes_with_its_markers() -> None:
    """The quote and bullet markers the Markdown reader masks are the line's
    own: the line is deleted with them (as test_masks allows)."""
    text = "> > Share this article\n\n- Share this article\n- Kiev said so.\n"
    found = lint_text(text, "doc", "markdown", shipped())
    edits = [f.fix.edits for f in found if f.rule == "artifacts.Social" and f.fix]
    assert edits == [(Edit(0, 24, ""),), (Edit(23, 45, ""),)]


#: Code between prose: ``a  `x  y`  b``, the code span at 3..11.
CODE = "a  `x  y`  b\n"


@pytest.mark.parametrize(
    ("edit", "changes"),
    [
        (Edit(0, 3, ""), False),  # prose up to the mask's edge
        (Edit(9, 11, ""), False),  # from its end on
        (Edit(3, 3, "z"), False),  # insertion at its start ...
        (Edit(9, 9, "z"), False),  # ... and at its end
        (Edit(5, 5, "z"), True),  # insertion inside
        (Edit(5, 7, " "), True),  # the white space inside it
        (Edit(6, 6, "z"), True),
        (Edit(2, 4, ""), True),  # its first byte
        (Edit(0, 13, ""), True),  # the whole line, mask and all
        (Edit(0, 99, ""), False),  # out of bounds: the fix run drops it
    ],
)
def test_changes_a_mask_reads_spans_as_the_oracle(edit: Edit, changes: bool) -> None:
    prose = markup.read("markdown", CODE).prose
    assert masked_spans(CODE, prose) == [(3, 9)]
    assert changes_a_mask(CODE, prose, edit) is changes
