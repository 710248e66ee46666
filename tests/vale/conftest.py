"""A Vale project in a temporary folder and a way to run ``copydesk vale`` in it."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

from copydesk.vale.cli import main


@dataclass(frozen=True)
class Result:
    """Exit status and both output streams of one run."""

    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()


Run = Callable[..., Result]


def write_tree(root: Path, files: Mapping[str, str | bytes]) -> None:
    """Write ``files`` (relative path -> content) under ``root``."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working folder with no global Vale config or styles."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / ".xdg-data"))
    monkeypatch.delenv("VALE_CONFIG_PATH", raising=False)
    monkeypatch.delenv("VALE_STYLES_PATH", raising=False)
    monkeypatch.delenv("DICPATH", raising=False)
    return tmp_path


@pytest.fixture
def vale(project: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """Run ``copydesk vale`` with line output in the project folder."""

    def run(*args: str, stdin: str = "", output: str = "line") -> Result:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        out, err = io.StringIO(), io.StringIO()
        flags = [f"--output={output}", "--no-global"] if output else ["--no-global"]
        code = main([*flags, *args], out, err)
        return Result(code, out.getvalue(), err.getvalue())

    return run
