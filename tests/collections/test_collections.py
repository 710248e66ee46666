"""Reading collections: records, errors with their line or row, size limits, parts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from copydesk.collections import (
    CollectionSpec,
    Record,
    RecordError,
    count_lines,
    numbered,
    parts,
    read,
)
from copydesk.errors import InputError


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def _doc(doc_id: object, text: str, **extra: object) -> str:
    return json.dumps({"id": doc_id, "text": text, **extra}, ensure_ascii=False)


def test_records_and_errors_keep_their_line_numbers(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "c.jsonl",
        [
            _doc("a", "First story."),
            '{"id": "b", "text": "Broken',
            "",
            "[1, 2]",
            json.dumps({"id": "d", "body": "No text field."}),
            json.dumps({"id": "e", "text": 42}),
            json.dumps({"text": "No id: the line number names it."}),
            _doc(7, "A numeric id."),
        ],
    )
    got = list(read(CollectionSpec(str(path))))
    assert got == [
        Record("a", "First story.", "plain", "", "line 1"),
        RecordError(
            "line 2", "not valid JSON: Unterminated string starting at column 21"
        ),
        RecordError("line 4", "a JSON array, not an object"),
        RecordError("line 5", "no 'text' field", "d"),
        RecordError("line 6", "'text' is a number, not text", "e"),
        Record("7", "No id: the line number names it.", "plain", "", "line 7"),
        Record("7", "A numeric id.", "plain", "", "line 8"),
    ]
    assert str(got[3]) == "line 5 (id d): no 'text' field"


def test_fields_are_chosen_by_name(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "c.jsonl",
        [
            json.dumps(
                {"key": "x", "body": "# Title", "fmt": "markdown", "site": "s1"}
            ),
            json.dumps({"key": "y", "body": "Plain.", "site": "s2"}),
            json.dumps({"key": "z", "body": "Odd.", "fmt": "docx"}),
        ],
    )
    spec = CollectionSpec(
        str(path),
        text_field="body",
        id_field="key",
        format_field="fmt",
        input_format="plain",
        source_field="site",
    )
    assert list(read(spec)) == [
        Record("x", "# Title", "markdown", "s1", "line 1"),
        Record("y", "Plain.", "plain", "s2", "line 2"),
        RecordError(
            "line 3", "'fmt' is 'docx', not one of plain, markdown, html, rst", "z"
        ),
    ]


def test_a_document_over_the_size_limit_is_reported_not_decoded(
    tmp_path: Path,
) -> None:
    big = _doc("big", "x" * 5000)
    path = _write(tmp_path / "c.jsonl", [_doc("a", "Small."), big, _doc("c", "Next.")])
    got = list(read(CollectionSpec(str(path), max_bytes=1000)))
    assert got == [
        Record("a", "Small.", "plain", "", "line 1"),
        RecordError("line 2", "document over the size limit of 1,000 bytes; skipped"),
        Record("c", "Next.", "plain", "", "line 3"),
    ]


@pytest.mark.parametrize("part_bytes", [1, 7, 40, 41, 100, 10_000])
def test_parts_read_every_line_once_wherever_they_cut(
    tmp_path: Path, part_bytes: int
) -> None:
    lines = [_doc(f"d{i}", "é" * (i % 5) + f"story {i}") for i in range(20)]
    lines.insert(5, "not json")
    path = _write(tmp_path / "c.jsonl", lines)
    spec = CollectionSpec(str(path))
    found = parts(spec, part_bytes)
    counts = [count_lines(spec, p) for p in found]
    assert sum(counts) == 21
    whole = list(read(spec))
    pieces = [item for p in numbered(found, counts) for item in read(spec, p)]
    assert pieces == whole
    assert RecordError("line 6", "not valid JSON: Expecting value at column 1") in whole


def test_a_missing_collection_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="No such file"):
        parts(CollectionSpec(str(tmp_path / "missing.jsonl")))


def test_parquet_rows_errors_and_size_limit(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow", reason="Parquet needs copydesk[scale]")
    import pyarrow.parquet as pq

    table = pa.table(
        {
            "id": ["a", None, "c", "d"],
            "text": ["First.", "No id here.", None, "y" * 3000],
            "site": ["s1", "s1", "s2", "s2"],
        }
    )
    path = tmp_path / "c.parquet"
    pq.write_table(table, path, row_group_size=2)
    spec = CollectionSpec(str(path), source_field="site", max_bytes=1000)
    assert list(read(spec)) == [
        Record("a", "First.", "plain", "s1", "row 1"),
        Record("2", "No id here.", "plain", "s1", "row 2"),
        RecordError("row 3", "no 'text' field", "c"),
        RecordError(
            "row 4", "document over the size limit of 1,000 bytes; skipped", "d"
        ),
    ]
    found = parts(spec, 1)
    assert [(p.start, p.stop, p.first_line) for p in found] == [(0, 1, 1), (1, 2, 3)]
    assert [item for p in found for item in read(spec, p)] == list(read(spec))


def test_parquet_without_the_text_column_is_an_input_error(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow", reason="Parquet needs copydesk[scale]")
    import pyarrow.parquet as pq

    path = tmp_path / "c.parquet"
    pq.write_table(pa.table({"body": ["x"]}), path)
    with pytest.raises(InputError, match="no 'text' column"):
        list(read(CollectionSpec(str(path))))
