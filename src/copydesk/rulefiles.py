"""Rule files on disk: finding them, and reading their data safely.

``rules/<pack>/<Name>.yml`` is rule ``<pack>.<Name>``. This module finds rule
files and turns their bytes into mappings; it compiles nothing, so the
catalogue can list every rule, enabled or not, without paying for patterns,
and the loader (``ruleset``) and the index writer (``rule_index``) both build
on it without importing each other.

Reading is guarded: a file larger than ``MAX_RULE_BYTES``, YAML aliases (the
"billion laughs"), non-UTF-8 bytes and non-mapping documents are refused with
a one-line RuleError naming the file. Shipped rule files whose bytes match
the ``parsed.pickle`` index are taken from it, so a run need not import PyYAML.
"""

import functools
import pickle
import zlib
from collections.abc import Callable, Hashable, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from copydesk.errors import RuleError

#: Shipped packs in the order their findings win ties on the same span.
DEFAULT_PACKS = ("names", "typos", "quotes", "artifacts", "variants")
RULE_SUFFIXES = (".yml", ".yaml")
#: A rule file larger than this is refused (guards against YAML bombs and accidents).
MAX_RULE_BYTES = 4 * 1024 * 1024
#: The parsed shipped rules, inside the shipped rules directory (``rule_index``).
#: Both files are pickles (protocol 4) of what JSON files of the same data
#: gave: reading them was 8.9 M instructions of a one-file check as JSON,
#: 3.1 M as pickles (``pickle`` is on a check's path already, for
#: ``regex_programs``). Package data, trusted as the code beside them is.
INDEX_NAME = "parsed.pickle"
#: The RE2 supersets of the shipped rules' patterns (``rule_index`` writes it).
SUPERSETS_NAME = "supersets.pickle"

_Derived = TypeVar("_Derived")


@functools.lru_cache(maxsize=1)
def shipped_rules_dir() -> Path:
    """The packs installed with copydesk (package data, or the source checkout)."""
    packaged = Path(__file__).resolve().parent / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rules"


class RuleFile(NamedTuple):
    """A rule file found on disk, not yet parsed."""

    rule_id: str
    path: Path
    display: str
    shipped: bool = False

    @property
    def pack(self) -> str:
        return self.rule_id.split(".", 1)[0]


def discover_rule_files(dirs: Sequence[Path]) -> list[RuleFile]:
    """Rule files under each directory: a dir of packs, or a single pack dir.

    A later directory's rule replaces an earlier one with the same id, so a
    user pack can override a shipped rule by name. Sorted in pack order.
    """
    shipped = shipped_rules_dir()
    found: dict[str, RuleFile] = {}
    for root in dirs:
        if not root.is_dir():
            raise RuleError(str(root), "rules directory not found")
        direct = sorted(p for p in root.iterdir() if p.suffix in RULE_SUFFIXES)
        if direct:
            packs = [(root.name, direct)]
        else:
            packs = [
                (d.name, sorted(p for p in d.iterdir() if p.suffix in RULE_SUFFIXES))
                for d in sorted(root.iterdir())
                if d.is_dir() and not d.name.startswith(".")
            ]
        is_shipped = root == shipped
        base = root.parent if is_shipped else Path.cwd().resolve()
        for pack, files in packs:
            for path in files:
                rule_id = f"{pack}.{path.stem}"
                # Shipped files are named under the resolved packs folder.
                shown = _relative(path, base) if is_shipped else _display(path, base)
                found[rule_id] = RuleFile(rule_id, path, shown, shipped=is_shipped)
    return sorted(found.values(), key=_pack_order)


def _pack_order(rule: RuleFile) -> tuple[int, str]:
    rank = (
        DEFAULT_PACKS.index(rule.pack)
        if rule.pack in DEFAULT_PACKS
        else len(DEFAULT_PACKS)
    )
    return rank, rule.rule_id


def _display(path: Path, base: Path) -> str:
    """``path`` relative to ``base`` (resolved), or as given outside it."""
    return _relative(path.resolve(), base)


def _relative(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


def digest(raw: bytes) -> str:
    """What the index keeps of a rule file's bytes to see that it is the
    file the index was built from: their CRC-32 and their length.

    Not a security check. It catches a shipped rule file edited (or a
    checkout switched) since ``python -m copydesk.rule_index`` ran, which
    needs no cryptographic hash: a CRC-32 changes with every change of up to
    32 consecutive bits and misses other edits once in 4 G, the length
    catches any byte added or removed, and whoever can write the rule files
    can write the index too. zlib ships with Python and a run imports it
    anyway (the lexicon); hashlib's SHA-256 loads OpenSSL (~2 ms of a
    one-file run) for this alone.
    """
    return f"{zlib.crc32(raw):08x}/{len(raw)}"


def load_index(rules_dir: Path) -> dict[str, Any]:
    """Relative rule path → {"crc32", "data"}; empty when absent or unreadable."""
    found = _unpickled(rules_dir / INDEX_NAME)
    return found if isinstance(found, dict) else {}


def _unpickled(path: Path) -> Any:
    """What the pickle at ``path`` holds; None when it is absent or cannot be
    read (cut short, not a pickle: the caller then does without)."""
    try:
        return pickle.loads(path.read_bytes())
    except Exception:  # absent, damaged or not ours
        return None


def load_supersets(rules_dir: Path) -> dict[str, str | None]:
    """The RE2 supersets of the shipped rules' patterns (``SUPERSETS_NAME``,
    pattern → superset or None); empty when absent or unreadable."""
    found = _unpickled(rules_dir / SUPERSETS_NAME)
    if not isinstance(found, dict):
        return {}
    return {
        k: v
        for k, v in found.items()
        if isinstance(k, str) and isinstance(v, str | None)
    }


def indexed(
    index: Mapping[str, Any], relative: str, raw: bytes
) -> dict[str, Any] | None:
    """The indexed data of a rule file whose bytes are unchanged, else None."""
    entry = index.get(relative)
    if not isinstance(entry, dict) or entry.get("crc32") != digest(raw):
        return None
    data = entry.get("data")
    return data if isinstance(data, dict) else None


def read_bytes(rule: RuleFile) -> bytes:
    """A rule file's bytes, refused past ``MAX_RULE_BYTES``."""
    try:
        raw = rule.path.read_bytes()
    except OSError as exc:
        raise RuleError(rule.display, f"cannot read: {exc.strerror or exc}") from None
    if len(raw) > MAX_RULE_BYTES:
        raise RuleError(rule.display, f"rule file larger than {MAX_RULE_BYTES} bytes")
    return raw


def read_rule(rule: RuleFile, raw: bytes, index: Mapping[str, Any]) -> dict[str, Any]:
    """A rule file's data: from the shipped index while its bytes are unchanged."""
    if rule.shipped:
        relative = f"{rule.path.parent.name}/{rule.path.name}"
        found = indexed(index, relative, raw)
        if found is not None:
            return found
    return parse_rule_text(raw, rule.display)


def _loader() -> Any:
    """libyaml's loader when available (10x faster than the pure-Python one).

    PyYAML is imported only when a rule file is not in the shipped index.
    """
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _refuse_aliases(text: str, display: str) -> None:
    """Anchors and aliases are refused, so a YAML bomb cannot expand."""
    if "*" not in text:
        return
    import yaml

    for event in yaml.parse(text, Loader=_loader()):
        if isinstance(event, yaml.AliasEvent):
            line = event.start_mark.line + 1 if event.start_mark else 0
            raise RuleError(
                display, f"invalid YAML (line {line}): aliases are not allowed"
            )


def parse_rule_text(raw: bytes, display: str) -> dict[str, Any]:
    """YAML bytes → mapping, with one-line errors for every way it can go wrong."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RuleError(display, f"not valid UTF-8 (byte {exc.start})") from None
    import yaml

    try:
        _refuse_aliases(text, display)
        data = yaml.load(text, Loader=_loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RuleError(display, f"invalid YAML{where}: {problem}") from None
    if not isinstance(data, dict):
        raise RuleError(display, "a rule file must be a mapping of keys to values")
    for key in data:
        if not isinstance(key, str):
            raise RuleError(display, f"key {key!r}: keys must be strings")
    return data


class ShippedPacks:
    """The shipped packs' rule data, read on first request: the loader's side
    of ``checks.base.LoadContext``, which is how a check reads another rule's
    file (``variants`` reads the ``names`` house list) without importing us.
    """

    def __init__(
        self, rules_dir: Path | None = None, index: Mapping[str, Any] | None = None
    ) -> None:
        self._dir = rules_dir or shipped_rules_dir()
        self._index = index
        self._packs: dict[str, tuple[tuple[str, dict[str, Any]], ...]] = {}
        self._derived: dict[Hashable, Any] = {}

    def shipped_pack(self, pack: str) -> tuple[tuple[str, dict[str, Any]], ...]:
        """(display, data) of each rule file of shipped ``pack``, by file name."""
        if pack not in self._packs:
            if self._index is None:
                self._index = load_index(self._dir)
            folder = self._dir / pack
            files = sorted(folder.glob("*.yml")) if folder.is_dir() else []
            rules = [RuleFile(f"{pack}.{p.stem}", p, str(p), True) for p in files]
            self._packs[pack] = tuple(
                (rule.display, read_rule(rule, read_bytes(rule), self._index))
                for rule in rules
            )
        return self._packs[pack]

    def derived(self, key: Hashable, make: Callable[[], _Derived]) -> _Derived:
        """``make()`` the first time ``key`` is asked, then what it made."""
        try:
            made: _Derived = self._derived[key]
        except KeyError:
            made = self._derived[key] = make()
        return made
