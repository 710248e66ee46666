"""Mends for what round ap of held-out trees (``bench/labels/
heldout-2026-12-06o.md``: the Prometheus docs and blog, Paramiko's Sphinx
sites, the Apache HTTP Server's manual) showed, each on a document of our
own."""

from __future__ import annotations

from tests.shipped_packs import lint


def test_a_word_before_id_is_an_identifiers_name() -> None:
    text = (
        "The target userid and groupid must match, and the lowest possible"
        " groupid is 100 in a seperate table.\n"
    )
    assert [f.match for f in lint(text, "suexec.html", "typos")] == ["seperate"]


def test_a_listed_misspellings_plural_is_listed_too() -> None:
    text = (
        "The program protects users from suprises, and the desk recieves"
        " letters while seperating them.\n"
    )
    assert [(f.match, f.suggestions) for f in lint(text, "post.md", "typos")] == [
        ("suprises", ("surprises",)),
        ("recieves", ("receives",)),
        ("seperating", ("separating",)),
    ]
