"""The one error type the CLI turns into ``copydesk: error: <path>: <reason>``."""

from __future__ import annotations


class CopydeskError(Exception):
    """A user-facing problem with an input, a rule file or a config file."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}" if path else reason)
        self.path = path
        self.reason = reason


class RuleError(CopydeskError):
    """A rule file that cannot be loaded (bad key, type, regex or YAML)."""


class InputError(CopydeskError):
    """A document that cannot be read as text."""


class SkippedInputError(InputError):
    """A file a directory walk passes over on purpose: a symlink leading out
    of the walked tree or to nothing (a docs folder's ``changelog.rst`` that
    links to the repository's ``CHANGES.rst``). Reported as a warning; the
    run's exit code does not count it, as a tree's own links are no error in
    the documents being checked."""
