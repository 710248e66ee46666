"""Hostile collections: every bad record is one error naming its line, row or
id, every good one is linted, and the run goes on.

JSON Lines from a scrape or an export are drawn line by line from records
and junk: invalid JSON, JSON that is not an object, arrays nested a hundred
thousand deep (which made ``json`` raise RecursionError and stopped the whole
run), bytes that are not UTF-8,
fields of the wrong type, lines over the size limit, blank and CRLF lines.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copydesk.api import Overrides, Workspace
from copydesk.collections import CollectionSpec

from .sinks import Collected
from .strategies import fuzz_settings, mixed_documents

#: Small, so a generated line can exceed it; above the junk lines, which
#: must reach the JSON parser.
LIMIT = 10_000


JUNK: tuple[bytes, ...] = (
    b"{not json",
    b'"a string"',
    b"[1, 2, 3]",
    b"null",
    b"[" * 3_000 + b"]" * 3_000,
    b'{"text": ' + b"{" * 2_000 + b"}" * 2_000 + b"}",
    b"\xff\xfe\x00 not UTF-8",
    b'{"id": "t", "text": 42}',
    b'{"id": "n", "text": null}',
    b'{"id": "f", "text": "Kiev.", "format": "docx"}',
    b'{"id": "big", "text": "' + b"Kiev " * 3_000 + b'"}',
)


def good(doc_id: str, text: str) -> bytes:
    return json.dumps({"id": doc_id, "text": text, "format": "markdown"}).encode()


lines = st.lists(
    st.one_of(
        st.tuples(st.just("good"), mixed_documents("markdown", 20)),
        st.tuples(st.just("junk"), st.sampled_from(JUNK)),
        st.tuples(st.just("blank"), st.sampled_from(["", "   "])),
    ),
    min_size=1,
    max_size=25,
)


@fuzz_settings(30)
@given(rows=lines, crlf=st.booleans())
def test_every_bad_line_is_named_and_every_good_one_linted(
    rows: list[tuple[str, str | bytes]], crlf: bool, tmp_path_factory: Any
) -> None:
    folder = tmp_path_factory.mktemp("jsonl")
    body: list[bytes] = []
    wanted: dict[str, int] = {}
    bad: list[str] = []
    for number, (kind, text) in enumerate(rows, start=1):
        if isinstance(text, bytes):
            line = text
            bad.append(f"line {number}")
        elif kind == "good":
            line = good(f"doc{number}", text)
            if len(line) + 2 > LIMIT:
                bad.append(f"line {number}")
            else:
                wanted[f"doc{number}"] = number
        else:
            line = text.encode()
        body.append(line)
    path = folder / "pages.jsonl"
    path.write_bytes((b"\r\n" if crlf else b"\n").join(body) + b"\n")
    spec = CollectionSpec(str(path), format_field="format", max_bytes=LIMIT)
    sink = Collected()
    run = Workspace(folder, Overrides(isolated=True)).lint_collection(spec, sink)
    assert set(sink.found) == set(wanted)
    assert sorted((e.where for e in run.errors), key=lambda w: int(w.split()[1])) == bad
    assert all("\n" not in str(e) for e in run.errors)
    assert run.documents == len(wanted)


def test_an_integer_of_thousands_of_digits_does_not_cost_its_record(
    tmp_path: Path,
) -> None:
    """Python refuses to convert over 4,300 digits to an int (json raised
    ValueError for the whole line): the record is linted, its id the digits."""
    digits = "9" * 4_400
    path = tmp_path / "pages.jsonl"
    path.write_bytes(
        b'{"id": 7, "size": 1' + b"0" * 5_000 + b', "text": "Kiev."}\n'
        b'{"id": ' + digits.encode() + b', "text": "Kharkov."}\n'
    )
    sink = Collected()
    spec = CollectionSpec(str(path), max_bytes=LIMIT)
    run = Workspace(tmp_path, Overrides(isolated=True)).lint_collection(spec, sink)
    assert run.errors == []
    assert {k: [f.match for f in v] for k, v in sink.found.items()} == {
        "7": ["Kiev"],
        digits: ["Kharkov"],
    }


def test_parquet_rows_that_cannot_be_linted_are_named_by_row_and_id(
    tmp_path: Path,
) -> None:
    pa = pytest.importorskip("pyarrow", reason="Parquet needs copydesk[scale]")
    import pyarrow.parquet as pq

    rows = [
        {"id": "ok", "text": "Officials in Kiev said so."},
        {"id": "none", "text": None},
        {"id": None, "text": "Kharkov."},
        {"id": "huge", "text": "Kiev " * 3_000},
        {"id": "empty", "text": ""},
        {"id": "last", "text": "Odessa."},
    ]
    table = pa.Table.from_pylist(rows)
    path = tmp_path / "pages.parquet"
    pq.write_table(table, path, row_group_size=2)
    spec = CollectionSpec(str(path), max_bytes=LIMIT)
    sink = Collected()
    run = Workspace(tmp_path, Overrides(isolated=True)).lint_collection(spec, sink)
    assert [str(e) for e in run.errors] == [
        "row 2 (id none): no 'text' field",
        f"row 4 (id huge): document over the size limit of {LIMIT:,} bytes; skipped",
    ]
    assert {k: [f.match for f in v] for k, v in sink.found.items()} == {
        "ok": ["Kiev"],
        "3": ["Kharkov"],
        "empty": [],
        "last": ["Odessa"],
    }
