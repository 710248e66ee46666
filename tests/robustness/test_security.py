"""No rule, config or document makes copydesk run code, leak or write files.

Decision on ``rules-path``: like Vale's StylesPath it may name any directory
(teams share styles between repositories), but copydesk only ever reads
``*.yml``/``*.yaml`` files there, and never prints a file's contents in an
error: a path that is not a directory is "rules directory not found".
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from copydesk.cli import main

MARKER_NAME = "pwned"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("COPYDESK_CACHE_DIR", raising=False)
    return tmp_path


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` with its bytes (the cache directory left out)."""
    out: dict[str, bytes] = {}
    for dirpath, _dirs, names in os.walk(root):
        for name in names:
            path = Path(dirpath) / name
            rel = path.relative_to(root).as_posix()
            if not rel.startswith(".copydesk_cache/") and not path.is_symlink():
                out[rel] = path.read_bytes()
    return out


CODE_IN_YAML = (
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/new:os.system ['touch {marker}']",
    "!!python/name:os.system",
    "!!python/module:os",
)


@pytest.mark.parametrize("payload", CODE_IN_YAML)
def test_yaml_python_tags_never_run(
    workdir: Path, capsys: pytest.CaptureFixture[str], payload: str
) -> None:
    marker = workdir / MARKER_NAME
    pack = workdir / "rules" / "evil"
    pack.mkdir(parents=True)
    body = payload.format(marker=marker)
    (pack / "Evil.yml").write_text(
        f"extends: existence\nmessage: {body}\ntokens: [x]\n", encoding="utf-8"
    )
    (workdir / "doc.txt").write_text("x\n")
    assert main(["check", "--rules", "rules/evil", "doc.txt"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("copydesk: error: rules/evil/Evil.yml: invalid YAML")
    assert not marker.exists()


def test_toml_config_is_data_only(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    marker = workdir / MARKER_NAME
    (workdir / ".copydesk.toml").write_text(
        f"language = \"__import__('os').system('touch {marker}')\"\n"
        f'[vocab]\naccept = ["$(touch {marker})", "`touch {marker}`"]\n',
        encoding="utf-8",
    )
    (workdir / "doc.txt").write_text("$(touch pwned) `touch pwned`\n")
    main(["check", "doc.txt"])
    capsys.readouterr()
    assert not marker.exists()


def test_documents_cannot_include_or_run_anything(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """reST include/raw directives and HTML scripts are text, never followed."""
    secret = workdir / "secret.txt"
    secret.write_text("SECRETVALUE Kiev\n")
    (workdir / "doc.rst").write_text(
        f".. include:: {secret}\n\n.. raw:: html\n   :file: {secret}\n\nText.\n"
    )
    (workdir / "doc.html").write_text(
        f"<script>require('child_process').exec('touch {MARKER_NAME}')</script>"
        f'<iframe src="file://{secret}"></iframe><p>Fine.</p>'
    )
    code = main(["check", "--format", "json", "doc.rst", "doc.html"])
    captured = capsys.readouterr()
    assert code == 0, captured.out + captured.err
    assert "SECRETVALUE" not in captured.out + captured.err
    assert not (workdir / MARKER_NAME).exists()


@pytest.mark.parametrize(
    "rules_path", ["../../../../../../etc/passwd", "/etc/passwd", "/etc/shadow"]
)
def test_rules_path_outside_the_project_never_prints_a_file(
    workdir: Path, capsys: pytest.CaptureFixture[str], rules_path: str
) -> None:
    (workdir / ".copydesk.toml").write_text(f'rules-path = ["{rules_path}"]\n')
    (workdir / "doc.txt").write_text("Officials in Kiev.\n")
    assert main(["check", "doc.txt"]) == 2
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1
    assert lines[0].endswith(": rules directory not found")
    assert "root:" not in captured.out + captured.err


def test_rules_path_to_a_foreign_directory_reads_only_yaml(
    workdir: Path,
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
) -> None:
    foreign = tmp_path_factory.mktemp("foreign")
    (foreign / "id_rsa").write_text("-----BEGIN PRIVATE KEY----- SECRETVALUE\n")
    (foreign / "notes.yml").write_text("password: SECRETVALUE\n")
    (workdir / ".copydesk.toml").write_text(f'rules-path = ["{foreign}"]\n')
    (workdir / "doc.txt").write_text("Officials in Kiev.\n")
    assert main(["check", "doc.txt"]) == 2
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1
    assert "notes.yml" in lines[0]
    assert "SECRETVALUE" not in captured.out + captured.err


@pytest.mark.parametrize("command", ["check", "fix"])
def test_a_run_writes_nothing_but_fixed_files_and_the_cache(
    workdir: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    (workdir / "docs" / "sub").mkdir(parents=True)
    (workdir / "docs" / "a.md").write_text("Officials in Kiev said teh talks.\n")
    (workdir / "docs" / "sub" / "b.rst").write_text("Clean text.\n")
    (workdir / "docs" / "c.html").write_text("<p>teh</p>\n")
    (workdir / "docs" / "bad.md").write_bytes(b"\xff\xfe\xfd")
    before = tree(workdir)
    main([command, "docs"])
    capsys.readouterr()
    after = tree(workdir)
    assert sorted(after) == sorted(before), "files were created or removed"
    changed = {name for name in before if before[name] != after[name]}
    if command == "check":
        assert changed == set()
    else:
        assert changed == {"docs/a.md", "docs/c.html"}
    for dirpath, _dirs, names in os.walk(workdir):
        for name in names:
            rel = (Path(dirpath) / name).relative_to(workdir).as_posix()
            assert rel in before or rel.startswith(".copydesk_cache/"), rel
