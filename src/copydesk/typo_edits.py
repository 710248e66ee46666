"""Corrections for a word that is not in the lexicon, ranked as typists err.

A plain edit distance ranks ``filterd`` → ``filter`` (one deletion) with
``filtered`` (one insertion), and ``wasnt`` → ``want`` with ``wasn't``.
People make some slips far more often than others, so each edit has a cost
by its kind and place: a dropped apostrophe, a doubled or undoubled letter, a
swap of neighbours and a key next to the intended one are cheap; a vowel for
a vowel or a sound-alike letter is cheaper than an arbitrary letter. The
cheapest candidates are then ordered by how common they are, so the right
word comes first. Candidates are at most two edits away, and two-edit ones
only for longer words (short words have too many two-edit neighbours).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Final

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_VOWELS = frozenset("aeiouy")
#: Letters readers confuse by sound: c/k/s, s/z, i/y, f/v, g/j.
_SOUND_ALIKE = frozenset(
    {("c", "k"), ("c", "s"), ("s", "z"), ("i", "y"), ("f", "v"), ("g", "j")}
    | {("s", "ß"), ("a", "ä"), ("o", "ö"), ("u", "ü")}
)
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
#: Letters a typist of each language may have meant.
ALPHABETS = {"en": _ALPHABET, "de": _ALPHABET + "äöüß"}

#: Costs of one edit that turns the typo into the candidate. Each kind has
#: its own cost, so a one-edit candidate's cost also says what the slip was.
DROPPED_APOSTROPHE = 0.3
UNDOUBLED = 0.5  # the typo has one letter where the word has two
DOUBLED = 0.51  # the typo doubles a letter
DROPPED_E_OF_ED = 0.45  # ``filterd`` for ``filtered``
SWAPPED = 0.6
NEIGHBOUR_KEY = 0.65
DROPPED_VOWEL = 0.7
VOWEL = 0.72
SOUND_ALIKE = 0.73
EXTRA_NEIGHBOUR_KEY = 0.75
DROPPED = 0.85
EXTRA = 0.9
REPLACED = 1.0
#: Slips that typists make and names do not explain: a proper name often
#: differs from a word by a key or a vowel, rarely by a swap or a double.
TYPING_SLIPS = frozenset(
    {DROPPED_APOSTROPHE, UNDOUBLED, DOUBLED, DROPPED_E_OF_ED, SWAPPED, DROPPED_VOWEL}
)
#: Words shorter than this have too many two-edit neighbours to search them.
TWO_EDITS_FROM = 7
#: ... and longer ones too many strings to try (the search grows with the
#: square of the length).
TWO_EDITS_UP_TO = 16
#: How much one order of magnitude of frequency is worth, in edit cost.
PER_DECADE = 0.12


def _neighbours() -> dict[str, frozenset[str]]:
    near: dict[str, set[str]] = {c: set() for c in _ALPHABET}
    for r, row in enumerate(_ROWS):
        for i, c in enumerate(row):
            for dr in (-1, 0, 1):
                if not 0 <= r + dr < len(_ROWS):
                    continue
                other = _ROWS[r + dr]
                for j in (i - 1, i, i + 1):
                    if 0 <= j < len(other) and other[j] != c:
                        near[c].add(other[j])
    return {c: frozenset(s) for c, s in near.items()}


_NEAR = _neighbours()


def replace_cost(typed: str, meant: str) -> float:
    if meant in _NEAR.get(typed, ()):
        return NEIGHBOUR_KEY
    if typed in _VOWELS and meant in _VOWELS:
        return VOWEL
    if (typed, meant) in _SOUND_ALIKE or (meant, typed) in _SOUND_ALIKE:
        return SOUND_ALIKE
    return REPLACED


def edits(
    word: str, alphabet: str = _ALPHABET, *, slips_only: bool = False
) -> Iterator[tuple[str, float]]:
    """Every string one edit from ``word``, with the cost of that slip.

    ``slips_only`` keeps the edits that undo a typing slip (a letter too
    many, a swap, a dropped vowel, a dropped double, an apostrophe): a tenth
    of the strings, which is what makes two-edit search affordable.
    """
    n = len(word)
    inserts = alphabet
    first = 0
    if slips_only:
        # Two-edit search: typists rarely miss a word's first letter, and
        # keeping it cuts the strings tried by a tenth.
        inserts = "aeiouy"
        alphabet = ""
        first = 1
    for i in range(first, n):
        c = word[i]
        # The typo has an extra letter: delete it.
        before = word[i - 1] if i else ""
        after = word[i + 1] if i + 1 < n else ""
        if c in (before, after):
            cost = DOUBLED
        elif before in _NEAR.get(c, ()) or after in _NEAR.get(c, ()):
            cost = EXTRA_NEIGHBOUR_KEY
        else:
            cost = EXTRA
        yield word[:i] + word[i + 1 :], cost
        if i + 1 < n and c != after:
            yield word[:i] + after + c + word[i + 2 :], SWAPPED
        for x in alphabet:
            if x != c:
                yield word[:i] + x + word[i + 1 :], replace_cost(c, x)
    for i in range(first, n + 1):
        before = word[i - 1] if i else ""
        after = word[i] if i < n else ""
        head, tail = word[:i], word[i:]
        for x in inserts if not slips_only else {*inserts, before, after} - {""}:
            if x in (before, after):
                cost = UNDOUBLED
            elif x == "e" and tail == "d":
                cost = DROPPED_E_OF_ED
            elif x in _VOWELS:
                cost = DROPPED_VOWEL
            else:
                cost = DROPPED
            yield head + x + tail, cost
        if 0 < i < n:
            yield head + "'" + tail, DROPPED_APOSTROPHE


class Candidate:
    """A known word near the typo: its edit cost and its ranking score."""

    __slots__ = ("cost", "count", "score", "word")

    word: Final[str]
    cost: Final[float]
    score: Final[float]
    count: Final[int]

    def __init__(
        self,
        word: str,
        cost: float,
        score: float,
        count: int,
    ) -> None:
        self.word = word
        self.cost = cost
        self.score = score
        self.count = count


def candidates(
    word: str,
    known: Callable[[str], bool],
    count: Callable[[str], int],
    *,
    max_cost: float,
    two_edit_cost: float = 0.0,
    two_edits_from: int = TWO_EDITS_FROM,
    alphabet: str = _ALPHABET,
) -> list[Candidate]:
    """Known words within ``max_cost`` of ``word`` (lower case), best first.

    When no word is one edit away and ``word`` is long enough, words two
    edits away within ``two_edit_cost`` are tried, among counted words only.
    """
    best: dict[str, float] = {}
    first = list(_cheapest(edits(word, alphabet)))
    for text, cost in first:
        if cost <= max_cost and known(text):
            best[text] = min(cost, best.get(text, cost))
    if not best and two_edits_from <= len(word) <= TWO_EDITS_UP_TO:
        for mid, cost1 in _cheapest(edits(word, alphabet, slips_only=True)):
            if cost1 >= two_edit_cost:
                continue
            for text, cost2 in edits(mid, alphabet, slips_only=True):
                total = cost1 + cost2
                if (
                    total <= two_edit_cost
                    and text != word
                    and total < best.get(text, two_edit_cost + 1)
                    and count(text) > 0
                    and known(text)
                ):
                    best[text] = total
    ranked = [
        Candidate(w, c, c - PER_DECADE * count(w) / 10, count(w))
        for w, c in best.items()
    ]
    ranked.sort(key=lambda k: (k.score, k.word))
    return ranked


def _cheapest(pairs: Iterator[tuple[str, float]]) -> Iterator[tuple[str, float]]:
    seen: dict[str, float] = {}
    for text, cost in pairs:
        if cost < seen.get(text, 99.0):
            seen[text] = cost
    yield from seen.items()
