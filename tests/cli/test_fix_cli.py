"""``copydesk fix`` and ``check --fix`` end to end: what is fixed, what is left."""

from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path

import pytest

from copydesk.cli import main
from tests.conftest import SAMPLE

DRAFT = (
    "Talks in Kiev resumed.\r\n"
    "\r\n"
    "  • Follow I follow\r\n"
    "\r\n"
    "Officials said they would recieve the delegation on Monday."
)


def test_fix_applies_safe_fixes_and_keeps_crlf(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workdir / "draft.txt"
    path.write_bytes(DRAFT.encode())
    assert main(["fix", "--no-cache", "draft.txt"]) == 1
    captured = capsys.readouterr()
    assert (
        path.read_bytes()
        == DRAFT.replace("Kiev", "Kyiv").replace("recieve", "receive").encode()
    )
    assert captured.out.startswith("draft.txt:3:3: warning artifacts.Social")
    assert captured.err == (
        "Fixed 2 findings in 1 file; 1 remaining"
        " (1 more fixable with --unsafe-fixes).\n"
    )


def test_unsafe_fixes_remove_debris(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workdir / "draft.txt"
    path.write_bytes(DRAFT.encode())
    assert main(["fix", "--unsafe-fixes", "draft.txt"]) == 0
    assert path.read_bytes() == (
        b"Talks in Kyiv resumed.\r\n\r\n"
        b"Officials said they would receive the delegation on Monday."
    )
    assert capsys.readouterr().err == "Fixed 3 findings in 1 file; 0 remaining.\n"


def test_diff_writes_nothing_and_exits_1(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workdir / "draft.txt"
    path.write_text("Talks in Kiev resumed.\n", encoding="utf-8")
    assert main(["fix", "--diff", "draft.txt"]) == 1
    captured = capsys.readouterr()
    assert captured.out == (  # the diff and nothing else
        "--- a/draft.txt\n+++ b/draft.txt\n@@ -1 +1 @@\n"
        "-Talks in Kiev resumed.\n+Talks in Kyiv resumed.\n"
    )
    assert captured.err == "Would fix 1 finding in 1 file; 0 remaining.\n"
    assert path.read_text(encoding="utf-8") == "Talks in Kiev resumed.\n"
    assert main(["fix", "--diff", "draft.txt"]) == 1
    capsys.readouterr()
    path.write_text("Talks in Kyiv resumed.\n", encoding="utf-8")
    assert main(["fix", "--diff", "draft.txt"]) == 0


def test_stdin_in_fixed_text_out(
    monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    data = "\ufeffTalks in Kiev resumed.\n".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["fix", "-"]) == 0
    captured = capsysbinary.readouterr()
    assert captured.out == "\ufeffTalks in Kyiv resumed.\n".encode()
    assert b"Fixed 1 finding" in captured.err


def test_check_fix_reports_what_remains(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workdir / "draft.txt"
    path.write_text("Talks in Kiev resumed, she said “soon.\n", encoding="utf-8")
    assert main(["check", "--fix", "--format", "json", "draft.txt"]) == 1
    items = json.loads(capsys.readouterr().out)
    assert [i["rule"] for i in items] == ["quotes.Unclosed"]
    assert "Kyiv" in path.read_text(encoding="utf-8")


@pytest.mark.skipif(not SAMPLE.exists(), reason="../shared not present")
def test_sample_unsafe_fix_leaves_only_editorial_quote_calls(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = workdir / "draft.txt"
    shutil.copyfile(SAMPLE, draft)
    main(["fix", "draft.txt"])
    capsys.readouterr()
    safe_only = draft.read_text(encoding="utf-8")
    assert "Follow I follow" in safe_only
    assert "Zelenskyj" not in safe_only
    # A real word replaced by its likely meaning is judgement: unsafe.
    assert "breastless" in safe_only
    main(["fix", "--unsafe-fixes", "draft.txt"])
    capsys.readouterr()
    fixed = draft.read_text(encoding="utf-8")
    for gone in (
        "Follow I follow",
        "Samojlenko",
        "Puschilin",
        "Illja",
        "Kiev ",
        "Lévi",
        "breastless",
    ):
        assert gone not in fixed
    main(["check", "--format", "json", "draft.txt"])
    rules = sorted(i["rule"] for i in json.loads(capsys.readouterr().out))
    assert rules == ["quotes.Mixed", "quotes.Stray", "quotes.Unclosed"]


def test_unsafe_fixes_leave_the_trees_own_terms_alone(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`check .` learns `kourier` from its spread over three pages, so `fix
    --unsafe-fixes .` must not "mend" it to `courier`; the slip beside it is
    mended."""
    pages = {}
    for name in ("keyspaces", "sharding", "routing"):
        page = (
            f"# {name.title()}\n\nEach keyspace has a kourier; the documnet says so.\n"
        )
        (workdir / f"{name}.md").write_text(page, encoding="utf-8")
        pages[name] = page
    assert main(["check", "--no-cache", "--format", "concise", "."]) == 0
    checked = capsys.readouterr().out
    assert "kourier" not in checked
    assert checked.count("documnet") == 3
    assert main(["fix", "--no-cache", "--unsafe-fixes", "."]) == 0
    for name, page in pages.items():
        assert (workdir / f"{name}.md").read_text(encoding="utf-8") == page.replace(
            "documnet", "document"
        )


def test_fix_reads_stdin_once_beside_files(
    workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The terms pass reads only files: stdin is read by its own fix."""
    for name in ("a", "b", "c"):
        (workdir / f"{name}.md").write_text("The plan is set.\n", encoding="utf-8")
    stdin = io.TextIOWrapper(io.BytesIO(b"They will recieve it.\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    main(["fix", "--no-cache", "-", "a.md", "b.md", "c.md"])
    assert capsys.readouterr().out.startswith("They will receive it.\n")


def test_fix_learns_terms_under_per_file_ignores(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A word that only ignored files share is no term of the one file that
    checks it: `check` reports it there, and `fix` mends it there."""
    (workdir / "pyproject.toml").write_text(
        '[tool.copydesk.per-file-ignores]\n"legal/*.md" = ["typos"]\n', encoding="utf-8"
    )
    (workdir / "legal").mkdir()
    (workdir / "legal" / "terms.md").write_text("Set the kourier first.\n", "utf-8")
    (workdir / "legal" / "privacy.md").write_text("The kourier is kept.\n", "utf-8")
    (workdir / "README.md").write_text("Each keyspace has a kourier.\n", "utf-8")
    assert main(["check", "--no-cache", "--format", "concise", "."]) == 0
    assert "README.md:1:21" in capsys.readouterr().out
    main(["fix", "--no-cache", "--unsafe-fixes", "."])
    assert (workdir / "README.md").read_text(encoding="utf-8") == (
        "Each keyspace has a courier.\n"
    )
