"""lexicon: unknown words near a common word, and every guard that keeps it quiet."""

from __future__ import annotations

from pathlib import Path
from unittest import mock

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.checks.inline import findings, lint_rule

from copydesk import typo_edits, word_guards, wordlists
from copydesk.batch import lint_text
from copydesk.checks import lexicon
from copydesk.errors import RuleError
from copydesk.model import Applicability
from copydesk.ruleset import Ruleset, compile_exceptions, compile_rule

ROOT = Path(__file__).resolve().parents[2]
RULE = """
extends: lexicon
message: "'%s'? %s"
"""


def matches(text: str, rule: str = RULE, fmt: str = "plain") -> list[str]:
    return [m for _, _, m in lint_rule(rule, text, fmt)]


def test_the_right_correction_comes_first() -> None:
    text = (
        "Officials said the results were filterd before publication.\n"
        "He said he wasnt aware of it, and the council aproved the plan."
    )
    found = findings(RULE, text)
    assert [(f.line, f.col, f.match, f.suggestions[0]) for f in found] == [
        (1, 33, "filterd", "filtered"),
        (2, 12, "wasnt", "wasn't"),
        (2, 47, "aproved", "approved"),
    ]
    assert found[0].message.startswith("'filterd'? 'filtered'")


def test_only_a_restored_contraction_is_a_safe_fix() -> None:
    found = findings(RULE, "He wasnt aware that the results were filterd.")
    fixes = {f.match: f.fix.applicability for f in found if f.fix is not None}
    assert fixes == {"wasnt": Applicability.SAFE, "filterd": Applicability.UNSAFE}


def test_sentence_initial_misspellings_are_checked_names_inside_are_not() -> None:
    text = "Niether side would move. Morevoer, Shmyhal said Borrell agreed."
    assert [(f.match, f.suggestions) for f in findings(RULE, text)] == [
        ("Niether", ("Neither",)),
        ("Morevoer", ("Moreover",)),
    ]


def test_a_sentence_initial_name_without_a_close_word_is_quiet() -> None:
    assert matches("Peskov said the talks were over. Shoigu agreed.") == []


def test_a_word_the_document_repeats_is_its_own_term() -> None:
    text = "Run kubectl first. Then kubectl apply. kubectl is the client."
    assert matches(text) == []
    assert matches("Run kubectll first.") == []  # no common word is close


def test_british_and_american_spellings_are_both_known() -> None:
    text = "The organisers of the centre chose the colour; organizers agreed."
    assert matches(text) == []


def test_code_identifiers_files_flags_urls_acronyms_and_digits_are_skipped() -> None:
    text = (
        "Call getUsrName or get_usr_name, open confg.yaml, pass --verbse, "
        "see https://example.com/recieve and mail bob@exampel.org; "
        "NATO and the WHOO met; the 5kms race; os.pth.join works."
    )
    assert matches(text) == []


def test_markup_code_is_masked_before_the_check_sees_it() -> None:
    assert matches("Run `copydesk chekc` now.\n", fmt="markdown") == []


def test_cited_words_and_block_quotes_are_quoted_source_text() -> None:
    assert matches('The word "gonna" and *recieve* are cited here.') == []
    assert matches("> The goverment recieve it.\n", fmt="markdown") == []


def test_paragraphs_in_another_language_are_skipped() -> None:
    text = (
        "Le président a déclaré que la situation restait préoccupante.\n\n"
        "El gobierno anunció nuevas medidas para reducir la inflación.\n\n"
        "The council aproved the plan."
    )
    assert matches(text) == ["aproved"]


def test_german_documents_use_the_german_lexicon() -> None:
    check = compile_rule("test.Rule", yaml.safe_load(RULE), "test/Rule.yml")
    ruleset = Ruleset([check], "test", compile_exceptions([check]))
    text = "Die Regierung hat die Masnahmen am Montag beschlossen."
    found = lint_text(text, "doc.txt", "plain", ruleset, language="de")
    assert [(f.match, f.suggestions[0]) for f in found] == [("Masnahmen", "Maßnahmen")]


def test_an_english_draft_never_reads_the_german_list() -> None:
    """A capitalised suspect one sound from a word (``Refynd``, ``refund``) is
    judged by the lexicon's language; asking whether the lexicon was the
    German one read the German list into every English run that met one."""
    asked: list[str] = []
    lexicon = wordlists.lexicon

    def recorded(language: str) -> wordlists.Lexicon:
        asked.append(language)
        return lexicon(language)

    text = "Refynd the tickets, the airline said. Niether side would move."
    with mock.patch.object(wordlists, "lexicon", recorded):
        assert matches(text) == ["Niether"]
    assert set(asked) == {"en"}


def test_ignore_and_house_names_are_accepted() -> None:
    rule = RULE + "ignore: [aproved]\n"
    assert matches("The council aproved it.", rule) == []
    # "Zaporozhye" is a variant in the names house list: not a typo.
    assert matches("Zaporozhye is a variant the names rules report.") == []


def test_short_words_need_a_cheap_slip() -> None:
    assert matches("The gird was dark, the teh was hot.") == []


def test_bad_keys_are_rule_errors() -> None:
    with pytest.raises(RuleError, match="dictionary"):
        compile_rule("t.R", {"extends": "lexicon", "dictionary": "xx"}, "t/R.yml")
    with pytest.raises(RuleError, match="term-count"):
        compile_rule("t.R", {"extends": "lexicon", "term-count": 1}, "t/R.yml")


def test_edit_costs_rank_typists_slips() -> None:
    lex = wordlists.lexicon("en")
    ranked = typo_edits.candidates("filterd", lex.knows, lex.count, max_cost=1.0)
    assert [c.word for c in ranked[:2]] == ["filtered", "filters"]
    assert typo_edits.replace_cost("s", "d") == typo_edits.NEIGHBOUR_KEY
    assert typo_edits.replace_cost("a", "e") == typo_edits.VOWEL
    assert typo_edits.replace_cost("q", "m") == typo_edits.REPLACED
    two = typo_edits.candidates(
        "tommorow", lex.knows, lex.count, max_cost=1.0, two_edit_cost=1.5
    )
    assert two[0].word == "tomorrow"


@settings(max_examples=500, deadline=None)
@given(
    words=st.lists(
        st.text(alphabet="aZßſİΣσς’'é\u0301ǅﬁ", min_size=1, max_size=6), max_size=12
    )
)
def test_words_folded_together_are_folded_one_by_one(words: list[str]) -> None:
    """The check folds a document's words in one joined string: each word
    folds as it does alone (final sigma, ß, İ, ligatures and apostrophes)."""
    counts = dict.fromkeys(words, 1)
    assert lexicon._folded(counts) == [lexicon._fold(w) for w in counts]


def test_the_pages_own_cspell_directives_are_honoured() -> None:
    """A docs page that runs cSpell names its accepted words in the front
    matter and disables a pasted region: those words stand; a slip outside
    the region and off the list is still reported."""
    text = (
        "---\n"
        "title: Scaling\n"
        "cSpell:ignore: clusterd\n"
        "---\n\n"
        "Send the logs to clusterd before the collector starts.\n\n"
        "<!-- cspell:disable -->\n\n"
        "Thanks to the peopel who reviewed it.\n\n"
        "<!-- cspell:enable -->\n\n"
        "The colector sends them on.\n"
    )
    assert [(line, m) for line, _, m in lint_rule(RULE, text, "markdown")] == [
        (14, "colector")
    ]
    bare = text.replace("cSpell:ignore: clusterd", "title2: x").replace("cspell", "x")
    assert [m for _, _, m in lint_rule(RULE, bare, "markdown")] == [
        "clusterd",
        "peopel",
        "colector",
    ]


def test_contractions_split_words_and_dropped_gs_are_words() -> None:
    """ "there'd", a word split by a hyphen for play ("Spec-tacular") and
    an -in' for -ing are spelled as meant; a slip beside them is not."""
    text = (
        "I think there’d be some learnin’ involved, and a Spec-tacular finale.\n"
        "The self-asessment came later.\n"
    )
    assert matches(text) == ["asessment"]


def test_software_terms_are_words_in_english_docs() -> None:
    """Technical documentation's own words (cSpell's software dictionaries)
    are known; a slip beside them is still reported."""
    text = (
        "Both structs are passed to isinstance, and the gzipped distros are\n"
        "uploaded by containerd after the sdist is built; the rest is recieved.\n"
    )
    assert matches(text) == ["recieved"]


def test_the_software_terms_file_is_sorted_lines() -> None:
    """The terms are searched by bisection of their lines (``WordList``),
    which needs them sorted as ``str`` compares them, one word a line."""
    import zlib

    text = zlib.decompress(wordlists.SOFTWARE_TERMS.read_bytes(), 31).decode()
    lines = text.split("\n")[:-1]
    assert lines == sorted(set(lines))
    assert all(line and line == line.strip() and " " not in line for line in lines)
    assert "isinstance" in wordlists.software_terms()
    assert "recieved" not in wordlists.software_terms()


def test_misspellings_kept_by_the_software_dictionaries_are_reported() -> None:
    """cSpell's dictionaries hold some slips of their identifiers (qualifed,
    skupped); the reviewed ones are left out of the list, so prose with them
    is checked like any other, while real terms one edit from a word stay."""
    text = (
        "The run was skupped because the name was not qualifed, as we\n"
        "discoverd when the preload and the mixin were inited.\n"
    )
    assert matches(text) == ["skupped", "qualifed", "discoverd"]
    listed = (ROOT / "bench" / "lexicon" / "software_terms_excluded.tsv").read_text(
        encoding="utf-8"
    )
    entries = [ln.split("\t")[0] for ln in listed.splitlines() if ln[:1] != "#"]
    assert len(entries) == 24 + 47  # reviewed slips; C/C++ names near words
    assert not any(entry in wordlists.software_terms() for entry in entries)


def test_a_list_of_names_and_handles_in_brackets_are_names() -> None:
    """A release note's contributors ("- Manish Goregaokar", "- mcarton")
    and a user name in brackets after a name are people; a slip in a
    sentence of the same page is still reported."""
    names = ["Manish Goregaokar", "mcarton", "Alan Somers", "angelsl", "Ana Ruiz"]
    text = (
        "# Contributors\n\nThanks to everyone who recieved no credit:\n\n"
        + "".join(f"- {name}\n" for name in names)
        + "\nA fix came from Alan Somers (asomers) in May.\n"
    )
    assert matches(text, fmt="markdown") == ["recieved"]
    components = "".join(
        f"* {part}\n"
        for part in (
            "Sidecar (data plane)",
            "Sentry (optional, control plane)",
            "Placement (optional, control planee)",
            "Operator (control plane)",
            "Sidecar Injector (control plane)",
        )
    )
    assert matches("# Parts\n\n" + components, fmt="markdown") == ["planee"]


def test_a_function_called_in_prose_and_its_arguments_are_code() -> None:
    """ "iter()", "os.statvfs()" and the arguments of "select(nfds, readfds,
    writefds)" are code written as prose; "word(s)" is a plural, and a
    bracket after a space opens an aside, where a slip is still one."""
    text = (
        "Use iter() to loop, and select(nfds, readfds, writefds) waits.\n"
        "The recieved word(s) stay (as recieved) in the list.\n"
    )
    assert lint_rule(RULE, text) == [(2, 5, "recieved"), (2, 31, "recieved")]


def _items(*entries: str) -> str:
    return "".join(f"- {entry}\n" for entry in entries)


@pytest.mark.parametrize(
    ("text", "fmt", "slip"),
    [
        # One-word items and a title-case feature list are no list of people.
        (_items("apples", "bananas", "oranges", "strawberies", "grapes"),
         "markdown", "strawberies"),
        (_items("Fast Startup", "Configuraton Wizard", "Cross Platform",
                "Plugin Support", "Dark Mode"), "markdown", "Configuraton"),
        # A word in brackets after a product is an aside, not a user name.
        ("Install Docker (recomended) before you start.\n", "plain", "recomended"),
        # A short ending in brackets, an aside with no argument list.
        ("The server will procesed(d) nothing.\n", "plain", "procesed"),
        ("The committee(which revieewed the report) met.\n", "plain", "revieewed"),
    ],
)  # fmt: skip
def test_near_misses_of_names_and_calls_still_report(
    text: str, fmt: str, slip: str
) -> None:
    assert slip in matches(text, fmt=fmt)


def test_names_before_addresses_and_mended_slips_are_no_typos() -> None:
    """A contributor list ("ffeast <ffeast@mail.com>") names people; a
    changelog line naming the slip it mended ("mailicious => malicious")
    mentions it. A slip elsewhere on such a page is still reported, and so
    are a slip before an address it does not name, one in a sentence that
    ends in an address, and one before an arrow of a diagram."""
    text = (
        "Contributors to this release:\n\n"
        "- ffeast <ffeast@example.com>\n"
        "- pavlos kallis <pakallis@example.com>\n\n"
        "Fixed a typo in a comment: mailicious => malicious.\n"
        "The worker now retries when a task is recieved twice.\n"
    )
    assert matches(text) == ["recieved"]
    slips = (
        "- contcat <support@example.com>\n\n"
        "Contact suport team <team@example.com>\n\n"
        "Please emial the team <team@example.com> today.\n\n"
        "The mesage -> queue path is slow.\n"
    )
    assert matches(slips) == ["contcat", "suport", "emial", "mesage"]


def test_inflections_of_the_pages_code_terms_are_its_own() -> None:
    """``chown`` in the page's code makes "chowning" its term; a word
    whose stem is in no code is still checked. (Names a consonant prefixes,
    "xfailed", are terms without code: ``test_heldout_round_f``.)"""
    text = (
        "Run ``chown -R`` or call ``chown``.\n\n"
        "The summary counts chowning tests and reports\n"
        "them apart from the falures.\n"
    )
    assert matches(text, fmt="rst") == ["falures"]
    # Without the code the same words are reported.
    bare = "The summary counts chowning tests and reports the falures.\n"
    assert matches(bare, fmt="rst") == ["chowning", "falures"]
    # Code that is an English word, or a word of a link's target, makes no
    # slip of it a term.
    words = (
        "Call `stop()` or `render()`; the job stoped and the page renderd.\n"
        "See [the guide](https://example.com/chown) for chowning tests.\n"
    )
    assert matches(words, fmt="markdown") == ["stoped", "renderd", "chowning"]
    # A text longer than a page's reach is many pages: no code terms.
    with mock.patch.object(word_guards, "MAX_CODE_TEXT", 40):
        assert matches(text, fmt="rst") == ["chowning", "falures"]


def test_a_package_named_after_its_tool() -> None:
    """ "pytest-xprocess": a lower-case part after a software term that is
    no English word; after an English word the part is still checked."""
    text = (
        "Install pytest-xprocess to manage processes, or a well-documnted one;\n"
        "the kubectl-extenson is a slip all the same.\n"
    )
    assert matches(text) == ["documnted", "extenson"]
