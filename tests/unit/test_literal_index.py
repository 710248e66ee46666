"""LiteralIndex: the RE2 first-word scan finds exactly what the word-set path finds."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
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


def _shipped_words() -> list[str]:
    """typos.Misspellings' words: an ASCII list the RE2 scan searches."""
    rule = Path(__file__).parents[2] / "rules" / "typos" / "Misspellings.yml"
    swap = yaml.safe_load(rule.read_text(encoding="utf-8"))["swap"]
    return sorted(swap)


SHIPPED = _shipped_words()
#: The characters where the two ways could part: long s and the Kelvin sign
#: fold to s and k, dotted and dotless i match i in Python's re but not in
#: RE2, sharp s and accented letters are word characters beyond ASCII; RE2
#: cannot read a text with a lone surrogate at all.
EDGES = [
    "ſ",
    "\u212a",
    "İ",
    "ı",
    "ß",
    "é",
    "Ü",
    "ñ",
    "'",
    "’",
    " ",
    "\n",
    ".",
    "\ud800",
]


@st.composite
def _edged_texts(draw: st.DrawFn) -> str:
    """Shipped misspellings cut or edged by the characters above, where a
    word's own s or k may be written as long s or the Kelvin sign."""
    pieces = draw(
        st.lists(
            st.one_of(st.sampled_from(EDGES), st.sampled_from(SHIPPED)), max_size=30
        )
    )
    return "".join(
        piece.replace("s", "ſ").replace("k", "\u212a")
        if len(piece) > 1 and draw(st.booleans())
        else piece
        for piece in pieces
    )


@settings(max_examples=500, deadline=None)
@given(_edged_texts())
def test_the_word_set_path_finds_the_scans_places_on_a_shipped_list(text: str) -> None:
    """Which way an index searches depends on how much text the process
    searched before, so the two must agree on every text, or a file's
    findings would depend on the files checked before it (issue 23)."""
    scanned = LiteralIndex(SHIPPED, ignorecase=True, scan_after=0)
    by_words = LiteralIndex(SHIPPED, ignorecase=True, scan_after=1 << 62)
    expected = scanned.find(text, lambda: words_of(text))  # a surrogate: no scan
    assert by_words.find(text, lambda: words_of(text)) == expected
    assert scanned._scanner
    assert by_words._scanner is None


def test_long_s_and_kelvin_at_a_words_edge_are_no_word_on_either_path() -> None:
    text = "They ſeperate it. The \u212anowlege base. They seperate them. Neceſsary."
    for scan_after in (0, 1 << 62):
        index = LiteralIndex(
            ["seperate", "knowlege", "necessary"],
            ignorecase=True,
            scan_after=scan_after,
        )
        assert index.find(text, lambda: words_of(text)) == [
            (42, 50, "seperate"),
            (57, 66, "necessary"),
        ]


def test_a_list_with_a_word_beyond_ascii_keeps_unicode_edges() -> None:
    """Such a list is never scanned, so its ASCII words keep the word set's
    Unicode edges on the first page and on the thousandth alike."""
    text = "They ſeperate Lévi."
    for scan_after in (0, 1 << 62):
        index = LiteralIndex(
            ["seperate", "Lévi"], ignorecase=True, scan_after=scan_after
        )
        assert index.find(text, lambda: words_of(text)) == [
            (5, 13, "seperate"),
            (14, 18, "lévi"),
        ]


def test_a_text_re2_cannot_read_is_searched_by_the_word_set() -> None:
    text = "teh \ud800 ſeperate teh"  # a lone surrogate has no UTF-8
    index = LiteralIndex(["teh", "seperate"], ignorecase=True, scan_after=0)
    assert index.find(text, lambda: words_of(text)) == [(0, 3, "teh"), (15, 18, "teh")]
    assert index._scanner  # compiled, and kept for the next text
