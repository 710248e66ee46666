"""The blanked-out prose of a document, built piece by piece, is the whole one.

A document keeps where its prose has URLs, addresses, handles and code spans
(``translit.MaskedProse``), not the blanked text, a second copy of the prose.
Its readers (the capitalised-word index, the names check's listed variants,
the variants check's hyphen-joined names) build it in pieces of about
``text_pieces.PIECE`` characters. These tests cut texts in pieces of every
small size, blanked places crossing the cuts, and compare with the whole.
"""

from __future__ import annotations

from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk import batch, text_pieces, translit
from copydesk.batch import build_document
from copydesk.checks.names import Names
from copydesk.document import Document
from copydesk.model import RuleMeta
from copydesk.rulefiles import ShippedPacks
from copydesk.ruleset import load_ruleset

#: Capitals and small letters, soft signs, and what starts a blanked place
#: (a backtick, ``://``, ``www.``, ``@``, ``#``, ``.com``) around spaces and
#: line breaks.
ALPHABET = "AaKyivЛьв'ʹ`:/w.@#com- \n"
texts = st.text(alphabet=ALPHABET, max_size=80)
sizes = st.integers(1, 12)


@settings(max_examples=300, deadline=None)
@given(text=texts, size=sizes, after=st.sampled_from([" ", "\n"]))
def test_the_pieces_joined_are_the_whole_blanked_prose(
    text: str, size: int, after: str
) -> None:
    masked = translit.MaskedSpans(translit.non_prose_spans(text))
    with mock.patch.object(text_pieces, "PIECE", size):
        pieces = list(masked.pieces(text, after))
    assert "".join(piece for _, piece in pieces) == translit.mask_non_prose(text)
    assert [lo for lo, _ in pieces] == [
        sum(len(piece) for _, piece in pieces[:i]) for i in range(len(pieces))
    ]
    assert all(piece.endswith(after) for _, piece in pieces[:-1])


@settings(max_examples=300, deadline=None)
@given(text=texts, size=sizes)
def test_the_capitalised_words_of_blanked_pieces_are_the_whole_index(
    text: str, size: int
) -> None:
    doc = build_document(text, "d.txt", "plain", "en")
    whole = translit.TokenIndex.of_masked(translit.mask_non_prose(doc.prose))
    with mock.patch.object(text_pieces, "PIECE", size):
        index = translit.Capitalised.compute(doc)
    assert list(index.starts) == list(whole.starts)
    assert list(index.texts) == list(whole.texts)


def test_the_document_keeps_the_places_not_a_copy_of_its_prose() -> None:
    doc = Document.plain("Mail kyiv@example.com or see `Kiev` in Lviv.")
    masked = doc.get(translit.MaskedProse)
    assert list(masked.spans) == [5, 21, 29, 35]
    assert (
        masked.text(doc.prose)
        == "Mail " + " " * 16 + " or see " + " " * 6 + " in Lviv."
    )
    clean = Document.plain("Kyiv and Lviv.")
    assert clean.get(translit.MaskedProse).text(clean.prose) is clean.prose


def _names(variants: list[str]) -> Names:
    meta = RuleMeta(
        id="names.Test",
        extends="names",
        source="test.yml",
        message="Use '%s' rather than '%s'.",
    )
    data = {
        "extends": "names",
        "entries": [{"canonical": "Kyiv Oblast", "variants": variants}],
    }
    check = Names.from_yaml(meta, data, ShippedPacks())
    assert isinstance(check, Names)
    return check


NEWS = (
    "Shelling hit Kiev Oblast overnight.\n\n"
    "Residents of `Kiev Oblast` queued for water; see kievoblast.gov.ua.\n"
    "Officials in Kiev Oblast said power was back.\n"
    "The Kiev\nOblast council met."
)


def test_listed_variants_of_several_words_are_found_piece_by_piece() -> None:
    check = _names(["Kiev Oblast"])
    for size in (1, 7, 40, text_pieces.PIECE):
        with mock.patch.object(text_pieces, "PIECE", size):
            doc = Document.plain(NEWS, path="news.txt")
            assert [(f.line, f.col, f.match) for f in check.run(doc)] == [
                (1, 14, "Kiev Oblast"),
                (4, 14, "Kiev Oblast"),
            ]


def test_a_variant_across_a_line_break_is_matched_in_the_whole_prose() -> None:
    check = _names(["Kiev\nOblast"])
    with mock.patch.object(text_pieces, "PIECE", 1):
        doc = Document.plain(NEWS, path="news.txt")
        assert [(f.line, f.col) for f in check.run(doc)] == [(5, 5)]


def test_hyphen_joined_names_are_found_piece_by_piece() -> None:
    rules = load_ruleset(select=["variants"])
    text = (
        "Deng Xiaoping launched the reforms.\n"
        "See `Teng Hsiao-ping` in the index. Teng Hsiao-ping visited Texas."
    )
    for size in (1, 5, 30, text_pieces.PIECE):
        with mock.patch.object(text_pieces, "PIECE", size):
            found = batch.lint_text(text, "x.txt", "plain", rules)
        assert [(f.line, f.col, f.match, f.suggestions[0]) for f in found] == [
            (2, 37, "Teng", "Deng"),
            (2, 42, "Hsiao-ping", "Xiaoping"),
        ]
