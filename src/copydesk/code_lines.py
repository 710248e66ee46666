"""Lines of code in running prose, told by a sign on the line itself.

A page that shows code without marking it as code (a plain-text draft, a
reST ``container`` holding a detection rule, an HTML ``<div>`` styled by a
class the reader cannot know) leaves it in the prose. Its quotes and
repeated tokens are syntax: ``alert ip any any -> any any (msg:"..."; sid:1;)``
repeats ``any`` and quotes each value. The checks that judge quotes and
doubled words ask here first and pass such a line over whole.

Only what prose never writes is a sign: an escaped quote or a JSON key and
its string value (in plain text only: markup has its own escapes), and in
any format a field of a rule or statement language, a key written against a
colon and a value closed by a semicolon (``content:"GET";``), the value
quoted, or one of two such fields, or the last before a closing bracket.
"""

from __future__ import annotations

from collections.abc import Iterator

from copydesk.lazy_patterns import later_re
from copydesk.lines import line_end, line_start

#: Signs plain text shows code by: an escaped quote (``"John \"Doe\""``)
#: or a JSON key and its string value (``{"dip":"::1"``).
_PLAIN_SIGN = later_re(r'\\["' "']" r'|"\s*:\s*"')
#: Fields of a statement: a key touching its colon and a value closed by a
#: semicolon, the value quoted (``content:"GET";``), or two unquoted ones in
#: a row with bare keywords between (``ttl:123; prefilter; sid:1;``), or one
#: closing a bracket (``(sid: 1;)``). Led by the colon, a literal the
#: scan skips to (a key first was a test at every character: 21 ms a MB);
#: the key is read back from it (``_KEY_BEFORE``).
_FIELD_SIGN = later_re(
    r':(?:"[^"\n]*";'
    r'|[^\s;"]+;(?:[ \t]*[\w.-]+;)*[ \t]*[A-Za-z_][\w.-]*:[^\s;"]+;'
    r'|[ \t]?[^\s;()"]+;[ \t]*\))'
)

#: A key touching a colon: a name not part of a longer token.
_KEY_BEFORE = later_re(r"(?<![\w.-])[A-Za-z_][\w.-]*\Z")
#: Characters of a key read back from its colon.
_KEY_REACH = 64


def _fields(prose: str, start: int = 0, end: int | None = None) -> Iterator[int]:
    """Where each statement field's colon stands in ``prose[start:end]``."""
    stop = len(prose) if end is None else end
    for found in _FIELD_SIGN.finditer(prose, start, stop):
        at = found.start()
        if _KEY_BEFORE.search(prose, max(start, at - _KEY_REACH), at):
            yield at


def _signs(prose: str, fmt: str) -> list[str]:
    """Which signs may be in ``prose`` (a substring test each, in C)."""
    kinds = []
    if fmt == "plain" and ("\\" in prose or ":" in prose):
        kinds.append("plain")
    if ":" in prose and ";" in prose:
        kinds.append("field")
    return kinds


def _logical_line(text: str, start: int, end: int) -> tuple[int, int]:
    """The line of ``text`` (the source: a reader may mask a backslash as
    an escape) holding ``start:end``, with the lines a backslash at a
    line's end joins to it, before and after ("alert tcp any any \\¶
    (msg:"..."; sid:1;)" is one statement)."""
    lo = line_start(text, start)
    while lo > 0 and text[line_start(text, lo - 1) : lo - 1].rstrip().endswith("\\"):
        lo = line_start(text, lo - 1)
    hi = line_end(text, end)
    while hi < len(text) and text[lo:hi].rstrip().endswith("\\"):
        hi = line_end(text, hi + 1)
    return lo, hi


def code_line_spans(text: str, prose: str, fmt: str) -> list[tuple[int, int]]:
    """(start, end) of each line whose ``prose`` holds a sign of code, in
    order, joined with the lines backslashes at their ends in ``text`` (the
    source) join to it."""
    kinds = _signs(prose, fmt)
    if not kinds:
        return []
    starts: list[int] = []
    if "plain" in kinds:
        starts.extend(found.start() for found in _PLAIN_SIGN.finditer(prose))
    if "field" in kinds:
        starts.extend(_fields(prose))
    spans: list[tuple[int, int]] = []
    for at in sorted(starts):
        if spans and at < spans[-1][1]:
            continue  # that line is known
        lo, hi = _logical_line(text, at, at)
        if spans and lo < spans[-1][1]:
            lo = spans.pop()[0]  # joined to the line before by a backslash
        spans.append((lo, hi))
    return spans


def on_code_line(text: str, prose: str, fmt: str, start: int, end: int) -> bool:
    """Whether ``start:end`` stands on a line whose ``prose`` holds a sign
    of code, or one joined to such a line by backslashes at line ends of
    ``text`` (the source)."""
    lo, hi = _logical_line(text, start, end)
    line = prose[lo:hi]
    if not _signs(line, fmt):
        return False
    if fmt == "plain" and _PLAIN_SIGN.search(line) is not None:
        return True
    return next(_fields(line), None) is not None
