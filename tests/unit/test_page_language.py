"""A page that declares its own language is read in it.

The documents are our own, shaped like the translated pages of a W3C-style
multilingual site: a Czech page whose front matter says ``lang: cs`` and
whose „…“ quotations are Czech, a Spanish page named ``index.es.md``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from tests.shipped_packs import found

from copydesk.page_language import declared, language_for

CZECH = (
    "---\n"
    'title: "Přehled"\n'
    "lang: cs  # the page's language\n"
    "---\n\n"
    "Dokumenty vysvětlují, jak udělat „obsah“ webu přístupnější pro lidi s "
    "postiženími. Obsah na webu je to, co je na stránce: text, obrázky a zvuky.\n\n"
    "Pro lidi se sluchovým postižením jsou potřeba titulky a audio popisy. Je to "
    "důležité pro všechny, kdo používají web, a také pro ty, kdo ho tvoří po celý "
    "den do práce za malé peníze.\n"
)


@pytest.mark.parametrize(
    ("text", "path", "fmt", "tag"),
    [
        (CZECH, "index.md", "markdown", "cs"),
        ('+++\ntitle = "x"\nlanguage = "pt_br"\n+++\n', "a.md", "markdown", "pt-BR"),
        ('<!DOCTYPE html>\n<html class="x" lang="de-ch">', "a.html", "html", "de-CH"),
        ("Hola.\n", "pages/intro/index.es.md", "markdown", "es"),
        ("Olá.\n", "about.zh-hans.md", "markdown", "zh-Hans"),
        # No page's language: a code sample's, a word in a file's name, a
        # ``lang`` that is no root element's, one past the front matter.
        ("---\nlang: ts\n---\n", "a.md", "markdown", None),
        ("Steps.\n", "how.to.md", "markdown", None),
        ("Steps.\n", "notes.IT.md", "markdown", None),
        ('<p lang="fr">Bonjour</p>', "a.html", "html", None),
        ("Text.\n\nlang: fr\n", "a.md", "markdown", None),
    ],
)
def test_what_a_page_declares(text: str, path: str, fmt: str, tag: str | None) -> None:
    assert declared(text, path, fmt) == tag


def test_a_declaration_of_the_default_language_keeps_its_region() -> None:
    assert language_for("---\nlang: en\n---\n", "a.md", "markdown", "en-GB") == "en-GB"
    assert language_for(CZECH, "a.md", "markdown", "en-GB") == "cs"
    assert language_for("Text.\n", "a.md", "markdown", "de") == "de"


def test_english_rules_leave_a_declared_czech_page_alone() -> None:
    # Read as English, "a audio" wants "an" (its words tell Czech, so its
    # „obsah“ is read as Czech quotes either way).
    undeclared = CZECH.replace("lang: cs", "lang: en")
    rules = {rule for _, _, rule in found(undeclared, "index.md", "quotes", "typos")}
    assert rules == {"typos.Articles"}
    assert found(CZECH, "index.md", "quotes", "typos") == []
    assert found(undeclared, "index.cs.md", "quotes", "typos") == []


def test_a_doubled_function_word_is_grammar_in_its_own_language() -> None:
    german = (
        "---\nlang: de\n---\n\n"
        "Das sind die die Regeln, die wir kennen, und sie gelten auch für uns.\n"
    )
    assert found(german, "regeln.md", "style") == []
    english = "These are the the rules we know, and they hold for us too.\n"
    assert found(english, "rules.md", "style") == [(1, 11, "style.Repetition")]


def test_the_cli_and_its_cache_read_a_translation_by_its_file_name(
    tmp_path: Path,
) -> None:
    # The English paragraph's slip counts only where the page is English: a
    # Spanish paragraph is no English one's in either file.
    text = (
        "Paso a audio y la página es „buena“ para todos los que la usan.\n\n"
        "Switch to a audio track.\n"
    )
    (tmp_path / "index.es.md").write_text(text, encoding="utf-8")
    (tmp_path / "index.md").write_text(text, encoding="utf-8")
    command = [sys.executable, "-m", "copydesk", "check", "--isolated"]
    command += ["--format", "json", "--cache-dir", str(tmp_path / "cache"), "."]
    for _ in range(2):  # cold, then answered from the cache
        run = subprocess.run(
            command, cwd=tmp_path, capture_output=True, text=True, check=False
        )
        paths = {Path(f["path"]).name for f in json.loads(run.stdout)}
        assert paths == {"index.md"}, run.stderr


def test_a_language_folder_counts_beside_an_english_one_or_with_its_region(
    tmp_path: Path,
) -> None:
    site = tmp_path / "site" / "pages"
    for folder in ("en/about", "fr/about", "pt-br/about"):
        (site / folder).mkdir(parents=True)
    assert declared("Texte.\n", str(site / "fr/about/index.md"), "markdown") == "fr"
    assert declared("Texto.\n", str(site / "pt-br/about/a.md"), "markdown") == "pt-BR"
    # Without an English folder beside it, ``it`` is a department's folder.
    (tmp_path / "content/it").mkdir(parents=True)
    assert declared("Text.\n", str(tmp_path / "content/it/a.md"), "markdown") is None
    assert declared("Text.\n", str(site / "en/about/a.md"), "markdown") is None
    # Docusaurus keeps translations in i18n/<language>/, with no English one.
    page = "i18n/zh/docusaurus-plugin-content-docs/current/a.md"
    assert declared("文本。\n", page, "markdown") == "zh"


def test_a_paragraph_re_linted_alone_keeps_its_pages_declared_language() -> None:
    # The editor re-lints changed paragraphs alone; an English-looking one
    # on a German page still reads "die die" as German, as the whole does.
    from copydesk.api import Overrides, Workspace

    workspace = Workspace(Path(), Overrides(isolated=True))
    page = (
        "---\nlang: de\n---\n\n"
        "Das sind die Regeln, die wir kennen, und sie gelten für uns alle.\n\n"
        "The rules die die hard, and they said that it was so for them.\n"
    )
    first = [f.rule for f in workspace.lint_text("regeln.md", page)]
    edited = page.replace("them.", "them!")
    again = [f.rule for f in workspace.lint_text("regeln.md", edited)]
    assert "style.Repetition" not in first
    assert again == first
