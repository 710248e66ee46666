"""The results cache as a unit: identity, pruning, the clean list, the stat index.

The CLI-level behaviour (a warm run reads no clean file, a rewrite is seen)
is tested through ``copydesk check`` in tests/cli/test_ci_features.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from copydesk.cache import ResultsCache, ruleset_identity


def test_cache_identity_changes_with_rule_files(tmp_path: Path) -> None:
    rules = tmp_path / "pack"
    rules.mkdir()
    rule = rules / "A.yml"
    rule.write_text("extends: existence\ntokens: [a]\n", encoding="utf-8")
    first = ruleset_identity([rules], "opts")
    rule.write_text("extends: existence\ntokens: [ab]\n", encoding="utf-8")
    assert ruleset_identity([rules], "opts") != first
    assert ruleset_identity([rules], "other") != ruleset_identity([rules], "opts")


def test_cache_prunes_oldest_entries(tmp_path: Path) -> None:
    cache = ResultsCache(tmp_path, "x" * 64)
    for n in range(30):
        cache.put(cache.key(str(n).encode(), "plain", "en"), [])
    removed = cache.prune(limit=20)
    assert removed == 30 - 16
    assert len(list(tmp_path.rglob("*.json"))) == 16


def test_clean_files_are_answered_from_one_list(tmp_path: Path) -> None:
    cache = ResultsCache(tmp_path, "y" * 64)
    clean = cache.key(b"ok", "plain", "en")
    cache.put(clean, [])
    cache.save_clean()
    for entry in tmp_path.rglob("*.json"):
        entry.unlink()  # only the list is left to answer
    again = ResultsCache(tmp_path, "y" * 64)
    assert again.get(clean, "a.txt") == []
    assert again.get(cache.key(b"new", "plain", "en"), "b.txt") is None


def test_a_damaged_clean_list_is_ignored(tmp_path: Path) -> None:
    cache = ResultsCache(tmp_path, "z" * 64)
    key = cache.key(b"ok", "plain", "en")
    cache.dir.mkdir(parents=True)
    (cache.dir / "clean.txt").write_bytes(b"\xff\xfe not keys \x00" + b"a" * 10)
    assert cache.get(key, "a.txt") is None
    cache.put(key, [])
    cache.save_clean()
    assert (cache.dir / "clean.txt").read_text(encoding="ascii") == key + "\n"


def test_a_just_written_file_is_not_remembered_by_its_metadata(
    tmp_path: Path,
) -> None:
    cache = ResultsCache(tmp_path, "s" * 64)
    path = tmp_path / "new.txt"
    path.write_text("x\n", encoding="utf-8")
    key = cache.key(b"x\n", "plain", "en")
    cache.remember(str(path), path.stat(), "plain", "en", key)
    cache.prune()
    assert not (cache.dir / "stat.json").exists()


def test_a_damaged_stat_index_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("copydesk.cache._SETTLED_NS", 0)
    cache = ResultsCache(tmp_path, "t" * 64)
    cache.dir.mkdir(parents=True)
    (cache.dir / "stat.json").write_text('["not", "a", "map"]', encoding="utf-8")
    path = tmp_path / "a.txt"
    path.write_text("x\n", encoding="utf-8")
    assert cache.known_key(str(path), path.stat(), "plain", "en") is None
    key = cache.key(b"x\n", "plain", "en")
    cache.remember(str(path), path.stat(), "plain", "en", key)
    cache.prune()
    again = ResultsCache(tmp_path, "t" * 64)
    assert again.known_key(str(path), path.stat(), "plain", "en") == key
    assert again.known_key(str(path), path.stat(), "markdown", "en") is None


def test_entries_are_written_whole_and_owner_only(tmp_path: Path) -> None:
    cache = ResultsCache(tmp_path, "w" * 64)
    cache.dir.mkdir(parents=True)
    left = cache.dir / ".tmp-abandoned.json"  # another writer's, mid-write
    left.write_text("{", encoding="utf-8")
    keys = [cache.key(str(n).encode(), "plain", "en") for n in range(20)]
    for key in keys:
        cache.put(key, [])
    again = ResultsCache(tmp_path, "w" * 64)
    assert all(again.get(key, "a.txt") == [] for key in keys)
    entries = [p for p in tmp_path.rglob("*.json") if not p.name.startswith(".")]
    assert len(entries) == 20
    assert [p.name for p in tmp_path.rglob(".tmp-*")] == [left.name]
    assert left.read_text(encoding="utf-8") == "{"
    if os.name == "posix":
        assert {p.stat().st_mode & 0o777 for p in entries} == {0o600}


def test_writing_an_entry_imports_no_tempfile(tmp_path: Path) -> None:
    # tempfile imports shutil, bz2, lzma and random: 2 ms of a cold start.
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from copydesk.cache import ResultsCache\n"
        f"cache = ResultsCache(Path({str(tmp_path)!r}), 'v' * 64)\n"
        "cache.put(cache.key(b'text', 'plain', 'en'), [])\n"
        "print(sorted(m for m in ('tempfile', 'shutil') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, check=True, text=True
    )
    assert done.stdout == "[]\n"
    assert len(list(tmp_path.rglob("*.json"))) == 1
