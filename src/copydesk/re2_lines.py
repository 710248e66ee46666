"""Whether an RE2 pattern's matches stay on one line.

A scan whose matches never hold a line feed finds, in a text cut just after
line feeds, exactly the matches it finds in the whole: each lies on one line,
and ``^``, ``$`` and ``\\b`` see a line feed or an end of text at a cut
either way. Such a scan can encode and search a large text a piece at a time
instead of holding a UTF-8 copy of all of it (``anchor_scan``).

The answer is read from the pattern's text, not from the compiled program
(RE2 does not tell which characters a program can match). It errs on the
safe side: a construct it does not know is taken to match a line feed.
"""

from __future__ import annotations

import re

#: Escapes of one control character, which may end a range in a class.
_CONTROLS = {"a": 7, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13}
#: Letter escapes that match no line feed, outside a class or in one:
#: digits, word characters, non-space, word boundaries, text ends. ``\s``,
#: ``\D``, ``\W``, Unicode classes (``\p``), any byte (``\C``), quoting
#: (``\Q``) and octal or digit escapes are taken to.
_SAFE_ESCAPES = frozenset("dwSbBAz")
#: Class escapes that hold a line feed (so a negated class with one does not).
_LF_CLASSES = frozenset("nsDW")
_HEX = re.compile(r"x(?:\{([0-9A-Fa-f]{1,8})\}|([0-9A-Fa-f]{2}))")
#: A group's flags turning on ``s``: ``.`` then matches a line feed.
_DOT_ALL = re.compile(r"\(\?[A-Za-z]*s")
_LF = 10


def line_local(pattern: str) -> bool:
    """Whether no match of ``pattern`` (RE2 syntax) can hold a line feed."""
    if "\n" in pattern or _DOT_ALL.search(pattern):
        return False
    pos = 0
    while pos < len(pattern):
        char = pattern[pos]
        if char == "\\":
            code, pos = _escape(pattern, pos)
            if code == _LF or (isinstance(code, str) and code not in _SAFE_ESCAPES):
                return False
        elif char == "[":
            local, pos = _class_local(pattern, pos)
            if not local:
                return False
        else:
            pos += 1
    return True


def _escape(pattern: str, pos: int) -> tuple[int | str, int]:
    """The escape at ``pos`` (a backslash): the code point it stands for, or
    its letter or digit when it is a class or an assertion; and where the
    pattern goes on."""
    hexed = _HEX.match(pattern, pos + 1)
    if hexed is not None:
        return int(hexed.group(1) or hexed.group(2), 16), hexed.end()
    char = pattern[pos + 1 : pos + 2]
    if char in _CONTROLS:
        return _CONTROLS[char], pos + 2
    if char.isalnum() or not char:
        return char, pos + 2
    return ord(char), pos + 2  # an escaped punctuation mark: itself


def _class_local(pattern: str, pos: int) -> tuple[bool, int]:
    """Whether the class at ``pos`` (its ``[``) matches no line feed, and
    where the pattern goes on after it."""
    pos += 1
    negated = pattern.startswith("^", pos)
    pos += negated
    holds_lf = False  # some member surely matches a line feed
    unsure = False  # some member might
    first = True
    while pos < len(pattern) and (first or pattern[pos] != "]"):
        first = False
        if pattern.startswith("[:", pos):
            unsure = True  # a POSIX class
            end = pattern.find(":]", pos + 2)
            pos = len(pattern) if end < 0 else end + 2
            continue
        low, pos = _member(pattern, pos)
        if isinstance(low, str):
            holds_lf |= low in _LF_CLASSES
            unsure |= low not in _SAFE_ESCAPES and low not in _LF_CLASSES
            continue
        high: int | str = low
        if pattern.startswith("-", pos) and not pattern.startswith("-]", pos):
            high, pos = _member(pattern, pos + 1)
        if isinstance(high, str):
            return False, pos  # a range to a class: not RE2, not read
        holds_lf |= low <= _LF <= high
    end = pos + 1
    if negated:
        return holds_lf, end
    return not holds_lf and not unsure, end


def _member(pattern: str, pos: int) -> tuple[int | str, int]:
    """A class member at ``pos``: a code point or an escape's letter."""
    if pattern[pos] == "\\":
        return _escape(pattern, pos)
    return ord(pattern[pos]), pos + 1
