"""Vale's outputs byte for byte, and copydesk's reporters through ``--format``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.vale.conftest import Run, write_tree

CONFIG = (
    "StylesPath = styles\nMinAlertLevel = suggestion\n\n[*]\nBasedOnStyles = House\n"
)
FILES = {
    ".vale.ini": CONFIG,
    "styles/House/Terms.yml": (
        "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\n"
        "link: https://example.com/terms?a=1&b=<2>\nlevel: error\nignorecase: true\n"
        "action:\n  name: replace\nswap:\n  utilize: use\n"
    ),
    "styles/House/Weak.yml": (
        "extends: existence\nmessage: \"Weak   '%s'\"\ndescription: Cut it.\n"
        "level: suggestion\ntokens:\n  - very\n"
    ),
    "b.md": "A very nice day.\n",
    "a.md": "We utilize a very big tool.\n",
}


@pytest.fixture
def house(project: Path) -> Path:
    write_tree(project, FILES)
    return project


def test_json_output_is_go_shaped(house: Path, vale: Run) -> None:
    result = vale("a.md", output="JSON")
    assert result.code == 1
    assert result.out == (
        "{\n"
        '  "a.md": [\n'
        "    {\n"
        '      "Action": {\n'
        '        "Name": "replace",\n'
        '        "Params": [\n'
        '          "use"\n'
        "        ]\n"
        "      },\n"
        '      "Span": [\n'
        "        4,\n"
        "        10\n"
        "      ],\n"
        '      "Check": "House.Terms",\n'
        '      "Description": "",\n'
        '      "Link": "https://example.com/terms?a=1\\u0026b=\\u003c2\\u003e",\n'
        "      \"Message\": \"Use 'use' instead of 'utilize'.\",\n"
        '      "Severity": "error",\n'
        '      "Match": "utilize",\n'
        '      "Line": 1\n'
        "    },\n"
        "    {\n"
        '      "Action": {\n'
        '        "Name": "",\n'
        '        "Params": null\n'
        "      },\n"
        '      "Span": [\n'
        "        14,\n"
        "        17\n"
        "      ],\n"
        '      "Check": "House.Weak",\n'
        '      "Description": "Cut it.",\n'
        '      "Link": "",\n'
        '      "Message": "Weak \'very\'",\n'
        '      "Severity": "suggestion",\n'
        '      "Match": "very",\n'
        '      "Line": 1\n'
        "    }\n"
        "  ]\n"
        "}\n"
    )


def test_json_output_is_keyed_by_path_in_order(house: Path, vale: Run) -> None:
    shown = json.loads(vale("b.md", "a.md", output="JSON").out)
    assert list(shown) == ["a.md", "b.md"]
    assert [(a["Line"], a["Span"], a["Check"]) for a in shown["b.md"]] == [
        (1, [3, 6], "House.Weak")
    ]


def test_json_output_without_alerts_is_an_empty_object(house: Path, vale: Run) -> None:
    write_tree(house, {"clean.md": "Fine.\n"})
    assert vale("clean.md", output="JSON").out == "{}\n"


def test_cli_output_table_and_totals(house: Path, vale: Run) -> None:
    result = vale("--sort", "a.md", "b.md", output="CLI")
    # Messages wrap at 30 columns with minimal raggedness, as Vale's table does.
    assert result.out == (
        "\n a.md\n"
        " 1:4   error       Use 'use' instead of            House.Terms \n"
        "                   'utilize'.                                  \n"
        " 1:14  suggestion  Weak 'very'                     House.Weak  \n"
        "\n"
        "\n b.md\n"
        " 1:3  suggestion  Weak 'very'  House.Weak \n"
        "\n"
        "\u2716 1 error, 0 warnings and 2 suggestions in 2 files.\n"
    )
    assert vale("--no-wrap", "a.md", output="CLI").out.splitlines()[2] == (
        " 1:4   error       Use 'use' instead of 'utilize'.  House.Terms "
    )


def test_cli_output_for_clean_stdin(house: Path, vale: Run) -> None:
    assert vale(stdin="Fine.\n", output="CLI").out == (
        "\u2714 0 errors, 0 warnings and 0 suggestions in stdin.\n"
    )


def test_format_passthrough_to_copydesk_reporters(house: Path, vale: Run) -> None:
    result = vale("--sort", "--format=json", "a.md", "b.md", output="")
    assert result.code == 1
    report = json.loads(result.out)
    findings = report["findings"] if isinstance(report, dict) else report
    assert [
        (f["path"], f["line"], f["column"], f["end_column"], f["rule"], f["severity"])
        for f in findings
    ] == [
        ("a.md", 1, 4, 11, "House.Terms", "error"),
        ("a.md", 1, 14, 18, "House.Weak", "suggestion"),
        ("b.md", 1, 3, 7, "House.Weak", "suggestion"),
    ]
    assert findings[0]["suggestions"] == ["use"]
    sarif = json.loads(vale("--format=sarif", "a.md", output="").out)
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == [
        "House.Terms",
        "House.Weak",
    ]


def test_errors_in_line_and_json_output(house: Path, vale: Run) -> None:
    write_tree(house, {"styles/House/Bad.yml": "extends: existence\n"})
    line = vale("a.md")
    assert line.code == 2
    assert line.err.endswith(":1:E201:Missing the required 'message' key.\n")
    shown = json.loads(vale("a.md", output="JSON").err)
    assert shown["Code"] == "E201"
    assert shown["Path"].endswith("styles/House/Bad.yml")
    assert shown["Text"] == "Missing the required 'message' key."
