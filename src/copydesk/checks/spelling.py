"""``spelling``: words missing from a real dictionary (pyspellchecker, MIT).

Off by default: a dictionary knows few names, and editorial text is full of
them. The dictionary is imported and loaded on the first ``run``, never when
rules load. Skipped, as in Vale's default filters: words with digits, ALL CAPS,
CamelCase, and (since the prose view masks them) URLs and code. A capitalised
word the dictionary does not know is taken for a name unless ``names: true``.
``ignore`` lists words, or word-list files (one word a line, ``#`` comments);
``filters`` are regexes for words to skip; ``dictionary`` picks the language,
else the document's. Suggestions come with an UNSAFE fix.
"""

from __future__ import annotations

import bisect
import functools
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, ClassVar, Final

from copydesk import langtag, patterns, regex_programs
from copydesk.checks.base import Check, CheckTypeBase, LoadContext, Reach
from copydesk.document import Document
from copydesk.errors import RuleError
from copydesk.model import Applicability, Edit, Finding, Fix, FixAvailability, RuleMeta
from copydesk.schema import Key

_WORD = regex_programs.compiled(r"[\p{L}\p{M}\p{N}_]+(?:['’][\p{L}\p{M}]+)*")
#: URLs, mail addresses and domains, in case a reader left them in the prose
#: view (the address is group ``at``). A scheme or a mailbox is tried only
#: where its run of characters begins (or where the last match ended, ``\G``),
#: skipping a scheme run's leading digits: tried at every character, a long
#: word was read to its end from each of its letters, quadratic in its length.
#: No later start in a run can match where its beginning did not (the run
#: ends at the same place), so the matches are those of the plain pattern.
_ADDRESS = regex_programs.compiled(
    r"(?:(?<![a-z0-9+.-])|\G)[0-9+.-]*+(?P<at>[a-z][a-z0-9+.-]*+://\S+)"
    r"|(?P<at>www\.\S+)"
    r"|(?:(?<![\w.+-])|\G)(?P<at>[\w.+-]++@[\w-]+(?:\.[\w-]+)+)",
    regex_programs.IGNORECASE,
)
_LIST_SUFFIXES = (".txt", ".dic", ".lst")
#: Dictionaries pyspellchecker ships.
LANGUAGES = frozenset(
    {"ar", "de", "en", "es", "eu", "fa", "fr", "it", "lv", "nl", "pt"}
)


class Spelling(CheckTypeBase):
    """Flags each distinct unknown word at its every use."""

    __slots__ = ("accepted", "dictionary", "filters", "meta", "names", "suggest")

    #: The nearest dictionary word is a guess.
    FIX: ClassVar[FixAvailability] = FixAvailability.UNSAFE
    #: Each word is looked up on its own.
    REACH: ClassVar[Reach] = Reach.PARAGRAPH
    #: A word the project's cSpell dictionary accepts is not reported.
    SPELLING: ClassVar[bool] = True

    KEYS: ClassVar[Mapping[str, Key]] = {
        k.name: k
        for k in (
            Key("ignore", (list, str)),
            Key("filters", (list,), item_types=(str,)),
            Key("dictionary", (str,)),
            Key("names", (bool,)),
            Key("suggest", (bool,)),
        )
    }

    meta: Final[RuleMeta]
    accepted: Final[frozenset[str]]
    filters: Final[patterns.Pattern | None]
    dictionary: Final[str]
    names: Final[bool]
    suggest: Final[bool]

    def __init__(
        self,
        meta: RuleMeta,
        accepted: frozenset[str],
        filters: patterns.Pattern | None,
        dictionary: str,
        names: bool,
        suggest: bool,
    ) -> None:
        self.meta = meta
        self.accepted = accepted
        self.filters = filters
        self.dictionary = dictionary
        self.names = names
        self.suggest = suggest

    @classmethod
    def from_yaml(
        cls, meta: RuleMeta, data: Mapping[str, Any], _context: LoadContext
    ) -> Check:
        ignore = data.get("ignore", [])
        items = [ignore] if isinstance(ignore, str) else list(ignore)
        accepted = frozenset(w.casefold() for w in _accepted(items, meta.source))
        filters = None
        if data.get("filters"):
            body = "|".join(f"(?:{f})" for f in data["filters"])
            filters = patterns.compile_regex(body, meta.source, "filters")
        dictionary = str(data.get("dictionary", ""))
        if dictionary and dictionary not in LANGUAGES:
            choices = ", ".join(sorted(LANGUAGES))
            raise RuleError(meta.source, f"key 'dictionary': choose one of {choices}")
        return cls(
            meta,
            accepted,
            filters,
            dictionary,
            bool(data.get("names", False)),
            bool(data.get("suggest", True)),
        )

    def run(self, doc: Document) -> Iterator[Finding]:
        language = self.dictionary or langtag.primary(doc.language)
        if language not in LANGUAGES:
            return
        skip = [m.span("at") for m in _ADDRESS.finditer(doc.prose)]
        words = [
            m
            for m in _WORD.finditer(doc.prose)
            if self._judged(m.group()) and not _inside(skip, m.start())
        ]
        if not words:
            return
        checker = _checker(language)
        unknown = set(checker.unknown({_key(m.group()) for m in words}))
        for m in words:
            word = m.group()
            if _key(word) not in unknown or (not self.names and word[:1].isupper()):
                continue
            yield self._finding(doc, m.start(), m.end(), word, language)

    def _judged(self, word: str) -> bool:
        if len(word) < 2 or _shaped(word) or _key(word) in self.accepted:
            return False
        return self.filters is None or not self.filters.fullmatch(
            word, timeout=patterns.match_timeout()
        )

    def _finding(
        self, doc: Document, start: int, end: int, word: str, language: str
    ) -> Finding:
        message = self.meta.format_message(word)
        best = _suggestion(language, _key(word)) if self.suggest else None
        if best is None:
            return self.meta.finding(doc, start, end, message)
        if word[:1].isupper():
            best = best[:1].upper() + best[1:]
        fix = Fix((Edit(start, end, best),), Applicability.UNSAFE)
        return self.meta.finding(doc, start, end, message, (best,), fix)


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` lies in one of ``spans`` (in order, apart): a bisect,
    as a text with many addresses asked each of them for every word."""
    index = bisect.bisect_right(spans, (pos, sys.maxsize)) - 1
    return index >= 0 and pos < spans[index][1]


def _key(word: str) -> str:
    """The dictionary form: lower case, straight apostrophe, no possessive."""
    word = word.replace("’", "'").casefold()
    return word[:-2] if word.endswith("'s") else word


def _shaped(word: str) -> bool:
    """Words whose shape says they are not dictionary words."""
    if any(c.isdigit() or c == "_" for c in word):
        return True
    letters = [c for c in word if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return True
    return any(c.isupper() for c in word[1:])


def _accepted(items: Iterable[Any], source: str) -> list[str]:
    """Words from ``ignore``: inline words and word-list files."""
    words: list[str] = []
    for item in items:
        if not isinstance(item, str) or not item.strip():
            raise RuleError(source, f"key 'ignore': bad entry {item!r}")
        if item.endswith(_LIST_SUFFIXES) or "/" in item:
            words.extend(_read_list(item, source))
        else:
            words.append(item.strip())
    return words


def _read_list(name: str, source: str) -> list[str]:
    path = Path(name)
    if not path.is_absolute() and not path.is_file():
        path = Path(source).parent / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(source, f"key 'ignore': cannot read {name!r}: {exc}") from None
    return [w.strip() for w in lines if w.strip() and not w.lstrip().startswith("#")]


@functools.cache
def _checker(language: str) -> Any:
    """One loaded dictionary per language and process (loading takes ~0.25 s)."""
    from spellchecker import SpellChecker

    return SpellChecker(language=language, distance=1)


@functools.lru_cache(maxsize=4096)
def _suggestion(language: str, word: str) -> str | None:
    best = _checker(language).correction(word)
    return None if best is None or best == word else str(best)
