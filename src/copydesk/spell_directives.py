"""The spell-checker directives a document already carries (cSpell's).

Docs repositories that run cSpell write its directives into their pages: a
``cSpell:ignore fluentd quantile`` line in the front matter or a comment
(the words the project has accepted for this page), and ``cspell:disable``
... ``cspell:enable`` around a list of contributors or a pasted transcript
(``disable-line`` and ``disable-next-line`` for one line). A word the
page's own directive accepts is not a typo, and the lexicon rule would
repeat a verdict the project has already made, so it reads them as cSpell
does: words case-insensitively, regions by line.

The directives are read in the source (front matter and comments are masked
out of the prose view); a page without "pell" in it (every directive's name
holds it, in some case) costs one search, with no copy of the text.
"""

import bisect
from typing import NamedTuple

from copydesk.document import Analysis, Document
from copydesk.lazy_patterns import later_re, later_regex
from copydesk.lines import line_end, line_start

#: A directive: cSpell's documented names (``cspell``, ``spell-checker``,
#: ``spellchecker``; a bare ``spell:`` is prose, "cast his spell: disable
#: the wards"), a colon and the command; a word list runs to the line's end
#: (where a comment's closer is cut off), so a second command on the line
#: ("cspell:disable --> Zbigniew <!-- cspell:enable") is read too.
_DIRECTIVE = later_regex(
    r"(?i)\b(?:cspell|spell-?checker):[ \t]*"
    r"(?:(ignore|words)\b:?([^\n]*)"
    r"|(disable-next-line|disable-line|disable|enable)\b)"
)
#: What every directive's name holds, in any case.
_PELL = later_re(r"(?i)pell")
#: A word of an ``ignore`` or ``words`` list.
_WORD = later_regex(r"[\p{L}\p{N}][\p{L}\p{N}'’_-]*")
#: What closes the comment or shortcode a directive sits in.
_CLOSERS = ("-->", "*/", "{{<", "{{%", "#}", "%}")


class Directives(NamedTuple):
    """A document's cSpell directives, read once."""

    #: Words accepted for the page, case-folded.
    words: frozenset[str]
    #: Disabled ranges of source offsets, sorted and disjoint: (start, end).
    disabled: tuple[tuple[int, int], ...]

    def disables(self, offset: int) -> bool:
        """Whether ``offset`` lies in a disabled range."""
        i = bisect.bisect_right(self.disabled, offset, key=_start)
        return i > 0 and offset < self.disabled[i - 1][1]

    def accepts(self, word: str) -> bool:
        """Whether the page's ``ignore``/``words`` list holds ``word``."""
        return word.casefold() in self.words


NONE = Directives(frozenset(), ())


def read(text: str) -> Directives:
    """The directives written in ``text`` (a document's source)."""
    # A search in C, no lower-cased copy of a long text: every directive
    # name holds "pell" in some case (cspell, cSPell, spell-checker).
    if _PELL.search(text) is None:
        return NONE
    words: set[str] = set()
    disabled: list[tuple[int, int]] = []
    opened: int | None = None
    for m in _DIRECTIVE.finditer(text):
        if m.group(1) is not None:  # ignore, words
            rest = m.group(2)
            for closer in _CLOSERS:
                rest = rest.split(closer, 1)[0]
            words.update(w.group().casefold() for w in _WORD.finditer(rest))
            continue
        command = m.group(3).lower()
        if command == "disable":
            if opened is None:
                opened = line_start(text, m.start())
        elif command == "enable":
            if opened is not None:
                disabled.append((opened, line_end(text, m.end())))
                opened = None
        elif command == "disable-line":
            disabled.append((line_start(text, m.start()), line_end(text, m.end())))
        else:  # disable-next-line
            after = line_end(text, m.end())
            if after < len(text):
                disabled.append((after + 1, line_end(text, after + 1)))
    if opened is not None:
        disabled.append((opened, len(text)))
    return Directives(frozenset(words), _merged(disabled))


def _merged(ranges: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """``ranges`` sorted, overlapping ones joined (a ``disable-line`` inside
    a disabled region)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)


def _start(span: tuple[int, int]) -> int:
    """A range's start: the key the disabled ranges are searched by."""
    return span[0]


class SpellDirectives(Analysis[Directives]):
    """The document's cSpell directives (see the module docstring)."""

    @classmethod
    def compute(cls, doc: Document) -> Directives:
        return read(doc.text)


def allowed(doc: Document, start: int, word: str) -> bool:
    """Whether the page's own cSpell directives let ``word`` at ``start``
    stand: its ``ignore`` list holds it, or its line is disabled."""
    directives = doc.get(SpellDirectives)
    return directives.accepts(word) or directives.disables(start)
