"""Vale's sentence segmentation and word tokenization.

``scope: sentence`` rules, the ``sentence`` blocks of a paragraph and Vale's
last-resort location search all depend on how Vale cuts text. Vale uses a
Punkt model trained on English news text; this module applies Punkt's
decisions without the model: a token ending in ``?`` or ``!`` (optionally
followed by a closing quote or bracket) ends a sentence; one ending in a
period does unless it is one of the model's abbreviations or a dotted one
such as ``e.g.`` (then only a capitalised frequent sentence starter such as
``The`` begins a new sentence), and an ellipsis ends one only before a
capital.
The word tokenizer is Vale's own (whitespace, then prefixes and suffixes
peeled off, emoticons and dotted abbreviations kept whole).
"""

from __future__ import annotations

import re
import unicodedata

from copydesk.wordsets import word_set

__all__ = ["segment", "tokenize_words"]


#: Abbreviations Vale's English model knows (lower case, no final period):
#: a period after one of them does not end a sentence.
ABBREVIATIONS = word_set(
    """
    adm ala ariz aug ave bros c co col colo conn corp cos ct d dec dr e f feb fla
    fri ft g ga gen gov h ill inc jan jr k kan ky l lt ltd m maj messrs mg mich
    minn mr mrs ms mt n no nov oct ok okla ore p pa ph.d prof r rep reps s sen
    sep sept sgt sr st sw t tenn tues v va vs vt w wash wed wis yr
    """
)
#: Words the model knows to start sentences, and common words it has seen
#: in lower case but never capitalised mid-sentence: after an abbreviation or
#: an initial, one of these (capitalised) still starts a new sentence, where
#: a name ("Albert I. Jones", "e.g. Docker") does not.
SENTENCE_STARTERS = word_set(
    """
    according although among both but despite even he however i if in indeed
    instead it many meanwhile moreover most nevertheless nonetheless nor sales
    separately she similarly since so some the there these they this though
    thus under when while yet
    a after all also an and any are as at be before by can could did do does
    each every few for from had has have her here his how is its let may might
    more my no not now of on once one or our see should that their them then
    to two use was we were what where which who why will with would you your
    """
)

_CLOSERS = "\"')]’”»"
_DOTTED = re.compile(r"^(?:\w\.)+\w*\.$")
_ELLIPSIS = re.compile(r"(?:\.\s?){2,}\.")
_TOKEN = re.compile(r"\S+")


def _lower_core(token: str) -> str:
    return token.rstrip(_CLOSERS).rstrip(".").lstrip("\"'([“‘").lower()


def _starts_sentence(following: str | None) -> bool:
    """After an abbreviation: is the next word a capitalised common word?"""
    word = (following or "").lstrip("\"'([“‘")
    return word[:1].isupper() and word.rstrip(".,;:!?").lower() in SENTENCE_STARTERS


def _ends_sentence(token: str, following: str | None) -> bool:
    """Punkt's decision for one token, given the next token (or None)."""
    core = token.rstrip(_CLOSERS)
    if core.endswith(("?", "!")):
        return not token.endswith("Yahoo!")
    if not core.endswith("."):
        return any(mark in token for mark in (".[", ".(", '."', "?[", "?(", "![", "!("))
    if following == ".":
        return False
    next_upper = following is not None and following.lstrip("\"'([“‘")[:1].isupper()
    if _ELLIPSIS.search(core):
        return next_upper
    word = _lower_core(token)
    if not word:
        return True
    bare = core.lstrip("\"'([“‘")
    initial = len(word) == 1 and word.isalpha()
    if word in ABBREVIATIONS or initial or _DOTTED.match(bare):
        return _starts_sentence(following)
    # A quotation or parenthesis closing mid-sentence: "... (see above.) and".
    return following is None or not following[:1].islower() or core == token


def segment(text: str) -> list[str]:
    """Split ``text`` into sentences (each stripped of surrounding space)."""
    tokens = list(_TOKEN.finditer(text))
    sentences: list[str] = []
    start = 0
    for i, match in enumerate(tokens):
        following = tokens[i + 1].group(0) if i + 1 < len(tokens) else None
        if following is not None and _ends_sentence(match.group(0), following):
            sentences.append(text[start : match.end()].strip())
            start = match.end()
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return [s for s in sentences if s]


# --- Vale's word tokenizer (nlp.IterTokenizer) --------------------------------

_SPECIAL = re.compile(r"^(?:[A-Za-z]\.){2,}$|^[A-Z][a-z]{1,2}\.$")
_SANITIZE = {"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"}
_SUFFIXES = (",", ")", '"', "]", "!", ";", ".", "?", ":", "'")
_PREFIXES = ("$", "(", '"', "[", "'")
_EMOTICONS = word_set(
    """(-8 (-; (-_-) (._.) (: (= (o: (¬_¬) (ಠ_ಠ) -__- 8-) 8-D 8D :( :(( :((( :()
    :))) :-) :-)) :-))) :-* :-/ :-X :-] :-o :-p :-x :-| :-} :0 :3 :P :] :`( :`)
    :`-( :o :o) =( =) =D =| @_@ O.o O_o V_V XDD [-: ^___^ o_0 o_O o_o v_v xD
    xDD"""
)


def _all_non_letter(text: str) -> bool:
    return not any(unicodedata.category(c).startswith("L") for c in text)


def _split(token: str) -> list[str]:
    tokens: list[str] = []
    last = 0
    while token and len(token) != last:
        if token in _EMOTICONS or _SPECIAL.match(token):
            if not _all_non_letter(token):
                tokens.append(token)
            break
        last = len(token)
        if any(len(token) > len(p) and token.startswith(p) for p in _PREFIXES):
            token = token[1:]
        elif any(len(token) > len(s) and token.endswith(s) for s in _SUFFIXES):
            token = token[:-1]
        elif not _all_non_letter(token):
            tokens.append(token)
    return tokens


def tokenize_words(text: str) -> list[str]:
    """Vale's ``WordTokenizer.Tokenize``."""
    clean = text.replace("&rsquo;", "'")
    for old, new in _SANITIZE.items():
        clean = clean.replace(old, new)
    tokens: list[str] = []
    for match in _TOKEN.finditer(clean):
        tokens.extend(_split(match.group(0)))
    return tokens
