"""Rule files on disk: found in pack order, read through the index or safely."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
import yaml

from copydesk.checks.names import house_entries
from copydesk.errors import RuleError
from copydesk.rulefiles import (
    INDEX_NAME,
    MAX_RULE_BYTES,
    RuleFile,
    ShippedPacks,
    digest,
    discover_rule_files,
    indexed,
    load_index,
    parse_rule_text,
    read_bytes,
    read_rule,
    shipped_rules_dir,
)

RULES = shipped_rules_dir()
PLACES = RULES / "names" / "Places.yml"


def write(path: Path, text: str = "extends: existence\ntokens: [x]\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_files_come_in_pack_order_then_by_id() -> None:
    ids = [rule.rule_id for rule in discover_rule_files([RULES])]
    packs = list(dict.fromkeys(i.split(".", 1)[0] for i in ids))
    assert packs == [
        "names",
        "typos",
        "quotes",
        "artifacts",
        "variants",
        "proselint",
        "style",
    ]
    assert ids[:7] == [
        "names.French",
        "names.German",
        "names.GivenNames",
        "names.People",
        "names.Places",
        "names.Polish",
        "names.TheUkraine",
    ]
    # The review counted 33; every rule file added since is found too.
    assert len(ids) == len(list(RULES.glob("*/*.yml"))) >= 35


def test_a_later_directory_replaces_a_rule_by_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "house" / "names" / "Places.yml")
    write(tmp_path / "house" / ".hidden" / "Skipped.yml")
    write(tmp_path / "house" / "names" / "notes.txt")
    found = {r.rule_id: r for r in discover_rule_files([RULES, tmp_path / "house"])}
    assert len(found) == len(list(RULES.glob("*/*.yml")))
    places = found["names.Places"]
    assert places == RuleFile(
        "names.Places",
        tmp_path / "house" / "names" / "Places.yml",
        "house/names/Places.yml",
    )
    assert not places.shipped
    assert found["names.People"].shipped
    assert found["names.People"].display == "rules/names/People.yml"


def test_a_directory_of_rule_files_is_one_pack(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "house" / "Banned.yaml")
    (rule,) = discover_rule_files([tmp_path / "house"])
    assert (rule.rule_id, rule.pack, rule.display) == (
        "house.Banned",
        "house",
        "house/Banned.yaml",
    )


def test_a_missing_directory_is_named(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="rules directory not found") as info:
        discover_rule_files([tmp_path / "nope"])
    assert info.value.path == str(tmp_path / "nope")


def test_an_unchanged_shipped_file_is_read_from_the_index() -> None:
    index = load_index(RULES)
    raw = PLACES.read_bytes()
    assert indexed(index, "names/Places.yml", raw) == parse_rule_text(raw, "x")
    edited = raw.replace(b"level: warning", b"level: error")
    assert edited != raw
    assert indexed(index, "names/Places.yml", edited) is None
    same_length = raw.replace(b"level: warning", b"level: Warning")
    assert len(same_length) == len(raw)
    assert indexed(index, "names/Places.yml", same_length) is None
    rule = RuleFile("names.Places", PLACES, "rules/names/Places.yml", shipped=True)
    assert read_rule(rule, edited, index)["level"] == "error"


def test_a_missing_or_broken_index_reads_as_empty(tmp_path: Path) -> None:
    assert load_index(tmp_path) == {}
    (tmp_path / INDEX_NAME).write_text("{not a pickle", encoding="utf-8")
    assert load_index(tmp_path) == {}
    whole = pickle.dumps({"names/Places.yml": {"crc32": "0/0", "data": {}}})
    (tmp_path / INDEX_NAME).write_bytes(whole[: len(whole) // 2])
    assert load_index(tmp_path) == {}
    (tmp_path / INDEX_NAME).write_bytes(pickle.dumps([1, 2]))
    assert load_index(tmp_path) == {}


def test_a_user_file_is_never_taken_from_the_index(tmp_path: Path) -> None:
    path = write(tmp_path / "names" / "Places.yml", "extends: existence\ntokens: [y]\n")
    rule = RuleFile("names.Places", path, "names/Places.yml")
    # Even an index entry with the right hash is not consulted for user rules.
    index = {
        "names/Places.yml": {
            "crc32": digest(path.read_bytes()),
            "data": {"extends": "substitution"},
        }
    }
    assert read_rule(rule, path.read_bytes(), index)["extends"] == "existence"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"a: &x [1]\nb: *x\n", "invalid YAML (line 2): aliases are not allowed"),
        (b"extends: [unclosed\n", "invalid YAML (line 2)"),
        (b"- a\n- list\n", "a rule file must be a mapping of keys to values"),
        (b"1: one\n", "key 1: keys must be strings"),
        (b"extends: caf\xe9\n", "not valid UTF-8 (byte 12)"),
    ],
)
def test_unsafe_or_malformed_yaml_is_one_line_naming_the_file(
    raw: bytes, reason: str
) -> None:
    with pytest.raises(RuleError) as info:
        parse_rule_text(raw, "house/Bad.yml")
    assert info.value.path == "house/Bad.yml"
    assert info.value.reason.startswith(reason)
    assert "\n" not in str(info.value)


def test_a_byte_order_mark_is_read_past() -> None:
    assert parse_rule_text(b"\xef\xbb\xbfextends: existence\n", "x") == {
        "extends": "existence"
    }


def test_an_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "Huge.yml"
    path.write_bytes(b"#" * (MAX_RULE_BYTES + 1))
    with pytest.raises(RuleError, match="larger than"):
        read_bytes(RuleFile("p.Huge", path, "p/Huge.yml"))


def test_the_shipped_packs_lend_each_files_data() -> None:
    packs = ShippedPacks()
    names = packs.shipped_pack("names")
    assert [Path(display).name for display, _ in names] == [
        "French.yml",
        "German.yml",
        "GivenNames.yml",
        "People.yml",
        "Places.yml",
        "Polish.yml",
        "TheUkraine.yml",
    ]
    places = dict(names)[str(PLACES)]
    assert places == yaml.safe_load(PLACES.read_text(encoding="utf-8"))
    assert packs.shipped_pack("names") is names  # read once per load
    assert packs.shipped_pack("no-such-pack") == ()


def test_what_rules_derive_from_the_shipped_packs_is_made_once_per_load() -> None:
    packs, other = ShippedPacks(), ShippedPacks()
    made: list[str] = []

    def make() -> list[str]:
        made.append("made")
        return ["made"]

    first = packs.derived(("test", 1), make)
    assert packs.derived(("test", 1), make) is first
    assert packs.derived(("test", 2), make) is not first
    assert other.derived(("test", 1), make) is not first  # another load
    assert made == ["made"] * 3


def test_the_house_list_is_parsed_once_per_load_however_many_rules_read_it() -> None:
    packs = ShippedPacks()
    every = house_entries(packs)
    english = house_entries(packs, "en")
    assert {e.canonical for e in english} <= {e.canonical for e in every}
    assert "Kyiv" in {e.canonical for e in english}
    # The same Entry objects: each file's entries were parsed once.
    assert {id(e) for e in english} <= {id(e) for e in every}
    assert house_entries(ShippedPacks(), "en") == english
