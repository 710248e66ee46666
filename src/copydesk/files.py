"""Which files to lint: explicit paths, directory walks, ignores and formats.

Directories are walked for files whose extension names a format copydesk
reads (files without an extension only when named explicitly); hidden
directories and whatever ``.gitignore`` files ignore are skipped.
An explicit file is linted whatever its extension (as plain text if unknown).
"""

import contextlib
import errno
import fnmatch
import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from copydesk.errors import InputError, SkippedInputError
from copydesk.markup import format_for_path

if TYPE_CHECKING:
    import pathspec

STDIN = "-"


class Target(NamedTuple):
    """One file to lint, the format to read it in and its document kind.

    Both are resolved once, where the file's config is known (for stdin, from
    ``--stdin-filename``); an empty kind means the document's own, known
    once its text is read (``document.default_kind``). ``encoding`` is a
    legacy encoding to decode it in (``--encoding``); empty means UTF-8.
    """

    path: str
    format: str
    kind: str = ""
    encoding: str = ""


def format_for(path: str, overrides: Sequence[tuple[str, str]] = ()) -> str | None:
    """The format of ``path``: a ``--format-for`` glob match, else its extension."""
    name = path.replace(os.sep, "/")
    for glob, fmt in overrides:
        if fnmatch.fnmatch(name, glob) or fnmatch.fnmatch(Path(name).name, glob):
            return fmt
    return format_for_path(name)


def match_kind(path: str, kind_for: Sequence[tuple[str, str]], root: str) -> str | None:
    """The kind of the first ``kind-for`` glob matching ``path`` (as given,
    relative to ``root`` (the working directory if empty) or by file name)."""
    if not kind_for:
        return None
    name = path.replace(os.sep, "/")
    names = {name, name.rsplit("/", 1)[-1]}
    if path != "-":
        base = Path(root or ".").resolve()
        with contextlib.suppress(ValueError, OSError, RuntimeError):  # outside, loop
            names.add(Path(path).resolve().relative_to(base).as_posix())
    for glob, kind in kind_for:
        if any(fnmatch.fnmatch(n, glob) for n in names):
            return kind
    return None


def discover(
    paths: Sequence[str],
    overrides: Sequence[tuple[str, str]] = (),
    errors: list[InputError] | None = None,
    exclude: Sequence[str] = (),
) -> list[Target]:
    """Expand paths into targets; problems go to ``errors`` and the rest go on."""
    sink: list[InputError] = [] if errors is None else errors
    targets: list[Target] = []
    seen: set[str] = set()
    for raw in paths:
        if raw == STDIN:
            targets.append(Target(STDIN, format_for(STDIN, overrides) or "plain"))
            continue
        path = Path(raw)
        if path.is_dir():
            found = [
                t
                for t in _walk(path, overrides, exclude)
                if not _excluded(t.path, exclude)
            ]
            if not found:
                sink.append(InputError(raw, "no text files found in directory"))
            walked = {os.path.normpath(t.path) for t in found}
            for t in found:
                if t.path not in seen:
                    seen.add(t.path)
                    problem = _unlintable(t.path, raw)
                    if problem is not None:
                        sink.append(problem)
                        continue
                    if _links_to_walked(t.path, raw, walked):
                        continue  # README.rst -> index.rst: linted once, as itself
                    targets.append(t)
        elif path.exists() or path.is_symlink():
            problem = _unlintable(raw, None)
            if problem is not None:
                sink.append(problem)
                continue
            if raw not in seen:
                seen.add(raw)
                targets.append(Target(raw, format_for(raw, overrides) or "plain"))
        else:
            sink.append(InputError(raw, "no such file or directory"))
    return targets


def _links_to_walked(path: str, root: str, walked: set[str]) -> bool:
    """Whether ``path`` is a symlink to another file the walk of ``root``
    found (a docs tree's ``README.rst`` linked to its ``index.rst``): its
    findings would be that file's, reported twice."""
    if not os.path.islink(path):
        return False
    real = os.path.realpath(path)
    base = os.path.realpath(root)
    if not real.startswith(base.rstrip(os.sep) + os.sep):
        return False
    inside = os.path.normpath(os.path.join(root, os.path.relpath(real, base)))
    return inside != os.path.normpath(path) and inside in walked


def _unlintable(path: str, walked: str | None) -> InputError | None:
    """Why ``path`` must be skipped before anything opens it, if it must.

    A symlink loop; a FIFO, socket or device (opening one can block forever);
    and, for a file found by walking ``walked``, a symlink to a file outside
    both that directory and the working directory or to no file at all (a
    :class:`SkippedInputError`: a warning, not an error). A missing file or a
    dangling link named on the command line is left to the reader, which
    reports it when it gets there.
    """
    linked = False
    try:
        st = os.lstat(path)
        if stat.S_ISREG(st.st_mode):
            return None  # the common case: one system call
        linked = stat.S_ISLNK(st.st_mode)
        st = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return InputError(path, "too many levels of symbolic links")
        if exc.errno == errno.ENOENT and linked and walked is not None:
            return SkippedInputError(path, "symlink to a missing file, skipped")
        return None
    if not stat.S_ISREG(st.st_mode):
        return InputError(path, "not a regular file")
    if walked is None or not linked:
        return None
    real = os.path.realpath(path)
    for base in {os.path.realpath(walked), os.path.realpath(os.getcwd())}:
        if real == base or real.startswith(base.rstrip(os.sep) + os.sep):
            return None
    return SkippedInputError(
        path, f"symlink points outside {walked} (to {real}), skipped"
    )


def _excluded(path: str, exclude: Sequence[str]) -> bool:
    name = path.replace(os.sep, "/")
    return any(
        fnmatch.fnmatch(name, g)
        or fnmatch.fnmatch(name, f"*/{g}")
        or f"/{g}/" in f"/{name}"
        for g in exclude
    )


def _walk(
    root: Path, overrides: Sequence[tuple[str, str]], exclude: Sequence[str]
) -> Iterator[Target]:
    """Files under ``root`` in sorted order, honouring nested ``.gitignore`` files."""
    specs: list[tuple[str, pathspec.GitIgnoreSpec]] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        specs = [(base, spec) for base, spec in specs if _within(dirpath, base)]
        spec = _gitignore(dirpath)
        if spec is not None:
            specs.append((dirpath, spec))
        dirnames[:] = sorted(
            d
            for d in dirnames
            if not d.startswith(".")
            and d not in ("node_modules", "__pycache__")
            and not _ignored(os.path.join(dirpath, d), specs, is_dir=True)
        )
        for name in sorted(filenames):
            full = os.path.join(dirpath, name)
            fmt = format_for(full, overrides)
            if fmt is None or name.startswith((".", "~$")) or "." not in name:
                continue  # "~$draft.docx" is Word's lock file, not a document
            if _ignored(full, specs, is_dir=False) or _excluded(full, exclude):
                continue
            yield Target(full, fmt)


def _within(path: str, base: str) -> bool:
    return path == base or path.startswith(base.rstrip(os.sep) + os.sep)


def _gitignore(dirpath: str) -> "pathspec.GitIgnoreSpec | None":
    path = os.path.join(dirpath, ".gitignore")
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            lines = handle.readlines()
    except OSError:
        return None
    import pathspec  # only walks that meet a .gitignore pay for it

    try:
        return pathspec.GitIgnoreSpec.from_lines(lines)
    except ValueError:  # a line git cannot read ("!" alone): git skips it
        return pathspec.GitIgnoreSpec.from_lines(
            line for line in lines if _readable_pattern(line)
        )


def _readable_pattern(line: str) -> bool:
    """Whether ``line`` of a ``.gitignore`` is a pattern pathspec reads."""
    import pathspec

    try:
        pathspec.GitIgnoreSpec.from_lines([line])
    except ValueError:
        return False
    return True


def _ignored(
    path: str, specs: Sequence[tuple[str, "pathspec.GitIgnoreSpec"]], *, is_dir: bool
) -> bool:
    for base, spec in specs:
        rel = os.path.relpath(path, base).replace(os.sep, "/")
        if is_dir:
            rel += "/"
        if spec.match_file(rel):
            return True
    return False
