"""Mends for what blind set 25 (``tests/documents/accuracy25``) showed, each
on a document of our own: a spaced straight mark inside a curly quotation,
a site's name over its menu, the frame of a forum, a mailing list and a
press wire, a post's neighbours, a charity's footer and a parish's list of
services; and one the variants family of sets 19 and 23 showed, a German
umlaut written out."""

from __future__ import annotations

from tests.shipped_packs import found, lint


def test_a_spaced_straight_mark_inside_a_curly_quotation_is_a_stray() -> None:
    text = (
        "The ferry turns fifty this year.\n\n"
        '“My father knew every skipper by name " and most of their boats'
        " too,” she said.\n"
    )
    assert found(text, "story.txt", "quotes") == [(3, 39, "quotes.Stray")]
    # A straight mark closing a curly opener is still a mixed pair.
    text = '“My father knew every skipper by name" she said.\n'
    assert found(text, "story.txt", "quotes") == [(1, 38, "quotes.Mixed")]


def test_a_sites_name_over_its_menu_is_furniture() -> None:
    text = (
        "Harbour Street Gazette\n"
        "News | Sport | What's On | Business | Letters\n\n"
        "Ferry timetable to change in spring\n\n"
        "The operator will add two sailings a day from March, the council"
        " said on Tuesday.\n"
    )
    assert [f.line for f in lint(text, "draft.txt", "artifacts")] == [1, 2]


def test_a_headline_over_one_button_stays() -> None:
    # An obituary's name over "Send Flowers" is its headline, and a
    # section's label over a two-part trail stays too.
    text = (
        'Margaret "Peggy" Ellery Thornbury\n'
        "Send Flowers\n"
        "Share this obituary\n\n"
        "Margaret Thornbury, 92, of Hollisford, died peacefully on March 1.\n"
    )
    assert [f.line for f in lint(text, "draft.txt", "artifacts")] == [2, 3]


def test_the_frame_of_a_forum_a_list_and_a_wire_is_furniture() -> None:
    text = (
        "Board index ‹ Gardening ‹ Potatoes\n"
        "Search this topic…\n\n"
        "My early potatoes have blight again this year and I have tried"
        " everything the books suggest.\n\n"
        "Users browsing this forum: No registered users and 3 guests\n\n"
        "Also from this source\n\n"
        "Our mailing address is:\n\n"
        "You can update your preferences or unsubscribe from this list.\n\n"
        "← Previous post: Counting bobbins in the mill store\n\n"
        "Next post: Volunteers wanted for the handling table →\n\n"
        "Glenmoray Heritage Trust is a registered Scottish charity, SC901234.\n"
    )
    lines = [f.line for f in lint(text, "draft.txt", "artifacts")]
    assert lines == [1, 2, 6, 8, 10, 12, 14, 16, 18]


def test_a_list_of_dated_events_is_no_stamp() -> None:
    text = (
        "Services this month\n\n"
        "Sunday 5 October, 10.30am: Harvest Festival\n"
        "Sunday 19 October, 6pm: Evensong\n\n"
        "The tenor bell is back from being recast and will ring again soon.\n\n"
        "Updated: 29 May 2024, 01:32 PM\n"
    )
    assert [f.line for f in lint(text, "draft.txt", "artifacts")] == [8]


def test_a_german_umlaut_written_out_is_the_same_name() -> None:
    text = (
        "The lab has appointed Dr Karen Mueller as head of quality.\n\n"
        "Dr Mueller joins from a device maker. Its chief executive said:"
        ' "With Dr Müller we gain a leader."\n\n'
        "Mueller starts on 1 March.\n"
    )
    assert found(text, "release.txt", "variants") == [(3, 74, "variants.Names")]
