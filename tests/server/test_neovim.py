"""The server under a real editor: Neovim's built-in LSP client, headless.

Neovim opens a draft, starts ``python -m copydesk.server`` for it, types a
line without saving, and prints the diagnostics it holds. Skipped where
``nvim`` is not installed (Debian: ``apt-get install neovim``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from copydesk.api import Workspace

NVIM = shutil.which("nvim")
SCRIPT = Path(__file__).with_name("nvim_diagnostics.lua")

DRAFT = (
    "President Volodymyr Zelenskyj spoke in Kharkov.\n"
    "\n"
    "  • Follow I follow\n"
    "\n"
    "The shelling of Kiev went on.\n"
)


@pytest.mark.skipif(NVIM is None, reason="nvim not installed (apt-get install neovim)")
def test_neovim_shows_the_diagnostics_of_its_unsaved_buffer(tmp_path: Path) -> None:
    assert NVIM is not None
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT)
    typed = DRAFT + "The mayor of Kiev spoke on Monday.\n"
    expected = Workspace(tmp_path).lint_text(draft, typed)
    env = {
        **os.environ,
        "COPYDESK_SERVER_CMD": json.dumps([sys.executable, "-m", "copydesk.server"]),
        "COPYDESK_EXPECTED": str(len(expected)),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    run = subprocess.run(
        [NVIM, "--headless", "--clean", "-n", str(draft), "-c", f"luafile {SCRIPT}"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    lines = [line for line in run.stdout.splitlines() if line]
    assert "TIMEOUT" not in lines, (run.stdout, run.stderr)
    shown = [tuple(line.split(":", 3)[:3]) for line in lines]
    assert shown == [(str(f.line - 1), str(f.col - 1), f.rule) for f in expected]
    assert [f.rule for f in expected] == [
        "names.People",
        "names.Places",
        "artifacts.Social",
        "names.Places",
        "names.Places",
    ]
    assert draft.read_text() == DRAFT  # nothing was saved
