"""``foreign_lines``: short lines a machine translation left in their script.

A page machine-translated for a draft has its article text translated and
its page furniture often not: the share button stays ``გაზიარება``, the
related-links label ``اقرأ أيضا:`` before a translated headline, the tags
``Теги: ремонт доріг``. In a draft written in a Latin script, a short line
in another script (or led by a label in one) is that furniture, whatever
the language: no list of labels could name them all.

A line is reported when the document's prose is in a Latin script (other
scripts make up at most ``max-share`` of its characters) and the line holds
at most ``max-words`` words, most of whose letters are of another script;
or when the line opens with a label of at most four words in another
script and a colon, and goes on in Latin letters. In an English draft
(most of its words in the English lexicon), a short line in another
language written in Latin letters is the same furniture ("Tillad alle",
"Megosztás", "Baca juga: Ipoh traders complain …"): most of its words
unknown to English, one of them in lower case (a word, not a name), or a
single word with a letter English does not write (ő, ş, ø). A line opening
with a quotation mark is a quotation in the original, kept as the writer
chose.
The fix deletes the line, unsafely: the reader decides.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, Final

from copydesk import langtag, regex_programs, word_guards, wordlists
from copydesk.checks.base import Check, CheckTypeBase, LoadContext, Reach
from copydesk.checks.existence import line_edit
from copydesk.document import Analysis, Document
from copydesk.lazy_patterns import later_regex
from copydesk.model import Applicability, Finding, Fix, FixAvailability, RuleMeta
from copydesk.schema import Key

#: Letters of a script other than Latin (and no mark, digit or symbol).
_OTHER_LETTERS = later_regex(r"[\p{L}--\p{Latin}]+", regex_programs.VERSION1)
_LETTERS = later_regex(r"\p{L}", regex_programs.VERSION1)
#: What may lead a line of furniture: indentation, a bullet.
_LEAD = r"[ \t•·▪►-]*"
#: A label in another script before a colon, then Latin text.
_LABEL = later_regex(
    _LEAD + r"((?:[\p{L}--\p{Latin}][\p{L}\p{M}.'’-]*[ \t]*){1,4})"
    r"[:：][ \t]*\p{Latin}",
    regex_programs.VERSION1,
)
_QUOTES = "\"'“‘«„‚»”’「『"
#: Longest line read for another language in Latin letters (with its lead).
_SHORT = 64
#: Such a line: a letter after its lead (indentation, a bullet).
_SHORT_LINE = later_regex(_LEAD + r"(\p{L}[^\n]*)")
_WORD = later_regex(r"\p{L}[\p{L}\p{M}'’-]*")
#: A label and a colon before the rest of its line.
_LATIN_LABEL = later_regex(_LEAD + r"([^\W\d_][^:\n]{0,30}):[ \t]+(\S[^\n]*)")
#: Share of a document's words the English lexicon must know for it to be
#: an English draft.
_ENGLISH_SHARE = 0.8


class ForeignLines(CheckTypeBase):
    """Flags short lines in another script than a Latin-script draft's."""

    __slots__ = ("max_share", "max_words", "meta")

    FIX: ClassVar[FixAvailability] = FixAvailability.UNSAFE
    #: A line's verdict reads the document's share of other scripts.
    REACH: ClassVar[Reach] = Reach.DOCUMENT
    USES: ClassVar[tuple[type[Analysis[Any]], ...]] = (
        word_guards.WordCounts,
        word_guards.NameLists,
    )

    KEYS: ClassVar[Mapping[str, Key]] = {
        k.name: k
        for k in (
            Key("max-words", (int,)),
            Key("max-share", (float, int)),
        )
    }

    meta: Final[RuleMeta]
    max_words: Final[int]
    max_share: Final[float]

    def __init__(self, meta: RuleMeta, max_words: int, max_share: float) -> None:
        self.meta = meta
        self.max_words = max_words
        self.max_share = max_share

    @classmethod
    def from_yaml(
        cls, meta: RuleMeta, data: Mapping[str, Any], _context: LoadContext
    ) -> Check:
        return cls(
            meta, int(data.get("max-words", 8)), float(data.get("max-share", 0.1))
        )

    def run(self, doc: Document) -> Iterator[Finding]:
        prose = doc.prose
        lines = set() if prose.isascii() else set(self._other_script_lines(doc))
        if langtag.primary(doc.language) == "en":
            lines.update(_other_language_lines(doc))
        for line in sorted(lines):
            lo, hi = doc.line_bounds(line)
            text = prose[lo:hi]
            stripped = text.strip()
            if not stripped or stripped[0] in _QUOTES:
                continue
            start = lo + len(text) - len(text.lstrip())
            end = lo + len(text.rstrip())
            message = self.meta.format_message(stripped)
            fix = Fix((line_edit(doc, line, line),), Applicability.UNSAFE)
            yield self.meta.finding(doc, start, end, message, (), fix)

    def _other_script_lines(self, doc: Document) -> Iterator[int]:
        """The lines in another script than the document's Latin one."""
        prose = doc.prose
        runs = list(_OTHER_LETTERS.finditer(prose))
        share = sum(r.end() - r.start() for r in runs)
        if not runs or share > self.max_share * len(prose):
            return
        seen: set[int] = set()
        for found in runs:
            line, _ = doc.line_col(found.start())
            if line in seen:
                continue
            seen.add(line)
            lo, hi = doc.line_bounds(line)
            if self._foreign(prose[lo:hi]):
                yield line

    def _foreign(self, line: str) -> bool:
        """Whether ``line`` is short and mostly of another script, or led by
        a label in one."""
        label = _LABEL.match(line)
        if label is not None:
            return True
        if len(line.split()) > self.max_words:
            return False
        other = sum(r.end() - r.start() for r in _OTHER_LETTERS.finditer(line))
        return other * 2 > len(_LETTERS.findall(line))


def _other_language_lines(doc: Document) -> Iterator[int]:
    """The short lines of an English draft in another language, in Latin
    letters. The lines are walked with ``str.split``: of a news draft's
    lines few are short, and a pattern tried at every line start of 8 MB
    cost four times as much. Whether the draft is English is asked only
    once a line reads as another language (it reads every distinct word)."""
    lex = wordlists.lexicon("en")
    english: bool | None = None
    offset = 0
    for text in doc.prose.split("\n"):
        at = offset
        offset += len(text) + 1
        if not text or len(text) > _SHORT:
            continue
        found = _SHORT_LINE.match(text)
        if found is None or _CODE_MARKS.search(text) is not None:
            continue  # dtoverlay=i2c-rtc,ds3231: a line of code, no language
        if _ADDRESS.search(doc.text, at, at + len(text)) or word_guards.in_name_list(
            doc, at + found.start(1)
        ):
            continue  # "Rod J (rod@example.org)", "* jforbess": credits
        if not _other_language(found.group(1), lex):
            continue
        if english is None:
            english = _english(doc)
        if not english:
            return
        yield doc.line_col(at)[0]


#: An e-mail address (not a handle: "Folgen Sie uns @stadt" is furniture).
_ADDRESS = later_regex(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: What a line of code holds and a line of words in no language does.
_CODE_MARKS = later_regex(r"[=_{}\\<>]|\w\(|/\w")


def _english(doc: Document) -> bool:
    """Whether most of the document's words are English ones."""
    lex = wordlists.lexicon("en")
    counts = doc.get(word_guards.WordCounts)
    total = sum(counts.values())
    known = sum(n for word, n in counts.items() if lex.knows(word.casefold()))
    return total > 0 and known >= _ENGLISH_SHARE * total


def _other_language(line: str, lex: wordlists.Lexicon) -> bool:
    """Whether a short line (or the label before its colon, the rest being
    English) is in another language than English, in Latin letters."""
    label = _LATIN_LABEL.match(line)
    # A label that is a word, not a place heading its story ("Poznań: the
    # tram line …"): one of its foreign words is in lower case.
    if label is not None and _foreign_words(label.group(1), lex, lower=True):
        rest = _WORD.findall(label.group(2))
        known = sum(1 for w in rest if lex.knows(w.casefold()))
        return len(rest) >= 3 and known * 2 > len(rest)
    return _foreign_words(line, lex)


def _known_word(word: str, lex: wordlists.Lexicon) -> bool:
    """An English word, or a compound of them ("twin-burner", "well-known")."""
    return lex.knows(word.casefold()) or (
        "-" in word
        and all(lex.knows(part.casefold()) for part in word.split("-") if part)
    )


def _foreign_words(text: str, lex: wordlists.Lexicon, *, lower: bool = False) -> bool:
    """Most words of ``text`` unknown to English, one of them in lower case
    with a vowel (a word, not only a name, nor an abbreviation: "Harrowgate
    Homes plc") or, unless ``lower``, a single word with a
    letter beyond ASCII ("Megosztás"; two such are a name: "Havidán
    Rodríguez"). A sentence (a greeting, a quotation) is the writer's."""
    if text.rstrip().endswith((".", "!", "?")):
        return False
    words = [w for w in _WORD.findall(text) if len(w) >= 2]
    if not words or len(words) > 6:
        return False
    unknown = [w for w in words if not _known_word(w, lex)]
    if len(unknown) * 2 <= len(words):
        return False
    if any(w[0].islower() and _voiced(w) for w in unknown):
        return True
    return not lower and len(words) == 1 and not words[0].isascii()


def _voiced(word: str) -> bool:
    """Whether ``word`` holds a vowel, as a word does and an abbreviation
    ("plc", "hrs", "pcs") does not."""
    return any(ch in "aeiouy" for ch in word_guards.unaccented(word.casefold()))
