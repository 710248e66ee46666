"""Results cache: findings per (file content, effective ruleset, version).

A re-run over an unchanged tree reads no rule file and lints no file: the
ruleset's identity comes from the rule files' paths, sizes and modification
times plus the run's options, and each file's findings are stored under the
hash of its bytes. Entries are written atomically (temp file + rename), so
concurrent runs never see half an entry; an entry that fails to load is
deleted and recomputed; the cache prunes its oldest entries past a bound.
Keys whose files have no findings (most of them) are also kept in one list,
read once per run, so a warm run opens no entry for a clean file. And each
file's key is remembered with its size, times and inode (``stat.json``), so
a warm run need not even read a file whose metadata is unchanged; ctime
changes with every write and cannot be set back, and files written in the
last seconds are not remembered, so a quick second write cannot hide.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from copydesk import __version__
from copydesk.model import Finding, RuleMeta

ENV_DIR = "COPYDESK_CACHE_DIR"
DEFAULT_DIR = ".copydesk_cache"
#: Entries kept; past this the oldest fifth is removed.
MAX_ENTRIES = 100_000
LAYOUT = "v1"
#: The list of keys whose files have no findings, inside a ruleset's directory.
CLEAN_LIST = "clean.txt"
#: Path → the size, times and inode it had when its key was computed.
STAT_INDEX = "stat.json"
#: Files changed this recently are not remembered by their metadata: a second
#: write within one timestamp tick could leave it unchanged.
_SETTLED_NS = 2_000_000_000
#: Whether ``st_ctime`` changes on every write. Not on Windows, where it is
#: the creation time and a rewrite can restore every field compared: there
#: files are always read.
_CTIME_MOVES = os.name != "nt"
_KEY_LENGTH = 64


def default_dir() -> Path:
    """``$COPYDESK_CACHE_DIR`` or ``.copydesk_cache`` in the working directory."""
    return Path(os.environ.get(ENV_DIR) or DEFAULT_DIR)


def ruleset_identity(rule_dirs: Iterable[Path], options: str) -> str:
    """A digest that changes with any rule file or option, without reading rules."""
    digest = hashlib.sha256(f"{__version__}\0{options}\0".encode())
    for root in rule_dirs:
        entries: list[str] = []
        for dirpath, _dirs, files in os.walk(root):
            for name in files:
                if name.endswith((".yml", ".yaml")):
                    path = os.path.join(dirpath, name)
                    try:
                        st = os.stat(path)
                    except OSError:
                        continue
                    entries.append(f"{path}\0{st.st_size}\0{st.st_mtime_ns}")
        digest.update("\n".join(sorted(entries)).encode())
    return digest.hexdigest()


class ResultsCache:
    """Findings stored as JSON files under ``<dir>/v1/<ruleset>/<xx>/<hash>.json``."""

    def __init__(self, root: Path, identity: str) -> None:
        self.root = root
        self.dir = root / LAYOUT / identity[:24]
        self.written = 0
        #: Keys known to have no findings (``clean.txt``): most files of a
        #: warm run are answered from this one list, without opening an entry.
        self._clean: set[str] | None = None
        self._new_clean: set[str] = set()
        self._stats: dict[str, str] | None = None
        self._new_stats: dict[str, str] = {}

    def key(self, raw: bytes, fmt: str, language: str) -> str:
        digest = hashlib.sha256(raw)
        digest.update(f"\0{fmt}\0{language}".encode())
        return digest.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.json"

    def get(self, key: str, path: str) -> list[Finding] | None:
        """The cached findings for ``key`` with ``path`` filled in, or None."""
        if key in self._clean_keys():
            return []
        entry = self._entry(key)
        try:
            data = json.loads(entry.read_text(encoding="utf-8"))
            return [Finding.from_dict(item, path) for item in data]
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            _unlink(entry)  # corrupted: rebuilt, never trusted
            return None

    def put(self, key: str, findings: Sequence[Finding]) -> None:
        """Store findings atomically; a cache that cannot be written is skipped."""
        entry = self._entry(key)
        payload = json.dumps([_stored(f) for f in findings], ensure_ascii=False)
        try:
            _atomic_write(entry, payload)
        except OSError:
            return
        self.written += 1
        if not findings:
            self._new_clean.add(key)

    def known_key(
        self, path: str, st: os.stat_result, fmt: str, language: str
    ) -> str | None:
        """The key last computed for ``path``, if its metadata is unchanged."""
        if not _CTIME_MOVES:
            return None
        stored = self._stat_index().get(path)
        if stored is None:
            return None
        signature, _, key = stored.rpartition(" ")
        if signature != _signature(st, fmt, language) or len(key) != _KEY_LENGTH:
            return None
        return key

    def remember(
        self, path: str, st: os.stat_result, fmt: str, language: str, key: str
    ) -> None:
        """Note ``path``'s key with the metadata it had before it was read."""
        if not _CTIME_MOVES:
            return
        if time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) < _SETTLED_NS:
            return
        entry = f"{_signature(st, fmt, language)} {key}"
        if self._stat_index().get(path) != entry:
            self._new_stats[path] = entry

    def _stat_index(self) -> dict[str, str]:
        if self._stats is None:
            try:
                data = json.loads((self.dir / STAT_INDEX).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                data = {}
            valid = isinstance(data, dict) and all(
                isinstance(v, str) for v in data.values()
            )
            self._stats = data if valid else {}
        return self._stats

    def _save_stats(self) -> None:
        if not self._new_stats:
            return
        stats = {**self._stat_index(), **self._new_stats}
        if len(stats) > MAX_ENTRIES:
            stats = dict(self._new_stats)
        try:
            _atomic_write(self.dir / STAT_INDEX, json.dumps(stats, ensure_ascii=False))
        except OSError:
            return
        self._stats, self._new_stats = stats, {}

    def _clean_keys(self) -> set[str]:
        if self._clean is None:
            try:
                text = (self.dir / CLEAN_LIST).read_text(encoding="ascii")
            except (OSError, ValueError):
                text = ""
            self._clean = {k for k in text.split() if len(k) == _KEY_LENGTH}
        return self._clean

    def save_clean(self) -> None:
        """Write the clean-key list with this run's additions (atomically).

        Concurrent runs may each write their own union; the last one wins and
        the other's additions are merely looked up the slow way next time.
        A key stands for content, ruleset and version, so the list cannot go
        stale, only long: past ``MAX_ENTRIES`` it restarts from this run's keys.
        """
        if not self._new_clean:
            return
        keys = self._clean_keys() | self._new_clean
        if len(keys) > MAX_ENTRIES:
            keys = set(self._new_clean)
        try:
            _atomic_write(self.dir / CLEAN_LIST, "\n".join(sorted(keys)) + "\n")
        except OSError:
            return
        self._clean, self._new_clean = keys, set()

    def get_metas(self) -> dict[str, RuleMeta] | None:
        try:
            data = json.loads((self.dir / "rules.json").read_text(encoding="utf-8"))
            return {item["id"]: RuleMeta.from_dict(item) for item in data}
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            _unlink(self.dir / "rules.json")
            return None

    def put_metas(self, metas: Mapping[str, RuleMeta]) -> None:
        payload = json.dumps([m.as_dict() for m in metas.values()], ensure_ascii=False)
        try:
            _atomic_write(self.dir / "rules.json", payload)
        except OSError:
            return

    def prune(self, limit: int = MAX_ENTRIES) -> int:
        """Remove the oldest entries (of all rulesets) past ``limit``."""
        self.save_clean()
        self._save_stats()
        if self.written == 0:
            return 0
        entries: list[tuple[float, str]] = []
        for dirpath, _dirs, files in os.walk(self.root / LAYOUT):
            for name in files:
                if name in (CLEAN_LIST, STAT_INDEX):
                    continue
                path = os.path.join(dirpath, name)
                try:
                    entries.append((os.stat(path).st_mtime, path))
                except OSError:
                    continue
        if len(entries) <= limit:
            return 0
        entries.sort()
        doomed = entries[: len(entries) - int(limit * 0.8)]
        for _, path in doomed:
            _unlink(Path(path))
        return len(doomed)


def _signature(st: os.stat_result, fmt: str, language: str) -> str:
    return (
        f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}:"
        f"{st.st_dev}:{fmt}:{language}"
    )


def _atomic_write(path: Path, payload: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    _mark_ignored(path)
    fd, tmp = _new_temp_file(path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(payload)
        os.replace(tmp, path)
    except BaseException:
        _unlink(Path(tmp))
        raise


def _new_temp_file(folder: Path) -> tuple[int, str]:
    """A new ``.tmp-<random>.json`` in ``folder``, open for writing: created
    exclusively (another writer's name is never reused) and readable by its
    owner only, as ``tempfile.mkstemp`` makes it. Not mkstemp itself:
    importing tempfile imports shutil, bz2, lzma and random, 2 ms of a
    one-file run's start with a cold cache."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        name = str(folder / f".tmp-{os.urandom(8).hex()}.json")
        try:
            return os.open(name, flags, 0o600), name
        except FileExistsError:
            continue


def _mark_ignored(path: Path) -> None:
    """Put a ``.gitignore`` of ``*`` at the cache root so git never sees it."""
    for parent in path.parents:
        if parent.name == LAYOUT:
            marker = parent.parent / ".gitignore"
            if not marker.exists():
                marker.write_text("# created by copydesk\n*\n", encoding="utf-8")
            return


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        return


def _stored(finding: Finding) -> dict[str, Any]:
    data = finding.as_dict()
    del data["path"]
    return data
