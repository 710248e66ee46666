"""doclang: a text's function words are tallied from its counted words.

Looking up every token of a long text was a second of the 8 MB news
benchmark; each distinct word is looked up once now, and a long text is
counted piece by piece. The tally must be the token-by-token one, down to
the order the languages are first met (``told`` ranks ties in that order).
"""

from __future__ import annotations

from collections import Counter
from unittest import mock

from hypothesis import example, given, settings
from hypothesis import strategies as st

from copydesk import doclang, text_pieces, word_guards
from copydesk.document import Document

#: Function words of several languages, one shared by two (``die``, ``in``),
#: other words, digits, a combining accent and words with a language's own
#: letters (ż, ř, ô).
WORDS = st.sampled_from(
    [
        *("the", "The", "und", "die", "der", "le", "la", "in", "è", "e\u0301"),
        *("Kyiv", "said", "5", "ßt", "w", "że", "и", "řeka", "môj"),
    ]
)
SEPARATORS = st.sampled_from([" ", "\n", ", ", "'", "-", "  "])


def _one_by_one(words: list[str]) -> Counter[str]:
    hits: Counter[str] = Counter()
    for word in words:
        for lang, table in doclang._FUNCTION_WORDS.items():
            if word.casefold() in table:
                hits[lang] += 1
        for lang, own in doclang._OWN_LETTERS.items():
            if any(ch in own for ch in word):
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


def test_a_czech_text_is_not_told_polish() -> None:
    # Czech shares na, to, do, po, ale with Polish; its own short words tell.
    czech = (
        "Obsah na webu je to, co je na stránce. Pro lidi se sluchovým postižením "
        "jsou potřeba titulky a také popisy, které jsou důležité pro všechny."
    )
    assert doclang.language_of(czech) == "cs"
    polish = "Nie jest to łatwe, ale już wiemy, że to się uda dla nas wszystkich."
    assert doclang.language_of(polish) == "pl"


#: Letters, a combining accent, apostrophes, digits and numerals that the
#: tally reads as letters and the lexicon's words do not (``½``, ``²``, ``Ⅳ``).
ODD_TEXT = st.text(alphabet="ab éßи'’ \u0301_5½²Ⅳ\n-", max_size=60)


@settings(max_examples=500, deadline=None)
@given(text=ODD_TEXT)
@example(text="a½b ½ c²d² a b")
@example(text="x'½y ½½")
def test_the_runs_counted_from_the_lexicon_counts_are_the_texts_runs(
    text: str,
) -> None:
    """The document's language is told from ``WordCounts``: the runs of
    letters counted from its words, the runs holding a numeral read from
    the text, are the tally's own tokens."""
    words: Counter[str] = Counter(word_guards.WORD.findall(text))
    counted = doclang.runs_counted(words, text)
    assert counted is not None
    assert +counted == Counter(doclang._WORD.findall(text))


def test_a_documents_language_is_told_from_its_counted_words() -> None:
    """``DocumentLanguage`` reads ``WordCounts`` (computed once for the
    lexicon checks too), not the prose again; a numeral inside a word
    (``½die``) is no German ``die``."""
    text = "Die Regierung hat die Maßnahmen nicht beschlossen, sagte er. ½die " * 2
    doc = Document.plain(text)
    with mock.patch.object(doclang, "language_of", side_effect=AssertionError):
        assert doc.get(doclang.DocumentLanguage) == "de"
    assert word_guards.WordCounts in doc._analyses
    counted = doclang.runs_counted(doc.get(word_guards.WordCounts), text)
    assert counted is not None
    assert counted["die"] == 2
    assert counted["½die"] == 2
