"""Which files ``copydesk vale`` lints, and under which names.

Vale's inputs: one argument that is not a path is the text to lint; paths
may be files or folders (walked, ``node_modules`` and ``.git`` skipped when
the walk reaches them by that exact name; what is not a regular file, such
as a FIFO, is passed over); no argument means stdin. A walked
file is linted when ``--glob`` matches it (or its name under a ``[formats]``
mapping) and, for a config without global settings, when some section of
the config matches it. Paths are reported as walked: ``docs/a.md``, never
``./docs/a.md``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from copydesk.errors import CopydeskError
from copydesk.vale.config import ValeConfig
from copydesk.vale.folders import walk_once
from copydesk.vale.formats import replace_ext
from copydesk.vale.globs import Glob

__all__ = ["input_paths", "wanted"]

_IGNORED_DIRS = ("node_modules", ".git")


def _walk(root: str) -> Iterator[str]:
    """The files under ``root``: only regular files, for reading a FIFO
    blocks (it hung the run) and a device may never end. A named path that
    is neither a folder nor a regular file is an error."""
    start = os.path.normpath(root)
    if not Path(start).is_dir():
        if not Path(start).is_file():
            raise CopydeskError(start, "not a regular file")
        yield start
        return
    for folder, dirs, names in walk_once(start):
        dirs[:] = [
            name
            for name in sorted(dirs)
            if os.path.normpath(str(Path(folder) / name)) not in _IGNORED_DIRS
        ]
        for name in sorted(names):
            path = os.path.normpath(str(Path(folder) / name))
            if Path(path).is_file():
                yield path


def wanted(config: ValeConfig, pattern: Glob) -> Callable[[str], bool]:
    """``Linter.skip`` inverted: should the walk lint this path?"""
    nonglobal = not config.global_styles and not config.global_checks

    def keep(path: str) -> bool:
        ref = replace_ext(path, config.formats).replace("\\", "/")
        if not pattern.match(path) and not pattern.match(ref):
            return False
        if not nonglobal:
            return True
        return any(p.match(path) or p.match(ref) for p in config.patterns.values())

    return keep


def input_paths(inputs: list[str], keep: Callable[[str], bool]) -> Iterator[str]:
    """Every file to lint under ``inputs`` (raises CopydeskError for a path
    that does not exist)."""
    for item in inputs:
        if not Path(item).exists():
            raise CopydeskError("doLint", f"argument '{item}' does not exist")
    for item in inputs:
        yield from (path for path in _walk(item) if keep(path))


def is_text_argument(inputs: list[str]) -> bool:
    """A single argument that names nothing on disk is text to lint."""
    return len(inputs) == 1 and bool(inputs[0]) and not Path(inputs[0]).exists()
