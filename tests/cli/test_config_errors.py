"""Names in a config that match no rule: errors against the user's file and key.

Before, an unknown id in ``severity`` or ``per-file-ignores`` changed nothing
and said nothing; one in ``select`` was blamed on "--select"; a bad key or
value under ``rules."id"`` on the shipped rule file. ``packs`` switched on opt-in rules.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from copydesk.cli import main

DRAFT = "Officials in Kiev said the FAA agreed.\n"


@pytest.fixture
def project(workdir: Path) -> Path:
    (workdir / "draft.txt").write_text(DRAFT, encoding="utf-8")
    return workdir


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (
            '[tool.copydesk.severity]\n"names.Nope" = "error"\n',
            """key 'tool.copydesk.severity."names.Nope"': unknown rule or pack """
            "(did you mean 'names.Places'?)",
        ),
        (
            '[tool.copydesk.per-file-ignores]\n"*.txt" = ["typo"]\n',
            """key 'tool.copydesk.per-file-ignores."*.txt"': unknown rule or pack """
            "'typo' (did you mean 'typos'?)",
        ),
        (
            '[tool.copydesk]\nselect = ["names.places"]\n',
            "key 'tool.copydesk.select': unknown rule or pack 'names.places' "
            "(did you mean 'names.Places'?)",
        ),
        (
            '[tool.copydesk]\nignore = ["quote"]\n',
            "key 'tool.copydesk.ignore': unknown rule or pack 'quote' "
            "(did you mean 'quotes'?)",
        ),
        (
            '[tool.copydesk]\npacks = ["typography"]\n',
            "key 'tool.copydesk.packs': unknown rule or pack 'typography'",
        ),
        (
            '[tool.copydesk]\npacks = ["proselint"]\n',
            "key 'tool.copydesk.packs': pack 'proselint' has no rule that is on by "
            "default; name it in select to run its opt-in rules",
        ),
        (
            '[tool.copydesk.rules."names.Nope"]\nlevel = "error"\n',
            """key 'tool.copydesk.rules."names.Nope"': unknown rule """
            "(did you mean 'names.Places'?)",
        ),
        (
            '[tool.copydesk.rules."names.Places"]\nlevel = "loud"\n',
            """key 'tool.copydesk.rules."names.Places".level': expected one of """
            "suggestion, warning, error",
        ),
        (
            '[tool.copydesk.rules."names.Places"]\nmesage = "Say Kyiv."\n',
            """key 'tool.copydesk.rules."names.Places".mesage': unknown key """
            "(did you mean 'message'?)",
        ),
        (
            '[tool.copydesk.rules."names.Places"]\nscope = "footnote"\n',
            """key 'tool.copydesk.rules."names.Places".scope': expected one of """
            "text, paragraph, sentence, heading, list, table, blockquote, alt",
        ),
        (
            '[tool.copydesk.rules."artifacts.Ads"]\ntokens = ["(Anzeige"]\n',
            """key 'tool.copydesk.rules."artifacts.Ads".tokens': bad regex """
            "'(Anzeige': missing ) at position 8",
        ),
        (
            '[tool.copydesk.rules."names.Places"]\nignorecase = "yes"\n',
            """key 'tool.copydesk.rules."names.Places".ignorecase': expected true """
            "or false, got a string",
        ),
    ],
)
def test_unknown_names_in_pyproject_name_file_and_full_key(
    project: Path, capsys: pytest.CaptureFixture[str], table: str, message: str
) -> None:
    (project / "pyproject.toml").write_text(table, encoding="utf-8")
    assert main(["check", "--no-cache", "draft.txt"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    path = project / "pyproject.toml"
    assert captured.err == f"copydesk: error: {path}: {message}\n"


def test_copydesk_toml_keys_have_no_tool_prefix(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / ".copydesk.toml").write_text(
        '[severity]\n"names.Nope" = "error"\n', encoding="utf-8"
    )
    assert main(["check", "--no-cache", "draft.txt"]) == 2
    assert capsys.readouterr().err.endswith(
        """.copydesk.toml: key 'severity."names.Nope"': unknown rule or pack """
        "(did you mean 'names.Places'?)\n"
    )


@pytest.mark.parametrize(
    ("flag", "name", "message"),
    [
        ("--select", "nosuch", "unknown rule or pack 'nosuch' in --select"),
        (
            "--ignore",
            "Names",
            "unknown rule or pack 'Names' in --ignore (did you mean 'names'?)",
        ),
    ],
)
def test_unknown_names_in_flags_name_the_flag(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    flag: str,
    name: str,
    message: str,
) -> None:
    assert main(["check", flag, name, "draft.txt"]) == 2
    assert capsys.readouterr().err == f"copydesk: error: {message}\n"


def rules_found(capsys: pytest.CaptureFixture[str], *argv: str) -> list[str]:
    main(["check", "--no-cache", "--format", "json", *argv, "draft.txt"])
    return [item["rule"] for item in json.loads(capsys.readouterr().out)]


def test_packs_run_their_default_rules_only(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = project / ".copydesk.toml"
    config.write_text('packs = ["names", "style"]\n', encoding="utf-8")
    # style.Acronyms is opt-in: a pack in `packs` does not switch it on...
    assert rules_found(capsys) == ["names.Places"]
    # ...naming the pack in select does, as documented...
    assert rules_found(capsys, "--select", "style") == ["style.Acronyms"]
    config.write_text('select = ["names", "style"]\n', encoding="utf-8")
    assert rules_found(capsys) == ["names.Places", "style.Acronyms"]
    # ...and so does switching the rule on by name in the config.
    config.write_text(
        'packs = ["names", "style"]\n[rules."style.Acronyms"]\nenabled = true\n',
        encoding="utf-8",
    )
    assert rules_found(capsys) == ["names.Places", "style.Acronyms"]
