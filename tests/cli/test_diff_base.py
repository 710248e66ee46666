"""``check --diff-base`` through the CLI: what counts as new, and its errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from copydesk.cli import main
from tests.gitrepo import git


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    monkeypatch.chdir(root)
    git(root, "init", "-q")
    (root / "story.md").write_text("The old copy said Kiev.\n", encoding="utf-8")
    git(root, "add", ".")
    git(root, "commit", "-qm", "old debt")
    return root


def test_a_file_outside_the_repository_is_reported_in_full(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "wire.txt"
    outside.write_text("Agency copy from Kiev.\n", encoding="utf-8")
    code = main(
        [
            "check",
            "--no-cache",
            "--format",
            "json",
            "--diff-base",
            "HEAD",
            "story.md",
            str(outside),
        ]
    )
    found = [(f["path"], f["line"]) for f in json.loads(capsys.readouterr().out)]
    assert found == [(str(outside), 1)]
    assert code == 1


def test_an_unknown_ref_is_one_line_naming_it(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--no-cache", "--diff-base", "no-such-ref", "story.md"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "copydesk: error: --diff-base: cannot compare with 'no-such-ref': "
        "git says \"bad revision 'no-such-ref'\"\n"
    )
