"""Mends for what round ae of held-out trees showed (``bench/labels/
heldout-2026-12-06c.md``: Cilium's blog, Dask's Sphinx docs, the HTML book
Crafting Interpreters and The Carpentries' blog), labelled by helpers who
never saw the checks. Each test is a document of our own with the shape
they found, run through the shipped packs as ``copydesk check`` runs them.
"""

from __future__ import annotations

from tests.shipped_packs import found


def test_a_name_the_page_uses_far_more_often_is_its_spelling() -> None:
    # Eleven uses of the town's own spelling, one slip without its "c": the
    # foreign markers (sch) must not make the slip the name.
    text = (
        "# Sensors in the classroom\n\n"
        "Last spring we ran a workshop at Stellenbosch University.\n\n"
        "The students at Stellenbosch built weather stations from kits.\n\n"
        "Each group in Stellenbosch logged data for a week.\n\n"
        "We thank the Stellenbosch library for the room, and the Stellenbosch\n"
        "makerspace for the soldering irons.\n\n"
        "At Stellenbosh University all computers must be registered first.\n"
    )
    assert found(text, "post.md", "variants") == [(12, 4, "variants.Names")]
    # Two uses against one are no habit: the markers still decide.
    short = (
        "Oleh Schmyhal spoke first. Then Schmyhal left.\n\n"
        "Later Oleh Shmyhal returned.\n"
    )
    assert [f[2] for f in found(short, "draft.txt", "variants")] == [
        "variants.Names",
        "variants.Names",
    ]


def test_a_word_quoted_with_character_references_is_cited() -> None:
    page = (
        "<p>&ldquo;Lexical&rdquo; comes from the Greek &ldquo;lexikos&rdquo;,"
        " which means related to words.</p>\n"
        "<p>The rule for how other types are handled is called"
        " &ldquo;falsyness&rdquo;, and we implement it here.</p>\n"
        "<p>The lexer is a simple mashine that reads the source one character"
        " at a time.</p>\n"
    )
    assert found(page, "book.html", "typos") == [(3, 26, "typos.Unknown")]


def test_the_old_name_in_a_change_note_is_mentioned_not_misspelt() -> None:
    text = (
        "Changelog\n=========\n\n"
        "- Changes vizualize to visualize (:pr:`12`)\n"
        "- For example dscheduler is renamed to dask-scheduler\n"
        "- Rename executables like dscheduler to dask-scheduler\n"
        "- We fixed the isssue to make the build pass\n"
    )
    assert found(text, "changelog.rst", "typos") == [(7, 16, "typos.Unknown")]


def test_a_cited_patch_subject_keeps_its_own_words() -> None:
    text = (
        "## Patches\n\n"
        "- [[PATCH v3 6/9] bpf: thunderx: Report the prog ID](https://x.example/1)\n"
        "- [[llvm] r305559 - bpf: set missing types in insn tablegen](https://x.example/2)\n"
        "- bpf: offload: rename the ifindex field\n"
        "- We rewrote the insn decoder this week.\n"
    )
    assert found(text, "updates.md", "typos") == [(6, 18, "typos.Unknown")]


def test_an_article_in_a_paragraph_of_another_language_is_not_englishs() -> None:
    text = (
        "Los miembros deben estar disponibles para viajar a este evento en "
        "persona, y el consejo paga los gastos.\n\n"
        "This is a example of the English text.\n"
    )
    assert found(text, "post.md", "typos") == [(3, 9, "typos.Articles")]


def test_an_embedded_post_keeps_its_authors_spelling() -> None:
    page = (
        "We moved the lessons to GitHub this year.\n\n"
        '<blockquote class="twitter-tweet">\n'
        "<p>I merged it from the command line bc github could not merge it.</p>"
        "&mdash; A maintainer\n</blockquote>\n\n"
        "> Note: Github keeps the history.\n"
    )
    assert found(page, "post.md", "variants") == [(7, 9, "variants.Capitals")]


def test_a_quoted_name_that_opens_with_its_number_is_a_quotation() -> None:
    text = (
        "The first workflow, '01 Build and Deploy Site' is highlighted.\n\n"
        "In '01 Ford closed the plant, and in '02 the mill.\n"
    )
    assert found(text, "caption.txt", "quotes") == []
