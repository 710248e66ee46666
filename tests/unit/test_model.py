"""The value types: their JSON shapes read back to equal values.

The results cache stores findings and rule metadata as these shapes, so a
field lost on the way would change what a warm run reports.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copydesk.document import Document
from copydesk.model import (
    Applicability,
    Edit,
    Examples,
    Finding,
    Fix,
    RuleMeta,
    Severity,
)

texts = st.text(max_size=20)
words = st.tuples(texts, texts, texts).map(lambda t: tuple(x for x in t if x))
counts = st.integers(min_value=0, max_value=10_000)
fixes = st.none() | st.builds(
    Fix,
    st.lists(st.builds(Edit, counts, counts, texts), max_size=3).map(tuple),
    st.sampled_from(Applicability),
)
findings = st.builds(
    Finding,
    rule=texts,
    severity=st.sampled_from(Severity),
    message=texts,
    path=texts,
    start=counts,
    end=counts,
    line=counts,
    col=counts,
    end_line=counts,
    end_col=counts,
    match=texts,
    suggestions=words,
    fix=fixes,
)
metas = st.builds(
    RuleMeta,
    id=texts,
    extends=texts,
    source=texts,
    message=texts,
    level=st.sampled_from(Severity),
    link=texts,
    description=texts,
    ignorecase=st.booleans(),
    exceptions=words,
    scope=texts,
    languages=words,
    kinds=words,
    examples=st.builds(Examples, words, words),
    enabled=st.booleans(),
    shipped=st.booleans(),
    furniture=st.sampled_from(["", "lines", "fallback"]),
)


@given(findings)
def test_a_finding_survives_its_json_shape(finding: Finding) -> None:
    shape = json.loads(json.dumps(finding.as_dict()))
    assert Finding.from_dict(shape) == finding


@given(findings, texts)
def test_a_stored_finding_takes_the_path_it_is_read_for(
    finding: Finding, path: str
) -> None:
    shape = finding.as_dict()
    del shape["path"]  # the cache stores findings by content, not by path
    assert Finding.from_dict(shape, path).path == path


@given(metas)
def test_rule_metadata_survives_its_json_shape(meta: RuleMeta) -> None:
    shape = json.loads(json.dumps(meta.as_dict()))
    assert RuleMeta.from_dict(shape) == meta


def test_a_malformed_shape_raises_what_the_cache_catches() -> None:
    shape = RuleMeta("a.B", "existence", "a/B.yml").as_dict()
    del shape["level"]
    with pytest.raises(KeyError):
        RuleMeta.from_dict(shape)
    with pytest.raises(ValueError, match="unknown level"):
        RuleMeta.from_dict({**shape, "level": "fatal"})


def test_a_rule_makes_findings_in_a_document() -> None:
    meta = RuleMeta(
        "house.Kiev", "substitution", "house/Kiev.yml", "Use '%s', not '%s'."
    )
    doc = Document.plain("We flew to Kiev.\n", path="trip.txt")
    fix = Fix((Edit(11, 15, "Kyiv"),), Applicability.SAFE)
    finding = meta.finding(doc, 11, 15, meta.format_message("Kyiv", "Kiev"), fix=fix)
    assert finding.as_dict() == {
        "path": "trip.txt",
        "line": 1,
        "column": 12,
        "end_line": 1,
        "end_column": 16,
        "start": 11,
        "end": 15,
        "rule": "house.Kiev",
        "severity": "warning",
        "message": "Use 'Kyiv', not 'Kiev'.",
        "match": "Kiev",
        "suggestions": [],
        "fix": {
            "applicability": "safe",
            "edits": [{"start": 11, "end": 15, "replacement": "Kyiv"}],
        },
    }
