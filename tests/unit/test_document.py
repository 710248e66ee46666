"""Document line arithmetic: counting and the line index agree."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk.document import Block, Document, line_starts


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
