"""Which files, when they change, make the server reload configs and rules.

Config files (``pyproject.toml``, ``.copydesk.toml``) and rule files (YAML
under a ``rules-path``) are read once and memoised by each Workspace; a
change to any of them means forgetting them all and linting every open
buffer again. Any YAML file counts: a ``rules-path`` can be any folder, and
a reload costs a tenth of a second, so being exact here buys nothing.
"""

from __future__ import annotations

from pathlib import PurePath

from lsprotocol import types

from copydesk.config import CONFIG_NAMES

REGISTRATION_ID = "copydesk-watch-config-and-rules"
GLOBS = ("**/pyproject.toml", "**/.copydesk.toml", "**/*.yml", "**/*.yaml")


def affects_settings(path: PurePath) -> bool:
    """Whether a change to ``path`` can change what copydesk reports."""
    return path.name in CONFIG_NAMES or path.suffix in (".yml", ".yaml")


def client_can_watch(capabilities: types.ClientCapabilities) -> bool:
    """Whether the client accepts a dynamic ``didChangeWatchedFiles`` registration."""
    workspace = capabilities.workspace
    watched = workspace.did_change_watched_files if workspace is not None else None
    return bool(watched is not None and watched.dynamic_registration)


def registration() -> types.RegistrationParams:
    """The request asking the client to report changes to config and rule files."""
    options = types.DidChangeWatchedFilesRegistrationOptions(
        watchers=[types.FileSystemWatcher(glob_pattern=glob) for glob in GLOBS]
    )
    return types.RegistrationParams(
        registrations=[
            types.Registration(
                id=REGISTRATION_ID,
                method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=options,
            )
        ]
    )
