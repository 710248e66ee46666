"""Module constant patterns compile on first use and answer as compiled ones."""

from __future__ import annotations

import re

import pytest
import regex

from copydesk.lazy_patterns import later_re, later_regex


def _compiled(pattern: object) -> bool:
    return "_compiled" in vars(pattern)


def test_a_constant_compiles_on_first_use_and_answers_as_the_compiled_one() -> None:
    lazy = later_re(r"<(?:a|button)\b[^<>]*>\s*\Z", re.IGNORECASE)
    assert not _compiled(lazy)
    eager = re.compile(r"<(?:a|button)\b[^<>]*>\s*\Z", re.IGNORECASE)
    text = 'Read <A href="x">  '
    assert lazy.search(text).span() == eager.search(text).span()  # type: ignore[union-attr]
    assert _compiled(lazy)
    assert (lazy.pattern, lazy.flags) == (eager.pattern, eager.flags)
    assert lazy.sub("", text) == eager.sub("", text) == "Read "


def test_a_regex_constant_keeps_its_flags_and_unicode_classes() -> None:
    lazy = later_regex(r"[ \u00a0]+(\p{Lu}\w*)", regex.VERSION0)
    assert not _compiled(lazy)
    assert lazy.match(" Łódź", 0).group(1) == "Łódź"  # type: ignore[union-attr]
    assert lazy.flags & regex.VERSION0


def test_a_bad_pattern_fails_where_it_is_first_used() -> None:
    lazy = later_re("(")
    with pytest.raises(re.error):
        lazy.search("(")
