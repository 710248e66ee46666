""" "Accept in vocabulary" writes only the workspace's own config, atomically.

A config above the workspace folder, a symlink leading out of it, a document
that is not open or a term that is not one line of text: each is refused
with an error message, and no file outside the folder is read or written.
A symlink inside the folder is written through, and stays a symlink.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from copydesk.config import ConfigError
from copydesk.server.vocab_edit import accept_term
from tests.server.editor import Editor, uri_of

OUTSIDE = '[tool.copydesk]\npacks = ["names"]\n'


def test_a_config_above_the_workspace_is_not_edited(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(OUTSIDE)
    project = tmp_path / "project"
    project.mkdir()
    with pytest.raises(ConfigError, match="outside the workspace folder"):
        accept_term(str(tmp_path / "pyproject.toml"), project, "Kiev")
    assert (tmp_path / "pyproject.toml").read_text() == OUTSIDE
    assert list(project.iterdir()) == []


def test_a_symlink_out_of_the_workspace_is_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "elsewhere.toml"
    secret.write_text('packs = ["names"]\n')
    project = tmp_path / "project"
    project.mkdir()
    (project / ".copydesk.toml").symlink_to(secret)
    with pytest.raises(ConfigError, match=r"leads to .*elsewhere\.toml"):
        accept_term(str(project / ".copydesk.toml"), project, "Kiev")
    # nor when no config applies and the new file's name is a dangling link
    (project / ".copydesk.toml").unlink()
    (project / ".copydesk.toml").symlink_to(tmp_path / "created-outside.toml")
    with pytest.raises(ConfigError, match="outside the workspace folder"):
        accept_term("", project, "Kiev")
    assert secret.read_text() == 'packs = ["names"]\n'
    assert not (tmp_path / "created-outside.toml").exists()


def test_a_symlink_inside_the_workspace_is_written_through(tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    real = tmp_path / "config" / "house.toml"
    real.write_text('packs = ["names"]\n')
    real.chmod(0o640)
    (tmp_path / ".copydesk.toml").symlink_to(real)
    written = accept_term(str(tmp_path / ".copydesk.toml"), tmp_path, "Kiev")
    assert written == real.resolve()
    assert (tmp_path / ".copydesk.toml").is_symlink()
    assert real.read_text() == 'packs = ["names"]\n\n[vocab]\naccept = ["Kiev"]\n'
    assert real.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in (tmp_path / "config").iterdir()) == ["house.toml"]


@pytest.mark.asyncio
async def test_the_command_refuses_what_it_must_not_write(
    client: LanguageClient, tmp_path: Path
) -> None:
    (tmp_path / "pyproject.toml").write_text(OUTSIDE)
    project = tmp_path / "project"
    project.mkdir()
    editor = Editor(client)
    await editor.start([project])
    draft = project / "draft.txt"
    uri = uri_of(draft)
    await editor.open(draft, "The mayor of Kiev spoke.\n")
    stray = tmp_path / "stray" / "note.txt"
    stray.parent.mkdir()
    for arguments in (
        [uri, "Kiev"],  # its config is above the workspace folder
        [uri_of(stray), "Kiev"],  # not open: never a config beside it
        [uri, "Kiev\n[tool.evil]"],  # not a term
        [uri, 42],  # pygls reads it as the string "42"
    ):
        await editor.client.workspace_execute_command_async(
            types.ExecuteCommandParams("copydesk.acceptInVocabulary", arguments)
        )
    reasons = [m.message for m in client.messages]
    assert len(reasons) == 4
    assert "outside the workspace folder" in reasons[0]
    assert reasons[1] == (
        "copydesk could not accept 'Kiev': the document is not open in the editor"
    )
    assert reasons[2].endswith("not a word or phrase on one line")
    assert reasons[3] == (
        "copydesk could not accept '42': not a word or phrase on one line"
    )
    assert (tmp_path / "pyproject.toml").read_text() == OUTSIDE
    assert list(project.iterdir()) == []  # the draft is an unsaved buffer
    assert list(stray.parent.iterdir()) == []


def test_a_fifo_where_the_config_would_be_is_refused_not_read(tmp_path: Path) -> None:
    """Config discovery passes over a FIFO, so "accept" made a new config at
    its name: reading the FIFO first blocked the server for good."""
    os.mkfifo(tmp_path / ".copydesk.toml")
    with pytest.raises(ConfigError, match="not edited: it is not a regular file"):
        accept_term("", tmp_path, "Kiev")
    assert stat.S_ISFIFO((tmp_path / ".copydesk.toml").stat().st_mode)
