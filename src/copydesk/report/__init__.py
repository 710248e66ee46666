"""Reporters: turn sorted Findings into text for a terminal, a CI system or a tool.

Every format is one module with a pure ``render(findings, ctx) -> str``; the
registry below names them as strings so the CLI imports only the one it uses.
Each renderer returns either ``""`` or text ending in a newline, ready for
``sys.stdout.write``.
"""

import importlib
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from copydesk.model import Finding, RuleMeta

__all__ = [
    "DEFAULT_FORMAT",
    "FORMATS",
    "RENDERERS",
    "Renderer",
    "ReportContext",
    "load",
    "render",
]


class ReportContext(NamedTuple):
    """What a reporter may know besides the findings; built once by the CLI."""

    #: copydesk's version, for machine formats (tests pass ``"0.0.0-test"``).
    version: str
    #: Directory that paths are reported relative to (SARIF artifact URIs).
    cwd: str
    #: Rule metadata by id; ids such as ``copydesk.error`` may be missing.
    rules: Mapping[str, "RuleMeta"]
    #: Source text by path, for the text reporter's source line and caret.
    sources: Mapping[str, str]
    #: Every path linted, in order, clean ones included (junit, checkstyle).
    files: Sequence[str]
    #: ANSI colours in the text reporter; the CLI decides (tty, ``NO_COLOR``).
    color: bool = False
    #: ``--statistics`` was given. Reporters do not change their output for it:
    #: the CLI adds ``render("statistics", ...)`` after text or concise output.
    statistics: bool = False
    #: Terminal cells per line for the human formats (text, statistics): the
    #: CLI measures it (``COLUMNS``, the terminal, else 100); machine formats
    #: ignore it.
    width: int = 100
    #: The text format ends with a summary (``Found 3 findings ...``); off for
    #: ``--quiet``, which prints the findings only.
    summary: bool = True


Renderer = Callable[[Sequence["Finding"], ReportContext], str]

#: Output format name -> ``module:function``, imported only when chosen.
FORMATS: dict[str, str] = {
    "text": "copydesk.report.text:render",
    "concise": "copydesk.report.concise:render",
    "json": "copydesk.report.json:render",
    "github": "copydesk.report.github:render",
    "sarif": "copydesk.report.sarif:render",
    "junit": "copydesk.report.junit:render",
    "checkstyle": "copydesk.report.checkstyle:render",
    "rdjson": "copydesk.report.rdjson:render",
}

DEFAULT_FORMAT = "text"

#: Everything ``render`` accepts: the output formats plus the ``--statistics``
#: tables, which are not ``--output-format`` choices but extra output.
RENDERERS: dict[str, str] = {
    **FORMATS,
    "statistics": "copydesk.report.statistics:render",
    "statistics-json": "copydesk.report.statistics:render_json",
}


def load(name: str) -> Renderer:
    """The renderer called ``name``; ``ValueError`` names the choices if unknown."""
    try:
        target = RENDERERS[name]
    except KeyError:
        choices = ", ".join(RENDERERS)
        raise ValueError(f"unknown output format {name!r} (choose {choices})") from None
    module_name, _, attr = target.partition(":")
    renderer: Renderer = getattr(importlib.import_module(module_name), attr)
    return renderer


def render(fmt: str, findings: Sequence["Finding"], ctx: ReportContext) -> str:
    """Render ``findings`` (already sorted) with the renderer called ``fmt``."""
    return load(fmt)(findings, ctx)
