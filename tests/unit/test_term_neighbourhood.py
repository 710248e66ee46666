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


def test_only_rare_terms_used_often_enough_are_neighbours() -> None:
    """The neighbourhood holds the terms ``_slip_choice`` would take: used
    ``term_count`` times and not common in the lexicon. A repeated common
    word ("project", count 900) or a term used twice is no term, so the
    words one slip from them are turned away before their edits are made."""
    from copydesk.checks.lexicon import Terms
    from copydesk.wordlists import Lexicon

    lex = Lexicon.of({"project": 900, "grafana": 2})
    terms = Terms(
        {
            "grafana": ("Grafana", 4),
            "project": ("project", 9),
            "kubelet": ("kubelet", 2),
        }
    )
    assert terms.near("grafna", lex, 3, 45)  # a letter dropped
    assert terms.near("grafanna", lex, 3, 45)  # a letter added
    assert terms.near("garfana", lex, 3, 45)  # neighbours swapped
    assert not terms.near("projcet", lex, 3, 45)  # a common word's slip
    assert not terms.near("kubeelt", lex, 3, 45)  # a term used twice
    assert terms.near("kubeelt", lex, 2, 45)  # unless twice is enough
    assert not terms.near("grafana", lex, 3, 1)  # common under this setting
