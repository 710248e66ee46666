"""Word drafts (``.docx``): each paragraph becomes one line of text.

Translators and newsroom editors send Word files; copydesk lints them as
plain prose in which line N is the N-th paragraph, so a finding reads
``draft.docx:12:40`` (paragraph 12, character 40). The body comes first, in
reading order (paragraphs, table cells row by row, content controls), then
the headers, footers, footnotes and endnotes. What a reader does not see as
the document's text is left out: comments (their own part, never read),
tracked deletions and moved-away text, field codes, text boxes and deleted
paragraph marks' contents. Tracked insertions are text like any other. A soft
line break inside a paragraph becomes a space, so lines stay paragraphs.

The file is untrusted input handed to a zip reader and an XML parser, so it
is checked before python-docx opens it: an encrypted (password-protected) or
Word 97-2003 file is named as such; an archive whose members would expand
past :data:`MAX_EXPANDED` bytes in all, or a large member that compresses
more than :data:`MAX_RATIO` times (a zip bomb), is refused; so is any XML
part that declares a DTD (Word never writes one, and entities are how XML
attacks work): any member named as XML or given an XML content type, in any
encoding a parser detects (UTF-16 and UTF-32 too, BOM or not); a part in
another encoding (UTF-7, EBCDIC), where a DTD would not be seen, is refused.
python-docx's own parser also leaves external entities unresolved, and
libxml2 stops an entity expansion that amplifies too much.
Every failure is one :class:`InputError` line.

Conversion happens on reading (``copydesk.textio``); the ``read`` below is
the markup reader of the converted text. copydesk never writes a ``.docx``.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from copydesk.document import Block
from copydesk.errors import InputError
from copydesk.markup import Parsed

#: Total bytes the archive's members may expand to.
MAX_EXPANDED = 256 * 1024 * 1024
#: Largest expansion ratio of a member bigger than :data:`RATIO_FLOOR`:
#: Word's XML compresses 5 to 20 times, a zip bomb hundreds of times.
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024
MAX_MEMBERS = 10_000

#: An OLE compound file: Word 97-2003, or an encrypted Office 2007+ file.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
#: The XML declaration's encoding, and the encodings a part may be in.
_ENCODING = re.compile(rb"<\?xml\b[^>]*?\sencoding\s*=\s*[\"']([A-Za-z0-9._:-]+)")
_OWN_ENCODINGS = frozenset(
    {b"utf-8", b"utf8", b"utf-16", b"utf-16le", b"utf-16be", b"utf-32", b"utf-32le",
     b"utf-32be", b"ucs-2", b"ucs-4", b"us-ascii", b"ascii"}
)  # fmt: skip
#: ``<Default .../>`` and ``<Override .../>`` of ``[Content_Types].xml``.
_TYPE_ELEMENT = re.compile(r"<(?:\w+:)?(?:Default|Override)\b[^>]*>")
_ATTRIBUTE = re.compile(r'(\w+)\s*=\s*["\']([^"\']*)["\']')

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
#: Elements whose content is not the paragraph's visible text: deleted and
#: moved-away runs, properties, nested paragraphs (text boxes) and the
#: fallback copy of every drawing.
_NOT_TEXT = frozenset(
    {
        _W + "del",
        _W + "moveFrom",
        _W + "pPr",
        _W + "rPr",
        _W + "p",
        _W + "txbxContent",
        _MC + "Fallback",
    }
)
#: Elements that stand for a character.
_CHARACTERS = {
    _W + "tab": "\t",
    _W + "ptab": "\t",
    _W + "br": " ",
    _W + "cr": " ",
    _W + "noBreakHyphen": "\u2011",
}
#: libxml2's own limits, which python-docx's parser keeps, in a reader's
#: words (its messages suggest an option of the parser).
_PARSER_LIMITS = {
    "Excessive depth": "its XML nests over 256 elements deep",
    "Text node too long": "a run of text over 10,000,000 characters",
}
#: What python-docx raises when a part it expects is missing or of the
#: wrong kind (an empty content-types list, a part where another was
#: meant): errors about its own objects, not messages about the file.
_INTERNAL_ERRORS = (AttributeError, TypeError, IndexError)
_MALFORMED = "its parts are not laid out as Word lays them out"
#: Parts read after the body, in this order.
_NOTE_PARTS = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
)


def extract_text(raw: bytes, path: str) -> str:
    """The document's text, one paragraph per line, or one InputError line."""
    check_container(raw, path)
    import docx

    try:
        document = docx.Document(io.BytesIO(raw))
        lines = list(_lines(document))
    except Exception as exc:
        # Untrusted bytes through a third-party parser: whatever it raises
        # means "cannot be read", one line, and never a crash of the run.
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if isinstance(exc, _INTERNAL_ERRORS):
            # The parser tripped over its own objects: its words would name
            # them, not the file's fault.
            reason = _MALFORMED
        for limit, said in _PARSER_LIMITS.items():
            if limit in reason:
                reason = said
        raise InputError(path, f"not a readable .docx ({reason})") from None
    return "".join(f"{line}\n" for line in lines)


def check_container(raw: bytes, path: str) -> None:
    """Refuse what python-docx must not be handed (see the module docstring)."""
    if raw.startswith(_OLE_MAGIC):
        if _ENCRYPTED in raw:
            reason = "password-protected (encrypted): save an unprotected copy"
        else:
            reason = "a Word 97-2003 document, not .docx: save it as .docx"
        raise InputError(path, reason)
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError(path, "not a readable .docx (not a zip archive)") from None
    except Exception as exc:  # NotImplementedError: "zip file version 6.4"
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(path, f"not a readable .docx ({reason})") from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise InputError(path, f"refusing: {len(members)} parts in one .docx")
        total = 0
        for member in members:
            total += member.file_size
            ratio = member.file_size / max(member.compress_size, 1)
            if member.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
                reason = (
                    f"refusing: part {member.filename} expands {ratio:.0f} times"
                    " (a zip bomb?)"
                )
                raise InputError(path, reason)
        if total > MAX_EXPANDED:
            reason = f"refusing: expands to {total} bytes (over {MAX_EXPANDED})"
            raise InputError(path, reason)
        xml_names = _xml_parts(archive)
        for member in members:
            if member.filename in xml_names or member.filename.endswith(
                (".xml", ".rels")
            ):
                _refuse_dtd(archive, member, path)


def _xml_parts(archive: zipfile.ZipFile) -> set[str]:
    """Members python-docx may parse as XML whatever their name: those an
    ``Override`` of ``[Content_Types].xml`` gives an XML content type, and
    those whose extension a ``Default`` does (a document part renamed
    ``word/doc.bin`` is still parsed)."""
    try:
        listing = archive.read("[Content_Types].xml").replace(b"\x00", b"")
    except Exception:  # missing or broken: python-docx's own error names it
        return set()
    names: set[str] = set()
    extensions: set[str] = set()
    for element in _TYPE_ELEMENT.finditer(listing.decode("utf-8", "replace")):
        attributes = dict(_ATTRIBUTE.findall(element.group()))
        if "xml" not in attributes.get("ContentType", "").lower():
            continue
        if "PartName" in attributes:
            names.add(attributes["PartName"].lstrip("/"))
        if "Extension" in attributes:
            extensions.add(attributes["Extension"].lower())
    return names | {
        m.filename
        for m in archive.infolist()
        if m.filename.rsplit(".", 1)[-1].lower() in extensions
    }


def _refuse_dtd(archive: zipfile.ZipFile, member: zipfile.ZipInfo, path: str) -> None:
    try:
        data = archive.read(member)
    except Exception:  # a broken member: python-docx's own error names it
        return
    # In UTF-16 or UTF-32 (with a BOM or without, which an XML parser also
    # detects) the markup is ASCII with NUL bytes between.
    markup = data.replace(b"\x00", b"")
    if _DOCTYPE.search(markup):
        reason = f"refusing: part {member.filename} declares a DTD"
        raise InputError(path, reason)
    _refuse_other_encodings(markup, member.filename, path)


def _refuse_other_encodings(markup: bytes, name: str, path: str) -> None:
    """Refuse a part in any encoding but UTF-8, -16 and -32: in the others
    (UTF-7, EBCDIC) ``<!DOCTYPE`` is not those bytes, so the search above
    would miss a DTD the parser reads. Word writes UTF-8 and the format
    allows only UTF-8 and UTF-16."""
    start = markup.lstrip(b"\xef\xbb\xbf\xfe\xff").lstrip()
    declared = _ENCODING.match(start)
    if start and not start.startswith(b"<"):
        what = "is not XML in UTF-8 or UTF-16"
    elif declared and declared.group(1).lower() not in _OWN_ENCODINGS:
        encoding = declared.group(1).decode("ascii")
        what = f"is in {encoding} (a .docx part is UTF-8 or UTF-16)"
    else:
        return
    raise InputError(path, f"refusing: part {name} {what}")


def _lines(document: Any) -> Iterator[str]:
    """Body, then headers, footers, footnotes, endnotes: a line a paragraph."""
    from docx.opc.part import XmlPart
    from docx.oxml import parse_xml

    yield from _block_lines(document.element.body)
    parts = list(document.part.package.iter_parts())
    for content_type in _NOTE_PARTS:
        chosen = [p for p in parts if p.content_type == content_type]
        for part in sorted(chosen, key=_partname_order):
            root = part.element if isinstance(part, XmlPart) else parse_xml(part.blob)
            if root.tag in (_W + "footnotes", _W + "endnotes"):
                for note in root.iterchildren(_W + "footnote", _W + "endnote"):
                    if note.get(_W + "type") is None:  # not a separator
                        yield from _block_lines(note)
            else:
                yield from _block_lines(root)


def _partname_order(part: Any) -> tuple[str, int]:
    """header2 before header10."""
    name = str(part.partname)
    digits = re.search(r"(\d+)\.xml$", name)
    return (re.sub(r"\d+\.xml$", "", name), int(digits.group(1)) if digits else 0)


def _block_lines(container: Any) -> Iterator[str]:
    """The paragraphs of a body, cell, header or note, tables row by row."""
    for child in container.iterchildren():
        tag = child.tag
        if tag == _W + "p":
            yield _paragraph_text(child)
        elif tag == _W + "tbl":
            for row in child.iterchildren(_W + "tr"):
                for cell in row.iterchildren(_W + "tc"):
                    yield from _block_lines(cell)
        elif tag == _W + "sdt":
            for content in child.iterchildren(_W + "sdtContent"):
                yield from _block_lines(content)
        elif tag == _W + "customXml":
            yield from _block_lines(child)


def _paragraph_text(paragraph: Any) -> str:
    parts: list[str] = []
    _collect(paragraph, parts)
    return "".join(parts).replace("\r", " ").replace("\n", " ")


def _collect(element: Any, parts: list[str]) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _NOT_TEXT:
            continue  # XML comments and processing instructions have no str tag
        if tag == _W + "t":
            parts.append(child.text or "")
        elif tag in _CHARACTERS:
            parts.append(_CHARACTERS[tag])
        else:
            _collect(child, parts)


def read(text: str) -> Parsed:
    """The converted text: all prose, each non-blank line (paragraph) a block.

    ``copydesk:`` directives in a paragraph of their own work as in plain
    text (that reader masks them).
    """
    from copydesk.markup import plain

    parsed = plain.read(text)
    return Parsed(
        parsed.prose, tuple(_paragraph_blocks(parsed.prose)), parsed.directives
    )


def _paragraph_blocks(prose: str) -> Iterator[Block]:
    start = 0
    for line in prose.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            yield Block(start + lead, start + lead + len(stripped))
        start += len(line) + 1
