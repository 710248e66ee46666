"""The ``existence`` check type: tokens, lines, between sentences, quotes, fixes."""

from __future__ import annotations

from typing import Any

import pytest

from copydesk.checks.base import Check
from copydesk.checks.existence import Existence, quoted_spans
from copydesk.document import Document
from copydesk.errors import RuleError
from copydesk.fix import apply_edits
from copydesk.model import Applicability, Finding, RuleMeta
from copydesk.rulefiles import ShippedPacks

#: The shipped packs, lent to check types as the loader lends them.
SHIPPED = ShippedPacks()


def _check(ignorecase: bool = True, **data: Any) -> Check:
    meta = RuleMeta(
        id="test.Rule",
        extends="existence",
        source="rules/test/Rule.yml",
        message="'%s' found",
        ignorecase=ignorecase,
    )
    return Existence.from_yaml(meta, data, SHIPPED)


def _run(check: Check, text: str) -> list[Finding]:
    return list(check.run(Document.plain(text)))


def _fixed(check: Check, text: str) -> str:
    edits = [e for f in _run(check, text) if f.fix for e in f.fix.edits]
    new, _, skipped = apply_edits(text, edits)
    assert not skipped
    return new


def test_plain_tokens_match_whole_words() -> None:
    check = _check(tokens=["teh", "recieve"])
    found = _run(check, "Teh cat will recieve it; tehran is fine.")
    assert [f.match for f in found] == ["Teh", "recieve"]
    assert found[0].message == "'Teh' found"


def test_regex_tokens_and_nonword() -> None:
    check = _check(tokens=[r"\d+ ?%"], nonword=True)
    assert [f.match for f in _run(check, "up 5% or 6 %")] == ["5%", "6 %"]


def test_raw_is_joined() -> None:
    check = _check(raw=["colou?r", "s"])
    assert [f.match for f in _run(check, "colors and colours")] == ["colors", "colours"]


def test_whole_line_allows_bullets_and_indent() -> None:
    check = _check(tokens=["Follow", "Follow I follow"], line=True)
    text = "I follow the news.\n  • Follow I follow\n- Follow\nFollow us\n"
    found = _run(check, text)
    assert [(f.line, f.match) for f in found] == [
        (2, "• Follow I follow"),
        (3, "- Follow"),
    ]


def test_whole_line_with_crlf_and_cr() -> None:
    check = _check(tokens=["Share"], line=True)
    assert [f.line for f in _run(check, "a\r\nShare\r\nb\rShare\r")] == [2, 4]


def test_case_is_respected_without_ignorecase() -> None:
    check = _check(ignorecase=False, tokens=["Share"], line=True)
    assert [f.line for f in _run(check, "share\nShare\n")] == [2]


def test_between_sentences() -> None:
    check = _check(tokens=["Advertisement", "Anzeige"], between_sentences=True)
    text = (
        "Rates rose. Advertisement Markets fell.\n"
        "The advertisement ran for weeks.\n"
        "Advertisement\n"
        "Die Anzeige wurde erstattet. Anzeige Die Polizei ermittelt.\n"
        "Er stellte Anzeige. Anzeige gegen Unbekannt folgte.\n"
        "Prices rose. Advertisement\n"
    )
    found = _run(check, text)
    assert [(f.line, f.col) for f in found] == [(1, 13), (3, 1), (4, 30), (6, 14)]


def test_between_sentences_needs_capital_even_with_ignorecase() -> None:
    check = _check(tokens=["Advertisement"], between_sentences=True)
    assert _run(check, "Rates rose. Advertisement markets fell.") == []


def test_line_and_between_sentences_exclude_each_other() -> None:
    with pytest.raises(RuleError, match="between_sentences"):
        _check(tokens=["x"], line=True, between_sentences=True)


def test_skip_quoted() -> None:
    check = _check(tokens=["Advertisement"], between_sentences=True, skip_quoted=True)
    text = (
        'He wrote: "It ended. Advertisement The rest."\n\n'
        "It ended. Advertisement The rest."
    )
    assert [f.line for f in _run(check, text)] == [3]
    loose = _check(tokens=["Advertisement"], between_sentences=True)
    assert len(_run(loose, text)) == 2


def test_quoted_spans_stop_at_blank_lines() -> None:
    text = "„Alle akzeptieren“ und «Teilen» und “open\n\nnever closed” ok"
    spans = [text[s:e] for s, e in quoted_spans(text)]
    assert spans == ["„Alle akzeptieren“", "«Teilen»"]


def test_remove_line_drops_one_blank_line_too() -> None:
    check = _check(tokens=["Share"], line=True, remove="line")
    assert _fixed(check, "A.\n\nShare\n\nB.\n") == "A.\n\nB.\n"
    assert _fixed(check, "Share\n\nB.\n") == "B.\n"
    assert _fixed(check, "A.\n\nShare\n") == "A.\n"
    assert _fixed(check, "A.\nShare\nB.\n") == "A.\nB.\n"
    assert _fixed(check, "A.\n\nShare") == "A.\n"


def test_remove_auto_deletes_inline_match_or_whole_line() -> None:
    check = _check(tokens=["Advertisement"], between_sentences=True, remove="auto")
    assert _fixed(check, "Rates rose. Advertisement Markets fell.\n") == (
        "Rates rose. Markets fell.\n"
    )
    assert _fixed(check, "Rates rose.\n\nAdvertisement\n\nMarkets fell.\n") == (
        "Rates rose.\n\nMarkets fell.\n"
    )
    assert _fixed(check, "Rates rose. Advertisement\n") == "Rates rose.\n"


def test_remove_match_and_none() -> None:
    check = _check(tokens=["teh"], remove="match", applicability="safe")
    [finding] = _run(check, "teh end")
    assert finding.fix is not None
    assert finding.fix.applicability is Applicability.SAFE
    assert _fixed(check, "teh end") == " end"
    assert _run(_check(tokens=["teh"]), "teh")[0].fix is None


def test_default_applicability_is_unsafe() -> None:
    [finding] = _run(_check(tokens=["x"], remove="line"), "x\n")
    assert finding.fix is not None
    assert not finding.fix.is_safe


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({}, "needs at least one token"),
        ({"tokens": ["x"], "remove": "all"}, "expected none, line, match or auto"),
        ({"tokens": ["x"], "applicability": "maybe"}, "expected safe or unsafe"),
        ({"tokens": ["(x"], "line": True}, "bad regex"),
        ({"tokens": ["(x"]}, "bad regex"),
        ({"raw": ["(x"]}, "bad regex"),
        ({"tokens": ["x"], "needs": [""]}, "key 'needs': empty string"),
    ],
)
def test_bad_rule_files(data: dict[str, Any], reason: str) -> None:
    with pytest.raises(RuleError, match=reason) as info:
        _check(**data)
    assert info.value.path == "rules/test/Rule.yml"


def test_empty_matches_are_skipped() -> None:
    check = _check(tokens=["x?"], nonword=True)
    assert [f.match for f in _run(check, "ab x")] == ["x"]
