"""The shipped packs' compiled state (``rules/compiled.pickle``) stands in
for compiling them: read only when it was made from these rule files by
this code, and then the same findings as a compile."""

from __future__ import annotations

import shutil
import zlib
from pathlib import Path

import pytest

from copydesk import ruleset, ruleset_snapshot
from copydesk.batch import lint_text
from copydesk.rulefiles import discover_rule_files, read_bytes, shipped_rules_dir

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT.parent / "shared" / "samples" / "mt-news-draft.txt"
#: Documents of every format and kind the repository holds.
DOCUMENTS = sorted(
    [
        *(ROOT / "tests" / "documents").rglob("*.txt"),
        *(ROOT / "tests" / "documents").rglob("*.md"),
        *(ROOT / "tests" / "documents").rglob("*.html"),
        *(ROOT / "tests" / "documents").rglob("*.rst"),
        *(ROOT / "examples").glob("*.*"),
    ]
)
FORMATS = {".md": "markdown", ".html": "html", ".rst": "rst", ".txt": "plain"}


def _identity() -> list[bytes]:
    files = discover_rule_files([shipped_rules_dir()])
    return [r.rule_id.encode() + b"\0" + read_bytes(r) + b"\0" for r in files]


@pytest.mark.parametrize("kinds", ruleset_snapshot.KINDS)
def test_the_shipped_snapshot_is_current(kinds: frozenset[str] | None) -> None:
    """Made from the rule files and code as they are: after editing either,
    run ``python -m copydesk.rule_index``."""
    found = ruleset_snapshot.read(_identity(), kinds)
    assert found is not None, (
        "rules/compiled.pickle is stale: run `python -m copydesk.rule_index`"
    )
    fresh, _ = ruleset.compile_shipped(kinds)
    assert [c.meta for c in found.checks] == [c.meta for c in fresh.checks]
    assert [type(c) for c in found.checks] == [type(c) for c in fresh.checks]
    assert found.every_meta == fresh.every_meta
    assert sorted(found.exceptions) == sorted(fresh.exceptions)
    assert found.left_out is fresh.left_out


def _findings(rules: ruleset.Ruleset) -> list[tuple[str, int, int, str, str, object]]:
    texts = [(p, p.read_text(encoding="utf-8")) for p in DOCUMENTS]
    if SAMPLE.is_file():
        texts.append((SAMPLE, SAMPLE.read_text(encoding="utf-8")))
    assert len(texts) > 100
    out: list[tuple[str, int, int, str, str, object]] = []
    for path, text in texts:
        fmt = FORMATS.get(path.suffix, "plain")
        out.extend(
            (path.name, f.line, f.col, f.rule, f.message, f.fix)
            for f in lint_text(text, path.name, fmt, rules)
        )
    return out


@pytest.mark.parametrize("kinds", ruleset_snapshot.KINDS)
def test_a_snapshot_finds_what_a_compile_finds(
    kinds: frozenset[str] | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from_snapshot = ruleset.load_ruleset(kinds=kinds)
    monkeypatch.setattr(ruleset_snapshot, "read", lambda identity, kinds: None)
    compiled = ruleset.load_ruleset(kinds=kinds)
    assert from_snapshot.digest == compiled.digest
    assert from_snapshot.kinds == compiled.kinds
    assert from_snapshot.metas == compiled.metas
    assert _findings(from_snapshot) == _findings(compiled)


def _refuse(identity: object, kinds: object) -> None:
    raise AssertionError("the snapshot was asked")


@pytest.mark.parametrize(
    "load",
    [
        lambda: ruleset.load_ruleset(select=["typos"]),
        lambda: ruleset.load_ruleset(ignore=["typos.Unknown"]),
        lambda: ruleset.load_ruleset(
            rule_options={"typos.Unknown": {"level": "error"}}
        ),
        lambda: ruleset.load_ruleset(vocab=ruleset.Vocab(reject=("utilize",))),
        lambda: ruleset.load_ruleset(include_shipped=False),
    ],
)
def test_a_ruleset_not_as_shipped_is_compiled(
    load: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ruleset_snapshot, "read", _refuse)
    assert callable(load)
    load()


def test_a_user_folder_is_compiled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = tmp_path / "house"
    pack.mkdir()
    (pack / "Utilize.yml").write_text(
        "extends: existence\nmessage: \"Use 'use'.\"\ntokens: [utilize]\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(ruleset_snapshot, "read", _refuse)
    rules = ruleset.load_ruleset([tmp_path])
    assert "house.Utilize" in rules.metas


@pytest.fixture
def copied_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped rules folder that the snapshot is read from."""
    copy = tmp_path / "rules"
    shutil.copytree(shipped_rules_dir(), copy)
    monkeypatch.setattr(ruleset_snapshot, "shipped_rules_dir", lambda: copy)
    return copy


def test_a_snapshot_of_other_rule_files_is_not_read(copied_rules: Path) -> None:
    identity = _identity()
    assert ruleset_snapshot.read(identity, None) is not None
    edited = [*identity[:-1], identity[-1] + b"# edited\n"]
    assert ruleset_snapshot.read(edited, None) is None


def test_a_snapshot_of_other_code_is_not_read(
    copied_rules: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    identity = _identity()
    real = ruleset_snapshot._same_code
    package = Path(ruleset_snapshot.__file__).parent
    source = (package / "checks" / "confusion.py").read_bytes()
    crc = zlib.crc32(source)
    assert real((("checks/confusion.py", len(source), crc),)) is True
    # The same size, other bytes (a threshold 55 made 99): not this code.
    assert real((("checks/confusion.py", len(source), crc ^ 1),)) is False
    assert real((("checks/confusion.py", 1, crc),)) is False
    monkeypatch.setattr(ruleset_snapshot, "_same_code", lambda code: False)
    assert ruleset_snapshot.read(identity, None) is None
    monkeypatch.setattr(ruleset_snapshot, "_same_code", real)
    assert ruleset_snapshot.read(identity, None) is not None


@pytest.mark.parametrize("damage", [b"", b"not a pickle", None])
def test_a_damaged_or_missing_snapshot_is_not_read(
    copied_rules: Path, damage: bytes | None
) -> None:
    path = copied_rules / ruleset_snapshot.SNAPSHOT_NAME
    if damage is None:
        path.unlink()
    else:
        path.write_bytes(damage + path.read_bytes()[: len(path.read_bytes()) // 2])
    assert ruleset_snapshot.read(_identity(), None) is None
    rules = ruleset.load_ruleset()
    assert "typos.Unknown" in rules.metas


def test_the_code_stamp_names_the_compiling_modules() -> None:
    stamp = {path: (size, crc) for path, size, crc in ruleset_snapshot.code_stamp()}
    assert "ruleset.py" in stamp
    assert "checks/confusion.py" in stamp
    source = (Path(ruleset_snapshot.__file__).parent / "ruleset.py").read_bytes()
    assert stamp["ruleset.py"] == (len(source), zlib.crc32(source))


@pytest.mark.parametrize("kinds", ruleset_snapshot.KINDS)
def test_a_run_of_the_defaults_compiles_nothing(
    kinds: frozenset[str] | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a default run's configuration loads comes from the snapshot."""
    from copydesk.batch import RuleOptions

    def compiled(*args: object) -> None:
        raise AssertionError("a rule was compiled")

    monkeypatch.setattr(ruleset, "_compiled", compiled)
    rules = RuleOptions().load(kinds)
    assert len(rules.checks) > 25
