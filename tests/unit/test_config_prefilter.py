"""Config discovery reads a pyproject.toml's text before it parses it: one
that cannot spell a ``[tool.copydesk]`` table is skipped unparsed, one that
may is read whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.config import ConfigError, find_config


def _draft(root: Path) -> Path:
    (root / "docs").mkdir()
    draft = root / "docs" / "a.txt"
    draft.write_text("Officials met.\n", encoding="utf-8")
    return draft


@pytest.mark.parametrize(
    "body",
    [
        "[tool.ruff\nline-length = \n",
        '[project]\nname = "copydesk"\n[project.scripts]\ncopydesk = "x:main"\n'
        "[tool.ruff]\nline-length = \n",
    ],
)
def test_a_pyproject_without_our_table_is_not_parsed(tmp_path: Path, body: str) -> None:
    """Broken TOML of another tool's making does not stop the search (it is
    that tool's file), and the config above it is found: also when the
    project itself is named copydesk."""
    draft = _draft(tmp_path)
    (tmp_path / "docs" / "pyproject.toml").write_text(body, encoding="utf-8")
    (tmp_path / ".copydesk.toml").write_text('language = "de"\n', encoding="utf-8")
    config = find_config(draft)
    assert config.language == "de"
    assert config.path == str(tmp_path / ".copydesk.toml")


@pytest.mark.parametrize(
    "body",
    [
        '[tool.copydesk]\nfail-level = "error"\n',
        '[ tool . "copydesk" ]\nfail-level = "error"\n',
        '[tool]\ncopydesk = { fail-level = "error" }\n',
        'tool = { copydesk = { fail-level = "error" } }\n',
        'tool."copydesk".fail-level = "error"\n',
    ],
)
def test_every_spelling_of_the_table_is_still_read(tmp_path: Path, body: str) -> None:
    draft = _draft(tmp_path)
    (tmp_path / "pyproject.toml").write_text(body, encoding="utf-8")
    config = find_config(draft)
    assert config.path == str(tmp_path / "pyproject.toml")
    assert config.fail_level == "error"


def test_a_pyproject_naming_copydesk_with_broken_toml_is_an_error(
    tmp_path: Path,
) -> None:
    draft = _draft(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        "[tool.copydesk]\nselect = [\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError, match="invalid TOML"):
        find_config(draft)
