"""The token loop shared by the two small expression languages (filters and
metric formulas): one regex with named groups, matched repeatedly."""

from __future__ import annotations

import re

__all__ = ["lex"]


def lex(
    pattern: re.Pattern[str], text: str, error: type[ValueError]
) -> list[tuple[str, str]]:
    """``(group name, text)`` pairs covering ``text``; ``error`` for the rest."""
    out: list[tuple[str, str]] = []
    pos = 0
    while pos < len(text):
        match = pattern.match(text, pos)
        if match is None or match.end() == pos:
            raise error(f"unexpected {text[pos : pos + 10]!r}")
        kind = match.lastgroup or "op"
        out.append((kind, match.group(kind)))
        pos = match.end()
    return out
