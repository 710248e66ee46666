"""The command line: argparse in, exit code out, one module per subcommand.

``main(argv) -> int`` is the whole interface (``copydesk.cli.main``); the
subcommands call ``copydesk.api`` and the reporters, and nothing below this
package imports it.
"""

from copydesk.cli.main import entry, main

__all__ = ["entry", "main"]
