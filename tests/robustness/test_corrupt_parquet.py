"""A Parquet collection damaged inside: a row group whose pages cannot be
decoded is one error per row it held, named by id while the id column still
reads, and the rows of every other group are linted.

Before, pyarrow's error escaped the reader and ended the run as an internal
error after the rows already read, and a torn footer's message spanned two
lines.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from copydesk.cli.main import main

ROWS = 30
GROUP = 10


def collection(path: Path) -> None:
    rows = [
        {"id": f"d{i}", "text": f"Officials in Kiev said {i}. " * 40}
        for i in range(ROWS)
    ]
    pq.write_table(
        pa.Table.from_pylist(rows),
        path,
        row_group_size=GROUP,
        compression="snappy",
        use_dictionary=False,
    )


def corrupt_text_of_group(path: Path, group: int) -> None:
    """Zero the header of one row group's first page of text."""
    meta = pq.ParquetFile(path).metadata.row_group(group)
    [text] = [
        meta.column(i)
        for i in range(meta.num_columns)
        if meta.column(i).path_in_schema == "text"
    ]
    raw = bytearray(path.read_bytes())
    raw[text.data_page_offset : text.data_page_offset + 16] = b"\x00" * 16
    path.write_bytes(bytes(raw))


@pytest.fixture
def news(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``news.parquet`` of three row groups, in the working directory."""
    monkeypatch.chdir(tmp_path)
    collection(tmp_path / "news.parquet")
    return tmp_path / "news.parquet"


def check(capsys: pytest.CaptureFixture[str]) -> tuple[int, str, list[str]]:
    code = main(["check", "--no-cache", "--collection", "news.parquet"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err.splitlines()


def test_a_corrupt_row_group_is_named_row_by_row_and_the_rest_is_linted(
    news: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corrupt_text_of_group(news, 1)
    code, out, errors = check(capsys)
    linted = {json.loads(line)["id"] for line in out.splitlines()}
    assert linted == {f"d{i}" for i in [*range(0, 10), *range(20, 30)]}
    named = [
        f"copydesk: error: news.parquet: row {i + 1} (id d{i}): not read: row"
        " group 1 is corrupt (Couldn't deserialize thrift"
        for i in range(10, 20)
    ]
    for error, start in zip(errors[:-1], named, strict=True):
        assert error.startswith(start), error
    assert errors[-1] == "20 documents linted, 800 findings, 10 records skipped."
    assert code == 2


def test_a_torn_footer_is_one_line(
    news: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = bytearray(news.read_bytes())
    footer = int.from_bytes(raw[-8:-4], "little")
    raw[-8 - footer : -8 - footer + 16] = b"\x00" * 16  # the footer's first bytes
    news.write_bytes(bytes(raw))
    code, _, [line] = check(capsys)
    assert line.startswith("copydesk: error: news.parquet: not a Parquet file (")
    assert code == 2
