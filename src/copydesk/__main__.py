"""Allow ``python -m copydesk``."""

from copydesk.cli import entry

raise SystemExit(entry())
