"""Word drafts: .docx files made here with python-docx, linted paragraph by line."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from copydesk.cli import main
from copydesk.errors import InputError
from copydesk.markup import docx as word
from copydesk.markup import read
from copydesk.textio import read_source

W = nsdecls("w")


def save(document: docx.document.Document, path: Path) -> Path:
    document.save(str(path))
    return path


def newsroom_draft() -> docx.document.Document:
    """Two findings in the body, one in a table cell, and others in places a
    reader does not see as text (comment, tracked deletion)."""
    document = docx.Document()
    document.add_heading("Port talks", level=1)
    document.add_paragraph("The delegation from Kiev arrived late.")
    document.add_paragraph("")
    lead = document.add_paragraph("Critics called it a breastless act.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Venue"
    table.cell(0, 1).text = "Odessa port"
    tracked = document.add_paragraph("Talks resumed ")
    tracked._p.append(
        parse_xml(
            f"<w:del {W} w:id='1' w:author='Ed'><w:r><w:delText>in Lvov"
            "</w:delText></w:r></w:del>"
        )
    )
    tracked._p.append(
        parse_xml(
            f"<w:ins {W} w:id='2' w:author='Ed'><w:r><w:t>in Kyiv.</w:t></w:r></w:ins>"
        )
    )
    document.add_comment(lead.runs, text="Kharkov desk says: check Nikolaev.")
    document.sections[0].header.paragraphs[0].text = "Wire copy, Kiev bureau"
    return document


def test_paragraphs_tables_and_headers_become_lines(tmp_path: Path) -> None:
    path = save(newsroom_draft(), tmp_path / "draft.docx")
    source = read_source(path)
    assert source.encoding == "docx"
    assert source.text.split("\n") == [
        "Port talks",
        "The delegation from Kiev arrived late.",
        "",
        "Critics called it a breastless act.",
        "Venue",
        "Odessa port",
        "Talks resumed in Kyiv.",  # the insertion is text, the deletion is not
        "Wire copy, Kiev bureau",  # the header, after the body
        "",
    ]
    assert "Kharkov" not in source.text  # comments are not prose


def test_kiev_and_breastless_in_a_word_draft_give_both_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    save(newsroom_draft(), tmp_path / "draft.docx")
    code = main(["check", "--no-cache", "--format", "json", "draft.docx"])
    found = [
        (f["rule"], f["line"], f["column"], f["match"])
        for f in json.loads(capsys.readouterr().out)
    ]
    assert found == [
        ("names.Places", 2, 21, "Kiev"),
        ("typos.MachineTranslation", 4, 21, "breastless"),
        ("names.Places", 6, 1, "Odessa"),
        ("names.Places", 8, 12, "Kiev"),
    ]
    assert code == 1


def test_text_output_names_paragraph_and_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    document = docx.Document()
    for n in range(11):
        document.add_paragraph(f"Paragraph {n + 1} is fine.")
    document.add_paragraph("In paragraph twelve the delegation left Kiev at noon.")
    save(document, tmp_path / "draft.docx")
    main(["check", "--no-cache", "--format", "concise", "draft.docx"])
    assert capsys.readouterr().out.startswith("draft.docx:12:41: warning names.Places")


def test_fix_on_a_docx_reports_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    path = save(newsroom_draft(), tmp_path / "draft.docx")
    before = path.read_bytes()
    code = main(["fix", "--no-cache", "--format", "concise", "draft.docx"])
    captured = capsys.readouterr()
    assert path.read_bytes() == before
    assert "copydesk: warning: draft.docx: not written" in captured.err
    assert "never writes .docx" in captured.err
    assert "draft.docx:2:21: warning names.Places [*]" in captured.out
    assert "Fixed 0 findings in 0 files" in captured.err
    assert code == 1
    main(["fix", "--no-cache", "--diff", "draft.docx"])
    diff = capsys.readouterr().out
    assert "-The delegation from Kiev arrived late." in diff
    assert "+The delegation from Kyiv arrived late." in diff
    assert path.read_bytes() == before


def test_a_folder_walk_reads_docx_and_skips_words_lock_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "desk").mkdir()
    save(newsroom_draft(), tmp_path / "desk" / "draft.docx")
    (tmp_path / "desk" / "~$draft.docx").write_bytes(b"\x05Ed   lock")
    assert main(["check", "--format", "concise", "--cache-dir", "c", "desk"]) == 1
    first = capsys.readouterr()
    assert "desk/draft.docx:2:21" in first.out
    assert "~$" not in first.out + first.err
    main(["check", "--format", "concise", "--cache-dir", "c", "desk"])
    assert capsys.readouterr().out == first.out  # answered from the cache


def rewritten(
    path: Path,
    out: Path,
    edit: Callable[[str, bytes], bytes | None],
    extra: dict[str, str] | None = None,
) -> Path:
    """``path``'s parts through ``edit`` (None drops one), plus ``extra`` parts."""
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = edit(item.filename, src.read(item))
            if data is not None:
                dst.writestr(item, data)
        for name, text in (extra or {}).items():
            dst.writestr(name, text)
    return out


#: What declares a footnotes part: its content type and its relationship.
FOOTNOTES_DECLARED = {
    "[Content_Types].xml": (
        b"</Types>",
        b'<Override PartName="/word/footnotes.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>',
    ),
    "word/_rels/document.xml.rels": (
        b"</Relationships>",
        b'<Relationship Id="rIdNotes" Target="footnotes.xml" Type="http://schemas.'
        b'openxmlformats.org/officeDocument/2006/relationships/footnotes"/>',
    ),
}


def declare_footnotes(name: str, data: bytes) -> bytes:
    if name not in FOOTNOTES_DECLARED:
        return data
    closing, entry = FOOTNOTES_DECLARED[name]
    return data.replace(closing, entry + closing)


def footnoted(tmp_path: Path) -> Path:
    """A draft with a real footnotes part (python-docx cannot add one)."""
    path = save(newsroom_draft(), tmp_path / "plain.docx")
    notes = (
        f"<w:footnotes {W}>"
        "<w:footnote w:type='separator' w:id='-1'><w:p><w:r><w:separator/></w:r>"
        "</w:p></w:footnote>"
        "<w:footnote w:id='1'><w:p><w:r><w:t>Source: the mayor of Lvov.</w:t>"
        "</w:r></w:p></w:footnote></w:footnotes>"
    )
    out = tmp_path / "notes.docx"
    return rewritten(path, out, declare_footnotes, {"word/footnotes.xml": notes})


def test_footnotes_follow_the_body_and_separators_are_skipped(tmp_path: Path) -> None:
    lines = read_source(footnoted(tmp_path)).text.split("\n")
    assert lines[-3:] == ["Wire copy, Kiev bureau", "Source: the mayor of Lvov.", ""]


def test_the_reader_makes_each_paragraph_a_block() -> None:
    text = "First paragraph.\n\n  Second one.\ncopydesk: ignore-file\n"
    parsed = read("docx", text)
    assert [text[b.start : b.end] for b in parsed.blocks] == [
        "First paragraph.",
        "Second one.",
    ]
    assert [d.action for d in parsed.directives] == ["ignore-file"]
    assert len(parsed.prose) == len(text)


# --- hostile files ----------------------------------------------------------


def reason_for(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        read_source(path)
    assert "\n" not in caught.value.reason
    return caught.value.reason


def with_part(tmp_path: Path, name: str, change: bytes | None) -> Path:
    """The newsroom draft with one part replaced (or dropped, for None)."""
    path = save(newsroom_draft(), tmp_path / "base.docx")

    def edit(part: str, data: bytes) -> bytes | None:
        return change if part == name else data

    return rewritten(path, tmp_path / "changed.docx", edit)


def test_a_dtd_with_an_external_entity_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET Kiev", encoding="utf-8")
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
        f"<w:document {W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p>"
        "</w:body></w:document>"
    ).encode()
    path = with_part(tmp_path, "word/document.xml", xml)
    assert reason_for(path) == "refusing: part word/document.xml declares a DTD"
    # Behind that check, python-docx's parser resolves no entity either.
    element = parse_xml(xml)
    assert "SECRET" not in "".join(element.itertext())


def test_a_zip_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (64 * 1024 * 1024))
    assert path.stat().st_size < 1024 * 1024
    assert re.fullmatch(
        r"refusing: part word/document.xml expands \d+ times \(a zip bomb\?\)",
        reason_for(path),
    )


def test_an_archive_too_large_when_expanded_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = save(newsroom_draft(), tmp_path / "draft.docx")
    monkeypatch.setattr(word, "MAX_EXPANDED", 1000)
    assert reason_for(path).startswith("refusing: expands to ")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"just some text, not a zip", "not a readable .docx (not a zip archive)"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
            + b"\0" * 64
            + "EncryptedPackage".encode("utf-16-le"),
            "password-protected (encrypted): save an unprotected copy",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512,
            "a Word 97-2003 document, not .docx: save it as .docx",
        ),
    ],
)
def test_what_is_not_a_docx_is_named(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "draft.docx"
    path.write_bytes(data)
    assert reason_for(path) == reason


def test_a_truncated_or_partless_docx_is_one_error_line(tmp_path: Path) -> None:
    whole = save(newsroom_draft(), tmp_path / "whole.docx").read_bytes()
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(whole[: len(whole) // 2])
    assert reason_for(truncated).startswith("not a readable .docx")
    partless = with_part(tmp_path, "word/document.xml", None)
    assert reason_for(partless).startswith("not a readable .docx (")


def test_a_corrupt_docx_is_exit_2_and_the_rest_is_linted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.docx").write_bytes(b"PK\x03\x04 broken")
    (tmp_path / "good.txt").write_text("Kiev.\n", encoding="utf-8")
    code = main(["check", "--no-cache", "--format", "concise", "bad.docx", "good.txt"])
    captured = capsys.readouterr()
    assert captured.err == (
        "copydesk: error: bad.docx: not a readable .docx (not a zip archive)\n"
    )
    assert "good.txt:1:1" in captured.out
    assert code == 2


def test_docx_bytes_are_never_decoded_as_text(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Zürich — “quoted” 🙂")
    path = save(document, tmp_path / "draft.docx")
    assert read_source(path).text == "Zürich — “quoted” 🙂\n"
    assert io.BytesIO(path.read_bytes()).read(2) == b"PK"
