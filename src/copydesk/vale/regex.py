"""Vale's regular expressions, compiled with the ``regex`` module.

Vale compiles rule patterns with regexp2 (a port of .NET's engine, in its
RE2-compatible mode): look-arounds and back-references work, ``(?i)`` may
appear mid-pattern and then applies to the rest of its group, ``\\p{L}`` and
``[[:alpha:]]`` are classes. ``regex`` in its VERSION1 mode has the same
scoped inline flags, so a pattern needs only a light rewrite: ``[`` inside a
class and doubled set operators are escaped (VERSION1 would read nested sets),
``{,n}`` stays literal, ``\\x{...}``, ``\\e``, ``\\Z`` and ``\\Q...\\E`` get their
Python spelling, and full case folding is switched off (``ß`` does not match
``SS`` in Vale).
"""

from __future__ import annotations

import functools
import re

import regex

__all__ = ["RegexError", "compile_vale", "go_compile", "translate"]

RegexError = regex.error

_HEX = re.compile(r"\{([0-9A-Fa-f]{1,8})\}")
_POSIX = re.compile(r"\[:\^?[a-z]+:\]")


def _escape_out(pattern: str, i: int) -> tuple[str, int]:
    """Translate the escape at ``pattern[i]`` (a backslash); return it and the
    index after it."""
    if i + 1 >= len(pattern):
        return "\\\\", i + 1
    c = pattern[i + 1]
    if c == "x":
        hex_match = _HEX.match(pattern, i + 2)
        if hex_match:
            return f"\\U{int(hex_match.group(1), 16):08x}", hex_match.end()
    if c == "e":
        return "\\x1b", i + 2
    if c == "Z":
        return "(?=\\n?\\z)", i + 2
    if c == "Q":
        end = pattern.find("\\E", i + 2)
        literal = pattern[i + 2 :] if end < 0 else pattern[i + 2 : end]
        return regex.escape(literal), len(pattern) if end < 0 else end + 2
    return pattern[i : i + 2], i + 2


def _class(pattern: str, i: int) -> tuple[str, int]:
    """Translate the character class opening at ``pattern[i]``."""
    out = ["["]
    i += 1
    if i < len(pattern) and pattern[i] == "^":
        out.append("^")
        i += 1
    if i < len(pattern) and pattern[i] == "]":
        out.append("\\]")
        i += 1
    while i < len(pattern):
        c = pattern[i]
        if c == "]":
            out.append("]")
            return "".join(out), i + 1
        if c == "\\":
            piece, i = _escape_out(pattern, i)
            out.append(piece)
            continue
        if c == "[":
            posix = _POSIX.match(pattern, i)
            if posix:
                out.append(posix.group(0))
                i = posix.end()
                continue
            out.append("\\[")
        elif c in "&|~-" and i + 1 < len(pattern) and pattern[i + 1] == c:
            out.append(c + "\\" + c)
            i += 2
            continue
        else:
            out.append(c)
        i += 1
    # An unclosed class: let the compiler report it.
    return "".join(out), i


def translate(pattern: str) -> str:
    """Rewrite a Vale (regexp2) pattern for ``regex`` VERSION1."""
    out: list[str] = []
    i = 0
    size = len(pattern)
    while i < size:
        c = pattern[i]
        if c == "\\":
            piece, i = _escape_out(pattern, i)
            out.append(piece)
        elif c == "[":
            piece, i = _class(pattern, i)
            out.append(piece)
        elif c == "{" and pattern.startswith("{,", i):
            out.append("\\{")
            i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


@functools.lru_cache(maxsize=4096)
def compile_vale(pattern: str) -> regex.Pattern[str]:
    """Compile a rule pattern with Vale's semantics (raises RegexError)."""
    return regex.compile("(?-f)" + translate(pattern), flags=regex.V1)


@functools.lru_cache(maxsize=1024)
def go_compile(pattern: str) -> regex.Pattern[str]:
    """Compile a pattern Vale hands to Go's ``regexp`` (RE2 syntax)."""
    return regex.compile("(?-f)" + translate(pattern), flags=regex.V1)
