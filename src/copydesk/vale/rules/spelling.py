"""``extends: spelling``: words missing from Hunspell dictionaries.

A rule names its dictionary by ``dic``/``aff`` paths, by ``dictionaries``
names looked up in ``dicpath`` (or ``$DICPATH``), or not at all; then Vale
uses the English dictionary compiled into its binary, which copydesk does
not have, so such a rule needs ``config/dictionaries/*.dic`` on the
StylesPath or is skipped with a warning. Words are Vale's tokens; by default
words with a digit, hyphen or non-ASCII letter, camel-case words and words
ending in capitals are not checked (``custom: true`` drops those filters);
``ignore`` files and the accepted vocabulary add words.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import regex

from copydesk.errors import RuleError
from copydesk.vale.hunspell import Dictionary, DictionaryError
from copydesk.vale.messages import format_message
from copydesk.vale.model import Alert, Block, LintFile
from copydesk.vale.nlp import tokenize_words
from copydesk.vale.rules.base import Definition, is_match
from copydesk.vale.rules.options import RuleOptions

__all__ = ["MissingDictionaryError", "Spelling"]

#: The dictionary compiled into Vale (errata-ai/en_US-web).
BUILTIN_DICTIONARY = "en_US-web"
_DEFAULT_FILTERS = (
    re.compile(r"[A-Z]{1}[a-z]+[A-Z]+\w+"),
    re.compile(r"[A-Z]+$"),
    re.compile(r"[^a-zA-Z_']"),
)


class MissingDictionaryError(Exception):
    """A spelling rule that would use Vale's built-in dictionary."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f"{name}: needs Vale's built-in dictionary; put en_US-web.dic and "
            "en_US-web.aff in <StylesPath>/config/dictionaries/ (or set "
            "'dic'/'aff'); rule skipped"
        )
        self.name = name


@dataclass(slots=True)
class Spelling:
    """Hunspell dictionaries, word filters and exceptions."""

    definition: Definition
    dictionaries: list[Dictionary]
    filters: list[re.Pattern[str]]
    exceptions: regex.Pattern[str] | None = None
    _cache: dict[str, bool] = field(default_factory=dict)

    @classmethod
    def build(cls, definition: Definition, keys: RuleOptions) -> Spelling:
        try:
            filters = [re.compile(f) for f in keys.strings("filters")]
        except re.error as exc:
            raise RuleError(keys.path, f"filters: {exc}") from None
        if not keys.flag("custom"):
            filters.extend(_DEFAULT_FILTERS)
        exceptions = None
        if keys.accepted:
            exceptions = keys.compile("(?i)" + "|".join(keys.accepted))
        dictionaries = _dictionaries(definition, keys)
        for name in keys.strings("ignore"):
            for candidate in _ignore_paths(name, keys.styles_paths):
                if candidate.is_file():
                    for dictionary in dictionaries:
                        dictionary.add_word_list(candidate)
        if definition.name == "Vale.Spelling":
            for root in keys.styles_paths:
                for path in sorted((root / "config" / "ignore").glob("**/*.txt")):
                    for dictionary in dictionaries:
                        dictionary.add_word_list(path)
        return cls(definition, dictionaries, filters, exceptions)

    def _spelled(self, word: str) -> bool:
        known = self._cache.get(word)
        if known is None:
            known = any(d.spell(word) for d in self.dictionaries)
            self._cache[word] = known
        return known

    def run(self, block: Block, _file: LintFile, /) -> list[Alert]:
        text = block.text
        for dictionary in self.dictionaries:
            text = dictionary.convert(text)
        alerts: list[Alert] = []
        definition = self.definition
        for word in tokenize_words(text):
            if any(f.search(word) for f in self.filters):
                continue
            if self._spelled(word) or is_match(self.exceptions, word):
                continue
            offset = text.find(word)
            alert = Alert(
                check=definition.name,
                severity=definition.level,
                message=format_message(definition.message, word),
                match=word,
                span=[offset, offset + len(word)],
                link=definition.link,
                action=definition.action,
            )
            alert.description = format_message(definition.description, word)
            alerts.append(alert)
        return alerts


def _ignore_paths(name: str, styles: Sequence[Path]) -> list[Path]:
    paths = [Path(name).absolute()]
    for root in styles[-1:]:
        paths += [root / name, root / "config" / "ignore" / name]
    return paths


def _find_asset(name: str, keys: RuleOptions) -> Path | None:
    if not name:
        return None
    for root in keys.styles_paths:
        for candidate in (root / name, root / "config" / "dictionaries" / name):
            if candidate.is_file():
                return candidate
    return None


def _load(dic: Path, aff: Path, path: str) -> Dictionary:
    try:
        return Dictionary.load(dic, aff)
    except (OSError, DictionaryError) as exc:
        raise RuleError(path, f"dictionary {dic.name}: {exc}") from None


def _builtin(keys: RuleOptions, roots: Sequence[Path]) -> tuple[Path, Path] | None:
    """Vale's compiled-in dictionary, if the user supplied it: the same
    ``en_US-web`` pair in ``config/dictionaries`` or the dictionary paths."""
    folders = [root / "config" / "dictionaries" for root in keys.styles_paths[-1:]]
    return _named(BUILTIN_DICTIONARY, [*folders, *roots])


def _dictionaries(definition: Definition, keys: RuleOptions) -> list[Dictionary]:
    """Vale's ``makeSpeller``: the dictionaries a spelling rule checks with."""
    aff = _find_asset(keys.string("aff"), keys)
    dic = _find_asset(keys.string("dic"), keys)
    if aff is not None and dic is not None:
        return [_load(dic, aff, keys.path)]
    internal = definition.path == "internal"
    defaults = [root / "config" / "dictionaries" for root in keys.styles_paths[-1:]]
    roots: list[Path] = list(defaults) if internal else []
    if keys.string("dicpath"):
        dicpath = keys.string("dicpath")
        styles = keys.styles_paths[-1:]
        options = [Path(dicpath), *(s / dicpath for s in styles), Path.cwd() / dicpath]
        found = next((p for p in options if p.is_dir()), None)
        if found is None:
            raise RuleError(keys.path, "unable to resolve dicpath")
        roots.append(found)
    if os.environ.get("DICPATH"):
        roots.append(Path(os.environ["DICPATH"]))
    loaded: list[Dictionary] = []
    for name in keys.strings("dictionaries"):
        pair = _named(name, roots)
        if pair is None:
            raise RuleError(
                keys.path, f"'{name}.dic' not found in {[str(r) for r in roots]}"
            )
        loaded.append(_load(pair[0], pair[1], keys.path))
    if not loaded or keys.flag("append"):
        builtin = _builtin(keys, roots)
        if builtin is None:
            raise MissingDictionaryError(definition.name)
        loaded.append(_load(builtin[0], builtin[1], keys.path))
    if internal:
        for folder in defaults:
            for dic_file in sorted(folder.glob("*.dic")):
                pair = _named(dic_file.stem, [folder])
                if pair is not None and dic_file.stem != BUILTIN_DICTIONARY:
                    loaded.append(_load(pair[0], pair[1], keys.path))
    return loaded


def _named(name: str, roots: Sequence[Path]) -> tuple[Path, Path] | None:
    for root in roots:
        dic, aff = root / f"{name}.dic", root / f"{name}.aff"
        if dic.is_file() and aff.is_file():
            return dic, aff
    return None
