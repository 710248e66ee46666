"""Configuration discovery, precedence (CLI > nearest config > defaults) and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from copydesk.cli import main
from copydesk.config import ConfigError, find_config, load_config, parse_config

DRAFT = "Officials in Kiev met the press in Odessa.\n"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs" / "news").mkdir(parents=True)
    (tmp_path / "docs" / "news" / "a.txt").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def findings(
    capsys: pytest.CaptureFixture[str], *args: str
) -> list[tuple[str, str, str]]:
    main(["check", "--format", "json", *args])
    return [
        (i["rule"], i["match"], i["severity"])
        for i in json.loads(capsys.readouterr().out)
    ]


def test_defaults_without_config(repo: Path) -> None:
    config = find_config(repo / "docs" / "news" / "a.txt")
    assert config.path == ""
    assert config.select == ()


def test_pyproject_table_is_found_walking_up(repo: Path) -> None:
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.copydesk]\nfail-level = "error"\n',
        encoding="utf-8",
    )
    config = find_config(repo / "docs" / "news" / "a.txt")
    assert config.path == str(repo / "pyproject.toml")
    assert config.fail_level == "error"


def test_pyproject_without_table_is_skipped(repo: Path) -> None:
    (repo / "docs" / "pyproject.toml").write_text(
        '[project]\nname = "x"\n', encoding="utf-8"
    )
    (repo / ".copydesk.toml").write_text('language = "de"\n', encoding="utf-8")
    assert find_config(repo / "docs" / "news" / "a.txt").language == "de"


def test_nearest_config_wins(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / ".copydesk.toml").write_text('ignore = ["names"]\n', encoding="utf-8")
    (repo / "docs" / "news" / ".copydesk.toml").write_text(
        '[severity]\n"names.Places" = "error"\n', encoding="utf-8"
    )
    (repo / "docs" / "b.txt").write_text(DRAFT, encoding="utf-8")
    result = findings(capsys, "docs")
    assert ("names.Places", "Kiev", "error") in result
    assert all(r[0] != "names.Places" or r[2] == "error" for r in result)
    # docs/b.txt is governed by the root config, which ignores names
    main(["check", "--format", "json", "docs/b.txt"])
    assert json.loads(capsys.readouterr().out) == []


def test_cli_overrides_config(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / ".copydesk.toml").write_text(
        'select = ["quotes"]\nfail-level = "error"\n', encoding="utf-8"
    )
    assert findings(capsys, "docs") == []
    assert main(["check", "docs"]) == 0
    capsys.readouterr()
    assert findings(capsys, "--select", "names", "docs") != []
    assert main(["check", "--select", "names", "--fail-level", "warning", "docs"]) == 1


def test_packs_choose_what_runs(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / ".copydesk.toml").write_text('packs = ["typos"]\n', encoding="utf-8")
    assert findings(capsys, "docs") == []


def test_per_file_ignores(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / ".copydesk.toml").write_text(
        '[per-file-ignores]\n"docs/news/*.txt" = ["names.Places"]\n', encoding="utf-8"
    )
    (repo / "docs" / "c.txt").write_text(DRAFT, encoding="utf-8")
    result = findings(capsys, "docs")
    assert sorted({r[1] for r in result}) == ["Kiev", "Odessa"]
    assert len(result) == 2  # only docs/c.txt reports them


def test_vocab_accept_and_reject(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / ".copydesk.toml").write_text(
        '[vocab]\naccept = ["Odessa"]\nreject = ["met the press"]\n', encoding="utf-8"
    )
    result = findings(capsys, "docs")
    assert ("names.Places", "Kiev", "warning") in result
    assert not any(r[1] == "Odessa" for r in result)
    assert ("vocab.Reject", "met the press", "error") in result


def test_per_rule_options(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / ".copydesk.toml").write_text(
        '[rules."names.Places"]\nlevel = "suggestion"\n', encoding="utf-8"
    )
    result = findings(capsys, "docs")
    assert ("names.Places", "Kiev", "suggestion") in result


def test_exclude_applies_to_walked_files(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / ".copydesk.toml").write_text('exclude = ["news"]\n', encoding="utf-8")
    (repo / "docs" / "c.txt").write_text(DRAFT, encoding="utf-8")
    main(["check", "--format", "json", "docs"])
    assert {i["path"] for i in json.loads(capsys.readouterr().out)} == {"docs/c.txt"}


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("selct = []\n", "key 'selct': unknown key (did you mean 'select'?)"),
        ('select = "names"\n', "key 'select': expected a list, got a string"),
        (
            'fail-level = "fatal"\n',
            "key 'fail-level': expected suggestion, warning, error",
        ),
        (
            '[severity]\n"names.Places" = "loud"\n',
            """key 'severity."names.Places"': expected one of""",
        ),
        ("[vocab]\nallow = []\n", "key 'vocab.allow': unknown key"),
        (
            '[per-file-ignores]\n"*.md" = "names"\n',
            """key 'per-file-ignores."*.md"': expected a list""",
        ),
        (
            '[format-for]\n"*.txt" = "docx"\n',
            """key 'format-for."*.txt"': expected one of""",
        ),
        ("select = [\n", "invalid TOML"),
        (
            '[rules."names.Nope"]\nlevel = "error"\n',
            """key 'rules."names.Nope"': unknown rule (did you mean 'names.Places'?)""",
        ),
        (
            '[rules."names.Places"]\nswpa = 1\n',
            """key 'rules."names.Places".swpa': unknown key""",
        ),
    ],
)
def test_malformed_config_is_exit_2_naming_file_and_key(
    repo: Path, capsys: pytest.CaptureFixture[str], body: str, reason: str
) -> None:
    (repo / ".copydesk.toml").write_text(body, encoding="utf-8")
    assert main(["check", "docs"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("copydesk: error: ")
    assert reason in err
    assert err.count("\n") == 1


def test_parse_config_rejects_non_table() -> None:
    with pytest.raises(ConfigError):
        parse_config([], "x.toml")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            '[tool.copydesk]\nfail-levl = "error"\n',
            "key 'tool.copydesk.fail-levl': unknown key (did you mean 'fail-level'?)",
        ),
        (
            '[tool.copydesk]\nlanguage = "en_GB"\n',
            "key 'tool.copydesk.language': expected a BCP 47 language tag, got "
            "'en_GB' (did you mean 'en-GB'?)",
        ),
        (
            '[tool.copydesk.severity]\n"quotes.Stray" = "loud"\n',
            """key 'tool.copydesk.severity."quotes.Stray"': expected one of """
            "suggestion, warning, error",
        ),
        (
            "[tool.copydesk.vocab]\naccept = [3]\n",
            "key 'tool.copydesk.vocab.accept': every item must be a string, "
            "got an integer",
        ),
        (
            '[tool.copydesk.rules."names.Places"]\nextends = "existence"\n',
            """key 'tool.copydesk.rules."names.Places".extends': """
            "a rule's type cannot change",
        ),
    ],
)
def test_errors_in_pyproject_name_the_key_as_written_there(
    repo: Path, capsys: pytest.CaptureFixture[str], body: str, message: str
) -> None:
    (repo / "pyproject.toml").write_text(body, encoding="utf-8")
    assert main(["check", "docs"]) == 2
    path = repo / "pyproject.toml"
    assert capsys.readouterr().err == f"copydesk: error: {path}: {message}\n"


def test_a_copydesk_toml_may_use_a_tool_table(repo: Path) -> None:
    (repo / ".copydesk.toml").write_text(
        '[tool.copydesk]\nlanguage = "de"\n', encoding="utf-8"
    )
    assert find_config(repo / "docs").language == "de"
    (repo / ".copydesk.toml").write_text(
        '[tool.copydesk]\nlanguage = "german"\n', encoding="utf-8"
    )
    with pytest.raises(ConfigError) as caught:
        find_config(repo / "docs")
    assert caught.value.reason.startswith("key 'tool.copydesk.language': expected")


def test_load_config_reads_the_named_file_only(repo: Path) -> None:
    house = repo / "house.toml"
    house.write_text('language = "en-US"\n', encoding="utf-8")
    assert load_config(house).language == "en-US"
    (repo / "pyproject.toml").write_text("[tool.ruff]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"no \[tool.copydesk\] table"):
        load_config(repo / "pyproject.toml")
