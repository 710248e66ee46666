"""Mends for what round bc of held-out trees (``bench/labels/
heldout-2026-12-07b.md``) showed, each on a document of our own."""

from __future__ import annotations

from tests.shipped_packs import found


def test_notation_doubles_a_letter_and_the_iterated_logarithm() -> None:
    text = (
        "An O(log n / log log n)-approximation for the asymmetric tour.\n\n"
        "$$\n\\begin{array}{l l}\nx & y\n\\end{array}\n$$\n\n"
        "We saw a a cat, and I I think the log log file grew.\n"
    )
    assert found(text, "post.md", "style") == [
        (9, 8, "style.Repetition"),
        (9, 21, "style.Repetition"),
    ]


def test_public_slipped_to_pubic_and_noting_to_nothing() -> None:
    text = (
        "We are cleaning the pubic namespaces. The pubic bone heals slowly.\n"
        "It is worth nothing that the API moved. Shares are worth nothing, he said.\n"
    )
    assert found(text, "notes.md", "typos") == [
        (1, 21, "typos.RealWords"),
        (2, 13, "typos.RealWords"),
    ]
