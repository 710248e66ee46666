"""The registry: lazy, complete, and clear about unknown names."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from copydesk.report import FORMATS, RENDERERS, load, render
from tests.report.sample import FINDINGS, context


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_registered_renderer_loads(fmt: str) -> None:
    assert callable(load(fmt))


def test_importing_the_package_imports_no_renderer() -> None:
    code = (
        "import sys, copydesk.report; "
        "print(sorted(m for m in sys.modules if m.startswith('copydesk')))"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    assert out.strip() == "['copydesk', 'copydesk.report']"


def test_unknown_format_names_the_choices() -> None:
    with pytest.raises(ValueError, match=r"unknown output format 'xml' \(choose text"):
        render("xml", FINDINGS, context())


def test_statistics_renderers_are_not_output_formats() -> None:
    assert set(RENDERERS) - set(FORMATS) == {"statistics", "statistics-json"}
    assert callable(load("statistics"))


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_statistics_flag_does_not_change_a_format(fmt: str) -> None:
    plain = render(fmt, FINDINGS, context())
    assert render(fmt, FINDINGS, context(statistics=True)) == plain
