"""Page furniture a scraped story keeps in the language of its site: the
related-news box, the comment section, the share row and the rights notice,
each named as the site's language names it (the misses of blind sets 31
and 33, on drafts of our own)."""

from __future__ import annotations

from tests.shipped_packs import lint


def _debris(text: str, name: str = "draft.txt") -> list[tuple[int, str]]:
    return [(f.line, f.rule) for f in lint(text, name, "artifacts")]


def test_a_turkish_pages_furniture_after_the_story() -> None:
    text = (
        "Belediye ekipleri sahilde temizlik çalışması yaptı.\n\n"
        "Çalışmaya 40 gönüllü katıldı.\n\n"
        "İlgili Haberler\n"
        "Paylaş\n"
        "Yorumlar (5)\n"
        "Tüm hakları saklıdır. Körfez Postası © 2024\n"
    )
    assert _debris(text) == [
        (5, "artifacts.Related"),
        (6, "artifacts.Social"),
        (7, "artifacts.Comments"),
        (8, "artifacts.Misc"),
    ]


def test_czech_and_swedish_labels_and_an_english_translation_of_the_story() -> None:
    text = (
        "The pond's autumn harvest starts on Friday, the fishery said.\n\n"
        "Související články\n"
        "Přidat komentář\n"
        "Všechna práva vyhrazena.\n\n"
        "Kommentarer\n"
        "Alla rättigheter förbehållna. Länsbladet AB\n"
    )
    assert _debris(text) == [
        (3, "artifacts.Related"),
        (4, "artifacts.Comments"),
        (5, "artifacts.Misc"),
        (7, "artifacts.Comments"),
        (8, "artifacts.Misc"),
    ]


def test_the_same_words_inside_a_sentence_stay_clean() -> None:
    text = (
        "The council said the related news reports were wrong.\n\n"
        "Readers left comentarios on the Spanish edition, the editor said.\n\n"
        "The phrase Tüm hakları saklıdır appears on every page of the site.\n"
    )
    assert _debris(text) == []


def test_a_sites_own_template_text_around_a_pasted_page() -> None:
    text = (
        "From Moorland Wiki, the free encyclopedia of the Pennines\n\n"
        "Hepton Mill was built in 1802 and ground oats until 1911.\n\n"
        "This section needs additional citations for verification. Please help.\n\n"
        "The wheel was restored by volunteers in 2019.\n\n"
        "Post by dale_walker » Sat Apr 06, 2024 9:02 am\n"
        "Current bid: £420\n"
        "9 bids\n"
        "Anonymous gave £15, 3 hours ago\n"
        "Date of stay: May 2024\n"
        "Website designed by Valley Web Studio\n\n"
        "The agent said the floor plans were wrong, and time left before the"
        " sale was short.\n"
    )
    assert _debris(text) == [
        (1, "artifacts.PrintedPages"),
        (5, "artifacts.PrintedPages"),
        (9, "artifacts.Sites"),
        (10, "artifacts.Sites"),
        (11, "artifacts.Sites"),
        (12, "artifacts.Sites"),
        (13, "artifacts.Sites"),
        (14, "artifacts.Sites"),
    ]


def test_a_press_releases_media_contact_is_the_releases_own() -> None:
    text = (
        "The trust will reopen the mill on 1 June.\n\n"
        "Media contact\n"
        "Ruth Allen, communications officer\n"
    )
    assert _debris(text) == []


def test_a_pages_way_to_its_neighbours_and_its_shop_buttons() -> None:
    text = (
        "The ferry timetable changes on Monday.\n\n"
        "previous | next | index | modules\n"
        "◀ Previous notice: Harbour works   Next notice: Winter fares ▶\n"
        "Add to basket\n"
        "Did you find what you were looking for? Yes No\n"
        "© 2025 Harbour Radio, 98.2 FM. When using the materials, a link to"
        " the station's site is required, and the terms of reuse apply.\n\n"
        "The previous timetable ran until May. Next year the fares rise.\n"
    )
    assert _debris(text) == [
        (3, "artifacts.Sites"),
        (4, "artifacts.Sites"),
        (5, "artifacts.Sites"),
        (6, "artifacts.Misc"),
        (7, "artifacts.Misc"),
    ]
