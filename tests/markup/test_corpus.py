"""The Markdown mask against markdown-it-py on real documentation files.

The corpus (3,088 PowerShell reference pages) lives beside the repository in
``../shared/corpus``; the test is skipped where it is absent. A deterministic
sample keeps it fast; the full corpus was also run once (see the reader docs).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.markup.markdown import parse_markdown
from tests.conftest import corpus_sample

from .helpers import DOCUMENTS, check_invariants
from .oracle import make_parser, violations

SAMPLE = 150


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return corpus_sample(tmp_path_factory.mktemp("corpus"), SAMPLE)


def test_oracle_sees_a_bad_mask() -> None:
    text = (DOCUMENTS / "guide.md").read_text(encoding="utf-8")
    checked, found = violations(make_parser(), text, text)
    assert checked >= 8
    kinds = {entry.split(" at ")[0] for entry in found}
    assert {"fence", "code_block", "front_matter", "html_block"} <= kinds
    assert {"code_inline", "link href", "autolink"} <= kinds


def test_sample_masks_what_markdown_it_calls_code(sample: list[Path]) -> None:
    md = make_parser()
    total = 0
    problems: list[str] = []
    for path in sample:
        text = path.read_text(encoding="utf-8")
        parsed = parse_markdown(text)
        check_invariants(text, parsed)
        checked, found = violations(md, text, parsed.prose)
        total += checked
        problems.extend(f"{path.name}: {entry}" for entry in found)
    assert len(sample) >= 100
    assert total > 1000, "the oracle located too few spans to mean anything"
    assert problems == []
