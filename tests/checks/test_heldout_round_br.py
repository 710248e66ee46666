"""Mends for what round br of held-out trees (``bench/labels/
heldout-2026-12-07r.md``: MkDocs Material's own docs, fish's Sphinx docs,
Jekyll's docs, the vile editor's HTML manual, the CodeRefinery blog and
Apache Answer's blog) showed, each on a document of our own."""

from __future__ import annotations

from tests.shipped_packs import found


def test_a_prepositions_object_it_then_a_clause_in_the_past() -> None:
    text = (
        "Even for the length of it it felt a bit crowded.\n"
        "When we got to it it seemed smaller.\n"
        "She said it it was over.\n"
        "They took it it went wrong.\n"
    )
    assert found(text, "post.md", "style") == [
        (3, 10, "style.Repetition"),
        (4, 11, "style.Repetition"),
    ]
