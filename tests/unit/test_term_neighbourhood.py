"""``lexicon.TermNeighbourhood``: a word one typing slip from a repeated
term shares a string with it when each loses at most a letter, so the
neighbourhood never turns away a word that ``typo_edits.one_edit`` joins
to a term (but by letters one apart, which the term slip leaves out)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk import typo_edits
from copydesk.checks.lexicon import _one_letter_short

_WORDS = st.text(alphabet="abcdeo'", min_size=1, max_size=7)


def _near(word: str, term: str) -> bool:
    """What ``_term_slip`` asks before it makes the word's edits."""
    neighbourhood = {term, *_one_letter_short(term)}
    return word in neighbourhood or not neighbourhood.isdisjoint(
        _one_letter_short(word)
    )


@settings(max_examples=1000, deadline=None)
@given(word=_WORDS, term=_WORDS)
def test_every_slip_but_letters_one_apart_is_near(word: str, term: str) -> None:
    cost = typo_edits.one_edit(word).get(term)
    if cost is not None and cost != typo_edits.SWAPPED_APART:
        assert _near(word, term)


@settings(max_examples=300, deadline=None)
@given(word=_WORDS)
def test_each_of_a_words_slips_is_near_it(word: str) -> None:
    for term, cost in typo_edits.one_edit(word).items():
        if cost != typo_edits.SWAPPED_APART:
            assert _near(word, term), term
