"""Width and colour: what the environment asks for, and the sample draft at 100."""

from __future__ import annotations

import io
import os
import pty
from pathlib import Path

import pytest

from copydesk.cli import main
from copydesk.cli.terminal import use_color, width_for
from copydesk.report._fit import cells
from tests.conftest import SAMPLE, needs_sample


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("COLUMNS", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize(
    ("mode", "env", "tty", "expected"),
    [
        ("auto", {}, True, True),
        ("auto", {}, False, False),
        ("auto", {"NO_COLOR": "1"}, True, False),
        ("auto", {"NO_COLOR": ""}, True, True),  # set but empty: no effect
        ("auto", {"FORCE_COLOR": "1"}, False, True),
        ("auto", {"FORCE_COLOR": "0"}, True, True),  # 0: not forced, a tty
        ("auto", {"FORCE_COLOR": "false"}, False, False),
        ("auto", {"NO_COLOR": "1", "FORCE_COLOR": "1"}, True, False),
        ("always", {"NO_COLOR": "1"}, False, True),  # a flag wins
        ("never", {"FORCE_COLOR": "1"}, True, False),
    ],
)
def test_use_color(
    monkeypatch: pytest.MonkeyPatch,
    mode: str,
    env: dict[str, str],
    tty: bool,
    expected: bool,
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    stream = Tty() if tty else io.StringIO()
    assert use_color(stream, mode) is expected


def test_a_file_is_never_a_terminal() -> None:
    assert use_color(None, "auto") is False
    assert width_for(None) == 100


def test_width_from_columns_then_the_terminal_then_100(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert width_for(io.StringIO()) == 100
    primary, secondary = pty.openpty()
    try:
        os.set_blocking(primary, False)
        with os.fdopen(secondary, "w", closefd=False) as terminal:
            import fcntl
            import struct
            import termios

            fcntl.ioctl(
                secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 132, 0, 0)
            )
            assert width_for(terminal) == 132
            monkeypatch.setenv("COLUMNS", "72")
            assert width_for(terminal) == 72
            monkeypatch.setenv("COLUMNS", "wide")  # unreadable: ignored
            assert width_for(terminal) == 132
    finally:
        os.close(primary)
        os.close(secondary)


def test_no_color_flag_is_an_alias_of_never(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "d.txt").write_text("Talks in Kiev resumed.\n", encoding="utf-8")
    monkeypatch.setenv("FORCE_COLOR", "1")
    main(["check", "--no-cache", "d.txt"])
    assert "\x1b[" in capsys.readouterr().out
    main(["check", "--no-cache", "--no-color", "d.txt"])
    assert "\x1b[" not in capsys.readouterr().out
    main(["check", "--no-cache", "--color=never", "d.txt"])
    assert "\x1b[" not in capsys.readouterr().out


@needs_sample
def test_sample_draft_fits_a_100_column_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The issue's check: no line over 200 characters at COLUMNS=100. A
    paragraph is one source line; the window and the wrapping keep every line
    within the width itself."""
    monkeypatch.setenv("COLUMNS", "100")
    assert main(["check", "--no-cache", str(SAMPLE)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) > 60
    assert max(cells(line) for line in lines) <= 100
    monkeypatch.setenv("COLUMNS", "60")
    main(["check", "--no-cache", "--statistics", str(SAMPLE)])
    narrow = capsys.readouterr().out.splitlines()
    # Only a header's unbreakable location may pass the width.
    assert all(cells(line) <= 60 or line.startswith(str(SAMPLE)) for line in narrow)
