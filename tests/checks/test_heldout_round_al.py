"""Mends for what round al of held-out trees showed (``bench/labels/
heldout-2026-12-06k.md``: Porter's Hugo docs, pyOpenSci's blog, Cython's
Sphinx docs, GCC's web pages), labelled by helpers who never saw the
checks. The tree-wide term (Cython's ``cimport``) is tested with the other
tree terms in ``tests/unit/test_project_terms.py``.
"""

from __future__ import annotations

from tests.shipped_packs import found


def test_a_literal_name_after_named_keeps_its_case() -> None:
    text = (
        "Create a credential set named github for the token.\n\n"
        "Push the code to github today.\n"
    )
    assert found(text, "creds.md", "variants") == [(3, 18, "variants.Capitals")]
