"""Is this a language tag? The shape of BCP 47, checked before any rule runs.

copydesk reads the language to pick quote conventions and which house lists
apply; a tag it cannot read (``english``, ``en_GB``) would silently switch
those off. Only the shape is checked, not the registry: ``xx-YY`` passes.
"""

from __future__ import annotations

import re

from copydesk.lazy_patterns import later_re

#: language (2-3 letters, optional extended subtags) - script - region -
#: variants - extensions - private use; or a private-use tag on its own.
_TAG = later_re(
    r"""
    (?:
      [a-z]{2,3}(?:-[a-z]{3}){0,3}      # language, extlang
      (?:-[a-z]{4})?                    # script
      (?:-(?:[a-z]{2}|[0-9]{3}))?       # region
      (?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*   # variants
      (?:-[a-wyz0-9](?:-[a-z0-9]{2,8})+)*        # extensions
      (?:-x(?:-[a-z0-9]{1,8})+)?                 # private use
    |
      x(?:-[a-z0-9]{1,8})+
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)

EXAMPLES = "en, en-GB, de-CH or pt-BR"


def primary(tag: str) -> str:
    """The primary subtag of ``tag``, lower-cased: ``de-CH`` → ``de``; an
    empty tag reads as English, the default language. The one reading of a
    tag's language that house lists, quotation marks and dictionaries use."""
    return tag.replace("_", "-").split("-", 1)[0].lower() or "en"


def tag_problem(tag: str) -> str | None:
    """Why ``tag`` is not a BCP 47 language tag, or None when it is one."""
    if _TAG.fullmatch(tag):
        return None
    fixed = tag.replace("_", "-")
    if fixed != tag and _TAG.fullmatch(fixed):
        return f"expected a BCP 47 language tag, got {tag!r} (did you mean {fixed!r}?)"
    return f"expected a BCP 47 language tag such as {EXAMPLES}, got {tag!r}"
