"""Mends from the held-out trees' false findings, session of 2026-12-05 (u).

Each document is our own, written with the shape a real tree showed, and
linted with the shipped packs as ``copydesk check`` lints it.
"""

from __future__ import annotations

from tests.shipped_packs import found

TABBED = """\
# Move the site

Run the following:

{{< tabpane >}}
{{< tab header="Unix shell" lang="Bash" >}}
sed -i '/theme = \\["docsy/d' config.toml
hugo mod get github.com/google/docsy@{{% param version %}}
{{< /tab >}}
{{% tab header="Notes" %}}
Then check the "theme line.
{{% /tab %}}
{{< /tabpane >}}
"""


def test_a_shortcode_given_a_language_holds_code() -> None:
    # Docsy's tab with lang="Bash" is highlighted code; the tab without it
    # is Markdown, and its unclosed quotation is reported. The tabpane
    # holds paired tags of its own: they tell code from text.
    assert found(TABBED, "move.md", "quotes") == [(11, 16, "quotes.Unclosed")]


RELEASE = """\
Release notes
=============

- imread(url) is deprecated; use pillow to read an image from an address.
- close(fd) now raises on a closed descriptor.
- Fixed the reciever(s) of a signal.
"""


def test_a_word_called_with_a_short_argument_is_code() -> None:
    # "(url)" and "(fd)" are arguments; "(s)" is a plural's ending, and the
    # misspelling before it is still reported.
    assert found(RELEASE, "notes.rst", "typos") == [(6, 13, "typos.Unknown")]


QUOTED_TERMS = """\
The content attribute is set to the element ‘id’s of the labels.

The ‘dog’s bowl’ stays where it is.

Several 'encoded-word's may be used, but ‘the cat’s out.
"""


def test_a_quoted_term_takes_a_plural_s() -> None:
    # The closer before a plural's s closes a one-word quotation; with a
    # closer ahead it is a possessive inside the quotation; a quotation of
    # several words left open is reported.
    assert found(QUOTED_TERMS, "terms.md", "quotes") == [(5, 42, "quotes.Unclosed")]


NAMED_MARKS = """\
<html><body>
<p>Commits marked with ' have been rebased.</p>
<p>The converter turns package specifiers from ' to :: everywhere.</p>
<p>The minister " said the plan works.</p>
</body></html>
"""


def test_a_lone_mark_after_a_word_that_takes_it_as_object_is_named() -> None:
    # In a page its author wrote, a mark alone in its block after "with"
    # or "from" names the character; after any other word it is a stray.
    assert found(NAMED_MARKS, "marks.html", "quotes") == [(4, 17, "quotes.Stray")]
    # In a pasted draft every such mark is reported.
    draft = "Commits marked with ' have been rebased.\n"
    assert found(draft, "draft.txt", "quotes") == [(1, 21, "quotes.Stray")]
