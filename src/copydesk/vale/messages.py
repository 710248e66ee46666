"""Alert messages filled the way Vale fills them (Go's ``fmt.Sprintf``).

Vale formats a rule's ``message`` with ``core.FormatMessage``: the match (and
for some rule types a second value) are passed to ``Sprintf`` with one extra
empty argument referenced at the end, so a message with fewer verbs than
values prints no ``%!(EXTRA)`` noise and one with one verb too many gets an
empty string. Style packages rely on the details: ``'%s'`` quotes are part of
the message text, ``%%`` is a percent sign, a missing value prints
``%!s(MISSING)``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["cond_sprintf", "format_message", "go_quote", "sprintf", "to_sentence"]

_VERB = re.compile(
    r"%([-+# 0]*)(\[(\d+)\])?(\d*|\*)?(?:\.(\d*))?(\[(\d+)\])?(.)?", re.S
)


def go_quote(text: str) -> str:
    """Go's ``%q`` of a string: double-quoted with Go escapes."""
    out = ['"']
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif char == "\r":
            out.append("\\r")
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\x{code:02x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def _pad(text: str, flags: str, width: str) -> str:
    if not width or width == "*":
        return text
    size = int(width)
    if len(text) >= size:
        return text
    if "-" in flags:
        return text + " " * (size - len(text))
    return " " * (size - len(text)) + text


def sprintf(fmt: str, args: Sequence[str]) -> str:
    """The subset of Go's Sprintf that string arguments can reach."""
    out: list[str] = []
    arg = 0
    i = 0
    while i < len(fmt):
        pct = fmt.find("%", i)
        if pct < 0:
            out.append(fmt[i:])
            break
        out.append(fmt[i:pct])
        match = _VERB.match(fmt, pct)
        assert match is not None  # the pattern always matches at a '%'
        flags, _, idx1, width, prec, _, idx2, verb = match.groups()
        i = match.end()
        if verb is None:
            out.append("%!(NOVERB)")
            break
        if verb == "%":
            out.append("%")
            continue
        index = idx2 or idx1
        if index is not None:
            arg = int(index) - 1
        if arg < 0 or arg >= len(args):
            out.append(f"%!{verb}(MISSING)" if index is None else f"%!{verb}(BADINDEX)")
            arg += 1
            continue
        value = args[arg]
        arg += 1
        if prec:
            value = value[: int(prec)]
        if verb in "sv":
            out.append(_pad(value, flags, width or ""))
        elif verb == "q":
            out.append(_pad(go_quote(value), flags, width or ""))
        elif verb in "xX":
            hexed = value.encode("utf-8").hex()
            out.append(hexed.upper() if verb == "X" else hexed)
        else:
            out.append(f"%!{verb}(string={value})")
    return "".join(out)


def cond_sprintf(fmt: str, *values: str) -> str:
    """``core.CondSprintf``: Sprintf with an extra empty argument consumed by
    an explicit index at the end, so surplus values are not reported."""
    padded = [*values, ""]
    return sprintf(fmt + f"%[{len(padded)}]s", padded)


def format_message(message: str, *values: str) -> str:
    """``core.FormatMessage``."""
    return cond_sprintf(message, *values)


def to_sentence(words: Sequence[str], joiner: str = "or") -> str:
    """``core.ToSentence``: ``'a'``, ``'a' or 'b'``, ``'a', 'b', or 'c'``."""
    if len(words) == 1:
        return f"'{words[0]}'"
    if len(words) == 2:
        return f"'{words[0]}' or '{words[1]}'"
    quoted = [f"'{w}'" for w in words]
    if quoted:
        quoted[-1] = f"{joiner} {quoted[-1]}"
    return ", ".join(quoted)
