"""``capitals``: one name capitalised two ways in one document.

Brands and coined names carry capitals inside the word on purpose
(``GitHub``, ``JavaScript``, ``YubiKey``), and a writer who types them
fast drops the inner capital (``Github``, ``Javascript``). No spelling
checker sees it: the letters are right. ``variants`` compares spellings
by their letters and leaves capitals alone; this check compares the
capitals of words whose letters agree.

Which spelling is right is a fact about the name, not the page: a page
may write ``Github`` eleven times and ``GitHub`` once, or ``Bitbucket``
twenty times and ``BitBucket`` twice, and only the makers' spelling tells
the two apart (a count gets the first wrong; preferring the inner capital
gets the second wrong). So:

- a name the rule's ``spellings`` list (the makers' spellings) is reported
  in every other capitalisation the page uses, even alone (``Wordpress``,
  ``BitBucket``);
- a name no list knows, written two ways, is reported where it departs
  from the page's own choice: the spelling used most, on a tie the one
  with a capital inside (put there on purpose), then the first. Family
  names are left out (``MacDonald`` and ``Macdonald`` are two families,
  often two people of one story).

Left alone, for the many ways a capital is right: a capital at a
sentence's start on a word the lexicon has in lower case (``Latex``); an
unlisted name the lexicon or the page has in lower case (``Hashtable``
beside the class ``HashTable``; ``Readline`` where the page names the
module ``readline``); acronyms and their plurals (``APIs``); words with
an apostrophe (``IT's``; a possessive is judged by its name,
``Github's``); a first letter in lower case (``gRPC``: such forms are
identifiers as often as names); and every use inside an identifier, a
path, a flag, a call or an address (``Grpc.Core``, ``-TraceRoute``),
cited alone in quotes or emphasis (a parameter's name, a list of wrong
spellings), in a quoted value of a program's setting (set to "Github
Commit") or alone in a list item (a list of accepted values). Those
uses neither count nor are reported. The fix is unsafe: a project may
spell its own name otherwise.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, ClassVar, Final

from copydesk import name_context, translit, word_guards, wordlists
from copydesk.checks.base import Check, CheckTypeBase, LoadContext, Reach
from copydesk.document import Analysis, Document
from copydesk.errors import RuleError
from copydesk.lazy_patterns import later_re
from copydesk.lines import line_end, line_start
from copydesk.model import Applicability, Edit, Finding, Fix, FixAvailability, RuleMeta
from copydesk.schema import Key

#: Characters before a word that make it part of an identifier, a path, a
#: flag, a magic or an address (``-TraceRoute``, ``@Github``,
#: ``$Hashtable``, ``%%javascript``).
_JOINED_BEFORE = frozenset("-_./@:#$%\\~=&+")
#: Characters after a word that do (``Grpc-go``, ``Github/``, ``Write(``).
_JOINED_AFTER = frozenset("-_/@(=\\&+[")
#: Name prefixes whose capitalised and plain forms are both family names
#: (MacDonald, Macdonald): one person's spelling is no slip of another's.
_SURNAME_PREFIXES = (
    "mc",
    "mac",
    "fitz",
    "de",
    "di",
    "da",
    "du",
    "la",
    "le",
    "van",
    "von",
)


class Capitals(CheckTypeBase):
    """Flags the spellings of a name that depart from its makers' (the
    rule's list) or, for a name no list knows, from the page's own choice."""

    __slots__ = ("lowercase", "meta", "min_length", "spellings")

    FIX: ClassVar[FixAvailability] = FixAvailability.UNSAFE
    USES: ClassVar[tuple[type[Analysis[Any]], ...]] = (
        word_guards.WordCounts,
        word_guards.WordPlaces,
    )
    #: The forms are counted over the whole document.
    REACH: ClassVar[Reach] = Reach.DOCUMENT
    #: A name no list knows is reported against the page's choice.
    PAGE_CHOICE: ClassVar[bool] = True

    KEYS: ClassVar[Mapping[str, Key]] = {
        k.name: k
        for k in (
            Key("min-length", (int,)),
            Key("spellings", (list,), item_types=(str,)),
            Key("lowercase", (list,), item_types=(str,)),
        )
    }

    meta: Final[RuleMeta]
    min_length: Final[int]
    spellings: Final[Mapping[str, str]]
    #: Listed names whose all-lower-case form in running prose is a slip
    #: too (``github``), by that form.
    lowercase: Final[Mapping[str, str]]

    def __init__(
        self,
        meta: RuleMeta,
        min_length: int,
        spellings: Mapping[str, str],
        lowercase: Mapping[str, str] | None = None,
    ) -> None:
        self.meta = meta
        self.min_length = min_length
        self.spellings = spellings
        self.lowercase = {} if lowercase is None else lowercase

    @classmethod
    def from_yaml(
        cls, meta: RuleMeta, data: Mapping[str, Any], _context: LoadContext
    ) -> Check:
        spellings: dict[str, str] = {}
        for spelling in data.get("spellings", ()):
            if not spelling.isalpha() or spelling.isupper() or spelling.islower():
                raise RuleError(
                    meta.source,
                    f"key 'spellings': {spelling!r} must be one word of letters "
                    "with a capital, not all capitals",
                )
            spellings[spelling.lower()] = spelling
        lowercase: dict[str, str] = {}
        for name in data.get("lowercase", ()):
            if spellings.get(name.lower()) != name:
                raise RuleError(
                    meta.source,
                    f"key 'lowercase': {name!r} must be one of the rule's spellings",
                )
            lowercase[name.lower()] = name
        return cls(meta, max(2, int(data.get("min-length", 4))), spellings, lowercase)

    def run(self, doc: Document) -> Iterator[Finding]:
        counts = doc.get(word_guards.WordCounts)
        # One search in C over the distinct words, joined (no word holds a
        # line feed), picks those that begin with a capital and are long
        # enough; Python looks at those only.
        capitalised = _capitalised(self.min_length).findall("\n".join(counts))
        # A name's spellings, each with the page's tokens of it: itself and
        # its possessive (``Github's``), judged by the name alone.
        forms: dict[str, dict[str, list[str]]] = {}
        for token in capitalised:
            name = _possessed(token)
            if _name_shaped(name):
                forms.setdefault(name.lower(), {}).setdefault(name, []).append(token)
        known = self.spellings
        names = [
            (folded, spellings)
            for folded, spellings in forms.items()
            if (folded in known and any(s != known[folded] for s in spellings))
            or (len(spellings) > 1 and _variants(list(spellings)))
        ]
        lowered = [folded for folded in self.lowercase if folded in counts]
        if not names and not lowered:
            return
        lex = wordlists.lexicon("en")
        places = doc.get(word_guards.WordPlaces).of(
            [
                *(t for _, spellings in names for ts in spellings.values() for t in ts),
                *lowered,
            ]
        )
        for folded in lowered:
            starts = [
                at
                for at in _used(doc, folded, places[folded])
                if not _component_tag(doc, at, at + len(folded))
                and not _commit_scope(doc, at, at + len(folded))
                and not _alone_on_line(doc, at, at + len(folded))
                and not _title_key(doc, at)
            ]
            yield from self._flagged(doc, folded, starts, self.lowercase[folded], None)
        for folded, spellings in names:
            uses = {
                name: sorted(
                    start for t in tokens for start in _used(doc, t, places[t])
                )
                for name, tokens in spellings.items()
            }
            right = known.get(folded) or self._winner(lex, counts, folded, uses, doc)
            if right is None:
                continue
            # A word too (``Latex``, ``Webmail``, ``Blackberry`` jam): its
            # capital at a sentence's start is no slip of the name; unless
            # the lexicon knows the word only as a name with a capital
            # inside, no common word ("Javascript is ...").
            a_word = lex.is_word(folded) and (
                folded in translit.common_words()
                or not word_guards.inner_capital(lex.names.get(folded, folded))
            )
            example = uses[right][0] if uses.get(right) else None
            for name in spellings:
                if name == right:
                    continue
                starts = uses[name]
                if a_word and name.istitle():
                    starts = [
                        at
                        for at in starts
                        if not word_guards.sentence_initial(doc, at, doc.block_at(at))
                    ]
                # "Typeof and NewValue are now called TypeOf and ValueOf":
                # the page names the old spelling as the old one.
                starts = [
                    at
                    for at in starts
                    if not name_context.with_its_own_in_the_sentence(
                        doc.prose, at, at + len(name), right
                    )
                ]
                yield from self._flagged(doc, name, starts, right, example)

    @staticmethod
    def _winner(
        lex: wordlists.Lexicon,
        counts: Mapping[str, int],
        folded: str,
        uses: Mapping[str, Sequence[int]],
        doc: Document,
    ) -> str | None:
        """The document's own choice among the spellings of a name no list
        knows: the one used most, on a tie the one used more in the text
        itself than in an image's description (an ``alt`` text names a
        screenshot as its file was named: "DrawGram Main Control Screen"
        beside the page's "Drawgram"), then the one with a capital inside,
        then the first. None when the capitals may be a sentence's or a
        class name's (a word the lexicon or the page writes in lower
        case: ``Readline`` beside the module ``readline``), or when fewer
        than two spellings are used in prose."""
        used = {s: u for s, u in uses.items() if u}
        if len(used) < 2 or lex.is_word(folded) or folded in counts:
            return None

        def in_text(spelling: str) -> int:
            return sum(1 for at in used[spelling] if not _in_alt(doc, at))

        return max(
            used,
            key=lambda s: (len(used[s]), in_text(s), _capital_inside(s), -used[s][0]),
        )

    def _flagged(
        self,
        doc: Document,
        word: str,
        uses: Sequence[int],
        right: str,
        example: int | None,
    ) -> Iterator[Finding]:
        where = (
            f"on line {doc.line_col(example)[0]}"
            if example is not None
            else "by its makers"
        )
        for start in uses:
            end = start + len(word)
            yield self.meta.finding(
                doc,
                start,
                end,
                self.meta.format_message(word, right, where),
                suggestions=(right,),
                fix=Fix((Edit(start, end, right),), Applicability.UNSAFE),
            )


def _in_alt(doc: Document, at: int) -> bool:
    """Whether ``at`` lies in an image's or an element's ``alt`` text."""
    block = doc.block_at(at)
    return block is not None and block.kind == "alt"


@functools.cache
def _capitalised(shortest: int) -> re.Pattern[str]:
    """Lines (distinct words) of ``shortest`` letters or more that begin
    with a capital (brands begin with an ASCII one)."""
    return re.compile(f"^[A-Z][^\\n]{{{shortest - 1},}}$", re.MULTILINE)


def _variants(spellings: Sequence[str]) -> bool:
    """Spellings a page may have slipped between: a plain capitalised form
    and one with a capital inside (``Github``, ``GitHub``), no family name.
    Two forms with capitals inside (``SgmlLinkExtractor``,
    ``SGMLLinkExtractor``) are identifiers as often as names; only a list
    judges them."""
    return (
        len(spellings) > 1
        and any(s.istitle() for s in spellings)
        and not any(map(_family_name, spellings))
    )


def _possessed(token: str) -> str:
    """The name a possessive token is of (``Github's``: ``Github``), or the
    token."""
    return token[:-2] if token.endswith(("'s", "’s")) else token


def _name_shaped(word: str) -> bool:
    """Capitalised (``Github``) or with a capital inside (``GitHub``), and
    no acronym (``API``, ``APIs``) or word with an apostrophe (``IT's``)."""
    if "'" in word or "’" in word:
        return False
    return word.istitle() or _capital_inside(word)


def _capital_inside(word: str) -> bool:
    """A capital after the first letter (``word_guards.inner_capital``) in
    a word that is no acronym (``API``) or acronym's plural (``APIs``)."""
    if not word_guards.inner_capital(word) or word.isupper():
        return False
    return not (word.endswith("s") and word[:-1].isupper())


def _used(doc: Document, word: str, starts: Sequence[int]) -> list[int]:
    """The places of ``word`` used as a name in running prose: not joined to
    an identifier, path, flag or call, not cited alone in quotes or
    emphasis, and not alone in a list item (a list of accepted values,
    ``- Credssp``, spells them as the program does)."""
    text = doc.text
    found = []
    size = len(text)
    for start in starts:
        end = start + len(word)
        before = text[start - 1] if start else " "
        after = text[end] if end < size else " "
        if before in _JOINED_BEFORE or after in _JOINED_AFTER:
            continue
        if before.isdigit() or after.isdigit():
            continue
        if (before == "," and text[start - 2 : start - 1].isalnum()) or (
            after == "," and text[end + 1 : end + 2].isalnum()
        ):
            continue  # "Provider: AWS,Ceph,Minio": a value list, no spaces
        if after == "." and text[end + 1 : end + 2].isalnum():
            continue  # Grpc.Core, Github.com
        if before == "[" and text.startswith((" http", " www."), end):
            continue  # [youtube https://…]: an embed's shortcode, not prose
        if word_guards.cited(text, start, end) or doc.fills_block(start, end, "list"):
            continue
        if word_guards.quoted_setting_value(text, start, end):
            continue  # set to "Github Commit": the value as the program shows it
        if after == ":" and word.islower() and _A_SCHEME.match(text, end):
            continue  # "a javascript: URL", "github:org/repo": a scheme
        if word_guards.in_embedded_post(doc, start):
            continue  # an embedded post quoted as its author wrote it
        if word.islower() and _NAMED_SO.search(text, max(0, start - 30), start):
            continue  # "a credential set named github": a value, as written
        if word[1:2].isupper() and _spells_its_acronym(text, start):
            continue  # "HERMES (HElmholtz Rich MEtadata Software)": on purpose
        found.append(start)
    return found


def _spells_its_acronym(text: str, start: int) -> bool:
    """Whether the word at ``start`` stands in the brackets after an
    acronym whose letters the bracket's capitals spell ("HERMES
    (HElmholtz Rich MEtadata Software publication)"): capitals set
    inside words on purpose, to show where the acronym comes from."""
    opened = text.rfind("(", max(0, start - _EXPANSION_REACH), start)
    if opened < 0:
        return False
    closed = text.find(")", start, opened + _EXPANSION_REACH)
    acronym = _ACRONYM_BEFORE.search(text, max(0, opened - 20), opened)
    if closed < 0 or acronym is None or "\n" in text[opened:closed]:
        return False
    capitals = "".join(ch for ch in text[opened + 1 : closed] if ch.isupper())
    return capitals == acronym.group(1)


#: How far the brackets of an acronym's expansion may reach around a word.
_EXPANSION_REACH = 160
#: An acronym (and the emphasis or spaces after it) right before a bracket.
_ACRONYM_BEFORE = later_re(r"\b([A-Z][A-Z0-9]{1,11})[*_ \t]*\Z")


#: What gives the literal name of a thing the user made: "a credential set
#: named github", "a remote called origin" (not "a site called github").
_NAMED_SO = later_re(
    r"\b(?:set|remote|branch|profile|repo|repository|folder|directory|file"
    r"|bucket|project|user|account|key|secret|variable|environment|network"
    r"|volume|service|team|channel|workspace|job|pipeline|role|group"
    r"|namespace|cluster|database|table|queue|topic|context|alias|target)s?"
    r"[ \t]+(?:named|called)[ \t]+\Z"
)
#: A colon that makes the lower-case word before it a scheme or a prefix:
#: glued to a word, a path or a handle ("github:org/repo"; not reST's "from
#: github::", nor "on youtube:)"), or named a URL's ("the **javascript:**
#: URL"; not "on youtube: link below").
_A_SCHEME = later_re(
    r":(?:[\w/@]|[*_`'\"’”]*[ \t]+(?:URL|URI|scheme|protocol|pseudo-URL)s?\b)"
)


def _component_tag(doc: Document, start: int, end: int) -> bool:
    """A changelog's component tag: the word opens its line (markup and a
    change's kind in capitals aside: curl's ``BGF``, ``CHG``) and a colon
    follows ("github: time out jobs after 90 minutes"), in lower case by
    the convention of commit subjects."""
    prose = doc.prose
    before = prose[line_start(prose, start) : start].split()
    return prose.startswith(":", end) and all(w.isupper() for w in before)


def _commit_scope(doc: Document, start: int, end: int) -> bool:
    """A conventional commit's scope, lower case by its convention:
    ``chore(github): pin the action`` quoted in a release note."""
    text = doc.text
    return (
        text[start - 1 : start] == "("
        and text[start - 2 : start - 1].isalpha()
        and text.startswith(("):", ")!:"), end)
    )


def _alone_on_line(doc: Document, start: int, end: int) -> bool:
    """The word is all its line holds, and the lines beside it hold one
    token each or nothing: an entry of a list of values (a spelling word
    list, a file of names), not a name in a sentence wrapped onto a line
    of its own ("Our [documentation on / github](...)")."""
    prose = doc.prose
    lo, hi = line_start(prose, start), line_end(prose, end)
    if prose[lo:start].strip() or prose[end:hi].strip():
        return False
    before = prose[line_start(prose, max(0, lo - 1)) : max(0, lo - 1)]
    after = prose[hi + 1 : line_end(prose, hi + 1)] if hi < len(prose) else ""
    return all(len(line.split()) <= 1 for line in (before, after))


def _title_key(doc: Document, start: int) -> bool:
    """The word is in an HTML ``title`` attribute's value (a block of kind
    ``alt``): an old spec's cross-reference key (``title="javascript
    protocol"``) as often as a tooltip, where an ``alt`` text is prose read
    aloud."""
    block = doc.block_at(start)
    if block is None or block.kind != "alt":
        return False
    return (
        _TITLE_BEFORE.search(doc.text, max(0, block.start - 16), block.start)
        is not None
    )


#: What stands before a ``title`` attribute's value.
_TITLE_BEFORE = later_re(r"\btitle\s*=\s*[\"']?\Z", re.IGNORECASE)


def _family_name(spelling: str) -> bool:
    """A family name's prefix before its capital (``MacDonald``,
    ``FitzGerald``): the plain form is another family's name."""
    folded = spelling.lower()
    return any(
        folded.startswith(prefix)
        and len(spelling) > len(prefix)
        and spelling[len(prefix)].isupper()
        for prefix in _SURNAME_PREFIXES
    )
