"""What the terminal can show: its width, and whether to colour.

The reporters are pure and take both as plain values in ``ReportContext``;
only the CLI looks at the environment and the stream.
"""

from __future__ import annotations

import os
from typing import TextIO

from copydesk.report._fit import DEFAULT_WIDTH


def width_for(stream: TextIO | None, default: int = DEFAULT_WIDTH) -> int:
    """``COLUMNS`` if set, else the width of the terminal ``stream`` is, else
    ``default`` (100 for reports; argparse's help asks with 80, as
    ``shutil.get_terminal_size`` would).

    ``COLUMNS`` comes first so a user (or a test) can ask for a width, as with
    ``less`` and ``ls``; a pipe or a file has no width, and gets the default.
    """
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if stream is not None and _is_tty(stream):
        try:
            return os.get_terminal_size(stream.fileno()).columns or default
        except (OSError, ValueError):
            pass
    return default


def use_color(stream: TextIO | None, mode: str) -> bool:
    """Whether to colour output written to ``stream``.

    ``always`` and ``never`` (``--color``, ``--no-color``) decide outright.
    ``auto`` follows the conventions in this order: ``NO_COLOR`` set and not
    empty switches colour off (no-color.org); ``FORCE_COLOR`` set and not
    ``0`` or ``false`` switches it on (for CI logs that render ANSI); else
    colour only on a terminal. A file (``--output-file``) is not a terminal.
    """
    if mode in ("always", "never"):
        return mode == "always"
    if os.environ.get("NO_COLOR"):
        return False
    force = os.environ.get("FORCE_COLOR")
    if force is not None and force.strip().lower() not in ("0", "false"):
        return True
    return stream is not None and _is_tty(stream)


def _is_tty(stream: TextIO) -> bool:
    return bool(getattr(stream, "isatty", lambda: False)())
