"""Allow ``python -m copydesk``."""

from copydesk.cli.main import entry

raise SystemExit(entry())
