"""Vale's commands (``vale ls-config``, ``vale sync``...), as far as they
make sense here.

``ls-config``, ``ls-dirs`` and ``ls-vars`` print what they print in Vale (the
config as JSON, the default folders, the environment variables). ``sync``
downloads packages, which ``copydesk vale`` never does: it says so and how
to point ``Packages`` at a local copy instead. The rest (``fix``, the browser
host commands) are refused with one line.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from copydesk.errors import CopydeskError
from copydesk.vale.config import ValeConfig, default_styles_path, global_config
from copydesk.vale.output import go_json

__all__ = ["COMMANDS", "run_command"]

COMMANDS = (
    "ls-config",
    "ls-metrics",
    "ls-dirs",
    "ls-vars",
    "sync",
    "host-install",
    "host-uninstall",
    "compile",
    "run",
    "transform",
    "ls-path",
    "fix",
    "tag",
    "dc",
)
_VARIABLES = {
    "VALE_CONFIG_PATH": (
        "Override the default search process by specifying a .vale.ini file."
    ),
    "VALE_STYLES_PATH": "Specify the location of the default StylesPath.",
}


def _jsonable(value: Any) -> Any:
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)
        }
    return value


def run_command(name: str, load: Callable[[], ValeConfig], out: TextIO) -> int:
    """Run Vale's command ``name`` (raises CopydeskError for the ones that
    cannot run here)."""
    if name in ("ls-config", "dc"):
        config = _jsonable(load())
        config.pop("warnings", None)
        out.write(go_json(config) + "\n")
        return 0
    if name == "ls-dirs":
        out.write(f"{global_config()}\n{default_styles_path()}\n")
        return 0
    if name == "ls-vars":
        out.write("".join(f"{key}: {text}\n" for key, text in _VARIABLES.items()))
        return 0
    if name == "sync":
        raise CopydeskError(
            "sync",
            "copydesk vale does not download packages: run `vale sync` once, or "
            "list local package folders or .zip files in Packages",
        )
    raise CopydeskError(name, f"the '{name}' command is not supported by copydesk vale")
