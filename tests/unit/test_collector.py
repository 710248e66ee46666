"""The long-lived runs collect their garbage cycles.

``copydesk``'s console script turns the cyclic garbage collector off for a
short run (``cli.main.entry``). The editor server and a collection run live
on, and must turn it back on. The server's own tests start it as
``python -m copydesk.server``, which never passes through the console
script, so they cannot see this.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from copydesk.api import Overrides, Workspace
from copydesk.collections import CollectionSpec
from copydesk.model import Finding
from copydesk.server import app, serve


@pytest.fixture
def collector_off() -> Iterator[None]:
    was = gc.isenabled()
    gc.disable()
    yield
    if was:
        gc.enable()


def test_the_server_runs_with_the_collector_on(
    collector_off: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []

    def start_io(self: app.CopydeskServer) -> None:
        seen.append(gc.isenabled())

    monkeypatch.setattr(app.CopydeskServer, "start_io", start_io)
    serve()
    assert seen == [True]


class _Seen:
    """A finding sink that notes whether the collector runs while it writes."""

    def __init__(self) -> None:
        self.collecting: list[bool] = []

    def write(self, doc_id: str, findings: Sequence[Finding]) -> None:
        self.collecting.append(gc.isenabled())

    def close(self) -> None:
        """Nothing to flush."""


def test_a_collection_run_lints_with_the_collector_on(
    collector_off: None, tmp_path: Path
) -> None:
    path = tmp_path / "pages.jsonl"
    path.write_text(
        '{"id": "a", "text": "Officials in Kiev said so."}\n'
        '{"id": "b", "text": "Kharkov."}\n',
        encoding="utf-8",
    )
    sink = _Seen()
    Workspace(tmp_path, Overrides(isolated=True)).lint_collection(
        CollectionSpec(str(path)), sink
    )
    assert sink.collecting == [True, True]
