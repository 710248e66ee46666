"""Two ``copydesk fix`` runs on one tree at once never leave a mixed file.

Each file must end up as one of the texts a whole, ordered sequence of fixes
can produce: the original, either run's result, or one run's result fixed by
the other. A half-written, truncated or interleaved file matches none of them.
"""

from __future__ import annotations

import resource
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

FILES = 50
LINE = "Officials in Kiev said teh talks would go on; they recieve news daily.\n"
NAMES_FIXED = LINE.replace("Kiev", "Kyiv")
TYPOS_FIXED = LINE.replace("teh", "the").replace("recieve", "receive")
BOTH_FIXED = NAMES_FIXED.replace("teh", "the").replace("recieve", "receive")
LOSER_REASON = "refusing to write: file changed on disk"


def spawn(cwd: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "copydesk", "fix", "--no-cache", *args, "docs"],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def make_tree(root: Path, lines: int) -> None:
    docs = root / "docs"
    docs.mkdir()
    for i in range(FILES):
        (docs / f"f{i:02d}.md").write_text(LINE * lines, encoding="utf-8")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param((), (), id="same-fixes"),
        pytest.param(("--select", "names"), ("--select", "typos"), id="other-fixes"),
    ],
)
def test_two_concurrent_fix_runs_never_mix_a_file(
    tmp_path: Path, first: tuple[str, ...], second: tuple[str, ...]
) -> None:
    lines = 150
    make_tree(tmp_path, lines)
    runs = [spawn(tmp_path, *first), spawn(tmp_path, *second)]
    outputs = [run.communicate(timeout=120) for run in runs]
    allowed = {
        LINE * lines: "original",
        NAMES_FIXED * lines: "names fixed",
        TYPOS_FIXED * lines: "typos fixed",
        BOTH_FIXED * lines: "fully fixed",
    }
    if not first:  # both runs apply every fix: only whole results are possible
        allowed = {
            LINE * lines: "original",
            BOTH_FIXED * lines: "fully fixed",
        }
    for run, (_, err) in zip(runs, outputs, strict=True):
        assert run.returncode in (0, 1, 2), err
        assert "Traceback" not in err
        for line in _errors(err):
            assert LOSER_REASON in line, line
    outcomes: dict[str, int] = {}
    for path in sorted((tmp_path / "docs").iterdir()):
        text = path.read_text(encoding="utf-8")
        assert text in allowed, f"{path.name} is mixed or truncated ({len(text)})"
        outcomes[allowed[text]] = outcomes.get(allowed[text], 0) + 1
    assert sorted(p.name for p in (tmp_path / "docs").iterdir()) == [
        f"f{i:02d}.md" for i in range(FILES)
    ], "a temporary file was left behind"
    # Every file that a run refused to write was still fixed by the other run.
    assert "original" not in outcomes, outcomes


def _errors(stderr: str) -> list[str]:
    """stderr without the fix tally (``Fixed 3 findings ...``), which goes
    there too."""
    return [line for line in stderr.splitlines() if not line.startswith("Fixed ")]


def _limit_file_size(limit: int) -> Callable[[], None]:
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of a kill
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_a_write_that_fails_midway_leaves_the_original(tmp_path: Path) -> None:
    """A disk that fills up mid-write (RLIMIT_FSIZE) never truncates a file."""
    lines = 150
    make_tree(tmp_path, lines)
    original = LINE * lines
    result = subprocess.run(
        [sys.executable, "-m", "copydesk", "fix", "--no-cache", "docs"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        preexec_fn=_limit_file_size(len(original) // 2),
    )
    assert result.returncode == 2, result.stderr
    errors = _errors(result.stderr)
    assert len(errors) == FILES, result.stderr
    assert all("write failed" in line for line in errors), result.stderr
    for path in sorted((tmp_path / "docs").iterdir()):
        assert path.read_text(encoding="utf-8") == original, path.name
    assert len(list((tmp_path / "docs").iterdir())) == FILES
