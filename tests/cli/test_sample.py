"""The real machine-translated draft: every defect an editor finds, at its line."""

from __future__ import annotations

import json

import pytest

from copydesk.cli import main
from tests.conftest import SAMPLE

pytestmark = pytest.mark.skipif(not SAMPLE.exists(), reason="../shared not present")

# (pack, line, first suggestion or None)
EXPECTED = {
    ("names", 3, "Zelensky"),
    ("quotes", 3, None),
    # Issue 20: each author box (name line, bio line, follow toggle) is one
    # block of debris, lines 7-11 and 13-17; the toggles keep their own.
    ("artifacts", 7, None),
    ("artifacts", 11, None),
    ("artifacts", 13, None),
    ("artifacts", 17, None),
    ("names", 35, "Illia"),
    ("variants", 35, "Samoylenko"),
    ("names", 35, "Lévy"),
    ("names", 37, "Kyiv"),
    ("quotes", 51, None),
    ("variants", 57, "Pushilin"),
    ("typos", 69, "heartless"),
    ("quotes", 73, None),
    ("names", 79, "Donbas"),
}


def run_json(
    capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, list[dict[str, object]]]:
    code = main(["check", "--format", "json", *args, str(SAMPLE)])
    return code, json.loads(capsys.readouterr().out)


def key(item: dict[str, object]) -> tuple[str, int, str | None]:
    suggestions = item["suggestions"]
    assert isinstance(suggestions, list)
    first = suggestions[0] if suggestions and item["rule"] not in QUOTE_RULES else None
    rule = str(item["rule"])
    line = item["line"]
    assert isinstance(line, int)
    return rule.split(".", 1)[0], line, first


QUOTE_RULES = {"quotes.Unclosed", "quotes.Mixed", "quotes.Stray", "quotes.Unmatched"}


def test_every_defect_found_with_its_suggestion(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, items = run_json(capsys)
    assert code == 1
    found = {key(i) for i in items}
    missing = EXPECTED - found
    assert not missing, f"missing {sorted(missing, key=str)}"
    assert len(items) - len(EXPECTED) <= 2, items


def test_core_packs_alone(capsys: pytest.CaptureFixture[str]) -> None:
    _, items = run_json(capsys, "--ignore", "variants")
    core = {(p, line) for p, line, _ in EXPECTED if p != "variants"}
    assert core <= {(str(i["rule"]).split(".")[0], i["line"]) for i in items}
    packs = {"names": 4 + 1, "quotes": 3, "artifacts": 2 + 2, "typos": 1}
    for pack, count in packs.items():
        assert (
            sum(1 for i in items if str(i["rule"]).startswith(pack + ".")) == count
        ), pack


def test_fields_of_a_finding(capsys: pytest.CaptureFixture[str]) -> None:
    _, items = run_json(capsys, "--select", "names.Places")
    kiev = next(i for i in items if i["match"] == "Kiev")
    assert kiev["line"] == 37
    assert kiev["end_line"] == 37
    assert kiev["end_column"] == kiev["column"] + 4  # type: ignore[operator]
    assert kiev["severity"] == "warning"
    assert kiev["fix"] == {
        "applicability": "safe",
        "edits": [{"start": kiev["start"], "end": kiev["end"], "replacement": "Kyiv"}],
    }
