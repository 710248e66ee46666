"""word_guards.Places: every suspect's places in one pass, as ``occurrences``
finds them one word at a time.

The lexicon checks once searched the prose for each suspect word, so their
cost grew with the text times the suspects, and the suspects grow with the
text. ``Places`` tokenises once per batch of words; these tests hold it to
the old rule exactly, odd characters included, and count its passes.
"""

from __future__ import annotations

from collections import Counter
from typing import Any
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk import engine, text_pieces, word_guards
from copydesk.batch import build_document
from copydesk.ruleset import Ruleset, load_ruleset
from copydesk.word_guards import WORD, Places, Tokens, occurrences

#: Letters, apostrophes, a combining accent (joins a word), a Devanagari
#: vowel sign of combining class 0 (kept in a token by ``WORD``, joins no
#: word for ``occurrences``), a letter newer than Python's Unicode tables,
#: digits, hyphens and spaces.
ALPHABET = "abcAB'’\u0301\u093e\u0941\u0560\u0915-1 \n"


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=60))
def test_places_are_the_whole_token_occurrences(text: str) -> None:
    words = set(WORD.findall(text)) | {"ab", "a", "b", "abc", "क"}
    with mock.patch.object(word_guards, "FEW_WORDS", 0):  # one pass, not finds
        places = Places(text).of(words)
    for word in words:
        assert list(places[word]) == list(occurrences(text, word)), word


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=60), size=st.integers(1, 12))
def test_places_from_the_token_pass_are_the_whole_token_occurrences(
    text: str, size: int
) -> None:
    """Read piece by piece, the token pass places the words used once or
    twice, and the rest are searched, as ``occurrences`` finds them all."""
    words = set(WORD.findall(text)) | {"ab", "a", "b", "abc", "क"}
    for placed_from in (0, word_guards.PLACED_FROM):
        with (
            mock.patch.object(text_pieces, "PIECE", size),
            mock.patch.object(word_guards, "PLACED_FROM", placed_from),
        ):
            tokens = Tokens.of(text)
        assert tokens.counts == Counter(WORD.findall(text))
        assert tokens.placed == (placed_from == 0)
        places = Places(text, tokens).of(words)
        for word in words:
            assert list(places[word]) == list(occurrences(text, word)), word


def test_a_short_prose_keeps_no_places_and_searches_its_few_suspects() -> None:
    """Keeping every rare word's places costs more than it saves on a small
    file, whose few suspects are searched one by one."""
    text = "A lone wrod and a lone teh.\n"
    doc = build_document(text, "d.txt", "plain", "en")
    with _count_passes() as calls:
        places = doc.get(word_guards.WordPlaces).of(["wrod", "teh"])
    assert places == {"wrod": [7], "teh": [23]}
    assert (calls.split, calls.passes, calls.searches) == (0, 0, 2)


def test_a_word_after_a_spacing_mark_is_found_inside_its_token() -> None:
    """``WORD`` reads ``खाab`` as one token; ``ab`` stands whole in it."""
    text = "क\u093eab and ab"
    assert list(occurrences(text, "ab")) == [2, 9]
    with mock.patch.object(word_guards, "FEW_WORDS", 0), _count_passes() as calls:
        assert Places(text).of(["ab"])["ab"] == [2, 9]
    assert (calls.passes, calls.searches) == (1, 0)


def test_a_batch_is_one_pass_and_a_few_words_are_searched_one_by_one() -> None:
    text = " ".join(f"w{chr(97 + n % 26)}{chr(97 + n // 26)}" for n in range(200))
    words = WORD.findall(text)
    batch = word_guards.FEW_WORDS
    places = Places(text)
    where = {w: [4 * n] for n, w in enumerate(words)}
    with _count_passes() as calls:
        assert places.of(words[:batch]) == {w: where[w] for w in words[:batch]}
        assert places.of(words[: batch + 2]) == {
            w: where[w] for w in words[: batch + 2]
        }
    assert (calls.passes, calls.searches) == (1, 2)


def test_the_spelling_checks_scan_a_draft_as_often_whatever_its_typos() -> None:
    """An operation count, not a timing: however many misspelt words a draft
    has, the lexicon and rarity checks tokenise its prose once, for the
    counts and the places of the words used once or twice, where they once
    searched it per word, then made a pass per check for the places."""
    checks = [
        c for c in load_ruleset().checks if c.meta.extends in ("lexicon", "rarity")
    ]
    assert {c.meta.extends for c in checks} == {"lexicon", "rarity"}
    scans = []
    for paragraphs in (1, len(_LONG_WORDS)):
        text = _draft(paragraphs)
        doc = build_document(text, "draft.txt", "plain", "en")
        with (
            mock.patch.object(word_guards, "FEW_WORDS", 0),
            mock.patch.object(word_guards, "PLACED_FROM", 0),  # a long draft's way
            _count_passes() as calls,
        ):
            found = engine.lint(doc, Ruleset(checks))
        slips = {text[f.start : f.end] for f in found}
        assert {"untolerant", _swapped(_LONG_WORDS[paragraphs - 1])} <= slips
        # The tokens, each paragraph's language, a few words around a rare one.
        read = calls.tokenised / len(text)
        scans.append((calls.split == len(text), read <= 2, calls.passes))
    assert scans == [(True, True, 0), (True, True, 0)]


def test_a_word_used_more_than_twice_is_found_by_a_pass() -> None:
    """The token pass keeps places of the words used once or twice; a word
    used more often (a lexicon with a higher ``term-count``) is searched."""
    text = "teh cat, teh dog and teh bird; a lone wrod.\n"
    doc = build_document(text, "d.txt", "plain", "en")
    with (
        mock.patch.object(word_guards, "FEW_WORDS", 0),
        mock.patch.object(word_guards, "PLACED_FROM", 0),
        _count_passes() as calls,
    ):
        places = doc.get(word_guards.WordPlaces).of(["wrod", "teh"])
    assert places == {"wrod": [38], "teh": [0, 9, 21]}
    assert calls.passes == 1


#: Common words, each misspelt in one paragraph of ``_draft``.
_LONG_WORDS = [
    "different",
    "important",
    "political",
    "national",
    "economic",
    "military",
    "minister",
    "business",
    "community",
    "education",
    "information",
    "development",
    "security",
    "question",
    "situation",
    "relationship",
    "production",
    "condition",
    "particular",
    "experience",
    "environment",
]


def _swapped(word: str) -> str:
    """``word`` with its fifth letter doubled: a typing slip."""
    return word[:4] + word[4] + word[4:]


def _draft(paragraphs: int) -> str:
    """Paragraphs of running prose, each with a misspelling of its own."""
    return "".join(
        f"The council said the {_swapped(word)} report was late again. "
        f"{'It called the plan an untolerant policy. ' if n == 0 else ''}"
        "Officials met on Monday and will meet again next week.\n\n"
        for n, word in enumerate(_LONG_WORDS[:paragraphs])
    )


class _count_passes:  # noqa: N801 - a context manager, named as a phrase
    """Counts scans of a prose while active: characters split into tokens
    (the token pass, piece by piece), whole tokenising passes (``finditer``,
    for places), characters tokenised by ``findall`` (a paragraph's
    language, the words around a rare one) and one-word searches."""

    def __init__(self) -> None:
        self.split = 0
        self.passes = 0
        self.tokenised = 0
        self.searches = 0
        self._patches: list[Any] = []

    def __enter__(self) -> _count_passes:
        outer = self
        split = word_guards._WORD_SPLIT

        class Counted:
            def finditer(self, *args: Any) -> Any:
                outer.passes += 1
                return WORD.finditer(*args)

            def findall(self, text: str, start: int = 0, end: int = -1) -> Any:
                end = len(text) if end < 0 else end
                outer.tokenised += end - start
                return WORD.findall(text, start, end)

            def search(self, *args: Any) -> Any:
                return WORD.search(*args)

        class CountedSplit:
            def split(self, text: str) -> Any:
                outer.split += len(text)
                return split.split(text)

        def searched(prose: str, word: str) -> Any:
            outer.searches += 1
            return occurrences(prose, word)

        self._patches = [
            mock.patch.object(word_guards, "WORD", Counted()),
            mock.patch.object(word_guards, "_WORD_SPLIT", CountedSplit()),
            mock.patch.object(word_guards, "occurrences", searched),
        ]
        for patch in self._patches:
            patch.start()
        return self

    def __exit__(self, *exc: object) -> None:
        for patch in self._patches:
            patch.stop()
