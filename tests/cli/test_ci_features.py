"""CI features: --diff-base, the results cache, progress and statistics."""

from __future__ import annotations

import io
import json
import os
import subprocess
from pathlib import Path

import pytest

from copydesk import textio
from copydesk.cli import main
from copydesk.cli.progress import Progress, wanted


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=t@example.com", "-c", "user.name=T", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    git(tmp_path, "init", "-q")
    (tmp_path / "story.md").write_text(
        "# Briefing\n\nThe old copy said Kiev.\n\nNothing else here.\n",
        encoding="utf-8",
    )
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "old debt")
    return tmp_path


def json_findings(
    capsys: pytest.CaptureFixture[str], *args: str
) -> list[tuple[str, int]]:
    main(["check", "--format", "json", "--no-cache", *args])
    return [(i["path"], i["line"]) for i in json.loads(capsys.readouterr().out)]


def test_diff_base_reports_only_new_lines(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = repo / "story.md"
    story.write_text(
        story.read_text(encoding="utf-8") + "\nA new line mentions Odessa.\n",
        encoding="utf-8",
    )
    (repo / "new.md").write_text("Untracked copy about Lvov.\n", encoding="utf-8")
    assert json_findings(capsys, "story.md", "new.md") == [
        ("new.md", 1),
        ("story.md", 3),
        ("story.md", 7),
    ]
    assert json_findings(capsys, "--diff-base", "HEAD", "story.md", "new.md") == [
        ("new.md", 1),
        ("story.md", 7),
    ]


def test_diff_base_with_only_old_debt_exits_zero(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--no-cache", "--diff-base", "HEAD", "story.md"]) == 0


def test_diff_base_bad_ref_is_exit_2(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--diff-base", "no-such-ref", "story.md"]) == 2
    assert capsys.readouterr().err.startswith("copydesk: error: --diff-base: ")


def test_cache_gives_the_same_findings_and_heals(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Kiev and “Odessa\n", encoding="utf-8")
    args = ["check", "--format", "json", "--cache-dir", "cache", "a.txt"]
    assert main(args) == 1
    cold = capsys.readouterr().out
    entries = list((tmp_path / "cache").rglob("*.json"))
    assert len([e for e in entries if e.name != "rules.json"]) == 1
    assert (
        (tmp_path / "cache" / ".gitignore").read_text(encoding="utf-8").endswith("*\n")
    )
    assert main(args) == 1
    assert capsys.readouterr().out == cold
    for entry in entries:
        entry.write_text("{not json", encoding="utf-8")
    assert main(args) == 1
    assert capsys.readouterr().out == cold


def test_warm_run_compiles_no_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Kiev\n", encoding="utf-8")
    args = ["check", "--format", "sarif", "--cache-dir", "cache", "a.txt"]
    main(args)
    cold = capsys.readouterr().out

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("rules were loaded on a warm run")

    monkeypatch.setattr("copydesk.batch.RuleOptions.load", refuse)
    assert main(args) == 1
    assert capsys.readouterr().out == cold


def test_progress_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("PRE_COMMIT", raising=False)
    assert wanted(Tty(), 500)
    assert not wanted(io.StringIO(), 500)
    assert not wanted(Tty(), 3)
    monkeypatch.setenv("CI", "true")
    assert not wanted(Tty(), 500)


def test_progress_line() -> None:
    bar = Progress(io.StringIO(), 200)
    bar.done = 50
    assert bar.line(10.0) == (
        "[######------------------] 50/200 files     5.0 files/s  ETA 0:30"
    )


def test_statistics(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Kiev, Kiev and Odessa.\n", encoding="utf-8")
    main(["check", "--no-cache", "--format", "concise", "--statistics", "a.txt"])
    lines = capsys.readouterr().out.splitlines()
    row = next(line for line in lines if not line.startswith("a.txt:"))
    assert row.split()[:3] == ["3", "names.Places", "[*]"]


def test_a_warm_run_reads_no_clean_file_whose_metadata_is_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("copydesk.cache._SETTLED_NS", 0)  # files here are new
    (tmp_path / "clean.txt").write_text("Kyiv is calm.\n", encoding="utf-8")
    (tmp_path / "flagged.txt").write_text("Kiev is calm.\n", encoding="utf-8")
    args = ["check", "--format", "concise", "--cache-dir", "cache", "."]
    assert main(args) == 1
    cold = capsys.readouterr().out
    assert "flagged.txt:1:1" in cold
    read: list[str] = []
    real = textio.read_source

    def counting(path: str, encoding: str | None = None) -> textio.SourceFile:
        read.append(Path(path).name)
        return real(path, encoding)

    monkeypatch.setattr(textio, "read_source", counting)
    assert main(args) == 1
    assert capsys.readouterr().out == cold
    assert read == ["flagged.txt"]  # its findings are shown with its text


def test_a_rewrite_that_keeps_size_and_mtime_is_still_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """ctime moves on every write, so restoring the mtime hides nothing."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("copydesk.cache._SETTLED_NS", 0)
    draft = tmp_path / "draft.txt"
    draft.write_text("Kyiv is calm.\n", encoding="utf-8")
    args = ["check", "--format", "concise", "--cache-dir", "cache", "draft.txt"]
    assert main(args) == 0
    before = draft.stat()
    draft.write_text("Kiev is calm.\n", encoding="utf-8")  # same size
    os.utime(draft, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert main(args) == 1
    assert "draft.txt:1:1" in capsys.readouterr().out
