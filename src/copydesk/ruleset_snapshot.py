"""The shipped packs' compiled state, pickled: loaded in a few ms, not built.

``load_ruleset`` validates every rule file and builds its check: a
confusion rule's hundred entries, a names rule's house list, a substitution
rule's word lists. For the shipped packs as they stand that work gives the
same checks on every run: about 15 ms of a one-file run's 70, more than the
file's own checks. ``python -m copydesk.rule_index`` writes what it gives,
for the document kinds a run of the default packs asks for (a page:
``authored``; any kind: every rule), to ``rules/compiled.pickle``, and a
run that loads the shipped packs as they are reads it instead.

As they are: no ``select`` or ``ignore``, no rule options, user rule
folders or rejected terms (each changes the checks compiled; accepted terms
and a project's words are applied beside them, as after a compile), and a
snapshot made from these very rule files (their ids and bytes, the
ruleset's identity) by this very code (the size and CRC-32 of the source
of every copydesk module the compile imported). Anything else, or a snapshot that
cannot be read, and the rules are compiled as before: the snapshot only
ever stands in for the same work. A test compares it with a fresh compile.

Patterns are pickled before any is compiled (``lazy_patterns``,
``patterns.OnFirstUse``); the few ``regex`` patterns a check compiles at
load are pickled as calls to ``regex_programs.compiled``, which loads
their shipped programs.
"""

import io
import pickle
import sys
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from copydesk import patterns
from copydesk.checks.base import Check
from copydesk.model import RuleMeta
from copydesk.patterns import OnFirstUse
from copydesk.rulefiles import shipped_rules_dir

#: The file, beside the parsed index.
SNAPSHOT_NAME = "compiled.pickle"
#: The kinds a snapshot is made for: a page's, and every kind (plain text,
#: whose kind its lines decide, asks for all).
KINDS: tuple[frozenset[str] | None, ...] = (frozenset({"authored"}), None)
_FORMAT = 2
_PACKAGE = Path(__file__).resolve().parent


class Compiled(NamedTuple):
    """What ``load_ruleset`` builds from the shipped rule files, and the
    loads its checks listed for a parallel run to do before it forks
    (``patterns.load_before_fork``): listed again when it is read."""

    checks: list[Check]
    exceptions: dict[str, OnFirstUse]
    every_meta: dict[str, RuleMeta]
    left_out: bool
    fork_loads: tuple[Callable[[], object], ...] = ()


def identity_key(identity: Sequence[bytes]) -> tuple[int, int]:
    """The CRC-32 and length of the ruleset's identity bytes (its rule
    files' ids and bytes): what a snapshot was made from."""
    crc = 0
    size = 0
    for part in identity:
        crc = zlib.crc32(part, crc)
        size += len(part)
    return crc, size


def read(identity: Sequence[bytes], kinds: frozenset[str] | None) -> Compiled | None:
    """The snapshot of the shipped packs for ``kinds`` when one was made
    from ``identity`` by this code; else None (compile them)."""
    path = shipped_rules_dir() / SNAPSHOT_NAME
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        stored: Any = pickle.loads(data)
        if stored["format"] != _FORMAT or stored["identity"] != identity_key(identity):
            return None
        if not _same_code(stored["code"]):
            return None
        blob = stored["kinds"].get(_kinds_key(kinds))
        if blob is None:
            return None
        found = pickle.loads(blob)
    except Exception:  # absent, cut short, another release's classes
        return None
    if not isinstance(found, Compiled):
        return None
    for load in found.fork_loads:
        patterns.load_before_fork(load)
    return found


def _kinds_key(kinds: frozenset[str] | None) -> tuple[str, ...] | None:
    return None if kinds is None else tuple(sorted(kinds))


def _same_code(code: object) -> bool:
    """Whether every module the snapshot's compile imported has the source
    it had then, by size and CRC-32 (a module edited since, even to the
    same size, or missing, says no: under a millisecond for the 1 MB)."""
    if not isinstance(code, tuple):
        return False
    for relative, size, crc in code:
        try:
            source = (_PACKAGE / relative).read_bytes()
        except OSError:
            return False
        if len(source) != size or zlib.crc32(source) != crc:
            return False
    return True


def code_stamp() -> tuple[tuple[str, int, int], ...]:
    """Each copydesk module imported now, by its source's path under the
    package, its size and its CRC-32: the code a compile just ran."""
    stamp = []
    for name, module in sorted(sys.modules.items()):
        if not (name == "copydesk" or name.startswith("copydesk.")):
            continue
        file = getattr(module, "__file__", None)
        if file is None:
            continue
        path = Path(file).resolve()
        if path.suffix == ".py" and path.is_relative_to(_PACKAGE):
            source = path.read_bytes()
            relative = path.relative_to(_PACKAGE).as_posix()
            stamp.append((relative, len(source), zlib.crc32(source)))
    return tuple(stamp)


def build() -> bytes:
    """The snapshot's bytes: the shipped packs compiled for each of
    ``KINDS``. Run in a fresh process, after the programs are written, so
    that no pattern is compiled yet and each ``regex`` one has its program."""
    from copydesk import ruleset

    tables: dict[tuple[str, ...] | None, bytes] = {}
    identity: tuple[int, int] | None = None
    for kinds in KINDS:
        compiled, own = ruleset.compile_shipped(kinds)
        if identity not in (None, identity_key(own)):
            raise RuntimeError("the rule files changed while the snapshot was built")
        identity = identity_key(own)
        tables[_kinds_key(kinds)] = _pickled(compiled)
    stored = {
        "format": _FORMAT,
        "identity": identity,
        "code": code_stamp(),
        "kinds": tables,
    }
    return pickle.dumps(stored, protocol=pickle.HIGHEST_PROTOCOL)


def _pickled(compiled: Compiled) -> bytes:
    """``compiled`` pickled, its compiled ``regex`` patterns as calls to
    ``regex_programs.compiled`` (their programs, not the C engine's)."""
    out = io.BytesIO()
    _Pickler(out).dump(compiled)
    return out.getvalue()


class _Pickler(pickle.Pickler):
    """Pickles a compiled ``regex`` pattern as its source and the flags it
    was compiled with: the flags of the shipped program (read once) that
    compiles to a pattern with the same ``flags`` (a pattern's own add the
    defaults), as ``regex_programs`` keys it."""

    def __init__(self, out: io.BytesIO) -> None:
        from copydesk import regex_programs

        super().__init__(out, protocol=pickle.HIGHEST_PROTOCOL)
        self._flags: dict[str, list[int]] = {}
        for source, flags in regex_programs.read(regex_programs.PROGRAMS):
            self._flags.setdefault(source, []).append(flags)

    def reducer_override(self, obj: Any) -> Any:
        import regex

        from copydesk import regex_programs

        if not isinstance(obj, regex.Pattern):
            return NotImplemented
        flags = next(
            (
                f
                for f in self._flags.get(obj.pattern, ())
                if regex_programs.compiled(obj.pattern, f).flags == obj.flags
            ),
            int(obj.flags),
        )
        return regex_programs.compiled, (obj.pattern, flags)


def main() -> int:
    """Write the snapshot (``python -m copydesk.rule_index`` runs this in a
    fresh process)."""
    path = shipped_rules_dir() / SNAPSHOT_NAME
    path.write_bytes(build())
    sys.stdout.write(f"wrote {path}\n")
    return 0
