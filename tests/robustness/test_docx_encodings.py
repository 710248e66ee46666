"""A .docx part in an encoding where ``<!DOCTYPE`` is not those bytes.

The DTD refusal searched the bytes of each part (NULs dropped, for UTF-16
and UTF-32), so a part declaring ``encoding="UTF-7"`` carried a DTD past it
(``+ADw-!DOCTYPE``) to the XML parser, which read it. A part in any encoding
but UTF-8, -16 and -32 is now refused, as the format allows no other; so is
one that does not start as XML in those (EBCDIC, which libxml2 detects).
Through ``check``, ``fix`` and the API alike: one error line, nothing read.
"""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from copydesk.api import Workspace
from copydesk.cli.main import main

from .test_hostile_docx import BODY, DRAFT, LAUGHS, reason_for, replaced


def utf7(markup: str) -> str:
    """``markup`` in UTF-7, its markup characters base64-encoded as UTF-7
    encodes them (``<`` is ``+ADw-``)."""
    return "".join(
        "+" + base64.b64encode(c.encode("utf-16-be")).decode().rstrip("=") + "-"
        if c in '<>[]"%&;!'
        else c
        for c in markup
    )


def in_utf7(declaration: str) -> bytes:
    xml = '<?xml version="1.0" encoding="UTF-7"?>' + utf7(declaration) + BODY
    return replaced(DRAFT, "word/document.xml", xml.encode("ascii"))


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml"])
def test_a_dtd_in_utf7_is_refused(tmp_path: Path, part: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    external = f'<!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
    xml = '<?xml version="1.0" encoding="utf-7" ?>' + utf7(external) + BODY
    raw = replaced(DRAFT, part, xml.encode("ascii"))
    assert reason_for(raw) == (
        f"refusing: part {part} is in utf-7 (a .docx part is UTF-8 or UTF-16)"
    )


def test_ebcdic_is_refused() -> None:
    xml = '<?xml version="1.0" encoding="IBM037"?>' + LAUGHS + BODY
    raw = replaced(DRAFT, "word/document.xml", xml.encode("cp037"))
    assert reason_for(raw) == (
        "refusing: part word/document.xml is not XML in UTF-8 or UTF-16"
    )


def test_check_fix_and_the_api_say_one_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    laughs = in_utf7(LAUGHS)
    (tmp_path / "laughs.docx").write_bytes(laughs)
    (tmp_path / "fine.docx").write_bytes(DRAFT)
    expected = (
        "laughs.docx: refusing: part word/document.xml is in UTF-7 (a .docx part"
        " is UTF-8 or UTF-16)"
    )
    for command in ("check", "fix"):
        code = main([command, "--no-cache", "laughs.docx", "fine.docx"])
        captured = capsys.readouterr()
        assert f"copydesk: error: {expected}" in captured.err.splitlines()
        assert code == 2
    assert (tmp_path / "laughs.docx").read_bytes() == laughs
    assert (tmp_path / "fine.docx").read_bytes() == DRAFT
    run = Workspace(tmp_path).lint_paths(["laughs.docx", "fine.docx"])
    refused, fine = run.results
    assert f"{refused.path}: {refused.error}" == expected
    assert fine.error is None
    assert {f.rule for f in run.findings} == {"names.Places", "typos.Misspellings"}
