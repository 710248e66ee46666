"""A file's spelling findings do not depend on the files checked before it.

A word list searches a process's first 64 K characters by the document's
word set and the rest by an RE2 scan (patterns.LiteralIndex). A file read
from stdin is the process's first; in a batch, the same file after a long
one is searched by the scan. Long s and the Kelvin sign at a word's edge
once parted the two, so stdin and a batch reported different findings.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

DRAFT = (
    "They \u017feperate the files.\n\nThe \u212anowlege base.\n\nThey seperate them.\n"
)
FILLER = (
    "The committee met on Tuesday to review the annual budget and discuss "
    "the plans for the coming year, and the chair thanked the members.\n\n"
)


def _check(folder: Path, *args: str, stdin: str = "") -> list[dict[str, Any]]:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "copydesk",
            "check",
            "--no-cache",
            "--format",
            "json",
            "--select",
            "typos.Misspellings",
            *args,
        ],
        cwd=folder,
        input=stdin.encode("utf-8"),
        capture_output=True,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr.decode()
    found: list[dict[str, Any]] = json.loads(done.stdout)
    return found


def _places(found: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return sorted(
        (Path(f["path"]).name, f["line"], f["column"], f["message"])
        for f in found
        if Path(f["path"]).name == "b.md"
    )


def test_stdin_and_a_batch_after_a_long_file_agree(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(FILLER * 500, encoding="utf-8")  # 70 K characters
    (tmp_path / "b.md").write_text(DRAFT, encoding="utf-8")
    alone = _places(_check(tmp_path, "--stdin-filename", "b.md", "-", stdin=DRAFT))
    batch = _places(_check(tmp_path, "--jobs", "1", "a.md", "b.md"))
    assert alone == batch
    assert [(line, column) for _, line, column, _ in alone] == [(5, 6)]
