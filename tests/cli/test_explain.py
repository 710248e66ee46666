"""``copydesk explain RULE``: any rule, opt-in ones too, as configured here."""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.catalog import catalog
from copydesk.cli import main


@pytest.mark.parametrize("rule", [entry.meta.id for entry in catalog()])
def test_every_shipped_rule_can_be_explained(
    rule: str, workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["explain", rule]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{rule}\n\n")
    assert "Fixable:" in out
    assert "Enabled:" in out


def test_an_opt_in_rule_says_how_to_switch_it_on(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["explain", "style.Spelling"]) == 0
    out = capsys.readouterr().out
    assert "Fixable:  unsafe\n" in out
    assert "Enabled:  no: opt-in, select it by id or pack" in out
    assert "Flagged:\n  ✗ We will recieve the parcel tomorrow." in out


def test_explain_reads_the_project_config(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / ".copydesk.toml").write_text(
        'select = ["style"]\n[severity]\n"style.Spelling" = "error"\n',
        encoding="utf-8",
    )
    assert main(["explain", "style.Spelling"]) == 0
    out = capsys.readouterr().out
    assert "Level:    error\n" in out
    assert "Enabled:  yes (opt-in, selected here)\n" in out


def test_explain_shows_examples(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["explain", "quotes.Mixed"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("quotes.Mixed\n")
    assert "Flagged:" in out
    assert "Accepted:" in out


def test_an_unknown_rule_is_an_error_with_a_guess(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["explain", "quotes.Nope"]) == 2
    assert "unknown rule 'quotes.Nope'" in capsys.readouterr().err
    assert main(["explain", "spelling"]) == 2
    assert "style.Spelling?)" in capsys.readouterr().err
