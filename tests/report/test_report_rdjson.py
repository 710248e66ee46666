"""--format rdjson: reviewdog's DiagnosticResult, with byte columns and suggestions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest

from copydesk.cli import main
from copydesk.document import Document
from copydesk.model import Applicability, Edit, Finding, Fix, Severity
from copydesk.report import render
from tests.report.sample import FINDINGS, context


def _object(properties: dict[str, Any], required: tuple[str, ...] = ()) -> Any:
    # protojson.Unmarshal, which reviewdog uses, rejects unknown fields.
    return {
        "type": "object",
        "properties": properties,
        "required": list(required),
        "additionalProperties": False,
    }


_POSITION = _object(
    {"line": {"type": "integer", "minimum": 1}, "column": {"type": "integer"}}
)
_RANGE = _object({"start": _POSITION, "end": _POSITION}, ("start",))
_SEVERITY = {"enum": ["UNKNOWN_SEVERITY", "ERROR", "WARNING", "INFO"]}
_SOURCE = _object({"name": {"type": "string"}, "url": {"type": "string"}}, ("name",))

#: Written from reviewdog's proto/rdf/reviewdog.proto (DiagnosticResult and
#: the messages under it), with what copydesk promises made required.
SCHEMA = _object(
    {
        "source": _SOURCE,
        "severity": _SEVERITY,
        "diagnostics": {
            "type": "array",
            "items": _object(
                {
                    "message": {"type": "string"},
                    "location": _object(
                        {"path": {"type": "string"}, "range": _RANGE},
                        ("path", "range"),
                    ),
                    "severity": _SEVERITY,
                    "source": _SOURCE,
                    "code": _object(
                        {"value": {"type": "string"}, "url": {"type": "string"}},
                        ("value",),
                    ),
                    "suggestions": {
                        "type": "array",
                        "items": _object(
                            {"range": _RANGE, "text": {"type": "string"}},
                            ("range", "text"),
                        ),
                    },
                    "original_output": {"type": "string"},
                },
                ("message", "location", "severity", "code"),
            ),
        },
    },
    ("source", "diagnostics"),
)


def test_the_sample_run_is_valid_rdjson() -> None:
    result = json.loads(render("rdjson", FINDINGS, context()))
    jsonschema.validate(result, SCHEMA)
    assert len(result["diagnostics"]) == len(FINDINGS)


def test_an_empty_run_is_one_valid_document() -> None:
    result = json.loads(render("rdjson", [], context()))
    jsonschema.validate(result, SCHEMA)
    assert result == {"source": {"name": "copydesk"}, "diagnostics": []}


def apply_as_reviewdog(lines: list[bytes], suggestion: dict[str, Any]) -> bytes:
    """What reviewdog posts for a suggestion with columns: the start line up to
    the start column, the text, the end line from the end column (bytes)."""
    start = suggestion["range"]["start"]
    end = suggestion["range"]["end"]
    head: bytes = lines[start["line"] - 1][: start["column"] - 1]
    tail: bytes = lines[end["line"] - 1][end["column"] - 1 :]
    text: str = suggestion["text"]
    return head + text.encode("utf-8") + tail


def finding_with_fix(text: str, edits: tuple[Edit, ...]) -> Finding:
    doc = Document.plain(text, "draft.txt")
    start = min(e.start for e in edits)
    end = max(e.end for e in edits)
    return doc.finding(
        "style.Test",
        Severity.WARNING,
        "m",
        start,
        end,
        fix=Fix(edits, Applicability.SAFE),
    )


def test_byte_columns_and_merged_edits_apply_as_the_fix_does() -> None:
    text = "Intro.\nΣ 𐐀 café in Kiev and Kiev again.\n"
    line = text.splitlines()[1]
    first = text.index("Kiev")
    second = text.index("Kiev", first + 1)
    edits = (
        Edit(second, second + 4, "Kyiv"),  # given out of order on purpose
        Edit(first, first + 4, "Kyiv"),
    )
    found = finding_with_fix(text, edits)
    ctx = context(sources={"draft.txt": text}, cwd="/nowhere")
    diagnostic = json.loads(render("rdjson", [found], ctx))["diagnostics"][0]
    start = diagnostic["location"]["range"]["start"]
    # 'Σ' is 2 bytes, '𐐀' 4, 'é' 2: the code-point column 13 is byte 18.
    assert found.col == line.index("Kiev") + 1 == 13
    assert (
        start
        == {"line": 2, "column": len(line[:12].encode()) + 1}
        == {
            "line": 2,
            "column": 18,
        }
    )
    [suggestion] = diagnostic["suggestions"]
    assert suggestion["text"] == "Kyiv and Kyiv"
    lines = [row.encode() for row in text.splitlines()]
    fixed = apply_as_reviewdog(lines, suggestion)
    assert fixed.decode() == "Σ 𐐀 café in Kyiv and Kyiv again."


def test_an_insertion_and_a_deletion_become_exact_ranges() -> None:
    text = "the the café\n"
    found = finding_with_fix(text, (Edit(3, 7, ""), Edit(12, 12, ".")))
    ctx = context(sources={"draft.txt": text}, cwd="/nowhere")
    [diagnostic] = json.loads(render("rdjson", [found], ctx))["diagnostics"]
    [suggestion] = diagnostic["suggestions"]
    assert suggestion["range"] == {
        "start": {"line": 1, "column": 4},
        "end": {"line": 1, "column": 14},
    }
    assert (
        apply_as_reviewdog([b"the the caf\xc3\xa9"], suggestion) == "the café.".encode()
    )


def test_check_format_rdjson_on_a_draft_carries_suggestions(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("draft.txt").write_text(
        "Talks in Kiev ended at noon. The the delegates left.\n", encoding="utf-8"
    )
    code = main(["check", "--no-cache", "--format", "rdjson", "draft.txt"])
    result = json.loads(capsys.readouterr().out)
    jsonschema.validate(result, SCHEMA)
    by_rule = {d["code"]["value"]: d for d in result["diagnostics"]}
    places = by_rule["names.Places"]
    assert places["location"] == {
        "path": "draft.txt",
        "range": {"start": {"line": 1, "column": 10}, "end": {"line": 1, "column": 14}},
    }
    assert places["suggestions"][0]["text"] == "Kyiv"
    assert code == 1
