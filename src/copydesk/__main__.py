"""Allow ``python -m copydesk``."""

from copydesk.cli import main

raise SystemExit(main())
