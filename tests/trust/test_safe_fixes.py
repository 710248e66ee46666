"""Safe means safe, on real content: the gate of issue 15.

``copydesk fix`` applies safe fixes without a human looking. On content the
project did not write (the four calibration trees, the PowerShell reference
docs, the clean news articles) every safe fix must land on a finding a reader
labelled true in ``bench/labels/labels.tsv``, and ``fix --diff`` may change
those lines and no other. The corpora are unpacked by the precision harness
(``bench/precision.py``), so the test and the harness read the same files the
same way.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from tests.conftest import REPO, SHARED


def _harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "copydesk_precision", REPO / "bench" / "precision.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


precision = _harness()
CORPORA: tuple[str, ...] = precision.CORPORA

_HAVE_CORPORA = (SHARED / "corpus" / "real").is_dir()
if not _HAVE_CORPORA and os.environ.get("CI"):
    # CI always has ../shared beside the clone: a missing corpus there is a
    # broken setup, and a skipped gate would pass for a green one.
    msg = f"the calibration corpora are missing: {SHARED / 'corpus'}"
    raise RuntimeError(msg)
pytestmark = pytest.mark.skipif(
    not _HAVE_CORPORA, reason="../shared/corpus not present"
)

_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@")


def changed_lines(diff: str) -> Iterator[tuple[str, int]]:
    """(path, old line number) of every line a unified diff removes."""
    path = ""
    line = 0
    for row in diff.splitlines():
        if row.startswith("--- a/"):
            path = row[len("--- a/") :].removeprefix("./")
        elif row.startswith("+++ "):
            continue
        elif m := _HUNK.match(row):
            line = int(m.group(1))
        elif row.startswith("-"):
            yield path, line
            line += 1
        elif row.startswith(" "):
            line += 1


def test_changed_lines_reads_a_unified_diff() -> None:
    diff = (
        "--- a/./docs/a.md\n+++ b/./docs/a.md\n@@ -3,3 +3,3 @@\n keep\n-old\n+new\n"
        " keep\n@@ -10 +10 @@\n-x\n+y\n"
    )
    assert list(changed_lines(diff)) == [("docs/a.md", 4), ("docs/a.md", 10)]


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("trust")


@pytest.mark.parametrize("corpus", CORPORA)
def test_safe_fixes_touch_only_labelled_true_defects(corpus: str, work: Path) -> None:
    folder = precision.unpack(corpus, SHARED, work)
    labels = precision.read_labels()
    hits = precision.hits(corpus, precision.run_copydesk(folder))
    safe = [h for h in hits if h.safe_fix]
    unvouched = [
        (h.key.path, h.key.line, h.key.rule, h.key.match)
        for h in safe
        if h.key not in labels or labels[h.key].label != "true"
    ]
    assert unvouched == []
    done = subprocess.run(
        [sys.executable, "-m", "copydesk", "fix", "--diff", "--no-cache", "."],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    changed = set(changed_lines(done.stdout))
    assert changed <= {(h.key.path, h.key.line) for h in safe}
    assert bool(changed) == bool(safe)
