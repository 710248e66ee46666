"""Hostile ``.docx`` files: one error line, never a traceback, a hang or a read.

A Word file is a zip of XML handed to a zip reader and an XML parser, so the
attacks are those of both: corrupted or truncated archives, headers that lie
about sizes, bombs, and XML with a DTD (entity expansion, external entities)
in any encoding a parser detects or in a part renamed to hide it. Each gives
one ``InputError`` line (``check`` prints it and exits 2); a corrupted file
that still reads as a document gives text, and nothing else ever happens.
"""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from copydesk.cli.main import main
from copydesk.errors import InputError
from copydesk.markup.docx import extract_text

from .strategies import fuzz_settings

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
BODY = (
    f"<w:document {W}><w:body><w:p><w:r><w:t>A&x;B</w:t></w:r></w:p></w:body>"
    "</w:document>"
)


def draft() -> bytes:
    document = docx.Document()
    document.add_paragraph("Officials in Kiev said teh talks went well.")
    document.add_paragraph("“We are ready,” one said.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


DRAFT = draft()


def replaced(raw: bytes, part: str, data: bytes, rename: str = "") -> bytes:
    """``raw`` with ``part`` holding ``data`` (under ``rename``, if given, with
    the package's content types and relationships pointing at the new name)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = data if info.filename == part else source.read(info)
            name = rename if rename and info.filename == part else info.filename
            if rename and info.filename in ("[Content_Types].xml", "_rels/.rels"):
                content = content.replace(part.encode(), rename.encode())
            target.writestr(name, content)
    return out.getvalue()


def reason_for(raw: bytes) -> str:
    with pytest.raises(InputError) as caught:
        extract_text(raw, "draft.docx")
    assert "\n" not in caught.value.reason
    return caught.value.reason


LAUGHS = (
    '<!DOCTYPE d [<!ENTITY x0 "Kiev Kiev Kiev Kiev Kiev">'
    + "".join(f'<!ENTITY x{i + 1} "' + f"&x{i};" * 10 + '">' for i in range(9))
    + '<!ENTITY x "&x9;">]>'
)


@pytest.mark.parametrize(
    ("encoding", "rename"),
    [
        ("utf-8", ""),
        ("utf-16", ""),  # with a BOM
        ("utf-16-le", ""),  # none: a parser detects it from "<\0?\0"
        ("utf-16-be", ""),
        ("utf-32", ""),
        ("utf-8", "word/story.bin"),  # parsed by its content type, not its name
    ],
)
@pytest.mark.parametrize("dtd", ["laughs", "external", "parameter"])
def test_a_dtd_is_refused_in_any_encoding_and_any_part(
    tmp_path: Path, encoding: str, rename: str, dtd: str
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    declaration = {
        "laughs": LAUGHS,
        "external": f'<!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>',
        "parameter": f'<!DOCTYPE d [<!ENTITY % p SYSTEM "file://{secret}"> %p;]>',
    }[dtd]
    label = encoding.upper().removesuffix("-LE").removesuffix("-BE")
    xml = f'<?xml version="1.0" encoding="{label}"?>{declaration}{BODY}'
    raw = replaced(DRAFT, "word/document.xml", xml.encode(encoding), rename)
    started = time.perf_counter()
    assert reason_for(raw) == (
        f"refusing: part {rename or 'word/document.xml'} declares a DTD"
    )
    assert time.perf_counter() - started < 5


def test_a_header_that_lies_about_sizes_is_one_error() -> None:
    """A member that says it is small and expands to 64 MB: the zip reader
    stops at the size it was told, and the damage is one error line."""
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b" " * (64 * 1024 * 1024))
    forged = bytearray(bomb.getvalue())
    # Say 100 bytes where the local and central headers give the real size.
    size = (64 * 1024 * 1024).to_bytes(4, "little")
    forged = forged.replace(size, (100).to_bytes(4, "little"))
    started = time.perf_counter()
    with pytest.raises(InputError):
        extract_text(bytes(forged), "bomb.docx")
    assert time.perf_counter() - started < 5


@fuzz_settings(60)
@given(
    cuts=st.lists(
        st.tuples(st.integers(0, len(DRAFT) - 1), st.binary(min_size=0, max_size=8)),
        min_size=1,
        max_size=6,
    ),
    truncate=st.one_of(st.none(), st.integers(0, len(DRAFT))),
)
def test_a_corrupted_docx_reads_or_is_one_error_line(
    cuts: list[tuple[int, bytes]], truncate: int | None
) -> None:
    raw = bytearray(DRAFT)
    for at, junk in cuts:  # overwrite bytes anywhere: headers, XML, CRCs
        raw[at : at + len(junk)] = junk
    data = bytes(raw[:truncate] if truncate is not None else raw)
    started = time.perf_counter()
    outcome: str | InputError
    try:
        outcome = extract_text(data, "draft.docx")
    except InputError as exc:
        outcome = exc
    if isinstance(outcome, InputError):
        assert outcome.reason
        assert "\n" not in outcome.reason
    assert time.perf_counter() - started < 5


def test_check_says_one_line_and_exits_2_for_each_hostile_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    xml = f'<?xml version="1.0" encoding="UTF-16"?>{LAUGHS}{BODY}'
    files = {
        "laughs.docx": replaced(DRAFT, "word/document.xml", xml.encode("utf-16-le")),
        "locked.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 512
        + "EncryptedPackage".encode("utf-16-le"),
        "torn.docx": DRAFT[: len(DRAFT) // 3],
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "fine.docx").write_bytes(DRAFT)
    code = main(["check", "--no-cache", "--format", "concise", *files, "fine.docx"])
    captured = capsys.readouterr()
    errors = captured.err.splitlines()
    assert errors == [
        "copydesk: error: laughs.docx: refusing: part word/document.xml declares a DTD",
        "copydesk: error: locked.docx: password-protected (encrypted): save an"
        " unprotected copy",
        "copydesk: error: torn.docx: not a readable .docx (not a zip archive)",
    ]
    assert "fine.docx:1:14" in captured.out
    assert code == 2
