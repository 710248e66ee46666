"""Baselines: the findings a repository already has, so that only new ones fail.

A team adopting copydesk on years of copy cannot fix every old finding
first. ``copydesk baseline`` records each current finding; ``check
--baseline FILE`` then reports only findings that are not recorded. A
finding is recorded by what stays true while the text around it is edited:

* its rule, its file (relative to the baseline's folder) and the matched
  text, and
* a hash of its neighbourhood: the match with up to :data:`CONTEXT`
  characters either side, within its line, white space collapsed.

Not the line number: inserting a paragraph above would make every finding
below it new. Not the whole line either: in prose a line is a paragraph,
and editing one word of it would bring back every finding in it. Identical
keys (the same slip twice in one passage) are counted, so a third copy is
new. Rewriting the baseline drops what has been fixed.

Pure: findings and texts in, keys and filtered findings out; reading and
writing the file is the CLI's (``copydesk.cli.baseline``).
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from copydesk.errors import CopydeskError
from copydesk.model import Finding

#: The file ``copydesk baseline`` writes by default.
FILE_NAME = ".copydesk-baseline.json"
#: Format version, written into the file; bump on an incompatible change.
VERSION = 1
#: Characters each side of a match that a key depends on.
CONTEXT = 24
_BREAKS = "\r\n"


class Key(NamedTuple):
    """What identifies a finding across edits elsewhere in its file."""

    path: str
    rule: str
    match: str
    context: str


def key_of(finding: Finding, text: str | None, base: str) -> Key:
    """The key of ``finding`` in its file's ``text``; ``base`` is the folder
    that paths are recorded relative to."""
    return Key(
        _relative(finding.path, base),
        finding.rule,
        finding.match,
        _context_hash(finding, text),
    )


def keys_of(
    findings: Iterable[Finding], texts: Mapping[str, str], base: str
) -> Counter[Key]:
    """How many findings have each key (``texts`` by finding path)."""
    return Counter(key_of(f, texts.get(f.path), base) for f in findings)


def new_findings(
    findings: Iterable[Finding],
    texts: Mapping[str, str],
    recorded: Mapping[Key, int],
    base: str,
) -> tuple[list[Finding], int]:
    """The findings not in the baseline, and how many were hidden.

    Findings are matched in order: with a key recorded twice, the first two
    findings that have it are hidden and a third is reported.
    """
    left = Counter(recorded)
    kept: list[Finding] = []
    hidden = 0
    for finding in findings:
        key = key_of(finding, texts.get(finding.path), base)
        if left[key] > 0:
            left[key] -= 1
            hidden += 1
        else:
            kept.append(finding)
    return kept, hidden


def dumps(recorded: Mapping[Key, int]) -> str:
    """The baseline file's text: sorted, one finding per entry, so a rewrite
    shows as a small diff in review."""
    entries = [
        {**key._asdict(), "count": count} for key, count in sorted(recorded.items())
    ]
    document = {"copydesk-baseline": VERSION, "findings": entries}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def loads(text: str, path: str) -> Counter[Key]:
    """Read a baseline file's text; CopydeskError naming ``path`` if malformed."""
    try:
        document = json.loads(text)
    except ValueError as exc:
        reason = f"not a copydesk baseline (invalid JSON: {exc})"
        raise CopydeskError(path, reason) from None
    if not isinstance(document, dict) or "copydesk-baseline" not in document:
        raise CopydeskError(path, "not a copydesk baseline (no 'copydesk-baseline')")
    if document["copydesk-baseline"] != VERSION:
        version = document["copydesk-baseline"]
        reason = f"baseline version {version!r}, expected {VERSION}: rewrite it"
        raise CopydeskError(path, reason)
    recorded: Counter[Key] = Counter()
    for index, entry in enumerate(document.get("findings", [])):
        recorded[_entry(entry, index, path)] += entry["count"]
    return recorded


def _entry(entry: Any, index: int, path: str) -> Key:
    fields = (*Key._fields, "count")
    if not (
        isinstance(entry, dict)
        and all(isinstance(entry.get(name), str) for name in Key._fields)
        and isinstance(entry.get("count"), int)
        and entry["count"] > 0
    ):
        reason = f"findings[{index}]: expected {', '.join(fields)} (count above 0)"
        raise CopydeskError(path, reason)
    return Key(*(entry[name] for name in Key._fields))


def _relative(path: str, base: str) -> str:
    if path == "-":
        return path
    try:
        rel = os.path.relpath(path, base)
    except ValueError:  # another drive (Windows)
        rel = str(Path(path).absolute())
    return rel.replace(os.sep, "/")


def _context_hash(finding: Finding, text: str | None) -> str:
    if text is None:
        left = right = ""  # no source (never so from the CLI)
    else:
        # Read wide, collapse white space, then cut: re-spacing a sentence
        # must not move which characters count.
        line_start = finding.start - (finding.col - 1)
        reach = 4 * CONTEXT
        before = text[max(line_start, finding.start - reach) : finding.start]
        after = text[
            finding.end : min(_line_end(text, finding.end), finding.end + reach)
        ]
        left = _collapse(before)[-CONTEXT:]
        right = _collapse(after)[:CONTEXT]
    around = f"{left}\0{_collapse(finding.match)}\0{right}"
    import hashlib  # here: it loads OpenSSL, and a check without a baseline needs none

    return hashlib.sha256(around.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _line_end(text: str, pos: int) -> int:
    ends = [i for i in (text.find(c, pos) for c in _BREAKS) if i >= 0]
    return min(ends, default=len(text))
