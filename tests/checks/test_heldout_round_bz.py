"""Mends for what round bz of held-out trees showed, each on a document of
our own: ``bench/labels/heldout-2026-12-07z.md`` (an open-science
programme's Jekyll posts, h5py's Sphinx docs, a company handbook, a city's
digital-services blog, an emulator's HTML help and a note-taking app's
English help pages)."""

from __future__ import annotations

from tests.shipped_packs import found


def test_a_quotation_trailing_off_closes_after_its_space() -> None:
    text = (
        'Her post read "We learned a lot in three weeks … ", Twitter, 2022.\n'
        "\n"
        'He said "so ... ", then "... oh no" and "Closed for repairs ", again.\n'
    )
    # Trailing off with an ellipsis, the closer may stand after a space; a
    # quotation of words that ends in a space before the closer is still
    # misspaced: both its marks are left open.
    assert found(text, "post.md", "quotes") == [
        (3, 41, "quotes.Unclosed"),
        (3, 61, "quotes.Unclosed"),
    ]


def test_snuggly_is_a_word() -> None:
    assert found("The cat is warm and snuggly.\n", "cat.md", "typos") == []
