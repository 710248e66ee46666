"""``copydesk check`` in a Vale project says how to use its config, once."""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.cli import main

VALE_INI = (
    "StylesPath = styles\nMinAlertLevel = suggestion\n[*.md]\nBasedOnStyles = Vale\n"
)


@pytest.fixture
def vale_project(workdir: Path) -> Path:
    (workdir / ".vale.ini").write_text(VALE_INI, encoding="utf-8")
    (workdir / "page.md").write_text("All quiet in Kyiv.\n", encoding="utf-8")
    return workdir


def test_check_in_a_vale_project_points_to_copydesk_vale(
    vale_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--no-cache", "page.md"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "No findings in 1 file.\n"
    [note] = captured.err.splitlines()
    assert note.startswith("copydesk: note: .vale.ini found (")
    assert "`copydesk vale` lints with this Vale config" in note


@pytest.mark.parametrize(
    "extra", [["--quiet"], ["--isolated"]], ids=["quiet", "isolated"]
)
def test_no_note_when_asked_for_silence_or_no_config(
    vale_project: Path, capsys: pytest.CaptureFixture[str], extra: list[str]
) -> None:
    assert main(["check", "--no-cache", *extra, "page.md"]) == 0
    assert capsys.readouterr().err == ""


def test_no_note_when_a_copydesk_config_applies(
    vale_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (vale_project / ".copydesk.toml").write_text('language = "en"\n', encoding="utf-8")
    assert main(["check", "--no-cache", "page.md"]) == 0
    assert capsys.readouterr().err == ""


def test_vale_is_listed_in_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "vale" in capsys.readouterr().out
