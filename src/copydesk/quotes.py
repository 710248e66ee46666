"""Quote pairing: quotation marks balanced the way an editor reads them.

One linear pass per document pairs quote marks paragraph by paragraph with a
stack. Apostrophes, elisions and primes are told from quotes by the characters
around each mark; which mark opens and which closes follows the document's
own marks (a „ opener makes “ a closer) and ``doc.language`` only where the
marks alone cannot tell. A closer of the other kind than the open quotation's
opener (``‘…”``, ``“…!’``, TeX's ``“…''``) ends that quotation when nothing
else can: one mismatch, not an unclosed opener and an orphan closer. The
pass is shared by all rules of the ``pairs`` check type
(``checks/pairs.py``): each rule reports one defect kind, so users can ignore
one kind and keep the rest.

Some marks quote nothing or pair with no quote mark: a mark the text names
(``a single quote ' here``, ``(")``, ``: " '<> ?``), a quoted character
(``'-'``), and the closer of GNU/TeX-style quoting, whose opener is a grave
accent left in the prose (`` `sizeof' ``; Markdown's backticks are code).

Quotations split over paragraphs follow two conventions. The book one: a
paragraph that continues a quotation opens with a quote mark and the one
before it has no closer. The scraped-text one: an opener left open and a
closer without opener in a later paragraph (before any new opener) are one
pair, reported once. A third holds within one blockquote element: a pull
quote opens in its first paragraph and closes in its last, reopening none, so
that pair is no defect (the source between the paragraphs holds only white
space, paragraph tags and the same Markdown ``>`` markers on every line).

Masked markup beside a mark is judged from the source character under the
mask (offsets are the same in both): code, link targets, content tags and
template tags are opaque words; emphasis delimiters, styling tags, link
brackets and escape backslashes draw nothing and are looked through; table
pipes, line-breaking tags and attribute quotes are spaces.
"""

import bisect
import itertools
import operator
import re as stdlib_re
import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

from copydesk import code_lines, doclang, langtag, quote_signs
from copydesk.document import FILLER, Analysis, Block, Document
from copydesk.lazy_patterns import later_re
from copydesk.lines import line_end, line_start, opening_line
from copydesk.wide_chars import ascii_view, wide_places

#: What a draft's line-paragraph ends with: a stop, or a closing mark or
#: bracket after one.
_PARAGRAPH_ENDS = '.!?:;…"”’»)'
#: Defect kinds, one per rule: the value of the ``defect`` key.
DEFECTS = ("unclosed", "unmatched", "mixed", "stray")

DOUBLE = '"“”„‟«»「」＂'
SINGLE = "'‘’‚‛‹›『』＇"
#: CJK corner brackets: each opens or closes by its shape alone.
CORNER_OPEN = "「『"
CORNER_CLOSE = "」』"
#: Full-width straight marks of Japanese and Chinese text.
FULL_WIDTH = "＂＇"
STRAIGHT = "\"'"
#: Quote marks, captured so that ``split`` yields them: the places a split
#: gives are ``_mark_offsets``' (the tests' oracle).
_MARKS = later_re("([" + stdlib_re.escape(DOUBLE + SINGLE) + "])")
_DOUBLES = later_re("[" + stdlib_re.escape(DOUBLE) + "]")
#: The marks beyond ASCII.
_WIDE_MARKS = frozenset(ch for ch in DOUBLE + SINGLE if not ch.isascii())
#: Prose characters that may hide markup or a reference's filler.
_LOOK_THROUGH = frozenset((" ", FILLER))
#: What a masked neighbour counts as: a word (see ``_Scanner._neighbour``).
_WORD = "a"
#: A reST role's name right before its backtick (``:ref:``, ``:py:func:``).
_ROLE_BEFORE = later_re(r":[\w.+-]+(?::[\w.+-]+)*:\Z")
_ROLE_REACH = 40
#: What masked markup can be to quote pairing (see ``_Scanner._masked``).
_SPACE, _THROUGH, _OPAQUE = range(3)
#: Emphasis, strong and strikethrough delimiters of Markdown and reST (and
#: reST's reference ``_``): they draw no character, so pairing looks past them.
_DELIMITERS = frozenset("*_~")
_DELIMITED = frozenset({"markdown", "rst"})
_TAGGED = frozenset({"markdown", "html"})
#: ``quote_depth`` of a reST block quote: this plus its indent (no
#: Markdown quote nests this deep).
_RST_QUOTE = 1000
#: Formats where a backslash is a character of the text, not markup.
_LITERAL_BACKSLASH = frozenset({"html", "plain"})
#: An escape's argument: a group's name or number (``\k'name'``, ``\g'-1'``).
_NAME_ONLY = later_re(r"[\w+-]+")
#: A Windows path up to its last backslash: a drive, a separator before,
#: or a relative path's dots ("..\", ".\") after a space or a mark.
_PATH_BEFORE = later_re(r"(?:\b[A-Za-z]:|\\[^\s\\\"']+|(?<![^\s\"'(])\.\.?)\Z")
#: How far from a mark its run of non-spaces is read for a variable's
#: syntax (``_in_percent_variable``).
_VARIABLE_REACH = 40
#: Inline code that ends in a backslash, right before a mark (the code not
#: itself quoted: ``("<code>\</code>")`` names the backslash).
_ESCAPE_IN_CODE = later_re(
    r"<(code|tt|kbd|samp|var)>[^<]{0,200}?(?<!\\)\\</\1>\Z", stdlib_re.IGNORECASE
)
#: How far back the inline code before a mark is looked for.
_CODE_REACH = 240
#: Inline HTML elements whose tags draw nothing around their text (styling, a
#: link's ``<a>``, an abbreviation): looked through, like ``**`` and ``[``.
_STYLE_TAGS = frozenset(
    {"b", "i", "em", "strong", "u", "s", "strike", "del", "ins", "mark", "small",
     "big", "cite", "span", "font", "a", "abbr", "acronym", "dfn", "q", "time",
     "bdi", "bdo", "label", "data", "sub", "sup", "tt"}
)  # fmt: skip
#: Elements looked through in HTML only: the HTML reader shows a ``<var>``'s
#: text (a placeholder in italics), the Markdown reader masks it as code.
_STYLE_TAGS_HTML = frozenset({"var"})
#: HTML elements that end a line of text: as good as a space.
_BREAK_TAGS = frozenset(
    {"p", "div", "br", "hr", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr",
     "td", "th", "thead", "tbody", "tfoot", "caption", "blockquote", "h1", "h2",
     "h3", "h4", "h5", "h6", "section", "article", "header", "footer", "nav",
     "main", "aside", "figure", "figcaption", "details", "summary", "pre"}
)  # fmt: skip
#: Inline code right after a mark (styling and link tags may come first):
#: an element (its text group 2) or a Markdown code span (group 4).
_CODE_AFTER_MARK = later_re(
    r"(?:</?(?:span|a|b|i|em|strong|font)\b[^<>]{0,200}>)*"
    r"(?:<(code|kbd|samp|tt|var)\b[^<>]{0,200}>([^<]{1,200}?)</\1\s*>"
    r"|(`+)([^`]{1,200}?)\3(?!`))",
    stdlib_re.IGNORECASE,
)
#: A closing mark, as written or as a character reference.
_DOUBLE_CLOSING = r"(?:\"|”|&quot;|&rdquo;|&#0*34;|&#0*8221;|&#x0*22;)"
_SINGLE_CLOSING = r"(?:'|’|&apos;|&rsquo;|&#0*39;|&#0*8217;|&#x0*27;)"
#: One at a place, and one ending a stretch of source.
_DOUBLE_CLOSER = later_re(_DOUBLE_CLOSING)
_SINGLE_CLOSER = later_re(_SINGLE_CLOSING)
_DOUBLE_CLOSER_AT_END = later_re(_DOUBLE_CLOSING + r"\Z")
_SINGLE_CLOSER_AT_END = later_re(_SINGLE_CLOSING + r"\Z")
_TAG_AT = later_re(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?:[\s/][^<>]*)?>")
#: How far a word is read around a mark that may only be named (``_mention``).
_TOKEN_REACH = 40
#: How far back a tag's ``<`` may be from its ``>``.
_TAG_REACH = 400
#: Words right before a lone mark that say the mark is named, not used
#: (``a single quote ' to``, ``the apostrophe ' is``).
_NAMING_BEFORE = frozenset(
    {"quote", "quotes", "apostrophe", "apostrophes", "mark", "marks", "character",
     "characters", "char", "symbol", "symbols", "sign", "tick", "prime", "quotation",
     "doublequote", "double-quote", "singlequote", "single-quote"}
)  # fmt: skip
#: Words beside a guillemet that name it, not use it (``the chevron « marks``).
_NAMING_GUILLEMET = _NAMING_BEFORE | {
    "guillemet", "guillemets", "chevron", "chevrons", "arrow", "arrows",
    "angle", "bracket", "brackets", "glyph", "glyphs", "icon", "button",
}  # fmt: skip
#: Words after which a lone mark is their object, named: ``with '``,
#: ``or "``, ``from ' to ::``, ``use " on Windows``.
_OBJECT_BEFORE = frozenset(
    {"with", "or", "and", "from", "to", "by", "as", "than", "like", "plus",
     "nor", "use", "using", "type", "typing", "press", "enter", "insert",
     "either", "between", "without"}
)  # fmt: skip
#: Words right after a lone mark that say the same (``the ' character``,
#: ``with " (double-quote)``).
_NAMING_AFTER = frozenset(
    {"character", "characters", "char", "symbol", "symbols", "doublequote",
     "double-quote", "singlequote", "single-quote", "apostrophe", "quote"}
)  # fmt: skip
#: A mark alone in parentheses, ``(")``, is named too (with trailing punctuation).
_NAMED_ALONE = later_re(r"\([\"'“”‘’«»„‚‹›]\)[.,;:!?]?")
#: A bracket naming a character by its code, up to the character.
_CODE_NAME_BEFORE = later_re(
    r"\((?:ASCII|U\+[0-9A-Fa-f]{4,6}|0x[0-9A-Fa-f]{2}|&#\d+;)[ \t\u00a0]+\Z"
)
_NAMED_ALONE_SHOWN = later_re(rf"\([\"'“”‘’«»„‚‹›]{FILLER}*\)")
#: An inflection written after a call, a bracket or an escaped symbol with
#: an apostrophe: hexlify()'ed, getattr()'d, \|'d, [x]'s.
_CODE_BEFORE = frozenset(")]}|")
#: The longest quoted value that keeps a trailing space unremarked, and
#: how a label that precedes its value ends.
_SPACED_VALUE = 3
_VALUE_LABEL_ENDS = frozenset(":;,=|->])/")
#: What marks a padded quotation's content as a command or a value: code
#: markup, a path, an option, an assignment, brackets or quotes inside.
_CODE_LIKE = later_re(r"[`/\\=<>{}\[\]$|*#\"]|(?<!\w)-\w|\w\.\w")
#: A word of a quoted title.
_TITLE_WORD = later_re(r"[^\W\d_]+")
#: What an ASCII diagram's arrow ends in before a mark (``<--'``, ``|'``),
#: and how many box edges make a line a diagram's.
_DRAWN = frozenset("-|+<>=")
_DRAWING_EDGES = 2
#: A character reference for a quotation mark, as HTML writes one.
_REFERENCE = later_re(
    r"&(?:quot|apos|#3[49]|#x2[27]|[lr][sd]quo);", stdlib_re.IGNORECASE
)
#: The shortest row of a map drawn in characters.
_GLYPH_ROW = 8
#: Three letters in a row: a word, which a row of glyphs does not hold.
_THREE_LETTERS = later_re(r"[^\W\d_]{3}")
#: How far along its line a padded quotation's closer is looked for.
_PADDED_REACH = 48
#: The most words a padded quotation holds to be read as a key or a value
#: without code-like characters (``press " i "``): two words may be a
#: quotation misspaced (``were " very productive "``).
_PADDED_WORDS = 1
#: The longest quoted word read as inflected after its closer, and the
#: verb endings read so: not an "s", which is a possessive's inside a
#: quotation ('Guardian's editor').
_INFLECTED_WORD = 20
_VERB_INFLECTION = later_re(r"(?:d|ed|ing)(?![\w'’])")
#: Words whose 'd is a contraction, not an inflection: 'I'd had enough'.
_CONTRACTING = frozenset(
    {"i", "you", "he", "she", "it", "we", "they", "who", "that", "there", "what"}
)
_INFLECTION = later_re(r"(?:d|ed|s|es|ing|er|ers)(?![\w'’])")
#: Nouns that name the kind of thing a quoted label names: the page,
#: screen or control a quotation titles (‘Confirm your card details’ page).
_LABEL_NOUNS = frozenset(
    {"page", "pages", "screen", "screens", "button", "tab", "link", "field",
     "option", "menu", "dialog", "dialogue", "window", "heading", "panel",
     "prompt", "banner", "checkbox", "toggle"}
)  # fmt: skip
#: Conjunctions and adverbs, which no possessive owns: after a plural's
#: ’ they show it the closer.
_NOTHING_POSSESSED = frozenset(
    {"rather", "regardless", "although", "though", "whereas", "unless", "if",
     "whether", "where", "why", "how", "yet", "versus", "respectively",
     "anyway", "however", "therefore", "thus", "hence", "already", "still",
     "always", "never", "often", "sometimes", "soon", "ago", "except",
     "beyond"}
)  # fmt: skip
#: Words that end a clause after a quotation ("‘bust a few myths’ first.").
_CLAUSE_ENDERS = frozenset({"first", "last", "next", "instead", "together"})
#: An abbreviation's stop before a space, ending where a mark follows
#: ("… contains: vs. "Subject contains:"", "Dr. “Nick”"): no sentence
#: ends there.
_ABBREVIATION_STOP = later_re(
    r"\b(?:vs|etc|e\.g|i\.e|cf|viz|approx|incl|Dr|Mr|Mrs|Ms|Mx|St|Jr|Sr"
    r"|Prof|Inc|Ltd|Co|U\.S|U\.K)\. \Z"
)
#: How far back a merged paragraph's quotation is read (``_continues_merged``),
#: the fewest spaces of a statement it continues, and how near a closer after
#: the new mark makes it a short quotation nested in the open one.
_MERGED_REACH = 400
_STATEMENT_WORDS = 5
_NESTED_REACH = 30
#: Words that attribute a quotation inside it, after a comma ("…, the
#: mayor said."): the quotation should have closed before them.
_ATTRIBUTED = later_re(
    r",[ \t]+(?:[\w’'-]+[ \t]+){0,3}(?:said|says|added|told|asked|wrote"
    r"|replied|insisted|warned|explained|continued|stated)\b"
)
#: The plural ending of a quoted letter or digit: the 'A's, 'x's, '1's.
_LETTER_PLURAL = later_re(r"s(?![\w'’])")
#: A mark offered with another as alternatives: ``either ' or "``.
_OR_MARK_AFTER = later_re(
    rf"{FILLER}*[ \t]+(?:or|and)[ \t]+[\"'“”‘’«»„‚]{FILLER}*(?:[\s).,;:]|\Z)"
)
_OR_MARK_BEFORE = later_re(
    rf"(?:^|[\s(])(?:[\"'“”‘’«»„‚]|\\\w),?{FILLER}*[ \t]+(?:or|and)[ \t]+\Z"
)
#: What a quotation trails off with, and what a paragraph that takes it up
#: opens with.
_ELLIPSES = ("...", "…", ". . .")
#: Closing punctuation a naming word may carry: ``the quote: '``.
_WORD_PUNCT = ",:;"
#: Punctuation that may follow a named mark: ``the apostrophe ',``.
_TRAILING = ".,;:!?"
#: A lower-case word and a space right before a mark, and three words of
#: one sentence after it, the first in lower case (see
#: ``_Scanner._inside_a_sentence``).
_WORD_BEFORE_MARK = later_re(r"(?<![^\W\d_])[^\W\d_A-Z]{2,}[ \u00a0]\Z")
_WORDS_AFTER_MARK = later_re(r"[ \u00a0]?([a-zà-ÿ]+)(?:[ \u00a0]+[^\W\d_]+){2}")
#: A word and a colon or comma right before a mark ("told our reporter: «"),
#: and three words after it, the first of any case: a quotation introduced.
_INTRODUCED_BEFORE_MARK = later_re(r"(?<![^\W\d_])[^\W\d_]{2,}[:,][ \u00a0]\Z")
_SENTENCE_AFTER_MARK = later_re(
    r"[ \u00a0\u202f]?([^\W\d_]+)(?:[ \u00a0]+[^\W\d_]+){2}"
)

#: Opener/closer pairs that are correct in some language's convention.
VALID_PAIRS = frozenset(
    {
        ("“", "”"),  # English, Dutch, Spanish second level
        ("„", "“"),  # German, Czech, Danish alternative
        ("„", "”"),  # Polish, Hungarian, Dutch, Romanian
        ("”", "”"),  # Swedish, Finnish
        ("«", "»"),  # French, Swiss, Russian, Italian
        ("»", "«"),  # Danish, German books
        ("»", "»"),  # Swedish, Finnish alternative
        ("‟", "”"),
        ('"', '"'),
        ("‘", "’"),
        ("‚", "‘"),
        ("‚", "’"),
        ("’", "’"),
        ("‹", "›"),
        ("›", "‹"),
        ("›", "›"),
        ("‛", "’"),
        ("'", "'"),
        ("「", "」"),
        ("『", "』"),
        ("＂", "＂"),
        ("＇", "＇"),
    }
)
#: Languages whose low-9 opener („ ‚) closes with the high-6 mark (“ ‘):
#: there „…” is a mismatch (an English closer after a German opener).
_LOW_NINE_LEFT = frozenset(
    {"de", "gsw", "cs", "sk", "sl", "et", "lt", "is", "ka", "bg", "ru", "uk",
     "be", "sr", "mk", "lb"}
)  # fmt: skip
#: Languages written without spaces, whose curly marks open or close by
#: their shape alone (“ ‘ open, ” ’ close).
_CJK = frozenset({"zh", "ja", "yue", "wuu"})
#: A quotation of fewer words than this is a quoted term ('neo-Nazis'):
#: a ’ after its last word closes it, whatever follows.
_SCARE_WORDS = 3
_SPACE_RUN = later_re(r"\s+")
#: Dashes that introduce a reply in French, Spanish, Italian, Russian ...
#: dialogue: a paragraph opening with one continues the quotation.
_DIALOGUE_DASHES = "—―–"

_PARTNER = {"«": "»", "»": "«", "‹": "›", "›": "‹"}
#: The spaces French sets inside guillemets (« Je ... »).
_GUILLEMET_SPACES = (" ", "\u00a0", "\u202f")
#: Each corner bracket's closer → its opener.
_CORNER = {"」": "「", "』": "『"}
#: Languages whose low-9 opener („ ‚) closes with the high-9 mark (” ’).
_LOW_NINE_RIGHT = frozenset({"pl", "hu", "nl", "ro", "hr"})
#: Languages that open and close with the same right mark (”…”, »…», ’…’).
_SAME_MARK = frozenset({"sv", "fi"})
#: A ” that opens a quotation: at a line's start or after a space or a
#: bracket, before a letter (Swedish ”Vi har inte råd”). The mark comes
#: first, what precedes it is looked behind: a pattern opening with a
#: literal is found by a fast search (one ” in the 17 MB benchmark file
#: cost 0.42 s when the look-behind came first, tried at every character).
_RIGHT_MARK_OPENS = later_re(r"”(?<![^\s(]”)(?=\w)")
#: Languages whose guillemets point outwards («…»): » never opens there.
_OUTWARD = frozenset(
    {"fr", "it", "es", "pt", "ca", "ru", "uk", "be", "bg", "el", "no", "nb", "nn",
     "pl", "ro", "tr"}
)  # fmt: skip
#: What follows the n of rock 'n' roll: its closing mark, a space, the end.
_AFTER_N = ("'", "’", " ", "\t", "\n", "")
#: Words that an apostrophe begins; the mark before them is no opener.
#: Among them the endings of a contraction or a suffix that markup parted
#: from its word (a code span's ``renewenvironment``'d, ``cache``'ll).
_ELISIONS = frozenset(
    {
        "tis", "twas", "twere", "em", "n", "cause", "cos", "til", "bout",
        "round", "kay", "cept", "nuff", "fraid", "gainst", "neath", "sup",
        "s", "t", "k", "d", "ll", "re", "ve",
    }
)  # fmt: skip
#: The endings of an English contraction among them that no elision before
#: a hyphen shares ('re-type is a prefix; Dutch ’s-Hertogenbosch elides).
_CONTRACTION_ENDINGS = frozenset({"ll", "re", "ve"})
#: A variable and its assignment, right before a mark: ``FLAGS+=``.
_ASSIGNED = later_re(r"(?<![\w$])[A-Za-z_]\w*\+?=\Z")
#: How far a clipped word's closer is looked for ('net zero'): a short
#: quoted phrase, so a paragraph of many 'nets is read once, not once each.
_CLIPPED_REACH = 80
#: Marks that open a quotation: an apostrophe right after one begins the
#: quotation's first word (‘’Cause, “’Tis).
_OPENING_MARKS = frozenset("‘“«„‹「『")
#: Stops after which a curly single closer ends a quotation.
_STOPS_BEFORE_CLOSER = frozenset(".!?…")
#: A capitalised word right after a two-digit number: a numbered title
#: ('01 Build and Deploy Site') may follow, not only a year's tail.
_TITLE_AFTER_NUMBER = later_re(r"[ \t]+[A-Z][a-z]")
#: Clipped words an apostrophe begins (the 'net, 'bots, the 'burbs, 'Nam,
#: take 'er for a spin, give 'im a hand),
#: but most are words too ('net zero'): elisions only when no single mark
#: after them in the block could close a quotation.
_CLIPPED = frozenset(
    {
        "net", "bot", "bots", "burbs", "copter", "copters", "gator", "gators",
        "zine", "zines", "stache", "nother", "scuse", "mongst", "twixt",
        "nam", "bama", "er", "im",
    }
)  # fmt: skip
_VOWELS = frozenset("aeiouāēīōūAEIOUĀĒĪŌŪ")
#: ‘ as a letter inside a word, before a vowel: Hawai‘i, ho‘oponopono.
_OKINA = later_re("[^\\W\\d_]‘[aeiouāēīōū]", stdlib_re.IGNORECASE)


def _has_okina(prose: str) -> bool:
    """Whether an ʻokina written as ‘ stands in ``prose`` (``_OKINA``).

    Tried at each ‘ (found in C) rather than by a search, which tests the
    pattern's first letter at every position of the text: 0.2 s of the 8 MB
    news benchmark."""
    at = prose.find("‘", 1)
    while at != -1:
        if _OKINA.match(prose, at - 1) is not None:
            return True
        at = prose.find("‘", at + 1)
    return False


#: Markdown structure between blocks: bullets, numbers, ``>``, table rules.
#: Emphasis delimiters left outside a paragraph's text (``_“…,_``) too.
_STRUCTURE = " \t\r\n*_~-+>#|:.)0123456789"
_TAGS = later_re(r"<[^<>]*>")
#: The names of the tags in a stretch of source.
_TAG_NAMES = later_re(r"</?([A-Za-z][A-Za-z0-9-]*)")
#: Paragraph tags between the paragraphs of one blockquote element.
_P_TAGS = later_re(r"<(?:/[pP]\s*|[pP](?:\s[^<>]*)?)>")
#: A blockquote tag: group 1 is ``/`` for a closing tag.
_BLOCKQUOTE_TAG = later_re(r"<(/?)blockquote\b[^<>]*>", stdlib_re.IGNORECASE)
#: How far back the opening tag of a blockquote element is looked for.
_QUOTE_REACH = 20_000
#: After these a mark opens; the full-width ones are Chinese and Japanese
#: punctuation, which sets no space before a quotation (例如："-5m").
_OPEN_PUNCT = frozenset("([{<—–-/：，、；（【《「『")
_CLOSE_PUNCT = frozenset(".,;:!?)]}>…—–-/")
#: Punctuation that ends a clause: a straight mark right after it closes,
#: whatever symbol follows (a citation's bracket, a footnote's asterisk).
_ENDS_CLAUSE = frozenset(".,;:!?…")
#: A slash or dash that may end a quoted word ('/regexp/'), and what may
#: follow its closer: a single quote open, a ' between them closes.
_JOINERS = frozenset("/—–-")
_END_PUNCT = frozenset(",;:!?)]}…")

# Shapes: where a mark stands relative to the words around it.
SPACED, INNER, LEFT, RIGHT, OTHER = range(5)
# Actions a mark takes. APOSTROPHE: an opening mark written for an apostrophe.
# CROSS: a single closer that ends the open double quotation (“…!’).
OPEN, CLOSE, SKIP, STRAY, APOSTROPHE, CROSS = range(6)
#: Languages whose ‘ only ever opens a quotation (it closes nothing, and
#: German-style ‚…‘ is not theirs): there a ‘ after a word is a miswritten
#: apostrophe or closer.
_LEFT_SINGLE_OPENS = frozenset(
    {"en", "ga", "cy", "gd", "nl", "fy", "af", "es", "pt", "gl", "ca", "eu", "it",
     "id", "ms", "tl", "fil", "sw", "eo", "mt"}
)  # fmt: skip
#: Languages whose quotation marks include guillemets (»…«, «…», »…»): any
#: other language reads a lone « or » as an arrow ("More »", "« Back").
_GUILLEMET_QUOTES = frozenset(
    {"de", "gsw", "da", "sv", "fi", "cs", "sk", "sl", "hr", "bs", "sr", "hu",
     "et", "lt", "lv", "mk", "sq", "hy", "ka", "fa", "ar", "ps", "ur", "kk",
     "ky", "uz", "az", "mn", "rm", "lb", "is", "he", "yi", "vi", "km", "lo"}
)  # fmt: skip
#: Word endings after which an English apostrophe may end a word: plural and
#: sibilant possessives (soldiers', Marx'), dropped g (nothin').
_TRAILING_APOSTROPHE = ("s", "z", "x", "in")
#: Punctuation that ends a quoted sentence or clause: a single mark right
#: after it closes a quotation and is no apostrophe.
_SENTENCE_END = frozenset(".,!?…")
#: After a closing single mark: a space and a word in lower case, as after
#: an apostrophe (``the growers’ co-operative``), not a quotation's closer.
_APOSTROPHE_THEN_WORD = later_re(r"[ \t]+[a-z]")


class Defect(NamedTuple):
    """One quote defect, independent of any rule or document path.

    ``start`` is the reported mark; ``partner`` and ``partner_start`` the other
    mark of a mismatched or cross-paragraph pair; ``spans`` says the pair
    crosses paragraphs; ``expected`` is the right closer, ``fixable`` whether
    putting it in is the obvious mend and ``safe`` whether it needs no editor.
    """

    kind: str
    start: int
    mark: str
    partner: str = ""
    partner_start: int = -1
    spans: bool = False
    expected: str = ""
    fixable: bool = False
    safe: bool = False
    #: For a stray mark: what else it is; for a mixed pair reported at its
    #: opener, why the opener is the odd mark (see ``_message_args``).
    note: str = ""
    #: How many marks the finding spans: 2 for a closer written '' (LaTeX).
    width: int = 1


class _Open(NamedTuple):
    """An opening mark waiting for its closer.

    A named tuple, not a frozen dataclass: creating a dataclass runs its
    generated methods through the compiler (~3.5 M instructions each, on
    every run's start-up path); a named tuple costs a seventh of that.
    """

    pos: int
    ch: str
    double: bool


def _shape(prev: str, nxt: str) -> int:
    """Classify a mark by its neighbours (block edges count as spaces)."""
    if prev.isspace() and nxt.isspace():
        return SPACED
    if prev.isalnum() and nxt.isalnum():
        return INNER
    if prev.isspace():
        return SPACED if nxt.isspace() else LEFT
    if prev in _OPEN_PUNCT:
        return SPACED if nxt.isspace() else LEFT
    if nxt.isspace() or nxt in _CLOSE_PUNCT:
        return RIGHT
    return OTHER


def _outside_code_lines(text: str, prose: str, fmt: str, marks: list[int]) -> list[int]:
    """``marks`` without those on a line of code (:mod:`copydesk.code_lines`)."""
    spans = code_lines.code_line_spans(text, prose, fmt)
    if not spans:
        return marks
    starts = [lo for lo, _ in spans]
    kept = []
    for mark in marks:
        i = bisect.bisect_right(starts, mark) - 1
        if i < 0 or mark >= spans[i][1]:
            kept.append(mark)
    return kept


def _first_pair(prose: str, opener: str, closer: str) -> bool:
    """Whether the page's first pair of guillemets on a line has ``opener``
    first and ``closer`` after (« … » outward, » … « inward): a translation
    keeps its source's marks whatever language it is in. (Two pairs on a
    line, « a » and « b », hold » … « between them: the first pair tells.)"""
    if opener not in prose or closer not in prose:
        return False
    this = _GUILLEMET_PAIR[opener].search(prose)
    if this is None:
        return False
    other = _GUILLEMET_PAIR[closer].search(prose, 0, this.start() + 1)
    return other is None


#: A guillemet, then its partner later on the line with no guillemet
#: between: « … » (keyed «) and » … « (keyed »).
_GUILLEMET_PAIR = {
    "«": later_re(r"«[^«»\n]*»"),
    "»": later_re(r"»[^«»\n]*«"),
}


def outward_guillemets(language: str) -> bool:
    """True where « opens and » closes: French, Swiss German, Russian, ..."""
    tag = language.replace("_", "-").lower()
    return langtag.primary(tag) in _OUTWARD or tag.endswith("-ch")


def expected_closer(opener: str, language: str) -> str:
    """The closing mark that belongs to ``opener`` in ``language``."""
    lang = langtag.primary(language)
    if opener in "„‚":
        right = lang in _LOW_NINE_RIGHT
        if opener == "„":
            return "”" if right else "“"
        return "’" if right else "‘"
    if opener in "»›" and lang in _SAME_MARK:
        return opener
    simple = {
        "“": "”", "‟": "”", "”": "”", "‘": "’", "‛": "’", "’": "’",
        "「": "」", "『": "』",
    }  # fmt: skip
    return _PARTNER.get(opener) or simple.get(opener, opener)


class _Scanner:
    """Pairs marks block by block; collects defects in one pass."""

    __slots__ = (
        "carry",
        "cjk",
        "closed",
        "counts",
        "curly",
        "defects",
        "dialogue_run",
        "dittos",
        "draft",
        "english",
        "fmt",
        "glyph_rows",
        "grave_taken",
        "graves",
        "guillemets",
        "hi",
        "inward",
        "kind",
        "language",
        "lead",
        "list_run",
        "lo",
        "okina",
        "outward",
        "prose",
        "quote_depth",
        "quote_run",
        "same_mark",
        "single_opens",
        "stack",
        "taken",
        "text",
        "trailing",
        "url_starts",
        "urls",
    )

    prose: str
    language: str
    text: str
    #: The document's format: which masked markup is looked through.
    fmt: str
    draft: bool
    stack: list[_Open]
    carry: list[_Open]
    defects: list[Defect]
    lo: int
    hi: int
    lead: int
    #: Quotations left trailing off with an ellipsis at their line's end
    #: ("Why didn't you ...), and whether a later paragraph that opens with
    #: an ellipsis took each up (one never taken up is unclosed after all).
    trailing: dict[int, tuple[_Open, bool]]
    outward: bool
    #: The page quotes »…« (German, Danish): » opens, « closes.
    inward: bool
    kind: str
    #: True when the text writes ‘ inside words before a vowel (Hawai‘i): it
    #: is a letter there, the ʻokina, and so is a ‘ that starts a word.
    okina: bool
    #: True while every block since the carried openers' one is a list item.
    list_run: bool
    #: The blockquote element the carried openers' block is in (see
    #: ``_blockquote_depth``): -1 for none, 0 for an HTML ``<blockquote>``,
    #: the number of Markdown ``>`` markers before it, or ``_RST_QUOTE``
    #: plus its indent for a reST block quote.
    quote_depth: int
    #: True while every block since the carried openers' one is a paragraph
    #: of that same blockquote element: a pull quote may close there.
    quote_run: bool
    #: True when ‘ only opens (see ``_LEFT_SINGLE_OPENS``) and the text has
    #: no low-9 opener that ‘ could close.
    single_opens: bool
    #: True when the language quotes with guillemets.
    guillemets: bool
    #: True when quotations open with the closing mark, as Swedish and
    #: Finnish write (”…”, ’…’): the language says so, or a ” opens one.
    same_mark: bool
    #: English: a trailing apostrophe needs a word that takes one.
    english: bool
    #: Where the last double and single quotation of this block closed.
    closed: list[int]
    #: Marks before this offset are taken (the second ' of a '' closer).
    taken: int
    #: True when the prose has a grave accent: a GNU/TeX-style opener
    #: (`` `quoted' ``) may be there (see ``_grave_opener``).
    graves: bool
    #: The last grave accent whose quotation a ' closed.
    grave_taken: int
    #: Chinese or Japanese: curly marks open and close by their shape.
    cjk: bool
    #: Whether the line starting at each offset asked is a row of glyphs
    #: (``_glyph_row``), read once per line.
    glyph_rows: dict[int, bool]
    #: The URLs of the prose (sorted spans) and their starts: marks inside
    #: an address are no quotation marks (``quote_signs.url_spans``).
    urls: list[tuple[int, int]]
    url_starts: list[int]
    #: Which marks are ditto marks, asked in order (lines read once each).
    dittos: quote_signs.DittoLines
    #: True while every block since the carried openers' one opens with a
    #: dialogue dash: the quotation is a dialogue, closed paragraphs later.
    dialogue_run: bool

    def __init__(
        self,
        prose: str,
        language: str,
        text: str = "",
        fmt: str = "plain",
        *,
        draft: bool,
    ) -> None:
        self.prose = prose
        self.language = language
        self.text = text
        self.fmt = fmt
        #: A pasted or scraped draft (the document's kind), where a
        #: quotation padded with spaces is misspaced, not a value's own.
        self.draft = draft
        self.stack = []
        self.carry = []
        self.trailing = {}
        self.defects = []
        self.lo = 0
        self.hi = 0
        self.lead = 0
        self.kind = "paragraph"
        self.okina = False
        self.list_run = False
        self.quote_depth = -1
        self.quote_run = False
        self.closed = [-1, -1]
        self.taken = -1
        self.glyph_rows = {}
        self.graves = False
        self.grave_taken = -1
        self.urls = []
        self.url_starts = []
        self.dittos = quote_signs.DittoLines("")
        self.dialogue_run = False
        # « first, » after it: the page quotes outward whatever its language
        # (a translation from French or Russian kept its marks); German and
        # Danish »…« and Swedish »…» open with ».
        self.outward = outward_guillemets(language) or _first_pair(prose, "«", "»")
        self.inward = not self.outward and _first_pair(prose, "»", "«")
        lang = langtag.primary(language)
        self.guillemets = self.outward or self.inward or lang in _GUILLEMET_QUOTES
        self.same_mark = lang in _SAME_MARK or (
            "”" in prose and _RIGHT_MARK_OPENS.search(prose) is not None
        )
        self.single_opens = lang in _LEFT_SINGLE_OPENS
        self.english = lang == "en"
        self.cjk = lang in _CJK
        self.curly: bool | None = None  # told when first asked
        #: Marks counted in the whole prose (see ``_count``).
        self.counts: dict[str, int] = {}

    def run(self, blocks: Sequence[Block]) -> tuple[Defect, ...]:
        marks = _mark_offsets(self.prose)
        if marks:
            marks = _outside_code_lines(
                self.text or self.prose, self.prose, self.fmt, marks
            )
        if not marks:
            return ()  # most files: nothing to pair
        self.okina = _has_okina(self.prose)
        self.graves = "`" in self.prose
        self.urls = _urls_at(self.prose, marks)
        self.url_starts = [start for start, _ in self.urls]
        self.dittos = quote_signs.DittoLines(self.text or self.prose)
        if "‚" in self.prose or "„" in self.prose:
            self.single_opens = False  # ‘ may close a ‚ here
        if self.fmt in _TAGGED and self.text:
            blocks = self._inline_alts_joined(blocks, marks)
        prose_blocks = _disjoint(blocks)
        cursor = 0
        previous = 0
        count = len(marks)
        for index, block in enumerate(prose_blocks):
            while cursor < count and marks[cursor] < block.start:
                cursor += 1  # marks outside every block are not prose
            if not self.carry and (cursor >= count or marks[cursor] >= block.end):
                # Nothing carried and no mark here: the block cannot matter.
                if cursor >= count:
                    break
                previous = block.end
                continue
            if block.kind == "code" or self._barrier(previous, block.start):
                self._flush_carry()
            if self.carry and self.quote_run:
                self.quote_run = self._same_blockquote(previous, block)
            if self.carry and self.dialogue_run:
                self.dialogue_run = self._dialogue_line(block)
            previous = block.end
            if block.kind == "code":
                continue
            cursor = self._paragraph(block, marks, cursor)
            after = prose_blocks[index + 1] if index + 1 < len(prose_blocks) else None
            self._end_paragraph(after)
        self._flush_carry()
        for opener, taken in self.trailing.values():
            if not taken:  # trailed off, and nothing took it up
                self._add("unclosed", opener.pos, opener.ch)
        return tuple(sorted(self.defects, key=lambda d: d.start))

    def _inline_alts_joined(
        self, blocks: Sequence[Block], marks: list[int]
    ) -> list[Block]:
        """The blocks with each paragraph that an inline element's ``title``
        or ``alt`` text splits (``such as "<abbr title="…">WCAG</abbr>",``)
        made whole again: that text is the element's attribute, not words of
        the sentence around it. A text with quote marks of its own (a
        caption) stays a block of its own."""
        joined: list[Block] = []
        i = 0
        while i < len(blocks):
            block = blocks[i]
            if (
                block.kind == "alt"
                and joined
                and i + 1 < len(blocks)
                and joined[-1].kind == blocks[i + 1].kind != "alt"
                and self._inline_gap(joined[-1].end, blocks[i + 1].start)
                and not _any_between(marks, block.start, block.end)
            ):
                before, after = joined.pop(), blocks[i + 1]
                joined.append(Block(before.start, after.end, before.kind))
                i += 2
                continue
            joined.append(block)
            i += 1
        return joined

    def _inline_gap(self, start: int, end: int) -> bool:
        """True when the source from ``start`` to ``end`` holds only inline
        tags and their attributes: no line-breaking tag, no blank line."""
        gap = self.text[start:end]
        if "\n\n" in gap or (self.fmt == "markdown" and "\n" in gap):
            return False  # a Markdown line break may start a list item or row
        return all(tag.lower() not in _BREAK_TAGS for tag in _TAG_NAMES.findall(gap))

    # -- paragraphs -------------------------------------------------------

    def _paragraph(self, block: Block, marks: list[int], cursor: int) -> int:
        """Pair the marks of one block; return the index of the next mark."""
        self.lo, self.hi = block.start, block.end
        self.kind = block.kind
        self.closed[:] = [-1, -1]
        if block.kind != "list":
            self.list_run = False
        if cursor >= len(marks) or marks[cursor] >= block.end:
            return cursor
        self.lead = _first_non_space(self.prose, block.start, block.end)
        prose = self.prose
        while cursor < len(marks) and marks[cursor] < block.end:
            pos = marks[cursor]
            self._mark(pos, prose[pos])
            cursor += 1
        return cursor

    def _end_paragraph(self, after: Block | None) -> None:
        """Unclosed openers are continued, or carried to pair with a later closer."""
        unclosed, self.stack = self.stack, []
        if not unclosed:
            return
        if any(map(self._trails_off, unclosed)):
            # An FAQ's heading "Why didn't it occur to you to ... and its
            # questions "... write it in Java?": one quotation, finished by
            # each paragraph that takes it up (see ``_orphan``).
            for opener in unclosed:
                if self._trails_off(opener):
                    self.trailing[opener.pos] = (opener, False)
            unclosed = [o for o in unclosed if o.pos not in self.trailing]
            if not unclosed:
                return
        lead = self._continuation_mark(after)
        if lead:
            # The book convention: the quotation the next paragraph continues
            # has no closer of its kind after its opener in this one. An
            # opener followed by a closed quotation of its own kind (“a, he
            # said. “b.”) lost its closer.
            double = lead in DOUBLE
            last = self.closed[0 if double else 1]
            unclosed = [o for o in unclosed if o.double != double or o.pos < last]
        if unclosed and self.carry and not self.quote_run and not self._in_list_run():
            # A quotation of its kind left open here ends the wait for an
            # earlier one's closer. One closed in this paragraph may be
            # nested in the carried one ("…sticker that said, "Freedom
            # isn't free." …right!"), and one of the other kind always may
            # (“…not play ‘pretend’ games…”). A pull quote or a quoted list
            # may leave others of its kind open inside.
            for double in {opener.double for opener in unclosed}:
                self._flush_kind(double)
        if unclosed and not self.carry:
            self.list_run = True
            self.quote_depth = self._blockquote_depth()
            self.quote_run = self.quote_depth >= 0
            self.dialogue_run = after is not None and self._dialogue_line(after)
        self.carry.extend(unclosed)

    def _trails_off(self, opener: _Open) -> bool:
        """Whether the quotation ``opener`` opens ends its line with an
        ellipsis: left unfinished on purpose, for what follows to finish."""
        end = self.prose.find("\n", opener.pos, self.hi)
        quoted = self.prose[opener.pos + 1 : self.hi if end < 0 else end].rstrip()
        return quoted.endswith(_ELLIPSES) and len(quoted) > len("...")

    def _takes_up(self, double: bool) -> bool:
        """Whether the current paragraph opens with an ellipsis, after a
        quotation of its kind was left trailing off: it finishes that one
        (marked taken up)."""
        if not self.prose.startswith(_ELLIPSES, self.lead):
            return False
        taken = False
        for pos, (opener, _) in self.trailing.items():
            if opener.double == double:
                self.trailing[pos] = (opener, True)
                taken = True
        return taken

    def _in_list_run(self) -> bool:
        """True in a list item of a list the carried openers run through."""
        return self.list_run and self.kind == "list"

    def _dialogue_line(self, block: Block) -> bool:
        """True when ``block`` opens with a dialogue dash (``— Non.``): a
        reply in a dialogue whose opening guillemet closes paragraphs later."""
        i = _first_non_space(self.prose, block.start, block.end)
        return i < block.end and self.prose[i] in _DIALOGUE_DASHES

    def _blockquote_depth(self) -> int:
        """Which blockquote element the current block is a paragraph of.

        0 for an HTML ``<blockquote>`` (the last blockquote tag before the
        block opens one), the number of ``>`` markers for a Markdown block
        quote (its line starts with them), ``_RST_QUOTE`` plus the indent of
        a reST block quote (its paragraphs share it), -1 for none or for
        other markup.
        """
        if self.kind != "blockquote" or not self.text:
            return -1
        text, start = self.text, self.lo
        line = text.rfind("\n", 0, start) + 1
        if self.fmt == "rst":
            indent = start - line
            return _RST_QUOTE + indent if not text[line:start].strip() else -1
        if self.fmt not in _TAGGED:
            return -1
        prefix = _P_TAGS.sub("", text[line:start])
        if self.fmt == "markdown" and ">" in prefix and not prefix.strip(" \t>"):
            return prefix.count(">")
        tags = _BLOCKQUOTE_TAG.findall(text, max(0, start - _QUOTE_REACH), start)
        return 0 if tags and not tags[-1] else -1

    def _same_blockquote(self, start: int, block: Block) -> bool:
        """True when ``block`` is a later paragraph of the blockquote element
        the carried openers are in: the source from ``start`` (the end of the
        block before) holds only white space, paragraph tags and, in Markdown,
        the same ``>`` markers on every line (a blank line without them ends
        the block quote). A blockquote tag or any other content ends it."""
        gap = self.text[start : block.start]
        if self.quote_depth >= _RST_QUOTE:
            # A reST block quote's paragraphs: blank lines between, each
            # indented as the first (a deeper one nests another quote).
            line = self.text.rfind("\n", 0, block.start) + 1
            return (
                block.kind == "blockquote"
                and not gap.strip()
                and not self.text[line : block.start].strip()
                and block.start - line == self.quote_depth - _RST_QUOTE
            )
        if "<" in gap:
            gap = _P_TAGS.sub("", gap)
        if self.quote_depth == 0:
            return not gap.strip()
        if block.kind != "blockquote":
            return False
        lines = gap.split("\n")
        markers = ">" * self.quote_depth
        return (
            len(lines) > 1
            and not lines[0].strip()
            and all(_no_space(line) == markers for line in lines[1:])
        )

    def _barrier(self, start: int, end: int) -> bool:
        """True when non-prose (code, HTML, front matter) lies between two blocks.

        Readers leave such content out of the blocks and mask it; a quote is
        never paired across it. Tags, list bullets and numbers, blockquote and
        table markers are structure, not content: a quotation may run on
        through them (``<p>``, a list).
        """
        if start >= end or not self.text:
            return False
        gap = self.text[start:end]
        if "<" in gap:
            gap = _TAGS.sub("", gap)  # </p><p>, <ul><li>: markup, not content
        return bool(gap.strip(_STRUCTURE))

    def _continuation_mark(self, after: Block | None) -> str:
        """The quote mark that opens the next paragraph, if it continues a quote."""
        if after is None or after.kind == "code" or self._barrier(self.hi, after.start):
            return ""
        text = self.prose
        i = _first_non_space(text, after.start, after.end)
        while i < after.end and text[i] in "*_":
            i += 1  # ***“We …: emphasis marks left as text before the mark
        if i >= after.end or text[i] not in DOUBLE + SINGLE:
            return ""
        if text[i] in SINGLE and self._elision(i):
            return ""
        return text[i]

    def _flush_carry(self, keep: int = 0) -> None:
        for opener in self.carry[keep:]:
            self._add("unclosed", opener.pos, opener.ch)
        del self.carry[keep:]

    def _flush_kind(self, double: bool) -> None:
        """End the wait of the carried openers of one kind (double or
        single): a quotation of the other kind may be nested in theirs."""
        for opener in self.carry:
            if opener.double == double:
                self._add("unclosed", opener.pos, opener.ch)
        self.carry = [opener for opener in self.carry if opener.double != double]

    # -- marks ------------------------------------------------------------

    def _mark(self, pos: int, ch: str) -> None:
        if pos < self.taken:
            return
        if self.urls and quote_signs.inside(self.urls, self.url_starts, pos):
            return  # part of an address: ?q="kyiv", People's_Republic
        if ch in quote_signs.DITTO_MARKS and self.dittos.is_ditto(pos):
            return  # a ditto mark under a word of the row above
        if quote_signs.is_key(self.prose, pos):
            return  # "Ctrl + Shift + '": the key of a shortcut
        if ch in STRAIGHT and self._escaped(pos):
            return  # "method \"%s\" via": a string literal's escaped mark
        if ch in STRAIGHT:
            closer = self._code_value(pos, ch)
            if closer:
                self.taken = closer + 1  # CFLAGS='-O2 -Wall', \k'name': both read
                return
        if self._in_symbol_run(pos):
            return  # -()[]{}':;"/\,.?! or #*?"<>|: characters listed as they are
        if ch in STRAIGHT and self._glyph_row(pos):
            return  # v..".1v.."..v: a row of a map drawn in characters
        empty = self._empty_value(pos, ch)
        if empty:
            self.taken = empty  # ALT=””: an attribute's empty value, both marks
            return
        if self._doubled(pos, ch):
            self.defects.append(Defect("stray", pos, ch, note="doubled"))
            return
        prev, nxt = self._around(pos)
        if not prev.isalnum() and self._closed_in_code(pos, ch):
            return
        if not (prev.isalnum() or nxt.isalnum()):
            closer = self._quoted_symbol(pos, ch)
            if closer:
                self.taken = closer + 1  # '-': the closer and the symbol are read
                return
            if self._mention(pos, ch):
                return
        action = self._action(pos, ch, prev, nxt)
        if action == OPEN:
            self._open(pos, ch)
        elif action == CLOSE:
            self._close(pos, ch)
        elif action == STRAY:
            self._add("stray", pos, ch)
        elif action == APOSTROPHE:
            self.defects.append(Defect("stray", pos, ch, expected="’", note="’"))
        elif action == CROSS:
            self._cross(pos, ch, self.stack[-1])

    def _escaped(self, pos: int) -> bool:
        r"""True when a backslash escapes the straight mark at ``pos``: an odd
        run of them right before it, or one ending the inline code just
        before it (``<code>\</code>"``, a code span the page split). Only
        where a backslash is no markup: in Markdown and reST ``\"`` is how
        a writer shows a quote mark."""
        if self.fmt not in _LITERAL_BACKSLASH:
            return False
        text = self.text or self.prose
        run = pos
        while run > self.lo and text[run - 1] == "\\":
            run -= 1
        if (pos - run) % 2:
            # Not a backslash quoted alone ("\" names the character), nor
            # a path's last separator ("C:\", "D:\Projects\Archive\").
            path = _PATH_BEFORE.search(self.prose, max(self.lo, run - 80), run)
            # Or one the prose masked ("C:\temp\" read as a path): the
            # backslash itself is not in the prose.
            masked = self.prose[run : run + 1] != text[run : run + 1]
            return path is None and not masked and not self._same_mark_before(run, pos)
        if text[pos - 1 : pos] != ">":
            return False  # no tag ends right before the mark: no code to end
        code = _ESCAPE_IN_CODE.search(text, max(0, pos - _CODE_REACH), pos)
        # Not code quoted whole: "<code>C:\fakepath\</code>" is a path.
        return code is not None and not self._same_mark_before(code.start(), pos)

    def _code_value(self, pos: int, ch: str) -> int:
        r"""The closer's offset when the straight mark at ``pos`` opens a
        value in code written in the prose, closed by the same mark on its
        line: one assigned right after ``=`` (``CFLAGS='-O2 -Wall'``,
        ``lang="en"``) or passed right after a call's bracket
        (``alert('Hi')``), or an escape's argument (``\k'name'``, ``\g'1'``,
        as regular expressions name groups). None is prose's quotation: a
        writer's quotation follows a space or a bracket alone. Unclosed on
        its line, an assigned or passed value is code cut short, and the
        opener's own offset is given."""
        prose = self.prose
        if pos - 2 < self.lo:
            return 0
        before = prose[pos - 1]
        if before in "=(":
            if not (prose[pos - 2].isalnum() or prose[pos - 2] in "_]"):
                return 0
        elif not (before.isalpha() and prose[pos - 2] == "\\"):
            return 0
        end = prose.find("\n", pos, self.hi)
        closer = prose.find(ch, pos + 1, self.hi if end < 0 else end)
        if closer < 0:
            # A value or an argument cut short with dots, as a lesson's
            # index shows code (``<a href="file.html ...>``,
            # ``window.open('..``): the opener alone is read. Not closed and
            # not cut, it is a slip (``style='width: 70%;"``).
            cut = _CUT_SHORT.search(prose, pos + 1, min(pos + _CUT_REACH, self.hi))
            if cut is None or before not in "=(":
                return 0
            # Closed on a later line of the paragraph, the value was wrapped,
            # not cut ("Saving...\nplease wait"): the marks pair as any.
            return 0 if prose.find(ch, pos + 1, self.hi) >= 0 else pos
        if prose[closer + 1 : closer + 2].isalnum():
            return 0  # alt="a "quoted" word": the next mark opens a word
        named = _NAME_ONLY.fullmatch(prose, pos + 1, closer)
        return closer if before in "=(" or named else 0

    def _closed_in_code(self, pos: int, ch: str) -> bool:
        """True when the mark at ``pos`` opens a quotation whose closer ends
        the code element right after it: ``"<kbd>792x1224>"</kbd>``,
        ``"`extensions.enabled"` ``. The page shows a mark on each side of
        the code; the code is masked, and its closer with it, so pairing
        would see an opener alone. A straight mark that could close an open
        quotation is left to close it."""
        if self.fmt not in _TAGGED or not self.text:
            return False
        if ch in STRAIGHT and self._open_of_kind(ch) is not None:
            return False
        code = _CODE_AFTER_MARK.match(self.text, self._past_filler(pos + 1))
        if code is None:
            return False
        group = 2 if code.group(2) is not None else 4
        start, end = code.span(group)
        if self.prose[start:end].strip():
            return False  # the element's text is shown: paired as any text
        double = ch in DOUBLE
        if (_DOUBLE_CLOSER if double else _SINGLE_CLOSER).match(self.text, code.end()):
            return False  # "<code>\"</code>": the code names the mark, quoted
        closer = _DOUBLE_CLOSER_AT_END if double else _SINGLE_CLOSER_AT_END
        return closer.search(self.text, start, end) is not None

    def _same_mark_before(self, start: int, pos: int) -> bool:
        """True when the shown character before ``start`` (fillers passed
        over) is the mark at ``pos``: what lies between is quoted whole."""
        before = start - 1
        while before > self.lo and self.prose[before] == FILLER:
            before -= 1
        return before >= self.lo and self.prose[before] == self.prose[pos]

    def _in_symbol_run(self, pos: int) -> bool:
        r"""Whether the mark at ``pos`` is one of a list of characters, each
        meant as itself: in a run of marks (no letter, digit or space), not
        opened by a quotation mark, with two of code's symbols or more
        (``_CODE_SYMBOLS``) on each side of it in the run: the keys that end
        a hotstring (``-()[]{}':;"/\,.?!``), those a file name may not hold
        (``#*?"<>|``), each once. A mark that opens a run quotes it
        (``'://'``), one written twice in it pairs (``{'{'}``), as does one
        that the line's other marks of its kind leave odd (``<<"<<END"``),
        one with few symbols on a side opens or closes what it touches
        (``"${A}"``, ``"lang[;...]]]".``, ``'{"type"``)."""
        prose = self.prose
        lo = pos
        while lo > max(self.lo, pos - _RUN_REACH) and _symbol(prose[lo - 1]):
            lo -= 1
        hi = pos + 1
        while hi < min(self.hi, pos + _RUN_REACH) and _symbol(prose[hi]):
            hi += 1
        # The symbols first: nearly every mark of prose touches a letter or
        # a space, and this pass decides it on every mark of the page.
        if (
            _code_symbols(prose[lo:pos]) < _LISTED_SYMBOLS
            or _code_symbols(prose[pos + 1 : hi]) < _LISTED_SYMBOLS
        ):
            return False
        ch = prose[pos]
        if prose[lo] in DOUBLE + SINGLE or prose.count(ch, lo, hi) > 1:
            return False  # '://' quotes its run; {'{'} pairs its marks
        first, last = line_start(prose, pos), line_end(prose, pos)
        if (prose.count(ch, first, lo) + prose.count(ch, hi, last)) % 2:
            return False  # cat <<"<<END": the line's other mark pairs with it
        text = self.text or prose
        return not (
            (lo > self.lo and _masked_mark(prose, text, lo - 1))
            or (hi < self.hi and _masked_mark(prose, text, hi))
        )  # a masked emphasis mark: the run goes on in the source, .*$"}'}}

    def _around(self, pos: int) -> tuple[str, str]:
        """The characters before and after the mark at ``pos``, as pairing sees them."""
        prev = self.prose[pos - 1] if pos > self.lo else " "
        if prev in _LOOK_THROUGH:
            prev = self._neighbour(pos, -1)
        nxt = self.prose[pos + 1] if pos + 1 < self.hi else " "
        if nxt in _LOOK_THROUGH:
            nxt = self._neighbour(pos, 1)
            if nxt == _WORD and self._path_after_word(pos):
                nxt = "/"  # 'REPO'/data/x.dat: a word's closer, then a path
        return prev, nxt

    def _raw_after(self, pos: int) -> str:
        """The character right after the mark at ``pos`` in its block, markup
        not looked through (a space at the block's end)."""
        return self.prose[pos + 1] if pos + 1 < self.hi else " "

    def _path_after_word(self, pos: int) -> bool:
        """True when the mark at ``pos`` follows a letter or digit of the
        text (not markup) and a masked path starts right after it: the
        mark closes a quoted word the path goes on from."""
        before = self.prose[pos - 1] if pos > self.lo else " "
        return before.isalnum() and self.text[pos + 1 : pos + 2] == "/"

    def _action(self, pos: int, ch: str, prev: str, nxt: str) -> int:
        if ch in CORNER_OPEN:
            return OPEN
        if ch in CORNER_CLOSE:
            return self._corner_close(pos, ch)
        if ch in FULL_WIDTH:
            return CLOSE if self._open_of_kind(ch) is not None else OPEN
        if self.cjk and ch in "“‘”’":
            return self._cjk_curly(ch, prev, nxt)
        shape = _shape(prev, nxt)
        if ch == '"':
            return self._straight_double(pos, prev, shape)
        if ch in "'’":
            return self._right_single(pos, ch, prev, nxt, shape)
        if ch in "‘‛":
            return self._left_single(pos, prev, nxt, shape)
        if ch == "“":
            return self._high_left_double(pos, nxt, shape)
        if ch == "”":
            return self._high_right_double(pos, prev, shape)
        if ch in _PARTNER:
            return self._guillemet(pos, ch, shape)
        if ch == "‚":
            return SKIP if shape in (RIGHT, INNER, SPACED) else OPEN
        if ch == "„" and shape == SPACED and not self._worded_closer_ahead(pos + 1):
            return STRAY  # „ alone between spaces, no closer for it: a stray
        return OPEN  # „ ‟

    def _measure(self, pos: int, near: _Open | None) -> bool:
        """True when the double mark at ``pos`` after a digit is an inch or
        seconds mark (see ``quote_signs.is_measure``)."""
        return quote_signs.is_measure(
            self.prose, pos, self.lo, self.hi, quoted=near is not None
        )

    def _corner_close(self, pos: int, ch: str) -> int:
        """」 or 』: the closer of the open corner bracket of its kind, or a
        mistyped closer of the inner one (「…『…」…」: the first 」 was
        meant as 』), which is one mismatch at the closer."""
        top = self.stack[-1] if self.stack else None
        if top is None or top.ch not in CORNER_OPEN or top.ch == _CORNER[ch]:
            return CLOSE
        deeper = any(o.ch == _CORNER[ch] for o in self.stack)
        if deeper and self.prose.find(ch, pos + 1, self.hi) < 0:
            return CLOSE  # closes the outer bracket; the inner one is unclosed
        return CROSS

    def _cjk_curly(self, ch: str, prev: str, nxt: str) -> int:
        """Curly marks in Chinese and Japanese: “ ‘ open, ” ’ close, except a
        ’ between two Latin letters (an apostrophe in a Latin name)."""
        if ch in "“‘":
            return OPEN
        latin = prev.isascii() and prev.isalpha() and nxt.isascii() and nxt.isalpha()
        return SKIP if ch == "’" and latin else CLOSE

    def _straight_double(self, pos: int, prev: str, shape: int) -> int:
        if self._in_percent_variable(pos):
            return SKIP  # %"0"%o.zip": a variable's marks
        near = self._open_double()
        if (
            near is not None
            and near.ch == '"'
            and near.pos == pos - 1
            and self._around(pos)[1].isalnum()
            and self.prose.count('"', pos + 1, self.hi) >= 2
        ):
            # ""invalid indentation" when …": a title quoted whole that opens
            # with a quotation of its own, both opened here, both closed
            # later (not an empty string's marks before a word, ""or NULL).
            return OPEN
        if prev.isnumeric() and (near is None or self._after_feet(pos)):
            return SKIP  # inches or seconds: 5'9", 46", 2½"
        if prev.isnumeric() and self._measure(pos, near):
            return SKIP  # inside a quotation: "a 55" television," she said
        if self._quoted_space(pos):
            return SKIP  # a quoted space: (" ")
        if shape == SPACED:
            if near is None and self._spaced_opener(pos):
                return OPEN
            if near is not None and near.ch == "“" and self._own_closer_ahead(pos):
                # “… every customer’s name " and most of their dogs’ names,”:
                # the curly quotation closes with its own mark further on.
                return STRAY
            return CLOSE if near else STRAY
        if shape == LEFT:
            if (
                near is not None
                and self._closes_here(pos)
                and not self._ellipsis_after(pos)
                and self._spaced_value(near.pos, pos)
            ):
                # (for "not "), "Last modified: "; "; ".: a value's trailing
                # space, closed before punctuation that opens nothing (not
                # an ellipsis: "... oh no" opens a quotation)
                return CLOSE
            if near is not None and prev in "([{<" and self._closes_here(pos):
                return CLOSE  # "\n{", : a bracket quoted, nothing to open
            if (
                near is not None
                and self._closes_here(pos)
                and self.prose[near.pos + 1 : pos].rstrip().endswith(("…", "..."))
            ):
                return CLOSE  # "we learned a lot … ", Twitter: trailing off
            # After a hyphen or slash with a quote open, it closes: "Get-".
            opens = prev.isspace() or prev in "([{<" or near is None
            return OPEN if opens else CLOSE
        if shape == RIGHT:
            if (
                prev == "="
                and near is None
                and (
                    not self._around(pos)[1].isspace()
                    or _ASSIGNED.search(self.prose, max(self.lo, pos - 40), pos)
                )
            ):
                # MAKEFLAGS="-j1", FLAGS+=" --opt": an assignment's value (not
                # the '==" of a quoted operator, whose " closes)
                return OPEN
            return CLOSE
        if near is not None and shape == INNER and self._closers_ahead(pos):
            return OPEN  # a nested quote missing its space: said"a" and b."
        if near is None and prev == "," and self.prose[pos - 2 : pos - 1] == '"':
            return OPEN  # "%green","%yellow": a list of values, one comma apart
        if near is None and prev in _ENDS_CLAUSE and not self._raw_after(pos).isalnum():
            return CLOSE  # results."[[WebAIM-2]]: a closer before its citation
        return CLOSE if near else OPEN

    def _in_percent_variable(self, pos: int) -> bool:
        """Whether the run of non-spaces holding the mark at ``pos`` has a
        double mark glued between a percent sign and a word (``%"0"%o.zip"``):
        a variable's syntax, whose marks quote nothing in prose. (Not C#'s
        ``@"…"`` and ``$"…"``: a string literal's marks pair as a
        quotation's do.)"""
        prose = self.prose
        lo = max(self.lo, pos - _VARIABLE_REACH)
        hi = min(self.hi, pos + _VARIABLE_REACH)
        if prose.find("%", lo, hi) < 0:
            return False  # most marks: no percent sign near, one search in C
        start = pos
        while start > lo and not prose[start - 1].isspace():
            start -= 1
        end = pos
        while end < hi and not prose[end].isspace():
            end += 1
        at = prose.find('"', start, end)
        while at >= 0:
            if (
                at > start
                and prose[at - 1] == "%"
                and not prose[at - 2 : at - 1].isdigit()  # "rose by 50%"and
                and at + 1 < end
                and (prose[at + 1].isalnum() or prose[at + 1] in "%\\{")
            ):
                return True  # not a quotation's closer after it: "a 50%" rise
            at = prose.find('"', at + 1, end)
        return False

    def _own_closer_ahead(self, pos: int) -> bool:
        """True when a ” follows ``pos`` in this block before any “: the
        open curly quotation's own closer is still to come."""
        closer = self.prose.find("”", pos + 1, self.hi)
        return closer >= 0 and self.prose.find("“", pos + 1, closer) < 0

    def _closers_ahead(self, pos: int) -> bool:
        """True when the straight double marks after ``pos`` in this block
        close more quotations than would stay open if ``pos`` closed one.

        A " between letters may close a quotation (``"no"he said``) or open
        one whose space was lost (``as"debottlenecking" and``); the marks
        after it tell which: the run of plain closers before the next plain
        opener must have openers to close.
        """
        depth = sum(1 for opener in self.stack if opener.ch == '"')
        closers = 0
        at = self.prose.find('"', pos + 1, self.hi)
        while at >= 0:
            shape = _shape(*self._around(at))
            if shape != RIGHT:
                break
            closers += 1
            at = self.prose.find('"', at + 1, self.hi)
        return closers >= depth

    def _quoted_symbol(self, pos: int, ch: str) -> int:
        """The closer's offset when the mark at ``pos`` and the next mark
        pair around one symbol, not after or before a word: a quoted
        character (``'-'``, ``"("``, ``‘.’``, ``'&lt;'``, ``('&#x201A')``),
        which pairs as ``'x'`` does; else 0. Either mark or the symbol may
        be a character reference (its fillers passed over). A mark after
        punctuation that can close an open quotation of its kind closes it
        (``"Stop!"/"…"``)."""
        prose = self.prose
        mid = self._past_filler(pos + 1)
        close = self._past_filler(mid + 1)
        if close >= self.hi or (ch, prose[close]) not in VALID_PAIRS:
            return 0
        middle = prose[mid]
        if middle.isspace() or middle.isalnum() or middle == FILLER:
            return 0
        if self.text and self.text[mid] != middle and self.text[mid] != "&":
            return 0  # masked markup, not a symbol (a reference is one)
        prev, _ = self._around(pos)
        after_word = not (prev.isspace() or prev in _OPEN_PUNCT)
        if after_word and self._open_of_kind(ch) is not None:
            return 0
        return 0 if self._around(close)[1].isalnum() else close

    def _mention(self, pos: int, ch: str) -> bool:
        """True when the mark at ``pos`` is named, not used. So it is alone
        in a table's cell (a table of characters and their codes) or
        in parentheses (``a double quote (")``), or alone between spaces
        right after a word that names it (``a single quote ' to``, ``the
        apostrophe ' is``) or before one (``the ' character``); a straight
        mark also when its word has no letter or digit, and neither have
        the words before and after it, as in a list of characters (``: "
        '<> ?``). A mark that can close an open quotation closes it
        (``"0 30 * * *"``)."""
        if self._open_of_kind(ch) is not None:
            return False
        start, end = self._token(pos, pos)
        space = self.text or self.prose
        if self.kind == "table" and space[self.lo : self.hi].strip() == ch:
            return True  # a table's cell of the one mark: a list of characters
        if _NAMED_ALONE.fullmatch(space, start, end):
            return True
        if pos > self.lo and _NAMED_ALONE_SHOWN.match(self.prose, pos - 1, self.hi):
            return True  # (&quot;): a reference shown alone in parentheses
        if self._named_by_code(pos):
            return True  # 0x22 (ASCII ") or U+0027 (ASCII ')
        if self._wordy(start, end):
            return False
        i, j = start - 1, end
        while i >= self.lo and space[i].isspace() and start - i < _TOKEN_REACH:
            i -= 1
        while j < self.hi and space[j].isspace() and j - end < _TOKEN_REACH:
            j += 1
        # Guillemets stand between spaces anyway (the quote « Oui »). A
        # reference (``&quot;``) is the mark as the source writes it.
        shown = _REFERENCE.match(space, pos) if space is self.text else None
        mark_end = pos + 1 if shown is None else shown.end()
        alone = start == pos and not space[mark_end:end].strip(_TRAILING)
        if start == pos and self._alternative_marks(pos):
            return True
        if (
            alone
            and ch not in _PARTNER
            and (
                self._naming_word(i, _NAMING_BEFORE)
                or self._naming_word(j, _NAMING_AFTER)
            )
        ):
            return True
        if ch not in STRAIGHT:
            return False
        if self._named_alone(pos, ch, i):
            return True
        return all(
            self.lo <= k < self.hi
            and not space[k].isspace()
            and not self._wordy(*self._token(k, k))
            for k in (i, j)
        )

    def _named_alone(self, pos: int, ch: str, before: int) -> bool:
        """True when, in a page its author wrote, the straight mark at
        ``pos``, the only one of its kind in its block, follows a word that
        takes a character as its object (the source word ending at
        ``before``): the page names the character ("escape it with a
        backslash or " in names", "commits marked with ' were rebased",
        "from ' to ::"). After any other word (``the minister " said``),
        or anywhere in a pasted draft, such a mark is a stray."""
        prose = self.prose
        if self.draft or prose.count(ch, self.lo, self.hi) != 1:
            return False
        after = self._past_filler(pos + 1)
        spaced = prose[pos - 1 : pos].isspace() and (
            after >= self.hi or prose[after].isspace()
        )
        return spaced and self._naming_word(before, _OBJECT_BEFORE)

    def _named_by_code(self, pos: int) -> bool:
        """True when the mark at ``pos`` closes a bracket that names it by
        its code: ``(ASCII ")``, ``(U+0027 ')``, ``(0x22 ")``."""
        prose = self.prose
        after = self._past_filler(pos + 1)
        return (
            prose.startswith(")", after)
            and _CODE_NAME_BEFORE.search(prose, max(self.lo, pos - 16), pos) is not None
        )

    def _alternative_marks(self, pos: int) -> bool:
        """True when the lone mark at ``pos`` and another lone mark are
        offered as alternatives (``quotes (either ' or ")``): both named."""
        prose = self.prose
        if prose[pos + 1 : pos + 2].isalnum():
            return False
        return (
            _OR_MARK_AFTER.match(prose, pos + 1, self.hi) is not None
            or _OR_MARK_BEFORE.search(prose, max(self.lo, pos - 12), pos) is not None
        )

    def _naming_word(self, k: int, words: frozenset[str]) -> bool:
        """True when the source word at ``k`` lies in this block and is one
        of ``words`` (read without tags and edge punctuation)."""
        if not (self.lo <= k < self.hi):
            return False
        space = self.text or self.prose
        if space[k].isspace():
            return False
        word = space[slice(*self._token(k, k))]
        if "<" in word:
            word = _TAGS.sub("", word)
        return word.strip(_WORD_PUNCT + "()").casefold() in words

    def _token(self, first: int, last: int) -> tuple[int, int]:
        """The run of non-space source characters around ``first``..``last``
        (at most a few dozen characters each way)."""
        space = self.text or self.prose
        lo = max(self.lo, first - _TOKEN_REACH)
        hi = min(self.hi, last + 1 + _TOKEN_REACH)
        start, end = first, last + 1
        while start > lo and not space[start - 1].isspace():
            start -= 1
        while end < hi and not space[end].isspace():
            end += 1
        return start, end

    def _wordy(self, start: int, end: int) -> bool:
        """True when ``start``..``end`` holds a letter, a digit or markup."""
        prose = self.prose
        return any(
            prose[i].isalnum() or (prose[i] == " " and bool(self.text))
            for i in range(start, end)
        )

    def _takes_apostrophe(self, pos: int) -> bool:
        """True unless the word before the trailing mark at ``pos`` is plain
        letters that English never ends with an apostrophe (named' tuples):
        plural possessives (soldiers'), dropped letters (nothin', ol'), a
        letter's prime (f') and anything hidden in markup may."""
        word = self._word_before(pos)
        if len(word) <= 3 or not word.isalpha():
            return True
        return word.casefold().endswith(_TRAILING_APOSTROPHE)

    def _word_before(self, pos: int) -> str:
        """The letters and digits that end right before ``pos``, read past
        markup that draws nothing (``*named*'``); empty after opaque markup
        or a space."""
        prose, text, i = self.prose, self.text, self._before_filler(pos - 1)
        while i >= 0 and text and prose[i] == " " and not text[i].isspace():
            what, i = self._masked(i, -1)
            if what != _THROUGH:
                return ""
        end = i + 1
        while i >= self.lo and prose[i].isalnum():
            i -= 1
        return prose[i + 1 : end]

    def _partnered(self, pos: int, ch: str) -> bool:
        """True when the guillemet at ``pos`` has its partner on the side it
        points to in its block: a « before a », a » after a « (or ‹ ›)."""
        partner = _PARTNER[ch]
        if ch in "«‹":
            return self.prose.find(partner, pos + 1, self.hi) >= 0
        return self.prose.rfind(partner, self.lo, pos) >= 0

    def _spaced_inside(self, pos: int, ch: str) -> bool:
        """True when the single guillemet at ``pos`` is parted by a space
        from the words it would quote (``‹ Prev``, ``Next ›``): in a
        language that does not quote with guillemets, a pager's arrow."""
        if ch == "‹":
            after = self._past_filler(pos + 1)  # &lsaquo;'s stand-in
            return after >= self.hi or self.prose[after] in " \u00a0\t\n"
        before = self._before_filler(pos - 1)  # Next&nbsp;&rsaquo;
        return before < self.lo or self.prose[before] in " \u00a0\t\n"

    def _closes_words(self, pos: int) -> bool:
        """True when the » at ``pos`` ends words as a closer does, not as an
        arrow: joined to the word before it and followed by more of the
        sentence ("evenings» of"), or right before the sentence's stop
        ("cyclists only »."). An arrow ends a line or leads a link
        ("More »", "Home » News")."""
        before = self.prose[pos - 1] if pos > self.lo else " "
        after = self.prose[pos + 1] if pos + 1 < self.hi else "\n"
        if before.isalpha() and after in " \u00a0" and pos + 2 < self.hi:
            return self.prose[pos + 2].islower()
        return before in " \u00a0" and after in ".,;:!?"

    def _inside_a_sentence(self, pos: int) -> bool:
        """True when the mark at ``pos`` stands between lower-case words of
        one sentence, three or more after it, or after a word and a colon or
        comma that introduce three words: a translation's quotation opener,
        where an arrow leads a line or a link ("« Back", "More »")."""
        lo = max(self.lo, pos - 24)
        before = _WORD_BEFORE_MARK.search(self.prose, lo, pos)
        after = _WORDS_AFTER_MARK.match(self.prose, pos + 1, self.hi)
        if before is None or after is None:
            # Introduced: "told our reporter: «Many people thought".
            before = _INTRODUCED_BEFORE_MARK.search(self.prose, lo, pos)
            after = _SENTENCE_AFTER_MARK.match(self.prose, pos + 1, self.hi)
        if before is None or after is None:
            return False
        # Named, not used: "the chevron « marks", "a « character".
        return (
            before.group().strip() not in _NAMING_GUILLEMET
            and after.group(1) not in _NAMING_GUILLEMET
        )

    def _spaced_opener(self, pos: int) -> bool:
        """True when the spaced straight " at ``pos`` opens the quotation that
        the next double mark in its block, a " or ” after a word, closes.

        At a source line's end (``the term "`` then ``<a>keyboard
        interface</a>" on``) the line break is the author's layout: no defect.
        Before a word on the same line (``in " XYZ Organization's ..."``) it
        is misspaced: one stray, and its closer is no second defect. Closed
        by a ” (``missing " |logo|” in``), the pair is one quotes.Mixed at
        the closer, the misspacing part of that one defect.
        """
        at = _next_double(self.prose, pos + 1, self.hi)
        if at < 0 or self.prose[at] not in '"”':
            return False
        if self.prose[at] == '"' and self._padded_value(pos, at):
            return True  # (" :: "): a value with its spaces, no misspacing
        if self._padded_quotation(pos, at):
            return True  # the " `gdb httpd` " command: a page's own spacing
        if _shape(*self._around(at)) != RIGHT:
            return False
        if self.prose[at] != '"':
            return True  # " …”: its closer is one quotes.Mixed, all it takes
        if self.prose[pos + 1] == "\u00a0" and self.text and self.text[pos + 1] == "&":
            return True  # "&nbsp;B&nbsp;B": a no-break space typed on purpose
        if self._led_value(pos, at):
            return True  # the value " 1": its leading space is its own
        text = self.text or self.prose
        i = pos + 1
        while i < self.hi and text[i] in " \t\r":
            i += 1
        if i < self.hi and text[i] != "\n":
            self._add("stray", pos, '"')
        return True

    def _glyph_row(self, pos: int) -> bool:
        """Whether the line of ``pos`` is a row of a map or a picture drawn
        in characters (``v..".1v.."..v``): one run of eight or more without
        a space, two straight marks or more, and no three letters in a row,
        which every word of prose between quotation marks has."""
        text = self.text or self.prose
        # A space near the mark rules a row out at once: prose has one
        # within a few characters, and a long line is not read for each of
        # its marks.
        near_lo = max(0, pos - _GLYPH_ROW)
        near_lo = text.rfind("\n", near_lo, pos) + 1 or near_lo
        near_hi = text.find("\n", pos, pos + _GLYPH_ROW)
        near = text[near_lo : pos + _GLYPH_ROW if near_hi < 0 else near_hi]
        if " " in near.strip():
            return False
        lo = line_start(text, pos)
        known = self.glyph_rows.get(lo)
        if known is None:
            row = text[lo : line_end(text, pos)].strip()
            known = self.glyph_rows[lo] = (
                len(row) >= _GLYPH_ROW
                and not any(c.isspace() for c in row)
                and sum(row.count(mark) for mark in STRAIGHT) >= 2
                and _THREE_LETTERS.search(row) is None
            )
        return known

    def _drawing_line(self, pos: int) -> bool:
        """Whether the line of ``pos`` is part of an ASCII diagram: it holds
        two box edges or more (``|``, ``+--``)."""
        text = self.text or self.prose
        line = text[line_start(text, pos) : line_end(text, pos)]
        return line.count("|") + line.count("+-") >= _DRAWING_EDGES

    def _padded_quotation(self, pos: int, at: int = -1) -> bool:
        """True when, in a page its author wrote (not a pasted draft, where a
        padded quotation is misspaced), the spaced straight mark at ``pos`` and the
        same mark later on its line enclose a short run padded with a space
        on both sides (``the " `gdb httpd` " command``, ``type ' cd / '``,
        ``press " i " to``): the page quotes a command, a key or a value
        with its own spacing. Words without code in them are a quotation
        misspaced."""
        if self.draft:
            return False
        prose, ch = self.prose, self.prose[pos]
        end = min(self.hi, pos + _PADDED_REACH)
        close = prose.find(ch, pos + 1, end) if at < 0 else at
        if close < 0 or prose[close] != ch or "\n" in prose[pos:close]:
            return False
        inner = (self.text or prose)[pos + 1 : close]
        if not inner.strip() or not inner[-1].isspace():
            return False
        if len(inner.split()) > _PADDED_WORDS and not _CODE_LIKE.search(inner):
            return False  # " we will rebuild ": words misspaced, not a value
        after = self._around(close)[1]
        return not after.isalnum()

    def _led_value(self, pos: int, at: int) -> bool:
        """True when, in a page its author wrote (not a pasted draft, where
        a space after the opener is misspaced), the " at ``pos`` and its
        closer at ``at`` quote a value that keeps a leading space: one token
        (``the value " 1"``, ``the converter " regsub"``), what starts with
        no letter (``" - Handled by 0"``) or with a token that is no word
        (``the suffix " i/o timeout"``). Words (``" An Agency that
        Learns"``) are a quotation misspaced."""
        if self.draft:
            return False
        inner = (self.text or self.prose)[pos + 1 : at].strip()
        words = inner.split()
        return bool(inner) and (len(words) == 1 or not words[0].isalpha())

    def _padded_value(self, pos: int, at: int) -> bool:
        """True when the spaced straight " at ``pos`` and the one at ``at``
        quote a value with its spaces: the closer follows a space and comes
        before closing punctuation, and the value holds no letter (``" :: "``)
        or stands in brackets (``(" and ")``). ``were " very productive ".``
        is a misspaced quotation."""
        prose = self.prose
        prev = prose[at - 1] if at > self.lo else "\n"
        if not self._closes_here(at):
            return False
        if not any(c.isalnum() for c in prose[pos + 1 : at]):
            return True  # " (", " → ": symbols with their spaces
        if prev not in " \t":
            return False
        if not any(c.isalpha() for c in prose[pos + 1 : at]):
            return True
        return self._around(pos)[0] in "([" and self._closes_here(at, ")]")

    def _twin_closer(self, pos: int, ch: str) -> bool:
        """True when the next double mark after ``pos`` in this block is the
        same mark, shaped as a closer, and the mark at ``pos`` follows no
        word: then it opened the quotation that mark closes, written the
        wrong way or misspaced."""
        if self._around(pos)[0].isalnum():
            return False  # after a word: a closer indeed (a lone closer” here)
        at = _next_double(self.prose, pos + 1, self.hi)
        if at < 0 or self.prose[at] != ch:
            return False
        if self.draft and self.prose.find("\n", pos, at) >= 0:
            return False  # a line a paragraph: the next line's closer is its own
        return _shape(*self._around(at)) == RIGHT

    def _right_single(self, pos: int, ch: str, prev: str, nxt: str, shape: int) -> int:
        """' and ’: apostrophe, prime or quote, by position and what is open."""
        if ch == "'" and self._quoted_space(pos, ch):
            return SKIP  # a quoted space: split on ' '
        top = self._top_single()
        if top is None and self._tex_closer(pos, ch, prev):
            self.taken = pos + 2  # the second mark is part of this closer
            self._cross(pos, ch * 2, self.stack[-1])
            return SKIP
        if shape == INNER:
            if top is not None and self._inflected_word(top, pos, ch):
                return CLOSE  # 'use'd, 'tee'ing: a quoted word's inflection
            return SKIP
        if prev in _OPENING_MARKS and nxt.isalpha() and self._elision(pos):
            return SKIP  # ‘’Cause that’s what he is’: the elided word opens it
        graves = self.graves and not prev.isspace() and not nxt.isalnum()
        if graves and self._grave_opener(pos, top):
            return SKIP  # GNU/TeX style: `quoted' closes its ` opener
        if prev.isdigit() and (top is None or nxt.isdigit()):
            return SKIP  # feet or minutes: 5'9", 26' 46"
        if shape == SPACED:
            if top is None and ch == "'" and self._padded_quotation(pos):
                return OPEN  # type ' cd / ': a page's own spacing
            if top is None and prev in _DRAWN and self._drawing_line(pos):
                return SKIP  # |<--' : the corner of an ASCII diagram's arrow
            return CLOSE if top else STRAY
        if shape == LEFT:
            if top is not None and prev in _JOINERS and self._stop_after(pos, nxt):
                return CLOSE  # '/regexp/'. : a quoted value ending in a slash
            if (
                top is not None
                and top.ch == ch
                and prev.isspace()
                and self._closes_here(pos)
            ):
                return CLOSE  # then ' ls '. : a padded value closed before a stop
            if self._elision(pos) and not self._word_quoted(pos):
                return SKIP  # the 'net, ’em
            if ch == "'" or self.same_mark:
                return OPEN
            return SKIP  # ’n’, ’em: English never opens with ’
        if shape == RIGHT:
            if top:
                return SKIP if self._apostrophe_in_quotation(pos) else CLOSE
            if (
                ch == "’"
                and prev in _STOPS_BEFORE_CLOSER
                and self._single_below(self.stack) >= 0
            ):
                return CLOSE  # ‘Tell them “the pallets … never check.’
            if prev in _SENTENCE_END and self._cross_opener(pos, ch) is not None:
                return CROSS  # “We went home.’: no apostrophe after a full stop
            if self._ends_quotation(pos) and self._cross_opener(pos, ch) is not None:
                return CROSS  # “We will never give up’, he said: the closer
            carried = any(not opener.double for opener in self.carry)
            if (
                self.english
                and ch == "’"
                and not carried
                and self._open_double() is None
                and prev in ".!?"
                and self._after_a_word(pos - 1)
                and not self._closed_at_an_apostrophe()
            ):
                return CLOSE  # "… to ministers.’": no apostrophe after a stop
            if self.english and not carried and not self._takes_apostrophe(pos):
                if nxt in ",.;:!?)":
                    return CLOSE  # "left unaddressed’, and": a closer, unmatched
                return STRAY  # *named*' tuples: no closer, no apostrophe
            return SKIP  # the soldiers' rifles
        if top:
            return CLOSE
        if ch != "'" or not nxt.isalnum():
            return SKIP
        if prev in _CODE_BEFORE and _INFLECTION.match(self.prose, pos + 1, self.hi):
            return SKIP  # hexlify()'ed: the call's inflection, no quotation
        if self._elision(pos) and not self._word_quoted(pos):
            return SKIP  # the 'net, 'em
        return OPEN

    def _closed_at_an_apostrophe(self) -> bool:
        """True when this paragraph's last single quotation closed at a mark
        a word went on from (``the growers’ co-operative``, ``goin’ out``):
        maybe an apostrophe, so a later ’ may be that quotation's closer."""
        last = self.closed[1]
        if last < self.lo:
            return False
        return _APOSTROPHE_THEN_WORD.match(self.prose, last + 1, self.hi) is not None

    def _after_a_word(self, pos: int) -> bool:
        """True when a word in lower case of two letters or more ends right
        before ``pos`` (``ministers.``), not an abbreviation (``U.S.``, ``Sts.``)."""
        start = pos
        while start > self.lo and self.prose[start - 1].isalpha():
            start -= 1
        word = self.prose[start:pos]
        before = self.prose[start - 1] if start > self.lo else " "
        return len(word) >= 2 and word.islower() and before != "."

    def _inflected_word(self, top: _Open, pos: int, ch: str) -> bool:
        """True when the single quotation open at ``top`` holds one word and
        the mark at ``pos``, inside a word, closes it before an inflection
        ("the module is 'use'd", "'tee'ing"): the quoted word was inflected
        as a verb, its closer written where the word ends."""
        word = self.prose[top.pos + 1 : pos]
        if (top.ch, ch) in (("'", "'"), ("‘", "’")) and self._quoted_plural(word, pos):
            return True  # element ‘id’s, the 'encoded-word's
        if top.ch != "'" or ch != "'":
            return False
        if len(word) == 1 and word.isalnum() and word not in "Ii":
            # the 'A's and 'a's: a quoted letter's plural ('Bob's car' is
            # a possessive inside a quotation; 'I's an I'm or I'd)
            return _LETTER_PLURAL.match(self.prose, pos + 1, self.hi) is not None
        return (
            0 < len(word) <= _INFLECTED_WORD
            and word.casefold() not in _CONTRACTING
            and word.replace("-", "").isalnum()
            and _VERB_INFLECTION.match(self.prose, pos + 1, self.hi) is not None
        )

    def _quoted_plural(self, word: str, pos: int) -> bool:
        """True when the mark at ``pos``, after the one quoted ``word`` (a
        term, not a name: lower case), closes it before a plural's ``s``
        ("element ‘id’s", "the 'encoded-word's"): no other closer of the
        quotation follows in the block. With one ahead, the ``s`` is a
        possessive inside the quotation: ‘the dog’s bowl’. Inline code
        quoted whole is such a term too (``'<code>label</code>'s``)."""
        start = pos - len(word)
        code = (
            bool(self.text)
            and start < pos
            and all(self._hidden(i) for i in range(start, pos))
        )
        term = (
            1 < len(word) <= _INFLECTED_WORD
            and word.replace("-", "").isalnum()
            and word.islower()
        )
        return (
            (code or term)
            and _LETTER_PLURAL.match(self.prose, pos + 1, self.hi) is not None
            and not self._single_closer_ahead(pos + 1)
        )

    def _apostrophe_in_quotation(self, pos: int) -> bool:
        """True when the ’ at ``pos``, with a single quotation open, is an
        apostrophe: of rock ’n’ roll, or of a plural possessive before its
        noun (‘a betrayal of the workers’ union and ...’), not the closer,
        which must then come later in the block."""
        prose = self.prose
        if pos >= 2 and prose[pos - 1] == "n" and prose[pos - 2] in "’'":
            return True
        if prose[pos - 1 : pos] != "s" or prose[pos + 1 : pos + 2] != " ":
            return False
        opener = self.stack[-1].pos
        word = quote_signs.word_at(prose, pos + 2, self.hi)
        if (
            not word.islower()
            or word in quote_signs.AFTER_CLOSER
            or word in _NOTHING_POSSESSED  # ‘one way for all applicants’ regardless
        ):
            return False
        after = pos + 2 + len(word)
        # Words, not spaces: a wrapped line's indentation is one gap.
        gaps = _SPACE_RUN.finditer(prose, opener, pos)
        if sum(1 for _ in itertools.islice(gaps, _SCARE_WORDS)) < _SCARE_WORDS:
            # A quoted term or two: 'neo-Nazis' throughout; unless its noun
            # follows with the closer ('the Harrisons' folly', and).
            return prose[after : after + 1] in ("’", "'") and self._ends_quotation(
                after
            )
        # A title quoted whole ends in its last word: ‘Overlapping Needs:
        # People with Disabilities’ section. So does a quotation nested in a
        # double one when no later mark could close it before that one
        # does: "The line 'I made my own mistakes' broke me," she said.
        if _title_cased(prose[opener + 1 : pos]):
            return False
        # A screen's or a control's quoted label before the noun that names
        # its kind (‘What you need to create a GovPass’ page), or a phrase
        # before "first" or "last" that ends the clause (‘bust a few myths’
        # first.): no noun for a possessive, so the closer, unless a later
        # mark could close the quotation.
        if word in _LABEL_NOUNS or (
            word in _CLAUSE_ENDERS and prose[after : after + 1] in ",.;:!?"
        ):
            return self._single_closer_ahead(pos)
        return self._open_double() is None or self._single_closer_ahead(pos)

    def _ends_quotation(self, pos: int) -> bool:
        """True when what follows the single mark at ``pos`` is what follows
        a quotation's end: closing punctuation, the paragraph's end, or a
        speech verb or pronoun (“The talks are over’ she said)."""
        prose, i = self.prose, self._past_filler(pos + 1)
        if i >= self.hi or prose[i] in ",.;:!?)":
            return True
        if prose[i] != " ":
            return False
        return quote_signs.word_at(prose, i + 1, self.hi) in quote_signs.SPEECH

    def _grave_opener(self, pos: int, top: _Open | None) -> bool:
        """True when the single mark at ``pos``, after a word, closes a
        quotation opened GNU/TeX style with a grave accent (`` `sizeof' ``,
        ``` ``so'' ```): the last ` before it in its block, after any open
        single quotation and any ` already closed, stands before a word.

        Where a backtick is markup (Markdown code, reST roles) it is masked
        and never seen here; only a backtick left in the prose opens.
        """
        lo = max(self.lo, self.grave_taken + 1, -1 if top is None else top.pos + 1)
        at = self.prose.rfind("`", lo, pos)
        if at < 0:
            return False
        before, after = self._around(at)
        if after.isspace() or after == "`":
            return False
        if before != "`" and _shape(before, after) != LEFT:
            return False  # a closing backtick: `date` and the user' rights
        self.grave_taken = at
        return True

    def _tex_closer(self, pos: int, ch: str, prev: str) -> bool:
        """True when the mark at ``pos`` and the same mark after it are a
        double closer written the TeX way (``the “weeds'' for``): after a
        word or a full stop, before a space or punctuation, with a double
        quotation open that no double closer ends later in the block."""
        if self.prose[pos + 1 : pos + 2] != ch or pos + 1 >= self.hi:
            return False
        if not (prev.isalnum() or prev in _SENTENCE_END):
            return False
        if _shape(*self._around(pos + 1)) != RIGHT:
            return False
        return self._cross_opener(pos, ch * 2) is not None

    def _left_single(self, pos: int, prev: str, nxt: str, shape: int) -> int:
        top = self._top_single()
        if top is not None and top.ch == "‚" and shape != INNER:
            return CLOSE  # German ‚…‘
        if self.okina and nxt in _VOWELS and shape in (INNER, LEFT):
            return SKIP  # the ʻokina of Hawai‘i and ‘Iole
        if shape == INNER:
            # After a word, ‘ opens nothing: an apostrophe written with the
            # opening mark (Elayne‘s, [the agency](url)‘s).
            return APOSTROPHE if self._opens_only(prev) else SKIP
        if shape == SPACED:
            return CLOSE if top else STRAY
        if shape == RIGHT or (shape == OTHER and not nxt.isalnum()):
            if top is not None:
                return CLOSE  # a closer written with the opening mark
            # stories‘ text, [Governors](url)‘ (BBG): a plural possessive.
            return APOSTROPHE if self._opens_only(prev) else SKIP
        if shape == LEFT and top is not None and self._closes_here(pos):
            return CLOSE  # ‘a cheat sheet ‘, after a space: it ends the quotation
        if self._elision(pos):
            # ‘Twas, ‘em after a space: the elided letters want the apostrophe
            # ’, unless a closer follows that makes this a quotation (‘s’,
            # ‘round trip’). Right after another quote mark ("‘Twas") it may
            # open a nested quotation: not judged.
            if shape != LEFT or not self.single_opens:
                return SKIP
            return OPEN if self._single_closer_ahead(pos) else APOSTROPHE
        return OPEN

    def _opens_only(self, prev: str) -> bool:
        """True when a ‘ after ``prev`` can be no opener: a letter or digit
        (or opaque markup) of a script written with spaces, in a language
        whose ‘ never closes."""
        return (
            self.single_opens
            and prev.isalnum()
            and unicodedata.east_asian_width(prev) not in "WF"
        )

    def _closes_here(self, pos: int, closing: str = ",.;:!?)]}") -> bool:
        """True when the mark at ``pos``, after a space, is followed by closing
        punctuation and then no word (``1994. “,``): there is nothing for it to
        open, so it closes."""
        i = self._past_filler(pos + 1)  # the rest of a reference: &#8220;
        if i >= self.hi or self.prose[i] not in closing:
            return False
        after = self._neighbour(i, 1)
        return not after.isalnum()

    def _spaced_value(self, opener: int, pos: int) -> bool:
        """True when the quotation from ``opener`` to the spaced closer at
        ``pos`` is a value that keeps its trailing space: a label before
        its value ("Last modified: ", "Subject: ", a prompt "What now> ",
        "[PATCH n/m] "), a few characters ("; ", "y ") or one token that is
        no plain word ("squash! "); not words ("Closed for repairs ",
        "no ": misspaced)."""
        inner = self.prose[opener + 1 : pos].replace(FILLER, "").strip()
        return (
            len(inner) <= _SPACED_VALUE
            or inner[-1:] in _VALUE_LABEL_ENDS
            or (len(inner.split()) == 1 and not inner.isalpha())  # "squash! "
        )

    def _ellipsis_after(self, pos: int) -> bool:
        """True when an ellipsis (``...``, ``…``) follows the mark at ``pos``."""
        i = self._past_filler(pos + 1)
        return self.prose.startswith(("..", "…"), i)

    def _single_closer_ahead(self, pos: int, reach: int = 0) -> bool:
        """True when a single mark after ``pos`` in this block (within
        ``reach`` characters, when given) could close a quotation opened at
        ``pos``: a ’ or ' after a word, before a space."""
        prose = self.prose
        hi = min(self.hi, pos + reach) if reach else self.hi
        for i in range(pos + 1, hi):
            if prose[i] in "’'":
                shape = _shape(*self._around(i))
                if shape in (RIGHT, SPACED):
                    return True
            elif prose[i] == "‘":
                return False
        return False

    def _high_left_double(self, pos: int, nxt: str, shape: int) -> int:
        near = self._open_double()
        if near is not None and near.ch == "„":
            return CLOSE  # German „…“
        if shape == RIGHT or (shape == OTHER and near and not nxt.isalnum()):
            return CLOSE
        if shape == LEFT and near is not None and self._closes_here(pos):
            return CLOSE  # “a value “, after a space: it ends the quotation
        return OPEN

    def _high_right_double(self, pos: int, prev: str, shape: int) -> int:
        near = self._open_double()
        if (
            prev.isdigit()
            and near is None
            and not self._measure(pos, None)
            and self._cross_opener(pos, "”")
            and not self._reopened_after()
        ):
            return CLOSE  # ‘the worst since 1982”: it ends the single quotation
        if (
            prev.isdigit()
            and (near is None or self._after_feet(pos))
            and not self._year_before(pos)
        ):
            return SKIP
        if prev.isdigit() and self._measure(pos, near):
            return SKIP
        if near is not None:
            return CLOSE
        if shape == LEFT:
            return OPEN  # Swedish ”…”
        if shape == INNER:
            if self._possessive_s(pos):
                return STRAY  # plant”s: an apostrophe mistyped, or mistranslated
            return SKIP  # no closer: a gershayim (z”l) or a ditto mark
        return STRAY if shape == SPACED else CLOSE

    def _year_before(self, pos: int) -> bool:
        """True when four digits alone stand right before ``pos`` (``in
        2028”,``): a year ends the quotation there, where a measure's number
        is short (``5’10”``) or part of one (``47°50′30”``)."""
        start = pos
        while start > self.lo and self.prose[start - 1].isdigit():
            start -= 1
        before = self.prose[start - 1] if start > self.lo else " "
        return pos - start == 4 and not (before.isalnum() or before in ".,:°′'’/-")

    def _possessive_s(self, pos: int) -> bool:
        """True when the mark at ``pos`` stands where a possessive's
        apostrophe does: a lone s after it, then no letter."""
        after = pos + 2
        return self.prose[pos + 1 : after] in ("s", "S") and (
            after >= self.hi or not self.prose[after].isalpha()
        )

    def _guillemet(self, pos: int, ch: str, shape: int) -> int:
        near = self._open_double() if ch in "«»" else self._top_single()
        if not self.guillemets and ch in "‹›" and self._spaced_inside(pos, ch):
            return SKIP  # a pager's arrows, partnered or not: "‹ Prev", "Next ›"
        if not self.guillemets and not self._partnered(pos, ch):
            if ch == "«" and shape == LEFT and self._worded_closer_ahead(pos + 1):
                return OPEN  # «premature”: a translated quotation, its closer mixed
            if ch == "«" and self._inside_a_sentence(pos):
                return OPEN  # "stay in place « until the river falls": no arrow
            if ch == "»" and shape == RIGHT and near is not None and near.ch != "«":
                return CLOSE  # “… only third about the straw,» she said: mixed
            if ch == "»" and self._closes_words(pos):
                return CLOSE  # "the suite Winter evenings» of": no arrow, a closer
            return SKIP  # an arrow in a language that does not quote so: More »
        if near is not None and near.ch == _PARTNER[ch]:
            return CLOSE
        if near is not None and near.ch == ch and ch in "»›" and shape != LEFT:
            return CLOSE  # Swedish »…»
        if self.outward:
            # French: « always opens; » opens only a continuing paragraph.
            return OPEN if ch in "«‹" or pos == self.lead else CLOSE
        if self.inward and ch in "«‹" and shape != LEFT:
            return CLOSE  # Danish »…«: a « after a word closes, open or not
        return CLOSE if shape == RIGHT else OPEN

    # -- pairing ----------------------------------------------------------

    def _open(self, pos: int, ch: str) -> None:
        if self._continues_line_paragraph(pos, ch) or self._continues_merged(pos, ch):
            self.stack.pop()  # continued on this line, as across paragraphs
        elif self._opens_a_new_line_paragraph(pos, ch):
            # The quotation an earlier line opened ended with its line,
            # unclosed: this one is no quotation nested in it, and the
            # closers after it are its own (or strays), not the earlier's.
            self._add("unclosed", self.stack[-1].pos, ch)
            self.stack.pop()
        self.stack.append(_Open(pos, ch, ch in DOUBLE))

    def _opens_a_new_line_paragraph(self, pos: int, ch: str) -> bool:
        """True when, in a pasted draft (a line a paragraph), a double mark
        at the start of a line opens while the innermost open quotation was
        opened by the same mark on an earlier line, and this line does not
        continue it (the book convention, ``_continues_line_paragraph``: the
        next paragraph, opened at its start). A quotation inside another
        takes the other kind of mark, not a new paragraph: ``the report
        "was taken into account.`` ¶ ``"Without the mine," one said on
        television."`` is an unclosed quotation and a stray closer, not one
        quotation with another nested in it."""
        if not self.draft or ch not in DOUBLE or not self.stack:
            return False
        top = self.stack[-1]
        if top.ch != ch:
            return False
        here = opening_line(self.prose, pos, self.lo)
        if here is None or here == self.lo or top.pos >= here:
            return False
        # The line before ends a paragraph: a sentence's stop or a closing
        # mark. A short draft wrapped at a width (too short to be told
        # wrapped) breaks a sentence there: ``the plant is`` ¶ ``"unsafe"
        # and``, a quotation nested in the open one.
        return self._line_before_ends(here, _PARAGRAPH_ENDS)

    def _empty_value(self, pos: int, ch: str) -> int:
        """Where the empty value ends when the mark at ``pos`` and the next
        one quote nothing right after an equals sign (``ALT=””``, ``x=''``,
        either written as character references); 0 otherwise."""
        prose = self.prose
        if pos <= self.lo or prose[pos - 1] != "=":
            return 0
        j = self._past_filler(pos + 1)
        if j >= self.hi or prose[j] not in DOUBLE + SINGLE:
            return 0
        if (ch in DOUBLE) != (prose[j] in DOUBLE):
            return 0
        k = self._past_filler(j + 1)
        return k if k >= self.hi or not prose[k].isalnum() else 0

    def _past_filler(self, i: int) -> int:
        """The first offset from ``i`` in the block that is not the rest of a
        character reference (``&#8216;`` shows as ‘ and fillers)."""
        while i < self.hi and self.prose[i] == FILLER:
            i += 1
        return i

    def _before_filler(self, i: int) -> int:
        """The last offset up to ``i`` in the block that is not a character
        reference's filler (``lo - 1`` when there is none): ``_past_filler``
        read backwards."""
        while i >= self.lo and self.prose[i] == FILLER:
            i -= 1
        return i

    def _doubled(self, pos: int, ch: str) -> bool:
        """True when the curly double mark or corner bracket at ``pos``
        repeats the one on its inner side (““We…, …legs””, „„Situace,
        …します」」): a key struck twice. The outer one is the stray; its
        twin opens or closes the quotation."""
        if ch == "“" and (near := self._open_double()) is not None and near.ch == "„":
            return False  # „…““: “ closes here; the second is the stray (_orphan)
        if ch in "“„「『":  # ““We, „„Situace, 「「お客様: nested ones take other marks
            return pos + 1 < self.hi and self.prose[pos + 1] == ch
        if ch in "」』":  # …おわびします」」と
            return pos > self.lo and self.prose[pos - 1] == ch
        if ch in "«»":
            return self._doubled_guillemet(pos, ch)
        if ch != "”" or pos <= self.lo or self.prose[pos - 1] != "”":
            return False
        # “… such as “x.””: two quotations opened with “ end here together.
        return sum(o.ch == "“" for o in self.stack) + (self.closed[0] == pos - 1) < 2

    def _straight_twice(self, pos: int, ch: str) -> bool:
        """True when the straight double mark at ``pos`` repeats the one that
        just closed a quotation after a word or a stop ("…a plot.""): not
        an empty string's two marks, which only a space stands before."""
        prose = self.prose
        return (
            ch == '"'
            and pos - 2 >= self.lo
            and not prose[pos - 2].isspace()
            and (pos + 1 >= self.hi or not prose[pos + 1].isalnum())
        )

    def _doubled_guillemet(self, pos: int, ch: str) -> bool:
        """True when the guillemet at ``pos`` is the outer of two alike
        (»»Nein«, «le texte»»): the inner one opens or closes; nested
        quotations take single guillemets, so two double ones are a key
        struck twice. An arrow (»» Next, More »») is spaced, and no pair."""
        prose, lo, hi = self.prose, self.lo, self.hi
        # The opening pair's first, before a word or (French) a space and one.
        word = pos + 2
        if ch == "«" and prose[word : word + 1] in _GUILLEMET_SPACES:
            word += 1
        if word < hi and prose[pos + 1] == ch and prose[word].isalnum():
            return pos == lo or not prose[pos - 1].isalnum()
        return (
            pos - 2 >= lo
            and prose[pos - 1] == ch
            and not prose[pos - 2].isspace()
            and prose[pos - 2] != ch
            and (pos + 1 >= hi or not prose[pos + 1].isalnum())
        )

    def _continues_line_paragraph(self, pos: int, ch: str) -> bool:
        """True when a double opener (or a curly single one, as British
        papers quote) at the start of a line continues the quotation the
        innermost open opener began at the start of an earlier line, the
        line before ending a sentence: a draft written a line a paragraph
        (a scraped page, a plain-text export) quotes a statement of several
        paragraphs as a book does across blank lines, each opening and only
        the last closing."""
        if (ch not in DOUBLE and ch != "‘") or not self.stack:
            return False
        top = self.stack[-1]
        if top.ch != ch:
            return False
        prose = self.prose
        here = opening_line(prose, pos, self.lo)
        if here is None or here == self.lo:
            return False
        if opening_line(prose, top.pos, self.lo) is None:
            return False
        if self.draft and prose.rfind("\n", top.pos, here - 1) >= 0:
            return False  # a line a paragraph: the next one continues, no later one
        return self._line_before_ends(here, ".!?:;…")

    def _continues_merged(self, pos: int, ch: str) -> bool:
        """True when a double opener inside a line, after a sentence's stop
        and one space and before a capital, continues the quotation the
        innermost open opener of the same mark began earlier in the block:
        paragraphs of a statement joined into one line by an export (a
        news archive's "said: "Phone firms should get in touch with their
        customers sooner. "If my bill goes over £50 I want to know.""),
        each of which opened with the mark and only the last closed. The
        open quotation must be such a statement: it opens with a capital
        and runs to a few words ("Closed. "Open" was painted over" is no
        statement; "it "a betrayal. "It will not stand," said Jones" lost
        a closer), holds no words that attribute it (“We will not wait,
        the mayor said. “Nobody should.”: the first should have closed
        before them), and the new one is no short quotation nested in it
        ("We shipped it. "Beta" is over now"); no abbreviation's stop
        ("Dr. “Nick” Riviera") ends a sentence. Read in a bounded stretch
        before the mark, so a long line is not read again at each one."""
        if ch not in DOUBLE or not self.stack or self.stack[-1].ch != ch:
            return False
        prose = self.prose
        top = self.stack[-1].pos
        if not (
            pos >= 2
            and prose[pos - 1] == " "
            and prose[pos - 2] in ".!?"
            and prose[pos + 1 : pos + 2].isupper()
            and top >= self.lo
            and prose[top + 1 : top + 2].isupper()
        ):
            return False
        lo = max(top, pos - _MERGED_REACH)
        closer = "”" if ch == "“" else ch
        return (
            prose.count(" ", top, min(pos, top + _MERGED_REACH)) >= _STATEMENT_WORDS
            and prose.find(closer, pos + 1, pos + _NESTED_REACH) < 0
            and _ABBREVIATION_STOP.search(prose, max(top, pos - 8), pos) is None
            and _ATTRIBUTED.search(prose, lo, pos) is None
        )

    def _line_before_ends(self, here: int, marks: str) -> bool:
        """Whether the line before the one starting at ``here`` (in this
        block) ends, past trailing spaces, with one of ``marks``."""
        prose = self.prose
        end = here - 1  # the line feed before this line
        while end > self.lo and prose[end - 1] in " \t\r":
            end -= 1
        return end > self.lo and prose[end - 1] in marks

    def _close(self, pos: int, ch: str) -> None:
        double = ch in DOUBLE
        index = self._opener_index(double)
        if (
            index < 0
            and ch == "’"
            and self.prose[pos - 1 : pos] in _STOPS_BEFORE_CLOSER
        ):
            # ‘Tell them “the pallets are in … never check.’: a curly closer
            # after a sentence's stop ends the single quotation under the
            # double one left open inside it.
            index = self._single_below(self.stack)
        if double and index > 0 and not self._valid(self.stack[index].ch, ch):
            # „Parents told us «we lost the hours … any more.”: the closer
            # is the outer quotation's; the inner one was left open.
            index = self._partner_below(index, ch)
        if index < 0:
            crossed = self._cross_opener(pos, ch) if double else None
            if crossed is not None:
                self._cross(pos, ch, crossed)  # ‘…”: one quotation, mixed marks
                return
            self._orphan(pos, ch, double)
            return
        top = self.stack[-1]
        if (
            double
            and not top.double
            and (
                self._closer_follows(pos, ch)
                or self._double_closer_ahead(pos + len(ch))
            )
        ):
            # ‘don’t come back”,”, or “… ‘under review”, and then …,”: the
            # first closes the inner quotation with the wrong mark, the next
            # double closer the outer one.
            self._cross(pos, ch, top, nested=True)
            return
        opener = self.stack[index]
        for inner in self.stack[index + 1 :]:
            self._add("unclosed", inner.pos, inner.ch)
        del self.stack[index:]
        self.closed[0 if double else 1] = pos
        if not self._valid(opener.ch, ch):
            self._mixed(opener, pos, ch, spans=False)
        elif self._english_low_nine(opener, pos, ch):
            # „…” in English (a translation that kept its source's opener):
            # the opener is the odd mark, and “ its mend.
            mend = "“" if opener.ch == "„" else "‘"
            self._odd_opener(opener, pos, ch, mend, note="english")
        elif self._english_right_opener(opener, pos, ch):
            self._odd_opener(opener, pos, ch, "“", note="english")

    def _partner_below(self, index: int, ch: str) -> int:
        """The index of a double opener under ``index`` that ``ch`` closes
        rightly, if one is open; else ``index``."""
        for i in range(index - 1, -1, -1):
            opener = self.stack[i]
            if opener.double and self._valid(opener.ch, ch):
                return i
        return index

    @staticmethod
    def _single_below(stack: list[_Open]) -> int:
        """The index of the innermost single opener in ``stack``, or -1."""
        for i in range(len(stack) - 1, -1, -1):
            if not stack[i].double:
                return i
        return -1

    def _closer_follows(self, pos: int, ch: str) -> bool:
        """True when the same closer follows the one at ``pos`` past at most
        one mark of punctuation (``house”,”``): two quotations end here."""
        j = pos + 1
        if j < self.hi and self.prose[j] in _TRAILING:
            j += 1
        return j < self.hi and self.prose[j] == ch and _shape(*self._around(j)) != LEFT

    def _english_low_nine(self, opener: _Open, pos: int, ch: str) -> bool:
        """True for „…” (or ‚…’) around English words in an English document
        that opens its other quotations the English way (“ or ‘): a
        translation that kept its source's opener here and not there. A
        page whose every quotation opens „ (a Hungarian, Polish or Romanian
        story translated with its marks) quotes one way throughout: no pair
        of it is mixed. „…“ is a German quotation cited as printed, and
        „tak” a Polish one: both stay."""
        return (
            self.english
            and opener.ch in "„‚"
            and ch in "”’"
            and self._count("“" if opener.ch == "„" else "‘") > 0
            and doclang.holds_function_word(self.prose, opener.pos + 1, pos, "en")
        )

    def _english_right_opener(self, opener: _Open, pos: int, ch: str) -> bool:
        """True for ”…” around English words in an English document that
        opens its other quotations with “: the Swedish and Finnish pair,
        typed or converted by mistake (”My client did not…,” the lawyer
        said). A page quoting ”…” throughout quotes one way: no pair of it
        is mixed."""
        return (
            self.english
            and opener.ch == "”"
            and ch == "”"
            and _shape(*self._around(opener.pos)) == LEFT
            and self._count("“") > 0
            and doclang.holds_function_word(self.prose, opener.pos + 1, pos, "en")
        )

    def _orphan(self, pos: int, ch: str, double: bool) -> None:
        """A closer with no opener: pair it with a quote left open earlier."""
        index = next(
            (
                i
                for i in range(len(self.carry) - 1, -1, -1)
                if self.carry[i].double == double
            ),
            -1,
        )
        if index < 0:
            if self._takes_up(double) and self.closed[0 if double else 1] < 0:
                return  # "... write it in Java?" after "Why didn't you ...
            if self.closed[0 if double else 1] == pos - 1 and (
                self.prose[pos - 1] != ch
                or self._straight_twice(pos, ch)
                or ch == "“"  # „…““: the German closer struck twice
            ):
                # ”" or ’': a closer of another style right after one that
                # closed its quotation is the closing mark typed twice (an
                # edit's leftover), not a closer whose opener is missing;
                # so is "" after a word, its second mark before no word.
                self.defects.append(Defect("stray", pos, ch, note="doubled"))
                return
            self._add("unmatched", pos, ch)
            if double and self._twin_closer(pos, ch):
                # A misplaced opener (e.g.”back”, said," [x] looked"): its
                # partner is no second defect.
                self.stack.append(_Open(pos, ch, True))
            return
        opener = self.carry[index]
        self._flush_carry(index + 1)
        del self.carry[index]
        valid = self._valid(opener.ch, ch)
        if valid and self._in_list_run():
            return  # a quotation that runs through a list closes in its last item
        if valid and self.quote_run:
            return  # a pull quote closes in its blockquote's last paragraph
        if valid and self.dialogue_run:
            return  # a dialogue: its replies open with dashes, its last closes
        if valid:
            self.defects.append(
                Defect("unclosed", opener.pos, opener.ch, ch, pos, True)
            )
        else:
            self._mixed(opener, pos, ch, spans=True)

    def _low_nine_language(self) -> bool:
        """Whether the document's language opens quotations with „ or ‚."""
        lang = langtag.primary(self.language)
        return lang in _LOW_NINE_LEFT or lang in _LOW_NINE_RIGHT

    def _valid(self, opener: str, closer: str) -> bool:
        """True when ``closer`` is right for ``opener`` in the document's
        language: „…” is right in Polish but a mismatch in German, „…“ the
        reverse; where the language does not say, either is right."""
        if (opener, closer) not in VALID_PAIRS:
            return False
        if opener not in "„‚":
            return True
        lang = langtag.primary(self.language)
        if lang in _LOW_NINE_LEFT:
            return closer in "“‘"
        if lang in _LOW_NINE_RIGHT:
            return closer in "”’"
        return True

    def _cross_opener(self, pos: int, ch: str) -> _Open | None:
        """The opener of the other kind that the closer at ``pos`` ends.

        A quotation opened with a single mark and closed with a double one
        (``said ‘Alright, let’s go.”``), or the reverse, is one quotation
        with mismatched marks: the innermost open quotation is of the other
        kind, none of the closer's own kind is open in the paragraph, and
        that opener's own closer does not follow in the paragraph.
        """
        if not self.stack:
            return None
        opener = self.stack[-1]
        if len(ch) == 2:
            if not opener.double:  # '' closes a double quotation
                return None
        elif opener.double == (ch in DOUBLE):
            return None
        elif any(o.double != opener.double for o in self.stack):
            return None  # a quotation of the closer's own kind is open
        end = pos + len(ch) - 1  # the closer's last mark
        if opener.double:
            if self._double_closer_ahead(end + 1):
                return None
        elif self._single_closer_ahead(end):
            return None
        if ch in DOUBLE and self._twin_closer(pos, ch):
            return None  # it opened the quotation its twin closes
        return opener

    def _cross(self, pos: int, ch: str, opener: _Open, *, nested: bool = False) -> None:
        """Close ``opener``, the innermost quotation, with a mark of the other
        kind (see ``_cross_opener``): one quotes.Mixed at the closer. A
        quotation ``nested`` in one of the other kind has the right opener:
        its closer is the odd mark."""
        self.stack.pop()
        self.closed[0 if opener.double else 1] = pos
        mend = "" if nested else self._odd_kind(opener.ch, ch)
        if mend:
            # ‘…” in a draft that quotes with “…”: the opener is the odd mark.
            self._odd_opener(opener, pos, ch, mend)
            return
        expected = expected_closer(opener.ch, self.language)
        # Which mark is wrong (the opener or the closer) is a judgement, so
        # there is no fix, except for a LaTeX '' closing a curly double
        # opener: that is the closer written the TeX way, an unsafe fix.
        fixable = len(ch) == 2 and opener.ch not in STRAIGHT
        self.defects.append(
            Defect(
                "mixed",
                pos,
                ch,
                partner=opener.ch,
                partner_start=opener.pos,
                expected=expected,
                fixable=fixable,
                width=len(ch),
            )
        )

    def _worded_closer_ahead(self, start: int) -> bool:
        """True when the next double mark from ``start`` in this block may
        close a quotation of words: not shaped as an opener, and not after
        a digit (``44.9"``: seconds)."""
        at = _next_double(self.prose, start, self.hi)
        return (
            at >= 0
            and not self.prose[at - 1 : at].isdigit()
            and _shape(*self._around(at)) != LEFT
        )

    def _double_closer_ahead(self, start: int) -> bool:
        """True when the next double mark from ``start`` in this block is
        not shaped as an opener: it may close the open double quotation."""
        at = _next_double(self.prose, start, self.hi)
        return at >= 0 and _shape(*self._around(at)) != LEFT

    def _mixed(self, opener: _Open, pos: int, ch: str, *, spans: bool) -> None:
        if not spans and opener.ch == '"' and ch == "”" and self._curly_doubles():
            # "…” in a draft that quotes with curly marks: the straight
            # opener is the odd mark, and “ its mend, not a straight closer.
            self._odd_opener(opener, pos, ch, "“")
            return
        expected = expected_closer(opener.ch, self.language)
        fixable = not spans and ch in STRAIGHT and opener.ch not in STRAIGHT
        note = ""
        if opener.ch in "„‚" and not self._low_nine_language():
            # „…" in English: the opener is as odd as the closer, and a
            # German “ would make a pair the page does not use either.
            expected, fixable, note = "", False, "no low-9"
        # Safe only where the straight mark cannot be anything but this
        # quotation's closer: a double quote, not after a digit (an inch or
        # seconds mark), touching no other quote mark ('in the arena'"': a
        # mark beside another is debris, mended by deleting it). A straight '
        # may be an apostrophe.
        safe = (
            fixable
            and ch == '"'
            and not self.prose[pos - 1 : pos].isdigit()
            and not self._touches_mark(pos)
        )
        self.defects.append(
            Defect(
                "mixed",
                pos,
                ch,
                opener.ch,
                opener.pos,
                spans,
                expected,
                fixable,
                safe,
                note,
            )
        )

    def _odd_opener(
        self, opener: _Open, pos: int, ch: str, mend: str, note: str = ""
    ) -> None:
        """One mixed pair reported at its opener, the odd mark, with ``mend``
        for it (unsafe: an editor looks); ``note`` says why for the message."""
        self.defects.append(
            Defect(
                "mixed", opener.pos, opener.ch, ch, pos, False, mend, True, note=note
            )
        )

    def _odd_kind(self, opener: str, closer: str) -> str:
        """The mend for ``opener`` when a quotation it opens closes with a
        curly mark of the other kind in a draft whose own quotations are of
        the closer's kind: ‘…” among “…” (the draft's only ‘), “…’ among
        ‘…’ (its only “). "" when the draft does not say which is odd."""
        if (opener, closer) == ("‘", "”"):
            lone, draft = self._count("‘") == 1, self._curly_doubles()
            return "“" if lone and draft else ""
        if (opener, closer) == ("“", "’"):
            lone, draft = self._count("“") == 1, self._count("‘") >= 2
            return "‘" if lone and draft else ""
        return ""

    def _count(self, mark: str) -> int:
        """How often ``mark`` stands in the prose, counted once a scan."""
        if mark not in self.counts:
            self.counts[mark] = self.prose.count(mark)
        return self.counts[mark]

    def _curly_doubles(self) -> bool:
        """Whether the document quotes with curly double marks: besides the
        pair at hand, at least two “ or ” and more of them than "; with no
        other double mark at all, curly apostrophes and no straight ones
        (people’s). Counted once, in the whole prose: a draft's convention
        is the document's."""
        if self.curly is None:
            prose = self.prose
            curly = self._count("“") + self._count("”") - 1
            straight = self._count('"') - 1
            if curly or straight:
                self.curly = curly >= 2 and curly > straight
            else:
                singles = self._count("’") + self._count("‘")
                self.curly = singles > 0 and "'" not in prose
        return self.curly

    def _touches_mark(self, pos: int) -> bool:
        """True when another quote mark is right beside the mark at ``pos``
        (past a character reference's fillers)."""
        prose = self.prose
        before = pos - 1
        after = pos + 1
        while after < len(prose) and prose[after] == FILLER:
            after += 1
        while before >= 0 and prose[before] == FILLER:
            before -= 1
        marks = DOUBLE + SINGLE
        return (before >= 0 and prose[before] in marks) or (
            after < len(prose) and prose[after] in marks
        )

    def _add(self, kind: str, pos: int, ch: str) -> None:
        self.defects.append(Defect(kind, pos, ch))

    # -- context helpers --------------------------------------------------

    def _neighbour(self, pos: int, step: int) -> str:
        """The character beside ``pos`` as quote pairing sees it.

        Fillers after a decoded character reference are passed over. A masked
        character (a space in the prose view, not in the source) is markup,
        and :meth:`_masked` says what it is: a word (code, a link target, a
        tag, a role, a template tag: ``"``x``"`` pairs like ``"x"`` and
        ``f()'s`` holds an apostrophe), a space (a table pipe, a line-breaking
        tag, an attribute's quote), or nothing (an emphasis delimiter, a
        styling tag, an escape's backslash), which is looked through to the
        next real character. Markup just outside the block belongs to its
        first or last word (a block runs from its first revealed character to
        its last), so the look goes on past the block's edge through markup,
        never into another block's text.
        """
        prose, text, i = self.prose, self.text, pos + step
        while self.lo <= i < self.hi and prose[i] == FILLER:
            i += step
        while 0 <= i < len(prose):
            inside = self.lo <= i < self.hi
            ch = prose[i]
            if not text:
                return ch if inside else " "
            if not self._hidden(i):
                return ch if inside else " "  # text, or another block's text
            what, i = self._masked(i, step)
            if what == _SPACE:
                return " "
            if what == _OPAQUE:
                return _WORD
        return " "

    def _masked(self, i: int, step: int) -> tuple[int, int]:
        """What the masked source character at ``i`` is to pairing, and where
        the look goes on (for markup that is looked through)."""
        text = self.text
        ch = text[i]
        if ch == "\\":
            return _THROUGH, i + step  # an escape: \" reads as "
        if ch in _DELIMITERS and self.fmt in _DELIMITED:
            while 0 <= i < len(text) and text[i] in _DELIMITERS and self._hidden(i):
                i += step
            return _THROUGH, i
        if ch in "\"'":
            return _SPACE, i  # the quote around an alt or title value
        if ch == "`" and self.fmt == "rst":
            beyond = self._shown_text_edge(i, step)
            if beyond is not None:
                return _THROUGH, beyond
        if ch in "<>" and self.fmt in _TAGGED:
            tag = self._tag(i, step)
            if tag is not None:
                name, start, end = tag
                if name in _STYLE_TAGS or (
                    self.fmt == "html" and name in _STYLE_TAGS_HTML
                ):
                    return _THROUGH, end if step > 0 else start - 1
                if name in _BREAK_TAGS:
                    return _SPACE, i
                return _OPAQUE, i
        if self.fmt == "markdown":
            if ch == "!" and text.startswith("[", i + 1):
                return _SPACE, i  # an image's ![: its alt text starts here
            if ch == "[" or (ch == "]" and step < 0):
                return _THROUGH, i + step  # into a link's text
            if ch in "]|>":
                return _SPACE, i  # a link's text ends; a table pipe; a '>' marker
        return _OPAQUE, i

    def _shown_text_edge(self, i: int, step: int) -> int | None:
        """Where the look goes on past a reST backtick that opens (looking
        back) or closes (looking forward) text the page shows: a role's or
        a reference's title (:ref:`'dunder' names <x>`), whose first or last
        character the mark is. Looking back, the role's name before it is
        markup too. None for any other backtick: the end of a code literal
        (``f()``'s) or one that opens code after the mark is a word."""
        text = self.text
        if text[i + step : i + step + 1] == "`" or text[i - step] == "`":
            return None  # a double backtick: a literal, its text hidden
        if step > 0:
            after = text[i + 1 : i + 2]
            return i + 1 if not after or not after.isalnum() else None
        role = _ROLE_BEFORE.search(text, max(0, i - _ROLE_REACH), i)
        before = role.start() - 1 if role is not None else i - 1
        if before < 0 or text[before].isspace() or text[before] in _OPEN_PUNCT:
            return before
        return None

    def _hidden(self, i: int) -> bool:
        """True when source character ``i`` is masked markup."""
        return self.prose[i] == " " and not self.text[i].isspace()

    def _tag(self, i: int, step: int) -> tuple[str, int, int] | None:
        """The lower-case name and span of the HTML tag that starts (reading
        forward) or ends (reading back) at ``i``, if one does."""
        text = self.text
        if step > 0:
            match = _TAG_AT.match(text, i) if text[i] == "<" else None
        else:
            start = text.rfind("<", max(0, i - _TAG_REACH), i) if text[i] == ">" else -1
            match = _TAG_AT.fullmatch(text, start, i + 1) if start >= 0 else None
        if match is None:
            return None
        return match.group(2).lower(), match.start(), match.end()

    def _open_double(self) -> _Open | None:
        for opener in reversed(self.stack):
            if opener.double:
                return opener
        return None

    def _open_of_kind(self, ch: str) -> _Open | None:
        """The open quotation that a mark like ``ch`` could close."""
        return self._open_double() if ch in DOUBLE else self._top_single()

    def _top_single(self) -> _Open | None:
        if self.stack and not self.stack[-1].double:
            return self.stack[-1]
        return None

    def _opener_index(self, double: bool) -> int:
        if not double:
            return len(self.stack) - 1 if self._top_single() else -1
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].double:
                return i
        return -1

    def _elision(self, pos: int) -> bool:
        """True for the apostrophe of ’90s, 'tis, 'em, rock 'n' roll."""
        text, j = self.prose, self._past_filler(pos + 1)  # &#8216;Twas
        pos, end = j - 1, min(self.hi, j + 8)
        while j < end and text[j].isalnum():
            j += 1
        word = text[pos + 1 : j].casefold()
        if len(word) >= 2 and word[:2].isdigit() and not word[2:3].isdigit():
            # '90s, ’20, the '49ers; not '51D_REPO_PATH', a quoted name
            rest = text[pos + 3 : j]
            if not rest and _TITLE_AFTER_NUMBER.match(text, j):
                # '01 Build and Deploy Site': a name that opens with its
                # number, quoted to its closer; '01 Ford ... '02 is a year.
                return not self._single_closer_ahead(pos, _CLIPPED_REACH)
            return not rest or (
                rest.isalpha() and rest.islower() and text[j : j + 1] != "_"
            )
        if len(word) in (2, 3) and word[0].isdigit() and word[1:] in ("x", "xs"):
            return True  # Windows '9X, the '8xs: a decade, its last digit open
        hyphened = text[j : j + 1] == "-" and text[pos - 1 : pos] == "-"
        if word == "n" and not hyphened and text[j : j + 1] not in _AFTER_N:
            # 'N/A …': not rock 'n' roll's n, drag 'n drop's nor huff-'n-puff's
            return False
        if word in _CLIPPED:
            return not self._single_closer_ahead(pos, _CLIPPED_REACH)
        if word in _CONTRACTION_ENDINGS and text[j : j + 1] == "-":
            return False  # 're-type password': a prefix, no contraction's end
        return word in _ELISIONS

    def _word_quoted(self, pos: int) -> bool:
        """True when the word after the mark at ``pos`` is followed by a
        closing single mark: the elided form quoted as a word ('cause'), not
        the one letter of rock 'n' roll."""
        prose, j = self.prose, pos + 1
        while j < self.hi and prose[j].isalnum():
            j += 1
        return (
            j < self.hi
            and j - pos > 2
            and prose[j] in "'’"
            and not (j + 1 < self.hi and prose[j + 1].isalnum())
        )

    def _reopened_after(self) -> bool:
        """Whether the paragraph after this block opens with a single mark:
        a quotation that goes on there (so a mark in this one ends
        nothing)."""
        rest = self.prose[self.hi : self.hi + 16].lstrip()
        return rest[:1] in "‘'" if rest else False

    def _stop_after(self, pos: int, nxt: str) -> bool:
        """Whether ``nxt``, after the mark at ``pos``, ends a clause: a comma
        or the like, an ellipsis, a dash before a space, or a full stop (or
        dots) before a space, not a name's dot (".NET"). ``nxt`` comes after
        the filler of the mark's own character reference (``&rsquo;.``)."""
        if nxt in _END_PUNCT:
            return True
        if nxt not in ".-–—":
            return False
        end = self._past_filler(pos + 1)
        if nxt != ".":  # a dash set close to the value: '/regexp/'- and
            return self.prose[end + 1 : end + 2] == " "
        while self.prose[end : end + 1] == ".":
            end += 1  # a full stop, or an ellipsis of dots
        after = self.prose[end : end + 1]
        return not after or after.isspace()

    def _quoted_space(self, pos: int, mark: str = '"') -> bool:
        """True for either mark of ``" "`` (or ``' '``: a real space, not
        masked markup)."""
        for at in (pos, pos - 2):
            if (
                at >= 0
                and self.prose.startswith(f"{mark} {mark}", at)
                and not self.prose[at - 1 : at].isalnum()
                and not self.prose[at + 3 : at + 4].isalnum()
                and (not self.text or self.text[at + 1].isspace())
            ):
                return True
        return False

    def _after_feet(self, pos: int) -> bool:
        """True when ``pos`` ends a 5'9" or 26' 46" measurement."""
        text, i = self.prose, pos - 1
        while i >= self.lo and (text[i].isdigit() or text[i] == "."):
            i -= 1
        if i >= self.lo and text[i] == " ":
            i -= 1
        return i > self.lo and text[i] in "'’′" and text[i - 1].isdigit()


def _no_space(line: str) -> str:
    return line.replace(" ", "").replace("\t", "").replace("\r", "")


def _next_double(text: str, start: int, end: int) -> int:
    """Offset of the first double quote mark in ``text[start:end]``, or -1."""
    match = _DOUBLES.search(text, start, end)
    return -1 if match is None else match.start()


def _urls_at(prose: str, marks: list[int]) -> list[tuple[int, int]]:
    """The URLs (``quote_signs.url_spans``) of the lines that hold ``marks``
    (ascending): the only ones a mark can lie in.

    No address runs across a line break, so each line's URLs are those a
    search of the whole prose finds there; searching only the lines with a
    quote mark spared a 17 MB document most of its quotation pass.
    """
    urls: list[tuple[int, int]] = []
    end = -1
    for pos in marks:
        if pos < end:
            continue  # on the line just searched
        start = prose.rfind("\n", 0, pos) + 1
        end = prose.find("\n", pos)
        if end < 0:
            end = len(prose)
        found = quote_signs.url_spans(prose[start:end])
        urls.extend((lo + start, hi + start) for lo, hi in found)
    return urls


def _title_cased(text: str) -> bool:
    """Whether ``text`` is written as a title: its first word and most of
    its words longer than three letters capitalised."""
    words = _TITLE_WORD.findall(text)
    if not words or not words[0][:1].isupper():
        return False
    long = [w for w in words if len(w) > 3]
    return len(long) >= 2 and 3 * sum(w[:1].isupper() for w in long) >= 2 * len(long)


def _first_non_space(text: str, start: int, end: int) -> int:
    """Offset of the first non-space character of ``text[start:end]``."""
    while start < end and text[start].isspace():
        start += 1
    return start


def _mark_offsets(prose: str) -> list[int]:
    """Offsets of every quote mark: the ASCII ones by a byte split of the
    text's ASCII view (one byte a character), the wide ones among the few
    characters beyond ASCII (``wide_chars``). A split of the text on the
    class of every mark tested each character against it: 0.07 s on 8 MB
    of news, three times this."""
    view = ascii_view(prose)
    marks = _view_mark_offsets(view)
    if prose.isascii():
        return marks
    wide = [at for at in wide_places(prose, view) if prose[at] in _WIDE_MARKS]
    return sorted(marks + wide) if wide else marks


def _view_mark_offsets(data: bytes) -> list[int]:
    """Where ``"`` and ``'`` stand in ``data``: one scan in C for a class of
    two bytes. A byte split (after mapping one mark onto the other) ran
    twice as fast, but held a translated copy and its pieces, the view's
    size twice over: 30 MB more at the peak of the 17 MB file's check."""
    if b"'" not in data and b'"' not in data:
        return []
    # Compiled on first use and kept by re's own cache.
    return list(map(stdlib_re.Match.start, stdlib_re.finditer(rb"[\"']", data)))


def _any_between(marks: list[int], start: int, end: int) -> bool:
    """Whether a mark (sorted offsets) lies in ``start:end``."""
    k = bisect.bisect_left(marks, start)
    return k < len(marks) and marks[k] < end


def _disjoint(blocks: Sequence[Block]) -> list[Block]:
    """Blocks in order, without overlaps, so no mark is paired twice."""
    starts = list(map(_START, blocks))
    ends = list(map(_END, blocks))
    if all(map(operator.lt, starts, ends)) and all(map(operator.le, ends, starts[1:])):
        return list(blocks)  # the readers' usual output, checked in C
    return _made_disjoint(blocks)


def _made_disjoint(blocks: Sequence[Block]) -> list[Block]:
    out: list[Block] = []
    last = 0
    for block in sorted(blocks, key=_span):
        start = max(block.start, last)
        if start < block.end:
            out.append(
                block if start == block.start else Block(start, block.end, block.kind)
            )
            last = block.end
    return out


_span = operator.attrgetter("start", "end")
_START = operator.attrgetter("start")
_END = operator.attrgetter("end")


class QuoteDefects(Analysis[tuple[Defect, ...]]):
    """All quote defects of a document, found by one pairing pass for every
    rule of the ``pairs`` type.

    What pairs depends on the document alone: its text and prose, its
    blocks, its language (which marks open) and its format (which masked
    markup is looked through), so no key beyond the document is needed.
    """

    @classmethod
    def compute(cls, doc: Document) -> tuple[Defect, ...]:
        scanner = _Scanner(
            doc.prose,
            quoting_language(doc),
            doc.text,
            doc.format,
            draft=doc.kind == "draft",
        )
        return scanner.run(tuple(doc.blocks))


#: Marks whose reading the language decides outright: which way a
#: guillemet points, what closes a low-9 opener.
_LANGUAGE_MARKS = "«»‹›„‚"


def quoting_language(doc: Document) -> str:
    """The language whose quotation marks the document is read by: where it
    has guillemets or low-9 marks, the one its prose shows (a French article
    in a repository configured for English opens with « and closes with »),
    else the configured tag, kept whole when the prose agrees with it
    (``de-CH`` quotes «…», ``de`` »…«). A document without such marks (most)
    is read by its configured language, as telling its language costs a
    pass over its words; one written in Han ideographs or kana is read as
    Chinese or Japanese, which a count of words cannot tell."""
    prose = doc.prose
    if prose.isascii():
        return doc.language
    if langtag.primary(doc.language) not in _CJK:
        script = doclang.cjk_script(prose)
        if script is not None:
            return script  # a page in Chinese: “/” pairs between ideographs
    if not any(mark in prose for mark in _LANGUAGE_MARKS):
        return doc.language
    shown = doc.get(doclang.DocumentLanguage)
    return doc.language if shown == langtag.primary(doc.language) else shown


#: Dots that cut a value short, and how far after its opening mark.
_CUT_SHORT = later_re(r"\.\.|…")
_CUT_REACH = 40

#: Symbols of code and notation a quotation's close does not hold.
_CODE_SYMBOLS = frozenset("[]{}<>|\\/#*^~=+@$%&")
#: How far a run of marks is read on each side.
_RUN_REACH = 24
#: Code's symbols on each side of a mark that make its run a list.
_LISTED_SYMBOLS = 2


def _masked_mark(prose: str, text: str, at: int) -> bool:
    """Whether the prose view shows a space at ``at`` where the source has
    an emphasis mark, read as markup inside a run of marks (``.*$"}'}}``):
    the run goes on there. A tag's ``>`` ends one."""
    return prose[at].isspace() and text[at] in "*_~"


def _code_symbols(run: str) -> int:
    """How many of code's symbols ``run`` holds."""
    return sum(c in _CODE_SYMBOLS for c in run)


def _symbol(ch: str) -> bool:
    """Whether ``ch`` is a mark: no letter, digit, space or masked filler."""
    return not (ch.isalnum() or ch.isspace() or ch == FILLER)
