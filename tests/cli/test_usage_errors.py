"""Usage mistakes: one line on stderr, exit 2, and a guess at what was meant.

Each case here was accepted silently, or answered with argparse's two-line
usage, before; the exact messages are the contract.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.cli import main
from copydesk.cli.parser import OUTPUT_FORMATS

DRAFT = "Officials in Kiev said the talks would go on.\n"


@pytest.fixture
def draft(workdir: Path) -> Path:
    path = workdir / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def error_of(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    """Run ``argv``: it must fail with exit 2, nothing on stdout, one line on
    stderr; returns that line."""
    code = main(argv)
    captured = capsys.readouterr()
    assert (code, captured.out) == (2, "")
    assert captured.err.count("\n") == 1
    return captured.err.rstrip("\n")


@pytest.mark.usefixtures("draft")
@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["chek", "draft.txt"],
            "'chek' is neither a command nor a file (did you mean 'check'?)",
        ),
        (
            ["Fix", "draft.txt"],
            "'Fix' is neither a command nor a file (did you mean 'fix'?)",
        ),
        (
            ["explian", "names.Places"],
            "'explian' is neither a command nor a file (did you mean 'explain'?)",
        ),
        (
            ["check", "--formt", "json", "draft.txt"],
            "unknown option '--formt' (did you mean '--format'?)",
        ),
        (
            ["check", "--selct=names", "draft.txt"],
            "unknown option '--selct' (did you mean '--select'?)",
        ),
        (
            ["check", "--frobnicate", "draft.txt"],
            "unknown option '--frobnicate' (see copydesk check --help)",
        ),
        (["rules", "extra"], "unexpected argument 'extra'"),
        (
            ["check", "--format", "jsn", "draft.txt"],
            "argument --format: unknown choice 'jsn' (did you mean 'json'?); "
            f"choose from {', '.join(OUTPUT_FORMATS)}",
        ),
        (
            ["check", "--jobs", "0", "draft.txt"],
            "argument --jobs/-j: expected a whole number of worker processes, "
            "1 or more, got '0'",
        ),
        (
            ["check", "-j", "-3", "draft.txt"],
            "argument --jobs/-j: expected a whole number of worker processes, "
            "1 or more, got '-3'",
        ),
        (
            ["check", "--jobs", "many", "draft.txt"],
            "argument --jobs/-j: expected a whole number of worker processes, "
            "1 or more, got 'many'",
        ),
        (
            ["check", "--language", "en_GB", "draft.txt"],
            "argument --language: expected a BCP 47 language tag, got 'en_GB' "
            "(did you mean 'en-GB'?)",
        ),
        (
            ["check", "--language", "english", "draft.txt"],
            "argument --language: expected a BCP 47 language tag such as en, "
            "en-GB, de-CH or pt-BR, got 'english'",
        ),
        (
            ["check", "--diff", "draft.txt"],
            "--diff works with fixes: use copydesk fix --diff, or check --fix --diff",
        ),
        (
            ["check", "--unsafe-fixes", "draft.txt"],
            "--unsafe-fixes works with fixes: use copydesk fix --unsafe-fixes, "
            "or check --fix --unsafe-fixes",
        ),
        (
            ["fix", "--diff", "--format", "json", "draft.txt"],
            "--diff prints a unified diff, not --format json: drop one of them",
        ),
        (
            ["check", "--statistics", "--format", "sarif", "draft.txt"],
            "--statistics prints counts as text or JSON, not --format sarif",
        ),
        (
            ["check", "--color", "sometimes", "draft.txt"],
            "argument --color: unknown choice 'sometimes'; "
            "choose from auto, always, never",
        ),
        (["explain"], "the following arguments are required: RULE"),
    ],
)
def test_usage_error_is_one_line_with_a_guess(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert error_of(capsys, argv) == f"copydesk: error: {message}"


def test_the_draft_is_untouched_by_a_refused_fix(
    draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    error_of(capsys, ["check", "--diff", "draft.txt"])
    assert draft.read_text(encoding="utf-8") == DRAFT


def test_a_file_named_like_a_command_is_linted(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The rule is "not a command, not a file, close to a command": an
    existing file wins, so nobody's ``chek`` draft becomes unlintable."""
    (workdir / "chek").write_text(DRAFT, encoding="utf-8")
    assert main(["chek", "--format", "concise"]) == 1
    assert capsys.readouterr().out.startswith("chek:1:14: warning names.Places")


def test_a_missing_file_far_from_any_command_is_a_missing_file(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["interview.txt"]) == 2
    err = capsys.readouterr().err
    assert err == "copydesk: error: interview.txt: no such file or directory\n"


def test_help_lists_examples_and_exit_codes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for argv in (["--help"], ["check", "--help"], ["fix", "--help"]):
        assert main(argv) == 0
        out = capsys.readouterr().out
        assert "examples:\n  copydesk check drafts/" in out
        assert "exit codes:\n  0  no finding at or above the fail level\n" in out
        assert "  2  usage, config, rule-file or input error" in out
