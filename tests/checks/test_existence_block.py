"""``existence`` with ``block``: an anchor line and the lines it holds together
(an author box) are one finding, deleted as one."""

from __future__ import annotations

from typing import Any

import pytest
from tests.checks.test_pairs import SHIPPED

from copydesk import batch
from copydesk.checks.existence import Existence
from copydesk.document import Document
from copydesk.errors import RuleError
from copydesk.fix import fix_text
from copydesk.model import Finding, RuleMeta
from copydesk.ruleset import load_ruleset

BOX = (
    "The mayor said the bridge would reopen in June.\n"
    "\n"
    "Gerhard Gnauck\n"
    "\n"
    "Political correspondent for Poland and the Baltic states, based in Warsaw.\n"
    "\n"
    "  • Follow I follow\n"
    "\n"
    "Engineers inspected the pylons on Monday.\n"
)


def _rule(**data: Any) -> Existence:
    body = {"extends": "existence", "line": True, "tokens": ["Follow I follow"]}
    body.update(data)
    meta = RuleMeta(id="t.Box", extends="existence", source="t.yml", message="%s")
    check = Existence.from_yaml(meta, body, SHIPPED)
    assert isinstance(check, Existence)
    return check


BLOCK = {"above": [".*correspondent.*", r"\p{Lu}\w+ \p{Lu}\w+"], "below": []}


def _run(check: Existence, text: str) -> list[Finding]:
    return list(check.run(Document.plain(text)))


def test_the_block_spans_name_bio_and_anchor() -> None:
    [finding] = _run(_rule(block=BLOCK, remove="line"), BOX)
    assert (finding.line, finding.col, finding.end_line) == (3, 1, 7)
    assert finding.message == "Gerhard Gnauck"
    assert finding.fix is not None
    [edit] = finding.fix.edits
    # The block's lines and the blank line before them go; the text stays.
    assert BOX[: edit.start] + BOX[edit.end :] == (
        "The mayor said the bridge would reopen in June.\n"
        "\n"
        "Engineers inspected the pylons on Monday.\n"
    )


def test_an_anchor_alone_is_left_to_other_rules_unless_lone() -> None:
    text = "The talks ended.\n\n  • Follow I follow\n\nBoth sides will meet again.\n"
    assert _run(_rule(block=BLOCK), text) == []
    [alone] = _run(_rule(block={**BLOCK, "lone": True}), text)
    assert (alone.line, alone.end_line) == (3, 3)


def test_a_bio_without_its_name_still_joins() -> None:
    text = (
        "Talks go on.\n\nEconomics correspondent based in Frankfurt.\n\n"
        "Follow I follow\n"
    )
    [finding] = _run(_rule(block=BLOCK), text)
    assert (finding.line, finding.end_line) == (3, 5)


def test_a_block_stops_below_the_first_line() -> None:
    # A draft opens with its headline: no block grows onto it.
    text = "Economics correspondent based in Frankfurt.\n\nFollow I follow\n"
    assert _run(_rule(block=BLOCK), text) == []
    [finding] = _run(_rule(block={**BLOCK, "lone": True}), text)
    assert (finding.line, finding.end_line) == (3, 3)


def test_lines_below_the_anchor() -> None:
    check = _rule(tokens=["About the author"], block={"below": [".*correspondent.*"]})
    text = "Talks go on.\n\nAbout the author\n\nAnna K. is a correspondent in Kyiv.\n"
    [finding] = _run(check, text)
    assert (finding.line, finding.end_line, finding.end_col) == (3, 5, 36)


def test_repeat_lets_the_last_pattern_take_a_list() -> None:
    """A label heads as many list lines as the page had: the last pattern
    repeats up to ``repeat`` times, and the block stops at the first line
    it does not match (the story's own sentence)."""
    check = _rule(
        tokens=["Most read"],
        block={"below": [r"\d\. [^\n]+(?<![.])"], "repeat": 2, "lone": True},
    )
    text = (
        "The plan was approved.\n"
        "Most read\n"
        "1. Metro strike: what you need to know\n"
        "2. Heatwave warning for the south\n"
        "3. Coach leaves after cup exit\n"
        "4. Fourth headline past the repeat\n"
    )
    [finding] = _run(check, text)
    assert (finding.line, finding.end_line) == (2, 5)
    story = text.replace("3. Coach leaves after cup exit", "Critics said it was late.")
    [finding] = _run(check, story)
    assert (finding.line, finding.end_line) == (2, 4)


def test_shipped_list_blocks_on_a_scraped_draft() -> None:
    """The shipped rules' blocks on one scraped draft: a "Most read" list,
    a player and its duration, a relative and a dated stamp (one finding,
    though the dated stamp alone is one too), a byline and handle over a
    follow button, and a bio by its beat."""
    ruleset = load_ruleset(select=["artifacts"])
    text = (
        "Updated 3 hours ago\n"
        "Published 2 March 2026, 08:40 CET\n"
        "Listen to this article\n"
        "6 min\n"
        "The port reopened on Monday after a week of strikes.\n"
        "Most read\n"
        "1. Ferry fares to rise in April\n"
        "2. Why the strike ended: a timeline\n"
        "Dockers said talks would resume in May.\n"
        "By Ana Ruiz\n"
        "@anaruiz_\n"
        "Follow\n"
        "About the author\n"
        "Ana Ruiz has covered shipping since 2015.\n"
    )
    found = batch.lint_text(text, "draft.txt", "plain", ruleset)
    assert [(f.rule, f.line, f.end_line) for f in found] == [
        ("artifacts.ReadingTime", 1, 2),
        ("artifacts.Audio", 3, 4),
        ("artifacts.Related", 6, 8),
        # The bare byline, beside the follow row, is its own rule's too, as
        # a follow toggle in an author box is; the stamp under the relative
        # one is the stamp block's.
        ("artifacts.BareByline", 10, 10),
        ("artifacts.Social", 10, 12),
        ("artifacts.AuthorBox", 13, 14),
    ]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({"block": BLOCK, "line": False}, "needs 'line: true'"),
        ({"block": {"side": []}}, "block.side"),
        ({"block": {"above": ["("]}}, "block.above"),
        ({"block": {"above": "x"}}, "expected a list of patterns"),
        ({"block": {"lone": "yes"}}, "block.lone"),
        ({"block": {"repeat": -1}}, "block.repeat"),
        ({"block": {"repeat": True}}, "block.repeat"),
        ({"block": {"repeat": 99}}, "block.repeat"),
    ],
)
def test_bad_block_keys_are_rule_errors(data: dict[str, Any], reason: str) -> None:
    with pytest.raises(RuleError, match=reason):
        _rule(**data)


def test_shipped_author_box_on_other_languages() -> None:
    ruleset = load_ruleset(select=["artifacts.AuthorBox"])
    text = (
        "Der Kreml schwieg.\n\nFriedrich Schmidt\n\n"
        "Politischer Korrespondent für Russland mit Sitz in Moskau.\n\n"
        "Folgen Ich folge\n\nDie Gespräche gehen weiter.\n"
    )
    [finding] = batch.lint_text(text, "draft.txt", "plain", ruleset)
    assert (finding.rule, finding.line, finding.end_line) == (
        "artifacts.AuthorBox",
        3,
        7,
    )
    fixed = fix_text(
        text, lambda t: batch.lint_text(t, "draft.txt", "plain", ruleset), unsafe=True
    )
    assert fixed.text == "Der Kreml schwieg.\n\nDie Gespräche gehen weiter.\n"


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        # A quoted sentence after a bare label ends a sentence inside its marks.
        ("Talks ended.\n\nRelated\n\n“We will not give up on this city.”\n", (3, 3)),
        # The first line of a paragraph wrapped by hand runs on: not a headline.
        (
            "Talks ended.\nRelated\nThe council voted to set aside funds, which\n"
            "were approved by the mayor.\n",
            (2, 2),
        ),
        # A docs list of references under "Further reading" is the page's own.
        ("Notes.\n\nFurther reading\n- Configuration reference for the SDK\n", (3, 3)),
    ],
)
def test_a_label_leaves_story_text_and_docs_lists(
    text: str, lines: tuple[int, int]
) -> None:
    ruleset = load_ruleset(select=["artifacts"])
    [finding] = batch.lint_text(text, "draft.txt", "plain", ruleset)
    assert (finding.line, finding.end_line) == lines


def test_a_story_sentence_with_covers_is_no_bio() -> None:
    """A beat verb makes a bio only after the author's name or pronoun."""
    ruleset = load_ruleset(select=["artifacts"])
    text = (
        "The new policy covers flood damage from May, the insurer said.\n\n"
        "About the author\n"
    )
    assert batch.lint_text(text, "draft.txt", "plain", ruleset) == []
