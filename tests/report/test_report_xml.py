"""JUnit and Checkstyle: well-formed XML with the right counts, file order kept."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

import pytest

from copydesk.model import Finding
from copydesk.report import render
from tests.report.sample import FILES, FINDINGS, GUIDE, README, TOKYO, context


def _parse(fmt: str, findings: tuple[Finding, ...] | list[Finding]) -> ET.Element:
    out = render(fmt, findings, context())
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(out.encode("utf-8"))


def test_junit_has_one_case_per_file_and_fails_those_with_findings() -> None:
    root = _parse("junit", FINDINGS)
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == "copydesk"
    assert (suite.get("tests"), suite.get("failures")) == ("3", "2")
    cases = suite.findall("testcase")
    assert [c.get("classname") for c in cases] == list(FILES)
    failed = {c.get("classname"): c.find("failure") for c in cases}
    assert failed[README] is None
    guide = failed[GUIDE]
    assert guide is not None
    assert guide.get("message") == "4 findings (1 error, 2 warnings, 1 suggestion)"
    assert guide.text is not None
    assert "docs/guide.md:3:31: error typos.Misspelling" in guide.text
    assert failed[TOKYO] is not None


def test_junit_clean_run_is_all_passes() -> None:
    suite = _parse("junit", []).find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures")) == ("3", "0")
    assert suite.find("testcase/failure") is None


def test_checkstyle_groups_by_file_in_linted_order() -> None:
    root = _parse("checkstyle", FINDINGS)
    assert (root.tag, root.get("version")) == ("checkstyle", "4.3")
    files = root.findall("file")
    assert [f.get("name") for f in files] == list(FILES)
    assert [len(f.findall("error")) for f in files] == [4, 0, 1]
    errors = files[0].findall("error")
    assert [e.get("source") for e in errors] == [f.rule for f in FINDINGS[:4]]
    assert [e.get("severity") for e in errors] == [
        "warning",
        "error",
        "warning",
        "info",
    ]
    assert errors[2].get("message") == FINDINGS[2].message
    assert (errors[1].get("line"), errors[1].get("column")) == ("3", "31")


@pytest.mark.parametrize("fmt", ["junit", "checkstyle"])
def test_paths_only_findings_name_are_not_lost(fmt: str) -> None:
    fields: dict[str, Any] = {n: getattr(FINDINGS[0], n) for n in Finding._fields}
    stdin = Finding(**{**fields, "path": "-"})
    out = render(fmt, [*FINDINGS, stdin], context())
    assert 'name="-"' in out


@pytest.mark.parametrize("fmt", ["junit", "checkstyle"])
def test_control_characters_do_not_break_the_xml(fmt: str) -> None:
    fields: dict[str, Any] = {n: getattr(FINDINGS[0], n) for n in Finding._fields}
    nasty = Finding(**{**fields, "message": 'bell\x07 <b>&amp; "q"\x00'})
    root = _parse(fmt, [nasty])
    text = ET.tostring(root, encoding="unicode")
    assert "bell\ufffd" in text
    assert "&lt;b&gt;&amp;amp;" in text
