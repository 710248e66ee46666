"""A finding sink for collection runs in tests: each document's findings kept
in memory, by id."""

from __future__ import annotations

from collections.abc import Sequence

from copydesk.model import Finding


class Collected:
    """Keeps what a collection run writes, by document id."""

    def __init__(self) -> None:
        self.found: dict[str, list[Finding]] = {}

    def write(self, doc_id: str, findings: Sequence[Finding]) -> None:
        self.found[doc_id] = list(findings)

    def close(self) -> None:
        """Nothing to flush."""
