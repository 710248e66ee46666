"""BCP 47 shape: the tags copydesk reads, and the near misses users type."""

from __future__ import annotations

import pytest

from copydesk.langtag import tag_problem


@pytest.mark.parametrize(
    "tag",
    [
        "en",
        "en-GB",
        "de-CH-1996",
        "zh-Hant-TW",
        "sr-Latn",
        "es-419",
        "x-house",
        "EN-gb",
    ],
)
def test_well_formed_tags_pass(tag: str) -> None:
    assert tag_problem(tag) is None


@pytest.mark.parametrize(
    ("tag", "problem"),
    [
        (
            "en_GB",
            "expected a BCP 47 language tag, got 'en_GB' (did you mean 'en-GB'?)",
        ),
        ("english", "such as en, en-GB, de-CH or pt-BR, got 'english'"),
        ("en-", "got 'en-'"),
        ("", "got ''"),
        ("e", "got 'e'"),
    ],
)
def test_malformed_tags_say_what_was_expected(tag: str, problem: str) -> None:
    found = tag_problem(tag)
    assert found is not None
    assert problem in found
