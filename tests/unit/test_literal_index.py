"""LiteralIndex: the RE2 first-word scan finds exactly what the word-set path finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk.document import words_of
from copydesk.patterns import LiteralIndex

PHRASES = ["teh", "recieve", "weapons rest", "Kiev", "ad", "co-op", "x2"]
PIECES = [
    "teh",
    "Teh",
    "TEH",
    "recieve",
    "weapons",
    "rest",
    "kiev",
    "KIEV",
    "ad",
    "co-op",
    "x2",
    "é",
    "ß",
    "_",
    "K",
    "ſ",
    " ",
    "  ",
    "\n",
    ".",
    "-",
    "“",
    "9",
]
_WORD = re.compile(r"\w+")


def _fallback(index: LiteralIndex, text: str) -> list[tuple[int, int, str]]:
    slow = LiteralIndex(PHRASES, ignorecase=index.ignorecase)
    slow._scanner = False  # force the word-set path
    words = frozenset(w.casefold() for w in _WORD.findall(text))
    return slow.find(text, lambda: words)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.booleans())
def test_re2_scan_agrees_with_the_word_set_path(pieces: list[str], fold: bool) -> None:
    text = "".join(pieces)
    index = LiteralIndex(PHRASES, ignorecase=fold, scan_after=0)
    assert index.find(text, frozenset) == _fallback(index, text)
    assert index._scanner  # the RE2 scan answered


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.booleans())
def test_a_small_text_is_searched_by_the_documents_word_set(
    pieces: list[str], fold: bool
) -> None:
    """Until an index has been asked about ``scan_after`` characters it
    searches by the word set a document makes (``words_of``), and finds
    what the RE2 scan finds."""
    text = "".join(pieces)
    scanned = LiteralIndex(PHRASES, ignorecase=fold, scan_after=0)
    index = LiteralIndex(PHRASES, ignorecase=fold)
    assert index.find(text, lambda: words_of(text)) == scanned.find(text, frozenset)
    assert index._scanner is None  # not compiled


def test_the_scan_is_compiled_once_enough_text_was_searched() -> None:
    index = LiteralIndex(["teh"], ignorecase=True, scan_after=40)
    page = "I saw teh cat.\n"  # 15 characters
    found = [index.find(page, lambda: words_of(page)) for _ in range(4)]
    assert found == [[(6, 9, "teh")]] * 4
    assert index._scanner  # compiled at the third page (45 >= 40 characters)
    assert index.find(page, frozenset) == [(6, 9, "teh")]  # no word set asked


def test_letters_beside_a_word_keep_it_from_matching() -> None:
    index = LiteralIndex(["teh"], ignorecase=True, scan_after=0)
    text = "éteh tehé “Teh” _teh teh."
    assert index.find(text, frozenset) == [(11, 14, "teh"), (21, 24, "teh")]


def test_non_ascii_first_words_use_the_word_set() -> None:
    index = LiteralIndex(["Lévi", "teh"], ignorecase=True, scan_after=0)
    text = "Der LÉVI und teh."
    words = frozenset({"der", "lévi", "und", "teh"})
    assert index.find(text, lambda: words) == [(4, 8, "lévi"), (13, 16, "teh")]
    assert index._scanner is False
