"""The ``--diff`` preview: git's format, exact bytes, and a patch that applies."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from copydesk.fix import unified_diff

GOLDEN = Path(__file__).parent / "golden"

# A draft with a CRLF line among LF lines and no final line break; the fixed
# text swaps names and typos, drops a debris line and adds the final break.
OLD = (
    "# Briefing\n"
    "\n"
    "Kyiv, Monday.\n"
    "\n"
    "President Zelenskiy said teh talks would recieve support.\r\n"
    "Advertisement\n"
    "\n"
    "Line one.\n"
    "Line two.\n"
    "Line three.\n"
    "Line four.\n"
    "Line five.\n"
    "\n"
    "Zelenskyy spoke last."
)
NEW = (
    "# Briefing\n"
    "\n"
    "Kyiv, Monday.\n"
    "\n"
    "President Zelensky said the talks would receive support.\r\n"
    "\n"
    "Line one.\n"
    "Line two.\n"
    "Line three.\n"
    "Line four.\n"
    "Line five.\n"
    "\n"
    "Zelensky spoke last.\n"
)


def test_golden_diff() -> None:
    # Compared as bytes: the CR in the CRLF line must survive, as it does in git.
    expected = (GOLDEN / "briefing.diff").read_bytes()
    assert unified_diff("docs/briefing.md", OLD, NEW).encode() == expected


def test_equal_texts_give_no_diff() -> None:
    assert unified_diff("a.md", OLD, OLD) == ""


def test_missing_final_newline_on_both_sides() -> None:
    diff = unified_diff("a.md", "one\ntwo", "one\nTwo")
    assert diff == (
        "--- a/a.md\n+++ b/a.md\n@@ -1,2 +1,2 @@\n one\n"
        "-two\n\\ No newline at end of file\n"
        "+Two\n\\ No newline at end of file\n"
    )


def test_lone_cr_stays_inside_its_line() -> None:
    diff = unified_diff("mac.txt", "a\rb\n", "a\rB\n")
    assert diff.split("\n")[-3:] == ["-a\rb", "+a\rB", ""]


def test_absolute_path_has_no_prefix() -> None:
    diff = unified_diff("/tmp/x.md", "a\n", "b\n")
    assert diff.startswith("--- /tmp/x.md\n+++ /tmp/x.md\n")


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_diff_applies_with_git(tmp_path: Path) -> None:
    target = tmp_path / "docs" / "briefing.md"
    target.parent.mkdir()
    target.write_bytes(OLD.encode())
    patch = tmp_path / "fix.diff"
    patch.write_bytes(unified_diff("docs/briefing.md", OLD, NEW).encode())
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(tmp_path)}
    subprocess.run(
        ["git", "apply", "--unsafe-paths", str(patch)],
        cwd=tmp_path,
        check=True,
        env=env,
        capture_output=True,
    )
    assert target.read_bytes() == NEW.encode()
