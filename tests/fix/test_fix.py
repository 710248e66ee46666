"""Fixing: edits applied without overlap, a fixpoint loop, and faithful files."""

from __future__ import annotations

import itertools
import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk.document import Document
from copydesk.fix import apply_edits, fix_text, overlaps
from copydesk.model import Applicability, Edit, Finding, Fix, Severity
from copydesk.textio import encode, read_source, write_atomic

SAFE = Applicability.SAFE
UNSAFE = Applicability.UNSAFE
NEWLINE = re.compile(r"\r\n|\r|\n")


# --- a small regex-driven linter, standing in for the engine ----------------


@dataclass(frozen=True)
class Rule:
    """One fake rule: a pattern and what its fix puts in place of the match."""

    rule: str
    pattern: str
    replacement: str | Callable[[re.Match[str]], str]
    applicability: Applicability = SAFE
    group: int = 0

    def findings(self, doc: Document) -> list[Finding]:
        out = []
        for match in re.finditer(self.pattern, doc.text, flags=re.MULTILINE):
            start, end = match.span(self.group)
            repl = self.replacement
            new = repl(match) if callable(repl) else match.expand(repl)
            fix = Fix((Edit(start, end, new),), self.applicability)
            out.append(
                doc.finding(self.rule, Severity.WARNING, "fix me", start, end, (), fix)
            )
        return out


HOUSE_RULES = (
    # House-style name: one canonical spelling.
    Rule("names.Zelensky", r"\bZelensk(?:iy|yy|i)\b", "Zelensky"),
    Rule("typos.Teh", r"\bteh\b", "the"),
    Rule("typos.Recieve", r"\brecieve\b", "receive"),
    # A doubled word: delete the second copy (overlaps a typo fix on "teh teh").
    Rule("style.Repetition", r"\b(\w+)( \1)\b", "", group=2),
    # Web debris: a whole line, break included; unsafe, a human should look.
    Rule(
        "artifacts.Debris",
        r"^(?:Advertisement|Share this article)[ \t]*(?:\r\n|\r|\n|$)",
        "",
        UNSAFE,
    ),
)


def make_lint(rules: Sequence[Rule]) -> Callable[[str], list[Finding]]:
    def lint(text: str) -> list[Finding]:
        doc = Document.plain(text, path="draft.txt")
        found = [f for rule in rules for f in rule.findings(doc)]
        return sorted(found, key=lambda f: f.sort_key)

    return lint


lint = make_lint(HOUSE_RULES)

DRAFT = (
    "Kyiv, Monday.\n"
    "President Zelenskiy said teh talks would recieve support.\n"
    "Advertisement\n"
    "Zelenskyy added that that teh teh aid was late.\n"
    "Share this article\n"
    "Zelensky spoke last."
)


# --- apply_edits ------------------------------------------------------------


def test_apply_edits_replaces_spans_and_keeps_the_rest() -> None:
    text = "teh cat and teh dog"
    new, applied, skipped = apply_edits(text, [Edit(12, 15, "the"), Edit(0, 3, "The")])
    assert new == "The cat and the dog"
    assert applied == [Edit(0, 3, "The"), Edit(12, 15, "the")]
    assert skipped == []


def test_apply_edits_skips_overlaps_first_come_first_served() -> None:
    text = "e-mail address"
    wide = Edit(0, 14, "email address")
    narrow = Edit(0, 6, "email")
    inner = Edit(2, 4, "X")
    new, applied, skipped = apply_edits(text, [wide, inner, narrow])
    assert new == "email address"
    assert applied == [narrow]
    assert skipped == [wide, inner]


def test_apply_edits_touching_edits_both_apply() -> None:
    new, applied, skipped = apply_edits("abcd", [Edit(2, 4, "CD"), Edit(0, 2, "AB")])
    assert (new, len(applied), skipped) == ("ABCD", 2, [])


def test_apply_edits_insertions_at_one_point_take_the_first() -> None:
    first, second = Edit(3, 3, "!"), Edit(3, 3, "?")
    new, applied, skipped = apply_edits("Wow here", [first, second])
    assert new == "Wow! here"
    assert applied == [first]
    assert skipped == [second]


def test_apply_edits_insertion_at_either_end_of_a_replacement() -> None:
    edits = [Edit(1, 1, "<"), Edit(1, 3, "BC"), Edit(3, 3, ">")]
    new, _, skipped = apply_edits("abcd", edits)
    assert new == "a<BC>d"
    assert skipped == []


def test_apply_edits_insertion_inside_a_replacement_is_skipped() -> None:
    new, _, skipped = apply_edits("abcd", [Edit(0, 4, "x"), Edit(2, 2, "!")])
    assert new == "x"
    assert skipped == [Edit(2, 2, "!")]


@pytest.mark.parametrize("edit", [Edit(-1, 0, ""), Edit(3, 2, ""), Edit(0, 9, "")])
def test_apply_edits_rejects_out_of_bounds(edit: Edit) -> None:
    with pytest.raises(ValueError, match="out of bounds"):
        apply_edits("abcd", [edit])


def test_overlaps_is_symmetric_on_examples() -> None:
    pairs = [
        (Edit(0, 2, ""), Edit(1, 3, ""), True),
        (Edit(0, 2, ""), Edit(2, 3, ""), False),
        (Edit(2, 2, ""), Edit(2, 2, "x"), True),
        (Edit(2, 2, ""), Edit(0, 2, ""), False),
        (Edit(1, 1, ""), Edit(0, 2, ""), True),
    ]
    for a, b, expected in pairs:
        assert overlaps(a, b) is expected
        assert overlaps(b, a) is expected


# --- fix_text on a realistic draft -------------------------------------------


def test_fix_draft_safe_only() -> None:
    result = fix_text(DRAFT, lint, unsafe=False)
    assert result.text == (
        "Kyiv, Monday.\n"
        "President Zelensky said the talks would receive support.\n"
        "Advertisement\n"
        "Zelensky added that the aid was late.\n"
        "Share this article\n"
        "Zelensky spoke last."
    )
    assert result.converged
    assert [f.rule for f in result.remaining] == ["artifacts.Debris"] * 2
    assert result.unsafe_available == 2
    # names x2, typos x2 + teh, repetition "that that" and "teh teh" (the
    # second copy's typo fix overlapped the deletion and vanished with it).
    assert result.fixed == 7
    assert result.rounds == 1


def test_fix_draft_with_unsafe_deletes_debris_lines() -> None:
    result = fix_text(DRAFT, lint, unsafe=True)
    assert result.text == (
        "Kyiv, Monday.\n"
        "President Zelensky said the talks would receive support.\n"
        "Zelensky added that the aid was late.\n"
        "Zelensky spoke last."
    )
    assert result.remaining == []
    assert result.unsafe_available == 0
    assert result.converged


def test_overlap_left_for_a_later_round() -> None:
    # Round 1 fixes the typo and deletes the second "the"; that leaves
    # "the the" from the third word, which round 2 removes.
    result = fix_text("I saw teh teh teh cat.", lint, unsafe=False)
    assert result.text == "I saw the cat."
    assert result.rounds == 2
    assert result.converged


def test_fix_is_all_or_nothing() -> None:
    text = "Kiev and Kiev"

    def two_edit_lint(current: str) -> list[Finding]:
        doc = Document.plain(current)
        out = [
            doc.finding(
                "names.Kyiv",
                Severity.ERROR,
                "swap",
                m.start(),
                m.end(),
                fix=Fix((Edit(m.start(), m.end(), "Kyiv"),), SAFE),
            )
            for m in re.finditer("Kiev", current)
        ]
        if current.startswith("Kiev and"):
            # One fix with two edits; the first collides with the name fix, so
            # none may land, not even the one on "and" that would fit.
            both = Fix((Edit(2, 4, "EV"), Edit(5, 8, "&")), SAFE)
            out.append(doc.finding("style.And", Severity.ERROR, "x", 4, 8, fix=both))
        return out

    result = fix_text(text, two_edit_lint, unsafe=False, max_rounds=1)
    assert result.text == "Kyiv and Kyiv"


def test_unusable_fixes_are_left_alone() -> None:
    def lint_bad(current: str) -> list[Finding]:
        doc = Document.plain(current)
        fixes = [
            Fix((Edit(0, 99, "x"),), SAFE),  # out of bounds: a check bug
            Fix((Edit(0, 4, "Text"),), SAFE),  # changes nothing
            Fix((), SAFE),  # empty
            Fix((Edit(0, 2, "a"), Edit(1, 3, "b")), SAFE),  # collides with itself
        ]
        return [doc.finding("r.Bad", Severity.ERROR, "m", 0, 1, fix=f) for f in fixes]

    result = fix_text("Text", lint_bad, unsafe=True)
    assert (result.text, result.fixed, result.rounds) == ("Text", 0, 0)
    assert len(result.remaining) == 4
    assert result.converged


def test_cycle_is_reported_not_looped() -> None:
    flip = make_lint(
        [
            Rule("a.Colour", r"\bcolour\b", "color"),
            Rule("b.Color", r"\bcolor\b", "colour"),
        ]
    )
    result = fix_text("The colour red.", flip, unsafe=False, max_rounds=50)
    assert not result.converged
    assert result.rounds == 2
    assert result.text == "The colour red."


def test_no_convergence_stops_at_the_cap() -> None:
    grow = make_lint([Rule("a.Grow", r"x+", lambda m: m.group() + "x")])
    result = fix_text("x", grow, unsafe=False, max_rounds=3)
    assert not result.converged
    assert result.rounds == 3
    assert result.text == "xxxx"
    assert len(result.remaining) == 1


def test_clean_text_is_zero_rounds() -> None:
    result = fix_text("All good here.\n", lint, unsafe=True)
    assert (result.fixed, result.rounds, result.remaining) == (0, 0, [])
    assert result.converged


# --- properties ----------------------------------------------------------------

WORDS = st.sampled_from(
    [
        "Zelenskiy",
        "Zelensky",
        "teh",
        "the",
        "recieve",
        "that",
        "Advertisement",
        "Share this article",
        "café",
        "🙂",
        "x",
        "",
    ]
)
SEPARATORS = st.sampled_from([" ", "  ", "\n", "\r\n", "\r", "\t", ", "])


@st.composite
def drafts(draw: st.DrawFn, separators: st.SearchStrategy[str] = SEPARATORS) -> str:
    parts = draw(st.lists(st.tuples(WORDS, separators), max_size=30))
    return "".join(word + sep for word, sep in parts) + draw(WORDS)


def _edit_lists(text: str) -> st.SearchStrategy[list[Edit]]:
    def edit(bounds: tuple[int, int], repl: str) -> Edit:
        return Edit(min(bounds), max(bounds), repl)

    pos = st.integers(0, len(text))
    return st.lists(
        st.builds(edit, st.tuples(pos, pos), st.text("ab\r\n", max_size=3)),
        max_size=8,
    )


@settings(max_examples=200, derandomize=True)
@given(st.data())
def test_apply_edits_keeps_everything_outside_the_spans(data: st.DataObject) -> None:
    text = data.draw(drafts())
    edits = data.draw(_edit_lists(text))
    new, applied, skipped = apply_edits(text, edits)
    assert sorted(applied + skipped, key=repr) == sorted(edits, key=repr)
    assert all(not overlaps(a, b) for a, b in itertools.pairwise(applied))
    # Rebuild the new text from the untouched gaps and the replacements.
    pos = 0
    out = 0
    for edit in applied:
        gap = text[pos : edit.start]
        assert new[out : out + len(gap)] == gap
        out += len(gap)
        assert new[out : out + len(edit.replacement)] == edit.replacement
        out += len(edit.replacement)
        pos = edit.end
    assert new[out:] == text[pos:]


@settings(max_examples=200, derandomize=True)
@given(drafts(), st.booleans())
def test_fixing_is_idempotent(text: str, unsafe: bool) -> None:
    first = fix_text(text, lint, unsafe=unsafe, max_rounds=20)
    assert first.converged
    second = fix_text(first.text, lint, unsafe=unsafe)
    assert second.text == first.text
    assert (second.fixed, second.rounds) == (0, 0)
    assert second.remaining == first.remaining


@settings(max_examples=200, derandomize=True)
@given(drafts())
def test_safe_fixes_keep_line_breaks(text: str) -> None:
    # The safe rules never touch line breaks: CRLF stays CRLF, mixed stays
    # mixed, and a trailing line break is neither added nor dropped.
    result = fix_text(text, lint, unsafe=False, max_rounds=20)
    assert NEWLINE.findall(result.text) == NEWLINE.findall(text)
    assert result.text.endswith(("\r", "\n")) == text.endswith(("\r", "\n"))


@settings(max_examples=100, derandomize=True)
@given(
    drafts(st.sampled_from([" ", "\r\n", "\n", "\r"])),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16-le", "utf-16-be"]),
)
def test_file_round_trip_keeps_encoding_and_newlines(text: str, encoding: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "draft.md"
        path.write_bytes(encode(text, encoding))
        src = read_source(path)
        assert (src.text, src.encoding) == (text, encoding)
        result = fix_text(src.text, lint, unsafe=False, max_rounds=20)
        write_atomic(src, result.text, root=tmp)
        raw = path.read_bytes()
        assert raw == encode(result.text, encoding)
        assert raw.startswith(encode("", encoding))  # the BOM, if any
        again = read_source(path)
        assert again.text == result.text
        assert NEWLINE.findall(again.text) == NEWLINE.findall(text)
        assert sorted(p.name for p in Path(tmp).iterdir()) == ["draft.md"]
