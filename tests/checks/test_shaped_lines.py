"""``shaped_lines``: stamps, counters, tickers and prompts told by the kinds
of their words (artifacts.Stamps, artifacts.Widgets, artifacts.Prompts), on
a draft of our own with the forms blind set 18 showed and look-alikes that
must stay."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.checks.inline import findings
from tests.shipped_packs import found

from copydesk.checks.shaped_lines import _TOKEN, _stamp
from copydesk.errors import RuleError

#: A scraped page of short lines around its story.
DRAFT = """Harbour ferry fares to rise in April

10:31, 14 MAR 2024 Updated 11:02, 14 MAR 2024

FARES

Seville Updated 11/03/2024 - 00:14 CET

Edited By: Rahul Sharma | Updated: 29 May 2024, 01:32 PM IST

8/29(Thu) 18:42 Delivery

Updated 4m ago

Discussion (57 posts)

Like 12 Warm 3 Sad 0 Angry 1

EUR/HUF 395.12 ▲0.34%  USD/HUF 362.40 ▲0.21%

Athens 38°C ☀ | Thessaloniki 33°C

Load more posts

Download the Harbourline app from Play Store

Register for free

The ferry left at 7:30 and 124 people were on board.

Doors open at 7pm

12 March 2024

3. Comments from members

Follow the water

Call +1 617-555-0187 for tickets.

The post had 124 likes and 57 comments.
""".replace(
    # A scraped page keeps its story's paragraph on one line, longer than
    # any line of a table (``document.short_lined``).
    "FARES",
    "Fares on the harbour ferry will rise by 8% from April, the operator said,"
    " the second rise in a year for the 4,000 daily riders.",
)


def test_furniture_is_told_by_the_shape_of_its_words() -> None:
    assert found(DRAFT, "draft.txt", "artifacts") == [
        (3, 1, "artifacts.Stamps"),
        (7, 1, "artifacts.Stamps"),
        (9, 1, "artifacts.Stamps"),
        (11, 1, "artifacts.Stamps"),
        (13, 1, "artifacts.Stamps"),
        (15, 1, "artifacts.Widgets"),
        (17, 1, "artifacts.Widgets"),
        (19, 1, "artifacts.Widgets"),
        (21, 1, "artifacts.Widgets"),
        (23, 1, "artifacts.Prompts"),
        (25, 1, "artifacts.Prompts"),
        (27, 1, "artifacts.Prompts"),
    ]


def test_an_authored_page_keeps_its_lines() -> None:
    # Only drafts: a docs page may print its own dates and buttons.
    assert found(DRAFT, "notes.md", "artifacts") == []


def test_a_rule_naming_an_unknown_shape_is_a_clear_error() -> None:
    rule = "extends: shaped_lines\nmessage: '%s'\nshapes: [stamp, banner]\n"
    with pytest.raises(RuleError, match=r"key 'shapes'.*got banner"):
        findings(rule, "x")
    with pytest.raises(RuleError, match=r"key 'shapes'.*got none"):
        findings("extends: shaped_lines\nmessage: '%s'\n", "x")


STAMPS = [
    "10:31, 14 MAR 2024 Updated 11:02, 14 MAR 2024",
    "Seville Updated 11/03/2024 - 00:14 CET",
    "Published today at 06:00, modified at 09:12",
    "3.14pm AEDT",
    "Tuesday, 12/11/2024 - 07:35 (GMT+7)",
]
PROSE_WORDS = st.sampled_from(["open", "rose", "were", "doors", "fell", "said"])


@given(st.sampled_from(STAMPS), PROSE_WORDS, st.integers(min_value=0, max_value=8))
def test_one_word_of_prose_makes_a_stamp_a_sentence(
    line: str, word: str, at: int
) -> None:
    tokens = _TOKEN.findall(line)
    assert _stamp(tokens, 3)
    assert not _stamp([*tokens[:at], word, *tokens[at:]], 3)
