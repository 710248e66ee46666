"""``.docx`` files whose archive or package structure lies, through the real
console script: duplicate parts, member names that climb out or are
absolute, a part stored as a symlink, relationships that lead outside the
archive, to the web or back to themselves, and no content types.

copydesk never unpacks a Word file, so a member's name cannot make it write;
each of these is one error line naming the file (exit 2) or, where the
package still reads, its text linted; never a traceback, a read or a write
outside the archive.
"""

from __future__ import annotations

import io
import stat
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

from .test_hostile_docx import DRAFT, W

RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="r1" Type="http://schemas.'
    "openxmlformats.org/officeDocument/2006/relationships/officeDocument"
    '" Target="{target}"{mode}/></Relationships>'
)
DTD_BODY = (
    '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">]>'
    f"<w:document {W}><w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body>"
    "</w:document>"
)


def rebuilt(
    changed: dict[str, bytes | None], added: dict[str | zipfile.ZipInfo, bytes]
) -> bytes:
    """The draft with ``changed`` parts' data replaced (None: left out) and
    ``added`` members appended (a name already there is a duplicate)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(DRAFT)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
        warnings.catch_warnings(),
    ):
        warnings.simplefilter("ignore")  # zipfile warns of a duplicate name
        for info in source.infolist():
            data = changed.get(info.filename, source.read(info))
            if data is not None:
                target.writestr(info.filename, data)
        for name, data in added.items():
            target.writestr(name, data)
    return out.getvalue()


def symlinked(part: str) -> zipfile.ZipInfo:
    """A member marked as a symbolic link (its data is the link's target)."""
    info = zipfile.ZipInfo(part)
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


def rels(target: str, mode: str = "") -> dict[str, bytes | None]:
    return {"_rels/.rels": RELS.format(target=target, mode=mode).encode()}


def test_lying_structures_are_one_line_each_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    outside = tmp_path / "outside"
    project = tmp_path / "project"
    project.mkdir()
    without_document: dict[str, bytes | None] = {"word/document.xml": None}
    files = {
        "duplicate.docx": rebuilt({}, {"word/document.xml": DTD_BODY.encode()}),
        "climbing.docx": rebuilt(
            {}, {"../../outside/climbed.txt": b"x", f"{outside}/absolute.txt": b"x"}
        ),
        "symlink.docx": rebuilt(
            without_document, {symlinked("word/document.xml"): b"/etc/passwd"}
        ),
        "outside.docx": rebuilt(rels("../../../../etc/passwd"), {}),
        "external.docx": rebuilt(
            rels("http://127.0.0.1:9/d.xml", ' TargetMode="External"'), {}
        ),
        "loop.docx": rebuilt(rels("/_rels/.rels"), {}),
        "no-types.docx": rebuilt({"[Content_Types].xml": b"<Types/>"}, {}),
    }
    for name, data in files.items():
        (project / name).write_bytes(data)
    proc = subprocess.run(
        [sys.executable, "-m", "copydesk", "check", "--no-cache", "--format",
         "concise", *files],
        cwd=project, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    said = (line.split(": ", 3) for line in proc.stderr.splitlines())
    errors = {name: why for _, _, name, why in said}
    assert errors.pop("duplicate.docx") == (
        "refusing: part word/document.xml declares a DTD"
    )
    assert errors.pop("symlink.docx") == (
        "refusing: part word/document.xml is not XML in UTF-8 or UTF-16"
    )
    assert errors.pop("no-types.docx") == (
        "not a readable .docx (its parts are not laid out as Word lays them out)"
    )
    for name in ("outside.docx", "external.docx", "loop.docx"):
        assert errors.pop(name).startswith("not a readable .docx ("), name
    assert errors == {}
    assert "climbing.docx:1:14: warning names.Places" in proc.stdout
    assert not outside.exists()
    assert sorted(p.name for p in project.iterdir()) == sorted(files)
