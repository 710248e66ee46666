"""Both worlds: copydesk packs named in a ``.vale.ini`` run beside Vale styles."""

from __future__ import annotations

from pathlib import Path

from copydesk.api import Workspace
from tests.vale.conftest import Run, write_tree

DOC = '# Notes\n\nWe utilize the the tool. She said "hello.\n'
HOUSE = {
    "styles/House/Utilize.yml": (
        "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\n"
        "level: warning\nswap:\n  utilize: use\n"
    )
}


def _places(lines: list[str]) -> list[tuple[int, int, str]]:
    out = []
    for line in lines:
        _path, row, col, rule, _message = line.split(":", 4)
        out.append((int(row), int(col), rule))
    return sorted(out)


def test_copydesk_runs_what_copydesk_check_runs(project: Path, vale: Run) -> None:
    write_tree(
        project,
        {
            ".vale.ini": (
                "StylesPath = styles\n[*.md]\nBasedOnStyles = House, copydesk\n"
            ),
            "doc.md": DOC,
            **HOUSE,
        },
    )
    own = Workspace(project).lint_text("doc.md", DOC)
    assert own, "the document should give copydesk findings"
    expected = sorted(
        [(3, 4, "House.Utilize")] + [(f.line, f.col, f.rule) for f in own]
    )
    assert _places(vale("doc.md").lines) == expected


def test_single_packs_rules_and_levels(project: Path, vale: Run) -> None:
    own = Workspace(project).lint_text("doc.md", DOC)
    packs = sorted({f.rule.split(".")[0] for f in own})
    first = own[0]
    pack = first.rule.split(".")[0]
    write_tree(
        project,
        {
            ".vale.ini": (
                f"StylesPath = styles\n[*.md]\nBasedOnStyles = House, {pack}\n"
                f"{first.rule} = error\n"
            ),
            "doc.md": DOC,
            **HOUSE,
        },
    )
    result = vale("doc.md")
    places = _places(result.lines)
    assert (3, 4, "House.Utilize") in places
    assert (first.line, first.col, first.rule) in places
    assert all(rule.split(".")[0] in ("House", pack) for _, _, rule in places)
    assert result.code == 1, "the rule's level was raised to error in the .vale.ini"
    others = [p for p in packs if p != pack]
    if others:
        assert not any(rule.startswith(others[0] + ".") for _, _, rule in places)


def test_a_style_folder_wins_over_a_pack_of_that_name(project: Path, vale: Run) -> None:
    write_tree(
        project,
        {
            ".vale.ini": "StylesPath = styles\n[*]\nBasedOnStyles = quotes\n",
            "styles/quotes/Utilize.yml": HOUSE["styles/House/Utilize.yml"],
            "doc.md": DOC,
        },
    )
    assert vale("doc.md").lines == [
        "doc.md:3:4:quotes.Utilize:Use 'use' instead of 'utilize'."
    ]


def test_switching_a_copydesk_rule_off(project: Path, vale: Run) -> None:
    own = Workspace(project).lint_text("doc.md", DOC)
    write_tree(
        project,
        {
            ".vale.ini": (
                "StylesPath = styles\n[*.md]\nBasedOnStyles = copydesk\n"
                + "".join(f"{f.rule} = NO\n" for f in own)
            ),
            "styles/.keep": "",
            "doc.md": DOC,
        },
    )
    assert vale("doc.md").lines == []
