"""--encoding: legacy single-byte drafts read strictly and written back as they were."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from copydesk.cli import main
from copydesk.errors import InputError
from copydesk.textio import decode, encode, legacy_codec, read_source

#: "Café talks in “Kiev”" as a Windows editor saves it.
CP1252 = b"Caf\xe9 talks in \x93Kiev\x94 ended.\r\n"


def test_a_cp1252_draft_reads_as_its_author_wrote_it(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_bytes(CP1252)
    source = read_source(draft, "cp1252")
    assert source.text == "Café talks in “Kiev” ended.\r\n"
    assert source.encoding == "cp1252"
    assert encode(source.text, source.encoding) == CP1252


def test_a_byte_the_encoding_does_not_define_is_one_error_line() -> None:
    with pytest.raises(InputError) as caught:
        decode(b"abc\x81def", "draft.txt", "cp1252")
    assert str(caught.value) == ("draft.txt: not valid cp1252 (byte 0x81 at offset 3)")


def test_a_bom_wins_over_the_named_encoding() -> None:
    assert decode(codecs.BOM_UTF8 + "Kyiv é".encode(), "x", "cp1252") == (
        "Kyiv é",
        "utf-8-sig",
    )
    utf16 = codecs.BOM_UTF16_LE + "é".encode("utf-16-le")
    assert decode(utf16, "x", "latin-1") == ("é", "utf-16-le")


def test_binary_files_stay_binary_whatever_the_encoding() -> None:
    with pytest.raises(InputError, match="binary file"):
        decode(b"PK\x00\x00\x00", "x", "latin-1")


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("klingon", "unknown encoding 'klingon'"),
        ("base64", "unknown encoding 'base64'"),
        ("utf-16", "read from their BOM"),
    ],
)
def test_names_that_are_not_legacy_text_encodings(name: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        legacy_codec(name)


def test_names_are_pythons() -> None:
    assert legacy_codec("latin-1") == "iso8859-1"
    assert legacy_codec("windows-1252") == "cp1252"
    assert legacy_codec("UTF8") is None


@pytest.fixture
def legacy_draft(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    draft = tmp_path / "draft.txt"
    draft.write_bytes(CP1252)
    return draft


def test_check_reads_the_draft_in_the_named_encoding(
    legacy_draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "check",
            "--no-cache",
            "--format",
            "concise",
            "--encoding",
            "cp1252",
            "draft.txt",
        ]
    )
    out = capsys.readouterr().out
    assert "draft.txt:1:16: warning names.Places" in out
    assert code == 1


def test_without_the_encoding_the_draft_is_one_error(
    legacy_draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--no-cache", "draft.txt"]) == 2
    assert capsys.readouterr().err == (
        "copydesk: error: draft.txt: not valid UTF-8 (byte 0xe9 at offset 3)\n"
    )


def test_fix_writes_the_draft_back_in_its_encoding(
    legacy_draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(
        [
            "fix",
            "--no-cache",
            "--unsafe-fixes",
            "--encoding",
            "windows-1252",
            "draft.txt",
        ]
    )
    assert legacy_draft.read_bytes() == CP1252.replace(b"Kiev", b"Kyiv")


def test_an_unknown_encoding_is_one_usage_error(
    legacy_draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--encoding", "klingon", "draft.txt"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("copydesk: error: argument --encoding: unknown encoding")
    assert err.count("\n") == 1
