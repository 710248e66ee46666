"""What ``copydesk check`` reports as unknown words, run as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def reported_unknown(cwd: Path, name: str) -> list[str]:
    """The words ``typos.Unknown`` reports in ``name``, checked from ``cwd``
    in a process of its own (the project's word lists are read per run)."""
    run = subprocess.run(
        [sys.executable, "-m", "copydesk", "check", "--no-cache",
         "--format", "json", name],
        cwd=cwd, capture_output=True, text=True, check=False,
    )  # fmt: skip
    return [f["match"] for f in json.loads(run.stdout) if "Unknown" in f["rule"]]
