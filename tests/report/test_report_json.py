"""The JSON format: a bare list of ``Finding.as_dict()``, valid against its schema."""

from __future__ import annotations

import json

import jsonschema  # type: ignore[import-untyped]
import pytest

from copydesk.model import Finding
from copydesk.report import render
from copydesk.report.json import SCHEMA_NAME, SCHEMA_VERSION, schema
from tests.report.sample import FINDINGS, context


def test_output_is_the_list_of_as_dict() -> None:
    out = render("json", FINDINGS, context())
    assert out.endswith("]\n")
    assert json.loads(out) == [f.as_dict() for f in FINDINGS]


def test_empty_run_is_an_empty_list() -> None:
    assert json.loads(render("json", [], context())) == []


def test_non_ascii_is_kept_readable() -> None:
    assert "東京" in render("json", FINDINGS, context())


def test_output_validates_against_the_shipped_schema() -> None:
    data = json.loads(render("json", FINDINGS, context()))
    jsonschema.Draft202012Validator.check_schema(schema())
    jsonschema.validate(data, schema(), cls=jsonschema.Draft202012Validator)
    assert schema()["title"] == SCHEMA_NAME == f"copydesk-json-v{SCHEMA_VERSION}"


def test_schema_names_every_key_as_dict_makes() -> None:
    finding_schema = schema()["$defs"]["finding"]
    keys = set(FINDINGS[0].as_dict())
    assert keys == set(finding_schema["required"]) == set(finding_schema["properties"])


@pytest.mark.parametrize(
    "breakage",
    [
        {"severity": "fatal"},
        {"line": "3"},
        {"fix": {"applicability": "maybe", "edits": []}},
    ],
)
def test_schema_rejects_a_broken_finding(breakage: dict[str, object]) -> None:
    bad: dict[str, object] = {**FINDINGS[0].as_dict(), **breakage}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([bad], schema(), cls=jsonschema.Draft202012Validator)


def test_every_finding_in_the_sample_is_a_finding() -> None:
    assert all(isinstance(f, Finding) for f in FINDINGS)
