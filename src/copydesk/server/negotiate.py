"""Pick the position encoding from what the client offers.

LSP's default is UTF-16, which every client must accept. copydesk counts in
code points, so UTF-32 needs no conversion at all and UTF-8 is what most
editors store; either is preferred when offered, whatever the client's order.
"""

from __future__ import annotations

from lsprotocol import types

from copydesk.server.positions import Encoding

#: Best first; UTF-16 is the fallback every client supports.
PREFERENCE: tuple[Encoding, ...] = ("utf-32", "utf-8", "utf-16")


def _name(encoding: types.PositionEncodingKind | str) -> str:
    return (
        encoding.value if isinstance(encoding, types.PositionEncodingKind) else encoding
    )


def offered(capabilities: types.ClientCapabilities) -> list[str]:
    """The encodings the client offers, by name, in its order."""
    general = capabilities.general
    encodings = general.position_encodings if general is not None else None
    return [_name(e) for e in encodings or ()]


def choose(capabilities: types.ClientCapabilities) -> Encoding:
    """The encoding the server will use with this client."""
    client = set(offered(capabilities))
    for encoding in PREFERENCE:
        if encoding in client:
            return encoding
    return "utf-16"


def put_first(capabilities: types.ClientCapabilities, encoding: Encoding) -> None:
    """Reorder the client's list so pygls, which takes the client's first
    supported choice, announces the same encoding as the server uses."""
    general = capabilities.general
    if general is None or not general.position_encodings:
        return
    rest = [e for e in general.position_encodings if _name(e) != encoding]
    general.position_encodings = [types.PositionEncodingKind(encoding), *rest]
