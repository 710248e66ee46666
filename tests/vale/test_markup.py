"""Markup as Vale sees it: what is linted, what is skipped, and the columns."""

from __future__ import annotations

from pathlib import Path

from tests.vale.conftest import Run, write_tree

CONFIG = """StylesPath = styles
MinAlertLevel = suggestion

[*]
BasedOnStyles = House
"""
TODO_RULE = (
    "extends: existence\nmessage: \"'%s' left in text\"\ntokens:\n  - TODO\n  - XXX\n"
)


def setup(
    project: Path, files: dict[str, str], rules: dict[str, str] | None = None
) -> None:
    tree = {".vale.ini": CONFIG, "styles/House/Todo.yml": TODO_RULE, **files}
    for name, body in (rules or {}).items():
        tree[f"styles/House/{name}.yml"] = body
    write_tree(project, tree)


MARKDOWN = """---
title: TODO in front matter
---

# A TODO heading

Text with `TODO` in code and a TODO after it.

```python
TODO = "in a fence"
```

    TODO in an indented block

- item with TODO
- [link TODO](https://example.com/TODO) and <https://example.com/TODO>

| col TODO | other |
|---|---|
| cell | XXX |

> quoted XXX

![alt TODO](pic.png)
"""


def test_markdown_code_front_matter_and_urls_are_skipped(
    project: Path, vale: Run
) -> None:
    setup(project, {"doc.md": MARKDOWN})
    assert vale("doc.md").lines == [
        "doc.md:5:5:House.Todo:'TODO' left in text",
        "doc.md:7:32:House.Todo:'TODO' left in text",
        "doc.md:15:13:House.Todo:'TODO' left in text",
        "doc.md:16:9:House.Todo:'TODO' left in text",
        "doc.md:18:7:House.Todo:'TODO' left in text",
        "doc.md:20:10:House.Todo:'XXX' left in text",
        "doc.md:22:10:House.Todo:'XXX' left in text",
        "doc.md:24:7:House.Todo:'TODO' left in text",
    ]


def test_comment_switches(project: Path, vale: Run) -> None:
    loud = "extends: existence\nmessage: \"'%s'!\"\nnonword: true\ntokens:\n  - '!!'\n"
    doc = (
        "TODO one!!\n\n"
        "<!-- vale off -->\n\nTODO two!!\n\n<!-- vale on -->\n\n"
        "<!-- vale House.Todo = NO -->\n\nTODO three!!\n\n"
        "<!-- vale House.Todo = YES -->\n\nTODO four!!\n"
    )
    setup(project, {"doc.md": doc}, {"Loud": loud})
    assert vale("doc.md").lines == [
        "doc.md:1:1:House.Todo:'TODO' left in text",
        "doc.md:1:9:House.Loud:'!!'!",
        "doc.md:11:11:House.Loud:'!!'!",
        "doc.md:15:1:House.Todo:'TODO' left in text",
        "doc.md:15:10:House.Loud:'!!'!",
    ]


def test_multibyte_text_and_line_endings(project: Path, vale: Run) -> None:
    setup(
        project,
        {
            "crlf.md": "Café — naïve TODO\r\nmore XXX\r\n",
            "cr.txt": "über TODO\rnext XXX\r",
        },
    )
    assert vale("--sort", "crlf.md", "cr.txt").lines == [
        "cr.txt:1:6:House.Todo:'TODO' left in text",
        "cr.txt:2:6:House.Todo:'XXX' left in text",
        "crlf.md:1:14:House.Todo:'TODO' left in text",
        "crlf.md:2:6:House.Todo:'XXX' left in text",
    ]


def test_html_skips_scripts_pre_and_ignored_classes(project: Path, vale: Run) -> None:
    html = (
        "<html><body>\n"
        "<h1>Title TODO</h1>\n"
        "<p>Para with <code>TODO</code> and TODO.</p>\n"
        "<pre>TODO in pre</pre>\n"
        "<script>var TODO = 1;</script>\n"
        '<div class="no-lint"><p>TODO hidden</p></div>\n'
        '<p><img src="a.png" alt="XXX alt"></p>\n'
        "</body></html>\n"
    )
    write_tree(
        project,
        {
            ".vale.ini": CONFIG.replace("[*]", "IgnoredClasses = no-lint\n\n[*]"),
            "styles/House/Todo.yml": TODO_RULE,
            "page.html": html,
        },
    )
    assert vale("page.html").lines == [
        "page.html:2:11:House.Todo:'TODO' left in text",
        # Vale places the match by searching the raw line: the first "TODO"
        # (the one inside <code>) is where the reported one is said to be.
        "page.html:3:20:House.Todo:'TODO' left in text",
        "page.html:7:26:House.Todo:'XXX' left in text",
    ]


def test_scopes_select_blocks(project: Path, vale: Run) -> None:
    rules = {
        "Heading": (
            "extends: existence\nmessage: \"heading '%s'\"\nscope: heading\n"
            "tokens:\n  - Word\n"
        ),
        "NotH1": (
            "extends: existence\nmessage: \"not h1 '%s'\"\n"
            "scope: heading & ~heading.h1\ntokens:\n  - Word\n"
        ),
        "Lists": (
            "extends: existence\nmessage: \"list '%s'\"\nscope: list\n"
            "tokens:\n  - Word\n"
        ),
        "Cells": (
            "extends: existence\nmessage: \"cell '%s'\"\nscope: table.cell\n"
            "tokens:\n  - Word\n"
        ),
        "Quotes": (
            "extends: existence\nmessage: \"quote '%s'\"\nscope: blockquote\n"
            "tokens:\n  - Word\n"
        ),
        "Raw": (
            "extends: existence\nmessage: \"raw '%s'\"\nscope: raw\nnonword: true\n"
            "tokens:\n  - '\\*\\*'\n"
        ),
        "Sentences": (
            "extends: existence\nmessage: \"sentence '%s'\"\nscope: sentence\n"
            "tokens:\n  - '^Word \\w+'\n"
        ),
    }
    doc = (
        "# Word one\n\n## Word two\n\n- Word three\n\n"
        "| Head |\n|---|\n| Word four |\n\n> Word five\n\n"
        "Some **bold** text. Word six ends here.\n"
    )
    setup(project, {"doc.md": doc}, rules)
    assert vale("doc.md").lines == [
        "doc.md:1:3:House.Heading:heading 'Word'",
        "doc.md:3:4:House.Heading:heading 'Word'",
        "doc.md:3:4:House.NotH1:not h1 'Word'",
        "doc.md:5:3:House.Lists:list 'Word'",
        "doc.md:9:3:House.Cells:cell 'Word'",
        "doc.md:11:3:House.Quotes:quote 'Word'",
        "doc.md:13:6:House.Raw:raw '**'",
        "doc.md:13:12:House.Raw:raw '**'",
        "doc.md:13:21:House.Sentences:sentence 'Word six'",
    ]


def test_org_and_rst_are_read_in_process(project: Path, vale: Run) -> None:
    org = (
        "#+title: TODO in a keyword\n\n* A heading\n\n"
        "Some text with =TODO= verbatim and XXX plain.\n\n"
        "# vale off\n\nXXX hidden\n\n# vale on\n\n"
        "#+begin_src python\nTODO = 1\n#+end_src\n"
    )
    rst = (
        "Title\n=====\n\nSome ``TODO`` literal and XXX plain.\n\n"
        ".. code-block:: python\n\n   TODO = 1\n\nLast TODO.\n"
    )
    setup(project, {"notes.org": org, "guide.rst": rst})
    assert vale("--sort", "notes.org", "guide.rst").lines == [
        "guide.rst:4:27:House.Todo:'XXX' left in text",
        "guide.rst:10:6:House.Todo:'TODO' left in text",
        "notes.org:5:36:House.Todo:'XXX' left in text",
    ]


def test_code_comments_are_linted(project: Path, vale: Run) -> None:
    files = {
        "app.py": (
            '"""Module TODO docstring."""\n\n'
            "def f():\n"
            "    s = '# TODO not a comment'\n"
            "    return s  # XXX trailing\n"
        ),
        "main.go": (
            "package main\n\n"
            "// TODO first line\n"
            "// and XXX second line\n"
            'var s = "// TODO in a string"\n'
            "/* block TODO */\n"
        ),
        "lib.hs": "main = 1 -- TODO here\n",
    }
    setup(project, files)
    assert vale("--sort", *files).lines == [
        "app.py:1:11:House.Todo:'TODO' left in text",
        "app.py:5:17:House.Todo:'XXX' left in text",
        "lib.hs:1:13:House.Todo:'TODO' left in text",
        "main.go:3:4:House.Todo:'TODO' left in text",
        "main.go:4:8:House.Todo:'XXX' left in text",
        "main.go:6:10:House.Todo:'TODO' left in text",
    ]


def test_ignore_syntax_lints_every_line(project: Path, vale: Run) -> None:
    setup(project, {"doc.md": "Text `TODO` here.\n"})
    assert vale("doc.md").lines == []
    assert vale("--ignore-syntax", "doc.md").lines == [
        "doc.md:1:7:House.Todo:'TODO' left in text"
    ]


def test_asciidoc_is_read_in_process(project: Path, vale: Run) -> None:
    adoc = (
        "= Guide with a TODO\n"
        ":product: Widget XXX\n\n"
        "== Setup\n\n"
        "Use `TODO` in code and {product} from an attribute, then TODO.\n\n"
        "[source,python]\n----\nTODO = 1\n----\n\n"
        "NOTE: An XXX admonition.\n\n"
        "// TODO in a comment\n\n"
        "pass:[<!-- vale off -->]\n\nTODO while off.\n\npass:[<!-- vale on -->]\n\n"
        "|===\n|Head TODO |Other\n\n|cell |XXX\n|===\n"
    )
    setup(project, {"guide.adoc": adoc})
    assert vale("guide.adoc").lines == [
        "guide.adoc:1:16:House.Todo:'TODO' left in text",
        # The attribute's value is part of the paragraph's text; Vale finds it
        # where it is written, in the attribute entry.
        "guide.adoc:2:18:House.Todo:'XXX' left in text",
        "guide.adoc:6:58:House.Todo:'TODO' left in text",
        "guide.adoc:13:10:House.Todo:'XXX' left in text",
        "guide.adoc:24:7:House.Todo:'TODO' left in text",
        "guide.adoc:26:8:House.Todo:'XXX' left in text",
    ]
