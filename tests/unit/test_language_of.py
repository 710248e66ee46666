"""word_guards.language_of: a paragraph's language by its function words.

Counted per language in C; held here to the plain reading of the rule (the
most function words, the first listed on a tie, at least two).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk import word_guards

#: Function words of several languages, some shared (``de``, ``la``, ``en``).
WORDS = ["the", "and", "der", "die", "und", "la", "le", "de", "en", "el", "que", "x"]


def _by_tally(words: list[str]) -> str | None:
    tally = dict.fromkeys(word_guards._FUNCTION_WORDS, 0)
    for word in words:
        for lang, table in word_guards._FUNCTION_WORDS.items():
            tally[lang] += word.casefold() in table
    lang, hits = max(tally.items(), key=lambda item: item[1])
    return lang if hits >= 2 else None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS + [w.upper() for w in WORDS]), max_size=12))
def test_the_language_with_most_function_words_first_listed_on_a_tie(
    words: list[str],
) -> None:
    assert word_guards.language_of(words) == _by_tally(words)


def test_a_paragraph_in_german_and_one_too_short_to_tell() -> None:
    assert word_guards.language_of(["Der", "Hund", "und", "die", "Katze"]) == "de"
    assert word_guards.language_of(["the", "cat"]) is None
