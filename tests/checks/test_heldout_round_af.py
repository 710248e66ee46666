"""Mends for what round af of held-out trees showed (``bench/labels/
heldout-2026-12-06e.md``: Open Service Mesh's Hugo docs, beets' Sphinx
docs, Boost's HTML pages and NPR's news apps blog), labelled by helpers who
never saw the checks. Each test is a document of our own with the shape
they found, run through the shipped packs as ``copydesk check`` runs them.
"""

from __future__ import annotations

from tests.shipped_packs import found, lint


def test_placeholder_latin_is_no_ones_slips() -> None:
    page = (
        "<p>This page shows the styles. Lorem ipsum dolor sit amet, "
        "consectetur adipiscing elit. Mauris diam metus, varius nec, "
        "faucibus at, lectus. Morbi vehicula imperdiet justo.</p>\n"
        "<p>The margins are tipically wide.</p>\n"
    )
    assert found(page, "exemplar.html", "typos") == [(2, 20, "typos.Unknown")]
    # Without the filler, its words are read as any others.
    assert found("<p>The vehicula was parked.</p>\n", "a.html", "typos") != []


def test_an_elided_pronoun_opens_no_quotation() -> None:
    text = "The template is ready, so take 'er for a spin!\n\nGive 'im a hand.\n"
    assert found(text, "post.md", "quotes") == []


def test_a_doubled_the_after_a_nouns_head_gets_no_safe_fix() -> None:
    text = (
        "It then makes a call the the overloaded function.\n\n"
        "We met the the mayor in the the hall.\n"
    )
    fixes = [
        (f.line, f.col, f.fix.applicability.value if f.fix else None)
        for f in lint(text, "notes.txt", "style")
    ]
    assert fixes == [(1, 22, "unsafe"), (3, 8, "safe"), (3, 25, "safe")]


def test_a_double_barrelled_surname_is_another_persons() -> None:
    text = (
        "Thanks to Rui Gonçalves for the fix.\n\n"
        "Thanks to David Hamp-Gonsalves for the tests.\n"
    )
    assert found(text, "changelog.txt", "variants") == []


def test_no_correction_offers_a_vulgar_word() -> None:
    # "cmus" is a music player; the lexicon's nearest word is not offered.
    text = "Install the cmus plugin for your music player and restart it.\n"
    assert found(text, "plugins.txt", "typos") == []
