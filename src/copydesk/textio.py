"""Read a user's file exactly as it is, and write it back without losing data.

Files are read in binary and decoded by hand: no universal-newline translation,
so offsets index the exact text and CRLF, lone CR and mixed line breaks survive
a round-trip. Writes go to a temporary file in the same directory and replace
the original only if it has not changed on disk since it was read.

Encodings, named as :func:`encode` understands them:

- ``utf-8``: no BOM (the default);
- ``utf-8-sig``: UTF-8 with a BOM, which is written back;
- ``utf-16-le`` / ``utf-16-be``: UTF-16 with a BOM in that byte order. Unlike
  Python's codecs of that name, copydesk always writes the BOM back, because a
  UTF-16 file without one is not accepted on reading (it looks binary);
- a legacy encoding the user names (``--encoding cp1252``), by Python's codec
  name: read strictly (a byte the encoding does not define is an error, not a
  guess) and written back in the same encoding. A BOM still wins over it.
  An HTML file that is not valid UTF-8 is read the same way in the legacy
  encoding its ``<meta>`` declares, if it declares one.

A ``.docx`` file is not text at all: it is converted by
``copydesk.markup.docx`` (one line per paragraph), never decoded, and never
written back (its encoding is :data:`DOCX`).
"""

import codecs
import contextlib
import errno
import os
import re
import stat
from pathlib import Path
from typing import NamedTuple

from copydesk.errors import InputError
from copydesk.lazy_patterns import later_re

#: How far to look for NUL bytes when deciding that a file is binary.
BINARY_SNIFF = 8192

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BOM_OF = {
    "utf-8": b"",
    "utf-8-sig": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
}
_CODEC_OF = {
    "utf-8": "utf-8",
    "utf-8-sig": "utf-8",
    "utf-16-le": "utf-16-le",
    "utf-16-be": "utf-16-be",
}
#: Encodings accepted by :func:`encode` (``utf-16`` means little-endian + BOM),
#: besides the legacy ones :func:`legacy_codec` accepts.
ENCODINGS = (*_BOM_OF, "utf-16")
#: The encoding of a file converted from Word's format: it is never written.
DOCX = "docx"
#: Extensions of files that are converted to text rather than decoded.
_CONVERTED = {".docx": DOCX}


class SourceFile(NamedTuple):
    """A file's text plus what is needed to write it back safely."""

    path: str
    text: str
    encoding: str
    raw: bytes
    mtime_ns: int
    size: int
    mode: int

    @property
    def has_trailing_newline(self) -> bool:
        return self.text.endswith(("\n", "\r"))


def _os_reason(exc: OSError) -> str:
    """A one-line reason for an OSError, in the words the CLI prints."""
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if exc.errno == errno.ELOOP:
        return "too many levels of symbolic links"
    return (exc.strerror or type(exc).__name__).lower()


def legacy_codec(name: str) -> str | None:
    """Python's name for the legacy text encoding ``name``, or None for UTF-8
    (which needs no naming); ValueError, with a reason, for anything else.

    UTF-16 and UTF-32 are refused: copydesk reads them only with a BOM, which
    says the byte order, and a BOM is always obeyed anyway.
    """
    try:
        codec = codecs.lookup(name).name
        "".encode(codec)  # base64, rot13 and friends are codecs, not encodings
    except LookupError:
        msg = f"unknown encoding {name!r} (use a Python codec name: cp1252, latin-1)"
        raise ValueError(msg) from None
    if codec in ("utf-8", "utf-8-sig"):
        return None
    if codec.startswith(("utf-16", "utf-32")):
        msg = f"{name!r}: UTF-16 and UTF-32 files are read from their BOM"
        raise ValueError(msg)
    return codec


def decode(raw: bytes, path: str = "-", encoding: str | None = None) -> tuple[str, str]:
    """Decode ``raw`` to ``(text, encoding)`` or raise :class:`InputError`.

    ``encoding`` names a legacy encoding to read a file without a BOM in
    (see :func:`legacy_codec`); UTF-8 otherwise. Shared by files and stdin so
    that both refuse the same inputs the same way.
    """
    legacy = legacy_codec(encoding) if encoding and encoding not in _BOM_OF else None
    encoding = "utf-8"
    body_start = 0
    for bom, name in _BOMS:
        if raw.startswith(bom):
            encoding, body_start = name, len(bom)
            break
    if raw.startswith(codecs.BOM_UTF32_LE):
        # FF FE 00 00 also starts like UTF-16-LE; a UTF-16 file that opens
        # with U+0000 is far less likely than a UTF-32 one.
        raise InputError(path, "UTF-32 is not supported")
    if encoding in {"utf-8", "utf-8-sig"}:
        if b"\x00" in raw[:BINARY_SNIFF]:
            raise InputError(path, "binary file, skipped")
        if legacy is not None and not body_start:
            return _decode_legacy(raw, path, legacy), legacy
        try:
            text = raw[body_start:].decode("utf-8")
        except UnicodeDecodeError as exc:
            declared = None if body_start else _declared_legacy(raw, path)
            if declared is not None:
                return _decode_legacy(raw, path, declared), declared
            offset = body_start + exc.start
            reason = f"not valid UTF-8 (byte 0x{raw[offset]:02x} at offset {offset})"
            raise InputError(path, reason) from None
        return text, encoding
    try:
        text = raw[body_start:].decode(_CODEC_OF[encoding])
    except UnicodeDecodeError as exc:
        reason = f"not valid UTF-16 (at offset {body_start + exc.start})"
        raise InputError(path, reason) from None
    return text, encoding


#: Extensions of HTML files, whose ``<meta>`` may declare their encoding.
_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
#: How far an HTML file's encoding declaration is looked for (the HTML
#: standard's prescan reads 1,024 bytes).
_PRESCAN = 1024
#: A ``<meta charset=...>`` or ``<meta http-equiv=... content="...;
#: charset=...">`` declaration: the encoding's name.
#: Searched in the prescan's bytes read as Latin-1 (one character a byte),
#: ASCII-only as a bytes pattern is, and compiled only for such a file: a
#: pattern compiled at import was start-up work for every run.
_META_CHARSET = later_re(
    r"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)",
    re.IGNORECASE | re.ASCII,
)


def _declared_legacy(raw: bytes, path: str) -> str | None:
    """The legacy encoding an HTML file that is not UTF-8 declares in its
    first 1,024 bytes (``<meta charset="windows-1252">``), as Python names
    it; None for any other file, no declaration, or one copydesk cannot
    read. The file is then read strictly in it and written back in it, as
    with ``--encoding``: a page from before UTF-8 says what it is."""
    if not path.lower().endswith(_HTML_SUFFIXES):
        return None
    found = _META_CHARSET.search(raw[:_PRESCAN].decode("latin-1"))
    if found is None:
        return None
    try:
        return legacy_codec(found.group(1))
    except ValueError:
        return None


def _decode_legacy(raw: bytes, path: str, codec: str) -> str:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as exc:
        byte = raw[exc.start]
        reason = f"not valid {codec} (byte 0x{byte:02x} at offset {exc.start})"
        raise InputError(path, reason) from None


def encode(text: str, encoding: str) -> bytes:
    """Encode ``text`` for writing, re-adding the BOM the encoding implies."""
    if encoding == "utf-16":
        encoding = "utf-16-le"
    if encoding not in _BOM_OF:
        try:
            legacy = legacy_codec(encoding)
        except ValueError:
            legacy = None
        if legacy is None:
            choices = ", ".join(ENCODINGS)
            msg = (
                f"unsupported encoding {encoding!r}"
                f" (choose {choices}, or a legacy one such as cp1252)"
            )
            raise ValueError(msg) from None
        return text.encode(legacy)
    return _BOM_OF[encoding] + text.encode(_CODEC_OF[encoding])


def read_source(
    path: str | os.PathLike[str], encoding: str | None = None
) -> SourceFile:
    """Read and decode one file; any problem becomes a one-line InputError.

    ``encoding`` is a legacy encoding for text without a BOM (``--encoding``);
    a ``.docx`` is converted to text, whatever it says.
    """
    name = os.fspath(path)
    try:
        # stat before open: opening a FIFO for reading would block forever.
        st = os.stat(name)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(name, "is a directory")
        if not stat.S_ISREG(st.st_mode):
            raise InputError(name, "not a regular file")
        with open(name, "rb") as handle:
            st = os.fstat(handle.fileno())
            raw = handle.read()
    except OSError as exc:
        raise InputError(name, _os_reason(exc)) from None
    converted = _CONVERTED.get(os.path.splitext(name)[1].lower())
    if converted == DOCX:
        from copydesk.markup.docx import extract_text

        text, encoding = extract_text(raw, name), DOCX
    else:
        text, encoding = decode(raw, name, encoding)
    return SourceFile(
        path=name,
        text=text,
        encoding=encoding,
        raw=raw,
        mtime_ns=st.st_mtime_ns,
        size=len(raw),
        mode=st.st_mode,
    )


def _target_of(src: SourceFile, root: str | os.PathLike[str] | None) -> Path:
    """The real file to replace: a symlink is written through, if it stays inside."""
    link = Path(src.path)
    if not link.is_symlink():
        return link
    target = link.resolve()
    base = (Path.cwd() if root is None else Path(root)).resolve()
    if not target.is_relative_to(base):
        reason = f"refusing to write: symlink points outside {base} (to {target})"
        raise InputError(src.path, reason)
    return target


def _check_unchanged(src: SourceFile, target: Path) -> None:
    """Refuse when someone else wrote the file after we read it."""
    try:
        st = target.stat()
        now = target.read_bytes()
    except OSError as exc:
        reason = f"refusing to write: file changed on disk ({_os_reason(exc)})"
        raise InputError(src.path, reason) from None
    if st.st_mtime_ns != src.mtime_ns or st.st_size != src.size or now != src.raw:
        reason = "refusing to write: file changed on disk since it was read"
        raise InputError(src.path, reason)


def _fsync_dir(directory: Path) -> None:
    """Make the rename durable; best effort where directories cannot be opened."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomic(
    src: SourceFile,
    new_text: str,
    *,
    root: str | os.PathLike[str] | None = None,
) -> None:
    """Replace ``src.path`` with ``new_text`` all at once, or not at all.

    The original is never opened for writing: a crash or error at any point
    leaves either the old bytes or the new ones, never a mix, and the
    temporary file is removed.
    """
    if src.encoding == DOCX:
        raise InputError(src.path, "refusing to write: copydesk never writes .docx")
    try:
        decoded = decode(src.raw, src.path, src.encoding)
    except InputError as exc:
        raise InputError(src.path, f"refusing to write: {exc.reason}") from None
    if decoded != (src.text, src.encoding):
        raise InputError(src.path, "refusing to write: text does not match the file")
    target = _target_of(src, root)
    try:
        data = encode(new_text, src.encoding)
    except UnicodeEncodeError as exc:
        reason = f"refusing to write: cannot encode fixed text ({exc.reason})"
        raise InputError(src.path, reason) from None
    if data == src.raw:
        return
    _check_unchanged(src, target)
    if not os.access(target, os.W_OK):
        raise InputError(src.path, "refusing to write: file is read-only")
    import tempfile  # only when a fix writes: not on a check's start

    directory = target.absolute().parent
    tmp: Path | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(
            dir=directory, prefix=f".{target.name}.", suffix=".tmp"
        )
        tmp = Path(tmp_name)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fchmod(handle.fileno(), stat.S_IMODE(src.mode))
            os.fsync(handle.fileno())
        _check_unchanged(src, target)
        tmp.replace(target)
        tmp = None
    except OSError as exc:
        raise InputError(src.path, f"write failed: {_os_reason(exc)}") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
    _fsync_dir(directory)
