"""The document: line arithmetic, block lookup and analyses (computed once
per document, never shared between documents)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import REPO

from copydesk import translit
from copydesk.checks.anchor_scan import AnchorScan, Member
from copydesk.document import (
    Analysis,
    Block,
    BlockIndex,
    Document,
    WordSet,
    line_starts,
    words_of,
)
from copydesk.model import Finding
from copydesk.quotes import QuoteDefects
from copydesk.ruleset import load_ruleset


def _words_by_regex(text: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in re.findall(r"\w+", text))


def test_the_word_set_holds_the_case_folded_word_runs() -> None:
    """Words are ``\\w+`` runs, whatever the script, cut at Unicode punctuation
    inside a run of non-ASCII characters as at ASCII punctuation."""
    prose = (
        "Straße and STRASSE, \u201cİstanbul\u201d\u2014Kyiv's snake_case "
        "H\u2082O x\u00b2 \ufb01le caf\u00e9\u2060s \u0085next \ud800lone 42nd"
    )
    doc = Document.plain(prose)
    assert doc.get(WordSet) == _words_by_regex(prose)
    assert {"strasse", "kyiv", "s", "snake_case", "caf\u00e9", "file", "lone"} <= (
        doc.get(WordSet)
    )
    assert "\u201cistanbul" not in doc.get(WordSet)


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet="aZ_9 .,-'\u00e9\u00df\u0130\u2019\u201c\u00b2\u2060\u0085\ud800\n"
    )
)
def test_the_word_set_is_the_regex_word_set(text: str) -> None:
    """Splitting the UTF-8 bytes first finds the words a ``\\w+`` regex finds."""
    assert words_of(text) == _words_by_regex(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \n\r\t", max_size=30), st.data())
def test_line_col_by_counting_matches_the_index(text: str, data: st.DataObject) -> None:
    """The first findings of a document are placed by counting newlines; the
    rest by the index. Both give every offset the same line and column."""
    offsets = data.draw(st.lists(st.integers(0, len(text)), min_size=12, max_size=12))
    doc = Document.plain(text)
    starts = line_starts(text)
    for offset in offsets:
        line = max(i for i, start in enumerate(starts) if start <= offset) + 1
        assert doc.line_col(offset) == (line, offset - starts[line - 1] + 1)
    assert doc.line_count == len(starts)


@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8)), max_size=12),
    st.integers(0, 80),
)
def test_block_at_finds_the_block_a_scan_finds(
    spans: list[tuple[int, int]], offset: int
) -> None:
    blocks: list[Block] = []
    taken: set[int] = set()
    for start, length in spans:  # keep them disjoint, in any order
        cells = set(range(start, start + length))
        if not cells & taken:
            taken |= cells
            blocks.append(Block(start, start + length, "paragraph"))
    text = "x" * 80
    doc = Document("a.md", text, text, format="markdown", blocks=tuple(blocks))
    scanned = [b for b in doc.blocks if b.start <= offset < b.end]
    assert doc.block_at(offset) == (scanned[0] if scanned else None)


# --- analyses ---------------------------------------------------------------

NEWS = (
    "Kiev, Monday. President Zelenskyj met Wolodymyr Samojlenko in Kiev.\n\n"
    'He said: "Kiev will stand." Samoylenko agreed; Charkiw and Kharkiv too.\n'
)


class Counted:
    """Counts calls of a function while a test wraps it."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, owner: object, name: str):
        self.calls = 0
        wrapped = getattr(owner, name)

        def counting(*args: Any) -> Any:
            self.calls += 1
            return wrapped(*args)

        monkeypatch.setattr(owner, name, counting)


class Letters(Analysis[list[str]]):
    """A throwaway analysis: the document's letters, a fresh list each time."""

    @classmethod
    def compute(cls, doc: Document) -> list[str]:
        return [c for c in doc.prose if c.isalpha()]


def test_an_analysis_is_computed_on_first_ask_and_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    counted = Counted(monkeypatch, Letters, "compute")
    doc = Document.plain("ab 1c")
    first = doc.get(Letters)
    assert first == ["a", "b", "c"]
    assert doc.get(Letters) is first
    assert counted.calls == 1


def test_every_names_and_variants_rule_shares_one_token_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Five rules of two check types read the capitalised words of the
    document: the search for what to mask and the token split run once."""
    masking = Counted(monkeypatch, translit, "non_prose_spans")
    splitting = Counted(monkeypatch, translit.TokenIndex, "of_pieces")
    checks = load_ruleset(select=["names", "variants"]).checks
    assert len(checks) >= 4
    doc = Document.plain(NEWS, path="news.txt")
    found = sorted(
        (f.rule, f.line, f.match) for check in checks for f in check.run(doc)
    )
    assert found == [
        ("names.GivenNames", 1, "Wolodymyr"),
        ("names.People", 1, "Zelenskyj"),
        ("names.Places", 1, "Kiev"),
        ("names.Places", 1, "Kiev"),
        ("names.Places", 3, "Charkiw"),
        ("names.Places", 3, "Kiev"),
        ("variants.Names", 1, "Samojlenko"),
        ("variants.Names", 3, "Charkiw"),
    ]
    assert (masking.calls, splitting.calls) == (1, 1)


def test_documents_never_share_an_analysis_even_with_equal_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    counted = Counted(monkeypatch, translit.TokenIndex, "of_pieces")
    first = Document.plain("Kyiv and Lviv.")
    same = Document.plain("Kyiv and Lviv.")
    other = Document.plain("Odesa.")
    assert first.get(translit.Capitalised).texts == ["Kyiv", "Lviv"]
    assert same.get(translit.Capitalised).texts == ["Kyiv", "Lviv"]
    assert other.get(translit.Capitalised).texts == ["Odesa"]
    assert counted.calls == 3
    assert first.get(translit.Capitalised) is not same.get(translit.Capitalised)


def test_quote_defects_follow_the_document_not_the_last_text_seen() -> None:
    """Equal text, other language: a straight quote closing „ should be “ in
    German and ” in Polish. A cache keyed by the text alone would answer the
    second document with the first one's defects."""
    text = 'Sie sagte „ja" und ging.\n'
    german = Document.plain(text, language="de")
    polish = Document.plain(text, language="pl")
    assert [(d.kind, d.expected) for d in german.get(QuoteDefects)] == [("mixed", "“")]
    assert [(d.kind, d.expected) for d in polish.get(QuoteDefects)] == [("mixed", "”")]


def test_a_keyed_analysis_keeps_one_value_per_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two anchor scans over one document: each scans once, however many
    rules ask, and neither sees the other's places."""
    counted = Counted(monkeypatch, AnchorScan, "scan")
    shares = AnchorScan([Member("line", True, "Share")])
    photos = AnchorScan([Member("line", True, "Photo: \\w+")])
    text = "Rain fell.\nShare\nPhoto: AP\n  share\nShare this\n"
    doc = Document.plain(text)
    share_places = shares.places(doc)
    photo_places = photos.places(doc)
    for _ in range(2):  # more rules asking
        assert shares.places(doc) is share_places
        assert photos.places(doc) is photo_places
    assert share_places is not None
    assert photo_places is not None
    assert share_places.lines == [text.index("Share"), text.index("  share")]
    assert photo_places.lines == [text.index("Photo")]
    assert counted.calls == 2
    assert shares.places(Document.plain("Share\n")) is not share_places
    assert counted.calls == 3


def test_each_given_name_rule_judges_paragraphs_by_its_own_context(
    tmp_path: Path,
) -> None:
    """Two rules of one type with different ``context`` read the same
    paragraph: their verdicts stay their own, in either order."""
    data = yaml.safe_load((REPO / "rules/names/GivenNames.yml").read_text("utf-8"))
    pack = tmp_path / "x"
    pack.mkdir()
    for name, context in (("Ukraine", data["context"]), ("Moldova", ["Chisinau"])):
        rule = {**data, "context": context}
        (pack / f"{name}.yml").write_text(yaml.safe_dump(rule), "utf-8")
    checks = load_ruleset([pack], select=["x"], include_shipped=False).checks
    text = "Wolodymyr Sidorov spoke in Kyiv.\n"
    for order in (checks, checks[::-1]):
        doc = Document.plain(text)
        found = {c.meta.id: [f.match for f in c.run(doc)] for c in order}
        assert found == {"x.Ukraine": ["Wolodymyr"], "x.Moldova": []}


def test_interleaved_documents_get_the_findings_they_get_alone() -> None:
    """Every shipped rule runs on two documents turn by turn (as an editor
    server linting two buffers might): each gets what it gets alone."""
    checks = load_ruleset(select=_ALL_PACKS).checks
    texts = (NEWS, "Kiev said „no” -- twice twice. Share\n\nOdesa’s 'port.\n")

    def alone(text: str) -> list[Finding]:
        doc = Document.plain(text, path="doc.txt")
        return [f for check in checks for f in check.run(doc)]

    expected = [alone(text) for text in texts]
    docs = [Document.plain(text, path="doc.txt") for text in texts]
    interleaved: list[list[Finding]] = [[], []]
    for check in checks:
        for i in (1, 0):
            interleaved[i].extend(check.run(docs[i]))
    assert interleaved == expected
    assert len(expected[0]) >= 8
    assert len(expected[1]) >= 3


_ALL_PACKS = ["artifacts", "names", "proselint", "quotes", "style", "typos", "variants"]


@given(
    st.lists(
        st.tuples(st.integers(0, 30), st.integers(0, 5), st.sampled_from("pq")),
        max_size=12,
    )
)
def test_the_block_index_is_the_blocks_sorted_stably_by_start(
    found: list[tuple[int, int, str]],
) -> None:
    """Blocks in order (as readers give them) are kept as they are, told
    without a sort; others are sorted by start, stably."""
    blocks = tuple(Block(start, start + size, kind) for start, size, kind in found)
    doc = Document(path="-", text="x" * 40, prose="x" * 40, format="plain")
    doc.blocks = blocks
    starts, ordered = BlockIndex.compute(doc)
    expected = sorted(blocks, key=lambda b: b.start)
    assert ordered == expected
    assert starts == [b.start for b in expected]
