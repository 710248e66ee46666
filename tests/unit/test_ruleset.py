"""Rule files: discovery, ids, validation errors that name the file and key."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from copydesk.errors import RuleError
from copydesk.ruleset import load_ruleset, selected


def write_rule(root: Path, pack: str, name: str, body: str) -> Path:
    path = root / pack / f"{name}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return path


GOOD = """\
extends: substitution
message: "Use %s, not '%s'."
level: error
ignorecase: true
swap:
  colour: color
"""


def load_user(tmp_path: Path) -> list[str]:
    rs = load_ruleset([tmp_path / "styles"], include_shipped=False)
    return [c.meta.id for c in rs.checks]


def test_ids_come_from_pack_and_file_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_rule(tmp_path / "styles", "house", "Spelling", GOOD)
    write_rule(
        tmp_path / "styles", "other", "Banned", "extends: existence\ntokens: [foo]\n"
    )
    assert load_user(tmp_path) == ["house.Spelling", "other.Banned"]


def test_a_single_pack_directory_is_one_pack(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_rule(tmp_path, "mypack", "Spelling", GOOD)
    rs = load_ruleset([tmp_path / "mypack"], include_shipped=False)
    assert [c.meta.id for c in rs.checks] == ["mypack.Spelling"]
    assert rs.checks[0].meta.source == "mypack/Spelling.yml"


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (GOOD.replace("swap:", "swpa:"), "key 'swpa': unknown key"),
        ("message: hi\n", "key 'extends': missing required key"),
        ("extends: substitution\n", "key 'swap': missing required key"),
        ("extends: nonsense\n", "key 'extends': unknown rule type 'nonsense'"),
        (
            "extends: existence\ntokens: foo\n",
            "key 'tokens': expected a list, got a string",
        ),
        (
            "extends: existence\ntokens: [1]\n",
            "key 'tokens': every item must be a string",
        ),
        ("extends: existence\nraw: ['(unclosed']\n", "key 'raw': bad regex"),
        (
            "extends: existence\ntokens: [a]\nlevel: fatal\n",
            "key 'level': unknown level 'fatal'",
        ),
        (
            "extends: existence\ntokens: [a]\nignorecase: yes please\n",
            "key 'ignorecase': expected true or false",
        ),
        (
            "extends: existence\ntokens: [a]\nexamples: [x]\n",
            "key 'examples': expected a mapping",
        ),
        (
            "extends: existence\ntokens: [a]\nexamples: {ugly: [x]}\n",
            "key 'examples.ugly': unknown key",
        ),
        ("- just\n- a list\n", "a rule file must be a mapping"),
        ("extends: [unclosed\n", "invalid YAML"),
        ("a: &x [1]\nb: *x\n", "aliases are not allowed"),
        ("extends: existence\ntokens: []\n", "needs at least one token"),
    ],
)
def test_bad_rule_files_name_file_and_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, reason: str
) -> None:
    monkeypatch.chdir(tmp_path)
    write_rule(tmp_path / "styles", "house", "Kyiv", body)
    with pytest.raises(RuleError) as info:
        load_user(tmp_path)
    assert info.value.path == "styles/house/Kyiv.yml"
    assert reason in info.value.reason
    assert "\n" not in str(info.value)


def test_non_utf8_rule_file_is_rejected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = write_rule(tmp_path / "styles", "house", "Latin1", "")
    path.write_bytes(b"extends: existence\ntokens: [caf\xe9]\n")
    with pytest.raises(RuleError, match="not valid UTF-8"):
        load_user(tmp_path)


def test_missing_rules_directory(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="rules directory not found"):
        load_ruleset([tmp_path / "nope"], include_shipped=False)


def test_shipped_rule_error_uses_repo_relative_path() -> None:
    rs = load_ruleset()
    assert all(c.meta.source.startswith("rules/") for c in rs.checks)


def test_unknown_select_is_an_error() -> None:
    with pytest.raises(RuleError, match="unknown rule or pack 'nosuch'"):
        load_ruleset(select=["nosuch"])


@pytest.mark.parametrize(
    ("rule", "select", "ignore", "expected"),
    [
        ("names.Places", [], [], True),
        ("names.Places", ["names"], [], True),
        ("names.Places", ["quotes"], [], False),
        ("names.Places", ["names.Places"], [], True),
        ("names.Places", [], ["names"], False),
        ("names.Places", ["names"], ["names.Places"], False),
        ("names.People", ["names"], ["names.Places"], True),
    ],
)
def test_select_and_ignore(
    rule: str, select: list[str], ignore: list[str], expected: bool
) -> None:
    assert selected(rule, select, ignore) is expected


def test_user_pack_overrides_shipped_rule_by_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    rs = load_ruleset()
    some = rs.checks[0].meta.id
    pack, name = some.split(".")
    write_rule(
        tmp_path / "styles",
        pack,
        name,
        "extends: existence\ntokens: [zzzz]\nlevel: error\n",
    )
    rs2 = load_ruleset([tmp_path / "styles"])
    meta = rs2.metas[some]
    assert meta.source == f"styles/{pack}/{name}.yml"
    assert len(rs2.checks) == len(rs.checks)


def test_digest_changes_with_rule_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = write_rule(tmp_path / "styles", "house", "Spelling", GOOD)
    first = load_ruleset([tmp_path / "styles"], include_shipped=False).digest
    path.write_text(GOOD.replace("colour", "flavour"), encoding="utf-8")
    assert load_ruleset([tmp_path / "styles"], include_shipped=False).digest != first


def test_the_digest_hashes_each_rule_id_and_its_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Worked out when first asked, the same SHA-256 the editor re-lint keyed
    # its reused findings by when load_ruleset hashed as it read.
    monkeypatch.chdir(tmp_path)
    path = write_rule(tmp_path / "styles", "house", "Spelling", GOOD)
    ruleset = load_ruleset([tmp_path / "styles"], include_shipped=False)
    raw = b"house.Spelling\0" + path.read_bytes() + b"\0"
    assert ruleset.digest == hashlib.sha256(raw).hexdigest()
    assert ruleset.with_checks([]).digest == ruleset.digest
