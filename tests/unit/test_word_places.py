"""word_guards.Places: every suspect's places in one pass, as ``occurrences``
finds them one word at a time.

The lexicon checks once searched the prose for each suspect word, so their
cost grew with the text times the suspects, and the suspects grow with the
text. ``Places`` tokenises once per batch of words; these tests hold it to
the old rule exactly, odd characters included, and count its passes.
"""

from __future__ import annotations

import collections
from typing import Any
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk import engine, text_pieces, word_guards, word_pattern
from copydesk.batch import build_document
from copydesk.ruleset import Ruleset, load_ruleset
from copydesk.word_guards import WORD, Places, occurrences

#: Letters, apostrophes, a combining accent (joins a word), a Devanagari
#: vowel sign of combining class 0 (kept in a token by ``WORD``, joins no
#: word for ``occurrences``), a letter newer than Python's Unicode tables,
#: digits, hyphens and spaces.
ALPHABET = "abcAB'’\u0301\u093e\u0941\u0560\u0915-1 \n"
#: The same without the characters that hide a word inside a token.
PLAIN = "abcAB'’\u0301-1 \n"


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
def test_a_pass_piece_by_piece_finds_the_whole_token_occurrences(
    text: str, size: int
) -> None:
    """A pass over a prose without odd characters splits it piece by piece;
    with them, it reads token by token: both as ``occurrences`` finds."""
    words = set(WORD.findall(text)) | {"ab", "a", "b", "abc", "क"}
    with (
        mock.patch.object(text_pieces, "PIECE", size),
        mock.patch.object(word_guards, "FEW_WORDS", 0),
    ):
        places = Places(text).of(words)
    for word in words:
        assert list(places[word]) == list(occurrences(text, word)), word


@settings(max_examples=400, deadline=None)
@given(
    text=st.text(alphabet=ALPHABET, max_size=60) | st.text(alphabet=PLAIN, max_size=60)
)
def test_one_scan_for_a_few_words_finds_the_whole_token_occurrences(
    text: str,
) -> None:
    """A few words in a long prose are found by one scan of them all, the
    longest first at each place: as ``occurrences`` finds them one by one,
    also where one word begins or ends another (``ab``, ``abc``, ``b``). A
    prose with an odd character is searched word by word."""
    words = set(WORD.findall(text)) | {"ab", "a", "b", "abc", "bc", "क", "a'b"}
    with mock.patch.object(word_guards, "_ONE_SCAN_FROM", 0):
        places = Places(text).of(words)
    for word in words:
        assert list(places[word]) == list(occurrences(text, word)), word


def test_one_scan_reads_wide_characters_and_lone_surrogates() -> None:
    """The scan of a few words reads UTF-8 (RE2), its byte offsets counted
    back to characters past accents and a character beyond U+FFFF; a prose
    with a lone surrogate, which has no UTF-8, is scanned as it is."""
    words = ["café", "Zoë", "naïve", "cafés"]
    for text in (
        "café 𝔘 Zoë, naïve cafés café’s Zoë\ncafé\n",
        "café \ud800 Zoë, naïve cafés café’s Zoë\ncafé\n",
    ):
        with mock.patch.object(word_guards, "_ONE_SCAN_FROM", 0):
            places = Places(text).of(words)
        for word in words:
            assert list(places[word]) == list(occurrences(text, word)), word
        assert places["Zoë"] == [7, 31]


def test_a_few_words_in_a_long_prose_are_one_scan() -> None:
    text = "Foreach and ForEach, foreach-ForEach's Foreacher ForEach\n" * 500
    words = ["ForEach", "Foreach", "ForEach's", "Foreacher"]
    # 4 words in 28,500 characters; at the threshold's scale, 4 in 5 MB.
    with (
        mock.patch.object(word_guards, "_ONE_SCAN_FROM", 100_000),
        _count_passes() as calls,
    ):
        places = Places(text).of(words)
        assert (calls.passes, calls.searches) == (0, 0)
        Places(text[:500]).of(words)  # a short page: one search a word
        assert (calls.passes, calls.searches) == (0, 4)
    for word in words:
        assert list(places[word]) == list(occurrences(text, word)), word
    assert places["ForEach"][:3] == [12, 49, 69]
    assert places["ForEach's"][:2] == [29, 86]


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
    # An ASCII prose: the pass is a split of it, not a token-by-token read.
    assert (calls.passes, calls.split, calls.searches) == (0, len(text), 2)


def test_the_spelling_checks_scan_a_draft_as_often_whatever_its_typos() -> None:
    """An operation count, not a timing: however many misspelt words a draft
    has, the lexicon and rarity checks tokenise its prose once for the
    counts and once per check for the places (a split of its pieces), where
    they once searched it per word."""
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
            _count_passes() as calls,
        ):
            found = engine.lint(doc, Ruleset(checks))
        slips = {text[f.start : f.end] for f in found}
        assert {"untolerant", _swapped(_LONG_WORDS[paragraphs - 1])} <= slips
        # The counts, each paragraph's language, a few words around a rare one.
        read = calls.tokenised / len(text)
        scans.append((read <= 3, calls.split / len(text), calls.passes))
    assert scans == [(True, 2, 0), (True, 2, 0)]


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
        spelled_out = word_pattern.word_pattern

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

        class CountedPattern:
            """``WORD`` spelled out for a piece (splits and counts read)."""

            def __init__(self, text: str, *, capture: bool = False) -> None:
                self.pattern = spelled_out(text, capture=capture)

            def split(self, text: str) -> Any:
                outer.split += len(text)
                return self.pattern.split(text)

            def findall(self, text: str) -> Any:
                outer.tokenised += len(text)
                return self.pattern.findall(text)

        def searched(prose: str, word: str) -> Any:
            outer.searches += 1
            return occurrences(prose, word)

        self._patches = [
            mock.patch.object(word_guards, "WORD", Counted()),
            mock.patch.object(word_pattern, "word_pattern", CountedPattern),
            mock.patch.object(word_guards, "occurrences", searched),
        ]
        for patch in self._patches:
            patch.start()
        return self

    def __exit__(self, *exc: object) -> None:
        for patch in self._patches:
            patch.stop()


#: Letters (ASCII, wide, a title-case and a modifier letter), combining and
#: spacing marks, apostrophes, digits, a numeral, spaces and punctuation.
ANY_PROSE = st.text(alphabet="aZéßǅʹ\u0301\u093e'’ 5½-_.ﬁ\u0130", max_size=40)


@settings(max_examples=500, deadline=None)
@given(text=ANY_PROSE)
def test_words_spelled_out_for_a_text_are_its_words(text: str) -> None:
    """``WORD`` written in the standard ``re`` with the text's own letters
    and marks finds (and splits at) exactly ``WORD``'s tokens."""
    assert word_pattern.word_pattern(text).findall(text) == WORD.findall(text)
    split = word_pattern.word_pattern(text, capture=True).split(text)
    assert split == word_guards._WORD_SPLIT.split(text)


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=60))
def test_a_word_searched_alone_stops_at_its_last_token(text: str) -> None:
    """Told the prose's word counts, a word searched alone is searched only
    up to its last token where every whole place is a token (no odd
    character), and wholly elsewhere: its places are ``occurrences``'."""
    counts = collections.Counter(WORD.findall(text))
    words = set(counts) | {"ab", "a", "b", "abc", "क"}
    places = Places(text, counts).of(words)
    for word in words:
        assert list(places[word]) == list(occurrences(text, word)), word


class _CountingFinds(str):
    """A prose that counts its searches."""

    finds = 0

    def find(self, sub: str, *where: Any) -> int:
        _CountingFinds.finds += 1
        return str.find(self, sub, *where)


def test_a_rare_word_is_not_searched_past_its_last_place() -> None:
    text = _CountingFinds("a zyzzyva here, then " + "plain words " * 50_000)
    counts = collections.Counter(WORD.findall(text))
    _CountingFinds.finds = 0
    assert Places(text, counts).of(["zyzzyva"]) == {"zyzzyva": [2]}
    assert _CountingFinds.finds == 1  # its one place; no search on to the end
    _CountingFinds.finds = 0
    assert Places(text).of(["zyzzyva"]) == {"zyzzyva": [2]}
    assert _CountingFinds.finds == 2  # without the counts: to the end


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet="aZéßǅʹ\u0301\u093e'’ 5½-_.ﬁ\u0130\ud800\n", max_size=60))
def test_word_counts_are_the_patterns_words_counted_in_order(text: str) -> None:
    """The words counted from the text's tokens in C, the odd tokens read
    by the pattern once each, are ``WORD``'s, as often and in the order of
    their first places, whatever the pieces the text is read in."""
    expected = collections.Counter(WORD.findall(text))
    for size in (0, 3):
        with mock.patch.object(text_pieces, "PIECE", size or text_pieces.PIECE):
            counted = word_pattern.word_counts(text)
        assert counted == expected
        assert list(counted) == list(expected)


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet="abAé\u0301\u093e'’ -.\n", max_size=40),
    words=st.lists(
        st.text(alphabet="abAé'", min_size=1, max_size=4).filter(
            lambda w: WORD.fullmatch(w) is not None
        ),
        max_size=6,
    ),
)
def test_the_counts_spare_only_searches_that_find_nothing(
    text: str, words: list[str]
) -> None:
    """Given the counts, a word (a ``WORD`` token) that the prose never
    writes as a token has no place, unsearched; every answer is the
    search's."""
    counts = word_pattern.word_counts(text)
    assert Places(text, counts).of(words) == Places(text).of(words)


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet="LOREMlorem IPSUMipsum sit amet ſıİK", max_size=40),
)
def test_placeholder_latin_is_found_as_the_pattern_finds_it(text: str) -> None:
    """The lowered prose asked first finds what the pattern ignoring case
    finds, odd cases (ſ, ı, İ) included."""
    doc = build_document(text, "draft.txt", "plain", "en")
    pattern = word_guards._LOREM
    assert doc.get(word_guards.LoremFiller) == (pattern.search(text) is not None)
