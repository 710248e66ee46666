"""Fixtures over the shared sample, and the ``--update-golden`` option."""

from __future__ import annotations

import contextlib

import pytest

from copydesk.model import Finding
from copydesk.report import ReportContext
from tests.report.sample import FINDINGS, context


@pytest.fixture
def ctx() -> ReportContext:
    return context()


@pytest.fixture
def findings() -> tuple[Finding, ...]:
    return FINDINGS


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--update-golden``; pytest asks only conftests on the command-line path.

    So it works as ``pytest tests/report --update-golden``; a repo-wide
    conftest may register the same option, which this one then leaves alone.
    """
    with contextlib.suppress(ValueError):  # already registered by a parent conftest
        parser.addoption(
            "--update-golden",
            action="store_true",
            default=False,
            help="rewrite tests/report/golden/* from the current reporters",
        )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden", default=False))
