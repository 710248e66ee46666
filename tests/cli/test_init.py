"""``copydesk init``: a starter config that loads, is commented, and never
overwrites a config that is already there."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from copydesk.cli import main
from copydesk.config import parse_config

#: A docs page whose menu line is web debris in a draft, but the page's own
#: navigation in a documentation tree; a house-style name for both; and an
#: undefined acronym, which only the opt-in style.Acronyms would report.
PAGE = "Home › Guides › Setup\n\nOur office in Kiev opens at nine. The FAA agrees.\n"


def findings(capsys: pytest.CaptureFixture[str], path: str) -> list[str]:
    main(["check", "--no-cache", "--format", "json", path])
    return [item["rule"] for item in json.loads(capsys.readouterr().out)]


@pytest.mark.parametrize("profile", ["newsroom", "docs"])
def test_starter_config_is_valid_and_commented(
    workdir: Path, capsys: pytest.CaptureFixture[str], profile: str
) -> None:
    assert main(["init", "--profile", profile]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"Wrote .copydesk.toml ({profile} profile). "
        "Run `copydesk config FILE` to see what applies to a file.\n"
    )
    text = (workdir / ".copydesk.toml").read_text(encoding="utf-8")
    config = parse_config(tomllib.loads(text), ".copydesk.toml")
    assert config.language == "en"
    assert sum(line.startswith("#") for line in text.splitlines()) > 15


def test_docs_profile_leaves_draft_only_rules_off(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "page.txt").write_text(PAGE, encoding="utf-8")
    assert findings(capsys, "page.txt") == [
        "artifacts.Breadcrumbs",
        "names.Places",
    ]
    main(["init", "--profile", "docs"])
    capsys.readouterr()
    assert findings(capsys, "page.txt") == ["names.Places"]


def test_init_never_overwrites_a_config(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["init"])
    capsys.readouterr()
    before = (workdir / ".copydesk.toml").read_bytes()
    assert main(["init", "--profile", "docs"]) == 2
    assert capsys.readouterr().err == (
        "copydesk: error: .copydesk.toml: a copydesk config is already here;"
        " edit it (copydesk init never overwrites one)\n"
    )
    assert (workdir / ".copydesk.toml").read_bytes() == before


def test_init_refuses_beside_a_pyproject_table_but_not_without_one(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pyproject = workdir / "pyproject.toml"
    pyproject.write_text("[tool.copydesk]\nfail-level = 'error'\n", encoding="utf-8")
    assert main(["init"]) == 2
    assert capsys.readouterr().err.startswith(
        "copydesk: error: pyproject.toml: a copydesk config is already here"
    )
    pyproject.write_text("[tool.black]\nline-length = 88\n", encoding="utf-8")
    assert main(["init"]) == 0
    assert (workdir / ".copydesk.toml").is_file()
