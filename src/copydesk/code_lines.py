"""Lines of code in running prose, told by signs on the line itself.

A page that shows code without marking it as code (a plain-text draft, a
reST ``container`` holding a detection rule, an HTML ``<div>`` styled by a
class the reader cannot know) leaves it in the prose. Its quotes and
repeated tokens are syntax: ``alert ip any any -> any any (msg:"..."; sid:1;)``
repeats ``any`` and quotes each value. The checks that judge quotes and
doubled words ask here first and pass such a line over whole.

Only what prose never writes is a sign: an escaped quote or a JSON key and
its string value (in plain text only: markup has its own escapes), and in
any format a statement, a line holding a field (a key written against a
colon and a value closed by a semicolon: ``content:"GET";``, two
``key:value;`` fields, or one closing a bracket) that ends as a statement
does, on a semicolon or a bracket. Prose that mentions a field goes on in
words ("style it with color:red; margin:0; and the text turns red"): its
line is no statement, and its slips stay reported.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from copydesk.document import Analysis, Document
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
#: the key is read back from it (``_KEY_BEFORE``). Every run is bounded: a
#: timetable's "00:00,00:05,..." has a colon every few characters.
_FIELD_SIGN = later_re(
    r':(?:"[^"\n]{0,200}";'
    r"|[^\s;\"]{1,64};(?:[ \t]*[\w.-]{1,64};){0,8}[ \t]*[A-Za-z_][\w.-]{0,63}"
    r":[^\s;\"]{1,64};"
    r'|[ \t]?[^\s;()"]{1,64};[ \t]*\))'
)
#: A field whose quoted value runs on past the line's end.
_FIELD_OPENED = later_re(r'(?<![\w.-])[A-Za-z_][\w.-]{0,63}:"[^"\n]{0,200}\Z')
#: A key touching a colon: a name not part of a longer token.
_KEY_BEFORE = later_re(r"(?<![\w.-])[A-Za-z_][\w.-]*\Z")
#: Characters of a key read back from its colon.
_KEY_REACH = 64
#: How a statement's line ends (its continuation backslash aside).
_STATEMENT_ENDS = ";()"


def _fields(prose: str, start: int = 0, end: int | None = None) -> Iterator[int]:
    """Where each statement field's colon stands in ``prose[start:end]``."""
    stop = len(prose) if end is None else end
    for found in _FIELD_SIGN.finditer(prose, start, stop):
        at = found.start()
        if _KEY_BEFORE.search(prose, max(start, at - _KEY_REACH), at):
            yield at


def _logical_line(text: str, at: int, floor: int = 0) -> tuple[int, int]:
    """The line of ``text`` (the source: a reader may mask a backslash as
    an escape) holding ``at``, with the lines a backslash at a line's end
    joins to it, before (not before ``floor``) and after: "alert tcp any
    any \\¶ (msg:"..."; sid:1;)" is one statement."""
    lo = line_start(text, at)
    while lo > floor and _continued(text, lo - 1):
        lo = line_start(text, lo - 1)
    hi = line_end(text, at)
    while hi < len(text) and _continued(text, hi):
        hi = line_end(text, hi + 1)
    return lo, hi


def _continued(text: str, end: int) -> bool:
    """Whether the line ending at ``end`` ends in a backslash (spaces aside)."""
    at = end
    while at > 0 and text[at - 1] in " \t\r":
        at -= 1
    return at > 0 and text[at - 1] == "\\"


def _ends_a_statement(text: str, prose: str, lo: int, hi: int) -> bool:
    """Whether the logical line ``lo:hi`` ends as a statement does: on a
    semicolon or a bracket, its continuation backslashes and spaces aside."""
    at = hi
    while at > lo and (prose[at - 1].isspace() or text[at - 1] == "\\"):
        at -= 1
    return at > lo and prose[at - 1] in _STATEMENT_ENDS


def code_line_spans(text: str, prose: str, fmt: str) -> list[tuple[int, int]]:
    """(start, end) of each line whose ``prose`` holds a sign of code, in
    order, joined with the lines backslashes at their ends in ``text`` (the
    source) join to it. Each line is read once, whatever the signs on it."""
    plain = fmt == "plain" and ("\\" in prose or ":" in prose)
    fields = ":" in prose and ";" in prose
    if not plain and not fields:
        return []
    signs: list[tuple[int, bool]] = []
    if plain:
        signs.extend((found.start(), True) for found in _PLAIN_SIGN.finditer(prose))
    if fields:
        signs.extend((at, False) for at in _fields(prose))
    spans: list[tuple[int, int]] = []
    line: tuple[int, int] | None = None  # the logical line read last
    for at, certain in sorted(signs):
        if line is None or at >= line[1]:
            line = _logical_line(text, at, line[1] if line else 0)
        if spans and spans[-1][1] == line[1]:
            continue  # that line is known
        if certain or _ends_a_statement(text, prose, *line):
            spans.append(_with_field_opened_before(prose, line, spans))
    return spans


def _with_field_opened_before(
    prose: str, line: tuple[int, int], spans: list[tuple[int, int]]
) -> tuple[int, int]:
    """``line`` and the line before it where that one ends inside a field's
    quoted value (``(msg:"Outdated Firefox on`` ¶ ``Windows"; sid:1;)``):
    a statement wrapped without a backslash."""
    lo, hi = line
    if lo == 0 or (spans and spans[-1][1] >= lo - 1):
        return line
    before = line_start(prose, lo - 1)
    if _FIELD_OPENED.search(prose, before, lo - 1) is None:
        return line
    return before, hi


class CodeLineSpans(Analysis[list[tuple[int, int]]]):
    """The document's lines of code (``code_line_spans``), found once for
    every doubled word asked about."""

    @classmethod
    def compute(cls, doc: Document) -> list[tuple[int, int]]:
        return code_line_spans(doc.text, doc.prose, doc.format)


def on_code_line(doc: Document, start: int, end: int) -> bool:
    """Whether ``start:end`` stands on a line of code of ``doc``."""
    spans = doc.get(CodeLineSpans)
    if not spans:
        return False
    index = bisect.bisect_right(spans, (start, len(doc.text) + 1)) - 1
    return index >= 0 and spans[index][0] <= start and end <= spans[index][1]
