"""confusion: a document's words are scanned for only where one RE2 pass
over it says a confusion may stand (``WhichMayMatch``)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk import patterns
from copydesk.batch import lint_text
from copydesk.checks import confusion
from copydesk.ruleset import Ruleset, compile_exceptions, load_ruleset

SHIPPED = [
    "typos.RealWords",
    "typos.TwoArticles",
    "typos.JoinedVerbs",
    "typos.ModalVerbs",
]

#: Paragraphs of our own, each holding a slip one of the shipped rules
#: reports, and prose around them that holds the listed words rightly.
SLIPS = (
    "The plugin keeps its settings in it's own folder, and the loader can\n"
    "then provides a default; the loader can provides one too.\n\n"
    "Set the name of a the attribute before you login to the portal; the\n"
    "login page shows your login name, and the setup script runs first.\n\n"
    "The cast appears to have no affect on the type, so the flag will allows\n"
    "the compiler to drop it. The new model allows faster builds and requires\n"
    "less memory than the old one, which makes the release smaller.\n\n"
    "You need to setup the server before the team can backup the files.\n\n"
)
FILLER = (
    "Each node reports its state to the controller every ten seconds, and\n"
    "the controller writes what it hears to the log. When a node falls\n"
    "silent, the controller marks it lost and moves its work elsewhere.\n\n"
)


def _ruleset(rule_id: str) -> tuple[confusion.ConfusionCheck, Ruleset]:
    (rule,) = load_ruleset(select=[rule_id]).checks
    assert isinstance(rule, confusion.ConfusionCheck)
    return rule, Ruleset([rule], "test", compile_exceptions([rule]))


@pytest.mark.parametrize("rule_id", SHIPPED)
def test_every_shipped_entry_has_a_superset(rule_id: str) -> None:
    """RE2 can say where each shipped entry may stand but one ("their",
    whose context a back-reference decides): the rest are asked of one
    pass, not scanned for one by one."""
    rule, _ = _ruleset(rule_id)
    missing = [c.wrong for c in rule.confusions if c.presence is None]
    assert missing == (["their"] if rule_id == "typos.RealWords" else [])


@pytest.mark.parametrize("copies", [1, 12])
@pytest.mark.parametrize("rule_id", SHIPPED)
def test_the_pass_finds_what_every_scan_finds(
    rule_id: str, copies: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A short document and a long one (past ``SCAN_FIRST``, its word set
    not made first), slips spread through them: the same findings with
    the pass and with every entry scanned for."""
    text = (SLIPS + FILLER * 30) * copies
    assert (len(text) > confusion.SCAN_FIRST) is (copies > 1)
    monkeypatch.setattr(confusion, "SHORT_BEFORE_THE_PASS", 0)  # the pass now
    _, ruleset = _ruleset(rule_id)

    def found() -> list[tuple[int, int, str]]:
        return [
            (f.line, f.col, f.message)
            for f in lint_text(text, "notes.txt", "plain", ruleset)
        ]

    with_pass = found()
    assert with_pass
    monkeypatch.setattr(patterns.WhichMayMatch, "__call__", lambda self, text: None)
    assert found() == with_pass


def test_a_failed_pass_asks_every_pattern() -> None:
    """The set's empty pattern matches every text it reads; an answer
    without it is a pass RE2 gave up on, and then every pattern may match.
    A superset RE2 refuses leaves its pattern always asked."""
    which = patterns.WhichMayMatch(["zebra", None, "qu+x", "(?P<"], ignorecase=True)
    assert which("A ZEBRA in the text.") == frozenset({0, 1, 3})
    assert which("Nothing here.") == frozenset({1, 3})
    assert which("lone \ud800 surrogate") is None
    empty = patterns.WhichMayMatch([], ignorecase=False)
    assert empty("any text") == frozenset()


#: Tokens the shipped rules' words and contexts are made of, for texts where
#: their contexts hold by chance.
_TOKENS = [
    "a", "an", "the", "your", "their", "its", "it's", "will", "can", "to",
    "you", "we", "please", "setup", "backup", "login", "allows", "provides",
    "makes", "more", "then", "than", "effect", "affect", "no", "of", "have",
    "been", "own", "is", "The", "A", "An", "Will", "Setup", "\n", "\n\n",
    ".", ",", "'", "be", "also", "should", "must", "lose", "loose", "there",
]  # fmt: skip


@pytest.mark.parametrize("rule_id", SHIPPED)
@settings(max_examples=150, deadline=None)
@given(words=st.lists(st.sampled_from(_TOKENS), min_size=1, max_size=60))
def test_the_pass_names_every_entry_that_stands(rule_id: str, words: list[str]) -> None:
    """Wherever an entry's anchored contexts match, its superset matches
    too: the pass never leaves out an entry that would report."""
    rule, _ = _ruleset(rule_id)
    text = " ".join(words)
    may = rule.present(text)
    assert may is not None
    for index, entry in enumerate(rule.confusions):
        places = confusion._contexts(entry, text, None)
        if next(iter(places), None) is not None:
            assert index in may, (entry.wrong, text)


def test_a_short_document_alone_does_not_compile_the_pass() -> None:
    """The set's compile (a few ms a rule) is paid by a long document or a
    run of many files, not by a one-file run of a short one."""
    (rule,) = load_ruleset(select=["typos.ModalVerbs"]).checks
    assert isinstance(rule, confusion.ConfusionCheck)
    fresh = confusion.ConfusionCheck(rule.meta, rule.confusions)
    ruleset = Ruleset([fresh], "test", compile_exceptions([fresh]))
    short = "The loader can provides a default value.\n"
    for _ in range(confusion.SHORT_BEFORE_THE_PASS):
        assert [f.col for f in lint_text(short, "a.txt", "plain", ruleset)] == [16]
        assert not fresh.present.compiled
    assert [f.col for f in lint_text(short, "a.txt", "plain", ruleset)] == [16]
    assert fresh.present.compiled
