"""Mends for what round aa showed: the blind accuracy sets' misses on
machine-translated drafts (``tests/documents/accuracy8`` to ``accuracy11``)
and held-out trees labelled blind (``bench/labels/heldout-2026-12-05m.md``:
18F's blog, pytest's and Celery's Sphinx docs, WCAG's HTML pages, the
OpenTelemetry blog). Each test is a document of our own with the shape they
found, run through the shipped packs as ``copydesk check`` runs them.
"""

from __future__ import annotations

from tests.shipped_packs import found, lint


def test_a_double_closer_ends_the_inner_single_when_another_ends_the_outer() -> None:
    # “… ‘pending” , then …,”: the first ” closes ‘ with the wrong mark, the
    # second the outer quotation; neither is left open nor unmatched.
    text = (
        "“The council wrote only ‘pending”, and then nothing came for a year,” "
        "said Ana Lutz, who runs the library.\n"
    )
    assert found(text, "story.txt", "quotes") == [(1, 33, "quotes.Mixed")]
    # A closer shaped as an opener next is no second closer: one quotation.
    text = "“It was the ‘best plan,” she said. “Then it failed.”\n"
    assert found(text, "story.txt", "quotes") == [(1, 13, "quotes.Unclosed")]


def test_a_lone_guillemet_inside_an_english_sentence_is_an_unclosed_quotation() -> None:
    text = (
        "The mayor said the bridge would stay shut « until the river falls "
        "below four metres at the gauge.\n\n"
        "Read the next post »\n\n"
        "The chevron « marks older posts in the list.\n"
    )
    assert found(text, "story.txt", "quotes") == [(1, 43, "quotes.Unclosed")]
    # An arrow leads a link, named or not: no quotation.
    text = "« Back to the index\n\nThe chevron « marks older posts in the list.\n"
    assert found(text, "nav.txt", "quotes") == []


def test_a_suggestion_keeps_the_typos_first_letter_among_alike_slips() -> None:
    text = "The fix stops upacking the archive twice.\n"
    [finding] = lint(text, "notes.txt", "typos")
    assert (finding.line, finding.col, finding.rule) == (1, 15, "typos.Unknown")
    assert finding.suggestions[:2] == ("unpacking", "packing")
