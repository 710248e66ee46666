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

import functools
from collections.abc import Callable, Collection
from typing import Final

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
VOWELS = frozenset("aeiouy")
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
#: Two letters one apart exchanged, the letter between kept: ``migitate``
#: for ``mitigate``, ``relevent`` is not one (a vowel for a vowel).
SWAPPED_APART = 0.8
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


def neighbour_keys(one: str, other: str) -> bool:
    """Whether two letters sit next to each other on a QWERTY keyboard: a
    finger meant for one may hit the other too."""
    return other in _NEAR.get(one, ())


def replace_cost(typed: str, meant: str) -> float:
    if meant in _NEAR.get(typed, ()):
        return NEIGHBOUR_KEY
    if typed in VOWELS and meant in VOWELS:
        return VOWEL
    if (typed, meant) in _SOUND_ALIKE or (meant, typed) in _SOUND_ALIKE:
        return SOUND_ALIKE
    return REPLACED


def one_edit(
    word: str, alphabet: str = _ALPHABET, *, slips_only: bool = False
) -> dict[str, float]:
    """Every string one edit from ``word``, with the cost of the cheapest
    slip that makes it: a letter too many (deleted), a swap of neighbours
    or of two letters one apart, a letter for another (replaced), a letter
    dropped (inserted), an apostrophe dropped.

    ``slips_only`` keeps the edits that undo a typing slip (a letter too
    many, a swap, a dropped vowel, a dropped double, an apostrophe), and
    never touches the first letter (typists rarely miss it): a tenth of the
    strings, which is what makes two-edit search affordable.

    Built a position at a time: a replacement's cost depends only on the
    two letters (:func:`_replacements`) and an insertion's on the letter,
    bar the few next to a double or before a final ``d``, so a position's
    strings are made by one comprehension and stored by one ``update``, not
    yielded one by one and compared with the cost kept (the lexicon check
    asks this for every unknown word of a long text). A string made twice
    is made by the same slip twice (a letter of a double dropped, or
    doubled, at either of its places), at the same cost, but for an
    apostrophe dropped, which is stored last as the cheapest slip of all.
    """
    n = len(word)
    out: dict[str, float] = {}
    inserts = alphabet
    first = 0
    if slips_only:
        inserts = "aeiouy"
        alphabet = ""
        first = 1
    for i in range(first, n):
        c = word[i]
        before = word[i - 1] if i else ""
        after = word[i + 1] if i + 1 < n else ""
        head, tail = word[:i], word[i + 1 :]
        if c in (before, after):
            out[head + tail] = DOUBLED
        elif before in _NEAR.get(c, ()) or after in _NEAR.get(c, ()):
            out[head + tail] = EXTRA_NEIGHBOUR_KEY
        else:
            out[head + tail] = EXTRA
        if i + 1 < n and c != after:
            out[head + after + c + word[i + 2 :]] = SWAPPED
        if alphabet:
            letters, replaced = _replacements(alphabet, c)
            out.update(zip([head + x + tail for x in letters], replaced, strict=True))
    adding = _insert_costs(inserts)
    added: Collection[str] = inserts
    costs = list(adding.values())
    for i in range(first, n + 1):
        before = word[i - 1] if i else ""
        after = word[i] if i < n else ""
        head, tail = word[:i], word[i:]
        if slips_only:
            added = {*inserts, before, after} - {""}
            costs = [adding.get(x) or _insert_cost(x) for x in added]
        out.update(zip([head + x + tail for x in added], costs, strict=True))
        if tail == "d" and "e" in added:
            out[head + "ed"] = DROPPED_E_OF_ED
        for x in {before, after}.intersection(added):
            out[head + x + tail] = UNDOUBLED
    if not slips_only:
        for i in range(n - 2):
            if word[i] != word[i + 2]:
                apart = word[:i] + word[i + 2] + word[i + 1] + word[i] + word[i + 3 :]
                if out.get(apart, REPLACED + 1) > SWAPPED_APART:
                    out[apart] = SWAPPED_APART
    # Last, as the cheapest slip: a word with an apostrophe makes some of
    # these strings by doubling it too.
    dropped = (word[:i] + "'" + word[i:] for i in range(max(first, 1), n))
    out.update(dict.fromkeys(dropped, DROPPED_APOSTROPHE))
    return out


def _insert_cost(letter: str) -> float:
    """The cost of a letter the typo lacks, away from a double or an ``ed``."""
    return DROPPED_VOWEL if letter in VOWELS else DROPPED


@functools.cache
def _insert_costs(letters: str) -> dict[str, float]:
    """:func:`_insert_cost` of each of ``letters``, in their order."""
    return {x: _insert_cost(x) for x in letters}


@functools.lru_cache(maxsize=1024)
def _replacements(alphabet: str, typed: str) -> tuple[str, list[float]]:
    """The letters of ``alphabet`` that may stand for ``typed`` and the cost
    of each (:func:`replace_cost`); kept per letter, as every word asks."""
    letters = "".join(x for x in alphabet if x != typed)
    return letters, [replace_cost(typed, x) for x in letters]


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
    first = one_edit(word, alphabet)
    best = {text: first[text] for text in filter(known, first)}
    best = {text: cost for text, cost in best.items() if cost <= max_cost}
    if not best and two_edits_from <= len(word) <= TWO_EDITS_UP_TO:
        for mid, cost1 in one_edit(word, alphabet, slips_only=True).items():
            if cost1 >= two_edit_cost:
                continue
            for text, cost2 in one_edit(mid, alphabet, slips_only=True).items():
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
