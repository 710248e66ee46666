"""atheris fuzz target for the markup readers (not part of the pytest run).

Each input is decoded leniently (lone surrogates kept), read as FORMAT and
checked: the prose view has the source's length, keeps every CR and LF where
they are, and blocks and directives lie inside the text. Any exception is a
crash. Run one format for a bounded time (see fuzz/README.md)::

    FORMAT=markdown python fuzz/fuzz_markup.py -max_total_time=120 -rss_limit_mb=2048
"""

from __future__ import annotations

import os
import sys

import atheris  # type: ignore[import-untyped]  # no stubs published

with atheris.instrument_imports():
    from copydesk import markup
    from copydesk.markup import _mask, html, markdown, plain, rst  # noqa: F401

FORMAT = os.environ.get("FORMAT", "markdown")
if FORMAT not in markup.FORMATS:
    sys.exit(f"FORMAT must be one of {', '.join(markup.FORMATS)}, not {FORMAT!r}")
_read = markup.reader(FORMAT)


def check(text: str) -> None:
    """The invariants every reader promises, for one text."""
    parsed = _read(text)
    if len(parsed.prose) != len(text):
        msg = f"prose length {len(parsed.prose)} != text length {len(text)}"
        raise AssertionError(msg)
    for i, ch in enumerate(text):
        if ch in "\r\n" and parsed.prose[i] != ch:
            raise AssertionError(f"line break at {i} not kept")
    for block in parsed.blocks:
        if not 0 <= block.start <= block.end <= len(text):
            raise AssertionError(f"block {block} outside the text")
    for found in parsed.directives:
        if not 0 <= found.start <= found.end <= len(text):
            raise AssertionError(f"directive {found} outside the text")


def test_one_input(data: bytes) -> None:
    check(data.decode("utf-8", "surrogateescape"))


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
