"""``python -m copydesk.server``: the language server over stdio."""

from copydesk.server import serve

raise SystemExit(serve())
