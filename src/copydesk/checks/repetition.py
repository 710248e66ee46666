"""``repetition``: the same word twice in a row ("the the").

Tokens come from the ``tokens`` regexes (Vale's key); two tokens repeat when
they are equal (case-insensitive with ``ignorecase``) and only spaces or tabs
stand between them in the source, so a line break, punctuation or masked code
between them keeps them apart. ``alpha: true`` ignores tokens that are not
alphabetic ("10 10"). A run ("the the the") is one finding whose SAFE fix
deletes every repeat with the space before it. Grammatical doubles ("had had",
"that that") belong in the rule's ``exceptions``.
"""

from __future__ import annotations

import re as stdlib_re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

import regex

from copydesk import patterns
from copydesk.checks.base import Check, RuleMeta
from copydesk.document import Document
from copydesk.model import Applicability, Edit, Finding, Fix
from copydesk.schema import Key

#: Words with inner apostrophes and hyphens (``\w`` is Unicode-aware and the
#: fastest class the regex module has: this check is on by default).
DEFAULT_TOKENS = (r"\w+(?:['’-]\w+)*",)
_GAP = regex.compile(r"[ \t\u00a0\u202f]+")
#: The default token list as one backreference pattern: the scan stays in C.
#: Possessive word, so a failed backreference never retries shorter prefixes.
_DOUBLED = r"\b(\w++(?:['’-]\w++)*+)(?:[ \t\u00a0\u202f]++\1(?![\w'’-]))+"


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Repetition:
    """Flags runs of one repeated token."""

    #: What ``copydesk rules`` shows in its FIX column.
    fixable: ClassVar[str] = "safe"
    KEYS: ClassVar[Mapping[str, Key]] = {
        k.name: k
        for k in (
            Key("tokens", (list,), item_types=(str,)),
            Key("alpha", (bool,)),
        )
    }

    meta: RuleMeta
    pattern: patterns.Pattern
    alpha: bool = False
    #: The default tokens' backreference scan. Our own linear (possessive)
    #: pattern, so the stdlib engine runs it: a fifth faster, no timeout needed.
    doubled: stdlib_re.Pattern[str] | None = None

    @classmethod
    def from_yaml(cls, meta: RuleMeta, data: Mapping[str, Any]) -> Check:
        tokens = list(data.get("tokens") or DEFAULT_TOKENS)
        body = "|".join(f"(?:{t})" for t in tokens)
        # Tokens are shapes; ``ignorecase`` governs the comparison, and matching
        # without IGNORECASE is about twice as fast.
        pattern = patterns.compile_regex(f"(?:{body})", meta.source, "tokens")
        doubled = None
        if tuple(tokens) == DEFAULT_TOKENS:
            flags = stdlib_re.IGNORECASE if meta.ignorecase else 0
            doubled = stdlib_re.compile(_DOUBLED, stdlib_re.MULTILINE | flags)
        return cls(meta, pattern, bool(data.get("alpha", False)), doubled)

    def run(self, doc: Document) -> Iterator[Finding]:
        if self.doubled is None:
            yield from self._run_tokens(doc)
            return
        text, prose = doc.text, doc.prose
        for m in self.doubled.finditer(prose):
            start, end = m.span()
            if text[start:end] != prose[start:end]:
                # Something masked (code, markup) sits between: re-check by token.
                yield from self._run_tokens(doc, start, end)
                continue
            if self.alpha and not m.group(1).isalpha():
                continue
            if start and prose[start - 1] in "'’-":
                continue  # the tail of a longer word ("co-op op")
            first = m.span(1)
            last_start = end - (first[1] - first[0])
            run = [first, (last_start, end)]
            yield self._finding(doc, run)

    def _run_tokens(
        self, doc: Document, pos: int = 0, endpos: int | None = None
    ) -> Iterator[Finding]:
        """Compare neighbours by text first: the gap test runs only on equal pairs."""
        text = doc.text
        spans = [
            m.span() for m in patterns.finditer(self.pattern, doc.prose, pos, endpos)
        ]
        spans = [(s, e) for s, e in spans if e > s]
        if self.alpha:
            spans = [(s, e) for s, e in spans if text[s:e].isalpha()]
        words = [text[s:e] for s, e in spans]
        if self.meta.ignorecase:
            words = [w.casefold() for w in words]
        run: list[tuple[int, int]] = spans[:1]
        for index in range(1, len(spans)):
            span = spans[index]
            if words[index] == words[index - 1] and _GAP.fullmatch(
                text, spans[index - 1][1], span[0]
            ):
                run.append(span)
                continue
            if len(run) > 1:
                yield self._finding(doc, run)
            run = [span]
        if len(run) > 1:
            yield self._finding(doc, run)

    def _finding(self, doc: Document, run: list[tuple[int, int]]) -> Finding:
        word = doc.text[run[0][0] : run[0][1]]
        edit = Edit(run[0][1], run[-1][1], "")
        return self.meta.finding(
            doc,
            run[0][0],
            run[-1][1],
            self.meta.format_message(word),
            suggestions=(word,),
            fix=Fix((edit,), Applicability.SAFE),
        )
