"""Each Vale rule type, loaded from a style written for these tests, on text."""

from __future__ import annotations

from pathlib import Path

from tests.vale.conftest import Run, write_tree

CONFIG = """StylesPath = styles
MinAlertLevel = suggestion

[*]
BasedOnStyles = House
"""


def house(project: Path, rules: dict[str, str], doc: str, name: str = "doc.md") -> None:
    files: dict[str, str] = {".vale.ini": CONFIG, name: doc}
    files.update({f"styles/House/{rule}.yml": body for rule, body in rules.items()})
    write_tree(project, files)


def test_existence_word_boundaries_ignorecase_and_exceptions(
    project: Path, vale: Run
) -> None:
    house(
        project,
        {
            "Weasel": (
                "extends: existence\n"
                "message: \"'%s' is a weasel word.\"\n"
                "ignorecase: true\n"
                "tokens:\n  - very \\w+\n  - simply\n"
                "exceptions:\n  - Large\n"
            )
        },
        "Very clever, simply put: a Very Large Array, everyday words.\n",
    )
    result = vale("doc.md")
    # The exception is looked for inside each match: "Very Large" is spared.
    assert result.lines == [
        "doc.md:1:1:House.Weasel:'Very clever' is a weasel word.",
        "doc.md:1:14:House.Weasel:'simply' is a weasel word.",
    ]
    assert result.code == 0


def test_existence_raw_nonword_and_append(project: Path, vale: Run) -> None:
    house(
        project,
        {
            "Spaces": (
                "extends: existence\nmessage: \"Double space in '%s'.\"\n"
                "nonword: true\n"
                "level: error\nraw:\n  - '[a-z]'\n  - '  '\n  - '[a-z]'\n"
            ),
            "Percent": (
                "extends: existence\nmessage: \"Spell out '%s'.\"\nappend: true\n"
                "tokens:\n  - '\\d+'\nraw:\n  - ' ?%%'\n"
            ),
        },
        "Two  spaces here and 50 % off or 20% more.\n",
    )
    result = vale("doc.md")
    assert result.lines == [
        # Vale collapses runs of spaces in messages.
        "doc.md:1:3:House.Spaces:Double space in 'o s'.",
        "doc.md:1:22:House.Percent:Spell out '50 %'.",
        "doc.md:1:34:House.Percent:Spell out '20%'.",
    ]
    assert result.code == 1


def test_substitution_longest_key_first_and_same_text_not_reported(
    project: Path, vale: Run
) -> None:
    house(
        project,
        {
            "Terms": (
                "extends: substitution\n"
                "message: \"Use '%s' instead of '%s'.\"\n"
                "ignorecase: true\n"
                "swap:\n"
                "  javascript: JavaScript\n"
                "  java script: JavaScript\n"
                "  e-mail: email\n"
            )
        },
        "Write JavaScript, not javascript or Java Script. Send an E-mail.\n",
    )
    assert vale("doc.md").lines == [
        "doc.md:1:23:House.Terms:Use 'JavaScript' instead of 'javascript'.",
        "doc.md:1:37:House.Terms:Use 'JavaScript' instead of 'Java Script'.",
        "doc.md:1:58:House.Terms:Use 'email' instead of 'E-mail'.",
    ]


def test_substitution_capture_groups_capitalize_and_replace_action(
    project: Path, vale: Run
) -> None:
    house(
        project,
        {
            "Plurals": (
                "extends: substitution\n"
                "message: \"Prefer '%s' over '%s'.\"\n"
                "nonword: true\n"
                "swap:\n  '(\\w+)\\(s\\)': '$1s'\n"
            ),
            "Okay": (
                "extends: substitution\n"
                "message: \"Use '%s' instead of '%s'.\"\n"
                "capitalize: true\n"
                "ignorecase: true\n"
                "action:\n  name: replace\n"
                "swap:\n  okay: OK|fine\n"
            ),
        },
        "Pick the file(s) you need. Okay, that is okay.\n",
    )
    assert vale("doc.md").lines == [
        "doc.md:1:10:House.Plurals:Prefer 'files' over 'file(s)'.",
        "doc.md:1:28:House.Okay:Use 'OK' or 'Fine' instead of 'Okay'.",
        "doc.md:1:42:House.Okay:Use 'OK' or 'fine' instead of 'okay'.",
    ]


def test_occurrence_max_and_min(project: Path, vale: Run) -> None:
    house(
        project,
        {
            "Long": (
                'extends: occurrence\nmessage: "Sentence has %s words."\n'
                "scope: sentence\nmax: 5\ntoken: '\\b\\w+\\b'\n"
            ),
            "Summary": (
                'extends: occurrence\nmessage: "Needs a summary line (found %s)."\n'
                "scope: raw\nmin: 1\ntoken: 'Summary:'\n"
            ),
        },
        "Short one here. This sentence has far too many words in it.\n",
    )
    assert vale("doc.md").lines == [
        "doc.md:1:1:House.Summary:Needs a summary line (found 0).",
        "doc.md:1:17:House.Long:Sentence has 9 words.",
    ]


def test_repetition_spans_both_words(project: Path, vale: Run) -> None:
    house(
        project,
        {
            "Repeat": (
                "extends: repetition\nmessage: \"'%s' is repeated.\"\nalpha: true\n"
                "ignorecase: true\ntokens:\n  - '[^\\s]+'\n"
            )
        },
        "It was the The best; 12 12 is fine.\n",
    )
    assert vale("doc.md").lines == ["doc.md:1:8:House.Repeat:'The' is repeated."]


def test_consistency_is_per_file(project: Path, vale: Run) -> None:
    house(
        project,
        {
            "Spelling": (
                "extends: consistency\nmessage: \"Inconsistent spelling of '%s'.\"\n"
                "either:\n  advisor: adviser\n"
            )
        },
        "The advisor said so.\n\nLater the adviser agreed.\n",
    )
    write_tree(project, {"other.md": "Only the adviser here.\n"})
    assert vale("doc.md", "other.md").lines == [
        "doc.md:3:11:House.Spelling:Inconsistent spelling of 'adviser'."
    ]


def test_conditional_needs_the_definition_first(project: Path, vale: Run) -> None:
    house(
        project,
        {
            "Acronyms": (
                "extends: conditional\nmessage: \"Define '%s' before using it.\"\n"
                "first: '\\b([A-Z]{3,5})\\b'\n"
                "second: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'\n"
                "exceptions:\n  - API\n"
            )
        },
        "The World Health Organization (WHO) and the WHO agree. NASA too. API.\n",
    )
    assert vale("doc.md").lines == [
        "doc.md:1:56:House.Acronyms:Define 'NASA' before using it."
    ]


def test_capitalization_title_and_sentence_styles(project: Path, vale: Run) -> None:
    house(
        project,
        {
            "Title": (
                "extends: capitalization\nmessage: \"'%s' should be in title case.\"\n"
                "scope: heading.h1\nmatch: $title\nstyle: Chicago\n"
            ),
            "Sentence": (
                "extends: capitalization\nmessage: \"'%s' should use sentence case.\"\n"
                "scope: heading.h2\nmatch: $sentence\n"
                "exceptions:\n  - GitHub\nindicators:\n  - ':'\n"
            ),
            "Upper": (
                "extends: capitalization\nmessage: \"'%s' should be upper case.\"\n"
                "scope: heading.h3\nmatch: $upper\n"
            ),
        },
        (
            "# The lord of the rings\n\n"
            "# Gone With the Wind\n\n"
            "## Working with GitHub: Forks and pulls\n\n"
            "## Working With Forks And Pulls\n\n"
            "### NOTE\n\n"
            "### Note\n"
        ),
    )
    assert vale("doc.md").lines == [
        "doc.md:1:3:House.Title:'The lord of the rings' should be in title case.",
        # Chicago lower-cases prepositions of any length: 'With' should be 'with'.
        "doc.md:3:3:House.Title:'Gone With the Wind' should be in title case.",
        "doc.md:7:4:House.Sentence:"
        "'Working With Forks And Pulls' should use sentence case.",
        "doc.md:11:5:House.Upper:'Note' should be upper case.",
    ]


def test_metric_formula_over_document_counts(project: Path, vale: Run) -> None:
    house(
        project,
        {
            "Headings": (
                'extends: metric\nmessage: "%s headings per list."\n'
                "formula: (heading.h2 + heading.h3) / list\ncondition: '> 1'\n"
            )
        },
        "## One\n\nText.\n\n## Two\n\n### Three\n\n- a list item\n",
    )
    assert vale("doc.md").lines == ["doc.md:1:1:House.Headings:3.00 headings per list."]


def test_readability_grade(project: Path, vale: Run) -> None:
    # One sentence of 9 words and 43 syllables: 0.39 * 9 + 11.8 * 43 / 9 - 15.59.
    house(
        project,
        {
            "Grade": (
                'extends: readability\nmessage: "Grade %s is too high."\n'
                "metrics:\n  - Flesch-Kincaid\ngrade: 8\n"
            )
        },
        (
            "Organizational interdependencies necessitate comprehensive "
            "institutional reconsideration of administrative responsibilities.\n"
        ),
    )
    assert vale("doc.md").lines == ["doc.md:1:1:House.Grade:Grade 44.30 is too high."]


def test_spelling_with_a_hunspell_pair(project: Path, vale: Run) -> None:
    house(
        project,
        {
            "Spell": (
                "extends: spelling\nmessage: \"Did you really mean '%s'?\"\n"
                "dic: config/dictionaries/tiny.dic\naff: config/dictionaries/tiny.aff\n"
            )
        },
        "The cats walked past a dogg, 42 times.\n",
    )
    write_tree(
        project,
        {
            "styles/config/dictionaries/tiny.aff": (
                "SET UTF-8\nSFX S Y 1\nSFX S 0 s .\nSFX D Y 1\nSFX D 0 ed [^e]\n"
            ),
            "styles/config/dictionaries/tiny.dic": (
                "6\nthe\ncat/S\nwalk/D\npast\na\ntime/S\n"
            ),
        },
    )
    assert vale("doc.md").lines == [
        "doc.md:1:24:House.Spell:Did you really mean 'dogg'?"
    ]
