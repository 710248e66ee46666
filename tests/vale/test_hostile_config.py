"""A .vale.ini from a hostile repository: each is one error line or a run
that ends, never a traceback, a hang or a screenful of its bytes.

Before: braces nested 10,000 deep in a section name overflowed the regex
compiler (a traceback), ``[z-a].md`` raised ``re.error`` (a traceback),
three hundred sections of stacked ``*`` took 10 s per file to match (a
backtracking regex per glob), a 65 MB config took 23 s and 1.7 GB, and a
binary one was echoed back whole into the terminal.
"""

from __future__ import annotations

import io
import os
import re
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copydesk.vale import styles
from copydesk.vale.globs import Glob, GlobError
from copydesk.vale.ini import EXCERPT

from ..robustness.strategies import fuzz_settings
from .conftest import Run, write_tree

NAMES = "extends: existence\nmessage: \"'%s'\"\nlevel: error\ntokens:\n  - Kiev\n"


def project_with(project: Path, ini: str) -> None:
    write_tree(
        project,
        {
            ".vale.ini": "StylesPath = styles\n[*]\nBasedOnStyles = House\n" + ini,
            "styles/House/Names.yml": NAMES,
            "a.md": "Officials in Kiev said so.\n",
        },
    )


def one_error(vale: Run) -> str:
    result = vale("a.md")
    assert (result.code, result.out) == (2, "")
    [line] = result.err.splitlines()
    assert "Traceback" not in line
    return line


def test_braces_nested_without_end_are_one_error(project: Path, vale: Run) -> None:
    project_with(project, "[" + "{a," * 10_000 + "b" + "}" * 10_000 + "]\nx = y\n")
    line = one_error(vale)
    assert line.endswith("could not be compiled: braces nested over 32 deep")
    assert len(line) < 300


def test_a_class_no_regex_accepts_is_one_error(project: Path, vale: Run) -> None:
    project_with(project, "[[z-a].md]\nHouse.Names = NO\n")
    assert "The glob pattern '[z-a].md' could not be compiled: bad class" in (
        one_error(vale)
    )


def test_stacked_wildcards_match_in_linear_time(project: Path, vale: Run) -> None:
    sections = "".join(
        f"[{'*' * n}x{'*a' * n}.md]\nHouse.Names = NO\n" for n in range(300)
    )
    project_with(project, sections)
    began = time.process_time()
    result = vale("a.md")
    assert time.process_time() - began < 5
    assert result.lines == ["a.md:1:14:House.Names:'Kiev'"]
    assert not Glob.compile("*a" * 40 + "b").match("a" * 400)


def test_a_huge_config_is_refused_unread(project: Path, vale: Run) -> None:
    project_with(
        project, "".join(f"[x{i}/*.md]\nHouse.Names = NO\n" for i in range(80_000))
    )
    assert one_error(vale).endswith(":E201:refusing a config over 1024 KiB")


def test_a_binary_config_is_quoted_short_and_printable(
    project: Path, vale: Run
) -> None:
    project_with(project, "")
    junk = bytes(b for b in range(1, 256) if b not in b"\r\n#;[=:")
    (project / ".vale.ini").write_bytes(junk * 40)
    quoted = one_error(vale).split("key-value delimiter not found: ", 1)[1]
    assert quoted.isprintable()
    assert len(quoted) == EXCERPT


# -- the matcher against the regex it replaced, on small patterns -------------


def reference(pattern: str, path: str) -> bool:
    """The glob as a regex, as copydesk translated it before (exponential on
    some patterns, so only for small ones)."""
    doublestar, out, depth, i = "**" in pattern, [], 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            out.append(re.escape(pattern[i + 1]))
            i += 1
        elif c == "*" and doublestar and pattern.startswith("**", i):
            i += 1
            if pattern.startswith("/", i + 1):
                i += 1
                out.append("(?:.*/)?")
            else:
                out.append(".*")
        elif c == "*":
            out.append("[^/]*" if doublestar else ".*")
        elif c == "?":
            out.append("[^/]" if doublestar else ".")
        elif c == "[":
            end = pattern.find("]", i + 2)
            body = pattern[i + 1 : end]
            negate = body[:1] in ("!", "^")
            body = (body[1:] if negate else body).replace("\\", "\\\\")
            out.append("[" + "^" * negate + body + "]")
            i = end
        elif c == "{":
            depth += 1
            out.append("(?:")
        elif c in "}," and depth:
            depth -= c == "}"
            out.append(")" if c == "}" else "|")
        else:
            out.append(re.escape(c))
        i += 1
    return re.match("(?s:" + "".join(out) + r")\Z", path) is not None


PIECES = [
    "a",
    "b",
    "/",
    ".",
    "*",
    "**",
    "**/",
    "?",
    "{",
    "}",
    ",",
    "[ab]",
    "[!a]",
    "\\*",
]


@fuzz_settings(300)
@given(
    pattern=st.lists(st.sampled_from(PIECES), max_size=9).map("".join),
    path=st.text(alphabet="ab/.*", max_size=10),
)
def test_the_matcher_agrees_with_the_regex_it_replaced(pattern: str, path: str) -> None:
    try:
        glob = Glob.compile(pattern)
    except GlobError:
        with pytest.raises(re.error):
            reference(pattern, path)
        return
    assert glob.match(path) == reference(pattern, path), (pattern, path)


# -- styles: rule files too big to compile, or that never end -----------------


def test_a_rule_file_over_the_limit_is_refused_unread(project: Path, vale: Run) -> None:
    project_with(project, "")
    tokens = "".join(f"  - word{i}\n" for i in range(120_000))  # 1.4 MB
    (project / "styles/House/Big.yml").write_text(
        NAMES.split("tokens", maxsplit=1)[0] + "tokens:\n" + tokens
    )
    began = time.process_time()
    line = one_error(vale)
    assert time.process_time() - began < 2  # compiling it took 3 s and 330 MB
    assert line.endswith("Big.yml:1:E201:refusing a rule file over 1024 KiB")


def test_styles_over_the_total_limit_are_refused(
    project: Path, vale: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(styles, "MAX_RULES_BYTES", len(NAMES) * 2 + 10)
    project_with(project, "")
    for name in ("More", "Most"):
        (project / f"styles/House/{name}.yml").write_text(NAMES)
    assert one_error(vale).endswith(
        f"Names.yml:1:E201:refusing: the styles hold over {len(NAMES) * 2 + 10:,}"
        " bytes of rules"
    )


def test_a_fifo_for_a_config_or_a_rule_is_refused_not_waited_on(
    project: Path, vale: Run
) -> None:
    project_with(project, "")
    os.mkfifo(project / "styles/House/Pipe.yml")
    assert one_error(vale).endswith("Pipe.yml:1:E201:not a regular file")
    (project / "styles/House/Pipe.yml").unlink()
    os.mkfifo(project / "pipe.ini")
    result = vale("--config=pipe.ini", "a.md")
    assert (result.code, result.out) == (2, "")
    assert result.err.splitlines() == ["pipe.ini:1:E201:not a regular file"]


# -- package zips that zipfile cannot read ------------------------------------


def package_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Pack/styles/Pack/Kiev.yml", NAMES)
    return out.getvalue()


def forged(offset: int, value: bytes) -> bytes:
    """The package with ``value`` at ``offset`` of its central-directory entry."""
    raw = bytearray(package_bytes())
    entry = raw.rindex(b"PK\x01\x02")
    raw[entry + offset : entry + offset + len(value)] = value
    return bytes(raw)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (forged(6, (64).to_bytes(2, "little")), "zip file version 6.4"),
        (forged(8, b"\x01\x00"), "File <ZipInfo filename='Pack/styles/Pack/Kiev.yml'"),
        (forged(10, b"\x63\x00"), "That compression method is not supported"),
        (package_bytes().replace(b"Kiev\n", b"Kiev\x01", 1)[:-60], "not a zip file"),
    ],
    ids=["version", "encrypted", "method", "torn"],
)
def test_a_package_zipfile_cannot_read_is_one_error(
    project: Path, vale: Run, data: bytes, reason: str
) -> None:
    project_with(project, "")
    (project / ".vale.ini").write_text(
        "StylesPath = styles\nPackages = Pack.zip\n[*]\nBasedOnStyles = House\n"
    )
    (project / "Pack.zip").write_bytes(data)
    line = one_error(vale)
    assert "Pack.zip:1:E201:cannot read package: " in line
    assert reason.lower() in line.lower()


# -- vocabularies --------------------------------------------------------------


def with_vocab(project: Path) -> Path:
    project_with(project, "")
    (project / ".vale.ini").write_text(
        "StylesPath = styles\nVocab = Docs\n[*]\nBasedOnStyles = House\n"
    )
    folder = project / "styles/config/vocabularies/Docs"
    folder.mkdir(parents=True)
    return folder


def test_a_vocabulary_list_linked_from_outside_is_not_read(
    project: Path, vale: Run, tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("outside") / "words.txt"
    outside.write_text("Kiev\n")
    (with_vocab(project) / "accept.txt").symlink_to(outside)
    result = vale("a.md")
    # read, the list would accept Kiev and silence the rule
    assert (result.code, result.lines) == (1, ["a.md:1:14:House.Names:'Kiev'"])


def test_a_vocabulary_list_that_is_a_fifo_is_refused(project: Path, vale: Run) -> None:
    os.mkfifo(with_vocab(project) / "reject.txt")
    assert one_error(vale).endswith("reject.txt:1:E201:not a regular file")


def test_a_fifo_among_the_inputs_is_refused_or_passed_over(
    project: Path, vale: Run
) -> None:
    """Reading a FIFO blocks: named, it hung the run; in a folder, the walk."""
    project_with(project, "")
    (project / "docs").mkdir()
    (project / "docs/a.md").write_text("Kiev again.\n")
    os.mkfifo(project / "docs/pipe.md")
    result = vale("docs")
    assert (result.code, result.lines) == (1, ["docs/a.md:1:1:House.Names:'Kiev'"])
    result = vale("docs/pipe.md")
    assert (result.code, result.out) == (2, "")
    assert result.err.splitlines() == ["docs/pipe.md:1:E201:not a regular file"]


def test_symlink_loops_in_styles_and_inputs_are_walked_once(
    project: Path, vale: Run
) -> None:
    """``up -> ..`` and ``self -> .`` in one folder: the walk never ended
    (two links double it at every level)."""
    project_with(project, "")
    (project / "styles/House/up").symlink_to("..")
    (project / "styles/House/self").symlink_to(".")
    (project / "docs").mkdir()
    (project / "docs/a.md").write_text("Kiev again.\n")
    (project / "docs/self").symlink_to(".")
    (project / "docs/up").symlink_to("..")
    began = time.process_time()
    result = vale("docs")
    assert time.process_time() - began < 5
    # docs/up is the project folder, first reached through the link
    assert (result.code, result.lines) == (
        1,
        ["docs/a.md:1:1:House.Names:'Kiev'", "docs/up/a.md:1:14:House.Names:'Kiev'"],
    )


def test_ten_thousand_sections_cost_little_per_file(project: Path, vale: Run) -> None:
    """Each file is matched against every section: with the path's masks and
    each pattern's steps rebuilt per match, 100 files took 8 s CPU."""
    project_with(
        project,
        "".join(f"[x{i}/**/*.{{md,txt}}]\nHouse.Names = NO\n" for i in range(10_000)),
    )
    (project / "docs").mkdir()
    for i in range(100):
        (project / f"docs/f{i:03}.md").write_text("Kiev.\n")
    began = time.process_time()
    result = vale("docs")
    assert time.process_time() - began < 4
    assert len(result.lines) == 100
