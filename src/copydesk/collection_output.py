"""Findings of a collection run, keyed by document id: JSON Lines or Parquet.

Each row is a finding exactly as ``--format json`` writes it
(``Finding.as_dict()``) with the document's ``id`` in front, so a collection's
findings join back to its records. Rows are written as documents finish:
nothing is held but the current Parquet batch. Files are written under a
temporary name and renamed when complete, so a crashed run or task never
leaves a truncated file where a finished one is expected.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, TextIO

from copydesk.model import Finding

#: Rows buffered before a Parquet batch is written.
_PARQUET_ROWS = 4096


class FindingSink(Protocol):
    """Where a collection run writes its findings, one document at a time."""

    def write(self, doc_id: str, findings: Sequence[Finding]) -> None: ...

    def close(self) -> None: ...


def row(doc_id: str, finding: Finding) -> dict[str, Any]:
    """One output row: the document id, then the finding's JSON fields."""
    return {"id": doc_id, **finding.as_dict()}


class JsonLinesSink:
    """One JSON object per line on a text stream."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, doc_id: str, findings: Sequence[Finding]) -> None:
        for finding in findings:
            self.stream.write(json.dumps(row(doc_id, finding), ensure_ascii=False))
            self.stream.write("\n")

    def close(self) -> None:
        self.stream.flush()


def parquet_schema() -> Any:
    """The Arrow schema of Parquet output: ``as_dict``'s fields, typed."""
    import pyarrow as pa

    edit = pa.struct(
        [("start", pa.int64()), ("end", pa.int64()), ("replacement", pa.string())]
    )
    fix = pa.struct([("applicability", pa.string()), ("edits", pa.list_(edit))])
    ints = ("line", "column", "end_line", "end_column", "start", "end")
    texts = ("path", "rule", "severity", "message", "match")
    fields: list[tuple[str, Any]] = [("id", pa.string())]
    fields += [(name, pa.string()) for name in texts[:1]]
    fields += [(name, pa.int64()) for name in ints]
    fields += [(name, pa.string()) for name in texts[1:]]
    fields += [("suggestions", pa.list_(pa.string())), ("fix", fix)]
    return pa.schema(fields)


class ParquetSink:
    """Rows written to one Parquet file in batches (a row group each)."""

    def __init__(self, path: str) -> None:
        import pyarrow.parquet as pq

        self.path = path
        self._schema = parquet_schema()
        self._temp = _temporary_beside(path)
        self._writer = pq.ParquetWriter(self._temp, self._schema)
        self._rows: list[dict[str, Any]] = []

    def write(self, doc_id: str, findings: Sequence[Finding]) -> None:
        self._rows.extend(row(doc_id, f) for f in findings)
        if len(self._rows) >= _PARQUET_ROWS:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self._rows:
            table = pa.Table.from_pylist(self._rows, schema=self._schema)
            self._writer.write_table(table)
            self._rows = []

    def close(self) -> None:
        self._flush()
        self._writer.close()
        Path(self._temp).replace(self.path)


class JsonLinesFile:
    """JSON Lines written to a file, renamed into place when closed."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._temp = _temporary_beside(path)
        self._handle = Path(self._temp).open("w", encoding="utf-8")  # noqa: SIM115 - closed by close()
        self._lines = JsonLinesSink(self._handle)

    def write(self, doc_id: str, findings: Sequence[Finding]) -> None:
        self._lines.write(doc_id, findings)

    def close(self) -> None:
        self._handle.close()
        Path(self._temp).replace(self.path)


def open_sink(path: str) -> FindingSink:
    """A sink for ``path``: Parquet for ``.parquet``/``.pq``, else JSON Lines."""
    if Path(path).suffix.lower() in (".parquet", ".pq"):
        return ParquetSink(path)
    return JsonLinesFile(path)


def part_name(index: int, parquet: bool) -> str:
    """The file name of one partition's findings in a partitioned output."""
    return f"part-{index:05d}.{'parquet' if parquet else 'jsonl'}"


def _temporary_beside(path: str) -> str:
    """A fresh temporary file name in ``path``'s folder (same file system,
    so the final rename is atomic)."""
    target = Path(path).absolute()
    handle, temp = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    os.close(handle)
    return temp
