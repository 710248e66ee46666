"""Collections whose whole file is wrong, and a line too long to hold.

A Parquet file without the text column, with text stored as bytes or
numbers, or empty, is one error line naming the file and the column (exit
2). A JSON Lines record over the size limit is reported by line and never
held whole: the reader takes at most the limit and skips the rest in
pieces, so a 64 MB line costs a few megabytes, not 64.
"""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import pytest

from copydesk.api import Overrides, Workspace
from copydesk.cli.main import main
from copydesk.collections import CollectionSpec, RecordError, read

from .sinks import Collected

pa = pytest.importorskip("pyarrow", reason="Parquet needs copydesk[scale]")
pq = pytest.importorskip("pyarrow.parquet")


@pytest.mark.parametrize(
    ("columns", "reason"),
    [
        ({"id": ["a"], "body": ["Kiev."]}, "no 'text' column"),
        ({"id": ["a"], "text": [b"Kiev."]}, "column 'text' is binary"),
        ({"id": ["a"], "text": [5]}, "column 'text' is int64"),
        (None, "not a Parquet file (Parquet file size is 0 bytes)"),
    ],
)
def test_a_parquet_file_without_text_is_one_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    columns: dict[str, list[object]] | None,
    reason: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    if columns is None:
        (tmp_path / "pages.parquet").write_bytes(b"")
    else:
        pq.write_table(pa.table(columns), tmp_path / "pages.parquet")
    code = main(["check", "--isolated", "--no-cache", "--collection", "pages.parquet"])
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [f"copydesk: error: pages.parquet: {reason}"]
    assert (code, captured.out) == (2, "")


def test_a_line_over_the_limit_is_skipped_without_holding_it(tmp_path: Path) -> None:
    path = tmp_path / "pages.jsonl"
    with path.open("wb") as out:
        out.write(b'{"id": "a", "text": "Officials in Kiev said so."}\n')
        out.write(b'{"id": "huge", "text": "' + b"Kiev " * (13 * 1024 * 1024) + b'"}\n')
        out.write(b'{"id": "c", "text": "Kharkov."}\n')
    spec = CollectionSpec(str(path), max_bytes=1024 * 1024)
    tracemalloc.start()
    try:
        records = list(read(spec))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024  # the line is 65 MB
    assert [str(r) for r in records if isinstance(r, RecordError)] == [
        "line 2: document over the size limit of 1,048,576 bytes; skipped"
    ]
    sink = Collected()
    Workspace(tmp_path, Overrides(isolated=True)).lint_collection(spec, sink)
    assert {k: [f.match for f in v] for k, v in sink.found.items()} == {
        "a": ["Kiev"],
        "c": ["Kharkov"],
    }


@pytest.mark.parametrize("kind", ["fifo", "folder", "device"])
def test_a_collection_that_is_not_a_file_is_one_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    kind: str,
) -> None:
    """A FIFO blocked the run, a folder was an internal error, ``/dev/zero``
    was read without end."""
    monkeypatch.chdir(tmp_path)
    name = {"fifo": "pages.jsonl", "folder": "pages.jsonl", "device": "/dev/zero"}[kind]
    if kind == "fifo":
        os.mkfifo(name)
    elif kind == "folder":
        (tmp_path / name).mkdir()
    code = main(["check", "--isolated", "--no-cache", "--collection", name])
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"copydesk: error: {name}: not a regular file (a collection is read more"
        " than once)"
    ]
    assert (code, captured.out) == (2, "")
