"""A Hunspell dictionary reader, enough for Vale's ``spelling`` rules.

Vale expands a ``.dic`` word list with its ``.aff`` prefix and suffix rules
into a set of accepted forms at load time and looks words up in it (as
written, then lower-cased); numbers, hex and binary literals, hashes and
number-unit pairs (``10px``, if the unit is a word) pass; ``COMPOUNDRULE``
patterns accept compounds; ``ICONV`` pairs normalise the text first. This
module reads the same files the same way, in pure Python.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Dictionary", "DictionaryError"]

_NUMBER = re.compile(r"^([0-9]+[.,-]?)+$")
_NUMBER_UNITS = re.compile(r"^[0-9]+[a-zA-Z]+$")
_HEX = re.compile(r"^0?[x][0-9A-Fa-f]+$")
_BINARY = re.compile(r"^0[b][01]+$")
_HASH = re.compile(r"^[0-9a-z]{40}$")


class DictionaryError(ValueError):
    """A malformed ``.aff`` or ``.dic`` file."""


@dataclass(slots=True)
class _Rule:
    strip: str
    text: str
    condition: re.Pattern[str] | None


@dataclass(slots=True)
class _Affix:
    prefix: bool
    cross: bool
    rules: list[_Rule] = field(default_factory=list)

    def expand(self, word: str) -> list[str]:
        out = []
        for rule in self.rules:
            if rule.condition is not None and not rule.condition.search(word):
                continue
            if self.prefix:
                out.append(rule.text + word)
            else:
                stem = (
                    word[: -len(rule.strip)]
                    if rule.strip and word.endswith(rule.strip)
                    else word
                )
                out.append(stem + rule.text)
        return out


@dataclass(slots=True)
class _AffixFile:
    affixes: dict[str, _Affix] = field(default_factory=dict)
    iconv: list[tuple[str, str]] = field(default_factory=list)
    compound_rules: list[str] = field(default_factory=list)
    compound_words: dict[str, list[str]] = field(default_factory=dict)
    only_in_compound: str = ""

    @classmethod
    def parse(cls, text: str) -> _AffixFile:
        aff = cls()
        for line in text.splitlines():
            parts = line.split()
            if not parts:
                continue
            head = parts[0]
            if head == "ICONV" and len(parts) >= 3:
                aff.iconv.append((parts[1], parts[2]))
            elif head == "ONLYINCOMPOUND" and len(parts) >= 2:
                aff.only_in_compound = parts[1]
            elif head == "COMPOUNDRULE" and len(parts) >= 2 and not parts[1].isdigit():
                aff.compound_rules.append(parts[1])
                for char in parts[1]:
                    aff.compound_words.setdefault(char, [])
            elif head in ("PFX", "SFX"):
                aff._affix_line(head == "PFX", parts)
        return aff

    def _affix_line(self, prefix: bool, parts: list[str]) -> None:
        flag = parts[1][0]
        if len(parts) > 4:
            affix = self.affixes.get(flag)
            if affix is None:
                raise DictionaryError(f"rules for flag {flag!r} but no definition")
            condition = None
            if parts[4] != ".":
                source = "^" + parts[4] if affix.prefix else parts[4] + "$"
                try:
                    condition = re.compile(source)
                except re.error:
                    raise DictionaryError(f"unable to compile {source}") from None
            strip = "" if parts[2] == "0" else parts[2]
            text = "" if parts[3] == "0" else parts[3].split("/")[0]
            affix.rules.append(_Rule(strip, text, condition))
        elif len(parts) > 3:
            if parts[2] not in ("Y", "N"):
                raise DictionaryError(f"cross product is not Y or N: {parts[2]!r}")
            self.affixes[flag] = _Affix(prefix, parts[2] == "Y")

    def expand(self, entry: str) -> list[str]:
        if "/" not in entry:
            return [entry]
        slash = entry.index("/")
        if slash == 0 or slash + 1 == len(entry):
            raise DictionaryError(f"slash at the edge of {entry!r}")
        word, flags = entry[:slash], entry[slash + 1 :]
        only_compound = False
        for flag in flags:
            if flag in self.only_in_compound:
                only_compound = True
            elif flag in self.compound_words:
                self.compound_words[flag].append(word)
        if only_compound:
            return []
        out = [word]
        prefixes: list[_Affix] = []
        suffixes: list[_Affix] = []
        for flag in flags:
            affix = self.affixes.get(flag)
            if affix is None:
                continue
            if not affix.cross:
                out.extend(affix.expand(word))
            elif affix.prefix:
                prefixes.append(affix)
            else:
                suffixes.append(affix)
        for suffix in suffixes:
            out.extend(suffix.expand(word))
        for prefix in prefixes:
            prefixed = prefix.expand(word)
            out.extend(prefixed)
            for suffix in suffixes:
                for form in prefixed:
                    out.extend(suffix.expand(form))
        return out


class Dictionary:
    """The accepted forms of one ``.dic``/``.aff`` pair, plus word lists."""

    def __init__(self, aff_text: str, dic_text: str) -> None:
        aff = _AffixFile.parse(aff_text)
        self.words: set[str] = set()
        for line in dic_text.splitlines()[1:]:
            entry = line.split("\t")[0]
            if entry:
                self.words.update(aff.expand(entry))
        self.compounds = [self._compound(aff, rule) for rule in aff.compound_rules]
        self.iconv = aff.iconv

    @staticmethod
    def _compound(aff: _AffixFile, rule: str) -> re.Pattern[str]:
        pattern = "^"
        for key in rule:
            if key in "()+?*":
                pattern += re.escape(key)
            else:
                pattern += "(" + "|".join(aff.compound_words.get(key, [])) + ")"
        return re.compile(pattern + "$")

    @classmethod
    def load(cls, dic: Path, aff: Path) -> Dictionary:
        """Read a dictionary pair (raises OSError or DictionaryError)."""
        aff_text = aff.read_text(encoding="utf-8", errors="replace")
        return cls(aff_text, dic.read_text(encoding="utf-8", errors="replace"))

    def add_word_list(self, path: Path) -> None:
        """Accept every non-empty line of ``path``."""
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            word = line.strip()
            if word and word != "#":
                self.words.add(word)

    def convert(self, text: str) -> str:
        """Apply the ``ICONV`` replacements."""
        for old, new in self.iconv:
            text = text.replace(old, new)
        return text

    def spell(self, word: str) -> bool:
        """Whether ``word`` is spelled correctly."""
        words = self.words
        if word in words or word.lower() in words:
            return True
        if _NUMBER.match(word) or _HEX.match(word) or _BINARY.match(word):
            return True
        if _HASH.match(word):
            return True
        if any(pattern.match(word) for pattern in self.compounds):
            return True
        if _NUMBER_UNITS.match(word):
            unit = word.lstrip("0123456789")
            return unit in words
        return False
