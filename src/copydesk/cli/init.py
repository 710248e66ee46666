"""``copydesk init``: a commented starter ``.copydesk.toml`` for a newsroom or docs.

A new user's first question is "what can I set?", and the answer should sit
in the file they will edit, not in the README. The file is written only where
no config exists yet: a ``.copydesk.toml`` would silently take precedence
over a ``[tool.copydesk]`` table in the same folder's pyproject.toml, and
overwriting a team's config is never what ``init`` should do.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from copydesk.config import CONFIG_NAMES, read_config_file
from copydesk.errors import CopydeskError

EXIT_CLEAN = 0
TARGET = ".copydesk.toml"

_HEAD = """\
# copydesk configuration ({profile} profile), written by `copydesk init`.
# The nearest config file above a linted file applies to it; command-line
# flags win over it. `copydesk config PATH` shows what applies to a file and
# where each setting comes from. Every key: see the README, Configuration.

"""

_NEWSROOM = """\
# Drafts pasted from web pages, wires and translation tools: every rule that
# is on by default runs, including the web-debris rules (share buttons,
# newsletter prompts, "Read more" lines) that only run on draft documents.
# Plain text (.txt, stdin) is a draft; Markdown, HTML and reST are authored.
# A scraped article saved as Markdown is still a draft:
# kind-for = { "incoming/**" = "draft" }

language = "en"            # BCP 47: en-GB, de-CH ... picks quote conventions
fail-level = "warning"     # suggestion | warning | error | none

# Opt-in rules: name them to switch them on (their pack alone does not).
# select = ["names", "quotes", "artifacts", "typos", "variants", "style",
#           "style.Acronyms"]
"""

_DOCS = """\
# A documentation tree: every file is authored, so the draft-only rules (web
# debris such as navigation, ads, credits, newsletter prompts) stay off; on
# real docs those words are the pages' own headings and menus.
kind-for = { "*" = "authored" }

language = "en"            # BCP 47: en-GB, de-CH ... picks quote conventions
fail-level = "warning"     # suggestion | warning | error | none
exclude = []               # folders or globs to skip when walking, e.g. "archive"

# Packs that run (their default rules only); remove one to switch it off.
packs = ["names", "quotes", "artifacts", "typos", "variants", "style"]
"""

_TAIL = """\

# ignore = ["artifacts.Credits"]       # rules or packs never to run

# [severity]                           # change a rule's level
# "quotes.Stray" = "suggestion"

# [per-file-ignores]                   # rules or packs off for some files
# "legal/*.md" = ["typos"]

# [vocab]
# accept = ["Kyivstar"]                # findings on these terms are dropped
# reject = ["Ukraine war"]             # each use is a vocab.Reject error

# [rules."variants.Names"]             # any key of a rule file
# level = "suggestion"
"""

PROFILES = {"newsroom": _NEWSROOM, "docs": _DOCS}


def starter_config(profile: str) -> str:
    """The text of the starter config for ``profile``."""
    return _HEAD.format(profile=profile) + PROFILES[profile] + _TAIL


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write ``.copydesk.toml`` here, unless a config already applies here."""
    del out  # nothing for stdout: the file is the output
    folder = Path()
    existing = _existing_config(folder)
    if existing is not None:
        raise CopydeskError(
            existing,
            "a copydesk config is already here; edit it (copydesk init never"
            " overwrites one)",
        )
    text = starter_config(args.profile)
    target = folder / TARGET
    try:
        with target.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        raise CopydeskError(TARGET, f"cannot write: {exc.strerror or exc}") from None
    print(
        f"Wrote {TARGET} ({args.profile} profile). "
        "Run `copydesk config FILE` to see what applies to a file.",
        file=err,
    )
    return EXIT_CLEAN


def _existing_config(folder: Path) -> str | None:
    """The config file in ``folder`` that copydesk would read, if any."""
    for name in CONFIG_NAMES:
        path = folder / name
        if path.is_file() and (
            name != "pyproject.toml" or read_config_file(path) is not None
        ):
            return name
    return None
