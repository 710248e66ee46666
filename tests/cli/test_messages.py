"""Rule messages as a reader sees them: no empty placeholders, no debris."""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.cli import main


def test_acronyms_message_names_the_acronym_without_an_empty_placeholder(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "draft.txt").write_text(
        "The FAA grounded the aircraft on Tuesday.\n", encoding="utf-8"
    )
    code = main(
        ["check", "--select", "style.Acronyms", "--format", "concise", "draft.txt"]
    )
    assert code == 0  # a suggestion does not fail the default fail level
    assert capsys.readouterr().out.splitlines() == [
        "draft.txt:1:5: suggestion style.Acronyms Spell out 'FAA' at its first use: "
        "the full name, then the acronym in parentheses."
    ]
