"""A Parquet row group of big documents is read in batches sized from the
file's metadata, so over-limit documents are reported by row and id without
64 of them decoded at once. pyarrow reads no value's length without its
bytes, and decompresses a row group's column chunk whole, so each document
is still decoded once (never converted or linted when over the limit).
pyarrow's own allocations are measured by its memory pool, in a fresh
interpreter so that the peak is this read's.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow", reason="Parquet needs copydesk[scale]")
pq = pytest.importorskip("pyarrow.parquet")

MB = 1024 * 1024
READ = """
import sys
import pyarrow as pa
from copydesk.collections import CollectionSpec, RecordError, read
spec = CollectionSpec(sys.argv[1], max_bytes={limit})
for record in read(spec):
    if isinstance(record, RecordError):
        print(record)
    else:
        print(record.id, len(record.text))
print(pa.default_memory_pool().max_memory())
"""


def test_a_group_of_big_documents_is_not_decoded_64_at_a_time(tmp_path: Path) -> None:
    # 40 documents of 1.5 MB in one row group (60 MB), and small ones around.
    big = "Officials in Kiev said so. " * (3 * MB // 54)
    texts = ["Kharkov.", *[f"{i} {big}" for i in range(40)], "Kiev."]
    ids = ["first", *[f"big{i}" for i in range(40)], "last"]
    path = tmp_path / "pages.parquet"
    pq.write_table(pa.table({"id": ids, "text": texts}), path)
    proc = subprocess.run(
        [sys.executable, "-c", READ.format(limit=MB), str(path)],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    *lines, peak = proc.stdout.splitlines()
    over = f"document over the size limit of {MB:,} bytes; skipped"
    assert lines == [
        "first 8",
        *[f"row {i + 2} (id big{i}): {over}" for i in range(40)],
        "last 5",
    ]
    # 64-row batches: 218 MB; the column chunk decompressed alone is 60 MB.
    assert int(peak) < 170 * MB, int(peak) / MB
