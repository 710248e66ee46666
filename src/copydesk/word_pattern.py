"""The lexicon's words of one text, found by the standard ``re`` module.

``word_guards.WORD`` (letters and marks, apostrophes between letters) is a
pattern of the ``regex`` module, whose ``\\p{L}`` and ``\\p{M}`` the standard
module lacks; ``regex`` takes about twice as long over a long prose. For
one text, the same pattern can be spelled out in the standard module with
the letters and marks the text holds (ASCII letters and the few wide ones
of an English prose), which matches there exactly what ``WORD`` matches:
a pattern reads only the characters a text has.
"""

from __future__ import annotations

import collections
import functools
import re

from copydesk import text_pieces
from copydesk.lazy_patterns import later_regex
from copydesk.wide_chars import wide_characters

_LETTER = later_regex(r"\p{L}")
_MARK = later_regex(r"\p{M}")


def word_pattern(text: str, *, capture: bool = False) -> re.Pattern[str]:
    """``word_guards.WORD`` for ``text`` (a piece of prose: its distinct
    characters are read), its match captured for a ``split`` if asked."""
    wide = wide_characters(text)  # not set(text): a read of every character
    letters = "".join(sorted(ch for ch in wide if _LETTER.match(ch)))
    marks = "".join(sorted(ch for ch in wide if _MARK.match(ch)))
    return _compiled(letters, marks, capture)


@functools.lru_cache(maxsize=64)
def _compiled(letters: str, marks: str, capture: bool) -> re.Pattern[str]:
    """The pattern for a text whose wide letters and marks are these (a
    function of them alone: texts with the same ones share it)."""
    letter = f"[A-Za-z{re.escape(letters)}]"
    inner = f"[A-Za-z{re.escape(letters + marks)}]"
    word = f"{letter}{inner}*(?:['’]{letter}{inner}*)*"
    return re.compile(f"({word})" if capture else word)


#: UTF-8 bytes to themselves where they may be part of a word (ASCII
#: letters, the apostrophe, every byte of a wide character), others (ASCII
#: digits, punctuation, spaces, controls) to a space: no word holds one.
_WORD_BYTES = bytes(
    b if b >= 0x80 or b == 0x27 or chr(b).isalpha() else 0x20 for b in range(256)
)


def word_counts(text: str) -> collections.Counter[str]:
    """How often each ``word_guards.WORD`` of ``text`` occurs, in the order
    of their first places, as ``word_pattern(text).findall(text)`` counted.

    The text's UTF-8, its bytes that no word holds made spaces, is split
    in C, a piece of the text at a time, and its tokens counted. The
    distinct tokens are decoded in one call (joined by line feeds, which no
    token holds): a token of letters alone is one word, all of it. The few
    others (an apostrophe, a wide character in them) are read by the
    pattern, each once; where a token is not its one word, its words take
    its place in the order and are counted as often as it. A token's words
    first stand where the token first does, so the order is the pattern's.
    The pattern over every piece made a string of each of the 1.5 M words
    of the 17 MB Markdown benchmark file: 0.36 s, a loop over the distinct
    tokens 0.19 s; over the corpus's 3,090 files that loop, a Python step per
    distinct token, took 1.0 s, the calls in C 0.5 s.
    """
    tokens: collections.Counter[bytes] = collections.Counter()
    for start, end in text_pieces.spaced_pieces(text):
        data = text[start:end].encode("utf-8", "surrogatepass")
        tokens.update(data.translate(_WORD_BYTES).split())
    if not tokens:
        return collections.Counter()
    joined = b"\n".join(tokens).decode("utf-8", "surrogatepass")
    strings = joined.split("\n")
    counts = dict(zip(strings, tokens.values(), strict=True))
    if joined.isascii() and "'" not in joined:
        return collections.Counter(counts)  # ASCII letters only: the words
    # The odd tokens' words, where they are not the token itself.
    split: dict[int, list[str]] = {}
    index = 0
    at = 0
    for odd in _ODD_TOKEN.finditer(joined):
        index += joined.count("\n", at, odd.start())
        at = odd.start()
        piece = odd.group()
        words = word_pattern(piece).findall(piece)
        if words != [piece]:
            split[index] = words
    if not split:
        return collections.Counter(counts)
    # In order: each odd token's words in its place; then the counts of
    # the rest, kept in place by ``update``; then the odd tokens' words.
    order: list[str] = []
    last = 0
    for index, words in split.items():
        order += strings[last:index]
        order += words
        last = index + 1
        del counts[strings[index]]
    order += strings[last:]
    out = dict.fromkeys(order, 0)
    out.update(counts)
    values = list(tokens.values())
    for index, words in split.items():
        for word in words:
            out[word] += values[index]
    return collections.Counter(out)


#: A token (a line of the joined tokens) that is not ASCII letters with
#: apostrophes between them (``don't``, the pattern's one word).
_ODD_TOKEN = re.compile(r"^(?![A-Za-z]+(?:'[A-Za-z]+)*$).+", re.MULTILINE)
