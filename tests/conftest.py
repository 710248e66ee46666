"""Shared test fixtures and paths."""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE = SHARED / "samples" / "mt-news-draft.txt"

#: For tests that read ../shared (present in CI, maybe not in a bare clone).
needs_sample = pytest.mark.skipif(not SAMPLE.is_file(), reason="../shared not present")
CORPUS = SHARED / "corpus" / "powershell-docs-reference.tar.xz"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked ``forks`` run first, in a process with one thread.

    copydesk forks to share a large document's checks only from a process
    with no other thread (``copydesk.document_workers``); a test of Dask
    leaves its offload thread behind for the rest of the session.
    """
    items.sort(key=lambda item: item.get_closest_marker("forks") is None)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh folder as the working directory, for CLI runs on relative paths."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def corpus_sample(target: Path, count: int, *, offset: float = 0.0) -> list[Path]:
    """Unpack ``count`` Markdown files spread evenly over the benchmark corpus.

    ``offset`` (0 to 1) shifts the pick within each stride, so two tests can
    look at different files. Skips the test when ../shared is absent.
    """
    if not CORPUS.is_file():
        pytest.skip(f"corpus not found: {CORPUS}")
    with tarfile.open(CORPUS) as archive:
        members = sorted(
            (m for m in archive.getmembers() if m.isfile() and m.name.endswith(".md")),
            key=lambda m: m.name,
        )
        step = max(1, len(members) // count)
        chosen = members[int(step * offset) :: step][:count]
        archive.extractall(target, members=chosen, filter="data")
    return [target / m.name for m in chosen]
