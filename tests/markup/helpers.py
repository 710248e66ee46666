"""Shared assertions for the markup reader tests."""

from __future__ import annotations

from pathlib import Path

from copydesk.document import BLOCK_KINDS, FILLER
from copydesk.markup import Parsed

DOCUMENTS = Path(__file__).parent / "documents"


def check_invariants(text: str, parsed: Parsed) -> None:
    """The prose view contract every reader must keep, on any input."""
    prose = parsed.prose
    assert len(prose) == len(text)
    for index, (source, shown) in enumerate(zip(text, prose, strict=True)):
        if source in "\r\n" or shown in "\r\n":
            assert source == shown, index
        elif shown not in (source, " ", FILLER):
            # a decoded character reference sits where its ``&`` was
            assert "&" in text[max(0, index - 1) : index + 1], index
    end = 0
    for block in parsed.blocks:
        assert block.kind in BLOCK_KINDS
        assert end <= block.start < block.end <= len(text), parsed.blocks
        end = block.end
    for directive in parsed.directives:
        assert directive.line >= 1
        assert 0 <= directive.start < directive.end <= len(text)


def occurrence(text: str, phrase: str, nth: int = 0) -> int:
    """Offset of the ``nth`` occurrence of ``phrase`` in ``text``."""
    offset = -1
    for _ in range(nth + 1):
        offset = text.index(phrase, offset + 1)
    return offset


def assert_shown(text: str, prose: str, phrase: str, nth: int = 0) -> None:
    """``phrase`` (its ``nth`` occurrence) is prose, at its source offset."""
    start = occurrence(text, phrase, nth)
    assert prose[start : start + len(phrase)] == phrase, (phrase, nth)


def assert_masked(text: str, prose: str, phrase: str, nth: int = 0) -> None:
    """``phrase`` (its ``nth`` occurrence) is masked entirely."""
    start = occurrence(text, phrase, nth)
    assert not prose[start : start + len(phrase)].strip(), (phrase, nth)
