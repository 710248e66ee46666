"""``--statistics``: counts per rule, most frequent first, fixability marked."""

from __future__ import annotations

import json
from typing import Any

from copydesk.model import Applicability, Finding, Fix
from copydesk.report import render
from copydesk.report.statistics import count
from tests.report.sample import FINDINGS, context


def _with(finding: Finding, **changes: Any) -> Finding:
    fields = {name: getattr(finding, name) for name in Finding._fields}
    return Finding(**{**fields, **changes})


def test_sorted_by_count_then_rule() -> None:
    beijing, typo, quote = FINDINGS[:3]
    findings = [beijing, typo, typo, quote, quote, _with(quote, line=9)]
    rows = count(findings, context())
    assert [(r.count, r.rule) for r in rows] == [
        (3, "quotes.Unclosed"),
        (2, "typos.Misspelling"),
        (1, "names.Beijing"),
    ]


def test_markers_tell_safe_from_unsafe_from_none() -> None:
    beijing, typo, quote = FINDINGS[:3]
    mixed = _with(beijing, fix=Fix(beijing.fix.edits, Applicability.SAFE))  # type: ignore[union-attr]
    lines = render("statistics", [beijing, typo, quote], context()).splitlines()
    assert [line.split()[2] for line in lines] == ["[-]", "Every", "[*]"]
    assert count([beijing, mixed], context())[0].marker == "[*]"


def test_columns_align() -> None:
    findings = [FINDINGS[2]] * 12 + [FINDINGS[1]]
    out = render("statistics", findings, context())
    assert out == (
        "12  quotes.Unclosed        "
        "Every opening quote needs its closing partner within the same paragraph.\n"
        " 1  typos.Misspelling  [*] 'Bejing' is a misspelling of 'Beijing'.\n"
    )


def test_message_falls_back_to_the_first_finding_on_one_line() -> None:
    out = render("statistics", [FINDINGS[2]], context(rules={}, width=200))
    assert out == (
        "1  quotes.Unclosed      Unclosed quote “: expected ” before the paragraph "
        "ends, 100% sure: add one, or drop the opener.\n"
    )


def test_messages_wrap_to_the_width_under_their_column() -> None:
    out = render("statistics", [FINDINGS[2]], context(rules={}, width=60))
    assert out.splitlines() == [
        "1  quotes.Unclosed      Unclosed quote “: expected ” before",
        "                        the paragraph ends, 100% sure: add",
        "                        one, or drop the opener.",
    ]


def test_clean_run() -> None:
    assert render("statistics", [], context()) == ""
    assert json.loads(render("statistics-json", [], context())) == []
