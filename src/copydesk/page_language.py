"""The language a page declares for itself.

A multilingual site keeps each translation in a page of its own and says
which language it is in: the front matter's ``lang:`` (Jekyll, the W3C's
WAI site, Hugo's ``languageCode``), the root element's ``<html lang="cs">``,
the file's name (``index.cs.md``, Hugo's and Jekyll-polyglot's convention),
or the folder it is kept in (``content/fr/``). The configured ``language``
is a project's default; a page that declares another is read in its own,
as an element's ``lang`` attribute overrides its page's
(:class:`copydesk.doclang.DeclaredLanguages`). English rules then leave a
Czech page alone, and its „…“ quotations are Czech.

Only languages a translation is commonly made into count: a front matter's
``lang: ts`` is more likely a code sample's TypeScript than Tsonga, and a
file named ``how.to.md`` is no page in Tonga.
"""

from __future__ import annotations

import functools
import itertools
import re
from pathlib import Path, PurePath

from copydesk import langtag
from copydesk.lazy_patterns import later_re

#: Primary subtags read as a page's language (ISO 639-1).
LANGUAGES = frozenset(
    {"ar", "bg", "bn", "ca", "cs", "cy", "da", "de", "el", "en", "es", "et", "eu",
     "fa", "fi", "fr", "ga", "gl", "he", "hi", "hr", "hu", "hy", "id", "is", "it",
     "ja", "ka", "kk", "ko", "lt", "lv", "mk", "ms", "mt", "nb", "nl", "nn", "no",
     "pl", "pt", "ro", "ru", "sk", "sl", "sq", "sr", "sv", "sw", "ta", "th", "tr",
     "uk", "ur", "uz", "vi", "zh"}
)  # fmt: skip
#: How many folders up from a page its language folder is looked for.
_FOLDER_DEPTH = 6
#: A folder named by a language with its region or script: ``pt-br``.
_REGIONAL = later_re(r"[a-z]{2}-(?:[a-z]{2}|[a-z]{4}|[0-9]{3})")
#: Folders that hold one folder per language and nothing else.
_LOCALE_FOLDERS = frozenset(
    {"i18n", "l10n", "locale", "locales", "translations", "translated", "lang"}
)
#: The folders of a site's English pages.
_ENGLISH_FOLDERS = ("en", "en-us", "en-gb")
#: How much of a page's start is read for its declaration.
_HEAD = 4_096
#: A BCP 47 tag: primary subtag, then region or script (``pt-BR``, ``zh-Hans``).
_TAG = r"([A-Za-z]{2})(?:[-_][A-Za-z0-9]{2,8})*"
#: ``lang: cs`` or ``language = "fr"`` on a front matter line of its own.
_FRONT_MATTER_KEY = later_re(
    rf"""^(?:lang|language|languageCode|locale)[ \t]*[:=][ \t]*["']?({_TAG})["']?"""
    r"[ \t]*(?:#.*)?\r?$",
    re.MULTILINE,
)
#: The root element's language: ``<html lang="de">``, ``xml:lang`` too.
_HTML_LANG = later_re(
    rf"""<html\b[^>]*?\blang[ \t]*=[ \t]*["']?({_TAG})""", re.IGNORECASE
)
#: A front matter block at the start of a page: YAML (``---``) or TOML (``+++``).
_FRONT_MATTER = later_re(
    r"\A\ufeff?(---|\+\+\+)[ \t]*\r?\n(.*?)^\1[ \t]*\r?$", re.DOTALL | re.MULTILINE
)


def declared(text: str, path: str, fmt: str) -> str | None:
    """The language tag ``text`` (the file ``path`` in format ``fmt``)
    declares for itself, or None: its front matter's, its root element's,
    its file name's or its folder's. One that is not English wins: ``lang: en`` is a
    template's default, often left on the page translated from it, and a
    file named ``index.cs.md`` was named on purpose."""
    found = [_in_front_matter(text[:_HEAD]), named(path), foldered(path)]
    if fmt == "html":
        found.insert(1, _in_root_element(text[:_HEAD]))
    tags = [tag for tag in found if tag is not None]
    foreign = [tag for tag in tags if langtag.primary(tag) != "en"]
    chosen = foreign or tags
    return chosen[0] if chosen else None


def _in_front_matter(head: str) -> str | None:
    # Most pages have no front matter, or none naming a language: told by
    # string searches, so a one-file check compiles no pattern for them.
    if not head.lstrip("\ufeff").startswith(("---", "+++")):
        return None
    if "lang" not in head and "locale" not in head:
        return None
    matter = _FRONT_MATTER.match(head)
    if matter is None:
        return None
    key = _FRONT_MATTER_KEY.search(matter.group(2))
    return _tag(key.group(1)) if key is not None and _known(key.group(2)) else None


def _in_root_element(head: str) -> str | None:
    if "lang" not in head:
        return None
    root = _HTML_LANG.search(head)
    return _tag(root.group(1)) if root is not None and _known(root.group(2)) else None


def language_for(text: str, path: str, fmt: str, default: str) -> str:
    """The language ``text`` is read in: the one it declares where that is
    another than ``default``'s, else ``default`` (whose region a page
    declaring the same language keeps: ``en-GB`` stays for ``lang: en``)."""
    own = declared(text, path, fmt)
    if own is None or langtag.primary(own) == langtag.primary(default):
        return default
    return own


def named(path: str) -> str | None:
    """The language in a file name's last suffix before its extension:
    ``index.cs.md``, ``about.pt-BR.html``."""
    suffixes = PurePath(path).suffixes
    if len(suffixes) < 2:
        return None
    tag = suffixes[-2][1:]
    primary = tag.replace("_", "-").split("-", 1)[0]
    if primary != primary.lower() or not _known(primary) or len(tag) > 10:
        return None
    return _tag(tag)


def from_path(path: str) -> str | None:
    """The language ``path`` declares by its file's name or its folder."""
    return named(path) or foldered(path)


def foldered(path: str) -> str | None:
    """The language of the folder a page sits in, in a site that keeps a
    folder per language (``content/fr/``, ``pages/pt-br/``): a tag with its
    region or script (``pt-br``, ``zh-cn``), a bare one beside an English
    folder (``fr`` next to ``en``) or in a folder of translations
    (``i18n/zh/``). A bare ``it``, ``uk`` or ``de`` elsewhere is as likely a
    department, a country or a state."""
    parents = PurePath(path).parents
    for folder in itertools.islice(parents, _FOLDER_DEPTH):
        tag = folder.name
        primary = tag.split("-", 1)[0]
        if not tag or tag != tag.lower() or not _known(primary) or len(tag) > 10:
            continue
        if "-" in tag and _REGIONAL.fullmatch(tag):
            return _tag(tag)
        if "-" in tag or primary == "en":
            continue
        if folder.parent.name.lower() in _LOCALE_FOLDERS:
            return _tag(tag)  # i18n/zh/…: Docusaurus's translations
        if _english_beside(str(folder.parent)):
            return _tag(tag)
    return None


@functools.lru_cache(maxsize=256)
def _english_beside(parent: str) -> bool:
    """Whether ``parent`` holds an English folder (``en``, ``en-us``, ...)."""
    base = Path(parent)
    return any((base / name).is_dir() for name in _ENGLISH_FOLDERS)


def _known(primary: str) -> bool:
    return primary.lower() in LANGUAGES


def _tag(tag: str) -> str:
    """``tag`` as BCP 47 writes it: ``pt_br`` → ``pt-BR``, ``zh-hans`` →
    ``zh-Hans``."""
    parts = tag.replace("_", "-").split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 2 and part.isalpha():
            out.append(part.upper())
        elif len(part) == 4 and part.isalpha():
            out.append(part.title())
        else:
            out.append(part.lower())
    return "-".join(out)
