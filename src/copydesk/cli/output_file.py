"""``--output-file``: the report written whole, or not at all."""

from __future__ import annotations

import os
from pathlib import Path

from copydesk.errors import CopydeskError


def write_output_file(path: str, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename.

    A reader (a CI step uploading SARIF, an editor polling the file) never
    sees half a report, and a failed run leaves the previous report intact.
    """
    import tempfile  # only with --output-file: not on every run's start

    target = Path(path)
    temporary: Path | None = None
    try:
        with tempfile.NamedTemporaryFile(
            "w",
            encoding="utf-8",
            newline="",
            dir=target.absolute().parent,
            prefix=f".{target.name}.",
            suffix=".tmp",
            delete=False,
        ) as handle:
            temporary = Path(handle.name)
            handle.write(text)
        temporary.chmod(_mode_for(target))
        temporary.replace(target)
    except OSError as exc:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        raise CopydeskError(path, f"cannot write: {exc.strerror or exc}") from None


def _mode_for(target: Path) -> int:
    """The old file's permissions, or what a new file gets under the umask
    (a temporary file is private, a report is not)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
