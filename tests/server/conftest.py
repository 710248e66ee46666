"""A language client connected to a fresh ``python -m copydesk.server``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest_asyncio
import pytest_lsp
from pytest_lsp import LanguageClient

from tests.server.editor import SERVER, Editor


@pytest_lsp.fixture(config=SERVER)  # type: ignore[untyped-decorator]
async def client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    """The client; a test initializes it with the folders it needs, and the
    session is shut down afterwards (if the test did not do it itself)."""
    yield
    if not lsp_client.stopped:
        await lsp_client.shutdown_session()


@pytest_asyncio.fixture
async def editor(client: LanguageClient, tmp_path: Path) -> Editor:
    """An editor session with the test's folder open as its one folder."""
    session = Editor(client)
    await session.start([tmp_path])
    return session
