"""``copydesk vale`` on a hostile project: what a .vale.ini and its packages
can make copydesk read, write and run.

A Vale project is configuration from wherever the repository came from: its
``Packages`` zips may try to write outside the folder they are unpacked in
(zip slip), carry symlinks, or expand without end; its rules may be
``script`` rules (Tengo programs) or YAML with a Python tag; its .vale.ini
may name styles, vocabularies and packages by paths that climb out of the
project. Reads are watched with an audit hook (``open``, ``os.listdir``,
``os.scandir``): nothing outside the project and its named StylesPath is
read, nothing outside a temporary folder is written, no code runs.
"""

from __future__ import annotations

import io
import os
import stat
import sys
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copydesk.vale.cli import main

from .strategies import fuzz_settings

#: Paths opened or listed while a recording is on (see ``watching``).
_SEEN: list[str] | None = None


def _audit(event: str, args: tuple[object, ...]) -> None:
    if _SEEN is not None and event in ("open", "os.listdir", "os.scandir"):
        target = args[0] if args else None
        if isinstance(target, str | bytes | os.PathLike):
            # where the path really leads: a symlink read is a read of its target
            _SEEN.append(os.path.realpath(os.fsdecode(target)))


sys.addaudithook(_audit)  # hooks cannot be removed; this one idles when not recording


@contextmanager
def watching() -> Iterator[list[str]]:
    """Record every path opened or listed inside the block."""
    global _SEEN  # noqa: PLW0603 - the audit hook is process-wide
    _SEEN = []
    try:
        yield _SEEN
    finally:
        _SEEN = None


RULE = (
    "extends: existence\nmessage: \"'%s' is house style.\"\nlevel: error\n"
    "tokens:\n  - Kiev\n"
)


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A project folder, an ``outside`` folder beside it holding a secret and
    a style of its own, and a temporary folder for what copydesk unpacks."""
    project, outside = tmp_path / "project", tmp_path / "outside"
    for folder in (project / "styles" / "House", outside / "Evil", tmp_path / "tmp"):
        folder.mkdir(parents=True)
    (project / "styles" / "House" / "Names.yml").write_text(RULE)
    (project / "a.md").write_text("Officials in Kiev said so.\n")
    (outside / "secret.txt").write_text("TOP SECRET\n")
    (outside / "Evil" / "Secret.yml").write_text(RULE.replace("Kiev", "said"))
    (outside / "config" / "vocabularies" / "Evil").mkdir(parents=True)
    (outside / "config" / "vocabularies" / "Evil" / "accept.txt").write_text("x\n")
    monkeypatch.chdir(project)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "tmp"))
    for name in ("VALE_CONFIG_PATH", "VALE_STYLES_PATH", "DICPATH"):
        monkeypatch.delenv(name, raising=False)
    return project, outside


def ini(project: Path, settings: str) -> None:
    """The project's .vale.ini: its own styles folder, then ``settings``."""
    (project / ".vale.ini").write_text("StylesPath = styles\n" + settings)


def vale(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--output=line", "--no-global", *args], out, err)
    return code, out.getvalue(), err.getvalue()


def read_outside(seen: list[str], outside: Path) -> list[str]:
    return sorted({p for p in seen if Path(p).is_relative_to(outside)})


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if not p.is_dir()}


def package(path: Path, members: dict[str, bytes], links: dict[str, str]) -> None:
    """A package zip with ``members`` and, for ``links``, entries marked as
    symbolic links (Unix mode in the external attributes, target as data)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        for name, target in links.items():
            info = zipfile.ZipInfo(name)
            info.create_system = 3
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, target)


def test_a_zip_slip_package_writes_only_where_it_is_unpacked(
    world: tuple[Path, Path], tmp_path: Path
) -> None:
    project, outside = world
    ini(project, "Packages = Slip.zip\n[*]\nBasedOnStyles = House\n")
    package(
        project / "Slip.zip",
        {
            "../../../escaped.txt": b"zip slip",
            f"{outside}/absolute.txt": b"absolute path",
            "Slip/styles/Slip/../../../../../climbed.txt": b"climbed",
        },
        {"Slip/styles/Slip/Link.yml": str(outside / "secret.txt")},
    )
    before = files_under(tmp_path) - files_under(tmp_path / "tmp")
    with watching() as seen:
        code, out, err = vale("a.md")
    assert code in (1, 2), err
    assert len(err.splitlines()) <= 1
    after = files_under(tmp_path) - files_under(tmp_path / "tmp")
    assert after == before, after - before
    assert not [p for p in (tmp_path / "tmp").rglob("*") if p.is_symlink()]
    assert read_outside(seen, outside) == []
    assert "TOP SECRET" not in out + err


def test_a_package_folder_symlink_out_of_the_project_is_not_followed(
    world: tuple[Path, Path],
) -> None:
    project, outside = world
    ini(project, "Packages = vendor/Pkg\n[*]\nBasedOnStyles = House, Pkg\n")
    (project / "vendor" / "Pkg" / "styles" / "Pkg").mkdir(parents=True)
    (project / "vendor" / "Pkg" / "styles" / "Pkg" / "Names.yml").write_text(RULE)
    (project / "vendor" / "Pkg" / "styles" / "Pkg" / "Evil.yml").symlink_to(
        outside / "Evil" / "Secret.yml"
    )
    with watching() as seen:
        vale("a.md")
    assert read_outside(seen, outside) == []


def test_a_vocabulary_linked_from_outside_is_not_read(
    world: tuple[Path, Path],
) -> None:
    project, outside = world
    ini(project, "Vocab = Docs\n[*]\nBasedOnStyles = House\n")
    vocabularies = project / "styles" / "config" / "vocabularies"
    (vocabularies / "Docs").mkdir(parents=True)
    (vocabularies / "Docs" / "accept.txt").write_text("Kyiv\n")
    (vocabularies / "Docs" / "Theirs").symlink_to(
        outside / "config" / "vocabularies" / "Evil"
    )
    with watching() as seen:
        vale("a.md")
    assert read_outside(seen, outside) == []


@pytest.mark.parametrize(
    "setting",
    [
        "[*]\nBasedOnStyles = House, ../../outside/Evil\n",
        "Vocab = ../../outside/config/vocabularies/Evil\n[*]\nBasedOnStyles = House\n",
        "Packages = {outside}/Evil\n[*]\nBasedOnStyles = House, Evil\n",
        "[*]\nBasedOnStyles = House\nEvil.Secret = YES\n"
        "../../outside/Evil.Secret = YES\n",
    ],
    ids=["style-path", "vocab-path", "package-path", "rule-path"],
)
def test_a_vale_ini_reads_nothing_outside_the_project_but_its_styles_path(
    world: tuple[Path, Path], setting: str
) -> None:
    project, outside = world
    ini(project, "" + setting.format(outside=outside))
    with watching() as seen:
        _, out, err = vale("a.md")
    assert read_outside(seen, outside) == []
    assert "said" not in out  # the outside style's rule never ran
    assert len(err.splitlines()) <= 3


def test_a_styles_path_outside_the_project_is_read_because_it_is_named(
    world: tuple[Path, Path],
) -> None:
    project, outside = world
    (project / ".vale.ini").write_text(
        f"StylesPath = {outside}\n[*]\nBasedOnStyles = Evil\n"
    )
    with watching() as seen:
        code, out, _ = vale("a.md")
    assert code == 1
    assert out == "a.md:1:19:Evil.Secret:'said' is house style.\n"
    assert read_outside(seen, outside) == [
        str(outside / "Evil"),
        str(outside / "Evil" / "Secret.yml"),
    ]


def with_house_rule(project: Path, name: str, body: str) -> tuple[int, str, str]:
    """Run on a.md with one more rule file in the House style."""
    (project / "styles" / "House" / name).write_text(body)
    ini(project, "[*]\nBasedOnStyles = House\n")
    return vale("a.md")


def test_script_rules_never_run(world: tuple[Path, Path]) -> None:
    project, _ = world
    marker = project / "ran.txt"
    code, out, err = with_house_rule(
        project,
        "Script.yml",
        "extends: script\nmessage: x\nlevel: error\n"
        f'script: |\n  os := import("os")\n  os.write_file("{marker}", "ran")\n',
    )
    assert not marker.exists()
    assert "House.Script" in err  # left out, with a warning naming it
    assert out == "a.md:1:14:House.Names:'Kiev' is house style.\n"
    assert code == 1


def test_a_python_tag_in_a_rule_is_one_error_and_runs_nothing(
    world: tuple[Path, Path],
) -> None:
    project, _ = world
    marker = project / "ran.txt"
    code, out, err = with_house_rule(
        project,
        "Tag.yml",
        "extends: existence\nmessage: !!python/object/apply:os.system"
        f' ["touch {marker}"]\nlevel: error\ntokens: [Kiev]\n',
    )
    assert not marker.exists()
    assert (code, out) == (2, "")
    [line] = err.splitlines()
    assert "python/object/apply" in line


def test_a_package_zip_bomb_is_refused_before_it_fills_the_disk(
    world: tuple[Path, Path], tmp_path: Path
) -> None:
    project, _ = world
    ini(project, "Packages = Bomb.zip\n[*]\nBasedOnStyles = House\n")
    with zipfile.ZipFile(project / "Bomb.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        for i in range(4):
            archive.writestr(f"Bomb/styles/Bomb/R{i}.yml", b" " * (128 * 1024 * 1024))
    assert (project / "Bomb.zip").stat().st_size < 2 * 1024 * 1024
    code, _, err = vale("a.md")
    unpacked = sum(p.stat().st_size for p in files_under(tmp_path / "tmp"))
    assert unpacked < 64 * 1024 * 1024
    assert code == 2
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize(
    ("members", "said"),
    [
        (
            {f"Pkg/styles/Pkg/R{i}.yml": b"" for i in range(6_000)},
            "refusing: the package unpacks to 0 bytes in 6000 files (over 33554432"
            " bytes or 5000 files)",
        ),
        (
            {"Pkg/styles/Pkg/" + "d/" * 2_000 + "R.yml": RULE.encode()},
            "refusing: a member nests 2003 folders deep (over 64)",
        ),
    ],
    ids=["too-many-entries", "nested-2000-deep"],
)
def test_a_package_of_too_many_or_too_deep_entries_is_one_error_line(
    world: tuple[Path, Path], tmp_path: Path, members: dict[str, bytes], said: str
) -> None:
    """Refused before anything is unpacked; the deep one ran out of
    recursion depth while making its folders."""
    project, _ = world
    ini(project, "Packages = Pkg.zip\n[*]\nBasedOnStyles = House, Pkg\n")
    package(project / "Pkg.zip", members, {})
    code, out, err = vale("a.md")
    assert (code, out) == (2, "")
    assert err.splitlines() == [f"{project / 'Pkg.zip'}:1:E201:{said}"]
    assert files_under(tmp_path / "tmp") == set()


#: Pieces of a .vale.ini a cloned repository might hold: paths that climb out
#: of the project or are absolute, levels, packages and vocabularies, repeated
#: keys, continuation lines and junk (before any section) ...
CORE_PIECES = (
    "StylesPath = ../outside\n",
    "StylesPath = styles\n",
    "MinAlertLevel = suggestion\n",
    "MinAlertLevel = loud\n",
    "Vocab = Docs\n",
    "Vocab = ../../outside/config/vocabularies/Evil\n",
    "Packages = {outside}/Evil\n",
    "Packages = vendor/Missing.zip, https://example.com/x.zip\n",
    "value = with \\\n  continued\n",
    "; comment\n",
)
#: Lines go-ini cannot read: one document in four has one.
JUNK = st.sampled_from(["", "", "", 'key = """\nopen triple\n', "\x00\xff junk\n"])
#: ... and after a section: styles by path, rules switched on from outside,
#: patterns that do not compile, globs, more sections.
SECTION_PIECES = (
    "BasedOnStyles = House, ../../outside/Evil, /etc\n",
    "House.Names = NO\n",
    "House.Names = error\n",
    "Evil.Secret = YES\n",
    "../../outside/Evil.Secret = YES\n",
    "BlockIgnores = (?s)```.*?```\n",
    "TokenIgnores = (\\*\\*.*\\*\\*), [\n",
    "Transform = x.xsl\n",
    "[*.md]\nBasedOnStyles = Evil\n",
    "[{{a,b}}/**/*.{{md,txt}}]\n",
    "StylesPath = misplaced\n",
)


@fuzz_settings(40)
@given(
    core=st.lists(st.sampled_from(CORE_PIECES), max_size=5),
    junk=JUNK,
    section=st.lists(st.sampled_from(SECTION_PIECES), max_size=5),
)
def test_generated_vale_ini_files_are_an_answer_never_a_traceback(
    world: tuple[Path, Path], core: list[str], junk: str, section: list[str]
) -> None:
    project, outside = world
    (project / "styles" / "config" / "vocabularies" / "Docs").mkdir(
        parents=True, exist_ok=True
    )
    ini = "StylesPath = styles\n" + "".join(core) + junk
    ini += "[*]\nBasedOnStyles = House\n" + "".join(section)
    ini = ini.format(outside=outside)
    (project / ".vale.ini").write_text(ini, encoding="utf-8", errors="surrogateescape")
    with watching() as seen:
        code, out, err = vale("a.md")
    assert code in (0, 1, 2), err
    assert "Traceback" not in err
    assert "said" not in out  # the outside style's rule never ran
    styles_path = [line for line in ini.splitlines() if line.startswith("StylesPath")]
    if styles_path[-1] != "StylesPath = ../outside":  # read because it is named
        assert read_outside(seen, outside) == []
