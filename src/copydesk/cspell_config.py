"""The words a project's cSpell configuration accepts.

A docs repository that runs cSpell keeps its accepted words in a config file
at its root (``.cspell.json``, ``cspell.config.yaml`` ...): ``words`` and
``ignoreWords`` lists, and word files named by ``dictionaryDefinitions``
(``.cspell/en-words.txt``). Those are the project's verdicts on its own
vocabulary (product names, jargon, contributors' names); copydesk's spelling
rules would repeat, as findings, words the project has already accepted. So
a run reads them once per configuration and the engine drops a spelling
finding on such a word (``Ruleset.spelling``).

The config is looked for as cSpell looks for it: in the folder of the
copydesk config that applies (or the run's folder) and its parents, up to
the repository's root (the folder with ``.git``); the first folder holding
one is the project's. Only its local word files are read (a package's
dictionary, ``@cspell/dict-...``, is a language's, which the lexicon already
has), each once, inside that folder, ``MAX_BYTES`` in all. A config
copydesk cannot read (JSON with syntax errors, a word file too large) adds
nothing: it is another tool's file, and the run goes on as without it.

``project_words`` is the one place a run asks for a project's accepted
words: it adds those of the project's Vale vocabularies and Sphinx spelling
lists (:mod:`copydesk.accept_lists`) to cSpell's, within the same budget.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from copydesk import accept_lists
from copydesk.document import Document
from copydesk.lazy_patterns import later_re
from copydesk.model import Finding

#: cSpell's config file names, in its own order of precedence.
CONFIG_NAMES = (
    ".cspell.json",
    "cspell.json",
    ".cspell.jsonc",
    "cspell.jsonc",
    ".cSpell.json",
    "cSpell.json",
    "cspell.config.json",
    "cspell.config.jsonc",
    ".cspell.yaml",
    "cspell.yaml",
    ".cspell.yml",
    "cspell.yml",
    "cspell.config.yaml",
    "cspell.config.yml",
)
#: Most bytes of config and word files read for one project: a word list of
#: a few thousand words is tens of KB.
MAX_BYTES = 4 * 1024 * 1024
#: A JSONC line comment (at a line's start or after a value's comma,
#: bracket or quote; not the ``//`` of an address in a string), a block
#: comment, a trailing comma (cSpell's JSON files allow all three).
_LINE_COMMENT = later_re(r"(?m)(^|[,\[\]{}\"0-9el])[ \t]*//[^\n]*")
_BLOCK_COMMENT = later_re(r"(?s)/\*.*?\*/")
_TRAILING_COMMA = later_re(r",(\s*[}\]])")


def project_words(start: Path) -> ProjectWords:
    """The words the project holding ``start`` accepts, case-folded (their
    digest is part of a run's identity: the results cache): its cSpell
    config's, and its Vale vocabularies' and Sphinx spelling lists'
    (:mod:`copydesk.accept_lists`); none without any."""
    # One budget for every file read; cSpell's configs are read where they
    # are found (its word files are kept inside its folder when named), the
    # other lists only inside the project.
    cspell = accept_lists.Reader(MAX_BYTES)
    words = _cspell_words(start, cspell)
    folders = accept_lists.upward(start)
    inside = accept_lists.repository_root(start) or (folders[0] if folders else None)
    reader = accept_lists.Reader(cspell.budget, inside=inside)
    words.update(accept_lists.accepted_words(start, reader))
    return ProjectWords(w.casefold() for w in words) if words else NO_WORDS


def _cspell_words(start: Path, reader: accept_lists.Reader) -> set[str]:
    """The words the cSpell config of the project holding ``start`` accepts."""
    folder = _config_folder(start)
    words: set[str] = set()
    if folder is None:
        return words
    read: set[Path] = set()
    for name in CONFIG_NAMES:
        path = folder / name
        data = _read_config(path, reader)
        if data is None:
            continue
        words.update(_words(data.get("words")))
        words.update(_words(data.get("ignoreWords")))
        for file in _dictionary_files(data.get("dictionaryDefinitions"), folder):
            if file not in read:
                read.add(file)
                words.update(_file_words(file, reader))
    return words


def _config_folder(start: Path) -> Path | None:
    """The nearest folder from ``start`` up to the repository's root that
    holds a cSpell config; None when none does."""
    for folder in accept_lists.upward(start):
        if any((folder / name).is_file() for name in CONFIG_NAMES):
            return folder
    return None


def _read_config(path: Path, reader: accept_lists.Reader) -> Mapping[str, Any] | None:
    text = reader.text(path)
    if text is None:
        return None
    if path.suffix in (".json", ".jsonc"):
        data = _json(text)
        if data is None:  # JSONC: comments and trailing commas, read again
            text = _BLOCK_COMMENT.sub("", _LINE_COMMENT.sub(r"\1", text))
            data = _json(_TRAILING_COMMA.sub(r"\1", text))
    else:
        import yaml  # a dependency already; loaded only for a YAML config

        try:
            data = yaml.safe_load(text)
        except (yaml.YAMLError, RecursionError):
            return None
    return data if isinstance(data, dict) else None


def _json(text: str) -> Any:
    import json  # only for a JSON config: a run without one never needs it

    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


class ProjectWords:
    """A project's accepted words, as a run's options hold them: hashed and
    compared by their digest (a run groups its files by options, and a
    tuple of 400,000 words was hashed again for every file), shown by it in
    the results cache's identity."""

    __slots__ = ("_hash", "digest", "words")

    def __init__(self, words: Iterable[str] = ()) -> None:
        self.words = frozenset(words)
        self.digest = ""
        if self.words:  # hashlib only for a project that has words
            import hashlib

            joined = "\n".join(sorted(self.words)).encode("utf-8")
            self.digest = hashlib.sha256(joined).hexdigest()[:16]
        self._hash = hash(self.digest)

    def __bool__(self) -> bool:
        return bool(self.words)

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ProjectWords) and other.digest == self.digest

    def __repr__(self) -> str:
        return f"ProjectWords({self.digest!r})"

    def __getstate__(self) -> tuple[frozenset[str], str]:
        return self.words, self.digest

    def __setstate__(self, state: tuple[frozenset[str], str]) -> None:
        self.words, self.digest = state
        self._hash = hash(self.digest)

    def accepts(self, doc: Document, finding: Finding) -> bool:
        """Whether the word ``finding`` reports (or the word before its
        possessive ending) is one of these."""
        word = doc.text[finding.start : finding.end].casefold()
        if word in self.words:
            return True
        for ending in ("'s", "’s"):
            if word.endswith(ending) and word[: -len(ending)] in self.words:
                return True
        return False


#: No accepted words (no cSpell config, or ``--isolated``).
NO_WORDS = ProjectWords()


def _words(value: Any) -> Iterator[str]:
    if isinstance(value, list):
        yield from (w.strip() for w in value if isinstance(w, str) and w.strip())


def _dictionary_files(value: Any, folder: Path) -> Iterator[Path]:
    """The local word files a config's ``dictionaryDefinitions`` name,
    inside the project's folder (not ``/etc/passwd``, not ``../other``)."""
    if not isinstance(value, list):
        return
    for item in value:
        path = item.get("path") if isinstance(item, dict) else None
        if not isinstance(path, str) or path.startswith(("@", "http:", "https:")):
            continue
        try:
            file = (folder / path).resolve()
        except (OSError, RuntimeError, ValueError):
            continue
        if file.is_relative_to(folder):
            yield file


def _file_words(path: Path, reader: accept_lists.Reader) -> Iterable[str]:
    """A cSpell word file's words: one a line, ``#`` comments, ``!`` marks a
    forbidden word (left out), ``~`` and ``+`` prefixes dropped."""
    text = reader.text(path)
    if text is None:
        return ()
    found = []
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip().lstrip("~+")
        if word and not word.startswith("!"):
            found.append(word)
    return found
