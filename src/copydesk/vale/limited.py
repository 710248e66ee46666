"""Reading a file that came with the repository being linted, within a limit.

A .vale.ini, a rule file and a vocabulary list are the repository's, so
each may be a FIFO or a device (reading it blocks, or never ends) or far
larger than any real one (a 65 MB config took 23 s and 1.7 GB to load, a
30 MB token list did not compile in two minutes). They are read only if
they are regular files, and only up to a limit a real one stays well under.
"""

from __future__ import annotations

from pathlib import Path

from copydesk.errors import CopydeskError

__all__ = ["read_limited"]


def read_limited(
    path: Path, limit: int, what: str, error: type[CopydeskError]
) -> bytes:
    """The bytes of ``path``; ``error`` naming it when it is not a regular
    file, cannot be read or holds more than ``limit`` bytes (``what`` names
    the kind of file in the message: "a config")."""
    try:
        if path.exists() and not path.is_file():
            raise error(str(path), "not a regular file")
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise error(str(path), f"cannot read {what}: {exc.strerror}") from None
    if len(data) > limit:
        raise error(str(path), f"refusing {what} over {limit // 1024} KiB")
    return data
