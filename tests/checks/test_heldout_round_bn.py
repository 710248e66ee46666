"""Mends for what round bn of held-out trees (``bench/labels/
heldout-2026-12-07n.md``: Marlin's Jekyll docs, the Panda3D manual, Defold's
manuals, MicroPython's Sphinx docs, the s6 HTML manual, NCAR's ESDS blog)
and its helpers' lists of misses showed, each on a document of our own."""

from __future__ import annotations

from tests.shipped_packs import lint


def _found(text: str, name: str, pack: str, rule: str) -> list[tuple[int, int, str]]:
    return [(f.line, f.col, f.match) for f in lint(text, name, pack) if f.rule == rule]


def _unknown(text: str, name: str) -> list[tuple[int, int, str]]:
    return _found(text, name, "typos", "typos.Unknown")


def test_an_object_signature_in_rest_is_code_whose_words_prose_inflects() -> None:
    text = (
        "Frame buffers\n"
        "=============\n"
        "\n"
        ".. method:: Canvas.blit(source, x, y, key=-1)\n"
        "\n"
        "   Draw another canvas on this one. Blitting between canvases of\n"
        "   different formats converts each pixel, and blitted pixels keep\n"
        "   their alpha. The pallete argument maps the colours.\n"
    )
    # "blit" is the method's name; "pallete" is still a slip.
    assert _unknown(text, "canvas.rst") == [(8, 21, "pallete")]


def test_a_teletype_element_is_code_in_a_hand_written_html_manual() -> None:
    text = (
        "<html><body>\n"
        "<h1>Service types</h1>\n"
        "<p>The type <tt>dbus</tt> starts a bus-activated daemon; a dbus\n"
        "service is not started at boot, and its definiton names the bus.</p>\n"
        "</body></html>\n"
    )
    assert _unknown(text, "types.html") == [(4, 41, "definiton")]


def test_a_verbs_agent_noun_is_no_slip_of_its_past_form() -> None:
    text = (
        "# Culling\n"
        "\n"
        "Objects behind an occluder are not drawn, and the superseder of a\n"
        "rule takes its place. The mesh was occlded by the wall.\n"
        "\n"
        "The cache was introducer in 2.1 and is now encrypter at rest.\n"
    )
    # After "be", a participle stands: the agent noun there is a slip.
    assert _unknown(text, "culling.md") == [
        (4, 36, "occlded"),
        (6, 15, "introducer"),
        (6, 44, "encrypter"),
    ]


def test_a_closed_word_split_in_two_is_reported_where_it_cannot_be_two() -> None:
    text = (
        "# Callbacks\n"
        "\n"
        "The callback takes the bus object it self the second argument is the\n"
        "message. You can write the handler your self. The drivers them selves\n"
        "never block. Further more, pick an other port if this one is taken.\n"
        "\n"
        "Use your self-signed certificate, or ask the IT Self Service desk.\n"
        "The study needs further more detailed tests of her self-image.\n"
    )
    assert _found(text, "callbacks.md", "typos", "typos.SplitWords") == [
        (3, 35, "it self"),
        (4, 36, "your self"),
        (4, 59, "them selves"),
        (5, 14, "Further more"),
        (5, 33, "an other"),
    ]


def test_a_participle_of_a_phrasal_verb_is_not_its_noun() -> None:
    text = (
        "# Gamepads\n"
        "\n"
        "Make sure the gamepad is setup correctly. Once the cluster and the\n"
        "client are setup, the workers start. The mount can be setup on any\n"
        "port, and the server is shutdown during the upgrade.\n"
        "\n"
        "The hardest part is setup. This is setup code for the tests, and the\n"
        "setup wizard is optional.\n"
    )
    assert _found(text, "pads.md", "typos", "typos.JoinedVerbs") == [
        (3, 26, "setup"),
        (4, 12, "setup"),
        (4, 55, "setup"),
        (5, 25, "shutdown"),
    ]
