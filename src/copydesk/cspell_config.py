"""The words a project's cSpell configuration accepts.

A docs repository that runs cSpell keeps its accepted words in a config file
at its root (``.cspell.json``, ``cspell.config.yaml`` ...): ``words`` and
``ignoreWords`` lists, and word files named by ``dictionaryDefinitions``
(``.cspell/en-words.txt``). Those are the project's verdicts on its own
vocabulary (product names, jargon, contributors' names); copydesk's spelling
rules would repeat, as findings, words the project has already accepted. So
a run reads them once per configuration and the engine drops a spelling
finding on such a word (``Ruleset.spelling``).

Only the config files at the project's root are read, and only their local
word files (a package's dictionary, ``@cspell/dict-...``, is a language's,
which the lexicon already has). A config copydesk cannot read (JSON with
syntax errors, a word file too large) adds nothing: it is another tool's
file, and the run goes on as without it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from copydesk.lazy_patterns import later_re

#: cSpell's config file names, in its own order of precedence.
CONFIG_NAMES = (
    ".cspell.json",
    "cspell.json",
    ".cSpell.json",
    "cSpell.json",
    "cspell.config.json",
    ".cspell.yaml",
    "cspell.yaml",
    ".cspell.yml",
    "cspell.yml",
    "cspell.config.yaml",
    "cspell.config.yml",
)
#: Largest config or word file read: a word list of a few thousand words is
#: tens of KB.
MAX_BYTES = 4 * 1024 * 1024
#: A JSONC line comment at a line's start, a block comment, a trailing
#: comma (cSpell's JSON files allow all three).
_LINE_COMMENT = later_re(r"(?m)^[ \t]*//[^\n]*")
_BLOCK_COMMENT = later_re(r"(?s)/\*.*?\*/")
_TRAILING_COMMA = later_re(r",(\s*[}\]])")


def project_words(root: Path) -> tuple[str, ...]:
    """The words the cSpell config at ``root`` accepts, case-folded, sorted
    (part of a run's identity: the results cache), empty without one."""
    words: set[str] = set()
    for name in CONFIG_NAMES:
        path = root / name
        data = _read_config(path)
        if data is None:
            continue
        words.update(_words(data.get("words")))
        words.update(_words(data.get("ignoreWords")))
        for file in _dictionary_files(data.get("dictionaryDefinitions"), path.parent):
            words.update(_file_words(file))
    return tuple(sorted(w.casefold() for w in words))


def _read_config(path: Path) -> Mapping[str, Any] | None:
    try:
        if not path.is_file() or path.stat().st_size > MAX_BYTES:
            return None
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if path.suffix == ".json":
        data = _json(text)
        if data is None:  # JSONC: comments and trailing commas, read again
            text = _BLOCK_COMMENT.sub("", _LINE_COMMENT.sub("", text))
            data = _json(_TRAILING_COMMA.sub(r"\1", text))
    else:
        import yaml  # a dependency already; loaded only for a YAML config

        try:
            data = yaml.safe_load(text)
        except (yaml.YAMLError, RecursionError):
            return None
    return data if isinstance(data, dict) else None


def _json(text: str) -> Any:
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def _words(value: Any) -> Iterator[str]:
    if isinstance(value, list):
        yield from (w.strip() for w in value if isinstance(w, str) and w.strip())


def _dictionary_files(value: Any, folder: Path) -> Iterator[Path]:
    """The local word files a config's ``dictionaryDefinitions`` name."""
    if not isinstance(value, list):
        return
    for item in value:
        path = item.get("path") if isinstance(item, dict) else None
        if isinstance(path, str) and not path.startswith(("@", "http:", "https:")):
            yield folder / path


def _file_words(path: Path) -> Iterable[str]:
    """A cSpell word file's words: one a line, ``#`` comments, ``!`` marks a
    forbidden word (left out), ``~`` and ``+`` prefixes dropped."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_BYTES:
            return ()
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return ()
    found = []
    for line in lines:
        word = line.split("#", 1)[0].strip().lstrip("~+")
        if word and not word.startswith("!"):
            found.append(word)
    return found
