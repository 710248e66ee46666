"""Add a term to a project's ``vocab.accept``, keeping the rest of the file.

The server edits the config file itself, so "accept this word" works the same
in every editor (an editor-side edit is what breaks in clients that cannot
run a server's command). The file is the config that applies to the
document; with none, a ``.copydesk.toml`` is created in the workspace folder.
``tomlkit`` keeps comments, order and line endings; the write is atomic, so
a watcher or a concurrent ``copydesk check`` never reads half a file.

The server writes only inside the workspace folder: a config found above it
(a pyproject.toml in the home folder) or reached through a symlink that
leads out of it is refused, not edited. The file written is the one the
path resolves to, so a symlink inside the folder stays a symlink, and a
link swapped in between the check and the write is replaced, never followed.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from copydesk.config import ConfigError
from copydesk.patterns import is_literal

NEW_CONFIG = ".copydesk.toml"
#: Characters that make a vocab term a regex (``patterns.is_literal``).
_REGEX_META = ".^$*+?{}[]\\|()"


def vocab_entry(term: str) -> str:
    """``term`` as a vocab entry: entries with regex characters are patterns,
    so those characters are escaped to accept the term literally."""
    if is_literal(term):
        return term
    return "".join("\\" + ch if ch in _REGEX_META else ch for ch in term)


def accept_term(config_path: str, root: Path, term: str) -> Path:
    """Add ``term`` to the vocabulary of ``config_path`` (or a new config in
    ``root`` when it is ""); returns the file written. Raises ConfigError
    when the file is not valid TOML or its vocab is not a table of lists."""
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    path = inside_workspace(
        Path(config_path) if config_path else root / NEW_CONFIG, root
    )
    if path.exists() and not path.is_file():
        # a FIFO blocked the server reading it; a device never ends
        raise ConfigError(str(path), "not edited: it is not a regular file")
    source = path.read_bytes().decode("utf-8") if path.exists() else ""
    try:
        document = tomlkit.parse(source)
        _add(_copydesk_table(document, path.name), vocab_entry(term))
    except TOMLKitError as exc:
        raise ConfigError(str(path), f"cannot add to vocab: {exc}") from None
    except (TypeError, AttributeError):
        raise ConfigError(
            str(path), "key 'vocab.accept': expected a list of strings"
        ) from None
    _write_atomically(path, _tidy(tomlkit.dumps(document), source))
    return path


def inside_workspace(path: Path, root: Path) -> Path:
    """``path`` resolved (symlinks followed), if it lies inside ``root``;
    else a ConfigError naming it: the server edits no file outside the
    workspace folder, whatever a config search or a symlink points at."""
    resolved = path.resolve()
    if not resolved.is_relative_to(root.resolve()):
        raise ConfigError(
            str(path),
            f"not edited: it is outside the workspace folder {root}"
            + (f" (it leads to {resolved})" if resolved != path.absolute() else "")
            + "; add the term to its vocab.accept by hand",
        )
    return resolved


def _tidy(text: str, source: str) -> str:
    """The file's own line endings for the lines tomlkit added (it writes
    ``\n``), and one line break at the end (the new table's blank line
    separates it from a table after it, and is not wanted at the end)."""
    newline = "\r\n" if "\r\n" in source else "\n"
    if newline != "\n":
        text = text.replace("\r\n", "\n").replace("\n", newline)
    return text.rstrip("\r\n") + newline


def _copydesk_table(document: Any, file_name: str) -> Any:
    """The table holding copydesk's keys: ``[tool.copydesk]``, or the top
    level of a ``.copydesk.toml`` without one (as ``config`` reads it)."""
    tool = document.get("tool")
    if tool is not None and "copydesk" in tool:
        return tool["copydesk"]
    if file_name == "pyproject.toml":
        import tomlkit

        if tool is None:
            document["tool"] = tool = tomlkit.table(is_super_table=True)
        tool["copydesk"] = tomlkit.table()
        return tool["copydesk"]
    return document


def _add(table: Any, entry: str) -> None:
    import tomlkit

    vocab = table.get("vocab")
    if vocab is None:
        vocab = tomlkit.table()
        vocab["accept"] = [entry]
        vocab.add(tomlkit.nl())
        table["vocab"] = vocab
        return
    accept = vocab.get("accept")
    if accept is None:
        vocab["accept"] = [entry]
    elif entry not in accept:
        accept.append(entry)


def _write_atomically(path: Path, text: str) -> None:
    fd, temp = tempfile.mkstemp(prefix=".copydesk-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        mode = path.stat().st_mode & 0o7777 if path.exists() else 0o644
        Path(temp).chmod(mode)
        Path(temp).replace(path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
