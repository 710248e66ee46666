"""proselint's lexical-illusion check, searched in linear time: the same
matches as proselint's own pattern, and a long word no longer takes hours."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st
from proselint.checks.lexical_illusions import check as proselint_check
from tests.robustness.strategies import fuzz_settings

from copydesk import proselint_illusions
from copydesk.batch import lint_text
from copydesk.checks.proselint import _registry
from copydesk.deadline import OutOfTimeError, within
from copydesk.ruleset import load_ruleset

#: Pieces of text where the pattern's corners are: words repeated across
#: white space of every kind, digits and letters run together (the
#: look-behind passes after a digit), case (ſ and K read as letters, ı and
#: İ), hyphens and apostrophes beside a match, the exceptions.
PIECES = ["the", "The", "THE", "the the", "1a", "1", "a", "_", "é", "ſ", "K",
          "ı", "İ", "x1", "a1a1", "11", "Ab", "ς", "σ", "Σ", "ⓐ", "Ⓐ", " ", "  ",
          "\t", "\n", "\r\n", "\u00a0", "\u2028", ".", ",", "-", "'",
          "had had", "that that"]  # fmt: skip


@st.composite
def texts(draw: st.DrawFn) -> str:
    """proselint's view of a prose: repeats made likely by copying a run of
    the drawn pieces in place once or more."""
    parts = draw(st.lists(st.sampled_from(PIECES), max_size=40))
    if parts:
        i = draw(st.integers(0, len(parts) - 1))
        j = draw(st.integers(i, len(parts) - 1))
        parts[j:j] = parts[i : j + 1] * draw(st.integers(0, 3))
    return "\n" + "".join(parts) + "\n"


def spans(found: object) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group(0)) for m in found]  # type: ignore[attr-defined]


@fuzz_settings(400)
@given(texts())
def test_the_matches_are_the_patterns_own(text: str) -> None:
    whole = re.compile(proselint_illusions.PATTERN, re.IGNORECASE)
    expected = spans(whole.finditer(text))
    for long in (0, 1, 3, proselint_illusions.LONG):  # small: place by place
        assert spans(proselint_illusions.matches(text, long)) == expected, long


def test_the_registry_holds_the_linear_check_with_proselints_results() -> None:
    [ours] = [c for c in _registry().checks if c.path == "lexical_illusions"]
    assert ours is not proselint_check
    text = (
        "\nThe the crew agreed. He had had enough; that that is so.\n"
        "It was 1a 1a 1a, the the_ end, and and-so, the THE end the\nthe\n"
        + "1a" * 40
        + " "
        + "1a" * 40
        + " done done.\n"
    )
    found = list(ours.check(text))
    assert found == list(proselint_check.check(text))
    # not "had had", "that that" (the exceptions) nor "and and-so"
    assert [text[slice(*r.span)].split(maxsplit=1)[0] for r in found] == [
        "The", "1a", "the", "the", "the", "1a" * 40, "done"
    ]  # fmt: skip


def test_a_megabyte_word_is_linted_in_bounded_time() -> None:
    """Before, proselint's pattern took 0.95 s on 10 KB of ``1a1a…`` and
    grew with the square of it (a megabyte: hours, uncut by the deadline)."""
    ruleset = load_ruleset(select=["proselint"])
    text = "Officials said so so. " + "1a" * 500_000 + " and and more.\n"
    began = time.process_time()
    found = lint_text(text, "a.txt", "plain", ruleset)
    assert time.process_time() - began < 30
    illusions = [f for f in found if "lexical_illusions" in f.message]
    assert [f.match for f in illusions] == ["so so", "and and"]


@pytest.mark.parametrize("long", [0, 3])
def test_places_tried_in_a_long_word_are_few(
    long: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a long word only the places whose rest of the word is no longer
    than one of the next four words are tried (the deadline is asked at
    each), not every place after a digit."""
    tried: list[int] = []
    monkeypatch.setattr("copydesk.deadline.on_time", lambda: tried.append(1))
    text = "\n" + "1a" * 50_000 + " to be or not\n"
    assert list(proselint_illusions.matches(text, long)) == []
    assert len(tried) <= 2 * (3 + 2 + 2 + 3)


def test_what_stays_slow_is_cut_by_the_deadline() -> None:
    """Two long words whose every ending begins the other but for its last
    character leave every place to try, each read to the word's end: the
    search stops at the file's deadline instead of running for minutes."""
    text = "\n" + "1" * 200_000 + "2 " + "1" * 200_000 + "3\n"
    began = time.monotonic()
    with within(0.3), pytest.raises(OutOfTimeError):
        list(proselint_illusions.matches(text))
    assert time.monotonic() - began < 2
