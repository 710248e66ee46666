"""confusion: real-word errors in the contexts a rule lists, and nowhere else."""

from __future__ import annotations

from unittest import mock

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from tests.checks.inline import findings, lint_rule
from tests.conftest import SAMPLE

from copydesk import deadline, document, patterns
from copydesk.batch import lint_text
from copydesk.checks import confusion
from copydesk.document import Document, WordSet
from copydesk.errors import RuleError
from copydesk.model import Applicability
from copydesk.ruleset import Ruleset, compile_exceptions, compile_rule, load_ruleset

RULE = r"""
extends: confusion
message: "'%s' -> %s"
confusions:
  - wrong: then
    right: than
    contexts: ['\b(?:more|less|rather) %w\b']
    unless: ['\bno more then\b']
  - wrong: its
    right: it's
    contexts: ['\b%w (?:been|a good)\b']
  - wrong: they're
    right: their|there
    contexts: ['\b%w own\b']
"""


def test_a_word_is_flagged_only_in_its_listed_contexts() -> None:
    text = (
        "Prices rose more then wages. Then they fell.\n"
        "Its been a year; its roots are deep. They're own homes."
    )
    found = findings(RULE, text)
    assert [(f.line, f.col, f.match, f.suggestions) for f in found] == [
        (1, 18, "then", ("than",)),
        (2, 1, "Its", ("It's",)),
        (2, 38, "They're", ("Their", "There")),
    ]
    assert found[0].message == "'then' -> 'than'"
    assert all(
        f.fix is not None and f.fix.applicability is Applicability.UNSAFE for f in found
    )


def test_a_word_used_in_many_places_is_matched_batch_by_batch() -> None:
    """The contexts are tried at a batch of the word's places at a time; a
    batch's end between two places changes nothing."""
    line = "Its roots are deep; its been a year. Rather then wait, more then ever.\n"
    text = line * 7
    expected = [
        (n, col, word)
        for n in range(1, 8)
        for col, word in ((21, "its"), (45, "then"), (61, "then"))
    ]
    for batch in (1, 2, 3, 4096):
        with mock.patch.object(confusion, "_BATCH", batch):
            found = findings(RULE, text)
        assert [(f.line, f.col, f.match) for f in found] == expected


#: The words' letters in both cases, the characters a pattern ignoring case
#: reads as ASCII letters (Kelvin sign, long s, dotless and dotted i), an
#: accented letter, apostrophes, a word character and spaces.
ODD_TEXT = st.text(alphabet="itsITS'’ \u212a\u017f\u0131\u0130ék_", max_size=40)
WORDS = st.sampled_from(["its", "it's", "Its", "is", "k", "s i"])


@settings(max_examples=500, deadline=None)
@given(text=ODD_TEXT, wrong=WORDS, ignorecase=st.booleans())
@example(text="ıts its", wrong="Its", ignorecase=True)
@example(text="ſ i", wrong="s i", ignorecase=True)
@example(text="İts", wrong="its", ignorecase=True)
@example(text="\u212a", wrong="k", ignorecase=True)
def test_a_words_places_are_its_patterns_matches(
    text: str, wrong: str, ignorecase: bool
) -> None:
    """The word is looked for with ``str.find`` where that finds every match
    of its pattern, and the pattern scans elsewhere: the same spans."""
    entry = {"wrong": wrong, "right": "x", "contexts": ["%w"]}
    found = confusion._entry("t.yml", 0, entry, ignorecase=ignorecase, shipped=False)
    scanned = [m.span() for m in found.word.get().finditer(text)]
    assert list(confusion._places(found, text, document.lowered(text))) == scanned


@settings(max_examples=500, deadline=None)
@given(
    text=st.text(alphabet="itsITShaT'’ \u212a\u017f\u0131\u0130ék_", max_size=40),
    wrong=st.sampled_from(["its", "it's", "Its", "s i", "that", "tat", "aa"]),
    ignorecase=st.booleans(),
)
@example(text="tatat tat", wrong="tat", ignorecase=False)
@example(text="ıts its", wrong="Its", ignorecase=True)
def test_a_word_in_every_context_is_found_at_its_patterns_matches(
    text: str, wrong: str, ignorecase: bool
) -> None:
    """With a context that always holds, the contexts are tried at exactly
    the word pattern's matches, whether the places come from the literal
    scan (a word that cannot overlap itself) or from ``_places``."""
    entry = {"wrong": wrong, "right": "x", "contexts": ["%w"]}
    found = confusion._entry("t.yml", 0, entry, ignorecase=ignorecase, shipped=False)
    scanned = [m.span() for m in found.word.get().finditer(text)]
    lowered = document.lowered(text)
    assert list(confusion._contexts(found, text, lowered)) == scanned


def test_a_dotless_i_or_long_s_keeps_the_literal_scan() -> None:
    """A Turkish name or an old long s in a long text is written as its ASCII
    letter in the lowered copy (offset for offset), so every confusion
    still takes the literal scan instead of its pattern's scan of the text;
    the places found are the pattern's (the property tests above)."""
    text = "Kılıçdaroğlu and İnönü wrote ſo, and its time came."
    lowered = document.lowered(text)
    assert lowered is not None
    assert len(lowered) == len(text)
    assert lowered.startswith("kiliçdaroğlu and inönü wrote so")


@pytest.mark.parametrize("rule_id", ["typos.RealWords", "typos.JoinedVerbs"])
def test_the_shipped_words_are_found_by_the_literal_scan(rule_id: str) -> None:
    """Every shipped word takes the scan in C (none overlaps itself):
    ``_places``'s Python step per place was most of the check's time on
    long documents, and a long document's ``WordSet`` is built for a word
    the scan cannot tell (``pickup``: 0.1 s on 8 MB of news). A word that
    may overlap itself is left to ``_places``."""
    (rule,) = load_ruleset(select=[rule_id]).checks
    assert isinstance(rule, confusion.ConfusionCheck)
    text = "plain ascii text"
    lowered = document.lowered(text)
    assert all(
        confusion._word_starts(entry, text, lowered) is not None
        for entry in rule.confusions
    )
    overlapping = confusion._entry(
        "t.yml",
        0,
        {"wrong": "that", "right": "x", "contexts": ["%w"]},
        ignorecase=True,
        shipped=False,
    )
    assert confusion._word_starts(overlapping, text, lowered) is None


def test_unless_patterns_keep_a_context_quiet() -> None:
    assert lint_rule(RULE, "There was no more then, only now.") == []


def test_masked_code_is_not_read() -> None:
    assert lint_rule(RULE, "Use `more then` in the DSL.\n", fmt="markdown") == []


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        ("[]", "at least one entry"),
        ("[{wrong: a, right: b, contexts: ['a']}]", "needs one %w"),
        ("[{wrong: a, right: b}]", "'contexts' must be a list"),
        ("[{wrong: a, right: b, contexts: ['%w'], why: x}]", "unknown key 'why'"),
        ("[{wrong: a, contexts: ['%w']}]", "'right' must be a word"),
        ("[{wrong: a, right: b, contexts: ['%w(']}]", "bad regex"),
    ],
)
def test_bad_entries_are_rule_errors(entry: str, reason: str) -> None:
    import yaml

    data = {"extends": "confusion", "confusions": yaml.safe_load(entry)}
    with pytest.raises(RuleError, match=reason):
        compile_rule("t.R", data, "t/R.yml")


def test_a_word_listed_twice_is_scanned_once() -> None:
    """``of`` for ``have`` and ``of`` for ``off``: the second entry tries its
    contexts at the places the first one's scan confirmed."""
    rule = r"""
extends: confusion
message: "'%s' -> %s"
confusions:
  - wrong: of
    right: have
    contexts: ['\b(?:would|could) %w\b']
  - wrong: of
    right: 'off'
    contexts: ['\btook %w\b']
"""
    text = "He would of gone. The plane took of. A cup of tea, of course."
    scans = mock.Mock(wraps=confusion._literal)
    with mock.patch.object(confusion, "_literal", scans):
        found = findings(rule, text)
    assert [(f.col, f.suggestions) for f in found] == [(10, ("have",)), (34, ("off",))]
    assert scans.call_count == 1


def test_shipped_contexts_are_matched_without_a_timeout() -> None:
    """The regex module's per-call timeout cost more than the match itself
    at each place of a common word; shipped contexts go without it, a
    user's keep it (one may backtrack for ever), and both stop at the
    file's deadline."""
    text = "He would of gone, she said. A cup of tea, of course.\n"
    (shipped,) = load_ruleset(select=["typos.RealWords"]).checks
    assert isinstance(shipped, confusion.ConfusionCheck)
    assert all(entry.vetted for entry in shipped.confusions)
    user = (
        "extends: confusion\nmessage: \"'%s' -> %s\"\nconfusions:\n"
        "  - wrong: of\n    right: have\n    contexts: ['\\bwould %w\\b']\n"
    )
    asked = mock.Mock(side_effect=AssertionError("a timeout was asked"))
    with mock.patch.object(patterns, "match_timeout", asked):
        found = list(shipped.run(Document.plain(text)))
        assert [(f.col, f.suggestions) for f in found] == [(10, ("have",))]
        with pytest.raises(AssertionError, match="a timeout was asked"):
            findings(user, text)
    with deadline.within(0), pytest.raises(deadline.OutOfTimeError):
        list(shipped.run(Document.plain(text)))


ALWAYS = """
extends: confusion
message: "'%s' -> %s"
confusions:
  - wrong: its
    right: it's
    contexts: ['%w']
"""


@pytest.mark.parametrize(
    ("text", "columns"),
    [
        ("Its roots; its leaves.", [1, 12]),
        # ½ is a word character to the word set's \w only: its run there is
        # "its½", so the set is asked, and holds "its" from the second place.
        ("its½ roots; its leaves.", [1, 13]),
        # ...or does not: the word is not in the set, and nothing is said.
        ("its½ roots.", []),
        ("x½its roots.", []),
    ],
)
def test_the_word_set_is_made_only_where_the_scan_cannot_tell(
    text: str, columns: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a long document, a word the literal scan confirms stands in it as
    a run of word characters, which answers the word set's question; the
    set is made where that run is not the word as the set reads it. A short
    document asks the set first: the same findings."""
    made = mock.Mock(wraps=WordSet.compute)
    monkeypatch.setattr(WordSet, "compute", made)
    assert [f.col for f in findings(ALWAYS, text)] == columns
    assert made.call_count == 1  # short: the set first
    made.reset_mock()
    monkeypatch.setattr(confusion, "SCAN_FIRST", 0)  # as if long
    assert [f.col for f in findings(ALWAYS, text)] == columns
    assert made.call_count == (0 if text.isascii() else 1)


def test_the_shipped_comparison_and_any_time_entries() -> None:
    """``more that`` for ``more than`` before a number, ``at anytime``; the
    same words elsewhere stay clean."""
    text = (
        "Each worker runs no more that 5 jobs, and the queue holds less\n"
        "that two hundred. Call anytime; the desk answers at anytime of day.\n"
        "It matters more that week, and fewer that two teams agree.\n"
    )
    (rule,) = load_ruleset(select=["typos.RealWords"]).checks
    doc = Document.plain(text)
    found = [(f.line, f.col, text[f.start : f.end], f.message) for f in rule.run(doc)]
    assert sorted(found) == [
        (1, 21, "more that", "'more that' here is probably a slip for 'more than'."),
        (2, 53, "anytime", "'anytime' here is probably a slip for 'any time'."),
        (3, 32, "fewer that", "'fewer that' here is probably a slip for 'fewer than'."),
    ]


def test_the_comparison_and_any_time_entries_leave_clauses_and_names() -> None:
    text = (
        "It took more that 20 weeks and more that one review. There is more\n"
        "that one can do, and more that one can say. She trains at Anytime\n"
        "Fitness.\n"
    )
    (rule,) = load_ruleset(select=["typos.RealWords"]).checks
    found = sorted((f.line, f.col) for f in rule.run(Document.plain(text)))
    assert found == [(1, 9), (1, 32)]


@pytest.mark.parametrize(
    "rule_id", ["typos.RealWords", "typos.TwoArticles", "typos.JoinedVerbs"]
)
@pytest.mark.parametrize("length", [1 << 16, 1 << 17])
def test_the_word_set_made_first_finds_the_same(
    rule_id: str, length: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long document's word set, made before the scans so that the words
    absent from it are not scanned for, gives the findings of the scans:
    with it made first for every rule, or for none that can do without."""
    if not SAMPLE.is_file():
        pytest.skip(f"sample not found: {SAMPLE}")
    slips = (
        "The module is vendored in it's own folder.\n\n"
        "The cast appears to have no affect on the type.\n\n"
        "Set the name of a the attribute.\n\n"
        "You need to setup the server before you login to it.\n\n"
    )
    text = SAMPLE.read_text(encoding="utf-8").replace("\n\n", "\n\n" + slips, 9)
    text = (text * (1 + length // len(text)))[:length]
    (rule,) = load_ruleset(select=[rule_id]).checks
    ruleset = Ruleset([rule], "test", compile_exceptions([rule]))

    def found() -> list[tuple[int, int, str]]:
        return [
            (f.line, f.col, f.message)
            for f in lint_text(text, "d.txt", "plain", ruleset)
        ]

    monkeypatch.setattr(confusion, "SET_FIRST", 0)
    first = found()
    monkeypatch.setattr(confusion, "SET_FIRST", 1 << 30)
    monkeypatch.setattr(confusion, "_scannable", lambda entry: True)
    assert first == found()
    assert first


def test_a_rules_ignorecase_is_read_and_true_where_it_says_nothing() -> None:
    # The key is one of every rule's: it once never reached this type,
    # which matched in any case whatever the file said.
    rule = """
extends: confusion
message: "'%s': %s"
confusions:
  - wrong: send
    right: sent
    contexts: ['\\bbe %w\\b']
"""
    text = "It will be send today. It will be Send today.\n"
    assert [m for _, _, m in lint_rule(rule, text)] == ["send", "Send"]
    strict = rule.replace(
        "extends: confusion\n", "extends: confusion\nignorecase: false\n"
    )
    assert [m for _, _, m in lint_rule(strict, text)] == ["send"]
