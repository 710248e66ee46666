"""Validation of rule-file mappings: every key known, every value well typed.

A bad rule file is reported as ``<path>: key '<key>': <reason>`` and never as
a traceback, so each check type declares its keys with ``Key`` and reads them
through ``read_keys``.
"""

from collections.abc import Mapping
from typing import Any, NamedTuple

from copydesk.errors import RuleError

_TYPE_NAMES = {
    str: "a string",
    bool: "true or false",
    int: "an integer",
    float: "a number",
    list: "a list",
    dict: "a mapping",
}


class Key(NamedTuple):
    """One allowed key: its name, accepted Python types and whether it is required."""

    name: str
    types: tuple[type, ...]
    required: bool = False
    item_types: tuple[type, ...] = ()

    def describe(self) -> str:
        names = [_TYPE_NAMES.get(t, t.__name__) for t in self.types]
        return " or ".join(names)


def read_keys(
    data: Mapping[str, Any], keys: Mapping[str, Key], source: str
) -> dict[str, Any]:
    """Check ``data`` against ``keys``; raise RuleError on the first fault."""
    for name in data:
        if name not in keys:
            raise RuleError(source, f"key {name!r}: unknown key")
    for key in keys.values():
        if key.name not in data:
            if key.required:
                raise RuleError(source, f"key {key.name!r}: missing required key")
            continue
        value = data[key.name]
        check_type(value, key, source)
    return dict(data)


def check_type(value: Any, key: Key, source: str) -> None:
    """Raise RuleError unless ``value`` has one of the key's types."""
    # bool is an int subclass; never accept true/false where a number is meant.
    ok = isinstance(value, key.types) and not (
        isinstance(value, bool) and bool not in key.types
    )
    if not ok:
        raise RuleError(
            source,
            f"key {key.name!r}: expected {key.describe()}, got {_kind(value)}",
        )
    if key.item_types and isinstance(value, list):
        for item in value:
            if not isinstance(item, key.item_types) or isinstance(item, bool):
                want = " or ".join(
                    _TYPE_NAMES.get(t, t.__name__) for t in key.item_types
                )
                raise RuleError(
                    source,
                    f"key {key.name!r}: every item must be {want}, got {_kind(item)}",
                )


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    return _TYPE_NAMES.get(type(value), type(value).__name__)
