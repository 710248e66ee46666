"""word_guards: where an unknown word is code, a name, a citation or foreign."""

from __future__ import annotations

import pytest

from copydesk import word_guards
from copydesk.document import Document


def doc(text: str) -> Document:
    return Document.plain(text)


def span(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("call getUserName now", "getUserName"),
        ("set max_size here", "size"),
        ("open config.yaml first", "config"),
        ("use os.path.join", "path"),
        ("pass --verbose", "verbose"),
        ("see https://example.com/docs", "docs"),
        ("the 5km race", "km"),
        ("mail bob@example.org", "bob"),
        ("the NATO summit", "NATO"),
    ],
)
def test_code_and_identifiers_are_code_like(text: str, word: str) -> None:
    assert word_guards.code_like(doc(text), *span(text, word))


@pytest.mark.parametrize(
    ("text", "word"),
    [("the e.g. case", "case"), ("a plain word", "plain"), ("end. Next", "Next")],
)
def test_prose_is_not_code_like(text: str, word: str) -> None:
    assert not word_guards.code_like(doc(text), *span(text, word))


@pytest.mark.parametrize(
    ("text", "word", "initial"),
    [
        ("Niether side moved.", "Niether", True),
        ("It rained. Morevoer, it snowed.", "Morevoer", True),
        ('He said: "Thier view."', "Thier", True),
        ("- Bullet item here", "Bullet", True),
        ("Talks with Peskov ended.", "Peskov", False),
        ("John M. Spratt, Jr. spoke.", "Spratt", False),
        ("Works of Messrs. Thiers and others.", "Thiers", False),
        ("Haaland v. Brackeen was decided.", "Brackeen", False),
        ("Tanzania; Wellcome; Google.", "Wellcome", False),
    ],
)
def test_sentence_initial(text: str, word: str, initial: bool) -> None:
    d = doc(text)
    start, _ = span(text, word)
    assert word_guards.sentence_initial(d, start, d.block_at(start)) is initial


def test_cited_sic_cells_and_hyphens() -> None:
    text = 'The word "gonna" and Theres [sic] in | jpomfret | and physico-chemical.'
    assert word_guards.cited(text, *span(text, "gonna"))
    assert word_guards.sic(text, span(text, "Theres")[1])
    assert word_guards.lone_cell(text, *span(text, "jpomfret"))
    assert word_guards.combining_form(text, span(text, "physico")[1])
    assert not word_guards.lone_cell("| a jpomfret b |", 4, 12)


def test_language_of_a_paragraph() -> None:
    assert word_guards.language_of(["the", "cat", "and", "the", "dog"]) == "en"
    assert word_guards.language_of(["der", "Hund", "und", "die", "Katze"]) == "de"
    assert word_guards.language_of(["el", "perro", "y", "los", "gatos"]) == "es"
    assert word_guards.language_of(["kubectl"]) is None


def test_unaccented() -> None:
    assert word_guards.unaccented("décor") == "decor"
    assert word_guards.unaccented("plain") == "plain"
