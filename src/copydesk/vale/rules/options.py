"""A rule's YAML keys, read with Vale's loose typing.

Vale decodes rule files with mapstructure in weakly-typed mode: key names
match case-insensitively, a single string stands for a one-item list, numbers
and booleans written as strings are read as such, and YAML booleans in a
``swap`` map become ``"1"``/``"0"``. A value that cannot be read so is a
one-line :class:`~copydesk.errors.RuleError` naming the file and the key.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from copydesk.errors import RuleError
from copydesk.vale.regex import compile_vale

__all__ = ["RuleOptions", "as_text"]

_TRUE = {"1", "t", "T", "TRUE", "true", "True"}
_FALSE = {"0", "f", "F", "FALSE", "false", "False", ""}


def as_text(value: Any) -> str:
    """A scalar as mapstructure's weak decoding turns it into a string."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (str, int, float)):
        return str(value)
    raise TypeError(type(value).__name__)


@dataclass(frozen=True, slots=True)
class RuleOptions:
    """The keys of one rule file, lower-cased, with typed accessors."""

    path: str
    values: Mapping[str, Any]
    accepted: Sequence[str] = ()
    word_template: str = ""
    styles_paths: Sequence[Path] = ()

    def _fail(self, key: str, expected: str, value: Any) -> RuleError:
        return RuleError(
            self.path,
            f"'{key}' expected {expected}, got {type(value).__name__} {value!r}",
        )

    def has(self, key: str) -> bool:
        return key in self.values

    def string(self, key: str, default: str = "") -> str:
        value = self.values.get(key)
        if value is None:
            return default
        try:
            return as_text(value)
        except TypeError:
            raise self._fail(key, "a string", value) from None

    def strings(self, key: str) -> list[str]:
        value = self.values.get(key)
        if value is None:
            return []
        items = value if isinstance(value, list) else [value]
        try:
            return [as_text(item) for item in items]
        except TypeError:
            raise self._fail(key, "a list of strings", value) from None

    def flag(self, key: str, default: bool = False) -> bool:
        value = self.values.get(key)
        if value is None:
            return default
        if isinstance(value, bool):
            return value
        if isinstance(value, (int, float)):
            return value != 0
        if isinstance(value, str) and value in _TRUE | _FALSE:
            return value in _TRUE
        raise self._fail(key, "a boolean", value)

    def number(self, key: str, default: float = 0.0) -> float:
        value = self.values.get(key)
        if value is None:
            return default
        if isinstance(value, bool):
            return 1.0 if value else 0.0
        try:
            return float(value)
        except (TypeError, ValueError):
            raise self._fail(key, "a number", value) from None

    def integer(self, key: str, default: int = 0) -> int:
        value = self.values.get(key)
        if value is None:
            return default
        if isinstance(value, float):
            return int(value)
        if isinstance(value, str):
            try:
                return int(value, 0)
            except ValueError:
                raise self._fail(key, "an integer", value) from None
        if isinstance(value, int):
            return int(value)
        raise self._fail(key, "an integer", value)

    def mapping(self, key: str) -> dict[str, str]:
        value = self.values.get(key)
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            raise self._fail(key, "a map", value)
        try:
            return {as_text(k): as_text(v) for k, v in value.items()}
        except TypeError:
            raise self._fail(key, "a map of strings", value) from None

    def compile(self, pattern: str) -> regex.Pattern[str]:
        """Compile a pattern, or fail naming the rule file."""
        try:
            return compile_vale(pattern)
        except (regex.error, RecursionError, OverflowError, ValueError) as exc:
            raise RuleError(self.path, f"invalid pattern: {exc}") from None
