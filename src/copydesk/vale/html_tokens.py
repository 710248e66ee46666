"""An HTML tokenizer that splits markup the way Vale's Go tokenizer does.

Vale finds prose by walking the token stream of ``golang.org/x/net/html``
(Markdown and Org are first rendered to HTML). Its blocks, and so every
reported column, depend on exactly where that tokenizer cuts text, which
tags it calls self-closing and which elements hold raw text. Python's
``html.parser`` differs on all three (it merges text across ``<br/>``, keeps
``<title>`` entities, reports CDATA differently), hence this small port of the
tokenizer's rules: text, start, end, self-closing, comment and doctype tokens,
with raw-text elements read up to their end tag.
"""

from __future__ import annotations

import enum
import html
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["Kind", "Token", "tokenize", "unescape"]

_SPACE = " \n\r\t\f"
#: Elements whose content is raw text (no tags, no entities for most).
_RAW_TAGS = frozenset(
    {"iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style"}
    | {"textarea", "title", "xmp"}
)
#: Raw-text elements whose content may still hold character references.
_RCDATA = frozenset({"textarea", "title"})


class Kind(enum.Enum):
    """What a token is; Go's ``html.TokenType`` without the error token."""

    TEXT = "text"
    START = "start"
    END = "end"
    SELF_CLOSING = "self-closing"
    COMMENT = "comment"
    DOCTYPE = "doctype"


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its kind, tag name or text (unescaped) and attributes."""

    kind: Kind
    data: str
    attrs: tuple[tuple[str, str], ...] = ()

    def attr(self, key: str) -> str:
        """The value of attribute ``key`` or ``""`` (Go's getAttribute)."""
        for name, value in self.attrs:
            if name == key:
                return value
        return ""


def unescape(text: str) -> str:
    """Decode character references as Go's ``html.UnescapeString`` does."""
    return html.unescape(text) if "&" in text else text


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


class _Scanner:
    """The tokenizer's state: the source and a cursor into it."""

    def __init__(self, source: str) -> None:
        self.src = source
        self.pos = 0
        self.raw_tag = ""

    def tokens(self) -> Iterator[Token]:
        src = self.src
        size = len(src)
        while self.pos < size:
            if self.raw_tag:
                token = self._raw_text()
                if token is not None:
                    yield token
                continue
            start = self.pos
            cut = self._next_markup(start)
            if cut > start:
                yield Token(Kind.TEXT, unescape(_newlines(src[start:cut])))
            if cut >= size:
                return
            token = self._markup(cut)
            if token is not None:
                yield token

    def _next_markup(self, start: int) -> int:
        """Where the next tag, comment or declaration begins (or the end)."""
        src = self.src
        size = len(src)
        i = start
        while True:
            i = src.find("<", i)
            if i < 0 or i + 1 >= size:
                self.pos = size
                return size
            c = src[i + 1]
            if c.isascii() and (c.isalpha() or c in "/!?"):
                return i
            i += 1

    def _markup(self, at: int) -> Token | None:
        src = self.src
        c = src[at + 1]
        if c.isascii() and c.isalpha():
            return self._start_tag(at + 1)
        if c == "/":
            return self._end_tag(at + 2)
        if c == "!":
            return self._declaration(at + 2)
        # "<?...>": a processing instruction is a bogus comment.
        return self._until_close(at + 1)

    def _until_close(self, start: int) -> Token:
        end = self.src.find(">", start)
        if end < 0:
            self.pos = len(self.src)
            return Token(Kind.COMMENT, _newlines(self.src[start:]))
        self.pos = end + 1
        return Token(Kind.COMMENT, _newlines(self.src[start:end]))

    def _declaration(self, start: int) -> Token:
        src = self.src
        if src.startswith("--", start):
            return self._comment(start + 2)
        if src[start : start + 7].upper() == "DOCTYPE":
            i = start + 7
            while i < len(src) and src[i] in _SPACE:
                i += 1
            end = src.find(">", i)
            end = len(src) if end < 0 else end
            self.pos = min(end + 1, len(src))
            return Token(Kind.DOCTYPE, unescape(src[i:end]))
        return self._until_close(start)

    def _comment(self, start: int) -> Token:
        src = self.src
        size = len(src)
        if src.startswith(">", start):
            self.pos = start + 1
            return Token(Kind.COMMENT, "")
        if src.startswith("->", start):
            self.pos = start + 2
            return Token(Kind.COMMENT, "")
        i = start
        dashes = 0
        while i < size:
            c = src[i]
            i += 1
            if c == "-":
                dashes += 1
                continue
            if c == ">" and dashes >= 2:
                self.pos = i
                return Token(Kind.COMMENT, _newlines(src[start : i - 3]))
            if c == "!" and dashes >= 2 and i < size and src[i] == ">":
                self.pos = i + 1
                return Token(Kind.COMMENT, _newlines(src[start : i - 3]))
            dashes = 0
        self.pos = size
        body = src[start:]
        for tail in ("--!", "--", "-"):
            if body.endswith(tail):
                body = body[: -len(tail)]
                break
        return Token(Kind.COMMENT, _newlines(body))

    def _tag_name(self, start: int) -> int:
        src = self.src
        i = start
        while i < len(src) and src[i] not in _SPACE and src[i] not in "/>":
            i += 1
        return i

    def _skip_space(self, i: int) -> int:
        src = self.src
        while i < len(src) and src[i] in _SPACE:
            i += 1
        return i

    def _attributes(self, i: int) -> tuple[int, list[tuple[str, str]], int]:
        """Read attributes up to ``>``; return the end, the pairs and the
        index of the last attribute value's last character (or -1)."""
        src = self.src
        size = len(src)
        attrs: list[tuple[str, str]] = []
        seen: set[str] = set()
        last_value_end = -1
        i = self._skip_space(i)
        while i < size and src[i] != ">":
            key_start = i
            if src[i] == "=":
                i += 1
            while i < size and src[i] not in _SPACE and src[i] not in "/>=":
                i += 1
            key = src[key_start:i].lower()
            value = ""
            j = self._skip_space(i)
            if j < size and src[j] == "=":
                j = self._skip_space(j + 1)
                if j < size and src[j] in "'\"":
                    quote = src[j]
                    close = src.find(quote, j + 1)
                    close = size if close < 0 else close
                    value = src[j + 1 : close]
                    last_value_end = close - 1
                    i = min(close + 1, size)
                elif j < size and src[j] != ">":
                    k = j
                    while k < size and src[k] not in _SPACE and src[k] != ">":
                        k += 1
                    value = src[j:k]
                    last_value_end = k - 1
                    i = k
                else:
                    i = j
            elif j < size and src[j] == "/":
                i = j + 1
            if key and key not in seen:
                seen.add(key)
                attrs.append((key, unescape(_newlines(value))))
            if i == key_start:
                i += 1
            i = self._skip_space(i)
        return i, attrs, last_value_end

    def _start_tag(self, start: int) -> Token:
        src = self.src
        name_end = self._tag_name(start)
        name = src[start:name_end].lower()
        close, attrs, last_value_end = self._attributes(name_end)
        self.pos = min(close + 1, len(src))
        if name in _RAW_TAGS:
            self.raw_tag = name
        if close < len(src) and src[close - 1] == "/" and last_value_end != close - 1:
            return Token(Kind.SELF_CLOSING, name, tuple(attrs))
        return Token(Kind.START, name, tuple(attrs))

    def _end_tag(self, start: int) -> Token | None:
        src = self.src
        if start >= len(src):
            self.pos = len(src)
            return None
        c = src[start]
        if c == ">":
            self.pos = start + 1
            return Token(Kind.COMMENT, "")
        if not (c.isascii() and c.isalpha()):
            return self._until_close(start)
        name_end = self._tag_name(start)
        close, _attrs, _last = self._attributes(name_end)
        self.pos = min(close + 1, len(src))
        return Token(Kind.END, src[start:name_end].lower())

    def _raw_text(self) -> Token | None:
        src = self.src
        tag = self.raw_tag
        start = self.pos
        self.raw_tag = ""
        if tag == "plaintext":
            self.pos = len(src)
            return Token(Kind.TEXT, _newlines(src[start:]))
        i = start
        end = len(src)
        lowered_tag = "</" + tag
        while True:
            i = src.find("</", i)
            if i < 0:
                end = len(src)
                break
            if (
                src[i : i + len(lowered_tag)].lower() == lowered_tag
                and i + len(lowered_tag) < len(src)
                and src[i + len(lowered_tag)] in _SPACE + "/>"
            ):
                end = i
                break
            i += 2
        self.pos = end
        if end <= start:
            return None
        text = _newlines(src[start:end])
        return Token(Kind.TEXT, unescape(text) if tag in _RCDATA else text)


def tokenize(source: str) -> Iterator[Token]:
    """The tokens of ``source``, in order."""
    return _Scanner(source).tokens()
