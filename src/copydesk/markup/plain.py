"""Plain text: all of it is prose, except directive lines, bare addresses and
pasted diffs.

A directive is a line holding only ``copydesk: disable=RULE`` (or ``enable``,
``disable-next-line``, ``ignore-file``), optionally after ``#`` or ``//`` so it
reads as a comment in config-like text. Directive lines are masked so the
linter never flags its own instructions. Bare URLs, e-mail addresses and file
paths are masked as Markdown masks its autolinks: they are addresses, and a
fix there would break them (``copydesk.markup.bare_links``). A lone surrogate
reads as U+FFFD, the replacement character. The hunks of a unified diff
(a patch saved as text) are program text and masked too
(``copydesk.markup.diff_hunks``), and so is all of a script saved as text
(its first line a ``#!``) and of a word list. A text that reStructuredText's
own marks show to be reST (a Sphinx project's ``.txt`` sources) is read as
reST.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Iterator, Sequence

from copydesk.document import Block, Directive, split_paragraphs
from copydesk.lazy_patterns import later_re
from copydesk.lines import LineIndex, next_line_end
from copydesk.markup import Parsed
from copydesk.markup._directives import MARKER, parse
from copydesk.markup._mask import ProseBuilder, decoded, has_surrogate, mask_all
from copydesk.markup.bare_links import link_spans
from copydesk.markup.diff_hunks import hunk_spans

#: A directive line. A line starts after LF, CRLF or a lone CR, as
#: everywhere in copydesk (``(?m)^`` alone knows only LF).
_LINE = re.compile(
    r"(?:\A|(?<=[\r\n]))[ \t]*(?:(?:#|//)[ \t]*)?(copydesk:[^\r\n]*)(?=[\r\n]|\Z)"
)


def read(text: str) -> Parsed:
    """Read plain text; paragraphs are separated by blank lines. A text
    whose first line is an interpreter's (``#!/bin/sh``) is a script saved
    as text (``autobuild.txt``): all of it is code; so is a word list (a
    spell checker's ``spelling_wordlist.txt``, a project's ``dict.txt``):
    its words are listed as accepted, not written as prose."""
    whole = _read_whole(text)
    return _read(text) if whole is None else whole


def _read_whole(text: str) -> Parsed | None:
    """The reading of a text that is not read as plain text in pieces: a
    script or a word list (all masked) or reST (read as reST); None for
    plain text."""
    if _SHEBANG.match(text) or _word_list(text):
        return Parsed(mask_all(text), (), (), ())
    if _restructured(text):
        from copydesk.markup import rst  # docutils: only for such a text

        return rst.read(text)
    return None


#: reStructuredText's own marks: a directive or a hyperlink target's line
#: (``.. code-block:: python``, ``.. _guide:``), an interpreted role
#: (``:ref:`guide```), a literal block's ``::`` ending a line.
_RST_DIRECTIVE = later_re(
    r"(?m)^[ \t]*\.\. (?:[\w-]+(?::[\w-]+)?::|_[\w -]+:)(?:[ \t]|$)"
)
_RST_ROLE = later_re(r":[a-z][\w-]*(?::[a-z][\w-]*)?:`[^`\n]+`")
_RST_LITERAL = later_re(r"(?m)::[ \t]*\r?\n[ \t]*\r?\n[ \t]+\S")
#: Marks of two kinds at least, or this many directives.
_RST_DIRECTIVES = 3


def _restructured(text: str) -> bool:
    """Whether a text saved as ``.txt`` is reStructuredText: Sphinx projects
    keep their sources so (Django's ``docs/*.txt``), and a man page for
    rst2man is one. Read as plain text, its literal blocks would be prose.
    Told by reST's own marks, which a draft never holds: two kinds of
    directive or target lines, roles and literal blocks, or several
    directives."""
    if ".. " not in text and ":`" not in text:
        return False
    directives = len(_RST_DIRECTIVE.findall(text, 0, _RST_SNIFF))
    kinds = (
        (directives > 0)
        + (_RST_ROLE.search(text, 0, _RST_SNIFF) is not None)
        + (_RST_LITERAL.search(text, 0, _RST_SNIFF) is not None)
    )
    return kinds >= 2 or directives >= _RST_DIRECTIVES


#: How far into a text its marks are looked for.
_RST_SNIFF = 200_000


#: Lines a word list holds at least, and the share of them one word each.
_LIST_LINES = 10
_LIST_SHARE = 0.9


def _word_list(text: str) -> bool:
    """Whether ``text`` lists words one a line: nearly every line that is
    not blank or a ``#`` comment is one token, and none is a sentence (a
    scraped page's menu lines, "Home", "Share", sit among its paragraphs:
    its debris is for the checks to find)."""
    single = entries = 0
    for line in text.splitlines():
        words = line.split()
        if not words or words[0].startswith("#"):
            continue
        if len(words) > _LIST_ENTRY_WORDS:
            return False  # a sentence: no list (most texts stop at their first)
        entries += 1
        single += len(words) == 1
    return entries >= _LIST_LINES and single >= _LIST_SHARE * entries


#: The most words an entry of a word list holds ("New York").
_LIST_ENTRY_WORDS = 3


def _read(text: str) -> Parsed:
    """Read plain text that is no script (a window of a larger text too)."""
    directives, lines = _directives(text) if MARKER in text else ([], [])
    masked = sorted([*lines, *link_spans(text), *hunk_spans(text)])
    unpaired = has_surrogate(text)
    if not masked and not unpaired:
        return _parsed(text, split_paragraphs(text), ())
    builder = ProseBuilder(text)
    pos = 0
    for start, end in masked:
        builder.reveal(pos, start)
        pos = max(pos, end)
    builder.reveal(pos, len(text))
    prose = builder.build()
    if unpaired:
        prose = decoded(prose)
    return _parsed(prose, split_paragraphs(prose), directives, text)


#: A script's first line: an interpreter's path after ``#!``.
_SHEBANG = later_re(r"#![ \t]*/")


def _directives(text: str) -> tuple[list[Directive], list[tuple[int, int]]]:
    """The directives of ``text`` and the spans of their lines."""
    directives: list[Directive] = []
    masked: list[tuple[int, int]] = []
    lines = LineIndex(text)
    for match in _LINE.finditer(text):
        start, end = match.span()
        directive = parse(match.group(1), lines.line(start), start, end)
        if directive is not None:
            directives.append(directive)
            masked.append((start, end))
    return directives, masked


def _parsed(
    prose: str,
    blocks: list[Block],
    directives: Sequence[Directive],
    text: str | None = None,
) -> Parsed:
    """The view, with a break where each paragraph of the text starts (but at
    offset 0): plain text is read line by line, so only a paragraph cut in
    two would read otherwise. (A directive line has text, though its view is
    blank: ``text`` is given when the view differs.)"""
    paragraphs = blocks if text is None else split_paragraphs(text)
    breaks = tuple(block.start for block in paragraphs if block.start)
    return Parsed(prose, tuple(blocks), tuple(directives), breaks)


def read_windows(
    text: str, size: int, workers: int = 1, lines: LineIndex | None = None
) -> Iterator[tuple[int, Parsed]]:
    """``text`` read in pieces of about ``size`` characters, each cut where a
    paragraph starts, with its offset (in this process whatever ``workers``
    allows: reading plain text is a small part of checking it; ``lines``
    is left to be built when asked)."""
    del workers, lines
    start, total = 0, len(text)
    whole = _read_whole(text)
    if whole is not None:
        yield 0, whole  # a script, a word list, reST: read whole, once
        return
    hunks = hunk_spans(text)
    while start < total:
        cut = _paragraph_after(text, start + size)
        inside = _hunk_around(hunks, cut)
        while inside is not None:
            cut = _paragraph_after(text, inside)  # never cut a hunk in two
            inside = _hunk_around(hunks, cut)
        yield start, _read(text[start:cut])
        start = cut


def _hunk_around(hunks: Sequence[tuple[int, int]], pos: int) -> int | None:
    """The end of the hunk that ``pos`` falls strictly inside, if any."""
    last = bisect.bisect_left(hunks, pos, key=operator.itemgetter(0)) - 1
    if last >= 0 and pos < hunks[last][1]:
        return hunks[last][1]
    return None


def _paragraph_after(text: str, pos: int) -> int:
    """The start of the first line after ``pos`` that has text and follows a
    blank line (the text's end when there is none)."""
    total = len(text)
    if pos >= total:
        return total
    _, line = next_line_end(text, pos, total)
    blank = False
    while line < total:
        end, following = next_line_end(text, line, total)
        has_text = bool(text[line:end].strip())
        if has_text and blank:
            return line
        blank = not has_text
        line = following
    return total
