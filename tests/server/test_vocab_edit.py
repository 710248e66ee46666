"""Adding a term to ``vocab.accept``: the file keeps everything else, and
``copydesk check`` reads the result as accepting exactly that term."""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.api import Workspace
from copydesk.config import ConfigError
from copydesk.server.vocab_edit import accept_term, vocab_entry


def test_a_top_level_copydesk_toml_gets_a_vocab_table(tmp_path: Path) -> None:
    config = tmp_path / ".copydesk.toml"
    config.write_bytes(b'# house rules\r\npacks = ["names"]  # only names\r\n')
    accept_term(str(config), tmp_path, "Kiev")
    assert config.read_bytes() == (
        b'# house rules\r\npacks = ["names"]  # only names\r\n'
        b'\r\n[vocab]\r\naccept = ["Kiev"]\r\n'
    )
    found = Workspace(tmp_path).lint_text(tmp_path / "a.txt", "Kiev. Kharkov.")
    assert [f.match for f in found] == ["Kharkov"]


def test_an_existing_list_grows_once(tmp_path: Path) -> None:
    config = tmp_path / ".copydesk.toml"
    config.write_text('[vocab]\naccept = ["Kyivstar"]  # the operator\n')
    accept_term(str(config), tmp_path, "Kiev")
    accept_term(str(config), tmp_path, "Kiev")
    assert (
        config.read_text() == '[vocab]\naccept = ["Kyivstar", "Kiev"]  # the operator\n'
    )


def test_an_inline_vocab_table_stays_inline(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.copydesk]\nvocab = { reject = ["Ukraine war"] }\n')
    accept_term(str(config), tmp_path, "Kiev")
    assert config.read_text() == (
        '[tool.copydesk]\nvocab = { reject = ["Ukraine war"], accept = ["Kiev"]}\n'
    )


def test_regex_characters_are_escaped_so_the_term_is_taken_literally(
    tmp_path: Path,
) -> None:
    assert vocab_entry("NV.ua") == "NV\\.ua"
    assert vocab_entry("Bernard-Henri Lévi") == "Bernard-Henri Lévi"
    accept_term("", tmp_path, "Kharkov (Kharkiv)")
    assert (tmp_path / ".copydesk.toml").read_text() == (
        '[vocab]\naccept = ["Kharkov \\\\(Kharkiv\\\\)"]\n'
    )
    text = "Kharkov (Kharkiv) and Kharkov."
    found = Workspace(tmp_path).lint_text(tmp_path / "a.txt", text)
    assert [(f.match, f.start) for f in found] == [("Kharkov", text.rindex("Kharkov"))]


def test_a_broken_file_is_a_config_error_and_is_left_alone(tmp_path: Path) -> None:
    config = tmp_path / ".copydesk.toml"
    config.write_text("packs = [\n")
    with pytest.raises(ConfigError, match="cannot add to vocab"):
        accept_term(str(config), tmp_path, "Kiev")
    assert config.read_text() == "packs = [\n"
    config.write_text('vocab = { accept = "Kiev" }\n')
    with pytest.raises(ConfigError, match=r"'vocab\.accept'"):
        accept_term(str(config), tmp_path, "Kharkov")
