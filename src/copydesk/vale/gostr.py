"""Go string operations that Vale's positions depend on, on Python strings.

Vale finds where an alert sits by searching the source for the matched text
and blanking what it has already consumed. Its helpers differ subtly:
``Substitute`` blanks every character of the first occurrence (multi-byte
ones included), the HTML walker's in-place version blanks only single-byte
characters, ``strings.Fields`` splits on Unicode white space. Go strings are
bytes; where Vale slices one with a character offset (``assignLoc``, the
offsets heuristic) the byte view is used so the same text is compared.
"""

from __future__ import annotations

__all__ = [
    "byte_slice",
    "fields",
    "split_after",
    "sub_inplace",
    "substitute",
    "trim_space",
    "whitespace_to_space",
]

#: Go's unicode.IsSpace over Latin-1 plus the Unicode White_Space set.
_GO_SPACE = "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
_GO_SPACE += "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"


def trim_space(text: str) -> str:
    """``strings.TrimSpace``."""
    return text.strip(_GO_SPACE)


def fields(text: str) -> list[str]:
    """``strings.Fields``: split around runs of white space."""
    return text.split() if text.isascii() else _fields_unicode(text)


def _fields_unicode(text: str) -> list[str]:
    out: list[str] = []
    word: list[str] = []
    for char in text:
        if char in _GO_SPACE:
            if word:
                out.append("".join(word))
                word = []
        else:
            word.append(char)
    if word:
        out.append("".join(word))
    return out


def split_after(text: str, sep: str = "\n") -> list[str]:
    """``strings.SplitAfter``: pieces keep their separator; "" gives [""]."""
    parts = text.split(sep)
    return [part + sep for part in parts[:-1]] + [parts[-1]]


def substitute(src: str, sub: str, char: str) -> tuple[str, bool]:
    """``core.Substitute``: blank the first ``sub`` in ``src`` with ``char``
    (line breaks kept)."""
    idx = src.find(sub)
    if idx < 0:
        return src, False
    repl = "".join("\n" if c == "\n" else char for c in sub)
    return src[:idx] + repl + src[idx + len(sub) :], True


def sub_inplace(src: str, sub: str, char: str) -> tuple[str, bool]:
    """The walker's ``subInplace``: blank the first ``sub``, but only its
    single-byte characters (line breaks kept)."""
    idx = src.find(sub)
    if idx < 0:
        return src, False
    repl = "".join(char if c != "\n" and c < "\x80" else c for c in sub)
    return src[:idx] + repl + src[idx + len(sub) :], True


def whitespace_to_space(message: str) -> str:
    """``core.WhitespaceToSpace``: line breaks to spaces, runs of spaces to one."""
    message = message.replace("\n", " ")
    while "  " in message:
        message = message.replace("  ", " ")
    return message


def byte_slice(text: str, start: int, end: int | None = None) -> str:
    """``text[start:end]`` with Go's byte indexing (offsets clamped)."""
    if text.isascii():
        return text[start:end]
    raw = text.encode("utf-8")
    return raw[start:end].decode("utf-8", errors="replace")
