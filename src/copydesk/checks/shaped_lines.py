"""``shaped_lines``: page furniture told by what its words are, not by a list.

Every site prints its stamps, counters and widgets its own way, and a
machine translation words them anew: ``10:31, 14 MAR 2024 Updated 11:02``,
``Seville Updated 11/03/2024 - 00:14 CET``, ``8/29(Thu) 18:42``; ``Add
comment (18)``, ``Like 12 Warm 3 Sad 0 Angry 1``, ``★★★★★ 4.8 (1,204
ratings)``; ``EUR/HUF 395.12 ▲0.34%``, ``Athens 38°C ☀``. A pattern per form
misses the next site's; what the forms share is the kind of their words.
So each short line of a draft is read as words, and a rule names the
shapes it reports (``shapes``):

- ``stamp``: every word a piece of a date or a clock time (figures, a
  month's or a weekday's name, a time zone), a stamp's own word (updated,
  published, at, ago, PM) or one of at most ``max-names`` capitalised names
  (the desk, the place, the editor: ``Edited By: Rahul Sharma``), with a
  clock time, or a date and a stamp's label. A date alone on its line is a
  press release's dateline and stays.
- ``counter``: a count beside the name of what readers do or leave (likes,
  comments, posts, votes, ratings), with at most ``max-words`` words of
  which at most three are other words in lower case, and no sentence's
  stop at its end.
- ``ticker``: figures with a market's or a thermometer's signs (▲ ▼ % °)
  and no word in lower case: a quotes or weather strip.
- ``row``: three to eight short items parted by bars, middle dots or wide
  gaps (two by a bar, a dot or a gap no sentence leaves), a menu, a row
  of links or buttons ("Watch Live   Weather   Traffic", "ET | EN | RU",
  "Add to calendar   Share event"), set apart: not beside a row of as many
  items holding figures (a table), not announced with a colon and not
  inside a paragraph wrapped over lines.
- ``running``: a running head and its page numbers, told by the
  document's other lines (``_running_heads``): a short line said again
  word for word, beside another such line or a page number.
- ``prompt``: a button or a prompt, a verb the page tells its reader
  (subscribe, download, load, donate) and what it offers (the app, more
  posts, the newsletter, free), in at most fourteen words and with no
  stop.

One word of ordinary prose more ("Doors open at 7pm", "The post had 124
likes.") makes a line a sentence. Mostly English forms of the words are
listed: a draft machine-translated into English has them translated too.
A stamp's months and labels are also listed in the languages of Europe's
news sites, for a page quoted untranslated ("Autor: Redacția | Publicat:
12 mai 2024, 14:20").
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from re import MULTILINE
from typing import Any, ClassVar, Final

from copydesk.checks.base import Check, CheckTypeBase, LoadContext, Reach
from copydesk.checks.existence import line_edit, opens_a_run_on_sentence
from copydesk.document import Document
from copydesk.errors import RuleError
from copydesk.lazy_patterns import later_re
from copydesk.lines import line_texts
from copydesk.model import Applicability, Finding, Fix, FixAvailability, RuleMeta
from copydesk.schema import Key
from copydesk.wordsets import word_set

#: Longest line read for a shape.
_LONGEST = 160
#: A line's words: figures with their separators, signs and units (am/pm,
#: k+, %, °C), words with their inner apostrophes, dots and hyphens, or one
#: other character.
_TOKEN = later_re(
    r"[+±-]?\d+(?:[:./,-]\d+)*(?:[ap]\.?m\.?|h\d{2}|[smhd]|min|mins|hrs?|k\+?|\+|%|°[CF]?)?"
    r"(?![\w])"
    r"|[^\W\d_]+(?:['’.+-][^\W\d_]+)*\.?(?:[+-]\d{1,2})?"
    r"|\S"
)
_CLOCK = later_re(
    r"(?:[01]?\d|2[0-4])[:.][0-5]\d(?:[:.][0-5]\d)?(?:[ap]\.?m\.?)?"
    r"|\d{1,2}(?:[ap]\.?m\.?|h\d{2})",
)
#: A time ago in figures: 4m, 2h, 30 mins (before "ago").
_SPAN = later_re(r"\d{1,3}(?:[smhd]|min|mins|hrs?)")
_DATE = later_re(
    r"\d{1,4}[./-]\d{1,2}(?:[./-]\d{1,4})?\.?|(?:19|20)\d\d|\d{1,2}(?:st|nd|rd|th)?"
)


_MONTHS = word_set(
    "january february march april may june july august september october "
    "november december jan feb mar apr jun jul aug sep sept oct nov dec "
    # A page quoted untranslated prints its stamp in its own language:
    # French, German, Spanish, Italian, Portuguese, Dutch, Romanian, Polish
    # (genitive), Welsh.
    "janvier février mars avril mai juin juillet août septembre octobre "
    "novembre décembre janv févr avr juil déc "
    "januar februar märz juni juli oktober dezember jän "
    "enero febrero marzo abril mayo junio julio agosto septiembre setiembre "
    "octubre noviembre diciembre "
    "gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre "
    "janeiro fevereiro março maio junho julho setembro outubro dezembro "
    "januari februari maart mei augustus "
    "ianuarie februarie martie aprilie iunie iulie septembrie octombrie "
    "noiembrie decembrie "
    "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września "
    "października listopada grudnia "
    "ionawr chwefror mawrth ebrill mehefin gorffennaf awst medi hydref "
    "tachwedd rhagfyr"
)
_WEEKDAYS = word_set(
    "monday tuesday wednesday thursday friday saturday sunday "
    "mon tue tues wed thu thur thurs fri sat sun"
)
_ZONES = word_set(
    "gmt utc cet cest eet eest wet west bst ist msk est edt cst cdt mst mdt pst "
    "pdt aest aedt acst acdt awst nzst nzdt jst kst hkt sgt wib wita wit ict pht "
    "ast sast cat eat wat trt gst pkt"
)
#: A stamp's own words, and the words around its figures.
_STAMP_WORDS = word_set(
    "updated update published publication posted modified edited created "
    "last date time at on by am pm a.m. p.m. hrs hours hour h min mins minute "
    "minutes ago today yesterday reading read local ah ad ce and of since "
    "uhr the asked answered active sent seen years year months month weeks "
    "week days day "
    # The same words of a page quoted untranslated: its author's label and
    # "by", "on", "at" and "last" (French, German, Spanish, Italian,
    # Portuguese, Dutch, Romanian, Polish, Lithuanian, Slovene, Welsh), but
    # those that are English words too ("door", "stand", "op").
    "par le à mis jour publié publiée modifié "
    "von am um zuletzt aktualisiert veröffentlicht "
    "por el las publicado actualizado "
    "il alle pubblicato aggiornato ultimo ultima aggiornamento "
    "em às atualizado atualização última actualización "
    "gepubliceerd bijgewerkt "
    "autor de la publicat actualizat "
    "opublikowano zaktualizowano aktualizacja "
    "autorius paskelbta atnaujinta "
    "avtor objavljeno posodobljeno "
    "diweddarwyd ddiwethaf cyhoeddwyd"
)
#: The words that say a date is the page's stamp, not a dateline.
_STAMP_LABELS = word_set(
    "updated update published publication posted modified edited created "
    "asked answered active sent "
    "publié publiée modifié aktualisiert veröffentlicht publicado actualizado "
    "pubblicato aggiornato aggiornamento actualización atualização atualizado "
    "gepubliceerd bijgewerkt publicat "
    "actualizat opublikowano zaktualizowano paskelbta atnaujinta objavljeno "
    "posodobljeno diweddarwyd cyhoeddwyd"
)
#: The units of a time ago in words ("1 week ago", "3 hours ago"); not
#: years, which a column's heading counts ("100 years ago").
_AGO_UNITS = word_set(
    "second seconds minute minutes min mins hour hours hr hrs day days week "
    "weeks month months"
)
#: What readers do or leave that a page counts.
_COUNTED = word_set(
    "like likes comment comments discussion discussions post posts vote votes "
    "rating ratings review reviews view views share shares reaction reactions "
    "follower followers subscriber subscribers reply replies recommend "
    "recommends bookmark bookmarks dislike dislikes viewed"
)
_YEAR = later_re(r"(?:1[89]|20)\d\d")
#: What a page's buttons and prompts tell the reader to do.
_UI_VERBS = word_set(
    "subscribe register sign log donate download install follow share like "
    "comment add leave publish send submit load show view read continue click "
    "tap get receive join support buy compare rate print listen watch report "
    "contact upgrade unlock activate"
)
#: What they offer or name: the reader, the page's own things, its channels.
_UI_OBJECTS = word_set(
    "us our app apps newsletter newsletters notice notices message offers offer "
    "posts comments comment article articles news alerts alert channel release "
    "releases premium subscription subscriptions account free once month "
    "monthly english whatsapp telegram viber facebook youtube instagram tiktok "
    "line google membership registration more story stories here page"
)
#: How many items a row holds, and how long each may be.
_ROW_ITEMS = (3, 8)
_ROW_ITEM_CHARS = 32
_ROW_ITEM_WORDS = 5
_BAR = later_re(r"[ \t]*\|[ \t]*")
#: Items of a row that are signs, not words: a language menu's globe, a
#: player's arrows.
_ROW_SIGNS = frozenset("▶◀‹›«»←→↑↓⏮⏭⏯🌐☰")
#: A middle dot or a bullet between spaced items ("Free · Offers In-App
#: Purchases"); "the 2·3 split" holds none.
_DOT = later_re(r"[ \t]+[·•●][ \t]+")
_GAP = later_re(r"[ \t]{2,}")
#: A gap no sentence leaves (two spaces follow a full stop in some hands):
#: two items parted so are a row.
_WIDE_GAP = later_re(r"\S(?:[ ]{3,}|\t)\S")
#: Most words a prompt holds.
_PROMPT_WORDS = 14
#: A market's or a thermometer's signs.
_TICKER_SIGNS = frozenset("▲▼△▽↑↓%°")
#: Other words in lower case a counter may hold ("Comments on this article").
_COUNTER_OTHERS = 3


def _figure(token: str) -> bool:
    """Whether ``token`` is a figure, signed or not (12, 4.8, +6°, -0.3%)."""
    return token[0].isdigit() or (
        len(token) > 1 and token[0] in "+-±" and token[1].isdigit()
    )


def _stamp(tokens: list[str], max_names: int) -> bool:
    """A date or time stamp: see the module's docstring."""
    names = 0
    clock = dated = labelled = worded = listed = False
    for i, token in enumerate(tokens):
        low = token.casefold().rstrip(".")
        if token == ":" and (clock or dated):
            listed = True  # "Sunday 5 October, 10.30am: Harvest Festival"
            continue
        if _figure(token):
            ago = "ago" in tokens[i + 1 : i + 3]
            in_words = ago and tokens[i + 1].casefold() in _AGO_UNITS
            if _CLOCK.fullmatch(low) or (ago and _SPAN.fullmatch(low)) or in_words:
                clock = True
            elif _DATE.fullmatch(low):
                dated = True
            else:
                return False  # a signed figure or a count: no stamp's
        elif not token[0].isalpha():
            continue  # a mark: - | · , ( ) :
        elif low in _MONTHS or low in _WEEKDAYS:
            dated = True
        elif low[-1:] == "s" and low[:-1] in _WEEKDAYS:
            return False  # "Tuesdays and Fridays at 10.30am": a timetable's
        elif low in _STAMP_WORDS or low in _ZONES or low.split("+")[0] in _ZONES:
            worded = True
            labelled = labelled or low in _STAMP_LABELS
        elif token[0].isupper() and names < max_names:
            if listed and not labelled:
                return False  # what happens then, named after the colon
            names += 1
        else:
            return False
    # A clock beside a name alone is a listing ("Play · 19:30"); a stamp
    # dates it, labels it or gives its zone. A date and a time, a colon and
    # a name is a listing too: a programme's or a parish's events.
    return (clock and (dated or worded or names == 0)) or (dated and labelled)


def _counter(tokens: list[str], max_words: int) -> bool:
    """A count beside what readers did ("Like 124", "Discussion (57
    posts)"), or a closing count in brackets on a line that names it
    ("Comments on this article (1,284)")."""
    if len(tokens) > 2 and _figure(tokens[0]) and tokens[1] in ".)":
        tokens = tokens[2:]  # a numbered item: "3. Comments from members"
    said = others = 0
    beside = False  # a count right beside what it counts
    for i, token in enumerate(tokens):
        if not token[0].isalpha():
            continue
        said += 1
        low = token.casefold()
        if low in _COUNTED:
            near = tokens[max(0, i - 2) : i] + tokens[i + 1 : i + 3]
            beside = beside or any(_count(t) for t in near)
        elif token.islower():
            others += 1
    closing = len(tokens) > 2 and tokens[-1] == ")" and _count(tokens[-2])
    return (
        (beside or (closing and any(t.casefold() in _COUNTED for t in tokens)))
        and said <= max_words
        and others <= _COUNTER_OTHERS
        and tokens[-1][-1] not in ".!?"
    )


def _reactions(tokens: list[str]) -> bool:
    """Reactions and their counts, no word: "👍 612   😡 240   🔥 31",
    "👍 🙏 ❤️ 23" (a messenger's or a news site's reaction bar)."""
    marks = counts = 0
    for token in tokens:
        if _count(token):
            counts += 1
        elif len(token) == 1 and unicodedata.category(token) == "So":
            marks += 1
        elif token not in _EMOJI_JOINERS:
            return False
    return marks > 0 and counts > 0


#: What emoji sequences hold besides their pictures: the variation selector
#: and the zero-width joiner.
_EMOJI_JOINERS = frozenset("\ufe0f\u200d")


def _count(token: str) -> bool:
    """Whether ``token`` counts something: a figure, not a year (2021)."""
    return _figure(token) and _YEAR.fullmatch(token) is None


def _prompt(tokens: list[str]) -> bool:
    """A button or a prompt: a verb the page tells the reader (after an
    optional "Please") and what it offers ("Load more posts", "Download the
    app from Play Store", "Register for free"), or the verb and one word
    ("Donate once"); never a sentence with its stop, nor a verb alone. A
    subhead that starts with such a verb names no such thing ("Follow the
    water")."""
    said = [t for t in tokens if t[0].isalpha()]
    if not said or len(said) > _PROMPT_WORDS or tokens[-1].endswith("."):
        return False
    if said[0].casefold() == "please":
        said = said[1:]
    if len(said) < 2 or said[0].casefold() not in _UI_VERBS:
        return False  # a verb alone ("Share") is the lists' (artifacts.Social)
    if any(w.casefold() in _UI_OBJECTS for w in said[1:]):
        return True
    # The verb and one word of its own language ("Donate once"), not a
    # button and its translation ("Share Teilen").
    return len(said) == 2 and said[1].islower()


def _row(text: str) -> bool:
    """A row of menu items, links or buttons: three to eight short items
    (a word or a few, no sentence's stop) parted by bars or wide gaps, at
    most one with a figure ("Watch Live   Weather   Traffic   Contests",
    "ET | EN | RU", "About us | Advertising | Privacy policy | © 2024"), or
    two parted by a bar or a gap no sentence leaves ("Add to calendar
    Share event")."""
    return _row_items(text) > 0


def _row_items(text: str) -> int:
    """How many items the row ``text`` holds (see :func:`_row`); 0 for a
    line that is no row."""
    # Two items make a row when parted by a bar, a dot (not a byline and
    # its place, "By Sara Lindholm · Stockholm": the byline rules' to
    # judge) or a gap no sentence leaves ("Add to calendar   Share event").
    if "|" in text:
        parts, pair = _BAR.split(text), True
    elif _DOT.search(text) is not None:
        parts = _DOT.split(text)
        pair = not parts[0].startswith("By ")
    elif _GAP.search(text) is not None:
        parts = _GAP.split(text)
        pair = _WIDE_GAP.search(text) is not None
    else:
        return 0
    parts = [part for part in parts if part]
    fewest = 2 if pair else _ROW_ITEMS[0]
    if not fewest <= len(parts) <= _ROW_ITEMS[1]:
        return 0
    figures = 0
    for i, part in enumerate(parts):
        if len(part) > _ROW_ITEM_CHARS or len(part.split()) > _ROW_ITEM_WORDS:
            return 0
        if not any(ch.isalnum() for ch in part) and part not in _ROW_SIGNS:
            return 0  # "#   twisted": a comment's mark, no item
        if part[-1] in ".!?;," or (part[-1] == ":" and i):
            return 0  # a sentence's end; a label leads the row only
        figures += any(ch.isdigit() for ch in part)
    return len(parts) if figures <= 1 else 0


def _ticker(tokens: list[str]) -> bool:
    figures = 0
    signed = False
    for token in tokens:
        if _figure(token):
            figures += 1
            # A percentage or a degree; not a bare sign: +1 617-555-0187
            signed = signed or "%" in token or "°" in token
        elif token[0] in _TICKER_SIGNS:
            signed = True
        elif token.islower() and token.isalpha():
            return False
    return figures >= 2 and signed


class _Shape:
    """How a shape is read: from a line's text and words, whether only a
    line with a figure can have it (a stamp, a counter, a strip), whether
    it must stand apart from a table and from prose (a row), and whether
    ``_LISTED`` lines of it in a row are a list's entries (a stamp: a page
    prints one, where opening hours and race results run on). A plain
    class, not a NamedTuple: this module postpones its annotations, which a
    record's fields would compile at every start."""

    __slots__ = ("apart", "figures", "listed", "reads")

    def __init__(
        self,
        reads: Callable[[str, list[str]], bool],
        *,
        figures: bool = True,
        apart: bool = False,
        listed: bool = False,
    ) -> None:
        self.reads = reads
        self.figures = figures
        self.apart = apart
        self.listed = listed


def _reads_stamp(max_names: int, _text: str, tokens: list[str]) -> bool:
    return _stamp(tokens, max_names)


def _reads_counter(max_words: int, _text: str, tokens: list[str]) -> bool:
    return _counter(tokens, max_words) or _reactions(tokens)


def _reads_ticker(_text: str, tokens: list[str]) -> bool:
    return _ticker(tokens)


def _reads_prompt(_text: str, tokens: list[str]) -> bool:
    return _prompt(tokens)


def _reads_row(text: str, _tokens: list[str]) -> bool:
    return _row(text)


#: Lines of a listed shape in a row that make a list ("Monday 9am–7pm",
#: "Tuesday 9am–5pm", "Wednesday Closed"): a page's own stamps stand one or
#: two together, by a headline or a byline.
_LISTED = 3


def _same_list(doc: Document, last: int, line: int) -> bool:
    """Whether ``line`` goes on the list whose entry ``last`` was: next to
    it, or after one line of the list that reads otherwise but opens as its
    entries do ("Wednesday Closed" among the opening hours), with no blank
    line between; a headline between stamps is a sidebar's ("Rail strike
    called off" under "8/29(Thu) 18:42")."""
    if line - last == 1:
        return True
    if line - last != 2:
        return False
    gap = _TOKEN.findall(doc.line_text(last + 1))
    entry = _TOKEN.findall(doc.line_text(last))
    return bool(gap) and bool(entry) and _opening(gap[0]) == _opening(entry[0]) != ""


def _opening(token: str) -> str:
    """What kind of word opens a list's line: a weekday, a month, a figure."""
    low = token.casefold().rstrip(".")
    if low in _WEEKDAYS:
        return "weekday"
    if low in _MONTHS:
        return "month"
    return "figure" if _figure(token) else ""


class ShapedLines(CheckTypeBase):
    """Flags lines of a draft whose words have the shape of page furniture."""

    __slots__ = ("figures_only", "meta", "running", "shapes")

    FIX: ClassVar[FixAvailability] = FixAvailability.UNSAFE
    #: A line decides alone, but its fix takes the blank line before it
    #: (``line_edit``), which a window of one paragraph does not hold.
    REACH: ClassVar[Reach] = Reach.DOCUMENT

    KEYS: ClassVar[Mapping[str, Key]] = {
        k.name: k
        for k in (
            Key("shapes", (list,), item_types=(str,)),
            Key("max-names", (int,)),
            Key("max-words", (int,)),
        )
    }

    meta: Final[RuleMeta]
    shapes: Final[tuple[_Shape, ...]]
    running: Final[bool]
    #: Every shape asked counts or dates something: a line without a figure
    #: is passed over unread.
    figures_only: Final[bool]

    def __init__(
        self, meta: RuleMeta, shapes: tuple[str, ...], max_names: int, max_words: int
    ) -> None:
        self.meta = meta
        # Module functions and partials, not lambdas: a ruleset's compiled
        # state is pickled (``copydesk.ruleset_snapshot``).
        known = {
            "stamp": _Shape(functools.partial(_reads_stamp, max_names), listed=True),
            "counter": _Shape(functools.partial(_reads_counter, max_words)),
            "ticker": _Shape(_reads_ticker),
            "prompt": _Shape(_reads_prompt, figures=False),
            "row": _Shape(_reads_row, figures=False, apart=True),
        }
        #: Running heads are told by the document's other lines, not by
        #: one line's words: read apart (:func:`_running_heads`).
        self.running = "running" in shapes
        shapes = tuple(shape for shape in shapes if shape != "running")
        unknown = sorted(set(shapes) - known.keys())
        if unknown or not (shapes or self.running):
            raise RuleError(
                meta.source,
                f"key 'shapes': expected some of {', '.join(known)}, running, "
                f"got {unknown[0] if unknown else 'none'}",
            )
        self.shapes = tuple(known[s] for s in shapes)
        self.figures_only = all(shape.figures for shape in self.shapes)

    @classmethod
    def from_yaml(
        cls, meta: RuleMeta, data: Mapping[str, Any], _context: LoadContext
    ) -> Check:
        return cls(
            meta,
            tuple(data.get("shapes", ())),
            int(data.get("max-names", 3)),
            int(data.get("max-words", 10)),
        )

    def run(self, doc: Document) -> Iterator[Finding]:
        if self.running:
            for line in _running_heads(doc):
                row = doc.line_text(line)
                text = row.strip()
                yield self._finding(doc, doc.line_start(line) + row.find(text), text)
        if not self.shapes:
            return
        # Lines only a listed shape reads, in a row: (line, start, text).
        listed: list[tuple[int, int, str]] = []
        for found in _LINE.finditer(doc.prose):
            if found.end() - found.start(1) > _LONGEST:
                continue  # a paragraph's line: read by its end, not tokenised
            text = found.group(1).rstrip()
            if self.figures_only and _FIGURE.search(text) is None:
                continue
            start = found.start(1)
            if opens_a_run_on_sentence(doc, start):
                continue  # "Updated 3 minutes ago:" then "the sky.": a verse's
            tokens = _TOKEN.findall(text)
            read = [
                shape
                for shape in self.shapes
                if shape.reads(text, tokens)
                and (not shape.apart or _set_apart(doc, doc.line_col(start)[0]))
            ]
            if not read:
                continue
            if all(shape.listed for shape in read):
                line = doc.line_col(start)[0]
                if listed and not _same_list(doc, listed[-1][0], line):
                    yield from self._unlisted(doc, listed)
                    listed = []
                listed.append((line, start, text))
                continue
            yield self._finding(doc, start, text)
        yield from self._unlisted(doc, listed)

    def _unlisted(
        self, doc: Document, run: list[tuple[int, int, str]]
    ) -> Iterator[Finding]:
        """The findings on a row of listed lines, unless there are enough of
        them to be a list's entries."""
        if len(run) < _LISTED:
            for _, start, text in run:
                yield self._finding(doc, start, text)

    def _finding(self, doc: Document, start: int, text: str) -> Finding:
        """The finding on the line ``text`` (as the prose shows it, without
        its indentation) starts at ``start``, deleting the line."""
        line, _ = doc.line_col(start)
        fix = Fix((line_edit(doc, line, line),), Applicability.UNSAFE)
        message = self.meta.format_message(text)
        return self.meta.finding(doc, start, start + len(text), message, (), fix)


def _running_heads(doc: Document) -> list[int]:
    """The lines of a paginated document's running heads and folios: a
    short line that stands again word for word elsewhere in the draft (the
    report's title over every page) beside another such line or a page
    number ("12", "Page 12", "- 12 -"), and the page numbers beside them.
    A refrain (a poem's, a chorus') repeats alone, between lines of its
    own: it stays. Only drafts are read (the rule's ``kinds``)."""
    lines = [line.strip() for line in line_texts(doc.text)]
    heads = {
        line
        for line, count in Counter(lines).items()
        if count >= 2
        and line[:1].isalnum()  # no comment ("# via"), no bullet
        # A title ends in no stop: a line that does is a sentence, or a
        # wrapped one's last line, said again (a man page's options'
        # descriptions, "Defaults to ``.coverage``.").
        and (line[-1] not in _NO_HEAD_END or _ABBREVIATED.search(line) is not None)
        and len(line) <= _HEAD_CHARS
        and len(line.split()) <= _HEAD_WORDS
    }
    if not heads:
        return []
    repeated = [line in heads for line in lines]
    folio = [_FOLIO.fullmatch(line) is not None for line in lines]
    found: set[int] = set()
    for i, again in enumerate(repeated):
        if not again:
            continue
        for j in (i - 1, i + 1):
            # A line said twice in a row is a refrain ("Sign in to continue"
            # over itself in a poem), not a page's head.
            if 0 <= j < len(lines) and (
                (repeated[j] and lines[j] != lines[i]) or folio[j]
            ):
                found.add(i)
                if folio[j]:
                    found.add(j)
    filled = sum(1 for line in lines if line)
    if filled >= _LONG_TEXT and len(found) > _HEAD_SHARE * filled:
        # A long text whose repeated short lines are a quarter of it is a
        # log or a table (a validator's report: "Type: Error" every six
        # lines), not pages: their heads are a line or three of forty.
        return []
    return [i + 1 for i in sorted(found)]


#: Lines of a text long enough to judge its share of running heads, and
#: the share above which the repeats are its records, not its pages' heads.
_LONG_TEXT = 200
_HEAD_SHARE = 0.25


#: How a line that is no running head ends: a label's colon, a sentence's
#: stop, a clause's comma or semicolon.
_NO_HEAD_END = frozenset(":.!?,;")
#: A head that ends in an abbreviation's stop ("Smith et al.", "Acme Ltd.").
_ABBREVIATED = later_re(r"(?:\bet al|\b(?:Inc|Ltd|Co|Corp|Vol|No|Pt|Ch|eds?))\.\Z")
#: Most words and characters of a running head.
_HEAD_WORDS = 14
_HEAD_CHARS = 120
#: A page number alone on its line.
_FOLIO = later_re(
    r"(?i:page[ \t]+)?\d{1,4}(?:[ \t]*(?:/|of)[ \t]*\d{1,4})?"
    r"|[-–—][ \t]*\d{1,4}[ \t]*[-–—]"
)


def _set_apart(doc: Document, line: int) -> bool:
    """Whether a row stands apart as a page's menu or buttons do: beside no
    row of as many items (two make a table a writer set in plain text, its
    header over its rows), not announced by the line before (a colon) and
    not inside a paragraph wrapped over lines (a long line beside it that
    ends no sentence, a short one that does, a line after it that goes on
    in lower case): that is the writer's list. A paragraph set on one line,
    ended, and a short heading leave the row beside them apart."""
    items = _row_items(doc.line_text(line).strip())
    for near in (line - 1, line + 1):
        if not 0 < near <= doc.line_count:
            continue
        text = doc.line_text(near).strip()
        if not text:
            continue
        if _row_items(text) == items and _tabled(doc, line, near, text):
            return False  # a table: its rows hold as many items
        if near < line and text[-1] in ":;,":
            return False  # announced by the line before
        if near > line and text[0].islower():
            return False  # the sentence runs on past it
        if (len(text) > _PROSE_LINE) != _ends_sentence(text):
            # A long line that ends no sentence, or a short one that does: a
            # paragraph wrapped over lines, the row inside it. A long line
            # that ends a sentence is a paragraph of its own, ended.
            return False
    return True


def _tabled(doc: Document, line: int, near: int, text: str) -> bool:
    """Whether a row and the row of as many items beside it (``near``,
    ``text``) are a table's: one holds a figure (a table's values), or a
    third such row follows (a table's body). Two rows of words alone are
    two menus ("‹ Previous   Contents   Next ›" over "Aa   Bookmark   Night
    mode")."""
    if _FIGURE.search(text) or _FIGURE.search(doc.line_text(line)):
        return True
    beyond = near + (near - line)
    return 0 < beyond <= doc.line_count and _row(doc.line_text(beyond).strip())


#: How a paragraph set on one line ends: a row after it stands apart.
_PARAGRAPH_ENDS = frozenset('.!?"”’)»…')


def _ends_sentence(text: str) -> bool:
    """Whether a line ends a sentence: a stop, a closing quotation mark, or
    a bracket after a stop ("(as agreed.)"); a count in brackets ends a
    button's label ("Basket (0)"), no sentence."""
    if text[-1] != ")":
        return text[-1] in _PARAGRAPH_ENDS
    return len(text) > 1 and text[-2] in _PARAGRAPH_ENDS and text[-2] != ")"


#: A line longer than this beside a row is prose.
_PROSE_LINE = 80


#: A line without its indentation and bullet (the length is read after:
#: a lazy pattern that stopped at the longest was ten times slower).
_LINE = later_re(r"^[ \t•·▪►-]*(\S[^\n]*)$", MULTILINE)
_FIGURE = later_re(r"\d")
