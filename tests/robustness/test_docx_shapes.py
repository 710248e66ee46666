"""Word files of hostile shapes, through every entry point that reads one.

Each is one error line naming the file (``check`` and ``fix`` exit 2, the
API gives the result an ``error``), the other files are linted, and nothing
is written: an empty file, a text file named ``.docx``, ten thousand parts,
a part that expands hundreds of times, members adding up past the limit,
XML nested past the parser's depth, one run of text past its size limit.
A Word file inside a Word file (an embedded object) is not opened.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from copydesk.api import Workspace
from copydesk.cli.main import main
from copydesk.errors import InputError
from copydesk.markup import docx as docx_reader

from .test_hostile_docx import DRAFT, W, replaced


def added(raw: bytes, members: dict[str, bytes]) -> bytes:
    """``raw`` with more members."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
        for name, data in members.items():
            target.writestr(name, data)
    return out.getvalue()


def body(inner: str) -> bytes:
    return f"<w:document {W}><w:body>{inner}</w:body></w:document>".encode()


NEST = "<w:sdt><w:sdtContent>"
DEEP = (
    NEST * 300
    + "<w:p><w:r><w:t>Kiev</w:t></w:r></w:p>"
    + "</w:sdtContent></w:sdt>" * 300
)
RUN = os.urandom(5_100_000).hex()  # 10.2 M characters that barely compress

BOMB = added(DRAFT, {"word/media/x.bin": b"\0" * 3_000_000})
with zipfile.ZipFile(io.BytesIO(BOMB)) as _archive:
    _member = _archive.getinfo("word/media/x.bin")
    RATIO = _member.file_size / _member.compress_size

HOSTILE: dict[str, tuple[bytes, str]] = {
    "empty.docx": (b"", "not a readable .docx (not a zip archive)"),
    "text.docx": (b"Officials in Kiev.\n", "not a readable .docx (not a zip archive)"),
    "parts.docx": (
        added(DRAFT, {f"x/{i}": b"" for i in range(10_001)}),
        "refusing: 10018 parts in one .docx",
    ),
    "ratio.docx": (
        BOMB,
        f"refusing: part word/media/x.bin expands {RATIO:.0f} times (a zip bomb?)",
    ),
    "deep.docx": (
        replaced(DRAFT, "word/document.xml", body(DEEP)),
        "not a readable .docx (its XML nests over 256 elements deep)",
    ),
    "run.docx": (
        replaced(
            DRAFT, "word/document.xml", body(f"<w:p><w:r><w:t>{RUN}</w:t></w:r></w:p>")
        ),
        "not a readable .docx (a run of text over 10,000,000 characters)",
    ),
}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name, (data, _) in HOSTILE.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "fine.docx").write_bytes(DRAFT)
    (tmp_path / "nested.docx").write_bytes(
        added(
            DRAFT,
            {
                "word/embeddings/inner.docx": replaced(
                    DRAFT, "word/document.xml", body(DEEP)
                )
            },
        )
    )
    return tmp_path


EXPECTED = sorted(
    f"copydesk: error: {name}: {why}" for name, (_, why) in HOSTILE.items()
)


@pytest.mark.parametrize(
    "command", [["check", "--jobs", "1"], ["check", "--jobs", "2"], ["fix"]]
)
def test_each_is_one_line_and_the_others_are_linted(
    folder: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    code = main([*command, "--no-cache", "--format", "concise", *sorted(before)])
    captured = capsys.readouterr()
    assert (
        sorted(line for line in captured.err.splitlines() if ": error: " in line)
        == EXPECTED
    )
    assert code == 2
    if command[0] == "check":
        linted = {line.split(":")[0] for line in captured.out.splitlines() if line}
        assert linted == {"fine.docx", "nested.docx"}
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_the_api_names_each_and_lints_the_others(folder: Path) -> None:
    names = [*HOSTILE, "fine.docx", "nested.docx"]
    run = Workspace(folder).lint_paths(names)
    errors = {Path(r.path).name: r.error for r in run.results}
    assert errors == {
        **{n: why for n, (_, why) in HOSTILE.items()},
        "fine.docx": None,
        "nested.docx": None,
    }
    assert {(Path(f.path).name, f.rule) for f in run.findings} == {
        (name, rule)
        for name in ("fine.docx", "nested.docx")
        for rule in ("names.Places", "typos.Misspellings")
    }


def test_members_past_the_total_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_reader, "MAX_EXPANDED", len(DRAFT) * 4)
    with pytest.raises(InputError) as caught:
        docx_reader.extract_text(
            added(DRAFT, {"pad.bin": os.urandom(len(DRAFT) * 4)}), "pad.docx"
        )
    assert caught.value.reason.startswith("refusing: expands to ")


def test_a_zip_of_a_version_python_cannot_read_is_one_error() -> None:
    """Found by the corrupted-file target at 400 examples: an entry of the
    central directory claiming zip version 6.4 made ``zipfile`` raise
    NotImplementedError, which ended the run."""
    forged = bytearray(DRAFT)
    entry = forged.rindex(b"PK\x01\x02")  # the last central-directory entry
    forged[entry + 6 : entry + 8] = (64).to_bytes(2, "little")  # version needed
    with pytest.raises(InputError) as caught:
        docx_reader.extract_text(bytes(forged), "draft.docx")
    assert caught.value.reason == "not a readable .docx (zip file version 6.4)"
