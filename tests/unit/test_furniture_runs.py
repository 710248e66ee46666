"""``furniture_runs``: in a draft, the short lines touching furniture the
rules found are furniture too (a cookie notice's buttons, a live blog's
label between its skip link and its stamp); sentences, the headline, long
lines and authored pages keep theirs."""

from __future__ import annotations

from tests.shipped_packs import found, lint

from copydesk import furniture_runs

DRAFT = """Floods close the ring road

We and our partners use cookies to store and access information on a device. Accept all
I DO NOT AGREE
MORE OPTIONS

Skip to main content
Live
Updated 4m ago

Water rose two metres overnight, the emergency service said.
Pinned post

The ring road stays closed until Friday, officials said on Tuesday evening.
"""


def test_a_run_of_furniture_grows_over_the_short_lines_touching_it() -> None:
    assert found(DRAFT, "draft.txt", "artifacts") == [
        (3, 1, "artifacts.Consent"),
        (4, 1, "artifacts.Consent"),
        (5, 1, "artifacts.Consent"),
        (7, 1, "artifacts.Navigation"),
        (8, 1, "artifacts.Navigation"),
        (9, 1, "artifacts.Stamps"),
    ]
    grown = [f for f in lint(DRAFT, "draft.txt", "artifacts") if f.line == 4]
    assert grown[0].message == furniture_runs.MESSAGE.format(
        line="I DO NOT AGREE", near=3
    )


def test_the_headline_a_sentence_and_a_long_line_stay() -> None:
    text = (
        "Register for free\n"
        "Ferry fares rise\n"
        "Fares on the harbour ferry rise by 8% from April.\n"
        "Load more posts\n"
        "The operator blamed fuel costs for all of it\n"
    )
    # The headline is the first line no rule reported, whatever stands
    # above it; the sentence and the long line touch furniture and stay.
    assert found(text, "draft.txt", "artifacts") == [
        (1, 1, "artifacts.Prompts"),
        (4, 1, "artifacts.Prompts"),
    ]


def test_an_authored_page_is_not_grown() -> None:
    page = "# Storage\n\nSkip to main content\nLive\n\nThe store keeps data.\n"
    assert found(page, "storage.txt", "artifacts") == [
        (3, 1, "artifacts.Navigation"),
        (4, 1, "artifacts.Navigation"),
    ]
    assert found(page, "storage.md", "artifacts") == []


def test_a_directive_silences_the_lines_a_run_grew_over() -> None:
    text = (
        "Floods close the ring road\n\n"
        "copydesk: disable=artifacts.Navigation\n"
        "Skip to main content\n"
        "Live\n"
    )
    assert found(text, "draft.txt", "artifacts") == []


# A bare byline is the writer's under a headline, and the page's beside the
# page's other furniture (artifacts.BareByline declares ``furniture:
# beside``). Before: every bare byline was reported, which four blind sets'
# writers (18, 20, 21, 22) read as the author's own line.
BARE = """Moths are shrinking in the high valleys

By Ruth Calloway, Science Reporter

Moths above the tree line have become smaller over four decades, the study found.
"""


def test_a_bare_byline_under_the_headline_is_the_writers() -> None:
    assert found(BARE, "draft.txt", "artifacts") == []


def test_a_bare_byline_over_the_pages_stamp_is_furniture() -> None:
    text = BARE.replace(
        "Science Reporter\n", "Science Reporter\nPublished 12 March 2025, 09:14\n"
    )
    assert found(text, "draft.txt", "artifacts") == [
        (3, 1, "artifacts.BareByline"),
        (4, 1, "artifacts.ReadingTime"),
    ]


def test_two_bare_byline_lines_do_not_vouch_for_each_other() -> None:
    text = BARE.replace(", Science Reporter\n", "\nReporter Kim Ji-hoon\n")
    assert found(text, "draft.txt", "artifacts") == []


def test_a_bare_byline_touching_a_line_a_run_took_in_is_furniture() -> None:
    # The date line under the byline is no rule's (a date alone may be a
    # release's dateline): the run of share buttons under it takes it in,
    # and the byline touches the run.
    text = BARE.replace(
        "Science Reporter\n",
        "Science Reporter\n5 March 2024\nLinkedIn\nX\nEmail\n",
    )
    assert [
        (line, rule) for line, _, rule in found(text, "draft.txt", "artifacts")
    ] == [
        (3, "artifacts.BareByline"),
        (4, "artifacts.Networks"),
        (5, "artifacts.Networks"),
        (6, "artifacts.Networks"),
        (7, "artifacts.Misc"),
    ]


def test_a_quoted_record_is_not_grown_over() -> None:
    # Before: the run of the breadcrumb took in "Name:", "Born:" and
    # "Service:" (three lines); a record of fields is the draft's quote.
    text = (
        "The nurse in the photograph\n\n"
        "A volunteer matched the name on the frame to a register, the archive said.\n\n"
        "Home › Search › Military › Nursing Registers, 1914–1920 › Record\n"
        "Name: Agnes Moira Tulloch\n"
        "Born: 1889, Dundee\n"
        "Service: staff nurse\n"
        "Unit: 24th General Hospital\n\n"
        "She came home in 1919 and worked as a district nurse until 1951.\n"
    )
    assert found(text, "draft.txt", "artifacts") == [(5, 1, "artifacts.Breadcrumbs")]


def test_a_pages_fields_beside_its_stamp_are_grown_over() -> None:
    text = (
        "Home / Economy / Agriculture\n"
        "News ID: 84412390\n"
        "Publish Date: Wednesday - 10:45\n"
        "Reading time: 3 minutes\n\n"
        "Saffron exports fell by a third in eleven months, the council said.\n"
    )
    assert [line for line, _, _ in found(text, "draft.txt", "artifacts")] == [
        1,
        2,
        3,
        4,
    ]
