"""Machine format: a JSON list of findings, each exactly ``Finding.as_dict()``.

A bare list, as the core issue asks, so ``jq '.[]'`` works; the shape is
versioned out of band as ``copydesk-json-v1`` (``SCHEMA_VERSION``), described
by ``json_schema.json`` next to this module. Adding keys keeps version 1;
renaming or removing one bumps it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from copydesk.model import Finding
    from copydesk.report import ReportContext

#: Version of the finding-object shape below; bump on incompatible change.
SCHEMA_VERSION = 1
SCHEMA_NAME = f"copydesk-json-v{SCHEMA_VERSION}"


def render(findings: Sequence[Finding], ctx: ReportContext) -> str:
    """Indented JSON, non-ASCII kept readable, keys in ``as_dict`` order."""
    del ctx  # the shape depends on the findings alone
    return dumps([f.as_dict() for f in findings])


def dumps(data: Any) -> str:
    """The JSON text every copydesk JSON output shares: indented, newline-ended."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def schema() -> dict[str, Any]:
    """The JSON Schema of the output list (shipped as package data)."""
    text = resources.files(__package__).joinpath("json_schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded
