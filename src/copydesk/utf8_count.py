"""Characters between two UTF-8 byte offsets, counted without decoding.

RE2 reports byte offsets; copydesk's offsets are characters. Decoding the
bytes between two offsets makes a string of them (16 MB apart: 16 M
characters, 64 MB if one is beyond U+FFFF), so the characters are counted
instead, a megabyte at a time, by deleting every byte but UTF-8's
continuation bytes: C work that grows with the bytes counted, and a copy
no bigger than ``CHUNK``.
"""

#: Bytes counted at a time.
CHUNK = 1 << 20
#: Every byte value but UTF-8's continuation bytes (10xxxxxx): deleted by
#: ``bytes.translate``, they leave the continuation bytes to count.
_NOT_CONTINUATION = bytes(b for b in range(256) if not 0x80 <= b < 0xC0)


def chars_between(data: bytes, start: int, end: int) -> int:
    """The characters of UTF-8 ``data[start:end]`` (both at a character's
    start): its bytes less its continuation bytes."""
    chars = 0
    while start < end:
        stop = min(end, start + CHUNK)
        chunk = data[start:stop]
        chars += len(chunk) - len(chunk.translate(None, _NOT_CONTINUATION))
        start = stop
    return chars


def utf8_or_none(text: str) -> bytes | None:
    """``text`` in UTF-8, or None when it holds lone surrogates (which RE2
    cannot see)."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return None


def char_offsets(data: bytes, offsets: list[int]) -> list[int]:
    """Character offsets of UTF-8 byte offsets into ``data`` (each at a
    character's start, as RE2's are), counted on from one to the next in
    order (``chars_between``): C work that grows with the bytes before the
    last offset, where a map of every run of wide characters
    (``utf8.byte_to_char``) took a second on 8 MB of news, however few the
    offsets, and decoding the gaps made the peak of a check of the 17 MB
    Markdown file."""
    chars: dict[int, int] = {}
    byte = char = 0
    for offset in sorted(set(offsets)):
        char += chars_between(data, byte, offset)
        byte = offset
        chars[offset] = char
    return [chars[offset] for offset in offsets]
