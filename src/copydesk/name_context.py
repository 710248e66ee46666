"""Is a listed old place name here the house's business, or part of another name?

"Kiev" is the old spelling of Kyiv, but "Dynamo Kiev", "The Odessa File",
"the Donbass Arena", "Prince Georgy Lvov" and "Odessa, Texas" are other
names: a club, a title, a venue, a person, a town elsewhere. The words and
punctuation around the spelling decide:

- a capitalised word right after it makes a longer name ("Donbass Arena",
  "Kharkov Tractor Plant"), unless the word is one of the place's own
  administrative terms or names a thing after the place ("Kiev Oblast",
  "Kiev Mayor", "Lugansk People's Republic", "Zaporizhzhya Nuclear Power
  Plant"), where the house spelling of the place is wanted;
- a capitalised word right before it does too ("Dynamo Kiev", "Georgy
  Lvov", "novel The Odessa File"), unless it is a function word that
  starts the sentence ("In Kiev") or a part of the place ("Central Kiev",
  "the ports of Greater Odessa", where the house spelling is wanted);
- a kind of work right before it makes it a title ("Loznitsa's film
  Donbass", "the album Odessa"), the work's own name;
- a historical event named after the place, told by a year before
  Ukraine's independence in its sentence ("the Second Battle of Kharkov in
  May 1942"), keeps the name it has in the histories; the same words
  without such a year ("the Battle of Kiev" of 2022) are the house's
  business;
- a title in title case opened by a capitalised article in mid-sentence
  ("the brass reached The Great Gate of Kiev") is a work's own name;
- a spelling given as another's alternative is a mention, not a use
  ("Kyiv, also spelled Kiev", "Kharkiv (Russian: Kharkov)");
- (for ``variants``) a capitalised institution word after a name makes it
  that institution's own ("Pusan National University" in Busan);
- a region of elsewhere after a comma ("Odessa, Texas", "Odessa, a city in
  West Texas") places it in another country, and with it every other use
  of that spelling in the document ("officials in Odessa say"). The regions
  are rule data (the ``elsewhere`` key), like the exception phrases.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from copydesk import regex_programs, translit, wordlists
from copydesk.document import FILLER, Analysis, ByKey, Document
from copydesk.lazy_patterns import later_re, later_regex
from copydesk.lines import line_around, line_end, line_start
from copydesk.word_guards import abbreviated

if TYPE_CHECKING:  # ``regex`` is imported to compile only (``regex_programs``)
    import regex

#: Capitalised words after a place that still name that place.
_ADMIN_AFTER = frozenset(
    {"Oblast", "Region", "Province", "Raion", "District", "Governor", "Mayor",
     "City", "Council", "Metro", "Regional", "Military", "Administration",
     "Police", "Court", "Railway", "Station", "Airport", "Front", "Garrison",
     "Prosecutor", "Government", "Authorities", "Authority", "Governorate",
     "Oblast's", "Region's", "Bezirk", "Gebiet", "Stadt", "Bürgermeister",
     "Obwód", "Okręg", "Région", "Maire", "Nuclear", "Power", "Port",
     "People's", "People’s"}
)  # fmt: skip
#: Capitalised words before a place, at a sentence start, that do not make
#: a longer name with it (the parts of a place, ``_PARTS``, never do).
_LEADS = frozenset(
    {"In", "At", "From", "To", "Of", "On", "The", "A", "An", "For", "With",
     "By", "And", "But", "When", "After", "Before", "Since", "Near", "Outside",
     "Inside", "Around", "Across", "Beyond", "Like", "Unlike", "As", "While",
     "North", "South", "East", "West", "Nach", "Aus", "Im", "Von",
     "Dans", "À", "En", "W", "Z", "Do", "Pod",
     # Determiners and conjunctions that open a sentence before a place
     # ("Its Kharkov-born founder", "Every Kiev school").
     "Its", "His", "Her", "Their", "Our", "My", "Your", "This", "That",
     "These", "Those", "Every", "Each", "All", "Some", "Many", "Most",
     "Both", "Several", "Other", "Another", "Only", "Even", "Also", "Then",
     "So", "If", "Although", "Though", "Because", "Where", "Under", "Over",
     "Through", "Via", "Between", "Among", "Without", "Within", "Until",
     "Into", "Not", "No"}
)  # fmt: skip
#: Capitalised words before a place, anywhere, that name a part of it.
_PARTS = frozenset(
    {"Central", "Western", "Eastern", "Northern", "Southern", "Greater",
     "Downtown", "Inner", "Outer", "Suburban"}
)  # fmt: skip
#: Words before a place in a headline in capitals that make no longer name.
_LEADS_OR_PARTS = _LEADS | _PARTS
#: A kind of work (or a ship) before a place's old spelling, after an
#: article or a possessive (and up to three more words): its title
#: ("Loznitsa's film Donbass", "the double album Odessa", "the Soviet
#: aircraft carrier Kiev"). Words that are as often verbs or
#: adjectives (play, book, single) are left out: "play Kiev in May".
_WORK_BEFORE = later_regex(
    r"(?<![\w])(?:the|a|an|his|her|their|its|\p{L}+['’]s|\p{L}+s['’])[ \t\u00a0]+"
    r"(?:[\p{L}\d-]+[ \t\u00a0]+){0,3}(?:film|feature|movie|documentary|album|song"
    r"|novel|poem|opera|ballet|painting|symphony|suite|musical"
    r"|ship|warship|vessel|carrier|cruiser|frigate|destroyer|submarine"
    r"|liner|steamer|steamship|icebreaker|tanker|yacht|freighter|trawler|schooner"
    r"|(?:destroyer|flotilla)[ \t\u00a0]+leader)[ \t\u00a0]+\Z",
    regex_programs.IGNORECASE,
)
#: Capitalised words after a name that make it an institution's own, which
#: chose its spelling. A street's name is the writer's to spell ("Bandera
#: Street"): not one of them.
_INSTITUTIONS = frozenset(
    {"University", "National", "State", "Institute", "College", "Academy",
     "School", "Polytechnic", "Conservatory", "International", "Airport",
     "Stadium", "Arena", "Museum", "Library", "Hospital", "Foundation",
     "Bank", "Club", "Company", "Corporation", "Prize", "Award",
     # Legal forms: a firm keeps the spelling it was registered under.
     "GmbH", "AG", "KG", "Ltd", "LLC", "Inc", "Corp", "PLC", "SE", "Oy", "AB",
     "Group", "Holding", "Holdings",
     # A firm's trade after its founder's name (Wozniak Freight, Nowak
     # Trans): the name as the firm writes it, often without its marks.
     "Freight", "Logistics", "Trans", "Transport", "Haulage", "Shipping",
     "Motors", "Airlines", "Airways", "Foods", "Farms", "Brewery", "Winery",
     "Bakery", "Pharma", "Energy", "Media", "Records", "Studio", "Studios",
     "Trading", "Textiles", "Electronics", "Industries", "Enterprises",
     "Partners", "Associates", "Consulting", "Construction", "Ventures",
     "Technologies", "Systems", "Software", "Labs", "Brothers", "Bros"}
)  # fmt: skip
#: Capitalised nouns that name an event after a place ("Battle of",
#: "Siege of", "Treaty of").
_EVENTS = frozenset(
    {"Battle", "Battles", "Siege", "Sack", "Treaty", "Peace", "Pogrom",
     "Massacre", "Uprising", "Offensive", "Defence", "Defense", "Liberation",
     "Capture", "Encirclement", "Evacuation", "Congress", "Conference"}
)  # fmt: skip
_EVENT_BEFORE = later_regex(
    r"(?<![\w])(\p{Lu}\p{Ll}+)[ \t\u00a0]+(?:of|for)[ \t\u00a0]+\Z"
)
#: Nouns after a place that name an event held there ("the Kharkov trial",
#: "the Kiev Offensive", "the Odessa massacre of 1941").
_EVENT_AFTER = later_regex(
    r"[ \t\u00a0]+(?i:trials?|massacres?|pogroms?|uprisings?|offensives?|operation"
    r"|accords?|agreements?|pact|protocols?|conference|congress|summit|tribunal"
    r"|process|treaty|siege|encirclement)(?![\w])"
)
#: The date right after an event's noun: "of 1943", "in 1943", "(1943)".
_DATE_AFTER = later_re(r"(?:[ \t]+(?:of|in)[ \t]+|[ \t]*\()(1\d{3}|20\d\d)\b")
#: An event named as such right before the place: "known as the".
_NAMED_AS = later_re(r"(?<![\w])(?:known[ \t]+as|called)[ \t]+the[ \t]+\Z")
#: A year right before the place: "the 1943 Kharkov trial".
_YEAR_BEFORE = later_re(r"(?i:\bthe)[ \t]+(1\d{3}|20\d\d)[ \t]+\Z")
#: A year set as a date: after "in", "of", a month, a day and comma or a
#: bracket ("in May 1942", "Sept. 26, 1941", "(1941)"), not a count ("1500
#: delegates"). Its value decides: up to 1991, the year of Ukraine's
#: independence, the event is history.
_DATED = later_regex(
    r"(?:\b(?:(?i:in|of|on|from|until|since|by)|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?"
    r"|Oct|Nov|Dec|January|February|March|April|June|July|August|September"
    r"|October|November|December|spring|summer|autumn|fall|winter)\.?[ \t]+"
    r"|\d[ \t]*,[ \t]*|\()(1\d{3}|20\d\d)(?![\w]|[.,]\d)"
)
#: How far after the place its date is looked for.
_DATE_REACH = 50
#: How far back the event's sentence (and a date in it) is looked for.
_SENTENCE_REACH = 240
#: The last sentence end before a place: a full stop, question or
#: exclamation mark followed by a space (reversed search).
_SENTENCE_STOP = later_regex(r"(?r)[.!?][ \t\u00a0]+")
#: Lower-case words a title in title case keeps ("The Fall of the House of
#: Usher").
_TITLE_SMALL = frozenset(
    {"of", "the", "and", "at", "in", "on", "for", "a", "an", "to", "from",
     "over", "under", "with", "by", "de", "la", "le"}
)  # fmt: skip
_TITLE_ARTICLES = frozenset({"The", "A", "An"})
_WORD_AFTER = later_regex(r"[ \t\u00a0]+(\p{Lu}[\p{L}'’-]*)")
_WORD_BEFORE = later_regex(r"(\p{Lu}[\p{L}'’-]*)[ \t\u00a0]+\Z")
#: Most blanks between a name's words: more is masked markup (a table
#: cell's edge, a tag) that parts them.
_NAME_GAP = 2
_SENTENCE_END = frozenset('.!?:;\n"“”‘’«»„(')


#: What comes right before a spelling given as another's alternative: "Kyiv
#: (also spelled Kiev)", "formerly known (in English) as Kharkov", "(Russian:
#: Odessa)", "Zaluzhnyi (or Zaluzhny)", or named as a spelling ("the older
#: spelling Kiev", "the English form Kiev"; a bare "form" or "name" is often
#: not about spelling: "in the form Kiev wanted"). Such a spelling is
#: mentioned, not used: no house error, no variant of the name.
_ALTERNATIVE_BEFORE = later_regex(
    r"(?:(?<![\w])(?:(?:also|sometimes|often|commonly|once|formerly|previously)"
    r"[ \t\u00a0]+(?:spelled|spelt|written|transliterated|romani[sz]ed|rendered"
    r"|known|called|named)|formerly|previously|spelled|spelt|transliterated"
    r"|romani[sz]ed)(?:[ \t\u00a0]+as)?"
    r"|(?<![\w])(?:aka|a\.k\.a\.|known(?:\s+in\s+\p{L}+)?\s+as)"
    r"|(?<![\w])(?:spelling|transliteration|romani[sz]ation)"
    r"|(?<![\w])(?:old|older|former|original|historic(?:al)?|official|traditional"
    r"|anglici[sz]ed|English|Russian|Soviet|Ukrainian|Polish|German|Yiddish)"
    r"[ \t\u00a0]+(?:form|name)"
    r"|\([ \t\u00a0]*(?:or|(?:in[ \t\u00a0]+)?(?:Russian|Ukrainian|Belarusian|Polish"
    r"|German|French|Yiddish|Crimean[ \t\u00a0]+Tatar)"
    r"(?:[ \t\u00a0]+(?:name|spelling))?[ \t\u00a0]*:?))"
    # An Arabic article may lead the name ("also spelled al-Tayyeb").
    r"\s+[\"'“‘«„]?(?:(?:al|el|ad|an|ar|as|ash|at|az|ul|ud)-)?\Z",
    regex_programs.IGNORECASE,
)


#: What joins two spellings of one name given side by side: "Kyiv (Kiev)",
#: "Kyiv or Kiev", "Kyiv/Kiev", "Kyiv, Kiev in Russian"; or set against it:
#: "Kyiv, not Kiev", "Kharkiv (not Kharkov)", "Kyiv rather than Kiev".
_BESIDE = later_regex(
    r"[ \t\u00a0]*(?:\(|/|,|[ \t\u00a0]or|\s(?:rather\s+than|instead\s+of|not))"
    r"\s*(?:(?:not|never)\s+)?[\"'“‘«„]?\Z"
)


#: Others' usage in a relative clause right before a name: "which Russian
#: media still call" (not a telephone call: "he would still call Kiev").
_CALLED_BEFORE = later_re(
    r"(?<![\w])(?:which|that|what|whom)[ \t\u00a0]+(?:[\w'’-]+[ \t\u00a0]+){0,4}"
    r"(?:still|usually|widely|mostly|often)[ \t\u00a0]+call(?:s|ed)?[ \t\u00a0]+\Z"
)
#: The end of the clause right after such a name.
_CLAUSE_END = later_re(r"[ \t]*(?:[,.;:)]|\n|\Z)")


def called_by_others(prose: str, start: int, end: int) -> bool:
    """True when the name at ``start:end`` is what others call the place,
    and the clause ends with it ("Luhansk, which Russian media still call
    Lugansk, is ..."): a mention. "Families still call Kiev home" uses it."""
    return (
        _CALLED_BEFORE.search(prose, max(0, start - 80), start) is not None
        and _CLAUSE_END.match(prose, end) is not None
    )


#: A given name right before a surname: "Taras Klychko".
_GIVEN_NAME_BEFORE = later_regex(r"(?<![\w'’-])(\p{Lu}\p{Ll}+)[ \t\u00a0]+\Z")


def another_bearer(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """True when the document writes a surname after given names (``mine``:
    ``given_names`` of its spelling) and the house spelling after others
    (``theirs``), never the same name however romanised ("Taras Klychko ...
    Klychko Heating ... the mayor, Vitali Klitschko"; not "Vladimir
    Zelensky" beside "Volodymyr Zelenskyy"): two people of one surname,
    each spelled his own way."""
    if not mine or not theirs:
        return False
    return {_skeleton(g) for g in mine}.isdisjoint(_skeleton(g) for g in theirs)


def _skeleton(given: str) -> str:
    """A given name's consonants, so that one name's romanisations meet
    (Vladimir and Volodymyr, Victor and Viktor, Witalij and Vitali) where
    two names do not (Taras and Vitali)."""
    folded = translit.to_ascii(given).casefold().replace("c", "k").replace("w", "v")
    consonants = [ch for ch in folded if ch not in "aeiouyjh"]
    return "".join(
        ch for i, ch in enumerate(consonants) if i == 0 or ch != consonants[i - 1]
    )


def given_names(prose: str, surname: str) -> frozenset[str]:
    """The given names the document writes right before ``surname``."""
    found: set[str] = set()
    at = prose.find(surname)
    while at >= 0:
        end = at + len(surname)
        if (at == 0 or not prose[at - 1].isalnum()) and (
            end == len(prose) or not prose[end].isalnum()
        ):
            given = _given_name(prose, at)
            if given is not None:
                found.add(given)
        at = prose.find(surname, end)
    return frozenset(found)


def _given_name(prose: str, start: int) -> str | None:
    """The given name right before the surname at ``start``, if one is:
    a capitalised word that is no common word (not "Mayor", "President")
    nor a place after its preposition ("In Kyiv Zelenskyy met ...")."""
    found = _GIVEN_NAME_BEFORE.search(prose, max(0, start - 32), start)
    if found is None or translit.is_common(found.group(1)):
        return None
    if wordlists.lexicon("en").count(found.group(1).casefold()) >= _COMMON_WORD:
        return None  # "But Zelenskyy denied it": a sentence's first word
    if _PREPOSITION_BEFORE.search(prose, max(0, found.start() - 12), found.start()):
        return None
    return found.group(1)


#: The English lexicon's count of a word too common to be a given name
#: ("But", "Later"; "Mark" and "Rose" are lost with them).
_COMMON_WORD = 70
#: A preposition before a capitalised word: a place, not a given name.
_PREPOSITION_BEFORE = later_re(
    r"(?i)(?<![\w])(?:in|at|from|to|near|outside|of|across)[ \t\u00a0]+\Z"
)


def beside_its_own(prose: str, start: int, canonical: str) -> bool:
    """True when ``canonical`` (the house spelling) stands right before the
    spelling at ``start``, joined by a bracket, "or", a slash or a comma:
    the two are given side by side, the old one a mention."""
    join = _BESIDE.search(prose, max(0, start - 24), start)
    if join is None:
        return False
    before = join.start()
    return prose.endswith(canonical, 0, before) and (
        before == len(canonical) or not prose[before - len(canonical) - 1].isalnum()
    )


def named_for_its_own(text: str, start: int, end: int, canonical: str) -> bool:
    """True when the spelling at ``start:end`` is quoted and, further along
    its line, a word that replaces ("for", an arrow, "instead of") gives
    the house spelling ``canonical``: a style list naming the old form for
    the new ('"Kiev" for **Kyiv**', '"Kharkov", "Odessa" and "Lvov" for
    **Kharkiv**, **Odesa** and **Lviv**', '"the Ukraine" → Ukraine')."""
    if _enclosing(text, start, end, _QUOTE_PAIRS) is None:
        return False
    _, hi = line_around(text, start, end, _FOR_OWN_REACH)
    for lead in _REPLACED_BY.finditer(text, end, hi):
        rest = _FOR_OWN_LIST.match(text, lead.end(), hi)
        listed = text[lead.end() : rest.end() if rest else lead.end()]
        names = [_NAMES_LISTED.search(item) for item in _LIST_SPLIT.split(listed)]
        if canonical in [name.group() for name in names if name is not None]:
            return True
    return False


#: How far along its line the house form of a quoted spelling is looked for.
_FOR_OWN_REACH = 160
#: Words that give a replacement: "for", an arrow, "instead of", "becomes".
_REPLACED_BY = later_regex(
    r"(?<![\w-])(?:for|instead[ \t]+of|becomes)(?![\w-])|=>|->|→"
)
#: The names after it, a list in marks or emphasis: "**Kharkiv**, **Odesa**
#: and **Lviv**".
_FOR_OWN_LIST = later_regex(
    r"(?:[ \t]*(?:,|and|or)?[ \t]*[*_\"“‘'`]*[\w'’ -]+[*_\"”’'`]*)+"
)
_LIST_SPLIT = later_regex(r",|(?<![\w-])(?:and|or)(?![\w-])")
_NAMES_LISTED = later_regex(r"[^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*)*")


#: Right after a name, a clause about how it is spelled: ", whose name is
#: sometimes transliterated ...", ", also spelled ...".
_SPELLING_AFTER = later_regex(
    r"(?i)[ \t\u00a0]*,\s*(?:(?:whose\s+(?:name|surname)\s+(?:is|was)\s+)?"
    r"(?:(?:also|sometimes|often|usually|commonly|otherwise)\s+)?"
    r"(?:spelled|spelt|written|transliterated|romani[sz]ed|rendered)"
    # ", as the programme spells him": a spelling that is someone else's.
    r"|as\s+(?:[\w'’-]+\s+){1,3}(?:spells?|spelled|spelt|writes|wrote|renders?"
    r"|rendered|transliterates?|transliterated)\s+(?:him|her|it|them|the\s+name))"
    r"(?![\w-])"
)


def spelling_discussed_after(prose: str, end: int) -> bool:
    """True when a clause right after the name at ``end`` speaks of its
    spelling ("Tchebychev, whose name is sometimes transliterated ...",
    "Tzertzvadze, as the programme spells him"): the spellings are set side
    by side on purpose."""
    return _SPELLING_AFTER.match(prose, end) is not None


#: An e-mail address's local part, from its first character to the "@".
_ADDRESS_LOCAL = later_re(r"[\w.+-]{1,64}(?=@[\w-]+\.)")
#: How far after a name its owner's address may stand (a contact line:
#: "Brian Martin - <brian.k.martin4.civ@health.mil>").
_ADDRESS_AFTER = 60


def in_own_address(text: str, start: int, end: int) -> bool:
    """True when an e-mail address right after the name at ``start:end``,
    on its line, holds that spelling in its local part: a contact entry,
    the person's name as they write it."""
    _, hi = line_around(text, end, end, _ADDRESS_AFTER)
    at = text.find("@", end, hi)
    if at < 0:
        return False
    local = _ADDRESS_LOCAL.search(text, max(end, at - 64), hi)
    if local is None or local.end() != at:
        return False
    return text[start:end].casefold() in local.group().casefold()


def given_as_alternative(prose: str, start: int) -> bool:
    """True when the spelling at ``start`` is named as another's alternative
    spelling ("also spelled Kiev"), a mention rather than a use."""
    return (
        _ALTERNATIVE_BEFORE.search(prose, max(0, start - 48), start) is not None
        or _ALIAS_BEFORE.search(prose, max(0, start - 64), start) is not None
    )


#: An alias named, then the words of the aliased name before this one
#: ("listed with two aliases, Ali Husein Kasimi", "a.k.a. KASIMI, Ali
#: Husein"): every word of an alias is given as one.
_ALIAS_BEFORE = later_regex(
    r"(?<![\w])(?i:alias(?:es)?|a\.k\.a\.|aka|also[ \t\u00a0]+known[ \t\u00a0]+as)"
    r"[ \t\u00a0,:]+(?:(?:\p{Lu}[\p{L}'’-]*|al-\p{L}+)[ \t\u00a0,]+){0,4}\Z"
)


def on_a_foreign_street(prose: str, start: int) -> bool:
    """True when the name at ``start`` names a street abroad, after the
    street word of that country's language ("14 rue Chevtchenko" in Lyon,
    "viale Garibaldi", "ulica Szewczenki"): an address, spelled as its city
    registered it, beside the person's name spelled as the page spells
    it."""
    return _FOREIGN_STREET_BEFORE.search(prose, max(0, start - 24), start) is not None


#: A street word of another language right before a name.
_FOREIGN_STREET_BEFORE = later_re(
    r"(?<![\w])(?:rue|avenue|boulevard|bd|quai|allée|place|impasse|chemin|viale"
    r"|piazza|corso|calle|avenida|plaza|paseo|rua|ulica|ul\.|ulitsa|vulytsia"
    r"|vul\.|prospekt|utca|ulice|straße|strasse|platz)"
    r"[ \t\u00a0]+(?:(?:de|du|des|la|le|di|del|della|dos|das)[ \t\u00a0]+)?\Z"
)


def capitalised_after(prose: str, end: int) -> str | None:
    """The capitalised word right after the word ending at ``end`` (past
    spaces), if any: a given name's surname, a place's institution."""
    after = _WORD_AFTER.match(prose, end)
    return None if after is None else after.group(1)


def other_name(
    prose: str, start: int, end: int, elsewhere: regex.Pattern[str] | None
) -> bool:
    """True when the place spelling at ``start:end`` is part of another name
    or a place of the same name elsewhere (see the module docstring)."""
    # In a headline in capitals its words are read as written in title
    # case: "KIEV OBLAST" is the region, "TALKS IN KIEV" the city.
    capitals = prose[start:end].isupper()
    if capitals and _FIRM_IN_CAPITALS.match(prose, end) is not None:
        return True  # "KIEV CONFECTIONERY IMPORTS LTD": a registered firm
    after = _WORD_AFTER.match(prose, end)
    if (
        after is not None
        and _title(after.group(1), capitals) not in _ADMIN_AFTER
        and not (capitals and _common_in_capitals(after.group(1)))
    ):
        return True
    before = _WORD_BEFORE.search(prose, max(0, start - 60), start)
    if before is not None and start - before.end(1) > _NAME_GAP:
        before = None  # "| Locale | Dnepr, Ukraine |": a cell's edge between
    if before is not None:
        word = before.group(1)
        if capitals and word.isupper():
            if word.capitalize() not in _LEADS_OR_PARTS:
                return True
        elif _makes_name(prose, before.start(), word):
            return True
    bare = unmasked_start(prose, start)
    if _WORK_BEFORE.search(prose, max(0, bare - 60), bare) is not None:
        return True
    if historical_event(prose, start, end) or in_title(prose, start):
        return True
    return elsewhere is not None and elsewhere.match(prose, end) is not None


#: Words in capitals after a place in capitals up to a firm's legal form:
#: a company's registered name, in a directory's or a letterhead's capitals.
_FIRM_IN_CAPITALS = later_re(
    r"(?:[ \t\u00a0]+[A-Z][A-Z&'’-]*){0,4}[ \t\u00a0]+"
    r"(?:LTD|LLC|INC|PLC|GMBH|CORP|LIMITED|LLP|AG|SA|SRL|BV|OY|AB)\b"
)


def _common_in_capitals(word: str) -> bool:
    """Whether ``word``, written in capitals after a place in capitals, is a
    common word that a title-case headline would write in lower case or as
    the sentence's verb ("OPENS IN KHARKOV WITH FUNDING", "FROM THE DONBASS
    NEED YOU"), not the next part of a name."""
    return word.isupper() and (
        translit.is_common(word) or word.capitalize() in _LEADS or word == "OR"
    )


def _title(word: str, capitals: bool) -> str:
    """``word`` as a title-case text would write it, when it stands in
    capitals beside a place in capitals."""
    return word.capitalize() if capitals and word.isupper() else word


def institution_after(prose: str, end: int) -> str | None:
    """The capitalised word after the name ending at ``end`` that makes it
    an institution's or a venue's own name ("Pusan National University",
    "Heydar Aliyev International Airport"), if there is one."""
    after = capitalised_after(prose, end)
    return after if after in _INSTITUTIONS else None


#: Right after a place, what puts its name in the past: "Lwów, then a
#: Polish city", "Kiev (then in the Soviet Union)", "Lwów before 1939"; not
#: a journey's next step ("Kiev, then drove south").
_IN_ITS_TIME = later_re(
    r"[ \t]*(?:[,(][ \t]*then[ \t]+(?:an?|the|in|part|under|still|known|called"
    r"|capital|ruled|occupied|belonging|Soviet|Polish|Russian|Austrian|Poland"
    r"|USSR|Russia|Austria|Hungary|Romania|Czechoslovakia|Germany)\b"
    r"|[ \t](?:before|until|till|prior[ \t]+to)[ \t]+(1\d{3})\b"
    r"(?![ \t]*(?:GMT|UTC|CET|EET|MSK|hours?|hrs|h\b|local))"
    # A polity that ended with its empire or commonwealth, named as it was
    # ("the Kiev Governorate", "the Kiev Voivodeship").
    r"|[ \t\u00a0]+(?:Governorate|Gubernia|Guberniya|Voivodeship|Palatinate"
    r"|Principality|Uyezd|Eyalet|Viceroyalty)\b"
    # A year right after it that closes the label ("Scenario 1: Kiev 1941.",
    # "Kharkov 1943 –"): a battle's, a photograph's, an exhibit's time.
    r"|[ \t\u00a0]+(1\d{3})(?=[ \t\u00a0]*(?:[.:;)\r\n]|\Z|[–—-][ \t\u00a0])))"
)


#: Right before a place: a preposition only a place takes ("in", "near").
_PLACE_BEFORE = later_re(r"(?<![\w])(?:in|near|outside)[ \t\u00a0]+\Z")


def placed(prose: str, start: int, end: int) -> bool:
    """True when a preposition only a place takes stands right before
    ``start``: "trains in Nikolaev" is the city even in a story that also
    names a wrestler Nikolaev; "in Lvov's cabinet" is the man's."""
    if prose.startswith(("'s", "’s"), end):
        return False
    return _PLACE_BEFORE.search(prose, max(0, start - 12), start) is not None


def named_in_its_time(prose: str, end: int) -> bool:
    """True when the words right after a place at ``end`` say its name is
    the one it had then: a "then" apposition, "before" a year up to 1991,
    the year of Ukraine's independence ("Lwów before 1939"), a year up to
    1991 that closes a label ("Kiev 1941.") or a polity of an empire's
    time ("the Kiev Governorate"). A year
    after "in" dates a life, not a name: "born in Lvov in 1951", "born in
    Rovno in 1932" (a Polish town then, Równe) are the house's to mend."""
    found = _IN_ITS_TIME.match(prose, end)
    if found is None:
        return False
    year = found.group(1) or found.group(2)
    return year is None or int(year) <= 1991


def in_dated_reference(prose: str, start: int, end: int) -> bool:
    """True when the place is the imprint of a reference dated up to 1991:
    its line cites a work by its year in brackets ("Levchuk, O. (1974).
    … Kiev: Zoria." or "… 12, 33–41. Kharkov."), and the place is set
    as a publisher's city, before a colon or closing the entry. The city
    is printed as it was on the title page."""
    if _IMPRINT_AFTER.match(prose, end) is None:
        return False
    lo = line_start(prose, start)
    if _REFERENCE_ENTRY.match(prose, lo, start) is None:
        return False  # "The plant, built under the plan (1932), ships to Kiev."
    cited = _CITED_YEAR.search(prose, lo, start)
    return cited is not None and int(cited.group(1)) <= 1991


#: A reference's year: "(1974)." or "(1974a),", after its authors.
_CITED_YEAR = later_re(r"\((1\d{3})[a-z]?\)[.,:]")
#: After a publisher's city: a colon and the publisher, or the entry's end.
_IMPRINT_AFTER = later_re(r"(?::[ \t\u00a0]+[A-Z]|\.?[ \t\u00a0]*(?:\r?\n|\Z))")
#: A reference list's entry: its number or bullet, then its first author
#: as "Surname, I.".
_REFERENCE_ENTRY = later_regex(
    r"[ \t\u00a0]*(?:[-*+•]|\d{1,3}[.)])?[ \t\u00a0]*"
    r"\p{Lu}[\p{L}'’-]+,[ \t\u00a0]+\p{Lu}\."
)


#: A surname's initials in a reference's list of authors: ", S. V.".
_INITIALS_AFTER = later_regex(r",[ \t\u00a0]+\p{Lu}\.")
#: The year a reference's authors end with: "(2004)." or "(2004a),".
_AUTHORS_YEAR = later_re(r"\((?:1\d{3}|20\d\d)[a-z]?\)")


def cited_author(prose: str, start: int, end: int) -> bool:
    """True when the surname at ``start:end`` is an author of an entry of a
    reference list ("Ždanov, S. V. (1998). Korroziya ...", "Beridze, T.
    and Holm, K. (2015)."): the name as the cited work printed it."""
    lo = line_start(prose, start)
    if _REFERENCE_ENTRY.match(prose, lo) is None:
        return False
    if _INITIALS_AFTER.match(prose, end) is None:
        return False
    year = _AUTHORS_YEAR.search(prose, lo, line_end(prose, end))
    return year is not None and year.start() > end


def another_languages_form(spelling: str) -> bool:
    """Whether ``spelling`` is the place's name in another language than
    English (Polish Lwów, German Lemberg-era Kiew: a letter beyond ASCII or
    a w), not an English transliteration of the Russian one (Lvov, Rovno).
    A sentence dated before 1945 keeps the first kind: the city's name of
    that time, in its state's language; the second is the house's to mend
    whatever the date."""
    return not spelling.isascii() or "w" in spelling.lower()


#: The last year a sentence's date puts a place under its old name in its
#: state's language: the cities renamed with the borders after the Second
#: World War (Lwów to Lviv); a later date is the house spelling's ("born in
#: Kiev in 1989").
_PRE_WAR = 1945
#: The last year it keeps an English transliteration of the Russian name:
#: the Empire's official one (Kiev, Kharkov) until 1917; "born in Rovno in
#: 1932" (a Polish town then) or "in Kharkov in 1951" is the house's.
EMPIRE_END = 1917


#: What dates a sentence to before 1945 (``_PRE_WAR``): a decade ("in the
#: 1930s"), a war or an era ("before the Second World War", "the interwar
#: years"), a state that is gone ("the Polish Republic" of 1918-1939, "the
#: Russian Empire").
_PAST_ERA = later_regex(
    r"(?i)(?<![\w])(?:(?:the[ \t]+)?(?:18\d0s|19[0-3]0s)|(?:First|Second)[ \t]+World"
    r"[ \t]+War|World[ \t]+War[ \t]+(?:I|II|One|Two)|inter-?war|pre-?war"
    r"|under[ \t]+(?:Polish|Austrian|Tsarist)[ \t]+rule|Tsarist|Russian[ \t]+Empire"
    r"|Habsburg|Austro-Hungarian|Polish[ \t]+Republic|Second[ \t]+Republic)(?![\w])"
)
#: A year set as a date ("in 1938", "from 1928 until 1939", "(1936)") or a
#: span of years, not a count ("1500 guests") or a span to now ("since 1986").
_DATED_YEAR = later_regex(
    r"(?i)(?:(?<![\w])(?:in|during|before|until|till|from|by|around|circa|c\.|early"
    r"|late|mid-?|year|spring|summer|autumn|fall|winter|January|February|March"
    r"|April|May|June|July|August|September|October|November|December)"
    r"[ \t\u00a0,]+|\()(1\d{3})"
    r"(?![\w]|[.,]\d|[ \t]*(?:GMT|UTC|CET|EET|MSK|hours?|hrs|h\b|local))"
    # A span of years ("1800-1917", "1939–45").
    r"|(?<![\w.,])(1\d{3})[ \t]*[–-][ \t]*(?:1\d{3}|\d{2})(?![\w])"
    # The year that closes a caption ("Kiev tram on Kreshchatik, 1911"):
    # at its line's end, before a bracket or quote, or before the blanks a
    # masked tag leaves.
    r"|,[ \t\u00a0]*(1\d{3})(?=[ \t\u00a0]*(?:\n|\Z|[)”\"'])|[ \t\u00a0]{2})"
)
#: A word that brings a dated sentence back to the present.
_NOW = later_regex(
    r"(?i)(?<![\w])(?:today|now|currently|nowadays|this[ \t]+year)(?![\w])"
)


def sentence_bounds(prose: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence holding ``start:end`` begins and ends (a stop or
    a line break, within ``_QUOTE_DATE_REACH`` characters either side)."""
    begin = _sentence_start(prose, start, _QUOTE_DATE_REACH)
    after = _SENTENCE_END_AFTER.search(prose, end, end + _QUOTE_DATE_REACH)
    finish = (
        after.start() if after is not None else min(len(prose), end + _QUOTE_DATE_REACH)
    )
    return begin, finish


def with_its_own_in_the_sentence(
    prose: str, start: int, end: int, canonical: str
) -> bool:
    """True when the house spelling follows the old one in its sentence as
    what the place is called now ("For our grandparents it was Lwów, for
    our students it is Lviv", "Lwów, today Lviv"): the writer sets the two
    names side by side. Two spellings merely listed ("Charkiw and Kharkiv")
    or an old one after the house one ("Kharkiv ... and Kharkov") are
    slips."""
    _, finish = sentence_bounds(prose, start, end)
    at = prose.find(canonical, end, finish)
    while at >= 0:
        edge = at + len(canonical)
        if (
            (at == 0 or not prose[at - 1].isalnum())
            and (edge >= len(prose) or not prose[edge].isalnum())
            and _NOW_CALLED.search(prose, max(end, at - 80), at) is not None
        ):
            return True
        at = prose.find(canonical, edge, finish)
    return False


#: Right before the house name, what says it is the name now: "it is",
#: "now", "today", "renamed", "known as". Searched in the 80 characters
#: before it: markup the prose view blanks (a link's tag) may stand between.
_NOW_CALLED = later_regex(
    r"(?i)(?<![\w])(?:is|are|now|today|nowadays|called|renamed|known[ \t]+as"
    r"|became|becomes)[ \t\u00a0]+(?:[\w-]+[ \t\u00a0]+){0,2}\Z"
)


def in_a_dated_sentence(
    prose: str, start: int, end: int, until: int = _PRE_WAR
) -> bool:
    """True when the sentence holding a place at ``start:end`` is set up to
    the year ``until`` and not back in the present: a year (not "since
    1938"), a decade, a war or an era before 1945 ("Before the Second World
    War, Lwów was ..."). The name it had then is the writer's to keep."""
    begin, finish = sentence_bounds(prose, start, end)
    if _NOW.search(prose, begin, finish) is not None:
        return False
    if until >= _PRE_WAR and any(
        not _SINCE.search(prose, max(begin, m.start() - 10), m.start())
        for m in _PAST_ERA.finditer(prose, begin, finish)
    ):
        return True
    return any(
        int(m.group(1) or m.group(2) or m.group(3)) <= until
        for m in _DATED_YEAR.finditer(prose, begin, finish)
    )


def in_a_modern_sentence(prose: str, start: int, end: int) -> bool:
    """True when the sentence holding ``start:end`` speaks of the present
    ("now", "today"), dates a news event to its week ("on Tuesday") or
    names a year after 1945."""
    begin, finish = sentence_bounds(prose, start, end)
    return (
        _NOW.search(prose, begin, finish) is not None
        or _THIS_WEEK.search(prose, begin, finish) is not None
        or any(int(m.group(1)) > _PRE_WAR for m in _YEAR.finditer(prose, begin, finish))
    )


#: A news event's day: "on Tuesday", "last week", "yesterday".
_THIS_WEEK = later_regex(
    r"(?<![\w])(?:(?:on|last|this|next)[ \t]+(?:Monday|Tuesday|Wednesday|Thursday"
    r"|Friday|Saturday|Sunday|week|weekend)|(?i:yesterday|tomorrow))(?![\w])"
)


def dated_from(prose: str, spelling: str) -> int:
    """Where ``spelling`` is first used in a sentence dated before 1945
    (``in_a_dated_sentence``), or -1."""
    return next(
        (
            at
            for at, end in _whole_uses(prose, spelling)
            if in_a_dated_sentence(prose, at, end)
        ),
        -1,
    )


#: The end of the sentence after a name: a stop and a space, or a line end.
_SENTENCE_END_AFTER = later_regex(
    r"[.!?](?:[ \t\u00a0]|$)|\n", regex_programs.MULTILINE
)


#: A year written out: 1000-2099.
_YEAR = later_re(r"(?<![\w.,])(1\d{3}|20\d\d)(?![\w]|[.,]\d)")
#: How far back a quotation holding a name may open.
_QUOTE_REACH = 2_000
#: How far before a quotation the words that date it are read.
_QUOTE_DATE_REACH = 240


def quoted_in_its_time(
    prose: str, lo: int, start: int, element: int | None = None
) -> bool:
    """True when the name at ``start`` stands in a quotation (opened after
    ``lo``, its block's start) that its lead-in dates to 1991 or earlier:
    a letter, a memo or an order cited as written ("On 3 April 1919 he
    wrote: “… Odessa …”"). The year must be in the sentence that opens the
    quotation, or, after a short lead-in ("It reads, in full:"), in the
    sentence before it that dates a document, and not count from it
    ("independent since 1991"); a
    statement dated since, or not dated, is the reporter's to spell. A
    block quotation (``element``: its block's start) is a quotation without
    marks, its lead-in the paragraph before it ("…is dated 24 August
    1943:"). A lead-in that gives it as written ("exactly as he wrote it:",
    "verbatim") keeps its spelling whatever its date."""
    lo = max(lo, start - _QUOTE_REACH)
    opener = _open_quotation(prose, lo, start)
    if element is not None and (opener < element or not prose[element:opener].strip()):
        # A block quotation, with or without marks of its own: its lead-in
        # is the paragraph before it.
        opener, lo = max(opener, element), max(0, element - _QUOTE_DATE_REACH)
    if opener < 0:
        return False
    reach = max(lo, opener - _QUOTE_DATE_REACH)
    lead = _SENTENCE_STOP.search(prose, reach, opener)
    begin = lead.end() if lead is not None else reach
    if _VERBATIM.search(prose, begin, opener) is not None:
        return True  # "We give it exactly as he wrote it:": its spelling stays
    years = _dated_years(prose, begin, opener)
    if (
        not years
        and lead is not None
        and len(prose[begin:opener].split()) <= _SHORT_LEAD
        and _NOW.search(prose, begin, opener) is None
    ):
        # A short lead-in that points back ("It reads, in full:") is dated
        # by the sentence before it when that one dates a document ("… a
        # telegram stamped on 3 February 1919."); "The bridge opened in
        # 1976. A sign on it reads: …" quotes today's sign.
        before = _SENTENCE_STOP.search(prose, reach, lead.start())
        lo_before = before.end() if before else reach
        if _DOCUMENT_DATED.search(prose, lo_before, lead.start()):
            years = _dated_years(prose, lo_before, lead.start())
    return bool(years) and max(years) <= 1991


#: A lead-in that gives the quotation as it was written, whatever its date.
_VERBATIM = later_regex(
    r"(?i)(?<![\w])(?:exactly[ \t]+as[ \t]+(?:he|she|they|it|we)[ \t]+"
    r"(?:wrote|typed|printed|wrote[ \t]+it|typed[ \t]+it|printed[ \t]+it)"
    r"|as[ \t]+(?:it[ \t]+was[ \t]+)?(?:written|printed)|verbatim"
    r"|word[ \t]+for[ \t]+word|unedited)(?![\w])"
)
#: The most words of a lead-in that the sentence before it may date.
_SHORT_LEAD = 8
#: Words that date a document, in the sentence before a short lead-in.
_DOCUMENT_DATED = later_re(
    r"(?i)\b(?:dated|sent|written|wrote|signed|stamped|issued|posted|delivered"
    r"|telegram|letter|cable|memo|memorandum|order|decree|diary|postcard"
    r"|leaflet|notice|manifest|dispatch|note|permit|passport|visa"
    r"|certificate|deed|receipt|ticket|petition|contract|brochure|pamphlet"
    r"|poster|affidavit)\b"
)


def _dated_years(prose: str, begin: int, end: int) -> list[int]:
    """The years ``prose[begin:end]`` names as dates (not "since 1991")."""
    return [
        int(m.group(1))
        for m in _YEAR.finditer(prose, begin, end)
        if not _SINCE.search(prose, max(begin, m.start() - 8), m.start())
    ]


#: "since" before a year: a span up to now, not a date.
_SINCE = later_re(r"since[ \t]+(?:the[ \t]+)?\Z")


#: Right before a quotation, words that make it a title, a headline or a
#: caption: "headlined its article", "under the caption", "titled".
_TITLE_LEAD = later_regex(
    r"(?i)(?<![\w-])(?:(?:headlined|captioned|titled|entitled|subtitled)"
    r"(?:[ \t\u00a0]+(?:its|the|their|his|her|an?)[ \t\u00a0]+\w+)?"
    r"|(?:the|a|its|their|his|her|under[ \t\u00a0]+the)[ \t\u00a0]+"
    r"(?:headline|caption|title|subtitle|subject[ \t\u00a0]+line))"
    r"[ \t\u00a0]*[,:]?[ \t\u00a0]*\Z"
)
#: Right after a quotation's closer, a reference's full date: ', 4 June
#: 2025', ', June 4, 2025'.
_DATE_AFTER_TITLE = later_regex(
    r"[ \t\u00a0]*[,.;][ \t\u00a0]*(?:\d{1,2}[ \t\u00a0]+\p{Lu}\p{Ll}+[ \t\u00a0]+\d{4}"
    r"|\p{Lu}\p{Ll}+[ \t\u00a0]+\d{1,2},[ \t\u00a0]+\d{4})(?!\w)"
)
#: Right before a cited title's opener: its source and a comma
#: ("Novaya Volna, “…”").
_SOURCE_BEFORE_TITLE = later_regex(r"\p{Lu}[\p{L}.'’-]*,[ \t\u00a0]*\Z")
#: How far a title's quotation may run.
_QUOTED_TITLE_REACH = 240
_CLOSERS = {"“": "”", "„": "“", "«": "»", '"': '"'}


def dated_title(prose: str, start: int, end: int) -> bool:
    """True when the name at ``start:end`` ends or stands in a title set in
    capitals and dated in brackets, a work's as printed: "The Last Train
    from Kharkov (2024)" in a film listing. At least two other capitalised
    words make the title ("Letters from Lvov (1987)" has too few to tell
    from a sentence's "Trips to Lvov (2019)"); its short words may be lower
    case."""
    year = _YEAR_AFTER_TITLE.search(prose, end, end + _DATED_TITLE_REACH)
    if year is None or not _TITLE_TAIL.fullmatch(prose, end, year.start()):
        return False
    run = _TITLE_RUN.search(prose, max(0, start - _DATED_TITLE_REACH), start)
    if run is None:
        return False
    capitals = [w for w in run.group().split() if w[:1].isupper()]
    return (
        len(capitals)
        + len([w for w in prose[end : year.start()].split() if w[:1].isupper()])
        >= _TITLE_CAPITALS
    )


#: A work's year in brackets after its title: " (2024)".
_YEAR_AFTER_TITLE = later_regex(r"[ \t]\((?:1[89]|20)\d\d\)")
#: A word of a title: capitalised, or one of its short words.
_TITLE_WORD = r"(?:[A-Z][\w'’-]*|a|an|the|of|from|in|on|at|to|for|and|with)"
#: Words of a title up to a name.
_TITLE_RUN = later_regex(rf"(?:{_TITLE_WORD}[ \t]+)+\Z")
#: The rest of a title after the name, to its year.
_TITLE_TAIL = later_regex(rf"(?:[ \t]+{_TITLE_WORD})*")
_DATED_TITLE_REACH = 80
#: Capitalised words of a title besides the name.
_TITLE_CAPITALS = 2


def quoted_title(prose: str, lo: int, start: int) -> bool:
    """True when the name at ``start`` stands in a quotation that is a
    title, a headline or a caption as printed: led in as one ("headlined
    its article “…”", "under the caption “…”") or cited with its date
    ("Novaya Volna, “…”, 4 June 2025"). A work's title keeps its words,
    where speech is the reporter's to spell."""
    opener = _open_quotation(prose, max(lo, start - _QUOTE_REACH), start)
    if opener < 0 or start - opener > _QUOTED_TITLE_REACH:
        return False
    if _TITLE_LEAD.search(prose, max(lo, opener - 48), opener) is not None:
        return True
    if _SOURCE_BEFORE_TITLE.search(prose, max(lo, opener - 48), opener) is None:
        return False
    closer = prose.find(_CLOSERS[prose[opener]], start, start + _QUOTED_TITLE_REACH)
    return (
        closer >= 0
        and "\n" not in prose[start:closer]
        and _DATE_AFTER_TITLE.match(prose, closer + 1) is not None
    )


def _open_quotation(prose: str, lo: int, start: int) -> int:
    """Where the quotation that holds ``start`` opens (after ``lo``), or -1:
    the last curly or low opener not closed before ``start``, or the last
    straight mark when an odd number of them stand before it."""
    curly = max(prose.rfind(mark, lo, start) for mark in "“„«")
    if curly >= 0 and _closes_before(prose, curly, start):
        curly = -1
    straight = prose.rfind('"', lo, start)
    if straight >= 0 and prose.count('"', lo, start) % 2 == 0:
        straight = -1
    return max(curly, straight)


def _closes_before(prose: str, opener: int, start: int) -> bool:
    """Whether the quotation opened at ``opener`` is closed before ``start``."""
    closer = {"“": "”", "„": "“", "«": "»"}[prose[opener]]
    return prose.find(closer, opener + 1, start) >= 0


def historical_event(prose: str, start: int, end: int) -> bool:
    """True when the place at ``start:end`` names a past event dated up to
    1991. "Battle of", "Treaty of": the first date after it on its line ("the
    Battle of Kharkov in May 1942"), else the last before it ("In 1941, the
    Battle of Kiev"); "The Battle of Kiev in 2022 was the worst since 1945"
    is dated 2022. A noun after it ("the Kharkov trial"): only its own date
    ("of 1943", "the 1943 Kharkov trial"), or one earlier in a sentence that
    names it ("known as the Kharkov trial"); "the Kharkov offensive, the
    biggest since 1943" is not dated."""
    event = _EVENT_BEFORE.search(prose, max(0, start - 40), start)
    if event is not None and event.group(1) in _EVENTS:
        first = event.start()
    elif (named := _EVENT_AFTER.match(prose, end)) is not None:
        # "the Kharkov trial of 1943", "the 1943 Kharkov trial": its own
        # date, not a year elsewhere in the sentence ("since 1943").
        dated = _DATE_AFTER.match(prose, named.end()) or _YEAR_BEFORE.search(
            prose, max(0, start - 12), start
        )
        if dated is not None:
            return int(dated.group(1)) <= 1991
        if _NAMED_AS.search(prose, max(0, start - 24), start) is None:
            return False
        # "In December 1943 ... what became known as the Kharkov trial": a
        # sentence that names the event dates it.
        return _dated_before(prose, start, start)
    else:
        return False
    line_end = prose.find("\n", end, end + _DATE_REACH)
    after = _DATED.search(prose, end, line_end if line_end >= 0 else end + _DATE_REACH)
    if after is not None:
        return int(after.group(1)) <= 1991
    return _dated_before(prose, first, start)


def _dated_before(prose: str, first: int, start: int) -> bool:
    """The last date from the start of the sentence holding ``first`` up to
    ``start`` is up to 1991."""
    lo = _sentence_start(prose, first, _SENTENCE_REACH)
    before = list(_DATED.finditer(prose, lo, start))
    return bool(before) and int(before[-1].group(1)) <= 1991


def _sentence_start(prose: str, at: int, reach: int) -> int:
    """Where the sentence holding ``at`` begins, looked for at most
    ``reach`` characters back and never before its line."""
    lo = max(0, at - reach)
    line_feed = prose.rfind("\n", lo, at)
    lo = line_feed + 1 if line_feed >= 0 else lo
    hi = at
    while (stop := _SENTENCE_STOP.search(prose, lo, hi)) is not None:
        if prose[stop.start()] != "." or not abbreviated(prose, stop.start(), lo):
            return stop.end()
        hi = stop.start()  # "Gen. Kirponos": an abbreviation ends no sentence
    return lo


def in_title(prose: str, start: int) -> bool:
    """True when the place at ``start`` ends a run of capitalised words (and
    the small words a title keeps) opened by a capitalised article in
    mid-sentence, with a capitalised word between, and the place follows a
    capitalised word or "of": "reached The Great Gate of Kiev". A sentence's
    own first "The" tells nothing, nor a newspaper's name before a
    preposition ("a correspondent for The Guardian in Kiev")."""
    words = prose[max(0, start - 80) : start].split(" ")
    if not words or words[-1] != "":
        return False  # the place follows one space
    words.pop()
    if words and words[-1] != "of" and not words[-1][:1].isupper():
        return False
    capitals = 0
    while words:
        word = words.pop()
        if word in _TITLE_ARTICLES:
            if not capitals or not words:
                return False
            before = words[-1]
            return (
                bool(before)
                and before[-1] not in _SENTENCE_END
                and (before[0].islower() or before[-1] == ",")
            )
        if word[:1].isupper() and word.isalpha():
            capitals += 1
        elif word not in _TITLE_SMALL:
            return False
    return False


def placed_elsewhere(prose: str, spelling: str, elsewhere: regex.Pattern[str]) -> bool:
    """True when some use of ``spelling`` in ``prose``, in title case or in
    capitals too, is followed by a region of elsewhere ("In Odessa, Texas,
    hotels are full"): the document is about that town, so its other uses
    ("officials in Odessa say") are too. A pass over the prose:
    ``names.PlacedElsewhere`` keeps the answer per document."""
    forms = dict.fromkeys((spelling, spelling.capitalize(), spelling.upper()))
    return any(
        elsewhere.match(prose, end)
        for form in forms
        for _, end in _whole_uses(prose, form)
    )


def datelined_elsewhere(
    prose: str, spelling: str, elsewhere: regex.Pattern[str]
) -> bool:
    """True when the document opens with a dateline that puts ``spelling``
    in another country ("ODESSA, Texas, March 4 —", "Odessa, Texas (AP) —"):
    the story is told from there, whatever else it names. A dateline is in
    capitals or ends in a dash or an agency's bracket on its line; a first
    sentence that starts with the town ("Odessa, Texas, is named after the
    port") is no dateline."""
    at = 0
    while at < len(prose) and prose[at].isspace():  # no copy of a long text
        at += 1
    end = at + len(spelling)
    if prose[at:end].casefold() != spelling.casefold():
        return False
    if end < len(prose) and prose[end].isalnum():
        return False
    region = elsewhere.match(prose, end)
    if region is None:
        return False
    rest = prose[region.end() : region.end() + 40].split("\n", 1)[0]
    return prose[at:end].isupper() or any(mark in rest for mark in _DATELINE_ENDS)


#: What ends a dateline: a dash, or an agency's name in brackets.
_DATELINE_ENDS = ("—", "–", " - ", "(")


def named_after_a_word(prose: str, spelling: str) -> bool:
    """True when some whole use of ``spelling`` in ``prose`` follows a
    capitalised word that makes it another name ("Prince Georgy Lvov",
    "singer Igor Nikolaev"): for a spelling that also names people, its bare
    uses in that document are that person's ("Lvov later emigrated"). A
    pass over the prose: ``names.NamedAfterAWord`` keeps it per document."""
    capitals = spelling.isupper()
    for at, _ in _whole_uses(prose, spelling):
        before = _WORD_BEFORE.search(prose, max(0, at - 60), at)
        if before is None:
            continue
        word = before.group(1)
        if capitals and word.isupper():
            # A headline in capitals: "LINKS TO LVOV" is the city.
            if word.capitalize() not in _LEADS_OR_PARTS:
                return True
        elif _makes_name(prose, before.start(), word):
            return True
    return False


def named_as_work(prose: str, spelling: str) -> bool:
    """True when some whole use of ``spelling`` follows a kind of work or
    ship that makes it a title ("the Soviet aircraft carrier Kiev"): in that
    document "the Kiev" is the same ship or work ("the Kiev drew 400,000
    visitors"). A pass over the prose: ``names.NamedAsWork`` keeps it."""
    return any(
        _WORK_BEFORE.search(prose, max(0, at - 60), unmasked_start(prose, at))
        is not None
        for at, _ in _whole_uses(prose, spelling)
    )


#: A lower-case "the" and the space after it (wider where markup was masked).
_THE_BEFORE = later_re(r"(?<![^\W_])the[ \t\u00a0\n]+\Z")
#: The same, or a sentence's "The".
_ANY_THE_BEFORE = later_re(r"(?<![^\W_])[Tt]he[ \t\u00a0\n]+\Z")


def unmasked_start(prose: str, start: int) -> int:
    """``start`` moved back past the fillers right before it: masked
    emphasis around a name ("the *Kiev*") is no word between it and the
    words before."""
    while start > 0 and prose[start - 1] == FILLER:
        start -= 1
    return start


def after_the(prose: str, start: int, *, sentence_start: bool = False) -> bool:
    """True when a lower-case "the" stands right before ``start`` (a
    mid-sentence "the Kiev": a thing named after the city, or its
    attribute, "the Kiev office"; never the city itself), past the fillers
    that stand for masked emphasis ("the *Kiev*"); with ``sentence_start``,
    a sentence's "The" too."""
    start = unmasked_start(prose, start)
    pattern = _ANY_THE_BEFORE if sentence_start else _THE_BEFORE
    return pattern.search(prose, max(0, start - 12), start) is not None


#: Nouns a city's name is the attribute of ("the Kiev mayor", "the Kiev
#: office"): after "the", the name is still the city's.
_CIVIC_AFTER = frozenset(
    {"government", "mayor", "authorities", "authority", "administration",
     "region", "oblast", "office", "offices", "metro", "council", "city",
     "police", "court", "regime", "branch", "bureau", "embassy", "station",
     "airport", "residents", "area", "suburbs", "district", "team", "club"}
)  # fmt: skip
_NEXT_WORD = later_regex(r"[ \t\u00a0]+(\p{Ll}+)")


#: Manufactured things named after a place, right after its old spelling
#: ("Dnepr motorcycles", "a Kiev camera", "the Dnepr rocket"), or a model's
#: number joined to it ("the Kiev-88", "the Kiev 88CM", "the Dnepr MT-11"):
#: a make or a model, whose name is not the writer's to mend. A number of
#: days or people after a place ("left Odessa 10 years ago") is no model's.
_PRODUCT_AFTER = later_re(
    r"[-–]\d{1,4}(?![\w])"
    r"|[ \t\u00a0](?:\d{1,3}[A-Z]{0,3}|[A-Z]{1,3}-?\d{1,4}[A-Z]?)(?![\w.,:/-]\w)\b"
    r"(?![ \t\u00a0]*(?:years?|months?|weeks?|days?|hours?|minutes?|km|miles"
    r"|metres?|meters?|times|people|per|percent|%))"
    r"|[ \t\u00a0]+(?i:motorcycles?|motorbikes?|sidecars?"
    r"|rockets?|launchers?|tractors?|cameras?|lens|lenses|rangefinders?"
    r"|engines?|carburettors?)\b"
)


#: A work's kind in apposition after its title, which ends with the place
#: ("The Last Tram to Lvov, a novel by …").
_WORK_AFTER = later_re(
    r",[ \t\u00a0]+(?:a|an|the|his|her|their)[ \t\u00a0]+(?:[\w-]+[ \t\u00a0]+){0,2}"
    r"(?:novel|film|book|memoir|play|documentary|album|song|poem|opera|series"
    r"|musical|painting|story|collection|short story)\b"
)


def titles_a_work(prose: str, end: int) -> bool:
    """True when a work's kind stands in apposition right after the place
    ending at ``end``: the place ends the work's title."""
    return _WORK_AFTER.match(prose, end) is not None


def names_a_product(prose: str, start: int, end: int) -> bool:
    """True when a product noun or a model's number follows the place at
    ``start:end``. A number after each item of a list is a tally, not a
    model ("Chornomorsk 11, Pivdennyi 9, Odessa 14")."""
    after = _PRODUCT_AFTER.match(prose, end)
    if after is None:
        return False
    if not after.group().strip()[:1].isdigit():
        return True  # "Dnepr motorcycles", "a Kiev-4": the make
    return (
        _TALLIED_BEFORE.search(prose, max(0, start - 48), start) is None
        and _TALLIED_AFTER.match(prose, after.end()) is None
    )


#: The item before (or after) a place in a list, with its own count: the
#: place's number is one of a tally.
_TALLIED_BEFORE = later_re(
    r"[^\W\d_][\w'’-]*[ \t\u00a0]+\d{1,4}[ \t]*[,;][ \t\u00a0]*\Z"
)
_TALLIED_AFTER = later_re(
    r"[ \t]*[,;][ \t\u00a0]*[^\W\d_][\w'’-]*[ \t\u00a0]+\d{1,4}(?!\w)"
)


#: Right before a place, a preposition of place or of a journey: what still
#: makes the make's name the city or the river ("moved to Kiev", "flew from
#: Odessa", "on the Dnepr"; not "on Kiev bodies").
_JOURNEY_BEFORE = later_re(
    r"(?<![\w])(?i:(?:in|near|outside|to|from|around|across|via|into)[ \t\u00a0]+"
    r"|(?:on|along|over|by|in|near|to|from|across)[ \t\u00a0]+the[ \t\u00a0]+)\Z"
)


def travelled(prose: str, start: int) -> bool:
    """True when a preposition of place or journey stands right before
    ``start``."""
    return _JOURNEY_BEFORE.search(prose, max(0, start - 12), start) is not None


def made_a_product(prose: str, spelling: str) -> bool:
    """Whether the document names a product after ``spelling`` somewhere
    ("The Kiev 88 is a camera"): its other uses that no place's preposition
    leads ("on Kiev bodies", "a sound Dnepr outfit") are the make too."""
    return any(
        names_a_product(prose, start, end)
        for start, end in _whole_uses(prose, spelling)
    )


def names_the_work(prose: str, start: int, end: int) -> bool:
    """True when "the" before the name and no civic noun after it make it
    the work or ship the document names ("the Kiev drew 400,000 visitors",
    "The Nikolaev was built in 1958" once the page has named "the freighter
    Nikolaev"), not the city's attribute ("the Kiev mayor")."""
    if not after_the(prose, start, sentence_start=True):
        return False
    after = _NEXT_WORD.match(prose, end)
    return after is None or after.group(1) not in _CIVIC_AFTER


#: Markup that opens an emphasised run right before a name: Markdown and
#: reST emphasis, HTML italics.
_EMPHASIS_OPENERS = ("*", "_", "<i>", "<em>", "<cite>")
_EMPHASIS_CLOSERS = ("*", "_", "</i>", "</em>", "</cite>")


def in_titled_run(text: str, prose: str, start: int, end: int) -> bool:
    """True when the name at ``start:end`` is a word of a title set apart
    on its line: an emphasised run of two or more words written as a title
    (capitalised words, numbers and the small words a title keeps; no
    sentence's end), "Hamm's *Kiev: A Portrait, 1800–1917*", "*The Last
    Tram to Kiev*", or such a run quoted ("the song “Evening over
    Odessa”"): its spelling is the work's. "*Kiev remains under curfew
    tonight.*", a bold "**Kiev, Ukraine**" and a quoted sentence are not; a
    bold title is one when its author's credit follows ("**Winter in
    Zaporozhye**, by Olena Sych").
    Emphasis is read in the source ``text``, where the prose view masks
    the markup; quotation marks in the prose."""
    lo, hi = line_around(text, start, end, _TITLE_REACH)
    for opener, closer in zip(_EMPHASIS_OPENERS, _EMPHASIS_CLOSERS, strict=True):
        if _titled(text, lo, start, end, hi, opener, closer, emphasis=True):
            return True
    for opener, closer in _STRONG_PAIRS:
        # A bold title with its author's credit ("**Winter in Zaporozhye**,
        # by Olena Sych"): a work; a bold "**Kiev, Ukraine**" is a dateline.
        marks = _marked_run(text, lo, start, end, hi, opener, closer)
        if (
            marks is not None
            and _CREDITED.match(text, marks[1] + len(closer)) is not None
            and _titled(text, lo, start, end, hi, opener, closer, emphasis=True)
        ):
            return True
    return any(
        _titled(prose, lo, start, end, hi, opener, closer, emphasis=False)
        for opener, closer in _TITLE_QUOTES
    )


def heading_of_a_work(doc: Document, start: int) -> bool:
    """True when the name at ``start`` is in a heading that titles a work
    the page sets in italics or quotes elsewhere: "### Night Train to
    Odessa (2019)" above "In *Night Train to Odessa*, a ...". A year in
    brackets after the title is the work's, not its."""
    block = doc.block_at(start)
    if block is None or block.kind != "heading":
        return False
    heading = doc.prose[block.start : block.end]
    title = _HEADING_YEAR.sub("", heading.strip(" \t#=*_")).strip()
    return len(title.split()) >= 2 and doc.get(CitedTitles)[title]


class CitedTitles(Analysis[ByKey[str, bool]]):
    """By a heading's words: whether the page cites them as a work's title
    (in italics, a citation or quotes) elsewhere. Searched once per distinct
    heading: a long page repeats its headings. A search its asker alone
    makes: each unit of checks that asks builds its own."""

    GROUPS = False

    @classmethod
    def compute(cls, doc: Document) -> ByKey[str, bool]:
        text = doc.text
        return ByKey(
            lambda title: any(
                f"{opener}{title}{closer}" in text for opener, closer in _CITING_PAIRS
            )
        )


#: A year in brackets closing a heading: "Night Train to Odessa (2019)".
_HEADING_YEAR = later_re(r"[ \t]*\((?:1\d|20)\d\d\)[ \t]*\Z")


#: How far back on its line a title holding a name may begin.
_TITLE_REACH = 120
#: Quotation marks around a title.
_TITLE_QUOTES = (("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»"))
#: What sets a work's title apart: quotation marks, emphasis, citation tags.
_CITING_PAIRS = (
    *_TITLE_QUOTES,
    *zip(_EMPHASIS_OPENERS, _EMPHASIS_CLOSERS, strict=True),
)
#: A day and a month, or a page's stamp: an emphasised caption or dateline
#: ("Updated 9 May 2025, Kiev"), not a work's title.
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October"
    "|November|December"
)
_STAMPED = later_regex(
    rf"(?<![\w])(?:\d{{1,2}}[ \t]+(?:{_MONTHS})|(?:{_MONTHS})[ \t]+\d{{1,2}}(?!\d)"
    r"|Updated|Published|Posted)(?![\w])"
)
#: Most words of a quoted title: a longer run is a sentence quoted.
_TITLE_WORDS = 8


def emphasised_run(
    text: str, lo: int, start: int, end: int, hi: int
) -> tuple[int, int] | None:
    """The (start, end) of the words of the emphasised run (Markdown or
    reST ``*…*``/``_…_``, HTML ``<i>``, ``<em>``, ``<cite>``) on
    ``text[lo:hi]`` that holds ``start:end``, or None: its opener is the
    last before the word that no like mark closes, its closer the first
    after it."""
    for opener, closer in zip(_EMPHASIS_OPENERS, _EMPHASIS_CLOSERS, strict=True):
        marks = _marked_run(text, lo, start, end, hi, opener, closer)
        if marks is not None:
            return marks[0] + len(opener), marks[1]
    return None


def _marked_run(
    text: str, lo: int, start: int, end: int, hi: int, opener: str, closer: str
) -> tuple[int, int] | None:
    """Where ``opener`` and ``closer`` stand around ``start:end`` on
    ``text[lo:hi]``: the last opener before the word that no like mark
    closes, the first closer after it (past an apostrophe's ’ or ')."""
    at = text.rfind(opener, lo, start)
    if at < 0 or (opener == closer and text.count(opener, lo, at) % 2):
        return None
    close = text.find(closer, end, hi)
    while close >= 0 and closer in "’'" and text[close + 1 : close + 2].isalpha():
        close = text.find(closer, close + 1, hi)  # Kiev’s: an apostrophe
    return None if close < 0 else (at, close)


def _titled(
    text: str,
    lo: int,
    start: int,
    end: int,
    hi: int,
    opener: str,
    closer: str,
    *,
    emphasis: bool,
) -> bool:
    """Whether ``opener`` … ``closer`` on the line ``lo:hi`` holds the word
    at ``start:end`` and two or more words in all, written as a title."""
    # No run when the last mark before the name closed one.
    marks = _marked_run(text, lo, start, end, hi, opener, closer)
    if marks is None:
        return False
    at, close = marks
    if text[at + len(opener) : at + len(opener) + 1].isspace():
        return False
    if emphasis and opener in ("*", "_") and text[at - 1 : at] == opener:
        return False  # strong emphasis: a bold dateline, a label
    if text[close - 1 : close].isspace():
        return False
    words = text[at + len(opener) : close].split()
    if len(words) < 2 or (not emphasis and len(words) > _TITLE_WORDS):
        return False
    if _STAMPED.search(text, at, close) is not None:
        return False  # *Rescue Workers in Kiev, 24 February 2025*: a caption
    return (
        not words[-1].endswith((".", "!", "?", ","))
        and words[0][:1].isupper()
        and all(
            w[0].isupper() or w[0].isdigit() or w in _TITLE_SMALL
            for w in words
            if w[0].isalnum()
        )
    )


#: Strong emphasis, which sets a title apart only with its credit after it.
_STRONG_PAIRS = (("**", "**"), ("__", "__"), ("<b>", "</b>"), ("<strong>", "</strong>"))
#: An author's credit after a title: ", by Olena Sych", " by A. Wierzbicki".
_CREDITED = later_regex(r",?[ \t]+by[ \t]+\p{Lu}")
#: Marks and markup that set a word apart as the word itself: quotation
#: marks, and emphasis (Markdown, reST, HTML) where the sentence speaks of
#: words.
_QUOTE_PAIRS = (
    ('"', '"'), ("“", "”"), ("‘", "’"), ("'", "'"), ("«", "»"), ("„", "“"),
)  # fmt: skip
_EMPHASIS_PAIRS = (("*", "*"), ("_", "_"), ("<i>", "</i>"), ("<em>", "</em>"))
#: Right before a quoted or emphasised name, words that name it as a word:
#: "the spelling", "the old name", "spelled", "pronounced".
_ABOUT_BEFORE = later_regex(
    r"(?i)(?<![\w-])(?:(?:the|its|their|an?|old|older|Russian|Ukrainian|English)"
    r"[ \t]+(?:(?:old|older|Russian|Ukrainian|English|official)[ \t]+)?"
    r"(?:spellings?|misspellings?|names?|forms?|words?|terms?|transliterations?"
    r"|romani[sz]ations?)|spelled|spelt|pronounced|written"
    # The word given as a spelling: "spelled the city as", "wrote it as".
    r"|(?:spelled|spelt|wrote|written|rendered|misspelled|misspelt|gave|given)"
    r"(?:[ \t]+(?:it|him|her|them|(?:the|its|his|her|their)[ \t]+\w+))?[ \t]+as)"
    r"[ \t]*[,:]?[ \t]*\Z"
)
#: Before a quotation alone (not emphasis, which stresses: "was referred to
#: *Kiev*"), words that cite its words: 'referred to "the Ukraine"'.
_CITED_BEFORE = later_regex(
    r"(?i)(?<![\w-])(?:referred[ \t]+to|called[ \t]+(?:it|him|her|them)"
    # A style note's instruction about the word: 'Do not write "the
    # Ukraine"', 'use "Kyiv" instead of "Kiev"'.
    r"|(?:do[ \t]+not|don['’]t|never|not)[ \t]+(?:write|use|say|type)"
    r"|instead[ \t]+of|rather[ \t]+than)[ \t]*\Z"
)
#: Right after one, an apposition that does: ", the romanisation of ...".
_ABOUT_AFTER = later_regex(
    r"(?i)[ \t]*(?:,|[ \t](?:is|was))[ \t]*(?:the|an?)[ \t]+"
    r"(?:(?:old|older|Russian|Ukrainian|English|official|Soviet)[ \t]+)?"
    r"(?:spelling|romani[sz]ation|transliteration|form|name)(?![\w-])"
)
#: How far before a name its naming words are looked for.
_ABOUT_REACH = 48


def mentioned_alone(text: str, start: int, end: int, fmt: str) -> bool:
    """True when the name at ``start:end`` is all a quotation or an
    emphasis holds, with words right beside it that name it as a word
    (``the spelling "Kiev"``, ``this guide used *Kharkov*, the
    romanisation``): the word named as a word, not used. Words elsewhere in
    the sentence ("broke the terms", "spelled out") do not count. "We flew
    to *Kiev*" stresses the city, "talks in “Kiev”" and "the so-called
    “Kiev” regime" scare-quote it, and strong emphasis (a bold dateline)
    is no mention; a plain-text draft has no emphasis (``fmt``). Read in
    the source ``text``."""
    pair = _enclosing(text, start, end, _QUOTE_PAIRS)
    quoted = pair is not None
    if pair is None and fmt != "plain":
        pair = _enclosing(text, start, end, _EMPHASIS_PAIRS)
    if pair is None:
        return False
    opener = start - len(pair[0])
    if _ABOUT_BEFORE.search(text, max(0, opener - _ABOUT_REACH), opener):
        return True
    if quoted and _CITED_BEFORE.search(text, max(0, opener - _ABOUT_REACH), opener):
        return True
    return _ABOUT_AFTER.match(text, end + len(pair[1])) is not None


def _enclosing(
    text: str, start: int, end: int, pairs: tuple[tuple[str, str], ...]
) -> tuple[str, str] | None:
    """The one of ``pairs`` that encloses exactly ``start:end`` (a single
    ``*`` or ``_``, not a doubled one) with no letter after its closer."""
    for opener, closer in pairs:
        if not (
            text.endswith(opener, max(0, start - len(opener)), start)
            and text.startswith(closer, end)
        ):
            continue
        before = start - len(opener) - 1
        after = end + len(closer)
        doubled = opener in "*_" and (
            (before >= 0 and text[before] == opener)
            or (after < len(text) and text[after] == closer)
        )
        if not doubled and not (after < len(text) and text[after].isalnum()):
            return opener, closer
    return None


def _whole_uses(prose: str, spelling: str) -> Iterator[tuple[int, int]]:
    """The spans of ``spelling`` in ``prose`` that are whole words, found
    with ``str.find`` (a C search): no letter or digit on either side."""
    size = len(spelling)
    at = prose.find(spelling)
    while at >= 0:
        end = at + size
        if (at == 0 or not prose[at - 1].isalnum()) and (
            end == len(prose) or not prose[end].isalnum()
        ):
            yield at, end
        at = prose.find(spelling, end)


def _makes_name(prose: str, at: int, word: str) -> bool:
    """True when ``word`` before a place joins it into another name: not a
    possessive ("Ukraine's Zaporizhzhia"), a part of the place ("Greater
    Odessa"), a day or month, nor a sentence's lead word."""
    return (
        not word.endswith(("'s", "’s"))
        and word not in _PARTS
        and word not in _CALENDAR
        and not _sentence_lead(prose, at, word)
    )


#: Days and months: a date before a place ("visited on Tuesday Charkiv")
#: joins no name to it.
_CALENDAR = frozenset(
    {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
     "Sunday", "January", "February", "March", "April", "May", "June", "July",
     "August", "September", "October", "November", "December"}
)  # fmt: skip


def _sentence_lead(prose: str, at: int, word: str) -> bool:
    """True when ``word`` at ``at`` opens its sentence and is a function
    word, a direction or a verb of a journey ("In Kiev", "Central Kiev",
    "Arrive Lwiw")."""
    i = at - 1
    while i >= 0 and prose[i] in " \t\u00a0":
        i -= 1
    opens = i < 0 or prose[i] in _SENTENCE_END
    return opens and (word in _LEADS or word in _JOURNEY_VERBS)


#: Verbs an itinerary or a travel story opens a sentence with before a
#: place ("Arrive Lwiw mid-morning", "Leaving Odessa, we ..."): no name's
#: part, unlike the capitalised words of a venue ("Hotel Kiev").
_JOURNEY_VERBS = frozenset(
    {"Arrive", "Arriving", "Leave", "Leaving", "Depart", "Departing", "Visit",
     "Visiting", "Explore", "Exploring", "Return", "Returning", "Reach",
     "Reaching", "Travel", "Travelling", "Traveling", "Drive", "Driving", "Fly",
     "Flying", "Transfer", "Continue", "Discover", "Tour", "Touring"}
)  # fmt: skip


def elsewhere_pattern(regions: Iterable[str]) -> regex.Pattern[str] | None:
    """What follows a place of the same name elsewhere: a comma or bracket,
    then within the clause one of ``regions`` ("Odessa, Texas", "Odessa, a
    city in West Texas", "Odessa (Missouri)"), or "in" and a region with at
    most one word before it ("Midland and Odessa in West Texas")."""
    # Longest first, ties by name: the same pattern in every process.
    names = sorted(
        {r.strip() for r in regions if r.strip()}, key=lambda n: (-len(n), n)
    )
    if not names:
        return None
    body = "|".join(regex_programs.escape(n) for n in names)
    return regex_programs.compiled(
        rf"(?:[ \t]*[,(][ \t]*(?:[^\n.;:!?,()]{{0,40}}?[ \t])?"
        rf"|[ \t]+in[ \t]+(?:\p{{Lu}}\p{{Ll}}+[ \t]+)?)(?:{body})(?![\p{{L}}])"
    )
