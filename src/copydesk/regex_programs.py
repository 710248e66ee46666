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
that release, and under any other (or another ``regex.DEFAULT_VERSION``) it
is not read and every pattern is compiled, as before. A program is found by
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
    if program is not None:
        found: Pattern = pickle.loads(program)
    else:
        found = regex.compile(pattern, flags)
    if _STATE.recorded is not None:
        _STATE.recorded[key] = program or pickle.dumps(found, pickle.HIGHEST_PROTOCOL)
    return found


def read(path: Path) -> Programs:
    """The programs ``path`` holds for this ``regex``; none when it holds
    another release's, or cannot be read."""
    try:
        stored: Any = pickle.loads(path.read_bytes())
    except Exception:  # absent, cut short, not ours: compile as before
        return {}
    if not isinstance(stored, dict) or stored.get("release") != _release():
        return {}
    programs = stored.get("programs")
    return programs if isinstance(programs, dict) else {}


def _release() -> str:
    return f"{regex.__version__} default-version {regex.DEFAULT_VERSION}"


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
    return pickle.dumps({"release": _release(), "programs": programs}, protocol=4)


def use(path: Path | None) -> None:
    """Read programs from ``path`` from now on (None: the shipped file);
    for tests and the file's writer."""
    _STATE.loaded = None if path is None else read(path)
