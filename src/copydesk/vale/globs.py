"""Vale's glob patterns: config sections, ``--glob`` and ``Transform`` keys.

Vale matches a section name against the path it lints, as given on the
command line or found by walking (``docs/a.md``). ``*`` crosses ``/`` (gobwas
glob without separators), so ``[*.md]`` matches Markdown files in every
folder; ``{md,txt}`` lists alternatives (nestable); ``[!abc]``/``[^abc]`` and
ranges are classes; ``\\`` escapes. A pattern holding ``**`` uses doublestar
semantics instead (``*`` stops at ``/``, ``**`` spans folders). A leading
``!`` negates the pattern (``--glob='!*.txt'``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

__all__ = ["Glob", "GlobError"]


class GlobError(ValueError):
    """A pattern Vale would refuse to compile."""


def _translate(pattern: str, doublestar: bool) -> str:
    out: list[str] = []
    depth = 0
    i = 0
    size = len(pattern)
    while i < size:
        c = pattern[i]
        if c == "\\" and i + 1 < size:
            out.append(re.escape(pattern[i + 1]))
            i += 2
            continue
        if c == "*":
            if doublestar and pattern.startswith("**", i):
                i += 2
                if i < size and pattern[i] == "/":
                    out.append("(?:.*/)?")
                    i += 1
                else:
                    out.append(".*")
                continue
            out.append("[^/]*" if doublestar else ".*")
        elif c == "?":
            out.append("[^/]" if doublestar else ".")
        elif c == "[":
            end = pattern.find("]", i + 2)
            if end < 0:
                raise GlobError(f"unclosed '[' in {pattern!r}")
            body = pattern[i + 1 : end]
            negate = body[:1] in ("!", "^")
            if negate:
                body = body[1:]
            body = body.replace("\\", "\\\\")
            out.append("[" + ("^" if negate else "") + body + "]")
            i = end
        elif c == "{":
            depth += 1
            out.append("(?:")
        elif c == "}" and depth:
            depth -= 1
            out.append(")")
        elif c == "," and depth:
            out.append("|")
        else:
            out.append(re.escape(c))
        i += 1
    if depth:
        raise GlobError(f"unclosed '{{' in {pattern!r}")
    return "".join(out)


@functools.lru_cache(maxsize=512)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?s:" + _translate(pattern, "**" in pattern) + r")\Z")


@dataclass(frozen=True, slots=True)
class Glob:
    """One pattern, possibly negated."""

    pattern: str
    negated: bool = False

    @classmethod
    def compile(cls, text: str) -> Glob:
        """Parse ``text`` (raises GlobError)."""
        negated = text.startswith("!")
        pattern = text.lstrip("!") if negated else text
        _compiled(pattern)
        return cls(pattern, negated)

    def match(self, path: str) -> bool:
        """Whether ``path`` (any separator) matches."""
        found = _compiled(self.pattern).match(path.replace("\\", "/")) is not None
        return found != self.negated
