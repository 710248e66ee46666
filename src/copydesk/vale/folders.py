"""Walking a folder that came with the repository being linted.

Vale follows symlinks when it walks inputs and styles, and so does copydesk;
but a repository can hold a link to its own parent (``docs/up -> ..``): the
walk then never ends, and two such links in one folder double its work at
every level. Each real folder is therefore walked once, however many links
lead to it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

__all__ = ["walk_once"]


def walk_once(top: str) -> Iterator[tuple[str, list[str], list[str]]]:
    """``os.walk(top, followlinks=True)``, sorted, entering each real folder
    once. A caller may prune ``dirs`` further, as with ``os.walk``."""
    seen: set[str] = set()
    for folder, dirs, names in os.walk(top, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        dirs.sort()
        names.sort()
        yield folder, dirs, names
