"""RE2 prefilters for ``regex`` patterns: find every place a match may start.

RE2 scans a text in one linear pass, whatever the number of patterns, but it
lacks look-arounds, backreferences, possessive quantifiers and Unicode
``\\w``. ``superset`` rewrites a ``regex`` (VERSION0) pattern into RE2 syntax
that matches at least everything the original matches: look-arounds and
word edges are dropped, possessive and atomic forms become greedy ones,
counted loops are loosened, and Unicode classes admit every non-ASCII
character (which also keeps the RE2 program small). A construct it cannot
widen safely (backreferences, negated Unicode classes, conditionals, global
flags other than case) makes it give up with None; callers then try every
place. The real pattern always has the last word, so a loose prefilter costs
time, never findings.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from copydesk.lazy_patterns import later_re

#: Every non-ASCII character: the stand-in for the non-ASCII part of any
#: Unicode class.
_WIDE = r"\x{80}-\x{10FFFF}"
_WORD = "0-9A-Za-z_" + _WIDE
_DIGIT = "0-9" + _WIDE
_SPACE = r"\t-\r \x{1C}-\x{1F}" + _WIDE
#: The ASCII part of the Unicode properties tokens use; others admit anything.
_PROPERTY_ASCII = {
    "L": "A-Za-z",
    "Lu": "A-Z",
    "Ll": "a-z",
    # Case-insensitive ``regex`` lets a titlecase class match any letter.
    "Lt": "A-Za-z",
    "Lm": "A-Za-z",
    "Lo": "A-Za-z",
    "M": "",
    "Mn": "",
    "Mc": "",
    "Me": "",
    "N": "0-9",
    "Nd": "0-9",
    "Pc": "_",
    "Z": " ",
    "Zs": " ",
}
_ANY = r"\x{0}-\x{10FFFF}"
#: ``regex`` ignoring case takes i, I, İ and ı for one letter; RE2 does not.
_DOTTED_I = "iIİı"
_TURKIC_I = r"\x{130}\x{131}"
#: The start of a positive class up to where more members can go: a first
#: "]" or "-" is a literal that must stay first.
_CLASS_HEAD = later_re(r"\[\]?-?")
#: Zero-width escapes; dropping one only widens the match.
_DROPPED_ESCAPES = frozenset("bBGKmM")
_SIMPLE_ESCAPES = frozenset("ntrfva")
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
_COUNT = later_re(r"\{(\d*)(?:,(\d*))?\}")
_PROPERTY = later_re(r"[pP](?:\{(\^?)([A-Za-z_&]+)\}|([A-Za-z]))")
_HEX = later_re(r"x(?:\{[0-9A-Fa-f]{1,6}\}|[0-9A-Fa-f]{2})")
_NAMED_GROUP = later_re(r"\(\?P?<[A-Za-z_]\w*>")
_SCOPED_FLAGS = later_re(r"\(\?(i?)(?:-(i))?:")
#: Largest RE2 program a prefilter may compile to; beyond it RE2's DFA runs
#: out of memory and falls back to a slow engine.
MAX_PROGRAM = 60_000


class _GiveUpError(Exception):
    """The pattern has a construct without a safe RE2 superset."""


#: Supersets worked out so far, by pattern. Those of the shipped rules are
#: read ready-made (``remember``; ``rules/supersets.pickle``, which
#: ``python -m copydesk.rule_index`` writes): rewriting them all took a few
#: ms of every run's start.
_KNOWN: dict[str, str | None] = {}
#: Every pattern asked for in this process (what the index must hold).
_ASKED: set[str] = set()


def superset(pattern: str) -> str | None:
    """An RE2 pattern matching at least what ``pattern`` matches, or None."""
    _ASKED.add(pattern)
    try:
        return _KNOWN[pattern]
    except KeyError:
        found = _KNOWN[pattern] = rewrite(pattern)
        return found


def rewrite(pattern: str) -> str | None:
    """``superset`` worked out afresh."""
    try:
        body, end = _Reader(pattern).sequence(0)
    except _GiveUpError:
        return None
    return body if end == len(pattern) else None


def remember(table: Mapping[str, str | None]) -> None:
    """Take ``table`` (pattern → superset, as ``rewrite`` gives them) as known."""
    _KNOWN.update(table)


def asked() -> list[str]:
    """The patterns asked for in this process, sorted."""
    return sorted(_ASKED)


def scanner_options(*, ignorecase: bool) -> Any:
    """The RE2 options of every prefilter: a scanner's and a set's."""
    import re2

    options = re2.Options()
    options.case_sensitive = not ignorecase
    options.max_mem = 64 << 20
    options.log_errors = False  # a refused pattern falls back; stderr stays clean
    return options


def compile_scanner(
    pattern: str, *, ignorecase: bool, max_program: int | None = MAX_PROGRAM
) -> Any | None:
    """The compiled RE2 scanner, or None when RE2 rejects it or its program
    is bigger than ``max_program`` instructions."""
    import re2

    try:
        compiled = re2.compile(pattern, scanner_options(ignorecase=ignorecase))
    except re2.error:
        return None
    if max_program is not None and compiled.programsize > max_program:
        return None
    return compiled


class _Reader:
    """A one-pass rewriter over the pattern text (recursive at groups)."""

    def __init__(self, pattern: str) -> None:
        self.text = pattern

    def sequence(self, pos: int, *, nested: bool = False) -> tuple[str, int]:
        """Rewrite up to the ``)`` that closes the current group (or the end)."""
        text = self.text
        out: list[str] = []
        while pos < len(text):
            ch = text[pos]
            if ch == ")":
                if not nested:
                    raise _GiveUpError
                return "".join(out), pos
            if ch == "\\":
                piece, pos = self.escape(pos, in_class=False)
            elif ch == "[":
                piece, pos = self.char_class(pos)
            elif ch == "(":
                piece, pos = self.group(pos)
            elif ch in "*+?":
                piece, pos = ch + self.lazy(pos + 1), self.after_quantifier(pos + 1)
            elif ch == "{":
                piece, pos = self.count(pos)
            elif ch in _DOTTED_I:
                piece, pos = f"[{_DOTTED_I}]", pos + 1
            else:
                piece, pos = ch, pos + 1
            if not piece and pos < len(text) and text[pos] in "*+?{":
                pos = self.skip_quantifier(pos)  # a repeated zero-width item
            out.append(piece)
        if nested:
            raise _GiveUpError
        return "".join(out), pos

    def skip_quantifier(self, pos: int) -> int:
        """Past the quantifier at ``pos`` (and its lazy or possessive mark)."""
        if self.text[pos] == "{":
            found = _COUNT.match(self.text, pos)
            if found is None:
                raise _GiveUpError
            return self.after_quantifier(found.end())
        return self.after_quantifier(pos + 1)

    def lazy(self, pos: int) -> str:
        return "?" if self.text[pos : pos + 1] == "?" else ""

    def after_quantifier(self, pos: int) -> int:
        """Skip a possessive ``+`` or lazy ``?`` mark (the latter is re-emitted)."""
        return pos + 1 if self.text[pos : pos + 1] in ("+", "?") else pos

    def count(self, pos: int) -> tuple[str, int]:
        """``{m,n}``: RE2 unrolls counted loops, so a looser loop is used."""
        found = _COUNT.match(self.text, pos)
        if found is None or (not found.group(1) and found.group(2) is None):
            raise _GiveUpError  # a literal brace or fuzzy matching: not ours to guess
        low = int(found.group(1) or "0")
        loop = "*" if low == 0 else "+" if low == 1 or low > 3 else f"{{{low},}}"
        end = found.end()
        return loop + self.lazy(end), self.after_quantifier(end)

    def group(self, pos: int) -> tuple[str, int]:
        text = self.text
        if not text.startswith("(?", pos):
            return self.wrap(pos + 1, "(?:")
        kind = text[pos + 2 : pos + 4]
        if kind[:1] in ("=", "!") or kind in ("<=", "<!"):
            body_start = pos + (3 if kind[:1] in ("=", "!") else 4)
            _, end = self.sequence(body_start, nested=True)
            return "", end + 1  # a look-around: dropped
        if kind[:1] in (":", ">"):
            return self.wrap(pos + 3, "(?:")
        if kind[:1] == "#":
            close = text.find(")", pos)
            if close < 0:
                raise _GiveUpError
            return "", close + 1
        named = _NAMED_GROUP.match(text, pos)
        if named is not None:
            return self.wrap(named.end(), "(?:")
        scoped = _SCOPED_FLAGS.match(text, pos)
        if scoped is not None and (scoped.group(1) or scoped.group(2)):
            flags = scoped.group(1) + ("-i" if scoped.group(2) else "")
            return self.wrap(scoped.end(), f"(?{flags}:")
        raise _GiveUpError  # global flags, conditionals, recursion, branch reset

    def wrap(self, start: int, opener: str) -> tuple[str, int]:
        body, end = self.sequence(start, nested=True)
        return f"{opener}{body})", end + 1

    def escape(self, pos: int, *, in_class: bool) -> tuple[str, int]:
        text = self.text
        if pos + 1 >= len(text):
            raise _GiveUpError
        ch = text[pos + 1]
        wide = {"d": _DIGIT, "w": _WORD, "s": _SPACE}.get(ch)
        if wide is not None:
            return (wide if in_class else f"[{wide}]"), pos + 2
        if ch in "DWS" or ch in _SIMPLE_ESCAPES:
            return "\\" + ch, pos + 2
        if not in_class and ch in _DROPPED_ESCAPES:
            return "", pos + 2
        if not in_class and ch in "AZ":
            return ("\\A" if ch == "A" else "\\z"), pos + 2
        if ch in "pP":
            return self.unicode_property(pos, in_class=in_class)
        if ch == "x":
            found = _HEX.match(text, pos + 1)
            if found is None:
                raise _GiveUpError
            return "\\" + found.group(), found.end()
        if ch in "uU":
            digits = 4 if ch == "u" else 8
            code = text[pos + 2 : pos + 2 + digits]
            if len(code) != digits or not all(
                c in "0123456789abcdefABCDEF" for c in code
            ):
                raise _GiveUpError
            return f"\\x{{{code}}}", pos + 2 + digits
        if ch.isalnum() or ch == "_":
            raise _GiveUpError  # backreferences, \N{...}, octal and the like
        return "\\" + ch, pos + 2

    def unicode_property(self, pos: int, *, in_class: bool) -> tuple[str, int]:
        found = _PROPERTY.match(self.text, pos + 1)
        if found is None:
            raise _GiveUpError
        negated = found.group()[0] == "P" or bool(found.group(1))
        if negated:
            # RE2's Unicode tables differ from ``regex``'s: any character.
            if in_class:
                raise _GiveUpError
            return f"[{_ANY}]", found.end()
        name = found.group(2) or found.group(3)
        ascii_part = _PROPERTY_ASCII.get(name)
        body = _ANY if ascii_part is None else ascii_part + _WIDE
        return (body if in_class else f"[{body}]"), found.end()

    def char_class(self, pos: int) -> tuple[str, int]:
        """A ``[...]`` class; a negated one must not hold a widened part."""
        text = self.text
        out = ["["]
        pos += 1
        negated = text[pos : pos + 1] == "^"
        if negated:
            out.append("^")
            pos += 1
        first = True
        while pos < len(text):
            ch = text[pos]
            if ch == "]" and not first:
                body = "".join(out)
                if not negated and _WIDE not in body:
                    # Cased like i and I for ``regex``; put first, where no
                    # range can take them in ("[a-]" ends with a literal -).
                    head = _CLASS_HEAD.match(body)
                    assert head is not None
                    body = head.group() + _TURKIC_I + body[head.end() :]
                return body + "]", pos + 1
            first = False
            if ch == "[" or (ch in "&~|-" and text[pos + 1 : pos + 2] == ch):
                raise _GiveUpError  # nested sets and set operations
            if ch == "\\":
                escaped = text[pos + 1 : pos + 2]
                if negated and escaped in ("d", "w", "s", "D", "W", "S", "p", "P"):
                    raise _GiveUpError
                piece, pos = (
                    ("\\x08", pos + 2)
                    if escaped == "b"
                    else self.escape(pos, in_class=True)
                )
                out.append(piece)
                continue
            out.append(ch)
            pos += 1
        raise _GiveUpError
