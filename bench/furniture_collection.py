#!/usr/bin/env python3
"""Build a scraped-looking collection: clean articles with site furniture put back.

The recall half of the boilerplate measurement. Clean news articles (the
shared news corpus) are dealt out to invented news sites; each site gets its
own furniture, in its own language (English, German, French, Spanish,
Italian, Polish, Russian, Ukrainian, Portuguese, Dutch, Turkish, Swedish):
bylines with bios (several authors per site, some far more prolific than
others), share and follow rows, newsletter prompts, ad labels, "listen"
and reading-time lines with changing numbers, update times. Some sites also
print a licence notice on every article, which is content the publisher
wants and must not be flagged.

Every inserted line is its own paragraph, where a scraper leaves it: at the
top (bylines, share rows, times), in the middle (newsletter prompts, ads) or
at the end (bios, follow rows, notices). The output is JSON Lines with
``id``, ``source``, ``text`` and ``inserted``: the inserted lines of that
record, each ``{"line", "kind", "furniture"}`` (``furniture`` false for
the notices). Nothing here is copied into the repository: write it under
``bench/work/`` (git-ignored).

    python3 bench/furniture_collection.py --out bench/work/furniture.jsonl
"""

from __future__ import annotations

import argparse
import json
import lzma
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "corpus" / "news" / "news.jsonl.xz"

#: Per language: share rows, follow rows, newsletter prompts, an ad label,
#: a "listen" line and a reading-time line ({n}: a number), an update line
#: ({t}: a time), and how a byline and a bio read ({name}, {beat}, {site}).
LANGUAGES: dict[str, dict[str, Sequence[str]]] = {
    "en": {
        "share": ["Share this article", "Share • Tweet • Email", "Copy link | Share"],
        "follow": [
            "Follow us on Facebook, X and Instagram",
            "Follow {site} on WhatsApp",
        ],
        "newsletter": [
            "Get the Morning Brief delivered to your inbox",
            "Sign up to our free weekly newsletter",
            "Never miss a story: subscribe to {site} Daily",
        ],
        "ad": ["Advertisement", "Story continues below advertisement"],
        "listen": ["Listen to this article · {n} min", "{n} min read"],
        "updated": ["Updated {t} GMT", "Last updated: {t}"],
        "byline": ["By {name}", "{name}, {beat} correspondent"],
        "bio": [
            "{name} is a {beat} reporter at {site}.",
            "{name} covers {beat} for {site}. Reach her at {mail}",
        ],
        "notice": ["This article is licensed under Creative Commons Attribution 4.0."],
    },
    "de": {
        "share": ["Artikel teilen", "Teilen • Twittern • Mailen", "Link kopieren"],
        "follow": ["Folgen Sie uns auf Instagram", "{site} bei WhatsApp abonnieren"],
        "newsletter": [
            "Jetzt den Morgen-Newsletter abonnieren",
            "Nichts mehr verpassen: der {site}-Newsletter",
        ],
        "ad": ["Anzeige", "Werbung"],
        "listen": ["Artikel anhören · {n} Min.", "Lesezeit: {n} Minuten"],
        "updated": ["Aktualisiert am {t} Uhr"],
        "byline": ["Von {name}", "{name}, Ressort {beat}"],
        "bio": ["{name} schreibt für {site} über {beat}."],
        "notice": ["Dieser Text steht unter der Lizenz CC BY 4.0."],
    },
    "fr": {
        "share": ["Partager cet article", "Partager sur Facebook • X • LinkedIn"],
        "follow": ["Suivez-nous sur Instagram et TikTok"],
        "newsletter": [
            "Inscrivez-vous à notre newsletter quotidienne",
            "Recevez l'essentiel de l'actualité chaque matin",
        ],
        "ad": ["Publicité"],
        "listen": ["Écouter cet article · {n} min", "Temps de lecture : {n} min"],
        "updated": ["Mis à jour le {t}"],
        "byline": ["Par {name}", "{name}, journaliste {beat}"],
        "bio": ["{name} est journaliste au service {beat} de {site}."],
        "notice": [],
    },
    "es": {
        "share": ["Compartir en Facebook", "Compartir | Twittear | Enviar"],
        "follow": ["Síguenos en WhatsApp y Telegram"],
        "newsletter": [
            "Suscríbete a nuestro boletín diario",
            "Recibe las noticias en tu correo",
        ],
        "ad": ["Publicidad"],
        "listen": ["Escuchar noticia · {n} min", "Lectura de {n} minutos"],
        "updated": ["Actualizado a las {t}"],
        "byline": ["Por {name}"],
        "bio": ["{name} es periodista de {site} especializada en {beat}."],
        "notice": [],
    },
    "it": {
        "share": ["Condividi su Facebook", "Condividi • Twitta • Email"],
        "follow": ["Seguici su Instagram"],
        "newsletter": [
            "Iscriviti alla nostra newsletter",
            "Ricevi le notizie del giorno via email",
        ],
        "ad": ["Pubblicità"],
        "listen": ["Ascolta l'articolo · {n} min", "Tempo di lettura: {n} minuti"],
        "updated": ["Aggiornato alle {t}"],
        "byline": ["di {name}"],
        "bio": ["{name} scrive di {beat} per {site}."],
        "notice": [],
    },
    "pl": {
        "share": ["Udostępnij", "Udostępnij na Facebooku | Skopiuj link"],
        "follow": ["Obserwuj nas w Google News"],
        "newsletter": [
            "Zapisz się do naszego newslettera",
            "Najważniejsze informacje prosto na Twoją skrzynkę",
        ],
        "ad": ["Reklama"],
        "listen": ["Posłuchaj artykułu · {n} min", "Czas czytania: {n} min"],
        "updated": ["Aktualizacja: {t}"],
        "byline": ["Autor: {name}"],
        "bio": ["{name} jest dziennikarzem działu {beat} w {site}."],
        "notice": [],
    },
    "ru": {
        "share": ["Поделиться", "Поделиться • ВКонтакте • Telegram"],
        "follow": ["Подписывайтесь на наш канал в Telegram"],
        "newsletter": [
            "Подпишитесь на нашу рассылку",
            "Главные новости дня — в вашей почте",
        ],
        "ad": ["Реклама"],
        "listen": ["Слушать статью · {n} мин", "Время чтения: {n} мин"],
        "updated": ["Обновлено в {t}"],
        "byline": ["Автор: {name}"],
        "bio": ["{name} — корреспондент отдела {beat} издания {site}."],
        "notice": ["Все права защищены."],
    },
    "uk": {
        "share": ["Поділитися", "Поділитися у Facebook | Копіювати посилання"],
        "follow": ["Читайте нас у Telegram"],
        "newsletter": [
            "Підпишіться на нашу розсилку",
            "Головне за день — у вашій пошті",
        ],
        "ad": ["Реклама"],
        "listen": ["Слухати статтю · {n} хв", "Час читання: {n} хв"],
        "updated": ["Оновлено о {t}"],
        "byline": ["Автор: {name}"],
        "bio": ["{name} пише про {beat} для {site}."],
        "notice": [],
    },
    "pt": {
        "share": ["Compartilhe", "Compartilhar no WhatsApp • Facebook"],
        "follow": ["Siga-nos no Instagram"],
        "newsletter": [
            "Assine a nossa newsletter gratuita",
            "Receba as principais notícias no seu e-mail",
        ],
        "ad": ["Publicidade"],
        "listen": ["Ouvir artigo · {n} min", "Tempo de leitura: {n} min"],
        "updated": ["Atualizado às {t}"],
        "byline": ["Por {name}"],
        "bio": ["{name} é repórter de {beat} do {site}."],
        "notice": [],
    },
    "nl": {
        "share": ["Deel dit artikel", "Delen via WhatsApp | Facebook | Mail"],
        "follow": ["Volg ons op Instagram"],
        "newsletter": [
            "Schrijf je in voor onze nieuwsbrief",
            "Ontvang elke ochtend het laatste nieuws",
        ],
        "ad": ["Advertentie"],
        "listen": ["Luister naar dit artikel · {n} min", "Leestijd {n} minuten"],
        "updated": ["Bijgewerkt om {t}"],
        "byline": ["Door {name}"],
        "bio": ["{name} is verslaggever {beat} bij {site}."],
        "notice": [],
    },
    "tr": {
        "share": ["Paylaş", "Paylaş • Tweetle • E-posta"],
        "follow": ["Bizi Google News'te takip edin"],
        "newsletter": [
            "Bültenimize abone olun",
            "Günün öne çıkan haberleri e-postanızda",
        ],
        "ad": ["Reklam"],
        "listen": ["Haberi dinle · {n} dk", "Okuma süresi: {n} dk"],
        "updated": ["Güncelleme: {t}"],
        "byline": ["{name} yazdı"],
        "bio": ["{name}, {site} {beat} muhabiridir."],
        "notice": [],
    },
    "sv": {
        "share": ["Dela artikeln", "Dela på Facebook | Kopiera länk"],
        "follow": ["Följ oss på Instagram"],
        "newsletter": [
            "Prenumerera på vårt nyhetsbrev",
            "Få morgonens viktigaste nyheter i mejlen",
        ],
        "ad": ["Annons"],
        "listen": ["Lyssna på artikeln · {n} min", "Lästid {n} min"],
        "updated": ["Uppdaterad {t}"],
        "byline": ["Av {name}"],
        "bio": ["{name} är {beat}reporter på {site}."],
        "notice": [],
    },
}

NAMES = (
    "Anna Kowalska",
    "Jonas Berg",
    "Marta Ruiz",
    "Olena Kravets",
    "Pierre Lambert",
    "Giulia Conti",
    "Sven Lindqvist",
    "Ayşe Demir",
    "Tomás Ferreira",
    "Eva de Vries",
    "Dmitri Sokolov",
    "Hannah Weber",
    "Lucas Moreau",
    "Iryna Bondar",
    "Carlos Vega",
    "Sara Nyström",
    "Piotr Zieliński",
    "Fatma Yılmaz",
    "Joana Costa",
    "Daan Visser",
)
BEATS = ("politics", "economy", "Europe", "culture", "science", "sport", "climate")
SITES = (
    "Daily Ledger",
    "Rundschau",
    "Le Courrier",
    "El Observador",
    "Il Corriere Nuovo",
    "Gazeta Miejska",
    "Вестник",
    "Вісник",
    "Jornal da Tarde",
    "De Bode",
    "Günlük Haber",
    "Dagsposten",
)


@dataclass
class Site:
    """One invented news site: its name, language, authors and habits."""

    name: str
    language: str
    authors: list[str]
    #: How likely each kind of furniture is on one of its articles.
    habits: dict[str, float] = field(default_factory=dict)
    #: The one wording of each kind the site's template uses.
    templates: dict[str, str] = field(default_factory=dict)


def make_sites(rng: random.Random) -> list[Site]:
    sites = []
    for name, language in zip(SITES, LANGUAGES, strict=True):
        authors = rng.sample(NAMES, rng.randint(2, 8))
        habits = {
            "share": rng.uniform(0.6, 1.0),
            "follow": rng.uniform(0.4, 1.0),
            "newsletter": rng.uniform(0.3, 0.9),
            "ad": rng.uniform(0.0, 0.6),
            "listen": rng.uniform(0.0, 0.9),
            "updated": rng.uniform(0.0, 0.8),
            "byline": rng.uniform(0.7, 1.0),
            "bio": rng.uniform(0.2, 0.9),
            "notice": 1.0,
        }
        templates = {
            kind: rng.choice(options)
            for kind, options in LANGUAGES[language].items()
            if options
        }
        sites.append(Site(name, language, authors, habits, templates))
    return sites


def fill(template: str, rng: random.Random, site: Site, author: str) -> str:
    handle = author.split(maxsplit=1)[0].lower()
    return template.format(
        name=author,
        beat=rng.choice(BEATS) if "{beat}" in template else "",
        site=site.name,
        mail=f"{handle}@{site.name.lower().replace(' ', '')}.example",
        n=rng.randint(2, 14),
        t=f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}",
    )


def furnish(
    text: str, site: Site, rng: random.Random, beats: dict[str, str]
) -> tuple[str, list[dict[str, object]]]:
    """``text`` with the site's furniture inserted, and what was inserted."""
    weights = [1 / (rank + 1) for rank in range(len(site.authors))]
    author = rng.choices(site.authors, weights)[0]
    # A bio names one beat per author: the same line on each of their stories.
    beat = beats.setdefault(f"{site.name}:{author}", rng.choice(BEATS))
    chosen: dict[str, str] = {}
    for kind, chance in site.habits.items():
        template = site.templates.get(kind)
        if template is not None and rng.random() < chance:
            line = fill(template.replace("{beat}", beat), rng, site, author)
            chosen[kind] = line
    paragraphs = text.split("\n\n")
    top = [chosen[k] for k in ("byline", "updated", "listen", "share") if k in chosen]
    middle = [chosen[k] for k in ("newsletter", "ad") if k in chosen]
    bottom = [chosen[k] for k in ("bio", "follow", "notice") if k in chosen]
    for line in middle:
        paragraphs.insert(rng.randint(1, max(1, len(paragraphs) - 1)), line)
    out = "\n\n".join([*top, *paragraphs, *bottom])
    inserted = [
        {"line": line, "kind": kind, "furniture": kind != "notice"}
        for kind, line in chosen.items()
    ]
    return out, inserted


def articles(path: Path) -> Iterator[dict[str, str]]:
    with lzma.open(path, "rt", encoding="utf-8") as lines:
        for raw in lines:
            yield json.loads(raw)


def build(out: Path, count: int, seed: int, news: Path = NEWS) -> int:
    """Write ``count`` furnished articles to ``out``; return how many."""
    rng = random.Random(seed)
    pool = list(articles(news))
    rng.shuffle(pool)
    sites = make_sites(rng)
    # Sites of very different sizes: a few large ones, several small.
    sizes = [rng.paretovariate(1.2) for _ in sites]
    beats: dict[str, str] = {}
    out.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with out.open("w", encoding="utf-8") as handle:
        for article in pool[:count]:
            site = rng.choices(sites, sizes)[0]
            text, inserted = furnish(article["text"], site, rng, beats)
            record = {
                "id": article["id"],
                "source": site.name,
                "text": text,
                "inserted": inserted,
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench/work/furniture.jsonl")
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--news", type=Path, default=NEWS)
    args = parser.parse_args(argv)
    written = build(args.out, args.count, args.seed, args.news)
    print(f"{written} articles written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
