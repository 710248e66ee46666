"""A Word draft cannot come through stdin (it is a zip read by seeking, and
a pipe cannot seek): ``check`` and ``fix`` say so in one line naming the
file and exit 2, the input-error code, and the other files are still
linted. Run through the real console script, as a pre-commit hook or an
editor plug-in would pipe it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .test_hostile_docx import DRAFT

ERROR = (
    "copydesk: error: notes/draft.docx: a .docx cannot be read from stdin:"
    " name the file instead"
)


@pytest.mark.parametrize("command", ["check", "fix"])
def test_a_docx_on_stdin_is_one_error_line_and_exit_2(
    tmp_path: Path, command: str
) -> None:
    (tmp_path / "other.txt").write_text("Officials in Kiev said so.\n")
    proc = subprocess.run(
        [sys.executable, "-m", "copydesk", command, "--isolated", "--no-cache",
         "--format", "concise", "--stdin-filename", "notes/draft.docx",
         "-", "other.txt"],
        input=DRAFT, capture_output=True, cwd=tmp_path, timeout=120, check=False,
    )  # fmt: skip
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert [line for line in err.splitlines() if "error" in line] == [ERROR]
    assert b"PK" not in proc.stdout  # fix does not echo the archive back
    # The other file is linted (and fixed).
    if command == "check":
        assert "other.txt:1:14" in proc.stdout.decode()
    else:
        assert (tmp_path / "other.txt").read_text() == "Officials in Kyiv said so.\n"
