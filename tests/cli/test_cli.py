"""``copydesk`` end to end through ``main(argv)``: outputs and exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from copydesk import __version__
from copydesk.cli import main

DRAFT = (
    "Officials in Kiev said the talks would go on.\n"
    "\n"
    "The minister called it “a turning point.\n"
)
CLEAN = "Officials in Kyiv said the talks would go on.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"copydesk {__version__}"


def test_text_output_has_location_rule_source_line_and_caret(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(workdir / "draft.txt", DRAFT)
    assert main(["check", "draft.txt"]) == 1
    out = capsys.readouterr().out
    assert "draft.txt:1:14: warning names.Places" in out
    assert "Officials in Kiev said the talks would go on." in out
    assert "|              ^~~~\n" in out
    assert "draft.txt:3:24: warning quotes.Unclosed" in out


def test_clean_file_exits_zero(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(workdir / "clean.txt", CLEAN)
    assert main(["check", "clean.txt"]) == 0
    assert "No findings" in capsys.readouterr().out


def test_json_output_is_a_list_of_findings(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(workdir / "draft.txt", DRAFT)
    assert main(["check", "--format", "json", "draft.txt"]) == 1
    items = json.loads(capsys.readouterr().out)
    assert [(i["rule"], i["line"], i["column"]) for i in items] == [
        ("names.Places", 1, 14),
        ("quotes.Unclosed", 3, 24),
    ]
    required = {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "rule",
        "severity",
        "message",
        "match",
        "suggestions",
        "fix",
    }
    assert required <= set(items[0])


@pytest.mark.parametrize(
    ("level", "code"), [("warning", 1), ("error", 0), ("suggestion", 1), ("none", 0)]
)
def test_fail_level(
    workdir: Path, capsys: pytest.CaptureFixture[str], level: str, code: int
) -> None:
    write(workdir / "draft.txt", DRAFT)
    assert main(["check", "--fail-level", level, "draft.txt"]) == code


def test_select_and_ignore_by_pack_and_rule(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(workdir / "draft.txt", DRAFT)
    main(["check", "--format", "json", "--select", "quotes", "draft.txt"])
    assert {i["rule"] for i in json.loads(capsys.readouterr().out)} == {
        "quotes.Unclosed"
    }
    main(["check", "--format", "json", "--ignore", "quotes,names.Places", "draft.txt"])
    assert json.loads(capsys.readouterr().out) == []


def test_unknown_rule_in_select_is_exit_2(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(workdir / "draft.txt", DRAFT)
    assert main(["check", "--select", "nosuch", "draft.txt"]) == 2
    assert capsys.readouterr().err.strip() == (
        "copydesk: error: unknown rule or pack 'nosuch' in --select"
    )


def test_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DRAFT.encode())))
    assert main(["check", "--format", "concise", "-"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("-:1:14: warning names.Places [*] ")


def test_stdin_filename_names_and_formats_the_buffer(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "Kiev\n\n```\nKiev in code\n```\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    main(["check", "--format", "json", "--stdin-filename", "notes/a.md", "-"])
    items = json.loads(capsys.readouterr().out)
    assert [(i["path"], i["line"]) for i in items] == [("notes/a.md", 1)]


def test_user_rule_pack(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(
        workdir / "styles" / "house" / "Jargon.yml",
        "extends: existence\n"
        "message: \"Avoid '%s'.\"\n"
        "level: error\n"
        "tokens: [synergy]\n",
    )
    write(workdir / "draft.txt", "We want synergy.\n")
    assert main(["check", "--format", "concise", "--rules", "styles", "draft.txt"]) == 1
    out = capsys.readouterr().out
    assert "draft.txt:1:9: error house.Jargon Avoid 'synergy'." in out


def test_bad_rule_file_is_one_line_exit_2(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        workdir / "styles" / "names" / "Kyiv.yml",
        "extends: substitution\nswpa:\n  Kiev: Kyiv\n",
    )
    write(workdir / "draft.txt", DRAFT)
    assert main(["check", "--rules", "styles", "draft.txt"]) == 2
    err = capsys.readouterr().err
    assert err == "copydesk: error: styles/names/Kyiv.yml: key 'swpa': unknown key\n"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("missing.txt", None, "no such file or directory"),
        ("binary.txt", b"PK\x03\x04\x00\x00binary", "binary file, skipped"),
        ("latin1.txt", b"caf\xe9 au lait\n", "not valid UTF-8 (byte 0xe9 at offset 3)"),
    ],
)
def test_bad_inputs_are_reported_and_others_still_linted(
    workdir: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: bytes | None,
    reason: str,
) -> None:
    if content is not None:
        (workdir / name).write_bytes(content)
    write(workdir / "draft.txt", DRAFT)
    assert main(["check", "--format", "concise", name, "draft.txt"]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"copydesk: error: {name}: {reason}\n"
    assert "draft.txt:1:14: warning names.Places" in captured.out


def test_directory_without_text_files(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "empty").mkdir()
    (workdir / "empty" / "image.png").write_bytes(b"\x89PNG")
    assert main(["check", "empty"]) == 2
    assert (
        capsys.readouterr().err
        == "copydesk: error: empty: no text files found in directory\n"
    )


def test_directory_walk_skips_gitignored_and_hidden(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(workdir / "docs" / ".gitignore", "build/\n*.draft.md\n")
    write(workdir / "docs" / "a.md", "Kiev\n")
    write(workdir / "docs" / "sub" / "b.txt", "Kiev\n")
    write(workdir / "docs" / "build" / "c.md", "Kiev\n")
    write(workdir / "docs" / "x.draft.md", "Kiev\n")
    write(workdir / "docs" / ".hidden" / "d.md", "Kiev\n")
    write(workdir / "docs" / "script.py", "Kiev\n")
    main(["check", "--format", "json", "docs"])
    paths = sorted({i["path"] for i in json.loads(capsys.readouterr().out)})
    assert paths == ["docs/a.md", "docs/sub/b.txt"]


def test_a_gitignore_line_git_cannot_read_is_skipped(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A lone "!" or "\\" in a .gitignore is no pattern to git, which skips
    it; the walk does the same and honours the lines around it."""
    write(workdir / "docs" / ".gitignore", "!\n\\\n*.draft.md\n")
    write(workdir / "docs" / "a.md", "Kiev\n")
    write(workdir / "docs" / "x.draft.md", "Kiev\n")
    assert main(["check", "--format", "json", "docs"]) == 1
    paths = sorted({i["path"] for i in json.loads(capsys.readouterr().out)})
    assert paths == ["docs/a.md"]


def test_format_for_overrides_extension(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(workdir / "page.txt", "Code:\n\n```\nKiev\n```\n")
    assert main(["check", "page.txt"]) == 1
    capsys.readouterr()
    assert main(["check", "--format-for", "*.txt=markdown", "page.txt"]) == 0


def test_usage_error_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--fail-level", "fatal", "x"]) == 2


def test_python_dash_m_runs(tmp_path: Path) -> None:
    draft = write(tmp_path / "draft.txt", DRAFT)
    proc = subprocess.run(
        [sys.executable, "-m", "copydesk", "check", "--format", "concise", str(draft)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert f"{draft}:1:14: warning names.Places" in proc.stdout


def test_an_internal_error_is_one_line_and_exit_2(
    workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr("copydesk.cli.check.run", broken)
    monkeypatch.delenv("COPYDESK_DEBUG", raising=False)
    assert main(["check", "x.txt"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("copydesk: error: internal error: RuntimeError: boom")
    assert err.count("\n") == 1
