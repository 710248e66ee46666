"""Whole-document tokenising passes, piece by piece, find what a whole pass finds.

``copydesk.text_pieces`` cuts a long prose after spaces so that the word
counts and the capitalised-word index of a large document never hold a
string per token of the whole document at once. These tests cut texts of
mixed scripts, marks, apostrophes, URLs and dots into pieces of every small
size and compare with one pass over the whole text.
"""

from __future__ import annotations

import itertools
from collections import Counter
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk import text_pieces, translit
from copydesk.batch import build_document
from copydesk.text_pieces import line_pieces, spaced_pieces
from copydesk.word_guards import WORD, WordCounts

#: Capitals, small letters (Latin, Cyrillic), a combining mark, digits,
#: apostrophes and soft signs, and the marks that decide a capitalised word's
#: edges (``.``, ``@``, ``#``, ``/``) around spaces and line breaks.
ALPHABET = "AaBbKyivЛьв\u0301'’ʹ09._@#/- \n"
texts = st.text(alphabet=ALPHABET, max_size=80)
sizes = st.integers(1, 12)


@settings(max_examples=300, deadline=None)
@given(text=texts, size=sizes)
def test_pieces_cover_the_text_and_end_after_spaces(text: str, size: int) -> None:
    spans = list(spaced_pieces(text, size))
    starts = [lo for lo, _ in spans]
    ends = [hi for _, hi in spans]
    assert starts == [0, *ends[:-1]][: len(spans)]
    assert ends[-1:] == ([len(text)] if text else [])
    assert all(lo < hi for lo, hi in spans)
    assert all(text[hi - 1] == " " for hi in ends[:-1])


@settings(max_examples=300, deadline=None)
@given(text=texts, size=sizes)
def test_line_pieces_cover_the_text_and_end_after_line_feeds(
    text: str, size: int
) -> None:
    spans = list(line_pieces(text, size))
    assert "".join(text[lo:hi] for lo, hi in spans) == text
    assert all(hi - lo >= size or hi == len(text) for lo, hi in spans)
    assert all(text[hi - 1] == "\n" for _, hi in spans[:-1])


@settings(max_examples=300, deadline=None)
@given(text=texts, size=sizes)
def test_counting_piece_by_piece_counts_the_whole(text: str, size: int) -> None:
    doc = build_document(text, "d", "plain", "en")
    with mock.patch.object(text_pieces, "PIECE", size):
        counts = WordCounts.compute(doc)
    assert counts == Counter(WORD.findall(doc.prose))


@settings(max_examples=300, deadline=None)
@given(text=texts, size=sizes)
def test_the_capitalised_words_piece_by_piece_are_the_whole_split(
    text: str, size: int
) -> None:
    pieces = translit._TOKEN_SPLIT.split(text)
    offsets = list(itertools.accumulate(map(len, pieces)))
    words = translit._with_soft_signs(
        text, offsets[0::2][: len(pieces) // 2], pieces[1::2]
    )
    with mock.patch.object(text_pieces, "PIECE", size):
        index = translit.TokenIndex.of_masked(text)
    assert list(index.starts) == offsets[0::2][: len(pieces) // 2]
    assert list(index.texts) == words
    assert index.distinct == frozenset(words)


def test_a_long_document_is_read_in_pieces() -> None:
    text = "Kyiv and Lviv. " * 100_000
    spans = list(spaced_pieces(text))
    assert len(spans) == 2
    index = translit.TokenIndex.of_masked(text)
    assert len(index.starts) == 200_000
    assert index.texts[-1] is index.texts[1]  # one string per distinct word
