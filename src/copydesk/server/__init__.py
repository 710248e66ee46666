"""``copydesk server``: a Language Server over stdio, for editors.

Importing this package costs nothing: pygls and lsprotocol are imported by
:func:`serve`, so ``copydesk check`` never pays for them.
"""

from __future__ import annotations


def serve() -> int:
    """Run the language server on stdin/stdout until the client says ``exit``.

    Returns the exit code LSP asks for: 0 after ``shutdown`` then ``exit``,
    1 when the client exits without shutting down first.
    """
    import gc
    import logging
    import sys

    from copydesk.server.app import CopydeskServer

    # The console script pauses the collector for a short run
    # (``cli.main.entry``); a server lives as long as the editor, and the
    # cycles its requests leave (futures, tracebacks) must be collected.
    gc.enable()
    # stdout carries the protocol: anything logged must go to stderr.
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    server = CopydeskServer()
    server.start_io()  # returns on ``exit`` or when the client goes away
    return 0 if server.shut_down else 1
