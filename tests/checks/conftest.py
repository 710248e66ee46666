"""Fixtures shared by the check tests."""

from __future__ import annotations

import pytest

from copydesk.ruleset import Ruleset, load_ruleset


@pytest.fixture(scope="module")
def quotes() -> Ruleset:
    """The ``quotes`` pack alone, loaded once per test module."""
    return load_ruleset(select=["quotes"])
