"""Bare URLs, e-mail addresses and file paths written in running text.

Markdown masks an autolink (``<https://example.com/teh-page>``) because it is
an address, not prose; a draft in plain text writes the same address bare,
and a fix of "teh" there breaks the link. So a reader that has no syntax for
links masks what is unmistakably an address:

- a URL with a scheme (``https://``, ``ftp://``, ``file://``, ``mailto:``)
  or starting with ``www.``, to its first white space, quotation mark or
  angle bracket; trailing punctuation that ends the sentence (``.``, ``,``,
  ``:``, ``;``, ``!``, ``?``) and an unbalanced closing bracket are the
  sentence's, as in GitHub's extended autolinks;
- an e-mail address: a local part, ``@``, and a domain of two or more labels;
- a file path: from the home or the working folder (``~/notes``,
  ``./build/out``), with a Windows drive (``C:\\Users``), or absolute with
  two or more parts (``/usr/share``). A single part after a slash (``/s``)
  is prose, and so is a slash between words ("and/or"): too many words
  and marks look like a path.

A word such as "example.com" without scheme or ``www.`` stays prose: it is
also how a sentence ends without a space ("the end.Then").
"""

from __future__ import annotations

from copydesk.lazy_patterns import later_re
from copydesk.markup._mask import blank

#: Characters that end a URL, as they end GitHub's autolinks, plus the
#: quotation marks of prose around it.
_URL_BODY = r"[^\s<>\"'`“”‘’«»\u2028\u2029\x85]"
_LINK = later_re(
    r"(?<![\w@.+-])(?:(?:https?|ftp|file)://|mailto:|www\.(?=[\w-]+\.\w))"
    rf"{_URL_BODY}+"
    r"|(?<![\w.+/@-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<![\w/\\.~:-])(?:(?:~|\.{1,2})/[\w.+~-]+(?:/[\w.+~-]+)*"
    r"|/[\w.+~-]+(?:/[\w.+~-]+)+)/?"
    r"|(?<![\w\\])[A-Za-z]:\\[\w.+~-]+(?:\\[\w.+~-]+)*\\?"
)
#: Punctuation that ends a sentence after a URL, not the URL.
_TRAILING = ".,:;!?*_~"
#: What every link holds (``://`` holds ``/``): a scan for these literals
#: is all a paragraph without a link costs, and only the words around a hit
#: are matched.
_TRIGGERS = ("/", "@", ":\\", "www.", "mailto:")
_SPACE = later_re(r"\s")


def link_spans(
    text: str, start: int = 0, end: int | None = None
) -> list[tuple[int, int]]:
    """The (start, end) of each bare URL, e-mail address and path in
    ``text[start:end]``, in order and disjoint.

    A link never holds white space, so each is found in the run of
    non-space characters around one of its literals; each run is matched
    once, so the cost is linear in the text. The literals are looked for
    with ``str.find``, each from where the last run matched ends: a regex
    alternation of them tried a match at every w and m of the prose, a
    tenth of the Markdown corpus's reading time.
    """
    stop = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    done = start
    found = [text.find(literal, start, stop) for literal in _TRIGGERS]
    while True:
        hit, hit_end = -1, -1
        for index, literal in enumerate(_TRIGGERS):
            at = found[index]
            if 0 <= at < done:  # in a run matched already: the next one
                at = found[index] = text.find(literal, done, stop)
            if at >= 0 and (hit < 0 or at < hit):
                hit, hit_end = at, at + len(literal)
        if hit < 0:
            return spans
        lo = max(done, *(text.rfind(c, done, hit) + 1 for c in " \t\n\r"))
        after = _SPACE.search(text, hit_end, stop)
        done = stop if after is None else after.start()
        for match in _LINK.finditer(text, lo, done):
            hi = _trimmed(text, match.start(), match.end())
            if hi > match.start():
                spans.append((match.start(), hi))


def _trimmed(text: str, start: int, end: int) -> int:
    """The end of a link without the sentence's punctuation after it: a
    closing bracket stays when the link opened one (a Wikipedia page)."""
    while end > start and (
        text[end - 1] in _TRAILING
        or (text[end - 1] == ")" and _unbalanced(text, start, end))
    ):
        end -= 1
    return end


def _unbalanced(text: str, start: int, end: int) -> bool:
    """More closing than opening brackets in ``text[start:end]``."""
    return text.count("(", start, end) < text.count(")", start, end)


def mask_view(view: str) -> str:
    """``view`` with each bare link it shows as prose masked.

    For readers of markup with a syntax for links: what their parser calls
    text may still hold a bare address (GitHub links ``https://…`` written
    in Markdown text; a browser shows it in HTML). Searched in the view, a
    link inside code or an attribute is already masked and never found.
    """
    return blank(view, link_spans(view))
