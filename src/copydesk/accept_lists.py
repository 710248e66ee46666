"""The words a project's Vale vocabularies and Sphinx spelling lists accept.

Beside cSpell (:mod:`copydesk.cspell_config`), docs repositories keep their
accepted vocabulary for the other checkers they run:

- Vale: ``.vale.ini`` (or ``_vale.ini``, ``vale.ini``) names a ``StylesPath``
  and its ``Vocab`` lists; each list's words are in
  ``<StylesPath>/config/vocabularies/<name>/accept.txt`` (Vale 3) or
  ``<StylesPath>/Vocab/<name>/accept.txt`` (Vale 2), one entry a line.
  An entry is a regular expression; the plain words among them, and a
  first letter given both ways (``[Kk]ubectl``), are taken, the rest
  (``(?i)k8s\\b.*``) left alone.
- sphinxcontrib-spelling: ``spelling_wordlist.txt`` beside a Sphinx
  project's ``conf.py`` (the name ``spelling_word_list_filename`` gives, if
  it names one file), one word a line.

Both are found as the tools find them: the Vale config in the folder the
run starts from or its parents, up to the repository's root (the folder
with ``.git``); the Sphinx lists in the usual source folders of that root
(``docs``, ``doc``, their ``source``). Files are read within the budget
the caller gives, and only inside the project's folder.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from copydesk.lazy_patterns import later_re

#: Vale's config file names.
VALE_CONFIGS = (".vale.ini", "_vale.ini", "vale.ini")
#: Where a Sphinx project's sources usually are, from the repository's root.
SPHINX_FOLDERS = ("", "docs", "doc", "docs/source", "doc/source", "source")
#: A ``key = value`` line of Vale's config (its global section or any).
_INI_LINE = later_re(r"^[ \t]*([A-Za-z]+)[ \t]*=[ \t]*(.*?)[ \t]*$", re.MULTILINE)
#: A vocabulary entry that is a word: letters, digits, and ' - . inside.
_PLAIN = later_re(r"[\w][\w'’.-]*")
#: An entry that gives its first letter both ways: ``[Kk]ubectl``.
_BOTH_CASES = later_re(r"\[(\w)(\w)\]([\w'’.-]+)")
#: The list a Sphinx ``conf.py`` names (one file, as a string literal).
_SPHINX_LIST = later_re(
    r"""^spelling_word_list_filename\s*=\s*['"]([^'"\n]+)['"]""", re.M
)


def accepted_words(start: Path, read: Reader) -> set[str]:
    """The words the Vale vocabularies and Sphinx spelling lists of the
    project holding ``start`` accept (as written)."""
    words: set[str] = set()
    root = repository_root(start)
    config = _vale_config(start)
    if config is not None:
        words.update(_vale_words(config, read))
    if root is not None:
        words.update(_sphinx_words(root, read))
    return words


class Reader:
    """Reads small text files within a byte budget, and inside one folder
    when given one: every file a run reads for a project's accepted words
    (cSpell's configs and word files too) goes through one."""

    __slots__ = ("budget", "inside")

    def __init__(self, budget: int, inside: Path | None = None) -> None:
        self.budget = budget
        self.inside = inside

    def text(self, path: Path) -> str | None:
        """``path``'s text if it is a file inside the folder and within
        what is left of the budget."""
        try:
            path = path.resolve()
            if self.inside is not None and not path.is_relative_to(self.inside):
                return None
            if not path.is_file():
                return None
            size = path.stat().st_size
            if size > self.budget:
                return None
            self.budget -= size
            return path.read_text(encoding="utf-8-sig")
        except (OSError, RuntimeError, UnicodeDecodeError, ValueError):
            return None


def upward(start: Path) -> list[Path]:
    """``start`` (resolved) and its parents, up to the repository's root
    (the folder with ``.git``) if one is above it: where a checker's config
    for ``start`` may be."""
    try:
        here = start.resolve()
    except (OSError, RuntimeError):
        return []
    folders: list[Path] = []
    for folder in (here, *here.parents):
        folders.append(folder)
        if (folder / ".git").exists():
            break
    return folders


def repository_root(start: Path) -> Path | None:
    """The repository's root above ``start`` (the folder with ``.git``)."""
    folders = upward(start)
    return folders[-1] if folders and (folders[-1] / ".git").exists() else None


def _vale_config(start: Path) -> Path | None:
    """The nearest Vale config from ``start`` up to the repository's root."""
    for folder in upward(start):
        for name in VALE_CONFIGS:
            if (folder / name).is_file():
                return folder / name
    return None


def _vale_words(config: Path, read: Reader) -> Iterator[str]:
    """The plain words of the vocabularies ``config`` names."""
    text = read.text(config)
    if text is None:
        return
    settings: dict[str, str] = {}
    for key, value in _INI_LINE.findall(text):
        settings.setdefault(key.lower(), value.split("#", 1)[0].strip())
    styles = config.parent / settings.get("stylespath", ".")
    for name in (n.strip() for n in settings.get("vocab", "").split(",")):
        if not name or "/" in name or name.startswith("."):
            continue
        for folder in (
            styles / "config" / "vocabularies" / name,
            styles / "Vocab" / name,
        ):
            entries = read.text(folder / "accept.txt")
            if entries is not None:
                yield from _entry_words(entries)


def _entry_words(text: str) -> Iterator[str]:
    """The words of a Vale ``accept.txt``: plain entries, and both forms of
    one that gives its first letter both ways."""
    for line in text.splitlines():
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        entry = entry.removeprefix("(?i)")
        if _PLAIN.fullmatch(entry):
            yield entry
            continue
        both = _BOTH_CASES.fullmatch(entry)
        if both is not None:
            yield both.group(1) + both.group(3)
            yield both.group(2) + both.group(3)


def _sphinx_words(root: Path, read: Reader) -> Iterator[str]:
    """The words of the spelling lists of the Sphinx projects at ``root``'s
    usual source folders."""
    for folder in (root / sub if sub else root for sub in SPHINX_FOLDERS):
        conf = folder / "conf.py"
        if not conf.is_file():
            continue
        named = _SPHINX_LIST.search(read.text(conf) or "")
        listed = read.text(
            folder / (named.group(1) if named else "spelling_wordlist.txt")
        )
        if listed is not None:
            for line in listed.splitlines():
                word = line.split("#", 1)[0].strip()
                if word and " " not in word:
                    yield word
