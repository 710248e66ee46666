"""``pairs``: quote balance the way an editor reads it."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk.checks.pairs import Pairs
from copydesk.document import Block, Document
from copydesk.errors import RuleError
from copydesk.model import Applicability, Finding, RuleMeta
from copydesk.quotes import expected_closer
from copydesk.rulefiles import ShippedPacks

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "rules" / "quotes"
SAMPLE = ROOT.parent / "shared" / "samples" / "mt-news-draft.txt"
NAMES = ("Unclosed", "Unmatched", "Mixed", "Stray")


#: The shipped packs, lent to check types as the loader lends them.
SHIPPED = ShippedPacks()


def _check(name: str) -> Any:
    path = RULES / f"{name}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    meta = RuleMeta(
        id=f"quotes.{name}",
        extends="pairs",
        source=f"rules/quotes/{name}.yml",
        message=data["message"],
    )
    return Pairs.from_yaml(meta, data, SHIPPED)


CHECKS = [_check(name) for name in NAMES]


def lint(text: str, language: str = "en") -> list[Finding]:
    doc = Document.plain(text, path="x.txt", language=language)
    found = [f for check in CHECKS for f in check.run(doc)]
    return sorted(found, key=lambda f: f.sort_key)


def where(text: str, language: str = "en") -> list[tuple[str, int, int]]:
    return [(f.rule, f.line, f.col) for f in lint(text, language)]


# -- the sample ------------------------------------------------------------


@pytest.mark.skipif(not SAMPLE.exists(), reason="shared sample not present")
def test_sample_gives_exactly_three_findings() -> None:
    found = lint(SAMPLE.read_text(encoding="utf-8"))
    assert [(f.rule, f.line) for f in found] == [
        ("quotes.Unclosed", 3),
        ("quotes.Mixed", 51),
        ("quotes.Stray", 73),
    ]
    unclosed, mixed, stray = found
    assert unclosed.match == "“"
    assert "line 5" in unclosed.message
    assert mixed.match == '"'
    assert "line 39" in mixed.message
    assert "spans paragraphs" in mixed.message
    assert mixed.fix is None
    assert stray.match == "'"


# -- each defect at its mark -----------------------------------------------


def test_unclosed_points_at_the_opener() -> None:
    text = "Intro.\n\nShe said “we stay and left.\n\nNext paragraph.\n"
    assert where(text) == [("quotes.Unclosed", 3, 10)]


def test_unmatched_closer() -> None:
    text = "The plan was final.” Nobody agreed.\n"
    assert where(text) == [("quotes.Unmatched", 1, 20)]


def test_mixed_in_one_paragraph_has_a_safe_fix() -> None:
    text = 'He called it “a mistake" and left.\n'
    [finding] = lint(text)
    assert (finding.rule, finding.line, finding.col) == ("quotes.Mixed", 1, 24)
    assert finding.fix is not None
    assert finding.fix.applicability is Applicability.SAFE
    [edit] = finding.fix.edits
    assert (edit.start, edit.end, edit.replacement) == (23, 24, "”")
    assert finding.suggestions == ("”",)


@pytest.mark.parametrize(
    ("text", "col", "safe"),
    [
        # Debris: the straight " touches the ' closing the inner quotation
        # on its left and a stray ' on its right; deleting it is the mend.
        ("Ana wrote “we keep the 'old charter'\"' on file.", 37, False),
        ("Ana wrote “we keep the old charter\"' on file.", 35, False),
        ("Ana wrote “we keep the 'old charter'\" on file.", 37, False),
        # Touching nothing but letters and spaces: the fix stays safe.
        ('Ana wrote “we keep the old charter" on file.', 35, True),
    ],
)
def test_mixed_fix_is_unsafe_for_a_mark_touching_another_quote_mark(
    text: str, col: int, safe: bool
) -> None:
    mixed = [f for f in lint(text) if f.rule == "quotes.Mixed"]
    assert [f.col for f in mixed] == [col]
    [finding] = mixed
    assert finding.fix is not None
    assert finding.fix.edits[0].replacement == "”"
    expected = Applicability.SAFE if safe else Applicability.UNSAFE
    assert finding.fix.applicability is expected


@pytest.mark.parametrize(
    ("text", "language", "closer"),
    [
        ('Sie sagte „ja" und ging.', "de", "“"),
        ('Powiedział „tak" i wyszedł.', "pl", "”"),
        ("He said ‘no' and left.", "en", "’"),
        ('Il a dit «non" hier.', "fr", "»"),
    ],
)
def test_mixed_fix_uses_the_language_closer(
    text: str, language: str, closer: str
) -> None:
    [finding] = lint(text, language)
    assert finding.rule == "quotes.Mixed"
    assert finding.fix is not None
    assert finding.fix.edits[0].replacement == closer


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ('The panel called it “a grave mistake" on Monday.', True),
        # A straight ' may be an apostrophe (the students' work).
        ("He said ‘no' and left.", False),
        # After a digit a straight " may be an inch or seconds mark (before
        # a noun it is one: “new 27" screens leaves “ unclosed).
        ('The slogan was “vote 4" at every rally.', False),
    ],
)
def test_mixed_fix_is_safe_only_for_a_double_quote_after_no_digit(
    text: str, safe: bool
) -> None:
    [finding] = lint(text)
    assert finding.rule == "quotes.Mixed"
    assert finding.fix is not None
    assert finding.fix.is_safe is safe


def test_curly_closer_on_straight_opener_is_mixed_without_fix() -> None:
    [finding] = lint('He called it "a mistake” and left.')
    assert (finding.rule, finding.col) == ("quotes.Mixed", 24)
    assert finding.fix is None


def test_opening_mark_used_as_closer() -> None:
    assert where("He said “probably not“ and smiled.") == [("quotes.Mixed", 1, 22)]


def test_stray_between_words() -> None:
    assert where("prisoners of war ' evoke.") == [("quotes.Stray", 1, 18)]
    assert where('The vote " was late.') == [("quotes.Stray", 1, 10)]


def test_unclosed_single_inside_double() -> None:
    text = "“He told me ‘stay here,” she said."
    assert where(text) == [("quotes.Unclosed", 1, 13)]


def test_findings_are_one_character_at_the_mark() -> None:
    for finding in lint('A “b" c ’ d.” e " f'):
        assert finding.end - finding.start == 1
        assert finding.match in "\"'“”„‘’‚«»‹›"


# -- across paragraphs -----------------------------------------------------


def test_book_convention_continues_a_quotation() -> None:
    text = "“First part.\n\n“Second part.\n\n“Last part.”\n"
    assert where(text) == []


def test_french_continuation_opens_with_a_closing_guillemet() -> None:
    text = "« Premier paragraphe.\n\n» Suite et fin. »\n"
    assert where(text, "fr") == []


def test_cross_paragraph_pair_of_same_style_is_one_unclosed() -> None:
    text = "He said “we stay.\n\nWe will not leave.” Then he left.\n"
    [finding] = lint(text)
    assert (finding.rule, finding.line, finding.col) == ("quotes.Unclosed", 1, 9)
    assert "line 3" in finding.message


def test_cross_paragraph_pair_of_mixed_style_is_one_mixed() -> None:
    text = '“We stay.\n\nWe hold.\n\nWe will not leave," he said.\n'
    [finding] = lint(text)
    assert (finding.rule, finding.line, finding.col) == ("quotes.Mixed", 5, 19)
    assert "line 1" in finding.message
    assert finding.fix is None


def test_a_new_opener_left_open_ends_the_cross_paragraph_search() -> None:
    text = "He said “we stay.\n\nShe said “no twice.\n\nThe end.”\n"
    assert where(text) == [
        ("quotes.Unclosed", 1, 9),
        ("quotes.Unclosed", 3, 10),
    ]
    [_, later] = lint(text)
    assert "line 5" in later.message


def test_a_quotation_closed_inside_a_later_paragraph_may_be_nested() -> None:
    """A long statement whose later paragraph quotes a sign with the same
    marks ("…a sticker that said "Freedom isn't free." …right!") is one
    quotation closed paragraphs later; as a later paragraph cannot tell a
    nested quotation from one of its own, the pair is reported once, at
    the opener, with the line that closes it."""
    text = (
        "“I joined at seventeen.\n\n"
        "One day I saw a sticker that said “Freedom isn't free.” "
        "I would not have it any other way!”\n"
    )
    [finding] = lint(text)
    assert (finding.rule, finding.line, finding.col) == ("quotes.Unclosed", 1, 1)
    assert "line 3" in finding.message
    # One of the other kind is nested in any quotation.
    text = "He said “we stay.\n\nShe said ‘no’ twice.\n\nThe end.”\n"
    assert where(text) == [("quotes.Unclosed", 1, 9)]


@pytest.mark.parametrize("listed", [True, False])
def test_never_pair_across_a_code_block(listed: bool) -> None:
    """A code block stops pairing, whether the reader lists it or only masks it."""
    text = "He said “we stay.\n\n```\nx = '”'\n```\n\nWe will not leave.” Then.\n"
    code_start = text.index("```")
    code_end = text.rindex("```") + 3
    masked = "".join(c if c == "\n" else " " for c in text[code_start:code_end])
    prose = text[:code_start] + masked + text[code_end:]
    code = (Block(code_start, code_end, "code"),) if listed else ()
    blocks = (
        Block(0, text.index("\n")),
        *code,
        Block(text.index("We will"), len(text) - 1),
    )
    doc = Document(
        path="x.md", text=text, prose=prose, format="markdown", blocks=blocks
    )
    found = sorted((f for c in CHECKS for f in c.run(doc)), key=lambda f: f.sort_key)
    assert [(f.rule, f.line, f.col) for f in found] == [
        ("quotes.Unclosed", 1, 9),
        ("quotes.Unmatched", 7, 19),
    ]


def test_blank_gaps_do_not_stop_pairing() -> None:
    text = "He said “we stay.\n\n\n\nWe will not leave.” Then.\n"
    assert where(text) == [("quotes.Unclosed", 1, 9)]


# -- what an editor leaves alone -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Don’t stop; rock ’n’ roll ruled the ’90s.",
        "Rock 'n' roll ruled the '90s, 'til the end, and we loved 'em.",
        "The soldiers' rifles and Kyiv's parks; the Joneses’ dog.",
        "He is 5'9\" tall.",
        "The summit lies at 40° 26' 46\" N.",
        "She is 5’9” tall.",
        "\"He said 'no' twice,\" she wrote.",
        "“He said ‘no’ twice,” she wrote.",
        '"The unit scored "excellent" twice," he said.',
        'He cited "Route 66" and "1984".',
        '"No!" he shouted. "Why?" she asked. ("Never.")',
        "'Tis the season.",
    ],
)
def test_english_leaves_alone(text: str) -> None:
    assert where(text) == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("„Wir bleiben“, sagte sie. „Das ist ‚unser‘ Haus.“", "de"),
        ("»Der Winter kommt«, sagte er. »Sie nennen ihn ›den Langen‹.«", "de"),
        ("«Wir bleiben», sagte er. «Die Brücke ist ‹nicht sicher›.»", "de-CH"),
        ("« Nous restons », a dit l’élu d’« ici ».", "fr"),
        ("«\u00a0Nous restons\u00a0», a-t-il dit.", "fr"),
        ("„Nie zgadzamy się” – powiedział. „To «nasza» decyzja”.", "pl"),
        ("»Vi bliver her«, sagde hun. »Det er ›vores‹ by.«", "da"),
        ("”Vi stannar”, sa hon. ”Det är ’vår’ stad.”", "sv"),
        ("»Vintern kommer», sa han.", "sv"),
        ("Wie geht’s? Hans’ Auto steht dort.", "de"),
        ("„Wir bleiben“, sagte sie.", "en"),  # the „ settles the style
    ],
)
def test_other_conventions_are_left_alone(text: str, language: str) -> None:
    assert where(text, language) == []


def test_french_orphan_closer_after_nbsp() -> None:
    text = "La réforme est une erreur\u00a0», a dit la députée."
    assert where(text, "fr") == [("quotes.Unmatched", 1, 27)]


# -- rule files and schema -------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_rule_examples(name: str) -> None:
    data = yaml.safe_load((RULES / f"{name}.yml").read_text(encoding="utf-8"))
    rule = f"quotes.{name}"
    assert len(data["examples"]["bad"]) >= 3
    assert len(data["examples"]["good"]) >= 3
    for text in data["examples"]["bad"]:
        assert any(f.rule == rule for f in lint(text)), text
    for text in data["examples"]["good"]:
        assert not [f for f in lint(text) if f.rule == rule], text


def _meta() -> RuleMeta:
    return RuleMeta(id="quotes.Mixed", extends="pairs", source="rules/quotes/Mixed.yml")


def test_unknown_key_is_named() -> None:
    data = {"extends": "pairs", "message": "m", "defect": "mixed", "styles": "all"}
    with pytest.raises(RuleError, match="'styles'"):
        Pairs.from_yaml(_meta(), data, SHIPPED)


def test_bad_defect_value() -> None:
    with pytest.raises(RuleError, match="'defect'"):
        Pairs.from_yaml(_meta(), {"extends": "pairs", "defect": "odd"}, SHIPPED)


def test_missing_defect() -> None:
    with pytest.raises(RuleError, match="'defect'"):
        Pairs.from_yaml(_meta(), {"extends": "pairs"}, SHIPPED)


def test_expected_closer_by_language() -> None:
    assert expected_closer("„", "de-AT") == "“"
    assert expected_closer("„", "pl") == "”"
    assert expected_closer("»", "da") == "«"
    assert expected_closer("»", "sv") == "»"
    assert expected_closer("“", "en") == "”"


# -- the shared pass -------------------------------------------------------


def test_shared_pass_follows_each_document() -> None:
    first = Document.plain("A “b.", path="a.txt")
    second = Document.plain("A “b.", path="b.txt")
    third = Document.plain("A b.", path="c.txt")
    unclosed = CHECKS[0]
    assert [f.path for f in unclosed.run(first)] == ["a.txt"]
    assert [f.path for f in unclosed.run(second)] == ["b.txt"]
    assert list(unclosed.run(third)) == []


def _calls(text: str, language: str) -> tuple[int, list[Finding]]:
    """The function calls (Python and C) that linting ``text`` makes, and
    its findings: a measure of work that the machine's load cannot change."""
    count = 0

    def hook(frame: object, event: str, arg: object) -> None:
        nonlocal count
        count += event in ("call", "c_call")

    sys.setprofile(hook)
    try:
        found = lint(text, language)
    finally:
        sys.setprofile(None)
    return count, found


def test_work_grows_linearly_with_a_large_document() -> None:
    """Four times the paragraphs, about four times the work (a pass per
    mark or per pair would make it sixteen)."""
    para = "He said “we stay” and ‘no’; it’s 5'9\" » ' \" ” « tall.\n\n"
    lint(para, "fr")  # what is compiled on first use, out of the count
    small, found = _calls(para * 1_000, "fr")
    large, _ = _calls(para * 4_000, "fr")
    assert len(found) >= 1_000
    assert large < 4.4 * small


# -- properties ------------------------------------------------------------

_ALPHABET = "ab1 \n\n\"'“”„‘’‚«»‹›.,\u00a0"


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=_ALPHABET, max_size=80), st.sampled_from(["en", "de", "fr", "sv"])
)
def test_findings_stay_inside_the_text(text: str, language: str) -> None:
    for finding in lint(text, language):
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.match


_WORDS = st.sampled_from(
    ["news", "don’t", "Kyiv's", "soldiers’", "’90s", "rock ’n’ roll", "it’s", "war"]
)
_QUOTED = st.lists(_WORDS, min_size=1, max_size=4).map(
    lambda ws: "“" + " ".join(ws) + "”"
)
_SENTENCE = st.lists(st.one_of(_WORDS, _QUOTED), min_size=1, max_size=8).map(" ".join)
_PARAGRAPH = st.lists(_SENTENCE, min_size=1, max_size=3).map(
    lambda s: ". ".join(s) + "."
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PARAGRAPH, min_size=1, max_size=4).map("\n\n".join))
def test_balanced_quotes_and_apostrophes_are_clean(text: str) -> None:
    assert where(text) == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab \n'\"“”‘’«»", max_size=30))
def test_ascii_and_unicode_mark_scans_agree(text: str) -> None:
    """The byte scan of ASCII text finds the marks the class split finds."""
    from copydesk.quotes import _MARKS, _mark_offsets

    pieces = _MARKS.split(text)
    expected = list(itertools.accumulate(map(len, pieces)))[0:-1:2]
    assert _mark_offsets(text) == expected
    ascii_only = text.encode("ascii", "ignore").decode()
    pieces = _MARKS.split(ascii_only)
    expected = list(itertools.accumulate(map(len, pieces)))[0:-1:2]
    assert _mark_offsets(ascii_only) == expected


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 30), st.integers(0, 8), st.sampled_from(["a", "b"])),
        max_size=8,
    ),
    st.booleans(),
)
def test_blocks_already_in_order_are_taken_as_they_are(
    raw: list[tuple[int, int, str]], ordered: bool
) -> None:
    """The quick check for sorted, disjoint blocks agrees with sorting them."""
    from copydesk.document import Block
    from copydesk.quotes import _disjoint, _made_disjoint

    blocks = [Block(start, start + length, kind) for start, length, kind in raw]
    if ordered:
        blocks.sort()
    assert _disjoint(blocks) == _made_disjoint(blocks)
