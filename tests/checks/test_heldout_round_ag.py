"""Mends for what round ag of held-out trees showed (``bench/labels/
heldout-2026-12-06f.md``: KubeVirt's blog, Buildbot's Sphinx docs, Dive
Into Python 3 and the Frictionless Data blog), and for the rescore of an
earlier round that found a pinned requirements file read as a draft. Each
test is a document of our own, run through the shipped packs."""

from __future__ import annotations

from tests.shipped_packs import found


def test_a_nationality_is_no_spelling_of_a_surname() -> None:
    text = (
        "At the call Augusto Herrmann presented the library. Herrmann showed "
        "the demo.\n\nJesper from the German federal state of Holstein will "
        "bring a dataset.\n"
    )
    assert found(text, "call.md", "variants") == []


def test_a_reduplicated_yadda_is_meant() -> None:
    assert found("The UTF-8 encoding, yadda yadda.\n", "book.txt", "style") == []


def test_a_pinned_requirements_file_is_no_draft() -> None:
    text = "".join(
        f"package{n}==1.{n}.0\n    # via\n    #   sphinx\n    #   twisted\n"
        for n in range(8)
    )
    assert found(text, "requirements.txt", "artifacts") == []
