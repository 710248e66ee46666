"""typo_edits.one_edit: the strings one edit away and their costs, built a
position at a time, are those of the slip-by-slip enumeration it replaced."""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk import typo_edits as te


def slips(word: str, alphabet: str, *, slips_only: bool) -> Iterator[tuple[str, float]]:
    """Each one-edit string with its slip's cost, one slip at a time: the
    enumeration ``one_edit`` was written from (kept here as its oracle)."""
    n = len(word)
    inserts, first = alphabet, 0
    if slips_only:
        inserts, alphabet, first = "aeiouy", "", 1
    for i in range(first, n):
        c = word[i]
        before = word[i - 1] if i else ""
        after = word[i + 1] if i + 1 < n else ""
        near = te._NEAR.get(c, ())
        if c in (before, after):
            yield word[:i] + word[i + 1 :], te.DOUBLED
        elif before in near or after in near:
            yield word[:i] + word[i + 1 :], te.EXTRA_NEIGHBOUR_KEY
        else:
            yield word[:i] + word[i + 1 :], te.EXTRA
        if i + 1 < n and c != after:
            yield word[:i] + after + c + word[i + 2 :], te.SWAPPED
        for x in alphabet:
            if x != c:
                yield word[:i] + x + word[i + 1 :], te.replace_cost(c, x)
    if not slips_only:
        for i in range(n - 2):
            if word[i] != word[i + 2]:
                apart = word[:i] + word[i + 2] + word[i + 1] + word[i] + word[i + 3 :]
                yield apart, te.SWAPPED_APART
    for i in range(first, n + 1):
        before = word[i - 1] if i else ""
        after = word[i] if i < n else ""
        letters = {*inserts, before, after} - {""} if slips_only else set(inserts)
        for x in letters:
            if x in (before, after):
                cost = te.UNDOUBLED
            elif x == "e" and word[i:] == "d":
                cost = te.DROPPED_E_OF_ED
            else:
                cost = te.DROPPED_VOWEL if x in "aeiouy" else te.DROPPED
            yield word[:i] + x + word[i:], cost
        if 0 < i < n:
            yield word[:i] + "'" + word[i:], te.DROPPED_APOSTROPHE


def cheapest(pairs: Iterator[tuple[str, float]]) -> dict[str, float]:
    kept: dict[str, float] = {}
    for text, cost in pairs:
        kept[text] = min(cost, kept.get(text, cost))
    return kept


#: Letters of both alphabets, doubles likely, an ``ed`` ending likely, and
#: characters no alphabet holds (an apostrophe, a digit, an accent).
WORDS = st.text(alphabet="aeedddsskkiyzqmäßü'’1é", max_size=9)


@settings(max_examples=400, deadline=None)
@given(WORDS, st.sampled_from(sorted(te.ALPHABETS)), st.booleans())
def test_one_edit_is_the_cheapest_of_each_slip(
    word: str, language: str, slips_only: bool
) -> None:
    alphabet = te.ALPHABETS[language]
    want = cheapest(slips(word, alphabet, slips_only=slips_only))
    assert te.one_edit(word, alphabet, slips_only=slips_only) == want


def test_one_edit_of_words_typists_mistype() -> None:
    for word in ("filterd", "wasnt", "recieved", "accomodate", "teh", "a", ""):
        for slips_only in (False, True):
            want = cheapest(slips(word, te._ALPHABET, slips_only=slips_only))
            assert te.one_edit(word, slips_only=slips_only) == want
    assert te.one_edit("filterd")["filtered"] == te.DROPPED_E_OF_ED
    # Letters one apart exchanged: cheaper than any replacement that would
    # make a real word of the slip (militate for migitate).
    assert te.one_edit("migitate")["mitigate"] == te.SWAPPED_APART
    assert te.one_edit("migitate")["militate"] == te.REPLACED
    assert "mitigate" not in te.one_edit("migitate", slips_only=True)
    assert te.one_edit("fillter")["filter"] == te.DOUBLED
    assert te.one_edit("wasnt")["wasn't"] == te.DROPPED_APOSTROPHE
