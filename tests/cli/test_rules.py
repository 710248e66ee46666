"""``copydesk rules``: every shipped rule, on or off, as the project configures it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from copydesk.cli import main
from copydesk.rulefiles import shipped_rules_dir

#: The opt-in rules: in the catalogue, off unless selected by id or pack.
OPT_IN = {
    "proselint.Default",
    "style.Acronyms",
    "style.Consistency",
    "style.Exclamations",
    "style.HeadingCase",
    "style.Spelling",
    "variants.Compounds",
}


#: Every shipped rule file, counted on disk, not through the code under test.
SHIPPED = sorted(
    f"{path.parent.name}.{path.stem}" for path in shipped_rules_dir().glob("*/*.yml")
)


def table(capsys: pytest.CaptureFixture[str], *argv: str) -> list[list[str]]:
    assert main(["rules", *argv]) == 0
    lines = capsys.readouterr().out.splitlines()
    # Indented lines continue a wrapped description.
    return [line.split() for line in lines if not line.startswith(" ")]


def rows(lines: list[list[str]]) -> dict[str, list[str]]:
    return {line[0]: line for line in lines[1:] if line and "." in line[0]}


def test_every_shipped_rule_is_listed_with_the_opt_in_ones_off(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = table(capsys)
    assert lines[0] == ["RULE", "TYPE", "LEVEL", "FIX", "ON", "DESCRIPTION"]
    listed = rows(lines)
    packs = {rule.split(".")[0] for rule in SHIPPED}
    assert " ".join(lines[-1]) == f"{len(SHIPPED)} rules in {len(packs)} packs."
    assert sorted(listed) == SHIPPED
    assert {rule for rule, row in listed.items() if row[4] == "no"} == OPT_IN
    assert {rule.split(".")[0] for rule in listed} == {
        "names",
        "typos",
        "quotes",
        "artifacts",
        "variants",
        "style",
        "proselint",
    }


def test_the_table_says_how_each_rule_fixes(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fix = {rule: row[3] for rule, row in rows(table(capsys)).items()}
    assert fix["style.Spelling"] == "unsafe"
    assert fix["artifacts.Social"] == "unsafe"
    assert fix["variants.Names"] == "unsafe"
    # Some of its fixes are safe (a listed place), some need a look (a
    # given name that may belong to someone else).
    assert fix["names.Places"] == "mixed"
    assert fix["quotes.Stray"] == "-"


def test_a_pack_that_only_has_opt_in_rules_can_be_listed(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = rows(table(capsys, "--pack", "proselint"))
    assert list(listed) == ["proselint.Default"]


def test_the_project_config_decides_levels_and_what_is_on(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    house = workdir / "styles" / "house"
    house.mkdir(parents=True)
    (house / "Desk.yml").write_text(
        "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [synergy]\n",
        encoding="utf-8",
    )
    (workdir / ".copydesk.toml").write_text(
        'rules-path = ["styles"]\n'
        'select = ["names", "style.Spelling", "house"]\n'
        '[severity]\n"names.Places" = "error"\n',
        encoding="utf-8",
    )
    listed = rows(table(capsys))
    assert listed["house.Desk"][1:5] == ["existence", "warning", "-", "yes"]
    assert listed["names.Places"][2] == "error"
    assert listed["style.Spelling"][4] == "yes"
    assert listed["quotes.Mixed"][4] == "no"


def test_json_lists_the_same_rules(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["rules", "--format", "json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert sorted(i["id"] for i in items) == SHIPPED
    spelling = next(i for i in items if i["id"] == "style.Spelling")
    assert (spelling["fixable"], spelling["enabled"], spelling["opt_in"]) == (
        "unsafe",
        False,
        True,
    )


def test_an_unknown_pack_is_an_error(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["rules", "--pack", "nope"]) == 2
    assert "unknown pack 'nope'" in capsys.readouterr().err
