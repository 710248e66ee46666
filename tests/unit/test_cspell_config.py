"""A project's cSpell config: the words it accepts are not spelling findings."""

from __future__ import annotations

from pathlib import Path

from tests.unit.unknown_words import reported_unknown

from copydesk.cspell_config import project_words


def test_json_with_comments_and_word_files(tmp_path: Path) -> None:
    (tmp_path / ".cspell").mkdir()
    (tmp_path / ".cspell" / "en-words.txt").write_text(
        "# project words\nfluentd\n~Kanzhelev\n!colour\n\ncontainerd # runtime\n",
        encoding="utf-8",
    )
    (tmp_path / "cspell.json").write_text(
        "// cSpell settings\n"
        "{\n"
        '  "words": ["Gzipped", "quantile",],\n'
        "  /* kept in a file */\n"
        '  "dictionaryDefinitions": [\n'
        '    {"name": "en-words", "path": ".cspell/en-words.txt"},\n'
        '    {"name": "pkg", "path": "@cspell/dict-fr-fr/cspell-ext.json"}\n'
        "  ],\n"
        '  "ignorePaths": ["docs/**/*.md"]\n'
        "}\n",
        encoding="utf-8",
    )
    assert project_words(tmp_path).words == {
        "containerd",
        "fluentd",
        "gzipped",
        "kanzhelev",
        "quantile",
    }


def test_yaml_config_and_what_is_not_read(tmp_path: Path) -> None:
    (tmp_path / ".cspell.yml").write_text(
        "version: '0.2'\nwords: [otca, triagers]\nignoreWords:\n  - devstats\n",
        encoding="utf-8",
    )
    (tmp_path / "cspell.json").write_text("{ not json", encoding="utf-8")
    assert project_words(tmp_path).words == {"devstats", "otca", "triagers"}
    (tmp_path / ".git").mkdir()
    (tmp_path / "docs" / "api").mkdir(parents=True)
    # Found from a folder below, as cSpell finds it; not past the repository.
    assert project_words(tmp_path / "docs" / "api").words == {
        "devstats",
        "otca",
        "triagers",
    }
    assert not project_words(tmp_path.parent / "elsewhere")


def test_a_run_leaves_the_projects_words_alone(tmp_path: Path) -> None:
    """End to end: the same page reports 'quantil' and 'clusterd' without a
    cSpell config, only 'quantil' with one that lists clusterd."""
    page = tmp_path / "scaling.md"
    page.write_text(
        "# Scaling\n\nSend the logs to clusterd and read the quantil.\n",
        encoding="utf-8",
    )

    assert reported_unknown(tmp_path, "scaling.md") == ["clusterd", "quantil"]
    (tmp_path / ".cspell.json").write_text('{"words": ["clusterd"]}', encoding="utf-8")
    assert reported_unknown(tmp_path, "scaling.md") == ["quantil"]


def test_word_files_stay_inside_the_project_and_configs_take_bom_and_comments(
    tmp_path: Path,
) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("secretword\n", encoding="utf-8")
    project = tmp_path / "repo"
    project.mkdir()
    (project / ".git").mkdir()
    (project / "words.txt").write_text("inside\n", encoding="utf-8")
    (project / "cspell.jsonc").write_text(
        "\ufeff{\n"
        '  "words": ["ours"], // the team words\n'
        '  "dictionaryDefinitions": [\n'
        '    {"name": "a", "path": "../outside.txt"},\n'
        '    {"name": "b", "path": "/etc/passwd"},\n'
        '    {"name": "c", "path": "words.txt"},\n'
        '    {"name": "d", "path": "./words.txt"}\n'
        "  ]\n"
        "}\n",
        encoding="utf-8",
    )
    found = project_words(project)
    assert found.words == {"ours", "inside"}
    assert found == project_words(project)
    assert hash(found) == hash(project_words(project))
