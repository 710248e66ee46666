"""Mends for what round bb of held-out trees (``bench/labels/
heldout-2026-12-07a.md``: Sigstore's Hugo docs, Varnish's Sphinx docs,
Magic's HTML manual, the BAIR blog) showed, each on a document of our
own."""

from __future__ import annotations

from tests.shipped_packs import found, lint


def test_primes_in_a_posts_math_are_no_quotation_marks() -> None:
    text = (
        "# Sampling\n\n"
        "We accept the move from $\\theta$ to $\\theta'$ with probability\n"
        "$\\min(1, p(\\theta')/p(\\theta))$, and the target is\n\n"
        "$$\n"
        "p(\\theta' \\mid x) \\propto p(x \\mid \\theta') p(\\theta')\n"
        "$$\n\n"
        "Prices stay prose: from $5 to $6.50 a run, and $HOME is set.\n\n"
        'It escapes $(VAR_NAME) syntax: i.e. "$$(VAR_NAME)" gives "$(VAR_NAME)".\n\n'
        "With $x_1'$ and $a^2$ set, ($Day) and `$Day` stay apart.\n\n"
        'The reviewer said "this converges.\n'
    )
    assert found(text, "post.md", "quotes") == [(16, 19, "quotes.Unclosed")]


def test_a_pagers_single_guillemets_are_arrows() -> None:
    text = (
        "The frames below show the agent.\n\n"
        '<button class="prev">‹ Prev</button>\n'
        '<button class="next">Next ›</button>\n\n'
        "He wrote ‘it works' in the log.\n"
    )
    assert found(text, "post.md", "quotes") == [(6, 19, "quotes.Mixed")]


def test_a_surname_that_looks_like_a_slip_of_the_is_left_alone() -> None:
    text = (
        "The sampler follows [Welling & Teh (2011)](https://example.org/sgld).\n\n"
        "Heess, N., Silver, D., and Teh, Y.W. Learning with energy-based policies.\n\n"
        "Teh first step is to build teh chain. The Millenium fund paid for it.\n"
    )
    assert [
        (f.line, f.col, f.match, f.fix is not None and f.fix.is_safe)
        for f in lint(text, "refs.md", "typos")
    ] == [
        (5, 1, "Teh", True),
        (5, 28, "teh", True),
        (5, 43, "Millenium", True),
    ]


def test_an_ordinal_spelled_forth_and_at_lot_of() -> None:
    text = (
        "The forth column gives the time. We went back and forth and so forth.\n"
        "Ferries cross the Forth at dawn. We have fixed at lot of bugs.\n"
    )
    assert found(text, "notes.md", "typos") == [
        (1, 5, "typos.RealWords"),
        (2, 48, "typos.RealWords"),
    ]


def test_two_alike_surnames_in_one_list_of_authors_are_two_people() -> None:
    text = (
        "One dataset from Shen et al. (2023) asks questions nobody can answer.\n\n"
        "## References\n\n"
        "X. Qi, Y. Zeng, P.-Y. Chen and P. Henderson. Fine-tuning aligned models.\n\n"
        "X. Shen, Z. Chen, M. Backes, Y. Shen and Y. Zhang. In-the-wild prompts.\n"
    )
    assert lint(text, "post.md", "variants") == []
    # One person spelled two ways in prose is still reported.
    prose = (
        "Olena Samoylenko opened the school on Monday.\n\n"
        "Samojlenko said the roof had been mended.\n"
    )
    assert [(f.line, f.match) for f in lint(prose, "news.txt", "variants")] == [
        (3, "Samojlenko")
    ]


def test_lose_spelled_loose_after_an_adverb_and_before_what_is_lost() -> None:
    text = (
        "A restart can actually loose data in the cache.\n"
        "We moved it without loosing all the benefits of the old layout.\n"
        "The knot may work loose over time, and the tie is loose at the top.\n"
        "Git expels them from pack files to loose objects, due to loose connections.\n"
    )
    assert found(text, "notes.md", "typos") == [
        (1, 24, "typos.RealWords"),
        (2, 21, "typos.RealWords"),
    ]


def test_its_written_its_as_a_verbs_object() -> None:
    # Missed in round ba (rclone's docs): "keeps it's name".
    text = (
        "The copy keeps it's name, and the resize increases it's size.\n"
        "She knows it's true and thinks it's time to go.\n"
    )
    assert found(text, "notes.md", "typos") == [
        (1, 16, "typos.RealWords"),
        (1, 52, "typos.RealWords"),
    ]
