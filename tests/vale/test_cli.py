"""``copydesk vale`` as a command: inputs, options, exit codes, warnings, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.cli.main import main as copydesk_main
from tests.vale.conftest import Run, write_tree

CONFIG = """StylesPath = styles
MinAlertLevel = suggestion

[*]
BasedOnStyles = House
"""
RULES = {
    "styles/House/Todo.yml": (
        "extends: existence\nmessage: \"'%s' left in text\"\nlevel: warning\n"
        "scope: heading\ntokens:\n  - TODO\n"
    ),
    "styles/House/Bang.yml": (
        "extends: existence\nmessage: \"No '%s'\"\nlevel: error\nnonword: true\n"
        "tokens:\n  - '!'\n"
    ),
    "styles/House/Weak.yml": (
        "extends: existence\nmessage: \"Weak '%s'\"\nlevel: suggestion\n"
        "tokens:\n  - very\n"
    ),
}


@pytest.fixture
def house(project: Path) -> Path:
    write_tree(project, {".vale.ini": CONFIG, **RULES})
    return project


def test_files_folders_sorting_and_skipped_folders(house: Path, vale: Run) -> None:
    write_tree(
        house,
        {
            "b.md": "# TODO\n\nvery good!\n",
            "docs/a.txt": "very\n",
            "node_modules/x.md": "very\n",
            "docs/node_modules/y.md": "very\n",
        },
    )
    result = vale("--sort", "docs", "b.md")
    assert result.lines == [
        "b.md:1:3:House.Todo:'TODO' left in text",
        "b.md:3:1:House.Weak:Weak 'very'",
        "b.md:3:10:House.Bang:No '!'",
        "docs/a.txt:1:1:House.Weak:Weak 'very'",
        # Vale skips node_modules only when the walk reaches it by that name.
        "docs/node_modules/y.md:1:1:House.Weak:Weak 'very'",
    ]
    assert result.code == 1
    assert vale("--no-exit", "b.md").code == 0


def test_a_walk_of_dot_skips_node_modules(house: Path, vale: Run) -> None:
    write_tree(house, {"node_modules/x.md": "very\n", "a.md": "very\n"})
    lines = vale(".").lines
    assert "a.md:1:1:House.Weak:Weak 'very'" in lines
    assert not any(line.startswith("node_modules") for line in lines)


def test_stdin_string_argument_and_ext(house: Path, vale: Run) -> None:
    assert vale("a very fine day!").lines == [
        "stdin.txt:1:3:House.Weak:Weak 'very'",
        "stdin.txt:1:16:House.Bang:No '!'",
    ]
    assert vale("--ext=.md", stdin="# TODO list\n\n`very` very\n").lines == [
        "stdin.md:1:3:House.Todo:'TODO' left in text",
        "stdin.md:3:8:House.Weak:Weak 'very'",
    ]


def test_ext_on_a_file_with_an_unknown_extension(house: Path, vale: Run) -> None:
    write_tree(house, {"notes.xyz": "# TODO\n\n`very`\n"})
    # An unknown format is linted line by line: no headings, no code spans.
    assert vale("notes.xyz").lines == ["notes.xyz:3:2:House.Weak:Weak 'very'"]
    assert vale("--ext=.md", "notes.xyz").lines == [
        "notes.xyz:1:3:House.Todo:'TODO' left in text"
    ]


def test_glob_and_min_alert_level(house: Path, vale: Run) -> None:
    write_tree(house, {"a.md": "very!\n", "b.txt": "very!\n"})
    assert vale("--sort", "--glob=*.md", ".").lines == [
        "a.md:1:1:House.Weak:Weak 'very'",
        "a.md:1:5:House.Bang:No '!'",
    ]
    assert vale("--sort", "--glob=!*.md", "--minAlertLevel=error", ".").lines == [
        "b.txt:1:5:House.Bang:No '!'"
    ]


def test_filter_expressions(house: Path, vale: Run) -> None:
    write_tree(
        house, {"a.md": "# TODO\n\nvery!\n", "levels.expr": '.Level in ["error"]'}
    )
    assert vale('--filter=.Name == "House.Weak"', "a.md").lines == [
        "a.md:3:1:House.Weak:Weak 'very'"
    ]
    assert vale("--filter=levels.expr", "a.md").lines == ["a.md:3:5:House.Bang:No '!'"]
    assert vale('--filter="heading" in .Scope', "a.md").lines == [
        "a.md:1:3:House.Todo:'TODO' left in text"
    ]
    assert vale(
        '--filter=.Extends == "existence" and not (.Level == "error")', "a.md"
    ).lines == [
        "a.md:1:3:House.Todo:'TODO' left in text",
        "a.md:3:1:House.Weak:Weak 'very'",
    ]


def test_refused_rule_types_warn_and_the_run_goes_on(house: Path, vale: Run) -> None:
    write_tree(
        house,
        {
            "styles/House/Tagged.yml": (
                "extends: sequence\nmessage: x\ntokens:\n  - tag: NN\n"
            ),
            "styles/House/Scripted.yml": (
                "extends: script\nmessage: x\nscript: |\n  matches := []\n"
            ),
            "a.md": "very\n",
        },
    )
    result = vale("a.md")
    assert result.lines == ["a.md:1:1:House.Weak:Weak 'very'"]
    assert result.err.splitlines() == [
        "copydesk vale: warning: House.Scripted: 'extends: script' needs Vale's "
        "Tengo interpreter; rule skipped",
        "copydesk vale: warning: House.Tagged: 'extends: sequence' needs Vale's "
        "part-of-speech tagger; rule skipped",
    ]


def test_every_key_vale_accepts_is_accepted(house: Path, vale: Run) -> None:
    write_tree(
        house,
        {
            "styles/House/Everything.yml": (
                "extends: substitution\n"
                "message: \"Use '%s' rather than '%s'.\"\n"
                "description: Longer words.\nlink: https://example.com/style\n"
                "level: warning\nlimit: 1\nscope: [text]\nIgnoreCase: true\n"
                "nonword: false\nvocab: false\ncapitalize: false\npos: NN\n"
                "action:\n  name: replace\n  params: [use]\n"
                "exceptions: []\nswap:\n  utilize: use\n"
            ),
            "a.md": "We utilize it. They Utilize it.\n",
        },
    )
    result = vale("a.md")
    # limit: 1 keeps the first alert of the rule in the file.
    assert result.lines == [
        "a.md:1:4:House.Everything:Use 'use' rather than 'utilize'."
    ]
    assert result.err == ""


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (
            "extends: existence\nmessage: x\ntokens: [a]\nbogus: 1\n",
            "has invalid keys: 'bogus'",
        ),
        ("extends: existance\nmessage: x\n", "'extends' key must be one of"),
        ("extends: existence\ntokens: [a]\n", "Missing the required 'message' key."),
        ("extends: existence\nmessage: x\nlevel: fatal\n", "'level' must be one of"),
        ("extends: existence\nmessage: x\ntokens: ['(unclosed']\n", "invalid pattern"),
        ("extends: existence\nmessage: x\nscope: code\n", "scope 'code' is no longer"),
        ("extends: existence\nmessage: [x\n", "expected ',' or ']'"),
    ],
)
def test_a_broken_rule_file_is_one_error_line(
    house: Path, vale: Run, body: str, reason: str
) -> None:
    write_tree(house, {"styles/House/Broken.yml": body, "a.md": "very\n"})
    result = vale("a.md", output="")
    assert result.code == 2
    assert result.out == ""
    [line] = result.err.splitlines()
    assert line.startswith("copydesk vale: error: ")
    assert "styles/House/Broken.yml: " in line
    assert reason in line


def test_the_copydesk_command_hands_vale_its_own_options(
    house: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_tree(house, {"a.md": "very!\n"})
    assert (
        copydesk_main(["vale", "--output=line", "--no-global", "--no-exit", "a.md"])
        == 0
    )
    assert capsys.readouterr().out.splitlines() == [
        "a.md:1:1:House.Weak:Weak 'very'",
        "a.md:1:5:House.Bang:No '!'",
    ]


def test_unknown_option_is_a_usage_error(house: Path, vale: Run) -> None:
    result = vale("--colour", "a.md")
    assert result.code == 2
    assert result.err.startswith("copydesk vale: error: unknown flag: --colour\n")


def test_vale_commands(house: Path, vale: Run) -> None:
    shown = vale("ls-config", output="")
    assert shown.code == 0
    assert '"styles_paths": [\n' in shown.out
    assert str(house / "styles") in shown.out
    sync = vale("sync", output="")
    assert sync.code == 2
    assert "does not download packages: run `vale sync` once" in sync.err


def test_missing_builtin_dictionary_and_external_tools_warn(
    house: Path, vale: Run
) -> None:
    write_tree(
        house,
        {
            ".vale.ini": CONFIG.replace(
                "BasedOnStyles = House", "BasedOnStyles = Vale, House"
            ),
            "page.xml": "<para>very</para>\n",
        },
    )
    result = vale("page.xml")
    assert result.lines == ["page.xml:1:7:House.Weak:Weak 'very'"]
    assert result.err.splitlines() == [
        "copydesk vale: warning: Vale.Spelling: needs Vale's built-in dictionary; "
        "put en_US-web.dic and en_US-web.aff in <StylesPath>/config/dictionaries/ "
        "(or set 'dic'/'aff'); rule skipped",
        "copydesk vale: warning: page.xml: Vale reads .xml files with xsltproc; "
        "linted as plain lines instead",
    ]


def test_template_output_is_refused_with_a_warning(house: Path, vale: Run) -> None:
    write_tree(house, {"a.md": "very\n"})
    result = vale("a.md", output="line.tmpl")
    assert result.out.startswith("\n a.md\n")
    assert result.err == (
        "copydesk vale: warning: --output=line.tmpl: Go templates are not "
        "supported; printing the CLI output\n"
    )
