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

import functools
import re

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
