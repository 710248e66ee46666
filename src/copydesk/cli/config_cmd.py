"""``copydesk config [PATH]``: the settings that apply to a file, and why.

Built on ``Workspace.origins_for``, the same resolution ``check`` uses, so
what it shows is what ``check`` does with the same flags. Each row names its
source as the user would look for it: a flag (``--select``), a config file
and its key in full, or the default.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import TextIO

from copydesk.api import Workspace
from copydesk.cli.check import overrides_from
from copydesk.cli.terminal import width_for
from copydesk.origins import CONFIG, OVERRIDE, Origin
from copydesk.report._fit import hanging

EXIT_CLEAN = 0
#: Settings whose values are paths, shown relative to the working directory.
PATHS = ("config file", "rules-path")

#: ``Overrides`` field -> the flag that sets it.
FLAGS = {
    "select": "--select",
    "ignore": "--ignore",
    "rule_dirs": "--rules",
    "language": "--language",
    "fail_level": "--fail-level",
    "format_for": "--format-for",
    "kind_for": "--kind-for",
    "config_file": "--config",
    "isolated": "--isolated",
}


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Print each setting for ``args.path``: value and source."""
    workspace = Workspace(Path(), overrides_from(args))
    rows = workspace.origins_for(args.path)
    config_file = shown_path(workspace.settings_for(args.path).config_path)
    if args.format == "json":
        data = {
            "path": args.path,
            "config": config_file or None,
            "settings": [
                {
                    "setting": row.setting,
                    "value": row.value,
                    "source": row.source,
                    "from": source(row, config_file),
                }
                for row in rows
            ],
        }
        out.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return EXIT_CLEAN
    out.write(table(args.path, rows, config_file, width_for(out)))
    return EXIT_CLEAN


def source(origin: Origin, config_file: str) -> str:
    """Where a value comes from, as the user would look for it."""
    if origin.source == OVERRIDE:
        return f"flag {FLAGS.get(origin.key, origin.key)}"
    if origin.source == CONFIG:
        return f"{config_file}: {origin.key}"
    return f"default: {origin.key}" if origin.key else "default"


def table(path: str, rows: list[Origin], config_file: str, width: int) -> str:
    """``setting  value  (source)`` rows under the path, wrapped to fit."""
    name_width = max(len(row.setting) for row in rows)
    indent = 2 + name_width + 2
    lines = [f"Settings for {path}:"]
    for row in rows:
        value = shown_path(row.value) if row.setting in PATHS else row.value
        text = f"{value}  ({source(row, config_file)})"
        wrapped = hanging(text, width, first=indent, indent=indent)
        lines.append(f"  {row.setting:<{name_width}}  {wrapped}")
    return "\n".join(lines) + "\n"


def shown_path(path: str) -> str:
    """``path`` relative to the working directory when inside it."""
    if not path or not Path(path).is_absolute():
        return path
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative
