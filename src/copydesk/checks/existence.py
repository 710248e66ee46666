"""``existence``: tokens or patterns that must not appear.

Used for banned words and for web-page debris. With ``line: true`` a token
must make up the whole line (bullets and spaces around it allowed), which is
how ambiguous UI words such as "Share" or "Follow" are told from prose.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from copydesk import patterns
from copydesk.checks.base import Check, RuleMeta
from copydesk.document import Document
from copydesk.errors import RuleError
from copydesk.model import Applicability, Edit, Finding, Fix
from copydesk.schema import Key

#: What may stand before a whole-line token: indentation and list bullets.
_LINE_LEAD = r"(?:^|(?<=\r))[ \t]*\K(?:[-*+•·▪►▸|>]+[ \t]*)?"
_LINE_TAIL = r"[ \t]*(?=\r|\n|\Z)"


@dataclass(frozen=True, slots=True)
class Existence:
    """Flags every match of one compiled pattern."""

    KEYS: ClassVar[Mapping[str, Key]] = {
        k.name: k
        for k in (
            Key("tokens", (list,), item_types=(str,)),
            Key("raw", (list,), item_types=(str,)),
            Key("nonword", (bool,)),
            Key("line", (bool,)),
            Key("remove", (str,)),
            Key("applicability", (str,)),
        )
    }

    meta: RuleMeta
    pattern: patterns.Pattern
    remove: str
    applicability: Applicability

    @classmethod
    def from_yaml(cls, meta: RuleMeta, data: Mapping[str, Any]) -> Check:
        tokens: list[str] = list(data.get("tokens", []))
        raw: list[str] = list(data.get("raw", []))
        if not tokens and not raw:
            raise RuleError(meta.source, "key 'tokens': needs at least one token (or 'raw')")
        whole_line = bool(data.get("line", False))
        nonword = bool(data.get("nonword", False))
        if raw:
            body = "".join(raw)
            if tokens:
                body = _alternation(tokens) + "|" + body
            pattern = _wrap(body, whole_line=whole_line, nonword=nonword)
            compiled = patterns.compile_regex(
                pattern, meta.source, "raw", ignorecase=meta.ignorecase
            )
        elif whole_line:
            compiled = patterns.compile_regex(
                _wrap(_alternation(tokens), whole_line=True, nonword=True),
                meta.source,
                "tokens",
                ignorecase=meta.ignorecase,
            )
        else:
            compiled = patterns.token_matcher(
                tokens, meta.source, ignorecase=meta.ignorecase, whole_words=not nonword
            )
        remove = str(data.get("remove", "none"))
        if remove not in ("none", "line", "match"):
            raise RuleError(meta.source, "key 'remove': expected none, line or match")
        applicability = _applicability(meta.source, data.get("applicability", "unsafe"))
        return cls(meta, compiled, remove, applicability)

    def run(self, doc: Document) -> Iterator[Finding]:
        for m in patterns.finditer(self.pattern, doc.prose):
            start, end = m.span()
            if start == end:
                continue
            yield self.meta.finding(
                doc,
                start,
                end,
                self.meta.format_message(doc.text[start:end].strip()),
                fix=self._fix(doc, start, end),
            )

    def _fix(self, doc: Document, start: int, end: int) -> Fix | None:
        if self.remove == "match":
            return Fix((Edit(start, end, ""),), self.applicability)
        if self.remove == "line":
            first, _ = doc.line_col(start)
            last, _ = doc.line_col(end)
            line_start = doc.line_start(first)
            stop = doc.line_start(last + 1) if last < doc.line_count else len(doc.text)
            return Fix((Edit(line_start, stop, ""),), self.applicability)
        return None


def _alternation(tokens: list[str]) -> str:
    ordered = sorted(tokens, key=len, reverse=True)
    return "|".join(t if not patterns.is_literal(t) else _escape(t) for t in ordered)


def _escape(token: str) -> str:
    return str(patterns.regex.escape(token, special_only=True))


def _wrap(body: str, *, whole_line: bool, nonword: bool) -> str:
    if whole_line:
        return f"{_LINE_LEAD}(?:{body}){_LINE_TAIL}"
    if nonword:
        return f"(?:{body})"
    return rf"(?<![\w])(?:{body})(?![\w])"


def _applicability(source: str, value: Any) -> Applicability:
    try:
        return Applicability(value)
    except ValueError:
        raise RuleError(source, "key 'applicability': expected safe or unsafe") from None
