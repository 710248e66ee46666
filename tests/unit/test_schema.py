"""Rule-file keys: unknown, missing and mistyped keys are one error each."""

from __future__ import annotations

import pytest

from copydesk.errors import RuleError
from copydesk.schema import Key, read_keys

KEYS = {
    k.name: k
    for k in (
        Key("extends", (str,), required=True),
        Key("level", (str,)),
        Key("max", (int,)),
        Key("tokens", (list,), item_types=(str,)),
    )
}


def test_valid_data_is_returned() -> None:
    data = {"extends": "existence", "tokens": ["a", "b"], "max": 3}
    assert read_keys(data, KEYS, "rules/x/A.yml") == data


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({"extends": "existence", "tokns": []}, "key 'tokns': unknown key"),
        ({"level": "warning"}, "key 'extends': missing required key"),
        ({"extends": "existence", "max": True}, "key 'max'"),
        ({"extends": "existence", "max": "3"}, "key 'max'"),
        ({"extends": "existence", "tokens": ["a", 1]}, "key 'tokens'"),
    ],
)
def test_each_fault_names_the_file_and_key(
    data: dict[str, object], reason: str
) -> None:
    with pytest.raises(RuleError) as caught:
        read_keys(data, KEYS, "rules/x/A.yml")
    assert caught.value.path == "rules/x/A.yml"
    assert caught.value.reason.startswith(reason)
