"""Reading files: exact text, known encodings, one-line reasons for bad inputs."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
from pathlib import Path

import pytest

from copydesk import textio
from copydesk.errors import InputError
from copydesk.textio import decode, encode, read_source


def _write(tmp_path: Path, data: bytes, name: str = "draft.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _reason(path: Path | str) -> str:
    with pytest.raises(InputError) as info:
        read_source(path)
    assert "\n" not in info.value.reason
    return info.value.reason


@pytest.mark.parametrize(
    "text",
    [
        "Plain draft.\n",
        "Windows draft.\r\nSecond line.\r\n",
        "Old Mac draft.\rSecond line.\r",
        "Mixed\r\nline\nbreaks\rhere",
        "No trailing newline",
        "",
        "Ünïcode — “quotes” and emoji 🙂\n",
    ],
)
def test_read_keeps_text_exactly(tmp_path: Path, text: str) -> None:
    path = _write(tmp_path, text.encode("utf-8"))
    src = read_source(path)
    assert src.text == text
    assert src.encoding == "utf-8"
    assert src.raw == text.encode("utf-8")
    assert src.size == len(src.raw)
    assert src.path == str(path)
    assert src.mtime_ns == path.stat().st_mtime_ns
    assert encode(src.text, src.encoding) == src.raw


@pytest.mark.parametrize(
    ("bom", "codec", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
    ],
)
def test_read_bom_encodings(
    tmp_path: Path, bom: bytes, codec: str, encoding: str
) -> None:
    text = "Zelenskyy met Zelensky.\r\nÜber 🙂\n"
    raw = bom + text.encode(codec)
    src = read_source(_write(tmp_path, raw))
    assert src.text == text
    assert "\ufeff" not in src.text
    assert src.encoding == encoding
    assert encode(src.text, src.encoding) == raw


def test_encode_utf16_alias_is_little_endian_with_bom() -> None:
    assert encode("a", "utf-16") == codecs.BOM_UTF16_LE + b"a\x00"


def test_encode_rejects_unknown_encoding() -> None:
    with pytest.raises(ValueError, match="unsupported encoding"):
        encode("a", "klingon")


def test_missing_file(tmp_path: Path) -> None:
    assert _reason(tmp_path / "nope.md") == "no such file"


def test_missing_parent(tmp_path: Path) -> None:
    assert _reason(tmp_path / "no" / "such" / "dir.md") == "no such file"


def test_directory(tmp_path: Path) -> None:
    assert _reason(tmp_path) == "is a directory"


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert _reason(fifo) == "not a regular file"


def test_not_a_directory(tmp_path: Path) -> None:
    file = _write(tmp_path, b"x")
    assert _reason(file / "child.md") == "not a directory"


def test_symlink_loop(tmp_path: Path) -> None:
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop)
    assert _reason(loop) == "too many levels of symbolic links"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads anything")
def test_unreadable(tmp_path: Path) -> None:
    path = _write(tmp_path, b"secret\n")
    path.chmod(0)
    try:
        assert _reason(path) == "permission denied"
    finally:
        path.chmod(0o600)


def test_unreadable_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, b"secret\n")

    def deny(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    # The reader opens with the builtin; a module global shadows it there only.
    monkeypatch.setattr(textio, "open", deny, raising=False)
    assert _reason(path) == "permission denied"


def test_other_os_error_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path, b"x\n")

    def broken(*args: object, **kwargs: object) -> object:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(textio, "open", broken, raising=False)
    assert _reason(path) == "input/output error"


def test_binary(tmp_path: Path) -> None:
    assert _reason(_write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00")) == (
        "binary file, skipped"
    )


def test_nul_after_sniff_window_is_invalid_not_binary(tmp_path: Path) -> None:
    # Only the first 8 KiB are sniffed; a later NUL is valid UTF-8 and kept.
    raw = b"a" * 9000 + b"\x00"
    assert read_source(_write(tmp_path, raw)).text == raw.decode()


def test_invalid_utf8_names_byte_and_offset(tmp_path: Path) -> None:
    raw = "café ".encode() + b"\xe9t\xe9\n"
    assert _reason(_write(tmp_path, raw)) == "not valid UTF-8 (byte 0xe9 at offset 6)"


def test_invalid_utf8_offset_counts_the_bom(tmp_path: Path) -> None:
    raw = codecs.BOM_UTF8 + b"ab\xff"
    assert _reason(_write(tmp_path, raw)) == "not valid UTF-8 (byte 0xff at offset 5)"


def test_invalid_utf16(tmp_path: Path) -> None:
    raw = codecs.BOM_UTF16_LE + b"a\x00\x00\xd8"  # lone high surrogate
    assert _reason(_write(tmp_path, raw)).startswith("not valid UTF-16")


def test_utf32_refused(tmp_path: Path) -> None:
    raw = codecs.BOM_UTF32_LE + "a".encode("utf-32-le")
    assert _reason(_write(tmp_path, raw)) == "UTF-32 is not supported"


def test_decode_is_shared_with_stdin() -> None:
    assert decode(b"a\r\nb") == ("a\r\nb", "utf-8")
    with pytest.raises(InputError) as info:
        decode(b"\x00\x01")
    assert info.value.path == "-"


LEGACY_PAGE = (
    '<html><head><meta http-equiv="Content-Type" '
    'content="text/html; charset=windows-1252"></head>\n'
    "<body><p>The café’s menu – daily.</p></body></html>\n"
)


def test_an_html_page_is_read_in_the_legacy_encoding_it_declares(
    tmp_path: Path,
) -> None:
    page = tmp_path / "menu.html"
    page.write_bytes(LEGACY_PAGE.encode("cp1252"))
    read = read_source(str(page))
    assert (read.text, read.encoding) == (LEGACY_PAGE, "cp1252")
    short = tmp_path / "short.htm"
    short.write_bytes('<meta charset="ISO-8859-1"><p>Café</p>'.encode("latin-1"))
    assert read_source(str(short)).encoding == "iso8859-1"


def test_a_declaration_reads_only_html_that_is_not_utf8(tmp_path: Path) -> None:
    # Valid UTF-8 is read as UTF-8 whatever the page declares.
    utf8 = tmp_path / "utf8.html"
    utf8.write_text('<meta charset="windows-1252"><p>Café</p>', encoding="utf-8")
    assert read_source(str(utf8)).encoding == "utf-8"
    # Another format's bytes are not guessed from an HTML-looking line.
    notes = tmp_path / "notes.md"
    notes.write_bytes(LEGACY_PAGE.encode("cp1252"))
    with pytest.raises(InputError, match="not valid UTF-8"):
        read_source(str(notes))
    # No declaration, or one copydesk cannot read: the UTF-8 error stands.
    for name, head in (
        ("bare.html", "<p>"),
        ("odd.html", '<meta charset="x-mac-klingon">'),
    ):
        page = tmp_path / name
        page.write_bytes((head + "Café</p>").encode("cp1252"))
        with pytest.raises(InputError, match="not valid UTF-8"):
            read_source(str(page))


def test_fix_writes_a_declared_legacy_page_back_in_its_encoding(tmp_path: Path) -> None:
    page = tmp_path / "menu.html"
    page.write_bytes(LEGACY_PAGE.replace("daily", "we recieve daily").encode("cp1252"))
    done = subprocess.run(
        [sys.executable, "-m", "copydesk", "fix", "--no-cache", "menu.html"],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    fixed = LEGACY_PAGE.replace("daily", "we receive daily")
    assert page.read_bytes() == fixed.encode("cp1252")
