"""reStructuredText rendered in-process as Vale's ``rst2html`` call renders it.

Vale pipes the text through ``rst2html`` (quiet, no file insertion, no
back-links or section numbers) and walks the ``<body>``. docutils is a
copydesk dependency already, so the same HTML is made without a subprocess.
"""

from __future__ import annotations

from typing import Any

__all__ = ["render"]

_SETTINGS: dict[str, Any] = {
    "report_level": 5,
    "halt_level": 5,
    "embed_stylesheet": False,
    "file_insertion_enabled": False,
    "raw_enabled": True,
    "toc_backlinks": "none",
    "footnote_backlinks": False,
    "sectnum_xform": False,
    "warning_stream": False,
    "_disable_config": True,
}


def render(text: str) -> str:
    """The ``<body>`` of the HTML docutils writes for ``text``."""
    from docutils.core import publish_string

    try:
        output = publish_string(text, writer="html4css1", settings_overrides=_SETTINGS)
        html = output.decode("utf-8") if isinstance(output, bytes) else str(output)
    except Exception:  # docutils raises many types on malformed input
        return ""
    html = html.replace("\r", "")
    start = html.find("<body>\n")
    start = -7 if start < 0 else start
    end = html.find("\n</body>")
    if end < 0:
        end = max(len(html) - 1, 0)
    return html[start + 7 : end]
