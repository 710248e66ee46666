"""Page furniture comes in runs: a line beside a furniture line is often one.

A scraped page pastes its furniture in clusters: a cookie notice and its
buttons ("I AGREE", "I DO NOT AGREE", "MORE OPTIONS"), a live blog's "Live"
between the skip link and the update stamp, "Pinned post" over the post's
time. The rules know the notice, the skip link and the stamp; no list can
know every button the next site prints. So once the rules have spoken, the
engine grows each run of furniture lines over the lines touching it (no
blank line between) that are as short as a button or a label and end no
sentence: at most ``MAX_WORDS`` words, at most ``MAX_CHARS`` characters, no
stop at the end, not the draft's first line nor its headline (its first
line of three words or more that no rule reported, over a blank line or a
longer one) and not opening with a quotation mark. A line so added is
reported under the rule of the furniture it touches, with a message of its
own.

Below the story's first paragraph, a short label of such a run (no
figure: not a live blog's time) also takes the lines under it shaped as
headlines, when two or more of them stand there or the last stands over
more furniture: the "Related news" list of a page, whatever its label's
language.

Only drafts, and only findings of rules that declare ``furniture``
(whole lines of page furniture): a docs page's short lines beside its own
notes are its content. A rule that declares ``furniture: fallback`` (the
shapes of ``shaped_lines``: any stamp, any counter) reports a line only
where no list rule reports it, in any document: one finding a line. A rule
that declares ``furniture: beside`` (a bare byline) reports a line only
where it touches a line another furniture rule reports: alone, such a line
is the writer's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from copydesk.checks.existence import line_edit
from copydesk.document import Document
from copydesk.lazy_patterns import later_re
from copydesk.model import Applicability, Finding, Fix, RuleMeta

#: Most words and characters of a line taken into a run: a button or a
#: label ("MORE OPTIONS", "Pinned post", "Article reserved for subscribers").
MAX_WORDS = 4
MAX_CHARS = 48
#: Fewest words of a headline.
_HEADLINE_WORDS = 3
#: Most lines a run grows on each side.
MAX_GROWTH = 3
#: Most listed headlines taken under a label, and their fewest and most
#: words.
MAX_TEASERS = 4
_TEASER_WORDS = 4
MAX_TEASER_WORDS = 16
#: A line that ends a sentence, and the fewest words of a paragraph's.
_PARAGRAPH = later_re(r"(?m)^[^\n]*[.!?\"”’][ \t]*$")
_PARAGRAPH_WORDS = 8
_FIGURE = later_re(r"\d")
#: A sentence's end inside a line: a paragraph, not a headline.
_SENTENCE_INSIDE = later_re(r"[.!?][ \t]+\S")
_QUOTES = "\"'“‘«„‚»”’「『"
_STOPS = ".!?…:;,"
MESSAGE = (
    "'{line}' stands among page furniture pasted with the text (line {near});"
    " delete the line."
)


def grown(
    findings: Sequence[Finding], doc: Document, furniture: Mapping[str, RuleMeta]
) -> list[Finding]:
    """``findings`` without the fallback ones a list rule repeats and the
    "beside" ones that touch no other furniture, and, in a draft, a finding
    for each short line a run of the ``furniture`` rules' lines grows over
    (``furniture``: by rule id, the rules that declare ``furniture``,
    "lines", "fallback" or "beside").

    The runs grow first from the other rules' lines; a "beside" line stands
    where it touches one of those runs (a bare byline over a date line the
    run took in), and then grows a run of its own."""
    if not furniture:
        return list(findings)
    beside = [f for f in findings if _kind(f, furniture) == "beside"]
    rest = _given_way(
        [f for f in findings if _kind(f, furniture) != "beside"], furniture
    )
    if doc.kind != "draft":
        return [*rest, *_touching(beside, rest, furniture)]
    out = _grow(rest, doc, furniture, None)
    kept = _touching(beside, out, furniture)
    if not kept:
        return out
    seeds = {line for f in kept for line in range(f.line, f.end_line + 1)}
    return _grow([*out, *kept], doc, furniture, seeds)


def _grow(
    findings: Sequence[Finding],
    doc: Document,
    furniture: Mapping[str, RuleMeta],
    seeds: set[int] | None,
) -> list[Finding]:
    """``findings`` and a finding for each short line that a run grows over
    from the furniture lines, and for the headlines listed under a label of
    such a run. Where ``seeds`` are given, only runs from those lines grow
    (the lines they take join ``seeds``): the other runs grew before."""
    taken: dict[int, str] = {}
    for f in findings:
        if f.rule in furniture:
            for line in range(f.line, f.end_line + 1):
                taken.setdefault(line, f.rule)
    if not taken:
        return list(findings)
    first = _headline(doc, taken)
    top = _first_line(doc)  # grown over only as a masthead
    added: list[Finding] = []
    grown_from = sorted(
        (line, rule) for line, rule in taken.items() if seeds is None or line in seeds
    )
    for line, rule in grown_from:
        for step in (-1, 1):
            near = line
            for _ in range(MAX_GROWTH):
                at = near + step
                if at in taken or not _takes(doc, at, first, taken):
                    break
                if at == top and not _masthead(doc, at, taken):
                    break
                taken[at] = rule
                added.append(_finding(doc, furniture[rule], at, line))
                if seeds is not None:
                    seeds.add(at)
                near = at
    body = _first_paragraph(doc, taken)
    story = _first_paragraph(doc, taken, 2) if body else 0
    for at, near in _sandwiched(doc, taken, story, seeds):
        taken[at] = taken[near]
        added.append(_finding(doc, furniture[taken[near]], at, near))
    for line, rule in sorted(taken.items()):
        if seeds is not None and line not in seeds:
            continue  # a run that grew before
        if not 0 < body < line:
            continue  # over the story: its headline, its standfirst
        teasers = _teasers(doc, line, taken, first)
        for at in teasers:
            taken[at] = rule
            added.append(_finding(doc, furniture[rule], at, line))
    return [*findings, *added]


def _sandwiched(
    doc: Document, taken: Mapping[int, str], body: int, seeds: set[int] | None
) -> list[tuple[int, int]]:
    """The lines below the story's second paragraph (``body``; none without
    one: a page's top may hold a notice in sentences over its breadcrumb,
    its headline and its stamp), each with the furniture line above it,
    that stand between two furniture lines, no blank line between, shaped
    as a headline or a label (no more than ``MAX_TEASER_WORDS`` words, no
    sentence inside or ending it): a list of other posts whose titles
    alternate with their reading times ("The bakeries that open at 3am"
    between "More from …" and "5 min read · Dec 2"). A line so taken counts
    for the next one, so a list is taken whole. Where ``seeds`` are given,
    only lines beside them (they join ``seeds``)."""
    if not body:
        return []
    found: list[tuple[int, int]] = []
    between = set(taken)
    for start in sorted(taken):
        if start < body:
            continue
        line = start
        while line + 1 not in between and line + 2 in between:
            at = line + 1
            if not _between(doc, at) or (
                seeds is not None and not {line, at + 1} & seeds
            ):
                break
            between.add(at)
            found.append((at, start))
            if seeds is not None:
                seeds.add(at)
            line = at + 1
            while line + 1 in between:
                line += 1
    return found


#: Words of letters a line between furniture lines holds at least.
_BETWEEN_WORDS = 2
_WORDS = later_re(r"[^\W\d_]{2,}")


def _between(doc: Document, line: int) -> bool:
    """Whether ``line`` may stand between two furniture lines as one: see
    :func:`_sandwiched`."""
    lo, hi = doc.line_bounds(line)
    text = doc.prose[lo:hi].strip()
    return (
        len(_WORDS.findall(text)) >= _BETWEEN_WORDS
        and "=" not in text  # "**** s1 0.0 rxhdrlen = 35": a log's line
        and len(text.split()) <= MAX_TEASER_WORDS
        and text[-1] not in _STOPS
        and text[0] not in _QUOTES
        and _SENTENCE_INSIDE.search(text) is None
    )


def _teasers(
    doc: Document, label: int, taken: Mapping[int, str], first: int
) -> list[int]:
    """The headlines a page lists under a furniture label ("Related news",
    "Поврзани вести", "Also read:"), pasted as lines of their own: the
    lines right below the label shaped as headlines (a capital, four to
    ``MAX_TEASER_WORDS`` words, no stop), when there are two or more of them
    or the last stands over more furniture. One such line over a paragraph
    or at the draft's end is a subhead or the story's last words and stays,
    and so do the lines under a label with a figure (a live blog's "10:32"
    over its entry's headline)."""
    text = doc.line_text(label)
    if len(text.split()) > MAX_WORDS or _FIGURE.search(text) is not None:
        return []
    found: list[int] = []
    at = label + 1
    while len(found) < MAX_TEASERS and at not in taken and _teaser(doc, at, first):
        found.append(at)
        at += 1
    return found if len(found) >= 2 or (found and at in taken) else []


def _first_paragraph(doc: Document, taken: Mapping[int, str], nth: int = 1) -> int:
    """The draft's first (``nth``) line of running prose (a sentence of
    ``_PARAGRAPH_WORDS`` words or more that ends with a stop, and no
    furniture: a cookie notice's sentences are not the story), 0 for none:
    what a page lists above it is its top, not a list of other stories."""
    for found in _PARAGRAPH.finditer(doc.prose):
        if len(found.group().split()) >= _PARAGRAPH_WORDS:
            line = doc.line_col(found.start())[0]
            if line not in taken:
                nth -= 1
                if not nth:
                    return line
    return 0


def _teaser(doc: Document, line: int, first: int) -> bool:
    """Whether ``line`` is shaped as a listed headline: see :func:`_teasers`."""
    text = _growable(doc, line, first)
    words = text.split()
    return (
        _TEASER_WORDS <= len(words) <= MAX_TEASER_WORDS
        and text[0].isupper()
        and text[-1] not in _STOPS
        and _SENTENCE_INSIDE.search(text) is None
    )


def _touching(
    beside: Sequence[Finding],
    others: Sequence[Finding],
    furniture: Mapping[str, RuleMeta],
) -> list[Finding]:
    """The "beside" findings whose lines touch a line that one of
    ``others`` from a furniture rule reports: a bare byline ("By Anna
    Kowal") is the writer's own over the story, and the page's over its
    time stamp or share row. Two such lines do not vouch for each other
    (a byline and the reporter's role under it stay)."""
    if not beside:
        return []
    near = {
        line + step
        for f in others
        if f.rule in furniture
        for line in range(f.line, f.end_line + 1)
        for step in (-1, 0, 1)
    }
    return [f for f in beside if not near.isdisjoint(range(f.line, f.end_line + 1))]


def _kind(finding: Finding, furniture: Mapping[str, RuleMeta]) -> str:
    """The ``furniture`` key of the finding's rule ("" for other rules)."""
    meta = furniture.get(finding.rule)
    return "" if meta is None else meta.furniture


def _given_way(
    findings: Sequence[Finding], furniture: Mapping[str, RuleMeta]
) -> list[Finding]:
    """``findings`` without those of "fallback" rules on lines a "lines"
    rule reports: a stamp the stamp list knows is one finding, not two."""
    listed = {
        line
        for f in findings
        if f.rule in furniture and furniture[f.rule].furniture == "lines"
        for line in range(f.line, f.end_line + 1)
    }
    return [
        f
        for f in findings
        if f.rule not in furniture
        or furniture[f.rule].furniture != "fallback"
        or not listed.issuperset(range(f.line, f.end_line + 1))
    ]


def _first_line(doc: Document) -> int:
    """The draft's first line with words on it (searched, not stripped: a
    stripped copy of a long draft is the draft again)."""
    found = _INK.search(doc.text)
    return doc.line_col(found.start())[0] if found else 0


_INK = later_re(r"\S")


def _headline(doc: Document, taken: Mapping[int, str]) -> int:
    """The draft's headline: its first line of three words or more that no
    rule reported and that ends its block or stands over a longer line (the
    furniture above it is the page's top; "Live" is a label of it, and "I DO
    NOT AGREE" over "MORE OPTIONS" a row of buttons)."""
    last = doc.line_count
    for line in range(1, last + 1):
        if line in taken or len(doc.line_text(line).split()) < _HEADLINE_WORDS:
            continue
        if _masthead(doc, line, taken):
            continue
        below = doc.line_text(line + 1).strip() if line < last else ""
        if not below or len(below) > MAX_CHARS:
            return line
    return 0


#: Words a name in title case leaves in lower case ("University of Wensum").
_MINOR_WORDS = frozenset({"of", "and", "the", "for", "on", "at", "in", "de", "&"})


#: What parts the items of a menu row: a bar, a dot, an arrow, a slash, or
#: the two spaces or a tab a pasted row of links leaves.
_MENU_GAP = later_re(r"[ \t]*[|·•›»/][ \t]*|[ ]{2,}|\t")
#: Fewest items of a menu row.
_MENU_ITEMS = 3
#: The rules whose line under a masthead is the site's menu.
_MENU_RULES = frozenset(
    {"artifacts.Navigation", "artifacts.Rows", "artifacts.Breadcrumbs"}
)


def _masthead(doc: Document, line: int, taken: Mapping[int, str]) -> bool:
    """Whether ``line`` is the page's name over its menu: written in
    capitals or title case ("Glasshouse Grower Weekly", "FURLONG POST"),
    right above a furniture line that is a menu (three items or more, no
    figure: "Subscribe | Log in | Jobs"). A headline stands over its
    byline, its stamp or the story, not over the site's menu; over one
    button ("Send Flowers" under an obituary's name) or a line with a date
    or a time it is the story's and stays."""
    below = line + 1
    if taken.get(below) not in _MENU_RULES:
        return False  # a share row under a headline is the story's
    row = doc.line_text(below).strip()
    if _FIGURE.search(row) is not None or len(_MENU_GAP.split(row)) < _MENU_ITEMS:
        return False
    words = doc.line_text(line).split()
    return bool(words) and all(
        word[0].isupper() or word in _MINOR_WORDS or not word[0].isalpha()
        for word in words
    )


def _growable(doc: Document, line: int, first: int) -> str:
    """The prose of ``line``, stripped; empty for no line of the draft and
    for its headline (``first``), which no run takes."""
    if line < 1 or line > doc.line_count or line == first:
        return ""
    lo, hi = doc.line_bounds(line)
    return doc.prose[lo:hi].strip()


def _takes(doc: Document, line: int, first: int, taken: Mapping[int, str]) -> bool:
    text = _growable(doc, line, first)
    return (
        bool(text)
        and len(text) <= MAX_CHARS
        and len(text.split()) <= MAX_WORDS
        and text[-1] not in _STOPS
        and text[0] not in _QUOTES
        and "=" not in text  # dtoverlay=i2c-rtc: a line of code, not a label
        and (any(ch.isalpha() for ch in text) or _separator(text))
        and not _in_record(doc, line, taken)
    )


def _separator(text: str) -> bool:
    """Whether ``text`` is a mark that parts a row's items, alone on its
    line ("·", "∙", "|"): a button row pasted one item a line (not a
    bracket: "}" closes a listing's object)."""
    return len(text) <= _SEPARATOR_CHARS and all(ch in _SEPARATORS for ch in text)


#: Most characters of a separator line, and the marks one is made of.
_SEPARATOR_CHARS = 2
_SEPARATORS = frozenset("·∙•|/–—-")


#: A line shaped as a record's field: a label of a word or two, a colon,
#: its value ("Born: 1889, Dundee").
_FIELD = later_re(r"[ \t]*[^\W\d_][\w'’.-]*(?: [\w'’.-]+)?:[ \t]+\S")
#: Fewest field lines in a row that make a record.
_RECORD_FIELDS = 3


def _in_record(doc: Document, line: int, taken: Mapping[int, str]) -> bool:
    """Whether ``line`` is one of ``_RECORD_FIELDS`` or more field lines in
    a row that no rule reports: a record the draft quotes (a register's
    "Name:", "Born:", "Service:"), the content's, where one "Source: KVRN"
    or "Sort by: Best" beside furniture, or a page's "News ID:" and
    "Publish Date:" over its "Reading time:", is the page's."""
    if _FIELD.match(doc.line_text(line)) is None:
        return False
    count = 1
    for step in (-1, 1):
        at = line + step
        while 1 <= at <= doc.line_count and _FIELD.match(doc.line_text(at)):
            if at in taken:
                return False
            count += 1
            at += step
    return count >= _RECORD_FIELDS


def _finding(doc: Document, meta: RuleMeta, line: int, near: int) -> Finding:
    lo, hi = doc.line_bounds(line)
    raw = doc.text[lo:hi]
    start = lo + len(raw) - len(raw.lstrip())
    end = lo + len(raw.rstrip())
    fix = Fix((line_edit(doc, line, line),), Applicability.UNSAFE)
    message = MESSAGE.format(line=doc.text[start:end], near=near)
    return meta.finding(doc, start, end, message, fix=fix)
