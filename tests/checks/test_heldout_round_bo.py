"""Mends for what round bo of held-out trees (``bench/labels/
heldout-2026-12-07o.md``: the Crystal book, the Mixxx manual, Logisim's
guide, CarbonPlan's blog) and its helpers' lists of misses showed, each on
a document of our own."""

from __future__ import annotations

from tests.shipped_packs import lint

from copydesk.fix import apply_edits
from copydesk.markup.rst import parse_rst


def _doubles(text: str, name: str) -> list[tuple[int, int, str]]:
    return [
        (f.line, f.col, f.match)
        for f in lint(text, name, "style")
        if f.rule == "style.Repetition"
    ]


def test_a_custom_domains_object_description_is_read_as_prose() -> None:
    text = (
        "Controls\n"
        "========\n"
        "\n"
        ".. deck:control:: [ChannelN],loop_X_activate\n"
        "   :range: binary\n"
        "\n"
        "   Starts a loop of of the given size on the deck.\n"
        "\n"
        ".. deck:control:: [ChannelN],loop_X_toggle\n"
        "\n"
        "   Does the same action action like the one above.\n"
    )
    assert _doubles(text, "controls.rst") == [
        (7, 18, "of of"),
        (11, 18, "action action"),
    ]
    prose = parse_rst(text).prose
    # The signature and the option stay masked; the description is read.
    assert "loop_X_activate" not in prose
    assert "binary" not in prose
    assert "Starts a loop" in prose


def test_a_prepositions_object_it_before_a_clauses_subject_it_is_meant() -> None:
    text = (
        "If the query has a colon in it it will be read as a field. When\n"
        "working on it it is easier to skip the build. Add the plugin, then\n"
        "add it it to the list. She said it it was over, and if it it does\n"
        "not start, restart it. It looks like it it will rain. If the query\n"
        "has a colon in it it\nwill be read as a field.\n"
    )
    assert _doubles(text, "search.txt") == [
        (3, 5, "it it"),
        (3, 33, "it it"),
        (3, 56, "it it"),
        # "like" is a conjunction before a clause: the double is a slip.
        (4, 38, "it it"),
    ]


#: A wire story as a machine translation from Spanish and German leaves it:
#: each false friend in a context only the foreign sense fits, each English
#: use of the same words beside it.
_TRANSLATED = """\
Floods close the coastal road

The regional minister assisted to the crisis meeting in the capital on
Monday. The army realized an operation near the river, and the chef of the
delegation said the rescue would go on in the night to Tuesday.

Between the victims were two fishermen. Residents were appealed to stay
indoors, and hundreds of villagers manifested in front of the town hall.
The protest was dissolved by riot police. Families fled in search for food.

The nurse assisted the doctor. The mayor realized an operation was needed.
The head chef of the embassy cooked for the delegation. The ruling was
appealed to the Supreme Court, and the patients manifested symptoms early.
"""


def test_a_translations_false_friends_are_reported_in_their_foreign_sense() -> None:
    found = [
        (f.line, f.col, f.match, f.suggestions[0])
        for f in lint(_TRANSLATED, "floods.txt", "typos")
        if f.rule == "typos.FalseFriends"
    ]
    assert found == [
        (3, 23, "assisted to", "attended"),
        (4, 18, "realized", "carried out"),
        (4, 64, "chef", "chief"),
        (5, 40, "in the night to", "overnight into"),
        (7, 1, "Between", "Among"),
        (7, 56, "appealed", "urged"),
        (8, 36, "manifested", "demonstrated"),
        (9, 17, "dissolved", "broken up"),
        (9, 60, "search for", "search of"),
    ]


def test_the_false_friends_fixes_read_as_english() -> None:
    found = [
        f
        for f in lint(_TRANSLATED, "floods.txt", "typos")
        if f.rule == "typos.FalseFriends"
    ]
    edits = [e for f in found if f.fix is not None for e in f.fix.edits]
    fixed = apply_edits(_TRANSLATED, edits)[0]
    assert fixed.splitlines()[2:9] == [
        "The regional minister attended the crisis meeting in the capital on",
        "Monday. The army carried out an operation near the river, and the chief"
        " of the",
        "delegation said the rescue would go on overnight into Tuesday.",
        "",
        "Among the victims were two fishermen. Residents were urged to stay",
        "indoors, and hundreds of villagers demonstrated in front of the town hall.",
        "The protest was broken up by riot police. Families fled in search of food.",
    ]


def test_a_straight_mark_closing_one_line_opens_no_quotation_to_the_next() -> None:
    """A draft a paragraph to a line: the straight mark that closes a curly
    quotation ('late," said') is a closer, and pairs with no later line's
    opener, so the debris between is no quotation's text."""
    text = (
        "Bus strike paralyses the city\n"
        "Many commuters had to walk for hours to reach work.\n"
        '“I left home at four and still arrived late," said a cleaner.\n'
        "Read also: Metro workers vote on a new strike\n"
        "The union said the strike would go on until a new offer.\n"
        '"The ball is now with the government," the union leader said.\n'
    )
    found = [(f.line, f.rule) for f in lint(text, "strike.txt", "artifacts")]
    assert found == [(4, "artifacts.Related")]
