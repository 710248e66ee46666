"""Where Vale reports an alert: its line and column in the source file.

Vale lints text it has pulled out of the markup, so it finds each match again
in the source by searching: the block's text in the file's context (the file
with already-linted text blanked), then the match with word boundaries, then
a guess by sentence. The results are quirky (a repeated word can be reported
at its first occurrence in the line, a column is clamped to the line's
length), and style packages' tests pin them, so this module reproduces the
search step by step (``core.File.AddAlert``, ``FindLoc``, ``assignLoc`` and
``initialPosition``). Columns count code points; Go's byte-indexed slices are
reproduced where Vale slices with character offsets.
"""

from __future__ import annotations

import re

from copydesk.vale.gostr import byte_slice, fields, split_after, substitute
from copydesk.vale.model import Alert, Block, LintFile
from copydesk.vale.nlp import segment, tokenize_words

__all__ = ["add_alert"]

_CONTEXT_CAP = 1000


def _rune_len_of_bytes(raw: bytes) -> int:
    return len(raw.decode("utf-8", errors="replace"))


def initial_position(ctx: str, txt: str, alert: Alert) -> tuple[int, str]:
    """``initialPosition``: the 1-based column of the alert's match in ``ctx``
    (rune count) and the text it spans, or ``-1``."""
    if alert.match == "":
        return 1, ""
    offset = ctx.find(txt)
    if offset >= 0:
        ctx, _ = substitute(ctx, ctx[:offset], "@")
    sub = alert.match
    raw = ctx.encode("utf-8")
    needle = sub.encode("utf-8")
    pattern = re.compile(rb"(?:^|\b|_)" + re.escape(needle) + rb"(?:_|\b|\Z)")
    found = list(pattern.finditer(raw))
    if not found:
        idx = raw.find(needle)
        if idx < 0:
            return _guess_location(ctx, txt, sub)
    else:
        idx = found[0].start()
        size = len(raw)
        for match in found:
            before = match.start() - 1
            after = match.end() + 1
            if before > 0 and raw[before] in b"`-":
                continue
            if after < size and raw[after] in b"`-":
                continue
            idx = match.start()
            break
    if raw[idx:].startswith(b"_"):
        idx += 1
    return _rune_len_of_bytes(raw[:idx]) + 1, sub


def _guess_location(ctx: str, txt: str, match: str) -> tuple[int, str]:
    """``guessLocation``: find the line holding every word of the sentence
    that holds the match."""
    target = ""
    for sentence in segment(txt):
        if sentence == match or sentence.find(match) > 0:
            target = sentence
    if not target:
        return -1, txt
    tokens = tokenize_words(target)
    for line in ctx.split("\n"):
        if all(token in line for token in tokens):
            byte_index = ctx.encode("utf-8").find(line.encode("utf-8"))
            return byte_index + 1, line
    return -1, txt


def _clamp(loc: list[int], length: int, pad: int) -> None:
    extent = length + pad
    if loc[1] > extent:
        loc[1] = extent
    elif loc[1] <= 0:
        loc[1] = 1


def find_loc(
    file: LintFile, ctx: str, text: str, pad: int, count: int, alert: Alert
) -> tuple[int, list[int]]:
    """``File.FindLoc``: place the alert by searching ``ctx``."""
    for token in alert.offset:
        ctx, _ = substitute(ctx, token, "@")
    pos, substring = initial_position(ctx, text, alert)
    if pos < 0:
        return pos, [0, 0]
    loc = alert.span
    if (file.format == "markup" and not file.simple) or file.format == "fragment":
        lines = file.lines
    else:
        lines = split_after(ctx)
    counter = 0
    for idx, line in enumerate(lines):
        length = len(line)
        if counter + length >= pos:
            loc[0] = (pos - counter) + pad
            loc[1] = loc[0] + len(substring) - 1
            _clamp(loc, length, pad)
            return count - (len(lines) - (idx + 1)), loc
        counter += length
    return count, loc


def assign_loc(ctx: str, block: Block, pad: int, alert: Alert) -> tuple[int, list[int]]:
    """``File.assignLoc``: place the alert on the block's own line (or on a
    line holding the match at the same offsets)."""
    loc = alert.span
    match_bytes = alert.match.encode("utf-8")
    for idx, line in enumerate(split_after(ctx)):
        if loc[0] < 0 or loc[1] < 0:
            continue
        raw = line.encode("utf-8")
        exact = len(raw) > loc[1] and raw[loc[0] : loc[1]] == match_bytes
        if exact or idx == block.line:
            pos, substring = initial_position(line, block.text, alert)
            loc[0] = pos + pad
            loc[1] = pos + len(substring) - 1
            _clamp(loc, len(line), pad)
            return idx + 1, loc
    return block.line + 1, alert.span


def add_alert(
    file: LintFile, alert: Alert, block: Block, lines: int, pad: int, lookup: bool
) -> None:
    """``File.AddAlert``: place ``alert`` and keep it unless it repeats an
    alert of the same rule at the same place or exceeds the rule's limit."""
    ctx = file.chk_to_ctx.get(alert.check, block.context)
    if (
        not alert.offset
        and _count(ctx, alert.match) > 1
        and len(ctx.encode("utf-8")) < _CONTEXT_CAP
    ):
        alert.offset.extend(fields(byte_slice(ctx, 0, alert.span[0])))
    if not lookup:
        alert.line, alert.span = assign_loc(ctx, block, pad, alert)
    if (not lookup and alert.span[0] < 0) or lookup:
        alert.line, alert.span = find_loc(file, ctx, block.text, pad, lines, alert)
    if alert.span[0] <= 0:
        return
    file.chk_to_ctx[alert.check], _ = substitute(ctx, alert.match, "#")
    if alert.hide:
        return
    entry = (alert.line, alert.span[0], alert.check)
    if entry in file.history:
        return
    seen = alert.check in file.limits
    if not seen or alert.limit == 0 or file.limits[alert.check] < alert.limit:
        file.alerts.append(alert)
        file.history.add(entry)
        if alert.limit > 0:
            file.limits[alert.check] += 1


def _count(text: str, sub: str) -> int:
    """``strings.Count``: an empty ``sub`` counts rune boundaries."""
    if sub == "":
        return len(text) + 1
    return text.count(sub)
