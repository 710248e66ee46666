"""SARIF: valid against the OASIS 2.1.0 schema, rules indexed, fixes mapped."""

from __future__ import annotations

import json
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest

from copydesk.model import Applicability, Edit, Finding, Fix, Severity
from copydesk.report import render
from copydesk.report.sarif import sarif_log
from tests.conftest import SHARED
from tests.report.sample import FINDINGS, GUIDE, SOURCES, context, make

#: The OASIS schema lives beside the checkout, in ../shared/schemas.
SCHEMA_PATH = SHARED / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> Any:
    if not SCHEMA_PATH.is_file():
        pytest.skip(f"SARIF schema not found: {SCHEMA_PATH}")
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )


def _run(log: dict[str, Any]) -> dict[str, Any]:
    run: dict[str, Any] = log["runs"][0]
    return run


@pytest.mark.parametrize(
    ("name", "findings"),
    [
        ("sample", FINDINGS),
        ("clean", ()),
        ("no rule metadata", FINDINGS),
    ],
)
def test_output_validates_against_the_schema(
    validator: Any, name: str, findings: tuple[Finding, ...]
) -> None:
    ctx = context(rules={}) if name == "no rule metadata" else context()
    log = json.loads(render("sarif", findings, ctx))
    errors = sorted(validator.iter_errors(log), key=str)
    assert not errors, errors[0]


def test_fix_without_source_validates_by_offsets(validator: Any) -> None:
    log = sarif_log(FINDINGS, context(sources={}))
    validator.validate(log)
    fix = _run(log)["results"][1]["fixes"][0]
    region = fix["artifactChanges"][0]["replacements"][0]["deletedRegion"]
    assert region == {"charOffset": FINDINGS[1].start, "charLength": 6}


def test_rules_are_the_fired_ones_and_results_index_them() -> None:
    run = _run(sarif_log(FINDINGS, context()))
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted({f.rule for f in FINDINGS})
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_rule_metadata_is_carried_over() -> None:
    rules = {
        r["id"]: r
        for r in _run(sarif_log(FINDINGS, context()))["tool"]["driver"]["rules"]
    }
    beijing = rules["names.Beijing"]
    assert beijing["helpUri"] == "https://example.org/style/names#beijing"
    assert beijing["defaultConfiguration"] == {"level": "warning"}
    assert beijing["shortDescription"]["text"].startswith("The house spelling")
    assert rules["typos.Misspelling"]["shortDescription"]["text"] == (
        "'…' is a misspelling of '…'."
    )
    assert rules["variants.Spelling"] == {
        "id": "variants.Spelling",
        "shortDescription": {"text": "variants.Spelling"},
    }


def test_levels_and_regions_match_the_findings() -> None:
    run = _run(sarif_log(FINDINGS, context()))
    assert run["columnKind"] == "unicodeCodePoints"
    assert [r["level"] for r in run["results"]] == [
        "warning",
        "error",
        "warning",
        "note",
        "note",
    ]
    multi = run["results"][3]["locations"][0]["physicalLocation"]["region"]
    assert (multi["startLine"], multi["endLine"]) == (5, 6)
    zurich = run["results"][4]["locations"][0]["physicalLocation"]
    assert zurich["region"]["startColumn"] == 12
    assert zurich["artifactLocation"] == {
        "uri": "notes/%E6%9D%B1%E4%BA%AC.txt",
        "uriBaseId": "%SRCROOT%",
    }


def test_fixes_become_replacements_with_their_applicability() -> None:
    results = _run(sarif_log(FINDINGS, context()))["results"]
    unsafe, safe = results[0]["fixes"][0], results[1]["fixes"][0]
    assert safe["properties"] == {"applicability": "safe"}
    assert "unsafe" in unsafe["description"]["text"]
    replacement = safe["artifactChanges"][0]["replacements"][0]
    assert replacement == {
        "deletedRegion": {
            "startLine": 3,
            "startColumn": 31,
            "endLine": 3,
            "endColumn": 37,
        },
        "insertedContent": {"text": "Beijing"},
    }
    assert "fixes" not in results[2]


def test_multi_edit_and_deletion_fixes_are_described() -> None:
    text = SOURCES[GUIDE]
    start = text.index("Peking")
    deletion = Fix((Edit(start, start + 6, ""),), Applicability.SAFE)
    double = Fix(
        (Edit(start, start + 1, "B"), Edit(start + 1, start + 6, "eijing")),
        Applicability.SAFE,
    )
    base = make(GUIDE, "Peking", "names.Beijing", Severity.WARNING, "m")
    texts = []
    for fix in (deletion, double):
        finding = Finding(**{**_fields(base), "fix": fix})
        result = _run(sarif_log([finding], context()))["results"][0]
        texts.append(result["fixes"][0]["description"]["text"])
    assert texts == ["Delete the match", "Apply 2 edits"]


def test_paths_outside_cwd_become_file_uris_and_inside_become_relative() -> None:
    inside = Finding(**{**_fields(FINDINGS[0]), "path": "/srv/newsroom/docs/a b.md"})
    outside = Finding(**{**_fields(FINDINGS[0]), "path": "/elsewhere/c.md"})
    results = _run(sarif_log([inside, outside], context()))["results"]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in results]
    assert uris == [
        {"uri": "docs/a%20b.md", "uriBaseId": "%SRCROOT%"},
        {"uri": "file:///elsewhere/c.md"},
    ]


def test_relative_cwd_still_gives_a_base_uri(validator: Any) -> None:
    log = sarif_log(FINDINGS, context(cwd="work tree"))
    validator.validate(log)
    assert _run(log)["originalUriBaseIds"]["%SRCROOT%"] == {"uri": "work%20tree/"}


def test_version_comes_from_the_context() -> None:
    run = _run(sarif_log([], context(version="9.9")))
    assert run["tool"]["driver"]["version"] == "9.9"
    assert run["results"] == []


def _fields(finding: Finding) -> dict[str, Any]:
    return {name: getattr(finding, name) for name in Finding._fields}
