"""Mends for what round bl of held-out trees (``bench/labels/
heldout-2026-12-07l.md``) showed, each on a document of our own."""

from __future__ import annotations

from tests.shipped_packs import found


def test_a_quotation_through_a_rest_block_quote_is_closed() -> None:
    # The quoted passage runs over the three paragraphs of one indented
    # block quote, opening in the first and closing in the last: one
    # quotation. One left open before a paragraph of the text is not.
    text = (
        "Rivers\n======\n\n"
        "The survey describes the delta as:\n\n"
        '    "A wide plain of silt that the river lays down where it meets\n'
        "    the sea, split into many channels.\n\n"
        "    The channels move from year to year, and the villages move\n"
        "    with them.\n\n"
        '    In dry years the sea reaches far inland."\n\n'
        "The next chapter maps the channels.\n\n"
        '    "Each map is a guess, the authors wrote.\n\n'
        "The guess was good enough for the fleet.\n"
    )
    assert found(text, "delta.rst", "quotes") == [(16, 5, "quotes.Unclosed")]


def test_british_greek_spellings_are_spellings() -> None:
    # ae and oe kept where American English writes e: "hyperglycaemia" is
    # "hyperglycemia" spelt in Britain. A letter typed in a short word, or
    # one that is not the digraph's, is still a slip.
    text = (
        "The clinic treats hyperglycaemia and hypoglycaemic patients.\n"
        "The reqaest failed, and the configuraetion broke.\n"
        "The daefault setting was organizaed by the team.\n"
    )
    assert found(text, "clinic.md", "typos") == [
        (2, 5, "typos.Unknown"),
        (2, 29, "typos.Unknown"),
        (3, 5, "typos.Unknown"),
        (3, 26, "typos.Unknown"),
    ]


def test_letters_typed_twice_in_a_row_are_a_slip() -> None:
    # "entitities": "ti" typed twice; the word meant is common. A prefix
    # repeated on purpose builds a word ("rereleasing", "subsubsections").
    text = (
        "The entitities were merged into one table by the importer.\n"
        "The rereleasing of the subsubsections was a standandard step.\n"
    )
    assert found(text, "merge.md", "typos") == [
        (1, 5, "typos.Unknown"),
        (2, 45, "typos.Unknown"),
    ]


def test_what_is_no_british_spelling_stays_a_slip() -> None:
    # ae before -ment, oe before a letter no such word has, -erer nouns.
    text = "The managaement of the devoelopment team fosters the fosterers.\n"
    assert found(text, "team.md", "typos") == [
        (1, 5, "typos.Unknown"),
        (1, 24, "typos.Unknown"),
    ]
