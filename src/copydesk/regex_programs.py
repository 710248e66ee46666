"""The compiled programs of copydesk's own patterns, shipped instead of
compiled at every start.

The ``regex`` module parses and compiles a pattern in Python, 0.1 to 1 ms a
pattern: the patterns a one-file run of the default packs needs cost about
a tenth of its time. A compiled pattern pickles as its program (the C
module's opcodes, which ``regex._regex.compile`` takes as they are, with
no parse), so ``python -m copydesk.rule_index`` writes the programs of the
patterns the shipped rules and modules compile to ``PROGRAMS`` (package
data), and :func:`compiled` loads a pattern's program from there.

A program belongs to the ``regex`` release that compiled it: the file names
that release, and under any other it is not read and every pattern is
compiled, as before (so is a pattern while ``regex.DEFAULT_VERSION`` is
not VERSION0, and one whose entry is damaged or not its own). A release of
copydesk ships the file made under the newest ``regex``: rewrite it with
``python -m copydesk.rule_index`` when ``regex`` moves on. A program is found by
its pattern's whole source and flags, so an edited pattern is compiled, never
served another's program. Patterns with named lists are not kept: their
lists would be part of the key, and they compile fast (a set).
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import regex

#: The programs' file.
PROGRAMS = Path(__file__).resolve().parent / "data" / "regex-programs.pickle"

Pattern = regex.Pattern[str]
#: (pattern, flags) -> the pickled compiled pattern.
Programs = dict[tuple[str, int], bytes]
#: One pickle protocol for the file and its programs (4: read by every
#: Python copydesk supports), so the file does not change with the Python
#: that writes it.
_PROTOCOL = 4


class _State:
    """The programs read (None: not yet) and, while a recording runs, every
    pattern compiled through here, by key."""

    __slots__ = ("loaded", "recorded")

    def __init__(self) -> None:
        self.loaded: Programs | None = None
        self.recorded: Programs | None = None


_STATE = _State()


def compiled(pattern: str, flags: int = 0) -> Pattern:
    """``regex.compile(pattern, flags)``, from the shipped program when there
    is one for this ``regex`` release (raises ``regex.error`` as it does)."""
    key = (pattern, int(flags))
    if _STATE.loaded is None:
        _STATE.loaded = read(PROGRAMS)
    program = _STATE.loaded.get(key)
    found = None if program is None else _loaded(program, pattern)
    if found is None:
        program = None
        found = regex.compile(pattern, flags)
    if _STATE.recorded is not None:
        _STATE.recorded[key] = program or pickle.dumps(found, _PROTOCOL)
    return found


def _loaded(program: bytes, pattern: str) -> Pattern | None:
    """The pattern ``program`` holds, if it is ``pattern``'s and the default
    version is the one the file was made under (an embedding program may
    set ``regex.DEFAULT_VERSION`` after the file was read); else None."""
    if regex.DEFAULT_VERSION != regex.VERSION0:
        return None
    try:
        found = pickle.loads(program)
    except Exception:  # a damaged entry: compile as before
        return None
    if not isinstance(found, regex.Pattern) or found.pattern != pattern:
        return None
    return found


def read(path: Path) -> Programs:
    """The programs ``path`` holds for this ``regex``; none when it holds
    another release's, or cannot be read."""
    try:
        stored: Any = pickle.loads(path.read_bytes())
    except Exception:  # absent, cut short, not ours: compile as before
        return {}
    if not isinstance(stored, dict) or stored.get("release") != read_release():
        return {}
    programs = stored.get("programs")
    return programs if isinstance(programs, dict) else {}


def read_release() -> str:
    """The release a file of programs must name to be read here."""
    return f"{regex.__version__} default-version {regex.VERSION0}"


def start_recording() -> None:
    """Keep every pattern compiled through :func:`compiled` from now on."""
    _STATE.recorded = {}


def stop_recording() -> None:
    """Keep no more patterns (what was kept is dropped)."""
    _STATE.recorded = None


def recorded(kept: Programs) -> bytes:
    """The file of the patterns recorded since :func:`start_recording`, for
    this ``regex`` release, in a stable order. A pattern with a program in
    ``kept`` (the file being replaced, when of this release) keeps it: two
    compiles of one pattern may list a set's members in another order (the
    compiler walks some sets of objects), so a file made again with no rule
    changed is the same file."""
    made = sorted((_STATE.recorded or {}).items())
    programs = {key: kept.get(key, program) for key, program in made}
    return pickle.dumps({"release": read_release(), "programs": programs}, _PROTOCOL)


def use(path: Path | None) -> None:
    """Read programs from ``path`` from now on (None: the shipped file);
    for tests and the file's writer."""
    _STATE.loaded = None if path is None else read(path)
