"""stdout carries only the format asked for; everything else goes to stderr.

A CI step pipes ``copydesk fix --format json`` into ``jq`` or uploads
``--format sarif`` output: one summary line after the document breaks it.
"""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

from copydesk.cli import main

DRAFT = "Talks in Kiev resumed.\n\nThe minister called it “a turning point.\n"
FIXED = DRAFT.replace("Kiev", "Kyiv")


@pytest.fixture
def draft(workdir: Path) -> Path:
    path = workdir / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "argv",
    [
        ["fix", "--format", "json"],
        ["check", "--fix", "--format", "json"],
        ["fix", "--format", "sarif"],
        ["fix", "--format", "json", "--statistics"],
        ["check", "--format", "json", "--statistics"],
    ],
)
def test_machine_output_parses_as_one_document(
    draft: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    main([*argv, "--no-cache", "draft.txt"])
    captured = capsys.readouterr()
    json.loads(captured.out)  # nothing before or after the document
    if argv[0] == "fix" or "--fix" in argv:
        assert captured.err == "Fixed 1 finding in 1 file; 1 remaining.\n"
        assert draft.read_text(encoding="utf-8") == FIXED


def test_statistics_as_json_count_the_rules(
    draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", "--no-cache", "--format", "json", "--statistics", "draft.txt"])
    rows = json.loads(capsys.readouterr().out)
    assert [(r["rule"], r["count"], r["fixable"]) for r in rows] == [
        ("names.Places", 1, 1),
        ("quotes.Unclosed", 1, 0),
    ]


def test_fix_diff_prints_only_the_diff(
    draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fix", "--diff", "--no-cache", "draft.txt"]) == 1
    captured = capsys.readouterr()
    assert captured.out == (
        "--- a/draft.txt\n+++ b/draft.txt\n@@ -1,3 +1,3 @@\n"
        "-Talks in Kiev resumed.\n+Talks in Kyiv resumed.\n"
        " \n The minister called it “a turning point.\n"
    )
    assert captured.err == "Would fix 1 finding in 1 file; 1 remaining.\n"
    assert draft.read_text(encoding="utf-8") == DRAFT


def test_quiet_prints_the_findings_and_nothing_else(
    draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--quiet", "--no-cache", "draft.txt"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("draft.txt:1:10: warning names.Places [*] Use 'Kyiv'")
    assert "Found" not in out
    assert "fixable" not in out
    assert main(["fix", "-q", "--no-cache", "draft.txt"]) == 1
    captured = capsys.readouterr()
    assert captured.err == ""  # no tally
    assert captured.out.startswith("draft.txt:3:24: warning quotes.Unclosed")


def test_quiet_clean_run_prints_nothing(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "clean.txt").write_text("Talks in Kyiv resumed.\n", encoding="utf-8")
    assert main(["check", "-q", "--no-cache", "clean.txt"]) == 0
    assert capsys.readouterr() == ("", "")


def test_output_file_gets_the_report_and_stdout_nothing(
    draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = draft.parent / "out" / "report.sarif"
    report.parent.mkdir()
    code = main(
        ["check", "--no-cache", "--format", "sarif", "-o", str(report), "draft.txt"]
    )
    assert code == 1
    assert capsys.readouterr() == ("", "")
    sarif = json.loads(report.read_text(encoding="utf-8"))
    assert len(sarif["runs"][0]["results"]) == 2
    assert list(report.parent.iterdir()) == [report]  # no temporary left
    assert report.stat().st_mode & 0o777 == 0o666 & ~_umask()


def test_output_file_keeps_a_diff_and_the_fixed_stdin_still_goes_to_stdout(
    draft: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    main(["fix", "--diff", "--no-cache", "--output-file", "fix.diff", "draft.txt"])
    assert (
        (draft.parent / "fix.diff")
        .read_text(encoding="utf-8")
        .startswith("--- a/draft.txt\n")
    )
    capsysbinary.readouterr()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DRAFT.encode())))
    main(["fix", "--no-cache", "--format", "json", "-o", "left.json", "-"])
    captured = capsysbinary.readouterr()
    assert captured.out == FIXED.encode()
    left = json.loads((draft.parent / "left.json").read_text(encoding="utf-8"))
    assert [item["rule"] for item in left] == ["quotes.Unclosed"]


def test_an_unwritable_output_file_is_one_error_line(
    draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check", "--no-cache", "-o", "no/such/dir/r.txt", "draft.txt"])
    assert code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "copydesk: error: no/such/dir/r.txt: cannot write: No such file or directory\n"
    )


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
