"""morphology: words built from common words are taken as meant."""

from __future__ import annotations

import pytest

from copydesk import morphology, wordlists


def common(word: str) -> bool:
    lex = wordlists.lexicon("en")
    return word in lex.words and lex.count(word) >= 50


@pytest.mark.parametrize(
    "word",
    [
        "underserved",  # under + served
        "rehydrated",  # re + hydrate + d
        "executables",  # execute + able + s
        "globbing",  # glob, doubled b
        "strategizes",  # strategy + ize + s
        "breakpoint",  # break + point
        "failover",  # fail + over
        "renicing",  # re + nice + ing: a prefix built the suffix's stem
        "nationalizes",  # nation + al + izes: a long stem takes two suffixes
    ],
)
def test_affixes_and_compounds_explain_coined_words(word: str) -> None:
    assert morphology.derived(word, common)


@pytest.mark.parametrize(
    "word",
    [
        "aproved",
        "recieve",
        "publihsed",
        "evacuted",
        "intializes",  # inti + al + izes: two suffixes on a short stem
        "resourcess",  # a plural's plural
    ],
)
def test_misspellings_are_not_explained(word: str) -> None:
    assert not morphology.derived(word, common)


def test_stems_undo_spelling_changes_at_the_boundary() -> None:
    assert morphology.stems("hoping", "ing")[:2] == ["hop", "hope"]
    assert "run" in morphology.stems("running", "ing")
    assert "duty" in morphology.stems("dutiful", "ful")
    assert morphology.stems("ring", "ing") == []


def test_stems_restore_a_silent_e_only_before_a_vowels_suffix() -> None:
    assert "hope" in morphology.stems("hoping", "ing")
    assert "move" in morphology.stems("movable", "able")
    assert "immense" not in morphology.stems("immensly", "ly")
    assert "move" not in morphology.stems("movment", "ment")


def test_stems_of_a_ble_word_take_ility() -> None:
    assert "flexible" not in morphology.stems("flexiblity", "ity")
    assert "flexibly" not in morphology.stems("flexiblity", "ity")
    assert "strategy" in morphology.stems("strategize", "ize")


def test_stems_undo_a_doubled_consonant_in_short_stems_only() -> None:
    assert "glob" in morphology.stems("globbing", "ing")
    assert "commit" in morphology.stems("committed", "ed")
    assert "catalog" not in morphology.stems("catalogged", "ed")
