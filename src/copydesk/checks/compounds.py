"""``compounds``: one compound written closed and open in one document.

``filesystem`` in one paragraph and ``file system`` (or ``file-system``)
in the next: each is a correct spelling, the two together are the slip a
copy editor evens out. A compound is a closed word of the page that splits
into two words of the lexicon which the page also writes apart, as two
words or joined by a hyphen. The form the page uses most wins (on a tie,
the first used), unless the lexicon lacks the closed form (``unittests``:
then the words apart win), and every use of the other is reported, with
the winner as an unsafe fix.

Where the two forms mean different things they are not variants: a verb
and its particle against the noun (``set up`` and ``setup``, ``log in``
and ``login``, ``back up`` and ``backup``), a function word and its
compound (``every day`` and ``everyday``, ``may be`` and ``maybe``, ``any
one`` and ``anyone``). The rule's ``apart`` list names such parts; a
compound with one of them is never judged. An open and a hyphenated form
are not compared either: a compound modifier takes the hyphen that the
noun does not (``real-time data``, ``in real time``).

Uses inside identifiers, paths or addresses neither count nor are
reported, and the two words must be one phrase: only spaces or one line
break between them. A closed form that the page's code uses is an
identifier (``zipfile``, ``logformat``), and its compound is not judged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, ClassVar, Final

from copydesk import word_guards, wordlists
from copydesk.checks.base import Check, CheckTypeBase, LoadContext, Reach
from copydesk.document import Analysis, Document
from copydesk.model import Applicability, Edit, Finding, Fix, FixAvailability, RuleMeta
from copydesk.schema import Key

#: A use of a form: where it starts and ends, and the form as written.
Use = tuple[int, int, str]
#: Longer closed words are not split: no compound of two words is longer,
#: and each split copies the word (a line of a million letters).
_LONGEST = 40


class Compounds(CheckTypeBase):
    """Flags the minority form of a compound the page writes closed and
    open (or hyphenated)."""

    __slots__ = ("apart", "meta", "min_length", "min_part")

    FIX: ClassVar[FixAvailability] = FixAvailability.UNSAFE
    USES: ClassVar[tuple[type[Analysis[Any]], ...]] = (
        word_guards.WordCounts,
        word_guards.WordPlaces,
        word_guards.CodeWords,
    )
    #: Forms are counted over the whole document.
    REACH: ClassVar[Reach] = Reach.DOCUMENT

    KEYS: ClassVar[Mapping[str, Key]] = {
        k.name: k
        for k in (
            Key("apart", (list,), item_types=(str,)),
            Key("min-length", (int,)),
            Key("min-part", (int,)),
        )
    }

    meta: Final[RuleMeta]
    apart: Final[frozenset[str]]
    min_length: Final[int]
    min_part: Final[int]

    def __init__(
        self, meta: RuleMeta, apart: frozenset[str], min_length: int, min_part: int
    ) -> None:
        self.meta = meta
        self.apart = apart
        self.min_length = min_length
        self.min_part = min_part

    @classmethod
    def from_yaml(
        cls, meta: RuleMeta, data: Mapping[str, Any], _context: LoadContext
    ) -> Check:
        return cls(
            meta,
            frozenset(w.lower() for w in data.get("apart", ())),
            max(4, int(data.get("min-length", 6))),
            max(2, int(data.get("min-part", 3))),
        )

    def run(self, doc: Document) -> Iterator[Finding]:
        counts = doc.get(word_guards.WordCounts)
        if not counts:
            return
        # Folded in one C call for all words (joined: no word holds a line
        # feed).
        folded = "\n".join(counts).lower().split("\n")
        written: dict[str, list[str]] = {}
        for word, low in zip(counts, folded, strict=True):
            written.setdefault(low, []).append(word)
        lex = wordlists.lexicon("en")
        shortest = self.min_length
        found = [
            (low, parts)
            for low in written
            if shortest <= len(low) <= _LONGEST
            and low.isascii()
            and low.isalpha()
            and (parts := self._parts(low, written, lex)) is not None
        ]
        if found:
            # A closed form the page's code uses is an identifier
            # (``zipfile``, ``logformat``), not the compound written closed.
            code = doc.get(word_guards.CodeWords)
            found = [(low, parts) for low, parts in found if low not in code]
        if not found:
            return
        wanted = {w for low, (hd, _) in found for w in (*written[low], *written[hd])}
        places = doc.get(word_guards.WordPlaces).of(wanted)
        for low, (head, tail) in found:
            apart = _open_uses(doc, tail, written[head], places)
            if not apart:
                continue
            joined = sorted(
                (start, start + len(s), s)
                for s in written[low]
                for start in places[s]
                if not word_guards.code_like(doc, start, start + len(s))
            )
            if joined:
                # A closed form the lexicon lacks (``unittests``) loses to
                # its words written apart, however often it is used.
                listed = lex.knows(low) or low in wordlists.software_terms()
                yield from self._judged(doc, joined, apart, closed_listed=listed)

    def _parts(
        self, word: str, present: Mapping[str, object], lex: wordlists.Lexicon
    ) -> tuple[str, str] | None:
        """The two words ``word`` is made of, both written alone on the page
        and known to the lexicon, neither of the ``apart`` list; the split
        with the longer first part when several are."""
        least = self.min_part
        for cut in range(len(word) - least, least - 1, -1):
            head, tail = word[:cut], word[cut:]
            if (
                head in present
                and tail in present
                and head not in self.apart
                and tail not in self.apart
                and lex.is_word(head)
                and lex.is_word(tail)
            ):
                return head, tail
        return None

    def _judged(
        self,
        doc: Document,
        joined: list[Use],
        apart: list[Use],
        *,
        closed_listed: bool,
    ) -> Iterator[Finding]:
        """The uses of the form the page writes less often (on a tie, the
        one it writes second), or of the closed form if the lexicon lacks
        it."""
        if closed_listed and (
            len(joined) > len(apart)
            or (len(joined) == len(apart) and joined[0][0] < apart[0][0])
        ):
            keep, drop = joined, apart
        else:
            keep, drop = apart, joined
        example = keep[0]
        line = doc.line_col(example[0])[0]
        for start, end, written in drop:
            right = _cased(example[2], written)
            yield self.meta.finding(
                doc,
                start,
                end,
                self.meta.format_message(written, example[2], str(line)),
                suggestions=(right,),
                fix=Fix((Edit(start, end, right),), Applicability.UNSAFE),
            )


#: What may stand between the two words of an open or hyphenated form:
#: a hyphen, or spaces with at most one line break.
_GAP = re.compile(r"-|[ \t]+(?:\r?\n[ \t]*)?|\r?\n[ \t]*")


def _open_uses(
    doc: Document,
    tail: str,
    heads: Sequence[str],
    places: Mapping[str, Sequence[int]],
) -> list[Use]:
    """The uses of a compound's first word, written as any of ``heads``,
    then ``tail``, apart or hyphenated, in running prose."""
    prose, text = doc.prose, doc.text
    size = len(tail)
    uses: list[Use] = []
    for spelling in heads:
        for start in places[spelling]:
            head_end = start + len(spelling)
            gap = _GAP.match(prose, head_end)
            if gap is None:
                continue
            at = gap.end()
            end = at + size
            if prose[at:end].lower() != tail or prose[end : end + 1].isalnum():
                continue
            if text[start:end] != prose[start:end]:
                continue  # markup between the words in the source
            if word_guards.code_like(doc, start, head_end) or (
                word_guards.code_like(doc, at, end)
            ):
                continue
            uses.append((start, end, prose[start:end]))
    uses.sort()
    return uses


def _cased(form: str, written: str) -> str:
    """``form`` with the first letter's case of ``written`` (a sentence's
    ``File system`` becomes ``Filesystem``)."""
    if written[:1].isupper() and form[:1].islower():
        return form[:1].upper() + form[1:]
    if written[:1].islower() and form[:1].isupper() and not written.isupper():
        return form[:1].lower() + form[1:]
    return form
