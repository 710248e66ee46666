"""An edited buffer re-linted with the last run's paragraphs: the findings of
linting it afresh, with only the changed paragraphs checked again."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any
from unittest import mock

from hypothesis import example, given, settings
from hypothesis import strategies as st
from tests.unit.test_windows import PARAGRAPHS

from copydesk import api, engine, relint, windows
from copydesk.batch import build_document
from copydesk.checks.repetition import Repetition
from copydesk.document import Document
from copydesk.model import Finding
from copydesk.relint import RelintCache
from copydesk.ruleset import Ruleset, load_ruleset


@lru_cache(maxsize=1)
def shipped() -> Ruleset:
    return load_ruleset()


def fresh(text: str, fmt: str) -> list[Finding]:
    return engine.lint(build_document(text, "draft", fmt, "en"), shipped())


def cached(cache: RelintCache, text: str, fmt: str) -> list[Finding]:
    return cache.lint(build_document(text, "draft", fmt, "en"), shipped())


edits = st.lists(
    st.tuples(
        st.sampled_from(["insert", "delete", "paragraph", "swap"]),
        st.integers(0, 10_000),
        st.sampled_from(["e", " ", "\n", "\n\n", "the ", "“", "Kiev", "#"]),
        st.sampled_from(PARAGRAPHS),
    ),
    min_size=1,
    max_size=6,
)


def edited(text: str, edit: tuple[str, int, str, str]) -> str:
    what, at, piece, paragraph = edit
    at = at % (len(text) + 1)
    if what == "insert":
        return text[:at] + piece + text[at:]
    if what == "delete":
        return text[:at] + text[at + len(piece) :]
    paragraphs = text.split("\n\n")
    index = at % len(paragraphs)
    if what == "paragraph":
        paragraphs[index] = paragraph
    else:
        paragraphs.insert(0, paragraphs.pop(index))
    return "\n\n".join(paragraphs)


@settings(max_examples=120, deadline=None)
@given(
    start=st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=12),
    changes=edits,
    fmt=st.sampled_from(["plain", "markdown"]),
)
# A paragraph that starts with a space after one that ends a sentence: the
# shipped "their is" context once read the stop back across the blank line,
# so the paragraph alone (re-linted) and the whole buffer disagreed.
@example(
    start=["Written in Odesa.", "Their is no doubt.", "the the"],
    changes=[("insert", 19, " ", "")],
    fmt="plain",
)
def test_each_re_lint_finds_what_a_fresh_lint_finds(
    start: list[str], changes: list[tuple[str, int, str, str]], fmt: str
) -> None:
    cache = RelintCache()
    text = "\n\n".join(start)
    assert cached(cache, text, fmt) == fresh(text, fmt)
    for change in changes:
        text = edited(text, change)
        assert cached(cache, text, fmt) == fresh(text, fmt)


def test_one_edit_checks_one_paragraph_again() -> None:
    """After a one-character edit, the paragraph-local checks read only the
    paragraph that changed; the document-level ones read it all."""
    paragraphs = [f"Paragraph {i} says the the thing about Kiev." for i in range(60)]
    text = "\n\n".join(paragraphs)
    seen: list[int] = []
    run = Repetition.run

    def counting(self: Repetition, doc: Document) -> object:
        seen.append(len(doc.text))
        return run(self, doc)

    cache = RelintCache()
    with mock.patch.object(Repetition, "run", counting):
        first = cached(cache, text, "plain")
        assert seen == [len(text)]
        changed = text.replace("Paragraph 30 says", "Paragraph 30 sayss")
        seen.clear()
        second = cached(cache, changed, "plain")
    assert seen == [len(paragraphs[30]) + 3]  # the paragraph and its blank line
    assert len(first) == len(second) == 120  # 60 repeats, 60 house names
    assert second == fresh(changed, "plain")


def test_the_workspace_re_lints_a_buffer_as_check_would(tmp_path: Path) -> None:
    workspace = api.Workspace(tmp_path)
    text = "\n\n".join(PARAGRAPHS)
    workspace.lint_text("draft.md", text)
    changed = text.replace("the the delegation", "the delegation")
    again = workspace.lint_text("draft.md", changed)
    assert again == api.Workspace(tmp_path).lint_text("draft.md", changed)
    assert "style.Repetition" in {f.rule for f in again}


def test_another_ruleset_starts_afresh() -> None:
    cache = RelintCache()
    text = "the the Kiev"
    cached(cache, text, "plain")
    only = Ruleset([c for c in shipped().checks if c.meta.id == "style.Repetition"])
    found = cache.lint(build_document(text, "draft", "plain", "en"), only)
    assert [f.rule for f in found] == ["style.Repetition"]


def test_a_large_buffer_is_read_in_windows_and_re_linted_the_same() -> None:
    """A buffer from ``LARGE`` characters is read in windows, as a run reads
    a large file; re-linting it after an edit still finds what a fresh lint
    of the whole text finds."""
    text = "\n\n".join(PARAGRAPHS * 4)
    read = windows.read_in_windows
    sizes: list[int] = []

    def small(*args: Any, **kwargs: Any) -> tuple[Document, list[tuple[int, int]]]:
        doc, spans = read(*args, **{**kwargs, "size": 300})
        sizes.append(len(spans))
        return doc, spans

    cache = RelintCache()
    with (
        mock.patch.object(relint, "LARGE", 1_000),
        mock.patch.object(relint, "read_in_windows", small),
    ):
        for version in (text, text.replace("seperate", "separate")):
            doc = relint.read_buffer(version, "draft", "markdown", "en", "")
            assert cache.lint(doc, shipped()) == fresh(version, "markdown")
    assert len(sizes) == 2
    assert sizes[0] > 5
