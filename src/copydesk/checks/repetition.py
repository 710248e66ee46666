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

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

import regex

from copydesk import patterns
from copydesk.checks.base import Check, RuleMeta
from copydesk.document import Document
from copydesk.model import Applicability, Edit, Finding, Fix
from copydesk.schema import Key

#: Words of letters, marks and digits, with inner apostrophes and hyphens.
DEFAULT_TOKENS = (r"[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*",)
_GAP = regex.compile(r"[ \t\u00a0\u202f]+")


@dataclass(frozen=True, slots=True)
class Repetition:
    """Flags runs of one repeated token."""

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

    @classmethod
    def from_yaml(cls, meta: RuleMeta, data: Mapping[str, Any]) -> Check:
        tokens = list(data.get("tokens") or DEFAULT_TOKENS)
        body = "|".join(f"(?:{t})" for t in tokens)
        pattern = patterns.compile_regex(
            f"(?:{body})", meta.source, "tokens", ignorecase=meta.ignorecase
        )
        return cls(meta, pattern, bool(data.get("alpha", False)))

    def run(self, doc: Document) -> Iterator[Finding]:
        run: list[tuple[int, int]] = []
        for m in patterns.finditer(self.pattern, doc.prose):
            span = m.span()
            if span[0] == span[1] or (self.alpha and not m.group().isalpha()):
                continue
            if run and self._repeats(doc, run[-1], span):
                run.append(span)
                continue
            if len(run) > 1:
                yield self._finding(doc, run)
            run = [span]
        if len(run) > 1:
            yield self._finding(doc, run)

    def _repeats(
        self, doc: Document, prev: tuple[int, int], cur: tuple[int, int]
    ) -> bool:
        if not _GAP.fullmatch(doc.text, prev[1], cur[0]):
            return False
        a, b = doc.text[prev[0] : prev[1]], doc.text[cur[0] : cur[1]]
        if self.meta.ignorecase:
            return a.casefold() == b.casefold()
        return a == b

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
