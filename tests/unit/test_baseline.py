"""copydesk.baseline: keys that survive edits elsewhere, counts, the file format."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from copydesk.baseline import Key, dumps, key_of, keys_of, loads, new_findings
from copydesk.document import Document
from copydesk.errors import CopydeskError
from copydesk.model import Finding, Severity

BASE = "/srv/desk"


def findings_of(text: str, word: str, path: str = "/srv/desk/a.txt") -> list[Finding]:
    """A finding for every ``word`` in ``text``, as a check would make it."""
    doc = Document.plain(text, path)
    found = []
    start = text.find(word)
    while start >= 0:
        found.append(
            doc.finding("names.Places", Severity.WARNING, "m", start, start + len(word))
        )
        start = text.find(word, start + 1)
    return found


PARAGRAPH = (
    "The mayor of Kiev spoke for an hour about the harbour, the budget and "
    "the schools, and nobody asked about the bridge."
)


def keys(text: str, word: str = "Kiev") -> list[Key]:
    return [key_of(f, text, BASE) for f in findings_of(text, word)]


def test_a_key_survives_lines_inserted_above_it() -> None:
    assert keys(PARAGRAPH) == keys("# Title\n\nA new lead.\n\n" + PARAGRAPH)


def test_a_key_survives_an_edit_far_away_in_the_same_paragraph() -> None:
    edited = PARAGRAPH.replace("nobody asked", "no reporter asked")
    assert keys(PARAGRAPH) == keys(edited)


def test_a_key_changes_when_the_text_near_the_match_changes() -> None:
    edited = PARAGRAPH.replace("The mayor of Kiev", "The governor of Kiev")
    assert keys(PARAGRAPH) != keys(edited)


def test_white_space_does_not_change_a_key() -> None:
    assert keys(PARAGRAPH) == keys(PARAGRAPH.replace(" of Kiev ", "  of\tKiev  "))


def test_the_key_names_the_rule_the_file_and_the_match() -> None:
    [key] = keys(PARAGRAPH)
    assert key[:3] == ("a.txt", "names.Places", "Kiev")
    assert len(key.context) == 16


def test_duplicates_are_counted_and_a_third_copy_is_new() -> None:
    line = "Kiev, Kiev.\n"
    recorded = keys_of(
        findings_of(line * 2, "Kiev"), {"/srv/desk/a.txt": line * 2}, BASE
    )
    assert sorted(recorded.values()) == [2, 2]
    text = line * 3
    kept, hidden = new_findings(
        findings_of(text, "Kiev"), {"/srv/desk/a.txt": text}, recorded, BASE
    )
    assert hidden == 4
    assert [(f.line, f.col) for f in kept] == [(3, 1), (3, 7)]


def test_the_file_round_trips_sorted() -> None:
    recorded = Counter(
        {
            Key("b.md", "typos.X", "teh", "00"): 1,
            Key("a.md", "names.Places", "Kiev", "ff"): 2,
        }
    )
    text = dumps(recorded)
    assert loads(text, "base.json") == recorded
    document = json.loads(text)
    assert document["copydesk-baseline"] == 1
    assert [e["path"] for e in document["findings"]] == ["a.md", "b.md"]
    assert document["findings"][0] == {
        "path": "a.md",
        "rule": "names.Places",
        "match": "Kiev",
        "context": "ff",
        "count": 2,
    }


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("{", "not a copydesk baseline (invalid JSON"),
        ("[]", "not a copydesk baseline (no 'copydesk-baseline')"),
        ('{"copydesk-baseline": 9}', "baseline version 9, expected 1: rewrite it"),
        (
            '{"copydesk-baseline": 1, "findings": [{"path": "a"}]}',
            "findings[0]: expected path, rule, match, context, count",
        ),
    ],
)
def test_a_malformed_file_is_one_error_naming_it(text: str, reason: str) -> None:
    with pytest.raises(CopydeskError) as caught:
        loads(text, "base.json")
    assert caught.value.path == "base.json"
    assert caught.value.reason.startswith(reason)
