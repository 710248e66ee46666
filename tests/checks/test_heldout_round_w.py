"""Mends for what round w of held-out trees showed (``bench/labels/
heldout-2026-12-05i.md``: Dapr's Hugo docs, Read the Docs, 18F's guides,
cert-manager's site, the W3C's WAI site and data-exchange drafts), labelled
by helpers who never saw the checks. Each test is a document of our own with
the shape they found, run through the shipped packs as ``copydesk check``
runs them.
"""

from __future__ import annotations

from tests.shipped_packs import found, lint

from copydesk.model import Applicability

SPANISH = (
    "---\nlang: es\n---\n\n"
    "Como usuario, la página es buena para todos. Esta página está en español "
    "y es para los que la usan como guía.\n\n"
    "Cómo se usa la página: esta es la guía, y Está claro que la página es "
    "para todos los que la leen.\n\n"
    "José Rodríguez y Jose Rodriguez escribieron la guía del grupo.\n"
)


def test_a_common_word_and_its_accented_twin_are_two_words_in_their_language() -> None:
    # Como (as) and Cómo (how) are words the page also writes in lower case;
    # a name is never written so, and its stripped spelling is still one.
    assert found(SPANISH, "guia.md", "variants") == [
        (9, 18, "variants.Names"),
        (9, 23, "variants.Names"),
    ]


def test_a_particle_verb_before_in_and_an_idiom_are_meant() -> None:
    text = (
        "Someone jumped in in the middle of the call.\n\n"
        "Please log in in the top corner.\n\n"
        "It was a win win for both teams.\n\n"
        "We met in in the lobby.\n"
    )
    assert found(text, "notes.md", "style") == [(7, 8, "style.Repetition")]


def test_inline_code_quoted_whole_takes_a_plural_s_after_its_closer() -> None:
    text = (
        "Notice the '<code>label</code>'s, '<code>for</code>'s, and "
        "'<code>id</code>'s.\n\n"
        "Check that the '`name`'s match.\n\n"
        "But the '<code>label</code> stays open.\n"
    )
    assert found(text, "checks.md", "quotes") == [(5, 9, "quotes.Unclosed")]


def test_a_quoted_title_closes_after_its_last_words_plural() -> None:
    text = (
        "In the [‘Overlapping Needs: People who are Elderly and People with "
        "Disabilities’ section](/older-users/): the link was updated.\n\n"
        "The union leader said: ‘We believe the workers’ pay has fallen too "
        "far, and we will strike.\n"
    )
    assert found(text, "changelog.md", "quotes") == [(3, 24, "quotes.Unclosed")]


def test_a_word_of_a_foreign_title_or_name_particle_is_no_slip() -> None:
    text = (
        "See [Example agreement](https://a.gov/x/) / [Ejemplo de acuerdo de "
        "participante de investigación de diseño](https://a.gov/y/).\n\n"
        "Riccardo Albertoni (Consiglio Nazionale delle Ricerche), and others.\n\n"
        "Hmmm, the image is pixelating and the participante step is a slip.\n"
    )
    assert found(text, "guide.md", "typos") == [(5, 39, "typos.Unknown")]


def test_a_doubled_the_after_a_modal_may_have_lost_a_be() -> None:
    text = "It would the the first time.\nWe fixed the the bug.\n"
    fixes = [
        (f.line, f.fix and f.fix.applicability) for f in lint(text, "a.txt", "style")
    ]
    assert fixes == [(1, Applicability.UNSAFE), (2, Applicability.SAFE)]


def test_a_word_drawn_out_at_its_end_is_speech_but_a_tripled_letter_inside_a_slip() -> (
    None
):
    text = (
        "Hmmm, that is sooo good.\n\n"
        "- Addded a new API.\n- It runs commmands.\n- More stufff.\n"
    )
    assert found(text, "notes.md", "typos") == [
        (3, 3, "typos.Unknown"),
        (4, 11, "typos.Unknown"),
        (5, 8, "typos.Unknown"),
    ]


def test_a_doubled_preposition_is_a_slip_in_any_language() -> None:
    polish = (
        "---\nlang: pl\n---\n\n"
        "Przykłady tekstowych obrazów znajdują się na na stronie, która jest "
        "dla nas ważna.\n"
    )
    assert found(polish, "drzewo.md", "style") == [(5, 43, "style.Repetition")]


# -- round y: Argo Workflows, htmx, Chaos Mesh (with Chinese pages), Trio ------


def test_a_path_before_its_command_and_its_time_as_a_noun_are_meant() -> None:
    text = (
        'Run it with "ARGO_BASE_HREF=/argo argo server" to start.\n\n'
        "The token is older than 80 percent of its time to live.\n\n"
        "Its time to go home.\n"
    )
    assert found(text, "cli.md", "style", "typos") == [(5, 1, "typos.RealWords")]


def test_chinese_quotation_marks_pair_between_ideographs() -> None:
    text = (
        "从目录“/”所挂载的虚拟磁盘文件读取。例如：“单一”的文件。\n\n"
        '偏移量，例如："-5m"。\n\n'
        "从目录“/所挂载的虚拟磁盘文件读取。\n"
    )
    assert found(text, "disk.md", "quotes") == [(5, 4, "quotes.Unclosed")]


def test_a_name_written_with_and_without_its_own_letters_is_one_name() -> None:
    # Keys read č and š as a romanisation's ch and sh; the bare spelling that
    # drops the marks is the same name, and so is its neighbour.
    text = (
        "The Brno transport company named Lukáš Kubíček as its new director.\n"
        "Lukas Kubicek previously ran the tram depot in Ostrava.\n"
    )
    assert found(text, "story.txt", "variants") == [
        (1, 34, "variants.Names"),
        (1, 40, "variants.Names"),
    ]


def test_the_corner_of_an_ascii_diagrams_arrow_is_no_quotation_mark() -> None:
    text = (
        "Layers:\n\n"
        "    | connection |<--'   |       |\n"
        "    |  svcctx  |<-'\n\n"
        "He said it was fine- ' and left.\n"
    )
    assert found(text, "layers.txt", "quotes") == [(6, 22, "quotes.Stray")]
