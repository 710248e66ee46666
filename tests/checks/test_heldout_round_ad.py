"""Mends for what round ad of held-out trees showed (``bench/labels/
heldout-2026-12-06c.md``: the Buildpacks Hugo docs, Twisted's Sphinx docs,
the Go website's HTML pages and the Let's Encrypt blog), labelled by helpers
who never saw the checks. Each test is a document of our own with the shape
they found, run through the shipped packs as ``copydesk check`` runs them.
"""

from __future__ import annotations

from tests.shipped_packs import found


def test_a_command_after_a_shell_prompt_in_a_code_block_is_the_pages_term() -> None:
    page = (
        "Deployment\n==========\n\n"
        "The plugin is started by hostd, the daemon.\n\n"
        ".. code-block:: console\n\n"
        "    % hostd -ny service.tac\n"
    )
    assert found(page, "deploy.rst", "typos") == []
    # Before a flag, without a prompt, it is a command too.
    flagged = "Run cachd to build.\n\n```\ncachd --watch site/\n```\n"
    assert found(flagged, "build.md", "typos") == []
    # A word between spaces in a block is still prose: its slip is a slip.
    prose = "Run recievr to start.\n\n```\n# the recievr waits here\n```\n"
    assert found(prose, "a.md", "typos") == [(1, 5, "typos.Unknown")]


def test_a_name_said_to_be_renamed_in_its_sentence_is_no_variant() -> None:
    page = (
        "<p>Several functions changed.\n"
        'Typeof and NewValue are now called <a href="/pkg/x#TypeOf">TypeOf</a>'
        " and ValueOf.</p>\n"
        "<p>Call TypeOf on any value. Typeof is gone.</p>\n"
    )
    assert found(page, "changes.html", "variants") == [(3, 30, "variants.Capitals")]


def test_a_stranded_preposition_before_in_order_to_is_meant() -> None:
    text = (
        "Here is a reasonable order to apply them in in order to see the "
        "effect.\n\n"
        "The tool was in in the box.\n\n"
        "Something to look for for example is drift.\n"
    )
    assert found(text, "guide.md", "style") == [(3, 14, "style.Repetition")]
