"""``copydesk config PATH``, ``--config FILE`` and ``--isolated``: which
settings apply to a file, and where each one comes from."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from copydesk.cli import main

PYPROJECT = """\
[project]
name = "newsroom"

[tool.copydesk]
language = "en-GB"
ignore = ["artifacts.Credits"]
kind-for = { "incoming/*.md" = "draft" }

[tool.copydesk.severity]
"quotes.Stray" = "suggestion"

[tool.copydesk.per-file-ignores]
"legal/*" = ["typos"]
"""

DRAFT = "Officials in Kiev said the talks would go on.\n"


@pytest.fixture
def newsroom(workdir: Path) -> Path:
    (workdir / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    for folder in ("incoming", "legal"):
        (workdir / folder).mkdir()
    return workdir


def settings(capsys: pytest.CaptureFixture[str], argv: list[str]) -> dict[str, str]:
    """``config --format json`` as {setting: "value <- source"}."""
    assert main(["config", "--format", "json", *argv]) == 0
    rows = json.loads(capsys.readouterr().out)["settings"]
    return {row["setting"]: f"{row['value']} <- {row['from']}" for row in rows}


def test_each_setting_names_its_source(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = settings(capsys, ["legal/contract.md"])
    config = str(newsroom / "pyproject.toml")
    assert found == {
        "config file": f"{config} <- default: the nearest above the file",
        "format": "markdown <- default: by file extension",
        "kind": "authored <- default: markdown files are authored",
        "language": "en-GB <- pyproject.toml: tool.copydesk.language",
        "select": "every rule that is on by default <- default",
        "ignore": "artifacts.Credits <- pyproject.toml: tool.copydesk.ignore",
        "ignored here": (
            'typos <- pyproject.toml: tool.copydesk.per-file-ignores."legal/*"'
        ),
        "severity": (
            "quotes.Stray = suggestion <- pyproject.toml: "
            'tool.copydesk.severity."quotes.Stray"'
        ),
        "fail-level": "warning <- default",
    }


def test_flags_win_and_say_so(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = settings(
        capsys,
        [
            "--language",
            "de",
            "--select",
            "names",
            "--kind-for",
            "*.md=authored",
            "incoming/wire.md",
        ],
    )
    assert found["language"] == "de <- flag --language"
    assert found["select"] == "names <- flag --select"
    assert found["kind"] == "authored <- flag --kind-for"
    found = settings(capsys, ["incoming/wire.md"])
    assert found["kind"] == (
        'draft <- pyproject.toml: tool.copydesk.kind-for."incoming/*.md"'
    )


def test_isolated_reads_no_config(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = settings(capsys, ["--isolated", "legal/contract.md"])
    assert found["config file"] == "(none) <- flag --isolated"
    assert found["language"] == "en <- default"
    assert "ignored here" not in found
    (newsroom / "legal" / "a.txt").write_text("Officials recieve.\n", encoding="utf-8")
    main(["check", "--no-cache", "--format", "concise", "legal/a.txt"])
    assert capsys.readouterr().out == ""  # typos off for legal/* by the config
    main(["check", "--isolated", "--no-cache", "--format", "concise", "legal/a.txt"])
    assert "typos." in capsys.readouterr().out


def test_config_file_applies_to_every_path(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (newsroom / "house.toml").write_text(
        'language = "en-US"\nselect = ["names"]\n', encoding="utf-8"
    )
    found = settings(capsys, ["--config", "house.toml", "legal/contract.md"])
    assert found["config file"] == "house.toml <- flag --config"
    assert found["language"] == "en-US <- house.toml: language"
    (newsroom / "legal" / "a.txt").write_text(DRAFT, encoding="utf-8")
    main(
        [
            "check",
            "--config",
            "house.toml",
            "--no-cache",
            "--format",
            "json",
            "legal/a.txt",
        ]
    )
    assert [i["rule"] for i in json.loads(capsys.readouterr().out)] == ["names.Places"]


def test_config_file_errors_are_one_line(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--config", "nope.toml", "."]) == 2
    err = capsys.readouterr().err
    assert err == "copydesk: error: nope.toml: cannot read: No such file or directory\n"
    (newsroom / "tools").mkdir()
    black = newsroom / "tools" / "pyproject.toml"
    black.write_text("[tool.black]\nline-length = 88\n", encoding="utf-8")
    assert main(["check", "--config", "tools/pyproject.toml", "."]) == 2
    assert capsys.readouterr().err == (
        "copydesk: error: tools/pyproject.toml: no [tool.copydesk] table in this file\n"
    )
    black.write_text('[tool.copydesk]\nlanguage = "british"\n', encoding="utf-8")
    assert main(["check", "--config", "tools/pyproject.toml", "."]) == 2
    assert capsys.readouterr().err == (
        "copydesk: error: tools/pyproject.toml: key 'tool.copydesk.language': "
        "expected a BCP 47 language tag such as en, en-GB, de-CH or pt-BR, "
        "got 'british'\n"
    )


def test_text_table_wraps_to_the_width(
    newsroom: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    assert main(["config", "legal/contract.md"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[:3] == [
        "Settings for legal/contract.md:",
        "  config file   pyproject.toml (default: the nearest above",
        "                the file)",
    ]
    assert max(len(line) for line in out.splitlines()) <= 60


def test_plain_text_s_kind_is_read_from_its_lines(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrapped = (
        "The release notes below list what changed in the tide tables since\n"
        "the last edition, and which harbours lost or gained a gauge during\n"
        "the winter, so that pilots can check the figures they still carry\n"
        "against the ones the office now publishes for every berth.\n"
    )
    (newsroom / "NOTES.txt").write_text(wrapped, encoding="utf-8")
    (newsroom / "story.txt").write_text(DRAFT, encoding="utf-8")
    rule = "default: plain text is a draft unless hard-wrapped or a list of tokens"
    assert settings(capsys, ["NOTES.txt"])["kind"] == (
        f"authored <- {rule}; this file is authored"
    )
    assert (
        settings(capsys, ["story.txt"])["kind"]
        == f"draft <- {rule}; this file is draft"
    )
    assert settings(capsys, ["absent.txt"])["kind"] == f"draft or authored <- {rule}"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX FIFOs")
def test_a_fifo_s_kind_is_told_without_reading_it(newsroom: Path) -> None:
    """``config`` reads a plain file to tell its kind, as ``check`` reads it:
    a FIFO (which an open would wait on for ever) is not opened."""
    os.mkfifo(newsroom / "pipe.txt")
    argv = [sys.executable, "-m", "copydesk", "config", "--format", "json", "pipe.txt"]
    done = subprocess.run(
        argv, cwd=newsroom, capture_output=True, text=True, timeout=60, check=False
    )
    rows = {r["setting"]: r["value"] for r in json.loads(done.stdout)["settings"]}
    assert rows["kind"] == "draft or authored"
