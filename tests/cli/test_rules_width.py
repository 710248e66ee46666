"""``rules`` and ``explain`` fit the terminal: descriptions wrap under their
column instead of printing 500-character lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.cli import main
from copydesk.cli.rules import first_sentence
from copydesk.report._fit import cells


@pytest.mark.parametrize("columns", [60, 100, 160])
def test_rules_table_fits_the_width(
    workdir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    columns: int,
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    # At 60 columns the fixed columns alone are wider: only they may pass.
    assert all(cells(line) <= max(columns, 66) for line in lines)
    places = lines.index(
        next(line for line in lines if line.startswith("names.Places"))
    )
    column = lines[0].find("DESCRIPTION")
    if columns >= 100:
        assert lines[places][column:].startswith("House spellings of Ukrainian")
        assert lines[places + 1][:column].isspace()
        assert not lines[places + 1][column].isspace()
    else:  # too narrow for a column: the description goes below the row
        assert column == -1
        assert lines[places + 1].startswith("    House spellings of Ukrainian places")


def test_explain_wraps_description_fields_and_examples(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "50")
    assert main(["explain", "style.Spelling"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert all(cells(line) <= 50 for line in lines if "https://" not in line)
    enabled = lines.index(next(line for line in lines if line.startswith("Enabled:")))
    assert lines[enabled : enabled + 3] == [
        "Enabled:  no: opt-in, select it by id or pack",
        "          (--select RULE_OR_PACK)",
        "Source:   rules/style/Spelling.yml",
    ]


def test_a_mistyped_rule_gets_the_closest_id(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["explain", "names.Plaecs"]) == 2
    assert capsys.readouterr().err == (
        "copydesk: error: unknown rule 'names.Plaecs' (did you mean names.Places?)\n"
    )
    assert main(["rules", "--pack", "quote"]) == 2
    assert capsys.readouterr().err == (
        "copydesk: error: unknown pack 'quote' (did you mean 'quotes'?)\n"
    )


def test_first_sentence_stops_at_a_sentence_not_an_abbreviation() -> None:
    assert first_sentence("Names, e.g. Kyiv. More here.") == "Names, e.g. Kyiv."
    assert first_sentence("One sentence only") == "One sentence only"
    assert first_sentence('Quotes. "Mixed" ones.') == "Quotes."
