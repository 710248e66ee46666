"""Faults a review of session 31's change found, each on a document of our
own: what the new checks must not flag, and what they must not hide."""

from __future__ import annotations

from tests.shipped_packs import lint


def _rules(text: str, name: str, pack: str) -> list[tuple[int, int, str, str | None]]:
    return [
        (f.line, f.col, f.match, f.fix.applicability.value if f.fix else None)
        for f in lint(text, name, pack)
    ]


def test_a_doubled_the_after_an_infinitives_verb_keeps_its_unsafe_fix() -> None:
    text = "You need to reply the the message today.\n"
    assert _rules(text, "a.md", "style") == [(1, 19, "the the", "unsafe")]


def test_a_letter_struck_twice_is_a_slip_with_its_own_correction() -> None:
    text = "Please rreview the ccode.\n"
    found = [(f.match, f.suggestions[:1]) for f in lint(text, "a.md", "typos")]
    assert found == [("rreview", ("review",)), ("ccode", ("code",))]


def test_modal_nouns_and_questions_are_no_agreement_slips() -> None:
    text = (
        "A living will allows you to refuse treatment. Her father's will gives"
        " the house away. Each can contains 330 ml. They believe might makes"
        " right. When will displays arrive? This setting may allows you to"
        " skip it.\n"
    )
    assert [f.match for f in lint(text, "a.md", "typos")] == ["allows"]


def test_its_as_a_possessive_before_letters_and_compound_adjectives() -> None:
    text = (
        "The tool is popular due to its easy to use interface. The team shared"
        " its A/B test results. The choir released its a cappella album. The"
        " app and its easy to learn syntax won fans.\n"
    )
    assert [f.rule for f in lint(text, "a.md", "typos")] == []


def test_headings_and_sentences_that_look_like_a_listings_labels() -> None:
    text = (
        "Safety tips\n\nFloor plans\n\nBuyers' premium at the big auction"
        " houses has risen to 28 per cent, the report found.\n\nAdd to bag and"
        " shake well until the chicken is coated.\n\nSite developed by a local"
        " builder in 2004.\n\nDeli\n\nThe shop sold bread.\n"
    )
    assert _rules(text, "d.txt", "artifacts") == []


def test_a_surname_in_a_heading_or_a_list_field_is_a_name() -> None:
    text = (
        "## Remembering Councillor Peter Sadler\n\n"
        "- Goalkeeper - Stubbs\n- Defender - Bakker, on loan\n\nBakker agreed.\n"
    )
    assert _rules(text, "a.md", "typos") == []


def test_a_daemons_page_still_has_slips() -> None:
    text = "Restart the daemon. The request returnd an error.\n"
    assert [f.match for f in lint(text, "a.md", "typos")] == ["returnd"]


def test_a_mention_is_no_console_command_and_a_stray_tag_masks_no_paragraph() -> None:
    text = (
        "@bob I think the the config is wrong.\n\n"
        "1. Type {% and then the tag name.\n\n"
        "   Then write the the arguments, and close the tag with %} as usual.\n"
    )
    assert [(f.line, f.match) for f in lint(text, "a.md", "style")] == [
        (1, "the the"),
        (5, "the the"),
    ]
