"""Mends for what round am of held-out trees (``bench/labels/
heldout-2026-12-06l.md``: Volcano's docs, Sheffield's research software
blog, Qtile's Sphinx docs, ProFTPD's HTML manual) and blind set 27
(``tests/documents/accuracy27``) showed, each on a document of our own."""

from __future__ import annotations

from tests.shipped_packs import found, lint


def test_a_verbs_for_then_a_span_of_time_is_meant() -> None:
    text = (
        "We have been advocating for for some time now.\n\n"
        "They pushed for for years.\n\n"
        "We waited for for the bus.\n\n"
        "Look for for the next update.\n"
    )
    assert found(text, "post.md", "style") == [
        (5, 11, "style.Repetition"),
        (7, 6, "style.Repetition"),
    ]


def test_a_word_doubled_after_a_products_name_is_a_slip() -> None:
    # A directive's values ("ControlsSocketOwner root root") were let through
    # for a while; a review found the same shape after brands ("LinkedIn
    # profile profile"), so the double is reported wherever it stands.
    text = (
        "The PowerPoint presentation presentation is here.\n\n"
        "An example of using JQuery to to read from a file.\n\n"
        "Open your LinkedIn profile profile now.\n"
    )
    assert found(text, "post.md", "style") == [
        (1, 16, "style.Repetition"),
        (3, 28, "style.Repetition"),
        (5, 20, "style.Repetition"),
    ]


def test_login_after_prior_to_is_the_noun() -> None:
    text = (
        "The banner is displayed prior to login.\n\nYou need to login to the portal.\n"
    )
    assert found(text, "faq.md", "typos") == [(3, 13, "typos.JoinedVerbs")]


def test_a_hyphened_compound_of_english_words_is_english() -> None:
    text = (
        "Home › Reviews › Camping stoves\n"
        "Hallbeck Fellrunner twin-burner stove review\n\n"
        "The Fellrunner is the first twin-burner stove from Hallbeck, a firm"
        " better known for its single-burner stoves.\n"
    )
    assert [f.line for f in lint(text, "review.txt", "artifacts")] == [1]


def test_a_menu_over_a_counted_button_is_furniture() -> None:
    text = (
        "Skip to main content\n"
        "THE TALLOW HALL\n"
        "What's On | Venue Hire | Food & Drink | Access | Contact\n"
        "Basket (0)\n\n"
        "Tallow Hall to reopen after roof repairs\n\n"
        "The Sheffield venue will welcome audiences back on 6 March after five"
        " months of work on its roof.\n"
    )
    assert [f.line for f in lint(text, "venue.txt", "artifacts")] == [1, 2, 3, 4]


def test_a_fundraisers_counters_and_a_download_link_are_furniture() -> None:
    text = (
        "The bakery needs a new oven before the winter, its owners say.\n\n"
        "£8,420 raised of £12,000 target\n"
        "146 backers · 23 days to go\n\n"
        "The oven will be built by a firm in Leeds.\n\n"
        "Download the plans (PDF, 184 KB)\n\n"
        "Discuss this on the forum (23 replies)\n\n"
        "The survey is run by the Moth Recording Trust, registered charity"
        " 1172306.\n"
    )
    lines = [f.line for f in lint(text, "appeal.txt", "artifacts")]
    assert lines == [3, 4, 8, 10, 12]
