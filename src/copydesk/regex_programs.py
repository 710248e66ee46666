"""The compiled programs of copydesk's own patterns, shipped instead of
compiled at every start; the one place copydesk's code compiles a ``regex``
pattern.

The ``regex`` module parses and compiles a pattern in Python, 0.1 to 1 ms a
pattern: the patterns a one-file run of the default packs needs cost about
a tenth of its time. A compiled pattern pickles as its program (the C
module's opcodes, which ``regex._regex.compile`` takes as they are, with
no parse), so ``python -m copydesk.rule_index`` writes the programs of the
patterns the shipped rules and modules compile to ``PROGRAMS`` (package
data), and :func:`compiled` loads a pattern's program from there.

Loading a program needs only ``regex``'s C engine, ``regex._regex``. The
package's Python layer (its parser, ``regex._regex_core``) tabulates every
Unicode property's names when it is imported: about 50 M instructions with
the ``threading``, ``locale`` and ``string`` modules it brings, an eighth of
a one-file check that compiles nothing. So the engine is loaded alone
(:func:`_engine`), and ``regex`` itself is imported only when a pattern has
to be compiled (or its error reported): a later ``import regex`` takes the
engine already loaded. The modules that use patterns take the flags and
``escape`` from here, and import ``regex`` for its types only when type
checking.

A program belongs to the ``regex`` release that compiled it: the file names
that release, and under any other it is not read and every pattern is
compiled, as before (so is a pattern while ``regex.DEFAULT_VERSION`` is
not VERSION0, and one whose entry is damaged or not its own). The release
installed is told without importing ``regex`` by its distribution's
``.dist-info`` folder beside the package, named for the version as
installers name it; where there is none (another kind of install),
``regex.__version__`` tells it. A release of copydesk ships the file made
under the newest ``regex``: rewrite it with ``python -m copydesk.rule_index``
when ``regex`` moves on. A program is found by its pattern's whole source
and flags, so an edited pattern is compiled, never served another's
program. Patterns with named lists are not kept: their lists would be part
of the key, and they compile fast (a set).
"""

from __future__ import annotations

import functools
import importlib.machinery
import importlib.util
import io
import pickle
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import regex

#: The programs' file.
PROGRAMS = Path(__file__).resolve().parent / "data" / "regex-programs.pickle"

#: ``regex``'s flags, as its compiled patterns carry them (a test keeps them
#: equal to ``regex``'s own): combined here without importing ``regex``.
IGNORECASE = 0x2
MULTILINE = 0x8
DOTALL = 0x10
VERBOSE = 0x40
VERSION1 = 0x100
REVERSE = 0x400
VERSION0 = 0x2000

#: (pattern, flags) -> the pickled compiled pattern.
Programs = dict[tuple[str, int], bytes]
#: One pickle protocol for the file and its programs (4: read by every
#: Python copydesk supports), so the file does not change with the Python
#: that writes it.
_PROTOCOL = 4
#: The C engine's module, whose ``compile`` a pickled program calls.
_ENGINE = "regex._regex"
#: What ``regex.escape`` escapes (besides white space): its metacharacters.
_METACHARS = frozenset("()[]{}?*+|^$\\.-#&~")


class _State:
    """The programs read (None: not yet) and, while a recording runs, every
    pattern compiled through here, by key."""

    __slots__ = ("loaded", "recorded")

    def __init__(self) -> None:
        self.loaded: Programs | None = None
        self.recorded: Programs | None = None


_STATE = _State()


def compiled(
    pattern: str, flags: int = 0, named_lists: Mapping[str, Iterable[str]] | None = None
) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags, **named_lists)``, from the shipped
    program when there is one for this ``regex`` release (raises
    ``regex.error`` as it does). A pattern with named lists is always
    compiled."""
    if named_lists:
        with_lists: regex.Pattern[str] = regex_module().compile(
            pattern, flags, **named_lists
        )
        return with_lists
    key = (pattern, int(flags))
    if _STATE.loaded is None:
        _STATE.loaded = read(PROGRAMS)
    program = _STATE.loaded.get(key)
    found = None if program is None else _loaded(program, pattern)
    if found is None:
        program = None
        found = regex_module().compile(pattern, flags)
    if _STATE.recorded is not None:
        _STATE.recorded[key] = program or pickle.dumps(found, _PROTOCOL)
    return found


def regex_module() -> ModuleType:
    """The ``regex`` module, imported now if not yet: for compiling a
    pattern, which only its Python layer can do (see the module)."""
    import regex

    return regex


def compile_error() -> type[Exception]:
    """``regex.error``, for an ``except`` clause around a compile: Python
    evaluates the clause only once its ``try`` raised, when ``regex`` is
    imported already, so a run whose patterns all load never imports it."""
    error: type[Exception] = regex_module().error
    return error


def escape(text: str) -> str:
    """``regex.escape(text)``: a backslash before each metacharacter and
    white space character, the rest as it is (a test keeps the two equal,
    so that a pattern built with it finds its shipped program)."""
    return "".join(f"\\{c}" if c in _METACHARS or c.isspace() else c for c in text)


def _loaded(program: bytes, pattern: str) -> regex.Pattern[str] | None:
    """The pattern ``program`` holds, if it is ``pattern``'s and the default
    version is the one the file was made under (an embedding program may
    set ``regex.DEFAULT_VERSION`` after the file was read); else None."""
    imported = sys.modules.get("regex")
    if imported is not None and imported.DEFAULT_VERSION != VERSION0:
        return None
    try:
        found: Any = _Unpickler(io.BytesIO(program)).load()
    except Exception:  # a damaged entry: compile as before
        return None
    if getattr(found, "pattern", None) != pattern or not hasattr(found, "finditer"):
        return None
    loaded: regex.Pattern[str] = found
    return loaded


class _Unpickler(pickle.Unpickler):
    """Reads a program, whose one global is the engine's ``compile``: taken
    from the engine loaded alone, where ``pickle`` would import the whole
    ``regex`` package to find it (and no other global is let in)."""

    def find_class(self, module: str, name: str, /) -> Any:
        engine = _engine() if (module, name) == (_ENGINE, "compile") else None
        if engine is None:
            raise pickle.UnpicklingError(f"not a program's: {module}.{name}")
        return engine.compile


def read(path: Path) -> Programs:
    """The programs ``path`` holds for this ``regex``; none when it holds
    another release's, or cannot be read, or the engine cannot be loaded."""
    try:
        stored: Any = pickle.loads(path.read_bytes())
    except Exception:  # absent, cut short, not ours: compile as before
        return {}
    if not isinstance(stored, dict) or not _installed(stored.get("release")):
        return {}
    programs = stored.get("programs")
    if not isinstance(programs, dict) or _engine() is None:
        return {}
    return programs


def read_release() -> str:
    """The release a file of programs must name to be read here."""
    return _release_of(regex_module().__version__)


def _release_of(version: str) -> str:
    return f"{version} default-version {VERSION0}"


def _installed(release: object) -> bool:
    """Whether ``release`` (a file's) is the installed ``regex``'s: by its
    ``.dist-info`` folder while ``regex`` is not imported (see the module)."""
    if not isinstance(release, str):
        return False
    version = release.partition(" ")[0]
    if release != _release_of(version):
        return False
    if "regex" not in sys.modules and _dist_info(version):
        return True
    return release == read_release()


def _dist_info(version: str) -> bool:
    """Whether the ``regex`` package has its distribution's ``.dist-info``
    folder for ``version`` beside it (``regex-2026.12.2.dist-info``)."""
    folder = _package_folder()
    return (
        folder is not None and (folder.parent / f"regex-{version}.dist-info").is_dir()
    )


@functools.cache
def _package_folder() -> Path | None:
    """The folder ``import regex`` would import from (found, not imported)."""
    spec = importlib.util.find_spec("regex")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _engine() -> ModuleType | None:
    """``regex``'s C engine, which a pickled program calls: loaded alone
    from the package's folder unless ``regex`` has loaded it (``import regex``
    later takes it from ``sys.modules``); None when it is not found there."""
    engine = sys.modules.get(_ENGINE)
    if engine is not None:
        return engine
    folder = _package_folder()
    if folder is None:
        return None
    finder = importlib.machinery.FileFinder(
        str(folder),
        (
            importlib.machinery.ExtensionFileLoader,
            importlib.machinery.EXTENSION_SUFFIXES,
        ),
    )
    spec = finder.find_spec(_ENGINE)
    if spec is None or spec.loader is None:
        return None
    engine = importlib.util.module_from_spec(spec)
    sys.modules[_ENGINE] = engine
    try:
        spec.loader.exec_module(engine)
    except ImportError:  # not an engine for this Python: ``regex`` will say
        del sys.modules[_ENGINE]
        return None
    return engine


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
