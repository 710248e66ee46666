"""Mends for what round bf of held-out trees (``bench/labels/
heldout-2026-12-07e.md``) showed, each on a document of our own."""

from __future__ import annotations

from tests.shipped_packs import lint


def test_a_safe_fix_in_a_block_quotation_becomes_unsafe() -> None:
    page = (
        "<p>He wrote to the list in 1993:</p>\n"
        "<blockquote><p>The new browser occured to us first.</p></blockquote>\n"
        "<p>It occured to us later.</p>\n"
    )
    assert [
        (f.line, f.fix is not None and f.fix.is_safe)
        for f in lint(page, "past.html", "typos")
    ] == [
        (2, False),
        (3, True),
    ]
