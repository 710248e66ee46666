"""``.vale.ini`` as Vale reads it: discovery, sections, levels, vocabularies,
packages, and the errors and warnings a config can cause."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from copydesk.vale.ini import IniFile
from tests.vale.conftest import Run, write_tree

TODO_RULE = (
    "extends: existence\nmessage: \"'%s' left in text\"\nlevel: warning\n"
    "tokens:\n  - TODO\n  - FIXME\n"
)
LOUD_RULE = (
    "extends: existence\nmessage: \"No '%s'\"\nlevel: error\n"
    "tokens:\n  - '!+'\nnonword: true\n"
)


def test_ini_dialect_shadows_quotes_comments_and_continuations() -> None:
    ini = IniFile()
    ini.load(
        "StylesPath = a\n"
        "; a comment\n"
        "StylesPath = b\n"
        "Vocab = 'Base'  # inline comment needs a space before it\n"
        "WordTemplate = \\b(?:%s)\\b#kept\n"
        "[*.md]\n"
        "BasedOnStyles = One, \\\n"
        "  Two\n"
        "[*.md]\n"
        "BasedOnStyles = Three\n"
    )
    core = ini.section("")
    assert core.shadows("StylesPath") == ["a", "b"]
    assert core.get("Vocab") == "Base"
    assert core.get("WordTemplate") == "\\b(?:%s)\\b#kept"
    assert ini.section("*.md").list_with_shadows("BasedOnStyles") == [
        "One",
        "Two",
        "Three",
    ]


def test_config_found_in_a_parent_folder(
    project: Path, vale: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(
        project,
        {
            "_vale.ini": "StylesPath = styles\n[*]\nBasedOnStyles = House\n",
            "styles/House/Todo.yml": TODO_RULE,
            "docs/guide/a.md": "Write the TODO list.\n",
        },
    )
    monkeypatch.chdir(project / "docs" / "guide")
    assert vale("a.md").lines == ["a.md:1:11:House.Todo:'TODO' left in text"]


def test_explicit_config_and_environment_variable(
    project: Path, vale: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(
        project,
        {
            "conf/strict.ini": "StylesPath = ../styles\n[*]\nBasedOnStyles = House\n",
            "styles/House/Todo.yml": TODO_RULE,
            "a.md": "FIXME later.\n",
        },
    )
    expected = ["a.md:1:1:House.Todo:'FIXME' left in text"]
    assert vale("--config=conf/strict.ini", "a.md").lines == expected
    monkeypatch.setenv("VALE_CONFIG_PATH", "conf/strict.ini")
    assert vale("a.md").lines == expected


def test_last_matching_section_decides_the_styles(project: Path, vale: Run) -> None:
    write_tree(
        project,
        {
            ".vale.ini": (
                "StylesPath = styles\n"
                "[*]\nBasedOnStyles = House\n"
                "[*.{md,txt}]\nBasedOnStyles = Loud\n"
                "[notes/*.md]\nBasedOnStyles = House, Loud\n"
            ),
            "styles/House/Todo.yml": TODO_RULE,
            "styles/Loud/Bang.yml": LOUD_RULE,
            "a.md": "TODO now!\n",
            "b.rst.txt": "TODO now!\n",
            "notes/c.md": "TODO now!\n",
            "d.html": "<p>TODO now!</p>\n",
        },
    )
    result = vale("--sort", "a.md", "b.rst.txt", "notes/c.md", "d.html")
    assert result.lines == [
        "a.md:1:9:Loud.Bang:No '!'",
        "b.rst.txt:1:9:Loud.Bang:No '!'",
        "d.html:1:4:House.Todo:'TODO' left in text",
        "notes/c.md:1:1:House.Todo:'TODO' left in text",
        "notes/c.md:1:9:Loud.Bang:No '!'",
    ]
    assert result.code == 1


def test_rule_switches_and_levels_merge_across_sections(
    project: Path, vale: Run
) -> None:
    write_tree(
        project,
        {
            ".vale.ini": (
                "StylesPath = styles\nMinAlertLevel = warning\n"
                "[*]\nBasedOnStyles = House, Loud\nLoud.Bang = NO\n"
                "[*.md]\nHouse.Todo = suggestion\n"
                "[special.md]\nLoud.Bang = YES\n"
            ),
            "styles/House/Todo.yml": TODO_RULE,
            "styles/Loud/Bang.yml": LOUD_RULE,
            "a.md": "TODO now!\n",
            "special.md": "TODO now!\n",
            "c.txt": "TODO now!\n",
        },
    )
    # House.Todo = suggestion is a rule level (global to the config) below
    # MinAlertLevel; Loud.Bang is off except where a later section turns it on.
    assert vale("--sort", "a.md", "special.md", "c.txt").lines == [
        "special.md:1:9:Loud.Bang:No '!'"
    ]
    assert vale("--minAlertLevel=suggestion", "c.txt").lines == [
        "c.txt:1:1:House.Todo:'TODO' left in text"
    ]


def test_vocab_accept_and_reject(project: Path, vale: Run) -> None:
    write_tree(
        project,
        {
            ".vale.ini": (
                "StylesPath = styles\nVocab = Docs\n[*]\nBasedOnStyles = Vale, House\n"
            ),
            "styles/House/Caps.yml": (
                "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: warning\n"
                "tokens:\n  - '[A-Z]{2,}[a-z]+'\n"
            ),
            "styles/config/vocabularies/Docs/accept.txt": (
                "# Terms we spell our way\nGitLab\n(?i)MkDocs\nOAuthToken\n"
            ),
            "styles/config/vocabularies/Docs/reject.txt": "crufty\n",
            "a.md": (
                "Use gitlab and MKDOCS with OAuthToken and CIpipe; not crufty code.\n"
            ),
        },
    )
    result = vale("a.md")
    assert result.lines == [
        "a.md:1:5:Vale.Terms:Use 'GitLab' instead of 'gitlab'.",
        "a.md:1:43:House.Caps:Avoid 'CIpipe'.",
        "a.md:1:55:Vale.Avoid:Avoid using 'crufty'.",
    ]
    assert "Vale.Spelling" in result.err


def test_local_package_folder_and_zip(project: Path, vale: Run) -> None:
    write_tree(
        project,
        {
            ".vale.ini": (
                "StylesPath = styles\nPackages = vendor/Plain, vendor/Shouty.zip\n"
                "[*]\nBasedOnStyles = Plain, Shouty\n"
            ),
            "styles/.keep": "",
            "vendor/Plain/Todo.yml": TODO_RULE,
            "a.md": "TODO: stop shouting!\n",
        },
    )
    with zipfile.ZipFile(project / "vendor" / "Shouty.zip", "w") as archive:
        archive.writestr("Shouty/styles/Shouty/Bang.yml", LOUD_RULE)
        archive.writestr("Shouty/.vale.ini", "MinAlertLevel = error\n")
    # The zipped package brings its style and its own config (read first).
    assert vale("a.md").lines == ["a.md:1:20:Shouty.Bang:No '!'"]


def test_remote_package_must_be_synced_first(project: Path, vale: Run) -> None:
    write_tree(
        project,
        {
            ".vale.ini": (
                "StylesPath = styles\nPackages = Microsoft\n"
                "[*]\nBasedOnStyles = Microsoft\n"
            ),
            "styles/.keep": "",
            "a.md": "Text.\n",
        },
    )
    result = vale("a.md")
    assert result.code == 2
    assert result.out == ""
    [line] = result.err.splitlines()
    assert "package 'Microsoft' is not installed" in line
    assert "vale sync" in line
    write_tree(project, {"styles/Microsoft/Todo.yml": TODO_RULE})
    assert vale("a.md").code == 0


def test_transform_is_ignored_with_a_warning(project: Path, vale: Run) -> None:
    write_tree(
        project,
        {
            ".vale.ini": (
                "StylesPath = styles\n[*]\nBasedOnStyles = House\n"
                "[*.xml]\nTransform = docbook.xsl\n"
            ),
            "styles/House/Todo.yml": TODO_RULE,
            "a.md": "TODO.\n",
        },
    )
    result = vale("a.md")
    assert result.lines == ["a.md:1:1:House.Todo:'TODO' left in text"]
    assert result.err == (
        "copydesk vale: warning: [*.xml] Transform = docbook.xsl: XSLT transforms "
        "are not supported; the files are linted untransformed\n"
    )


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("StylesPath = nowhere\n", "The path"),
        (
            "StylesPath = styles\n[*]\nBasedOnStyles = Missing\n",
            "style 'Missing' does not exist",
        ),
        ("StylesPath = styles\nMinAlertLevel = loud\n", "MinAlertLevel must be"),
        ("StylesPath = styles\n[*.md]\nStylesPath = x\n", "is a core option"),
        ("StylesPath = styles\nBasedOnStyles = House\n", "is a syntax-specific option"),
    ],
)
def test_broken_config_is_one_error_line(
    project: Path, vale: Run, config: str, message: str
) -> None:
    write_tree(
        project,
        {".vale.ini": config, "styles/House/Todo.yml": TODO_RULE, "a.md": "x\n"},
    )
    result = vale("a.md", output="")
    assert result.code == 2
    [line] = result.err.splitlines()
    assert message in line


def test_no_config_at_all(project: Path, vale: Run) -> None:
    write_tree(project, {"a.md": "x\n"})
    result = vale("a.md")
    assert result.code == 2
    assert "no config file found" in result.err


def test_hint_for_copydesk_check_in_a_vale_project(project: Path) -> None:
    from copydesk.vale.config import check_hint

    assert check_hint(project) is None
    write_tree(project, {".vale.ini": "StylesPath = styles\n", "docs/a.md": "x\n"})
    hint = check_hint(project / "docs")
    assert hint is not None
    assert hint.startswith(f".vale.ini found ({project}): ")
    assert "`copydesk vale`" in hint
