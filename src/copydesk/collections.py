"""Collections as input: documents streamed from one JSON Lines or Parquet file.

An archive, a month of machine translation or a scraped crawl arrives as
millions of records in one file, not as a folder of drafts. This module reads
such a file as a stream of :class:`Record` (or :class:`RecordError` for a
record that cannot be linted, and the run goes on), in :class:`Part` slices
that separate tasks can read on their own: byte ranges of a JSON Lines file
cut at line starts, groups of Parquet row groups. Memory stays bounded by the
largest document (JSON Lines) or the largest row group (Parquet, whose unit
of reading it is), never by the collection; a document over the size limit
is reported and skipped without being decoded.

Parquet needs ``pyarrow`` (``pip install 'copydesk[scale]'``), imported only
when a Parquet file is read.
"""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any, Final, NamedTuple

from copydesk.errors import InputError

#: Formats a record may be read in (``--input-format``, ``--format-field``).
RECORD_FORMATS = ("plain", "markdown", "html", "rst")
#: A document larger than this (UTF-8 bytes of its JSON line or text) is
#: reported and skipped: one runaway record must not exhaust a worker.
DEFAULT_MAX_BYTES = 16 * 1024 * 1024
#: Bytes of a JSON Lines file per part when a run splits it for workers.
DEFAULT_PART_BYTES = 64 * 1024 * 1024
#: Rows per batch read from a Parquet row group, at most.
_PARQUET_BATCH = 64
_SKIP_CHUNK = 1024 * 1024


class CollectionSpec(NamedTuple):
    """Where a collection is and how its records map to documents."""

    path: str
    text_field: str = "text"
    #: The field that names a document; without it, the line (JSON Lines) or
    #: row (Parquet) number, from 1.
    id_field: str = "id"
    #: A field holding each document's format; else ``input_format``.
    format_field: str | None = None
    input_format: str = "plain"
    #: The field naming each document's source (site, feed, publisher), whose
    #: documents are compared for boilerplate; None: one source.
    source_field: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES

    @property
    def container(self) -> str:
        """``parquet`` for ``.parquet``/``.pq`` files, else ``jsonl``."""
        suffix = Path(self.path).suffix.lower()
        return "parquet" if suffix in (".parquet", ".pq") else "jsonl"


class Record(NamedTuple):
    """One document of a collection."""

    id: str
    text: str
    format: str
    source: str
    #: Where it is, for messages: ``line 12`` or ``row 7``.
    where: str


class RecordError(NamedTuple):
    """A record that could not be linted, and why; the run goes on."""

    where: str
    reason: str
    id: str = ""

    def __str__(self) -> str:
        named = f" (id {self.id})" if self.id else ""
        return f"{self.where}{named}: {self.reason}"


class Part:
    """A slice of a collection that one task reads.

    JSON Lines: the lines that start in bytes ``[start, stop)``; their
    numbers begin at ``first_line`` (known once earlier parts were counted).
    Parquet: row groups ``[start, stop)``, whose first row is ``first_line``.
    """

    __slots__ = ("first_line", "index", "start", "stop")

    index: Final[int]
    start: Final[int]
    stop: Final[int]
    first_line: Final[int]

    def __init__(
        self,
        index: int,
        start: int,
        stop: int,
        first_line: int = 1,
    ) -> None:
        self.index = index
        self.start = start
        self.stop = stop
        self.first_line = first_line


def parts(spec: CollectionSpec, part_bytes: int = DEFAULT_PART_BYTES) -> list[Part]:
    """The collection cut into parts of about ``part_bytes`` (one part per
    Parquet row group or run of row groups). A missing file is an InputError."""
    size = _size(spec)
    if spec.container == "parquet":
        return _parquet_parts(spec, part_bytes)
    step = max(1, part_bytes)
    bounds = list(range(0, size, step)) or [0]
    return [Part(i, start, min(start + step, size)) for i, start in enumerate(bounds)]


def _size(spec: CollectionSpec) -> int:
    """The collection file's size; an InputError if it is missing or is not
    a regular file: a run reads it more than once (debris is counted before
    the lint), and a FIFO blocked it, a directory was an internal error and
    ``/dev/zero`` read forever."""
    try:
        found = Path(spec.path).stat()
    except OSError as exc:
        raise InputError(spec.path, exc.strerror or "cannot be read") from None
    if not stat.S_ISREG(found.st_mode):
        reason = "not a regular file (a collection is read more than once)"
        raise InputError(spec.path, reason)
    return found.st_size


def numbered(found: Sequence[Part], lines: Sequence[int]) -> list[Part]:
    """``found`` with each part's first line number, from the number of
    lines each part holds (counted by :func:`count_lines`)."""
    out: list[Part] = []
    first = 1
    for part, count in zip(found, lines, strict=True):
        out.append(Part(part.index, part.start, part.stop, first))
        first += count
    return out


def read(
    spec: CollectionSpec, part: Part | None = None
) -> Iterator[Record | RecordError]:
    """The records of ``part`` (default: the whole collection), in order."""
    if spec.container == "parquet":
        yield from _read_parquet(spec, part)
        return
    whole = part or Part(0, 0, _size(spec))
    with Path(spec.path).open("rb") as handle:
        number = whole.first_line
        for line in _lines(handle, whole.start, whole.stop, spec.max_bytes):
            if line is None:
                yield RecordError(f"line {number}", _too_large(spec))
            elif line.strip():
                yield _record(spec, line, number)
            number += 1


def count_lines(spec: CollectionSpec, part: Part) -> int:
    """How many lines (JSON Lines) or rows (Parquet) ``part`` holds."""
    if spec.container == "parquet":
        return _parquet_rows(spec, part)
    with Path(spec.path).open("rb") as handle:
        return sum(1 for _ in _lines(handle, part.start, part.stop, spec.max_bytes))


def _too_large(spec: CollectionSpec) -> str:
    return f"document over the size limit of {spec.max_bytes:,} bytes; skipped"


def _lines(
    handle: IO[bytes], start: int, stop: int, limit: int
) -> Iterator[bytes | None]:
    """The lines that start in ``[start, stop)``: each line's bytes, or None
    for a line over ``limit`` bytes (read past in chunks, never held)."""
    if start > 0:
        handle.seek(start - 1)
        if handle.read(1) != b"\n":
            _skip_rest(handle)  # the line began in the previous part
    else:
        handle.seek(0)
    while handle.tell() < stop:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            _skip_rest(handle)
            yield None
        else:
            yield line


def _skip_rest(handle: IO[bytes]) -> None:
    """Read past the rest of the current line, a chunk at a time."""
    while True:
        chunk = handle.readline(_SKIP_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def _integer(digits: str) -> int | str:
    """A JSON integer, or its digits when Python refuses to convert that many
    (over ``sys.get_int_max_str_digits()``): a record is read for its text,
    and an id of thousands of digits is still the id it spells."""
    try:
        return int(digits)
    except ValueError:
        return digits


def _record(spec: CollectionSpec, line: bytes, number: int) -> Record | RecordError:
    where = f"line {number}"
    try:
        data = json.loads(line.rstrip(b"\r\n"), parse_int=_integer)
    except UnicodeDecodeError:
        return RecordError(where, "not UTF-8")
    except json.JSONDecodeError as exc:
        problem = exc.msg.removesuffix(" at")
        return RecordError(where, f"not valid JSON: {problem} at column {exc.colno}")
    except RecursionError:  # arrays or objects nested thousands deep
        return RecordError(where, "not read: JSON nested too deeply")
    if not isinstance(data, dict):
        return RecordError(where, f"a JSON {_json_kind(data)}, not an object")
    return to_record(spec, data, where, str(number))


def to_record(
    spec: CollectionSpec, data: dict[str, Any], where: str, number: str
) -> Record | RecordError:
    """A record's fields as a Record, or why they cannot be one."""
    raw_id = data.get(spec.id_field)
    doc_id = number if raw_id is None else str(raw_id)
    text = data.get(spec.text_field)
    if text is None:
        return RecordError(where, f"no {spec.text_field!r} field", doc_id)
    if not isinstance(text, str):
        kind = _json_kind(text)
        return RecordError(where, f"{spec.text_field!r} is a {kind}, not text", doc_id)
    fmt = spec.input_format
    if spec.format_field is not None and data.get(spec.format_field) is not None:
        fmt = str(data[spec.format_field])
        if fmt not in RECORD_FORMATS:
            reason = (
                f"{spec.format_field!r} is {fmt!r}, not one of "
                f"{', '.join(RECORD_FORMATS)}"
            )
            return RecordError(where, reason, doc_id)
    source = ""
    if spec.source_field is not None and data.get(spec.source_field) is not None:
        source = str(data[spec.source_field])
    return Record(doc_id, text, fmt, source, where)


def _json_kind(value: object) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean"}
    if value is None:
        return "null"
    return names.get(type(value), "number")


# --- Parquet ----------------------------------------------------------------


def _pyarrow_parquet() -> Any:
    """``pyarrow.parquet``, or an InputError saying which extra to install."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError(
            "", "reading Parquet needs pyarrow: pip install 'copydesk[scale]'"
        ) from None
    return pq


def _open_parquet(spec: CollectionSpec) -> Any:
    pq = _pyarrow_parquet()
    try:
        return pq.ParquetFile(spec.path)
    except (OSError, ValueError) as exc:
        raise InputError(spec.path, f"not a Parquet file ({_one_line(exc)})") from None


def _parquet_parts(spec: CollectionSpec, part_bytes: int) -> list[Part]:
    """Runs of whole row groups of about ``part_bytes``; rows numbered from 1."""
    meta = _open_parquet(spec).metadata
    found: list[Part] = []
    group = 0
    row = 1
    while group < meta.num_row_groups:
        start, size, rows = group, 0, 0
        while group < meta.num_row_groups and (group == start or size < part_bytes):
            size += meta.row_group(group).total_byte_size
            rows += meta.row_group(group).num_rows
            group += 1
        found.append(Part(len(found), start, group, row))
        row += rows
    return found or [Part(0, 0, 0, 1)]


def _parquet_rows(spec: CollectionSpec, part: Part) -> int:
    meta = _open_parquet(spec).metadata
    return sum(meta.row_group(g).num_rows for g in range(part.start, part.stop))


def _read_parquet(
    spec: CollectionSpec, part: Part | None
) -> Iterator[Record | RecordError]:
    """The rows of ``part``'s row groups. A row group that cannot be read
    (a corrupt page, a torn file) makes one error for each row not yet read,
    named by id when the id column can still be read, and the run goes on
    with the next group."""
    import pyarrow as pa

    handle = _open_parquet(spec)
    names = set(handle.schema_arrow.names)
    if spec.text_field not in names:
        raise InputError(spec.path, f"no {spec.text_field!r} column")
    wanted = [spec.text_field, spec.id_field, spec.format_field, spec.source_field]
    columns = sorted({c for c in wanted if c is not None and c in names})
    groups = range(part.start, part.stop) if part else range(handle.num_row_groups)
    row = part.first_line if part else 1
    for group in groups:
        end = row + handle.metadata.row_group(group).num_rows
        try:
            for record in _parquet_group(spec, handle, group, columns, row):
                yield record
                row += 1
        except (OSError, ValueError, pa.ArrowException) as exc:
            reason = f"not read: row group {group} is corrupt ({_one_line(exc)})"
            ids = _parquet_ids(spec, handle, group, names)
            for number in range(row, end):
                doc_id = ids[number - end] if ids else ""
                yield RecordError(f"row {number}", reason, doc_id)
        row = end


def _parquet_group(
    spec: CollectionSpec, handle: Any, group: int, columns: list[str], row: int
) -> Iterator[Record | RecordError]:
    """The rows of one row group, from row number ``row``."""
    import pyarrow.compute as pc

    size = _batch_rows(spec, handle.metadata.row_group(group))
    for batch in handle.iter_batches(
        batch_size=size, row_groups=[group], columns=columns
    ):
        texts = batch.column(spec.text_field)
        if str(texts.type) not in ("string", "large_string"):
            kind = str(texts.type)
            raise InputError(spec.path, f"column {spec.text_field!r} is {kind}")
        sizes = pc.binary_length(texts).to_pylist()
        others = [c for c in columns if c != spec.text_field]
        fields = {c: batch.column(c).to_pylist() for c in others}
        for i, size in enumerate(sizes):
            where = f"row {row}"
            data = {c: fields[c][i] for c in others}
            if size is not None and size > spec.max_bytes:
                raw_id = data.get(spec.id_field)
                doc_id = str(row) if raw_id is None else str(raw_id)
                yield RecordError(where, _too_large(spec), doc_id)
            else:
                data[spec.text_field] = texts[i].as_py()
                yield to_record(spec, data, where, str(row))
            row += 1


def _batch_rows(spec: CollectionSpec, group: Any) -> int:
    """Rows per batch of a row group: as many as hold about the size limit
    of text on average (the text column chunk's uncompressed size, from the
    metadata, over its rows), 1 to ``_PARQUET_BATCH``.

    A batch is decoded whole before its rows' sizes can be checked (pyarrow
    reads no value's length without its bytes): 64 rows of a group of big
    documents were decoded at once, over-limit ones among them. Sized so,
    a batch holds about the limit besides its largest row, which is decoded
    but never converted or linted. pyarrow still decompresses the text
    column chunk of a row group whole (its floor here: a writer's row-group
    size bounds it): 40 distinct documents of 1.5 MB in one group peaked at
    218 MB of pyarrow's memory, now 125 MB; a 17 MB row among a hundred
    small ones 67 -> 51 MB.
    """
    for index in range(group.num_columns):
        column = group.column(index)
        if column.path_in_schema == spec.text_field:
            size: int = column.total_uncompressed_size
            average = size // max(int(group.num_rows), 1)
            return max(1, min(_PARQUET_BATCH, spec.max_bytes // max(average, 1)))
    return _PARQUET_BATCH


def _parquet_ids(
    spec: CollectionSpec, handle: Any, group: int, names: set[str]
) -> list[str]:
    """The ids of a row group whose text could not be read, if its id
    column still reads (else none: rows are named by number only)."""
    import pyarrow as pa

    if spec.id_field not in names:
        return []
    try:
        table = handle.read_row_group(group, columns=[spec.id_field])
    except (OSError, ValueError, pa.ArrowException):
        return []
    return ["" if v is None else str(v) for v in table.column(0).to_pylist()]


def _one_line(exc: BaseException) -> str:
    """An exception's message on one line (pyarrow's may span several)."""
    return " ".join(str(exc).split()) or type(exc).__name__
