"""Hostile files: each is linted, or skipped with one line on stderr and exit 2.

Large inputs here are a few MB so CI stays fast; the 200 MB file and the
100,000-file tree were measured by hand (see the Guarantees section of the
README). Cases that could hang run in a subprocess with a timeout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from copydesk import api, files, textio
from copydesk.cli import main

HANG_LIMIT = 60


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("COPYDESK_CACHE_DIR", raising=False)
    return tmp_path


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``copydesk`` in a child process that is killed if it hangs."""
    return subprocess.run(
        [sys.executable, "-m", "copydesk", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=HANG_LIMIT,
        check=False,
    )


def findings(out: str) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(out)
    return data


def error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("copydesk: error:")]


CLEAN = (
    "The council said the talks would go on, and the rest of the plan "
    "followed soon after.\n\n"
)


def test_large_file_is_linted(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    block = CLEAN * 99 + "Officials in Kiev said so.\n\n"
    (workdir / "big.md").write_text(block * 150)  # about 1.3 MB
    started = time.perf_counter()
    code = main(["check", "--format", "json", "--no-cache", "big.md"])
    elapsed = time.perf_counter() - started
    found = findings(capsys.readouterr().out)
    assert code == 1
    assert [f["line"] for f in found] == [200 * (i + 1) - 1 for i in range(150)]
    assert {f["rule"] for f in found} == {"names.Places"}
    assert elapsed < 60, f"{elapsed:.1f} s"


def test_one_very_long_line_is_linted(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = "alpha beta " * 200_000 + "Kiev"  # a 2.2 MB line with no break
    (workdir / "long.txt").write_text(line)
    code = main(["check", "--format", "json", "--no-cache", "long.txt"])
    found = findings(capsys.readouterr().out)
    assert code == 1
    assert [(f["line"], f["column"], f["rule"]) for f in found] == [
        (1, len(line) - 3, "names.Places")
    ]


def test_binary_invalid_and_utf16_files(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (workdir / "latin1.md").write_bytes(b"Caf\xe9 in Kiev\n")
    (workdir / "wide.md").write_bytes("Zeile 1\nOfficials in Kiev\n".encode("utf-16"))
    (workdir / "fine.md").write_text("Officials in Kiev.\n")
    code = main(["check", "--format", "json", "."])
    captured = capsys.readouterr()
    assert code == 2
    assert sorted(error_lines(captured.err)) == [
        "copydesk: error: ./image.md: binary file, skipped",
        "copydesk: error: ./latin1.md: not valid UTF-8 (byte 0xe9 at offset 3)",
    ]
    located = {(f["path"], f["line"], f["column"]) for f in findings(captured.out)}
    assert located == {("./fine.md", 1, 14), ("./wide.md", 2, 14)}


def test_many_small_files_in_parallel(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for i in range(2_000):
        folder = workdir / "docs" / f"d{i % 40:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"f{i:04d}.md").write_text(f"Note {i}: the mayor of Kiev spoke.\n")
    code = main(["check", "--format", "json", "--jobs", "2", "docs"])
    found = findings(capsys.readouterr().out)
    assert code == 1
    assert len({f["path"] for f in found}) == 2_000
    assert all(f["rule"] == "names.Places" for f in found)


def test_directory_symlink_loop_does_not_hang(workdir: Path) -> None:
    docs = workdir / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "sub" / "a.md").write_text("Officials in Kiev.\n")
    (docs / "sub" / "up").symlink_to("..", target_is_directory=True)
    (docs / "sub" / "self").symlink_to(".", target_is_directory=True)
    (docs / "loop.md").symlink_to("loop.md")
    result = run_cli("check", "--format", "json", "docs", cwd=workdir)
    assert result.returncode == 2, result.stderr
    assert error_lines(result.stderr) == [
        "copydesk: error: docs/loop.md: too many levels of symbolic links"
    ]
    assert [f["path"] for f in findings(result.stdout)] == ["docs/sub/a.md"]


def test_walk_skips_symlinks_to_files_outside_the_tree(
    workdir: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("outside") / "secret.md"
    outside.write_text("TOP SECRET: the vault code of Kiev is 1234.\n")
    project = workdir / "project"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "leak.md").symlink_to(outside)
    (project / "docs" / "inside.md").symlink_to(project / "README.md")
    (project / "README.md").write_text("Officials in Kiev.\n")
    (project / "docs" / "gone.md").symlink_to(project / "nowhere.md")
    result = run_cli("check", "--format", "json", "docs", cwd=project)
    # A tree's links leading out or to nothing are passed over with a
    # warning: the exit code is the findings' (one in inside.md).
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "copydesk: warning: docs/gone.md: symlink to a missing file, skipped",
        f"copydesk: warning: docs/leak.md: symlink points outside docs "
        f"(to {outside.resolve()}), skipped",
    ]
    assert "SECRET" not in result.stdout + result.stderr
    assert [f["path"] for f in findings(result.stdout)] == ["docs/inside.md"]
    # Named on the command line, a dangling link is an error.
    named = run_cli("check", "--format", "json", "docs/gone.md", cwd=project)
    assert named.returncode == 2
    assert error_lines(named.stderr) == ["copydesk: error: docs/gone.md: no such file"]


def test_a_link_to_a_file_of_the_same_walk_is_linted_once(workdir: Path) -> None:
    docs = workdir / "docs"
    docs.mkdir()
    (docs / "index.rst").write_text("Welcome to the the guide.\n")
    (docs / "README.rst").symlink_to("index.rst")
    (docs / "notes.md").symlink_to(workdir / "NOTES.md")  # out of the walk
    (workdir / "NOTES.md").write_text("Officials in Kiev.\n")
    result = run_cli("check", "--format", "json", "docs", cwd=workdir)
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""
    assert sorted((f["path"], f["rule"]) for f in findings(result.stdout)) == [
        ("docs/index.rst", "style.Repetition"),
        ("docs/notes.md", "names.Places"),
    ]
    # Fixed once: the link's target is not rewritten twice.
    fixed = run_cli("fix", "docs", cwd=workdir)
    assert fixed.returncode in (0, 1), fixed.stderr
    assert (docs / "index.rst").read_text() == "Welcome to the guide.\n"
    assert (docs / "README.rst").is_symlink()


def test_fifo_is_skipped_without_blocking(workdir: Path) -> None:
    os.mkfifo(workdir / "pipe.md")
    (workdir / "ok.md").write_text("Officials in Kiev.\n")
    for args in (["pipe.md", "ok.md"], ["."]):
        result = run_cli("check", "--format", "json", *args, cwd=workdir)
        assert result.returncode == 2
        assert [line.replace("./", "") for line in error_lines(result.stderr)] == [
            "copydesk: error: pipe.md: not a regular file"
        ]
        assert len(findings(result.stdout)) == 1


def test_unreadable_file_is_skipped(
    workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests run as root, so chmod 000 cannot deny a read; simulate EACCES."""
    secret = workdir / "secret.md"
    secret.write_text("Officials in Kiev.\n")
    secret.chmod(0)
    (workdir / "ok.md").write_text("Officials in Kiev.\n")
    real_open = open

    def deny(file: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(file).name == "secret.md":
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    # The reader opens with the builtin; a module global shadows it there only.
    monkeypatch.setattr(textio, "open", deny, raising=False)
    code = main(["check", "--format", "json", "--jobs", "1", "secret.md", "ok.md"])
    captured = capsys.readouterr()
    assert code == 2
    assert error_lines(captured.err) == [
        "copydesk: error: secret.md: permission denied"
    ]
    assert [f["path"] for f in findings(captured.out)] == ["ok.md"]


def test_file_deleted_between_discovery_and_reading(
    workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a.md", "gone.md", "z.md"):
        (workdir / name).write_text("Officials in Kiev.\n")
    real_discover = files.discover

    def discover_then_delete(*args: Any, **kwargs: Any) -> Any:
        targets = real_discover(*args, **kwargs)
        (workdir / "gone.md").unlink()
        return targets

    monkeypatch.setattr(api, "discover", discover_then_delete)
    code = main(["check", "--format", "json", "--jobs", "1", "--no-cache", "."])
    captured = capsys.readouterr()
    assert code == 2
    assert error_lines(captured.err) == ["copydesk: error: ./gone.md: no such file"]
    assert sorted(f["path"] for f in findings(captured.out)) == ["./a.md", "./z.md"]


def test_file_replaced_by_directory_after_discovery(
    workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (workdir / "a.md").write_text("Officials in Kiev.\n")
    real_read = textio.read_source

    def swap_then_read(
        path: str | os.PathLike[str], encoding: str | None = None
    ) -> textio.SourceFile:
        target = Path(path)
        if target.is_file():
            target.unlink()
            target.mkdir()
        return real_read(path, encoding)

    monkeypatch.setattr(textio, "read_source", swap_then_read)
    code = main(["check", "--jobs", "1", "--no-cache", "a.md"])
    captured = capsys.readouterr()
    assert code == 2
    assert error_lines(captured.err) == ["copydesk: error: a.md: is a directory"]
