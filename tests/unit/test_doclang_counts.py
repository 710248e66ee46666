"""doclang: a text's function words are tallied from its counted words.

Looking up every token of a long text was a second of the 8 MB news
benchmark; each distinct word is looked up once now, and a long text is
counted piece by piece. The tally must be the token-by-token one, down to
the order the languages are first met (``told`` ranks ties in that order).
"""

from __future__ import annotations

from collections import Counter
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk import doclang, text_pieces

#: Function words of several languages, one shared by two (``die``, ``in``),
#: other words, digits and a combining accent.
WORDS = st.sampled_from(
    [
        *("the", "The", "und", "die", "der", "le", "la", "in", "è", "e\u0301"),
        *("Kyiv", "said", "5", "ßt", "w", "że", "и"),
    ]
)
SEPARATORS = st.sampled_from([" ", "\n", ", ", "'", "-", "  "])


def _one_by_one(words: list[str]) -> Counter[str]:
    hits: Counter[str] = Counter()
    for word in words:
        for lang, table in doclang._FUNCTION_WORDS.items():
            if word.casefold() in table:
                hits[lang] += 1
    return hits


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.tuples(WORDS, SEPARATORS), max_size=40))
def test_the_tally_of_counts_is_the_token_by_token_tally(
    words: list[tuple[str, str]],
) -> None:
    text = "".join(w + sep for w, sep in words)
    tokens = doclang._WORD.findall(text)
    tallied = doclang.tally(tokens)
    assert list(tallied.items()) == list(_one_by_one(tokens).items())
    for size in (1, 3, 7):
        with mock.patch.object(text_pieces, "PIECE", size):
            for least in (1, 2, doclang.MIN_HITS):
                expected = doclang.told(_one_by_one(tokens), least)
                assert doclang.language_of(text, least) == expected


def test_a_german_text_is_told_german() -> None:
    text = "Die Regierung hat die Maßnahmen nicht beschlossen, sagte der Minister. " * 3
    assert doclang.language_of(text) == "de"
    assert doclang.language_of("The minister said the plan was late. " * 2) == "en"
