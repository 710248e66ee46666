"""Directives named with a domain docutils does not know (a project's own
Sphinx domain, an extension's): their content is prose unless the name says
it holds code, and each page is read on its own, whatever was read before."""

from __future__ import annotations

from copydesk.markup.rst import _REGISTRY, parse_rst

#: A DJ program's manual: its own ``deck`` domain describes each control.
CONTROLS = """\
Channel controls
================

.. deck:control :: [ChannelN],loop_activate
   :range: binary

   Starts a beat loop of the chosen size on the deck.

* .. deck:control:: [ChannelN],volume

     The channel's volume fader; the default is 1.0.

.. http:example:: curl

   GET /decks/1 HTTP/1.1
   Host: example.org

.. raw:html::

   <b>not prose</b>
"""


def test_a_domain_directives_content_is_prose_and_its_signature_masked() -> None:
    prose = parse_rst(CONTROLS).prose
    assert len(prose) == len(CONTROLS)
    # A space before "::" and a directive after a list item's bullet are
    # directives to docutils too.
    assert "Starts a beat loop of the chosen size on the deck." in prose
    assert "The channel's volume fader; the default is 1.0." in prose
    assert "loop_activate" not in prose
    assert "binary" not in prose
    assert ",volume" not in prose


def test_a_domain_directive_named_for_code_stays_masked() -> None:
    prose = parse_rst(CONTROLS).prose
    assert "Host" not in prose
    assert "example.org" not in prose
    assert "not prose" not in prose


def test_a_page_reads_the_same_alone_and_after_another() -> None:
    alone = parse_rst(CONTROLS).prose
    other = ".. deck:control:: x\n\n   Something else entirely.\n"
    parse_rst(other)
    assert parse_rst(CONTROLS).prose == alone
    # The names a page registered are gone once it is read: a long-lived
    # server's registry does not grow with the pages it reads.
    assert not any(name.startswith("deck:") for name in _REGISTRY)
