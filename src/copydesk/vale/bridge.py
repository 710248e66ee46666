"""Both worlds: copydesk's own packs named in a Vale ``BasedOnStyles``."""

from __future__ import annotations

from copydesk.vale.config import ValeConfig
from copydesk.vale.styles import ExtraStyles

__all__ = ["copydesk_styles"]


def copydesk_styles(config: ValeConfig) -> ExtraStyles | None:
    """A loader for copydesk packs (none yet)."""
    del config
    return None
