"""Which language a text is written in, told by its function words.

House lists of names are per language: "Selenskyj" is the German house
spelling and an error in English. A German draft linted without
``--language`` is still German, so the ``names`` and ``variants`` checks ask
``DocumentLanguage`` for the language the prose shows, and fall back to the
configured one when the text is too short or too mixed to tell. A quotation
in another language than its document (a German headline cited in English)
is told the same way.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections import Counter
from collections.abc import Iterable

from copydesk import langtag, name_context, text_pieces
from copydesk.document import Analysis, ByKey, Document
from copydesk.lazy_patterns import later_re, later_regex
from copydesk.wide_chars import wide_characters
from copydesk.wordsets import word_set

#: Short words that are frequent in one language and rare in the others.
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": word_set(
        "the and of to is was that for with said from has have were are this "
        "which would will not been after his their they"
    ),
    "de": word_set(
        "der die das und ist nicht mit den dem des ein eine einen sich auf "
        "für von zu im wir auch wurde werden sei nach bei aus dass wie am zum "
        "zur über noch vor einem einer sagte"
    ),
    "fr": word_set(
        "le la les et est des du une dans pour que qui sur pas au aux par "
        "avec ce il elle été ont sont mais cette nous vous ne leur ses aussi "
        "après selon très"
    ),
    "es": word_set(
        "el los las y en que es por con para una del se al lo su como pero "
        "fue este esta sobre"
    ),
    # Not "la" and "le": French has them as often (and "il" already counts
    # for both).
    "it": word_set(
        "il gli e di che è per con non una della nel alla sono ha come ma anche "
        "questo del dei delle degli alle nella nelle sulla più dal dalla"
    ),
    # Not "em" and "com": a CSS unit and a web address's ending.
    "pt": word_set(
        "não uma dos das pelo pela foi são também mais está ao nos nas seu sua para "
        "sobre"
    ),
    "pl": word_set(
        "w na z się nie jest do to że o jak po od dla za przez ale oraz był "
        "była są już który która"
    ),
    # Czech and Slovak share many short words with Polish (na, to, do, po,
    # za, ale, jak): only their own count, so a Czech page is not told
    # Polish (whose „ closes with ”). Not "pro": English has it.
    "cs": word_set(
        "je se jsou nebo také které který která jako aby byl bylo při jeho "
        "však podle mezi ve ne až"
    ),
    "sk": word_set("sa sú alebo aj ktorý ktorá ktoré bol bolo pri podľa medzi vo nie"),
    "nl": word_set("het een van niet op dat met voor zijn ook er aan bij"),
    "uk": word_set("і в не на що з до це як та його її"),
    "ru": word_set("и в не на что с по это как его её был"),
    # The Scandinavian languages share most short words (og, er, det, som,
    # på): only each one's own count, as Norwegian quotes «…», Danish »…«
    # and Swedish ”…”.
    "sv": word_set("och att är inte för också till från vid hade sig detta"),
    "no": word_set("ble etter hva sier mye noe gjennom fikk ikkje berre"),
    "da": word_set("blev efter hvad siger meget noget gennem fik"),
    "lt": word_set("ir kad yra buvo su iš jis ji bet tai"),
    "el": word_set("και το η ο να του της στο για με που από τα είναι"),
}
#: Each function word's languages (a few words count for two).
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _lang, _table in _FUNCTION_WORDS.items():
    for _word in _table:
        _LANGUAGES_OF[_word] = (*_LANGUAGES_OF.get(_word, ()), _lang)
_WORD = later_re(r"[^\W\d_]+")
#: Letters only one of the languages above writes: neighbours that share
#: their short words (Czech and Polish: na, do, po, ale; Ukrainian and
#: Russian: в, не, на) never share these.
#: A word holding one counts as one more hit for its language.
_OWN_LETTERS: dict[str, frozenset[str]] = {
    "cs": frozenset("řěůŘĚŮ"),
    "pl": frozenset("łąęśźżńŁĄĘŚŹŻŃ"),
    "sk": frozenset("ôĺľŕÔĹĽŔ"),
    "uk": frozenset("іїєґІЇЄҐ"),
    "ru": frozenset("ыэъёЫЭЪЁ"),
    "lt": frozenset("ėįųūĖĮŲŪ"),
}
#: The marks a language opens quotations with, where they tell it from its
#: neighbours: English never opens with "„" or "«", which German, Polish,
#: French and Russian do.
_OWN_OPENERS: dict[str, str] = {"en": '"“'}
#: A document's language is told when its function words number this many
#: and the leading language has at least twice the hits of the next.
MIN_HITS = 4
#: A quotation needs fewer words to show it is foreign.
MIN_QUOTE_HITS = 2


def tally(words: Iterable[str]) -> Counter[str]:
    """Function-word hits per language."""
    return _tally_counts(Counter(words))


def _tally_counts(counts: Counter[str]) -> Counter[str]:
    """Function-word hits per language of words counted: each distinct word
    is looked up once (a long text repeats its words; looking up every
    token was a second of the 8 MB news benchmark). The hits are the same
    in any order of the words, and ``told`` reads only the hits."""
    hits: Counter[str] = Counter()
    for word, n in counts.items():
        for lang in _LANGUAGES_OF.get(word.casefold(), ()):
            hits[lang] += n
        if not word.isascii():
            letters = set(word)
            for lang, own in _OWN_LETTERS.items():
                if not own.isdisjoint(letters):
                    hits[lang] += n
    return hits


def told(hits: Counter[str], least: int) -> str | None:
    """The language the hits show clearly, or None."""
    ranked = hits.most_common(2)
    if not ranked or ranked[0][1] < least:
        return None
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]


def language_of(text: str, least: int = MIN_HITS, shortest: int = 1) -> str | None:
    """The language ``text`` is clearly written in, or None; words shorter
    than ``shortest`` letters are not counted."""
    counts: Counter[str] = Counter()
    # Piece by piece (a word holds no space): a list of every word of a
    # long text at once would be larger than the text.
    for start, end in text_pieces.spaced_pieces(text):
        words = _WORD.findall(text, start, end)
        counts.update(
            words if shortest <= 1 else (w for w in words if len(w) >= shortest)
        )
    return told(_tally_counts(counts), least)


class DocumentLanguage(Analysis[str]):
    """The primary language of the document's prose: the one the page
    declares for itself (:mod:`copydesk.page_language`), else the one its
    function words show, else the configured ``doc.language``.

    A declaration of English is not taken on trust: it is a template's
    default, often left on a page translated from it. Any other is made on
    purpose, and surer than a count of short words (Czech shares most of
    its own with Polish).
    """

    @classmethod
    def compute(cls, doc: Document) -> str:
        from copydesk import page_language

        own = page_language.declared(doc.text, doc.path, doc.format)
        if own is not None and langtag.primary(own) != "en":
            return langtag.primary(own)
        # The lexicon checks count the prose's words anyway (``WordCounts``,
        # a pass of its own): this tally's words are their runs of letters.
        # A second pass over a long text was a twelfth of its check.
        from copydesk import word_guards

        counts = doc.get(word_guards.WordCounts)
        return counted_language(counts, doc.prose) or langtag.primary(doc.language)


class PageLanguage(Analysis[str | None]):
    """The language a page is written in when it declares one other than
    English, or when it declares none and the function words of its start
    leave no doubt (``PAGE_HITS`` of them, twice the next language's; words
    of one letter left out, as "e.g." is no Italian "e"), else None: what
    the engine reads before it drops the findings of a rule written for
    other languages (``engine.in_the_pages_language``). Surer than
    ``DocumentLanguage``, which a table of a few terse English lines
    ("non-negative", "per request", "e.g.") can tell Italian."""

    @classmethod
    def compute(cls, doc: Document) -> str | None:
        from copydesk import page_language

        own = page_language.declared(doc.text, doc.path, doc.format)
        if own is not None:
            # Declared English is taken here: this answer drops findings.
            primary = langtag.primary(own)
            return None if primary == "en" else primary
        # A page's language shows in its first pages: a long file (a book,
        # an export read in windows) is not counted whole for it (the 17 MB
        # benchmark file: +0.6 s), and a page is told alike whichever checks
        # counted its words before.
        return language_of(doc.prose[:PAGE_SAMPLE], PAGE_HITS, shortest=2)


#: Function words that tell a page's language without a doubt.
PAGE_HITS = 12
#: Characters of prose ``PageLanguage`` reads, from the start.
PAGE_SAMPLE = 1 << 18


def counted_language(
    words: Counter[str], text: str, least: int = MIN_HITS
) -> str | None:
    """The language ``text``'s function words clearly show, from the counts
    of its ``word_guards.WORD`` tokens (``words``), or None: what
    ``DocumentLanguage`` reads when the page declares none, for a check
    that counts the words anyway and is not grouped with the checks that
    read the declaration."""
    counts = runs_counted(words, text)
    if counts is None:
        return language_of(text, least)
    return told(_tally_counts(counts), least)


def runs_counted(words: Counter[str], text: str) -> Counter[str] | None:
    """The ``_WORD`` tokens of ``text`` counted, from the counts of its
    ``word_guards.WORD`` tokens (``words``); None where they cannot tell.

    A ``WORD`` token is letters and marks, apostrophes between them; the
    ``_WORD`` tokens inside it are its runs of letters, each a whole run of
    the text, since a token never stops before a letter. What ``_WORD``
    reads as a letter and no ``WORD`` token holds (a numeral such as ``½``
    or ``Ⅳ``) joins runs where it stands: those few runs are read from the
    text. A character the two disagree on otherwise (a letter of a newer
    Unicode than one of them knows) leaves the text to be read whole.
    """
    from copydesk import word_guards

    # A word of letters alone is its one run: those are counted by one
    # dict update in C (most of a prose's distinct words: a Python step
    # and a findall each cost 0.04 s on 8 MB of news), the rest run by run.
    letters = list(map(str.isalpha, words))
    counts: Counter[str] = Counter(dict(itertools.compress(words.items(), letters)))
    runs = _WORD.findall
    for word in itertools.compress(words, map(operator.not_, letters)):
        n = words[word]
        for run in runs(word):
            counts[run] += n
    if text.isascii():  # an ASCII letter is a letter for both
        return counts
    # An ASCII letter is a letter for both: only the wide characters count.
    odd = "".join(
        ch
        for ch in wide_characters(text)
        if _WORD.fullmatch(ch) and not (ch.isalpha() and word_guards.WORD.fullmatch(ch))
    )
    if not odd:
        return counts
    if any(word_guards.WORD.fullmatch(f"a{ch}") for ch in odd):
        return None  # a letter or a mark to WORD: inside its tokens
    # Each numeral's place found with str.find (a few, each a C search);
    # the run around it read back to its start and on to its end.
    places = sorted(at for ch in odd for at in _places_of(text, ch))
    cut = re.compile(f"[{re.escape(odd)}]+")
    end = 0
    for at in places:
        if at < end:
            continue  # in the run just read
        start = at
        while start and _WORD.fullmatch(text, start - 1, start):
            start -= 1
        run = _WORD.match(text, start)
        assert run is not None  # an odd character is a letter to _WORD
        end = run.end()
        counts[run.group()] += 1
        for part in filter(None, cut.split(run.group())):
            counts[part] -= 1  # counted above, as one of the words' runs
    return +counts


def _places_of(text: str, ch: str) -> Iterable[int]:
    """Every place of the character ``ch`` in ``text``."""
    at = text.find(ch)
    while at >= 0:
        yield at
        at = text.find(ch, at + 1)


def foreign_quotation(doc: Document, start: int, end: int) -> bool:
    """True when ``start:end`` sits in a quotation written in another
    language than the document (a headline or a statement cited as is),
    between quotation marks or in an emphasised title."""
    block = doc.block_at(start)
    lo, hi = (block.start, block.end) if block is not None else (0, len(doc.prose))
    prose = doc.prose
    opener = max(prose.rfind(mark, lo, start) for mark in '"“„«')
    closer = min(
        (at for at in (prose.find(m, end, hi) for m in '"”“»') if at >= 0),
        default=-1,
    )
    if opener >= 0 and closer >= 0:
        language = doc.get(DocumentLanguage)
        quoted = doc.get(QuotationLanguage)[opener + 1, closer]
        if quoted is not None:
            if quoted != language:
                return True
        else:
            # Too short to tell by its words ("„Kiew bittet um Hilfe“"): a
            # mark the document's language does not open quotations with,
            # and none of its function words inside, show a quotation cited
            # as it was printed.
            own = _OWN_OPENERS.get(language)
            if (
                own is not None
                and prose[opener] not in own
                and not doc.get(QuotationHits)[opener + 1, closer, language]
            ):
                return True
    return _foreign_emphasis(doc, lo, hi, start, end)


def _foreign_emphasis(doc: Document, lo: int, hi: int, start: int, end: int) -> bool:
    """True when ``start:end`` sits in an emphasised span of its block
    (``*…*``, ``_…_``, ``<i>``/``<em>``/``<cite>``) whose words show another
    language than the document's: a work's title cited as printed ("published
    in 2024 as *Die Briefe des Michajlo Iwasjuk*"). The marks are the
    reader's (masked in the prose), not an asterisk of the text."""
    text, prose = doc.text, doc.prose
    run = name_context.emphasised_run(text, lo, start, end, hi)
    if run is None:
        return False
    inside, close = run
    if prose[inside - 1] == text[inside - 1] or prose[close] == text[close]:
        return False  # an asterisk of the text, not the reader's markup
    quoted = doc.get(QuotationLanguage)[inside, close]
    return quoted is not None and quoted != doc.get(DocumentLanguage)


def foreign_block(doc: Document, start: int) -> bool:
    """True when the block holding ``start`` is written in another language
    than the document (a statement reproduced as issued, a paragraph of a
    multilingual page): its names are spelled as that language spells
    them. A block too short to tell by its words is the document's, unless
    its markup declares its language (:func:`declared_foreign`)."""
    if declared_foreign(doc, start, doc.get(DocumentLanguage)):
        return True
    block = doc.block_at(start)
    if block is None:
        return False
    told = doc.get(BlockLanguage)[block.start, block.end]
    return told is not None and told != doc.get(DocumentLanguage)


#: Characters of a block read to tell its language: its first words tell (a
#: long block's whole text is no surer, and reading it cost a tenth of a run
#: on 8 MB of news).
_BLOCK_SAMPLE = 600
#: A name's words: capitalised words and the particles between them ("Ursula
#: von der Leyen", "Le Monde"), which are no words of the sentence's language.
_NAME_RUN = later_regex(
    r"\p{Lu}[\p{L}'’-]*(?:[ \t]+(?:(?:von|van|der|den|de|du|la|le|di|da|del|des"
    r"|dos|y|al|el|bin|ibn)[ \t]+)*\p{Lu}[\p{L}'’-]*)*"
)


#: Function words a block (its names left out) needs to tell its language.
MIN_BLOCK_HITS = 3


#: A ``lang`` (or ``xml:lang``) attribute: the language's primary subtag.
#: Found first, its tag read back from it: the literal leads the scan.
_LANG_ATTRIBUTE = later_re(r"lang[ \t]*=[ \t]*[\"']?([A-Za-z]{2,3})\b")
#: Whether a text may hold a ``lang`` attribute at all: a literal scan (a
#: pattern that opens with ``\b`` is tried at every character: 0.29 s on
#: the 17 MB benchmark file).
_ATTRIBUTE_SIGN = later_re(r"lang=|lang =")
#: The start of the tag holding a ``lang`` attribute, with its name.
_TAG_START = later_re(r"<([A-Za-z][A-Za-z0-9]*)\s[^<>]*\Z")
#: How far back the start of that tag is looked for.
_TAG_REACH = 1_000
#: How far an element's end tag is looked for.
_ELEMENT_REACH = 20_000
#: Elements with no end tag: a ``lang`` on them declares no text's language.
_VOID = frozenset({"img", "input", "br", "hr", "meta", "link", "area", "source"})


class Declared:
    """Elements whose markup declares their language, as (start, end,
    primary subtag) in document order; asked for the innermost one
    around an offset."""

    __slots__ = ("_spans", "_starts")

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        self._spans = spans
        self._starts = [start for start, _, _ in spans]

    def language_at(self, pos: int) -> str | None:
        """The language of the innermost element holding ``pos``, if any:
        elements nest or are disjoint, so the first one holding it, looking
        back from the last that starts before it, is the innermost."""
        for index in range(bisect.bisect_right(self._starts, pos) - 1, -1, -1):
            start, end, language = self._spans[index]
            if start <= pos < end:
                return language
        return None


class DeclaredLanguages(Analysis[Declared]):
    """The elements whose markup declares their language (``<p lang="es">``,
    ``<span lang="fr">``): a page quoting another language says so, and no
    count of its function words is surer (a one-line example is too short
    to tell). Found in the source of HTML and Markdown documents; an
    element's end is its matching end tag, nested ones of its name counted.
    A scan for a rare attribute: each unit of checks that asks builds its own."""

    GROUPS = False

    @classmethod
    def compute(cls, doc: Document) -> Declared:
        text = doc.text
        found: list[tuple[int, int, str]] = []
        if doc.format not in ("html", "markdown") or not _ATTRIBUTE_SIGN.search(text):
            return Declared(found)
        for attribute in _LANG_ATTRIBUTE.finditer(text):
            at = attribute.start()
            if at and (text[at - 1].isalnum() or text[at - 1] in "_-"):
                continue  # hreflang=, data-lang= is no element's language
            tag = _TAG_START.search(text, max(0, at - _TAG_REACH), at)
            close = text.find(">", attribute.end())
            if tag is None or close < 0 or "<" in text[attribute.end() : close]:
                continue  # no tag's attribute: prose naming ``lang=``
            name = tag.group(1).lower()
            if name in _VOID or text[close - 1] == "/":
                continue
            end = _element_end(text, name, close + 1)
            found.append((close + 1, end, attribute.group(1).lower()))
        return Declared(found)


def _element_end(text: str, name: str, pos: int) -> int:
    """Where the element ``name`` whose start tag ends at ``pos`` ends: the
    start of its matching end tag (nested elements of its name counted), or
    ``pos`` when none is found within reach."""
    pattern = re.compile(rf"<(/?){re.escape(name)}\b[^<>]*>", re.IGNORECASE)
    depth = 1
    for tag in pattern.finditer(text, pos, min(len(text), pos + _ELEMENT_REACH)):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.start()
    return pos


def declared_foreign(doc: Document, pos: int, language: str) -> bool:
    """Whether markup declares the text at ``pos`` another language than
    ``language``."""
    declared = doc.get(DeclaredLanguages).language_at(pos)
    return declared is not None and declared != language


class BlockLanguage(Analysis[ByKey[tuple[int, int], str | None]]):
    """The language of a block (by its span) as its own words tell it, names
    left out ("von der" in a name is no German): told once per block, as
    every name in it asks."""

    @classmethod
    def compute(cls, doc: Document) -> ByKey[tuple[int, int], str | None]:
        prose = doc.prose

        def told(span: tuple[int, int]) -> str | None:
            sample = prose[span[0] : min(span[1], span[0] + _BLOCK_SAMPLE)]
            return language_of(_NAME_RUN.sub(" ", sample), MIN_BLOCK_HITS)

        return ByKey(told)


#: Han ideographs, and the kana only Japanese writes.
_HAN = later_re(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_KANA = later_re(r"[\u3040-\u30ff]")
#: Characters of a text read to tell its script.
_SCRIPT_SAMPLE = 20_000


def cjk_script(text: str) -> str | None:
    """``zh`` or ``ja`` when a quarter or more of ``text``'s start is Han
    ideographs or kana (a page in Chinese or Japanese, which no count of
    space-separated words tells), else None."""
    sample = text[:_SCRIPT_SAMPLE]
    if _HAN.search(sample) is None and _KANA.search(sample) is None:
        return None
    han = len(_HAN.findall(sample))
    kana = len(_KANA.findall(sample))
    # CJK sets no spaces: a page in it is mostly ideographs and kana by
    # characters, and a page quoting a little of it is not.
    if 4 * (han + kana) < len(sample):
        return None
    return "ja" if kana * 10 > han else "zh"


def languages_of_word(word: str) -> tuple[str, ...]:
    """The languages ``word`` is one of the telling short words of."""
    return _LANGUAGES_OF.get(word.casefold(), ())


def holds_function_word(text: str, start: int, end: int, language: str) -> bool:
    """Whether ``text[start:end]`` holds a function word of ``language``."""
    table = _FUNCTION_WORDS[language]
    return any(w.casefold() in table for w in _WORD.findall(text, start, end))


class QuotationHits(Analysis[ByKey[tuple[int, int, str], bool]]):
    """Whether the prose between two quotation marks holds a function word
    of a language, told once per quotation and language (as
    ``QuotationLanguage``: every name in a long quotation asks)."""

    @classmethod
    def compute(cls, doc: Document) -> ByKey[tuple[int, int, str], bool]:
        prose = doc.prose
        return ByKey(lambda key: holds_function_word(prose, *key))


class QuotationLanguage(Analysis[ByKey[tuple[int, int], str | None]]):
    """The language of the prose between two quotation marks, told once per
    quotation: every name in it asks. A long line (a page with its line
    breaks stripped) is one block, so the marks around a name lie far apart
    and telling the language anew for each name was quadratic in the line.
    """

    @classmethod
    def compute(cls, doc: Document) -> ByKey[tuple[int, int], str | None]:
        prose = doc.prose
        return ByKey(lambda span: language_of(prose[span[0] : span[1]], MIN_QUOTE_HITS))
