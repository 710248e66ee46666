"""Lines of page furniture joined by middle dots (``copydesk.segmented_lines``):
a page's meta line pasted whole. Every draft here is our own; each finding
was missed before the change (the joined line was no token of its rule)."""

from __future__ import annotations

import pytest

from copydesk.batch import lint_text
from copydesk.ruleset import Ruleset, load_ruleset


@pytest.fixture(scope="module")
def artifacts() -> Ruleset:
    return load_ruleset(select=["artifacts"])


def found(rs: Ruleset, text: str) -> list[tuple[int, int, str, str]]:
    return [
        (f.line, f.col, f.rule, f.match) for f in lint_text(text, "x.txt", "plain", rs)
    ]


def test_a_meta_line_of_stamps_is_one_finding(artifacts: Ruleset) -> None:
    text = (
        "Updated 2 hours ago · 4 min read\n"
        "Police closed the seafront road after the sea wall gave way on Sunday.\n"
    )
    assert found(artifacts, text) == [
        (1, 1, "artifacts.ReadingTime", "Updated 2 hours ago · 4 min read")
    ]


def test_a_byline_and_handle_beside_a_follow_button(artifacts: Ruleset) -> None:
    """A byline counts as an item only beside a token (the button, a
    handle), as the rule's block lets it stand beside one on its own line;
    a byline and a place are the story's own dateline."""
    text = (
        "By Sara Lindholm · @saralindholm · Follow\n"
        "The ferry operator cancelled all sailings to the outer islands.\n"
        "\n"
        "By Sara Lindholm · Stockholm\n"
    )
    assert found(artifacts, text) == [
        (1, 1, "artifacts.Social", "By Sara Lindholm · @saralindholm · Follow")
    ]


@pytest.mark.parametrize(
    "line",
    [
        # An item that is prose: the line is no meta line.
        "Updated 2 hours ago · The council met again on Monday to vote.",
        # A middle dot inside a sentence.
        "The committee split 2·3 on the motion, and the vote was delayed.",
        # Items of a list of places, none a token.
        "Oslo · Bergen · Trondheim",
        # Too many items: a list, not a meta line.
        "Share · Share · Share · Share · Share · Share · Share",
        # One one-word token beside a clock time: a listing.
        "Play · 19:30",
    ],
)
def test_lines_with_dots_that_are_no_furniture(artifacts: Ruleset, line: str) -> None:
    text = f"The ferry sailed at noon.\n{line}\nIt reached the island at four.\n"
    assert found(artifacts, text) == []


def test_a_byline_with_its_stamps_is_the_bylines(artifacts: Ruleset) -> None:
    """Items of two rules (a byline's stamp and a reading time) make no meta
    line of one rule; the byline rule takes the line whole."""
    text = (
        "The ferry sailed at noon.\n"
        "By Ana Ruiz · Updated 2 hours ago · 4 min read\n"
        "It reached the island at four.\n"
    )
    assert found(artifacts, text) == [
        (2, 1, "artifacts.Byline", "By Ana Ruiz · Updated 2 hours ago · 4 min read")
    ]


def test_the_button_may_come_last(artifacts: Ruleset) -> None:
    """A handle first, the byline, then the button: the scan finds the line
    by its later items too."""
    text = "The wall fell.\n\n@anaruiz · By Ana Ruiz · Follow\n\nWater rose.\n"
    assert found(artifacts, text) == [
        (3, 1, "artifacts.Social", "@anaruiz · By Ana Ruiz · Follow")
    ]


def test_items_joined_by_bars_wide_gaps_or_sentences(artifacts: Ruleset) -> None:
    """A row of buttons set apart by wide gaps, store badges joined by a bar
    under an app prompt, a paywall's notice and its count as two sentences,
    a stamp that puts the time first."""
    text = (
        "The tunnel will close for six weeks from January.\n"
        "We use cookies to improve your experience on our site.\n"
        "Accept  Refuse  Settings\n"
        "\n"
        "Download our app and be the first to hear the news!\n"
        "App Store | Google Play\n"
        "\n"
        "This article is reserved for subscribers. You have 2 free articles left.\n"
        "\n"
        "09:41, 3 December 2026 · updated 11:02\n"
    )
    found_lines = [
        (f.line, f.end_line, f.rule)
        for f in lint_text(text, "x.txt", "plain", artifacts)
    ]
    assert found_lines == [
        (2, 2, "artifacts.Consent"),
        (3, 3, "artifacts.Consent"),
        (5, 6, "artifacts.CallToAction"),  # the badges under their prompt
        (8, 8, "artifacts.Paywall"),
        (10, 10, "artifacts.ReadingTime"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        # A sentence that is a token beside one that is prose.
        "Subscribe. The council will vote on the budget in May.",
        # Two sentences of prose about the things a banner names.
        "Readers can accept all cookies. Many refuse them.",
        # Words set apart by a wide gap, none a token.
        "Name  Address  Phone",
        # A bar between words of a table row.
        "Kyiv | Kharkiv | Odesa",
        # Words that are tokens, as sentences of prose or a glossary's row.
        "Deny. Deny. Deny.",
        "I agree. I accept.",
        "Share     Teilen",
    ],
)
def test_lines_with_bars_gaps_or_sentences_that_are_prose(
    artifacts: Ruleset, line: str
) -> None:
    text = f"The ferry sailed at noon.\n{line}\nIt reached the island at four.\n"
    assert found(artifacts, text) == []


@pytest.mark.parametrize(
    "line",
    [
        "By Dr. Ana Ruiz · @anaruiz · Follow",
        "By J. R. Moore · Follow",
        "Updated Nov. 14, 2026 · 4 min read",
        "By Ana Ruiz · Follow | Following",
    ],
)
def test_a_line_is_split_at_its_strongest_separator_only(
    artifacts: Ruleset, line: str
) -> None:
    text = f"The port reopened on Monday.\n{line}\nShips queued for hours.\n"
    assert [f.line for f in lint_text(text, "x.txt", "plain", artifacts)] == [2]


def test_a_list_the_text_announces_is_content(artifacts: Ruleset) -> None:
    text = "The remote has four buttons:\nPlay | Pause | Mute\nThe rest are hidden.\n"
    assert found(artifacts, text) == []
