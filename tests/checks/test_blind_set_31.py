"""Mends for what blind set 31 (``tests/documents/accuracy31``: quotes and
page furniture) showed, each on a document of our own."""

from __future__ import annotations

from tests.shipped_packs import lint


def _quotes(text: str, name: str) -> list[tuple[str, int, int, str]]:
    return [(f.rule, f.line, f.col, f.match) for f in lint(text, name, "quotes")]


def _furniture(text: str) -> list[tuple[int, str]]:
    return [(f.line, f.match) for f in lint(text, "page.txt", "artifacts")]


def test_a_translation_that_opens_every_quotation_low_quotes_one_way() -> None:
    story = (
        "The spa in Tapolca reopens its hall in May, the operator said.\n\n"
        "„The roof was older than the plans”, the director said. „We started"
        " again from the old drawings”, she added.\n"
    )
    assert _quotes(story, "spa.txt") == []
    # Beside an English opening, the low one is the odd mark.
    mixed = story.replace(
        "„The roof was older than the plans”", "“The roof was older than the plans”"
    )
    assert _quotes(mixed, "spa.txt") == [("quotes.Mixed", 3, 57, "„")]


def test_a_plural_possessive_before_its_noun_in_a_short_quotation() -> None:
    text = "He said: “Our first scarecrow was ‘the Harrisons’ folly’, and it stuck.”\n"
    assert _quotes(text, "trail.txt") == []
    # Two words quoted whole still close at their last word.
    text = "The ‘neo-Nazis’ tactics were plain, and the ‘quiet ones’ left early.\n"
    assert _quotes(text, "march.txt") == []


def test_a_lone_separator_and_the_titles_between_reading_times() -> None:
    top = (
        "Open in app\nSign in\n\nNight buses in the valley\n\n"
        "Ana Lopes\nFollow\n7 min read\n·\nFeb 9, 2024\nShare\n\n"
        "The night bus leaves the depot at midnight and reaches the last"
        " village an hour later.\n"
    )
    assert _furniture(top) == [
        (1, "Open in app"),
        (2, "Sign in"),
        (6, "Ana Lopes"),
        (7, "Follow"),
        (8, "7 min read"),
        (9, "·"),
        (10, "Feb 9, 2024"),
        (11, "Share"),
    ]
    page = (
        "Night buses in the valley\n\n"
        "The night bus leaves the depot at midnight and reaches the last"
        " village an hour later, six days a week.\n\n"
        "Drivers say the route is quiet but the regulars keep them company,"
        " and the heaters work now.\n\n"
        "1.2K Followers\nFollow\nThe bakeries that open at 3am\n"
        "5 min read · Dec 2, 2023\nWhy hospital corridors are always cold\n"
        "4 min read · Oct 18, 2023\nHelp\n"
    )
    assert [line for line, _ in _furniture(page)] == [7, 8, 9, 10, 11, 12, 13]


def test_a_title_between_furniture_above_the_story_is_its_headline() -> None:
    """Above the story's second paragraph a line between a breadcrumb and a
    stamp is the headline: only lists below the story are taken."""
    page = (
        "This page was translated automatically. Read the original Dutch version.\n"
        "Home > Nieuws > 2024\n"
        "Researchers build a sensor that measures salt in ditches\n"
        "14 mei 2024\n"
        "The sensor costs less than forty euros and sends its data every ten"
        " minutes over a low-power network.\n"
    )
    assert 3 not in [line for line, _ in _furniture(page)]
