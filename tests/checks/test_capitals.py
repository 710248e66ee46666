"""variants.Capitals: one name capitalised two ways in one document.

The shapes are those a recall audit of held-out handbooks found missed
(a brand's inner capital dropped: ``Github`` beside ``GitHub``, ``Yubikey``
beside ``YubiKey``) and those the rule must leave alone (identifiers,
packages, parameters in bold, lower-case words, family names). Documents
are our own, run through the shipped packs as ``copydesk check`` runs them.
"""

from __future__ import annotations

from pathlib import Path

from tests.shipped_packs import found, lint, workspace

from copydesk.model import Applicability

HANDBOOK = """\
# Security keys

Every engineer gets a YubiKey on the first day. Register the key with GitHub
and with 1Password before you push code.

If you lose your Yubikey, tell the security team. The Github organisation
requires a second factor, and so does our Wordpress admin.
"""


def test_a_dropped_inner_capital_is_reported() -> None:
    assert found(HANDBOOK, "keys.md", "variants") == [
        (6, 18, "variants.Capitals"),
        (6, 55, "variants.Capitals"),
        (7, 43, "variants.Capitals"),
    ]


def test_the_suggestion_names_the_other_form_and_the_fix_is_unsafe() -> None:
    by_place = {(f.line, f.col): f for f in lint(HANDBOOK, "keys.md", "variants")}
    assert by_place[6, 18].suggestions == ("YubiKey",)
    assert by_place[6, 18].message == (
        "'Yubikey': the name is written 'YubiKey' on line 3."
    )
    assert by_place[7, 43].message == (
        "'Wordpress': the name is written 'WordPress' by its makers."
    )
    assert all(
        f.fix is not None and f.fix.applicability is Applicability.UNSAFE
        for f in by_place.values()
    )


LISTED = """\
Numpy arrays hold the data. Numpy slices them, and Numpy copies them.
NumPy is the project's own spelling. Mirror the repository to BitBucket,
as the Bitbucket docs explain; Bitbucket keeps the history.
"""


def test_a_listed_spelling_wins_however_often_the_other_is_written() -> None:
    by_place = {(f.line, f.col): f for f in lint(LISTED, "arrays.md", "variants")}
    assert list(by_place) == [(1, 1), (1, 29), (1, 52), (2, 63)]
    assert by_place[1, 1].suggestions == ("NumPy",)
    assert by_place[2, 63].suggestions == ("Bitbucket",)
    assert by_place[2, 63].message == (
        "'BitBucket': the name is written 'Bitbucket' on line 3."
    )


UNLISTED = """\
Zentrix ships the logs. Install Zentrix as a daemon set; Zentrix reads
every container's output. Some older guides call it ZenTrix.

Order the Quarlo kit and the QuarLo cable.
"""


def test_an_unlisted_name_follows_the_page_and_a_tie_the_inner_capital() -> None:
    by_place = {(f.line, f.col): f for f in lint(UNLISTED, "logs.md", "variants")}
    assert list(by_place) == [(2, 53), (4, 11)]
    assert by_place[2, 53].suggestions == ("Zentrix",)
    assert by_place[4, 11].suggestions == ("QuarLo",)


def test_two_spellings_with_inner_capitals_are_left_to_the_list() -> None:
    text = "The SgmlLinkExtractor class replaced SGMLLinkExtractor in 1.0.\n"
    assert found(text, "links.md", "variants") == []


def test_a_word_the_page_writes_in_lower_case_is_left_alone() -> None:
    text = "Open a FileHandle. Filehandle objects wrap a filehandle.\n"
    assert found(text, "io.md", "variants") == []


def test_the_lexicon_spelling_wins_over_the_majority() -> None:
    text = "Github hosts it. Github runs the checks. GitHub Actions deploy it.\n"
    assert found(text, "ci.md", "variants") == [
        (1, 1, "variants.Capitals"),
        (1, 18, "variants.Capitals"),
    ]


CLEAN = """\
# Client libraries

Install the Grpc.Core package, or grpc-dotnet; gRPC itself needs no setup.
Call `New-Item` with **Traceroute** set, or -TraceRoute on older hosts.

The metadata lives in a HashTable. Hashtable keys are strings.
The guide lists wrong forms: "SourceGraph", "sourcegraph". Use Sourcegraph.

Ramsay MacDonald led the party; Flora Macdonald is another person.
APIs and IDs are acronyms, and so is the API. IT's desk answers.
The eXtensible Markup Language and Extensible Markup Language are one.
"""


def test_identifiers_cited_forms_words_and_family_names_are_left_alone() -> None:
    assert found(CLEAN, "clients.md", "variants") == []


def test_a_value_alone_in_a_list_item_is_left_alone() -> None:
    text = (
        "Accepted values:\n\n- Default\n- Credssp\n- Kerberos\n\n"
        "Use CredSSP only on trusted hosts.\n"
    )
    assert found(text, "auth.md", "variants") == []


def test_a_listed_name_is_reported_mid_sentence_though_a_word_in_lower_case() -> None:
    # The lexicon holds "javascript" and "youtube" in lower case; only a
    # capital at a sentence's start is excused for such a word.
    text = "Our Javascript SDK ships today. Watch the demo on Youtube.\n"
    assert found(text, "sdk.md", "variants") == [
        (1, 5, "variants.Capitals"),
        (1, 51, "variants.Capitals"),
    ]


def test_a_possessive_is_judged_by_its_name() -> None:
    by_place = {
        (f.line, f.col): f
        for f in lint(
            "Open Github's settings, then GitHub Actions.\n", "ci.md", "variants"
        )
    }
    assert list(by_place) == [(1, 6)]
    assert by_place[1, 6].match == "Github"


def test_a_name_no_longer_than_a_family_prefix_is_no_crash() -> None:
    text = "Fitz said hello. FItz said it again.\n"
    rules = {f.rule for f in workspace().lint_text(Path("fitz.md"), text)}
    assert not any(rule.startswith("copydesk.") for rule in rules)
