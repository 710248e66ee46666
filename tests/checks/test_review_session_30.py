"""Faults a review of session 30's change found, each on a document of our
own (the mends of rounds av, aw, ax and blind sets 31–33)."""

from __future__ import annotations

from unittest import mock

from tests.shipped_packs import lint

from copydesk.checks import repetition
from copydesk.checks.repetition import Repetition
from copydesk.document import Document
from copydesk.ruleset import load_ruleset


def test_the_look_past_a_chunk_reads_no_long_line_to_its_end() -> None:
    """Words doubled across a break are looked for a little way past a
    chunk that ends with a line feed, and not at all past one cut inside a
    long line: the text read grows with the text, not its square."""
    [check] = load_ruleset(select=["style.Repetition"]).checks
    assert isinstance(check, Repetition)
    read: list[int] = []
    real = repetition.neighbour_words

    def counted(text: str) -> tuple[set[str], set[str]]:
        read.append(len(text))
        return real(text)

    line = "# Notes\n\n" + " ".join(f"We met at noon, day {i}." for i in range(40_000))
    doc = Document(path="notes.md", text=line, prose=line, format="markdown")
    with mock.patch.object(repetition, "neighbour_words", counted):
        assert list(check.run(doc)) == []
    assert sum(read) < len(line) + 300 * len(read)


def test_a_trailing_quotation_nothing_takes_up_is_unclosed() -> None:
    text = (
        "She looked up and said, “I was going to tell you...\n\n"
        "The next day we left for the coast.\n"
    )
    found = [(f.rule, f.line, f.col) for f in lint(text, "walk.md", "quotes")]
    assert found == [("quotes.Unclosed", 1, 25)]


def test_a_possessive_before_a_noun_at_the_texts_end() -> None:
    assert list(lint("The crowd chanted ‘the Smiths’ fans", "c.txt", "quotes")) == []


def test_its_before_a_stranded_preposition_is_it_is() -> None:
    text = (
        "What it's like is hard to describe. Who it's for is a question for"
        " the board. It's implementation is done.\n"
    )
    found = [(f.col, f.suggestions) for f in lint(text, "rw.md", "typos")]
    assert found == [(79, ("Its",))]


def test_no_safe_fix_for_a_doubled_the_after_a_noun_in_ing_or_a_participle() -> None:
    text = (
        "Pass a string the the function. The data sent the the server is"
        " secret. The council approved the the budget.\n"
    )
    fixes = [
        (f.col, f.fix.applicability.value if f.fix else None)
        for f in lint(text, "t.md", "style")
    ]
    assert fixes == [(15, "unsafe"), (47, "unsafe"), (94, "safe")]


def test_at_and_on_doubled_by_a_slip() -> None:
    text = (
        "Look at at the end of the log. She was working at at the time. We"
        " worked on on the parser. The talks went on on a weekly basis.\n"
    )
    found = [(f.col, f.match) for f in lint(text, "s.md", "style")]
    assert found == [(6, "at at"), (74, "on on")]
