"""proselint's lexical-illusion check ("the the"), with its matches found in
time that grows with the text, not with the square of its longest word.

proselint finds them with one pattern run by the ``re`` module::

    (?<![A-Za-z'-])(\\w+(?:\\s+\\w+){0,3})(\\s+\\1)+(?![A-Za-z'-])

At every place the look-behind lets a match start, ``\\w+`` reads to the end
of the word before it can fail, so a word of n letters and digits
(``1a1a1a…``: the look-behind passes after each digit) costs n²/2 steps,
inside one C call that the file-timeout cannot stop (a megabyte: hours).

``matches`` gives the pattern's own matches, in order, another way:

- a match holds word characters and white space only (the two classes share
  no character, and no word character matches another kind ignoring case),
  so it never crosses any other character. Away from long words the text is
  searched with the pattern as is, in ranges that end just after such a
  character (the look-ahead still sees it);
- a stretch of word characters and white space holding a word longer than
  ``LONG`` is tried place by place with the pattern anchored there, and only
  at places where a match can start: the repeated phrase begins with the end
  of the word it starts in, and its copy begins at the start of one of the
  next four words, so the end of the word from there is no longer than the
  longest of them. The deadline is consulted between places, so what stays
  slow (two long words sharing long beginnings) is cut by the file-timeout.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from copydesk import deadline

#: proselint's pattern (``proselint.checks.lexical_illusions``), as its
#: ``Fancy`` engine compiles it: ignoring case.
PATTERN = r"(?<![A-Za-z'-])(\w+(?:\s+\w+){0,3})(\s+\1)+(?![A-Za-z'-])"
_ILLUSION = re.compile(PATTERN, re.IGNORECASE)
#: What may stand before a match's start (the pattern's look-behind).
_BARRED_BEFORE = re.compile(r"[A-Za-z'-]", re.IGNORECASE)
#: A word longer than this is searched place by place.
LONG = 64
_LONG_WORD = re.compile(rf"\w{{{LONG + 1},}}")
#: A stretch no match crosses the end of: word characters and white space.
_STRETCH = re.compile(r"[\w\s]+")
_WORD = re.compile(r"\w+")
#: The words after a match's first that its repeated phrase may hold.
_PHRASE_WORDS = 4


def matches(text: str, long: int = LONG) -> Iterator[re.Match[str]]:
    """The matches of ``PATTERN`` in ``text``, as ``finditer`` gives them
    (``long``: the word length past which a stretch is searched place by
    place; smaller in tests)."""
    long_word = _LONG_WORD if long == LONG else re.compile(rf"\w{{{long + 1},}}")
    if long_word.search(text) is None:
        yield from _ILLUSION.finditer(text)
        return
    searched = 0
    for stretch in _STRETCH.finditer(text):
        start, end = stretch.span()
        if long_word.search(text, start, end) is None:
            continue
        # up to just after the character that ends the stretch before
        yield from _ILLUSION.finditer(text, searched, start)
        yield from _placewise(text, start, end)
        searched = end
    yield from _ILLUSION.finditer(text, searched)


def _placewise(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The pattern's matches starting in ``text[start:end]``, a stretch of
    word characters and white space, tried only where one may start."""
    words = [m.span() for m in _WORD.finditer(text, start, end)]
    done = start  # where the last match ended
    for index, (first, last) in enumerate(words):
        following = words[index + 1 : index + 1 + _PHRASE_WORDS]
        if not following or last >= end:  # no white space, no word after
            continue
        longest = max(b - a for a, b in following)
        for at in range(max(first, last - longest, done), last):
            if at and _BARRED_BEFORE.match(text, at - 1):
                continue
            deadline.on_time()
            found = _ILLUSION.match(text, at)
            if found is not None:
                done = found.end()
                yield found
                break
