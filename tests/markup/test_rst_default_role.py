"""reST interpreted text without a role (```x```) is code, not prose.

Sphinx projects make it their default role for code and cross-references
(``default_role = "any"`` or ``"py:obj"``), so quote marks and names inside
it are never running text. It is masked like an inline literal: offsets and
line breaks stay those of the source. An explicit ``:title-reference:`` is a
title and stays prose. Every finding test here failed before the masking.
"""

from __future__ import annotations

from copydesk.markup.rst import parse_rst

from .helpers import assert_masked, assert_shown, check_invariants
from .test_reader_gaps import findings as _findings


def findings(text: str) -> list[tuple[int, int, str]]:
    """(line, column, rule) of the default packs' findings on a reST text."""
    return _findings(text, "rst")


CHANGES = """\
Release notes
=============

Bug fixes
---------

- Fixed a ``KeyError`` raised as `KeyError: 'retries'` when the option was
  left out of the settings file.
- The loader no longer trips on `open(path, 'rb')` calls that
  pass the mode as a keyword; see `Loader.read` for details.
- Renamed the `don't-retry` flag, which the "quiet" mode ignored.

New features
------------

A worker now reads `CELERY_'HOST` from the environment, as the
:class:`Settings` object does. The guide's chapter on :title-reference:`Tom's
"Handbook` explains why.
"""


def test_quotes_inside_default_role_text_are_not_read() -> None:
    # Before: 7:45 and 16:28 quotes.Unclosed on the ' inside the backticks.
    # The unclosed " of the explicit title reference is a real finding.
    assert findings(CHANGES) == [(18, 1, "quotes.Unclosed")]


def test_default_role_text_is_masked_with_its_backticks() -> None:
    parsed = parse_rst(CHANGES)
    check_invariants(CHANGES, parsed)
    for phrase in [
        "`KeyError: 'retries'`",
        "`open(path, 'rb')`",
        "`Loader.read`",
        "`don't-retry`",
        "`CELERY_'HOST`",
        ":class:`Settings`",
    ]:
        assert_masked(CHANGES, parsed.prose, phrase)
    for phrase in [
        "when the option was",
        "left out of the settings file.",
        "calls that",
        'which the "quiet" mode ignored.',
        "from the environment, as the",
        "Tom's",
        '"Handbook',
    ]:
        assert_shown(CHANGES, parsed.prose, phrase)


def test_default_role_text_over_two_lines_keeps_offsets() -> None:
    text = (
        "Pass `mode='w'\n"
        "or 'a'` to the writer, then call\n"
        "`flush()`; the 'safe' option waits for the disk.\n"
    )
    parsed = parse_rst(text)
    check_invariants(text, parsed)
    assert parsed.prose.count("\n") == text.count("\n")
    assert_masked(text, parsed.prose, "`mode='w'")
    assert_masked(text, parsed.prose, "or 'a'`")
    assert_masked(text, parsed.prose, "`flush()`")
    assert_shown(text, parsed.prose, "to the writer, then call")
    assert_shown(text, parsed.prose, "the 'safe' option waits for the disk.")
    # Before: 2:4 quotes.Unclosed on the ' that opens 'a' inside the span.
    assert findings(text) == []


def test_reset_default_role_is_masked_and_explicit_titles_stay_prose() -> None:
    text = (
        ".. default-role:: literal\n\n"
        "Call `close('now')` once.\n\n"
        ".. default-role::\n\n"
        "Then `open('r)` reads the file.\n\n"
        "Read `Tom's \"Guide`:title: first; the `quick` path is next.\n"
    )
    parsed = parse_rst(text)
    check_invariants(text, parsed)
    assert_masked(text, parsed.prose, "`close('now')`")
    assert_masked(text, parsed.prose, "`open('r)`")
    assert_masked(text, parsed.prose, "`quick`")
    assert_shown(text, parsed.prose, "Tom's \"Guide")
    # Before: 7:12 quotes.Unclosed on the ' in `open('r)`; the unclosed " of
    # the explicit title is a real one.
    assert findings(text) == [(9, 13, "quotes.Unclosed")]
