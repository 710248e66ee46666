"""Mends for what round at of held-out trees (``bench/labels/
heldout-2026-12-06s.md``: the Kubernetes contributor site, coverage.py's
docs, Ardour's HTML manual, the BSSw blog) showed, each on a document of
our own."""

from __future__ import annotations

from tests.shipped_packs import lint

#: Every pack the default run holds.
PACKS = ("typos", "style", "quotes", "artifacts", "names", "variants")


def test_a_word_list_is_no_prose() -> None:
    words = ["asyncio", "templite", "pragma", "teh", "subprocess"] * 3
    text = "# Words the spell checker accepts\n" + "\n".join(words) + "\n"
    assert lint(text, "dict.txt", *PACKS) == []
    # A scraped page's menu lines sit among sentences: still read.
    text = "\n".join(["Home", "News", "Sport"] * 4) + "\nWe saw teh river.\n"
    assert [f.match for f in lint(text, "draft.txt", "typos")] == ["teh"]


def test_a_repeated_sentence_is_no_running_head() -> None:
    entry = (
        "    --include PATTERN\n"
        "        Include only files whose paths match one of these\n"
        "        patterns. Accepts shell-style wildcards, which must be quoted.\n"
    )
    text = f"report\n\n{entry}\nhtml\n\n{entry}\nxml\n\n{entry}"
    assert lint(text, "manual.txt", "artifacts") == []


def test_a_listing_named_by_its_class_or_id_is_code() -> None:
    text = (
        '<main id="source">\n'
        '<p class="pln"><span class="str">"""Cog content generation.</span></p>\n'
        '<p class="run"><span class="key">import</span> shlex</p>\n'
        "</main>\n"
        '<p>Run the <span class="code">teh</span> command, then "go" home with'
        " teh key.</p>\n"
        '<section id="sources"><p>See teh notes.</p></section>\n'
    )
    found = lint(text, "report.html", *PACKS)
    assert [(f.line, f.rule, f.match) for f in found] == [
        (5, "typos.Misspellings", "teh"),
        (6, "typos.Misspellings", "teh"),
    ]


def test_a_templates_filler_is_no_doubled_word() -> None:
    text = "xxxx xxxx xxxxx xxxx xxxx.\n\nThe qq qq mark and the the end.\n"
    found = lint(text, "skeleton.md", "style")
    assert [(f.line, f.match) for f in found] == [(3, "qq qq"), (3, "the the")]


def test_a_text_file_in_restructured_text_is_read_as_such() -> None:
    text = (
        "===========\nQuick start\n===========\n\n"
        "Install the package and run it::\n\n"
        '    $ frob --verbose "hello\n\n'
        "Then read :ref:`the guide <guide>` and the ``frob.conf`` file.\n\n"
        ".. code-block:: python\n\n"
        "    x = 'wrld\" + y\n\n"
        ".. note::\n\n"
        "   The ``--verbose`` flag prints teh details.\n"
    )
    found = lint(text, "quickstart.txt", *PACKS)
    assert [(f.line, f.match) for f in found] == [(17, "teh")]
    # A draft that only names a directive stays plain text.
    draft = 'He said "the .. note:: is odd and teh rest.\n'
    assert [f.rule for f in lint(draft, "draft.txt", *PACKS)] == [
        "quotes.Unclosed",
        "typos.Misspellings",
    ]
