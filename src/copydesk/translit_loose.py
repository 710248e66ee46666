"""More readings of a name for the ``variants`` check: the systems the strict
key (``translit.keys``) does not fold, each as an alternative key.

The strict key keeps ``names`` precise; ``variants`` only pairs spellings that
already appear together in one document and guards them further, so it can
afford these readings, each written from the systems' tables:

- Ukrainian passport romanisation writes г as ``g`` (Ganna for Hanna), ISO 9
  and the scholarly system write х as ``h`` or ``x`` (Harkiv, Myxajlo);
- French writes ж as ``j`` (Jytomyr, Soljenitsyne);
- an initial е/є is ``Ye``, ``Ie``, ``Je`` or plain ``E`` (Yerevan, Erevan);
- Polish softens е to ``ie`` after a consonant (Dniepr, Chmielnicki) and writes
  ``-cki`` for -цкий (Chmielnicki, Khmelnytsky);
- Belarusian surnames end in ``-enka`` where Russian has ``-enko``
  (Lukashenka, Lukashenko);
- ISO 9 and Polish write ц as ``c`` (Hmelʹnicʹkij), French ends names in
  ``-yne`` (Soljenitsyne);
- Turkish (and Azerbaijani) writes ч as ``ç`` and ш as ``ş`` (Çumak for
  Chumak, Şevçenko for Shevchenko), which the strict fold reads as French ç;
- German writes an umlaut out as ``e`` after its vowel where the letter is
  missing (Mueller for Müller, Schroeder for Schröder), which the strict
  fold reads as the plain vowel;
- Russian е after a vowel, in the -ев of surnames, is ``ye`` (BGN), ``je``
  (German, Polish) or plain ``e`` (Tokayev, Tokajew, Tokaev; Sergeyev,
  Sergeev); elsewhere ye is as likely a Western name's (Reyes, Rees).

Chinese and Korean names made of romanised syllables get pinyin and Revised
Romanization keys (``e:``), blind to aspiration (Wade-Giles Tse-tung is
Zedong, McCune-Reischauer Pusan is Busan).

Arabic romanisations (ق as q, k or g; ذ and ض as dh, d or z; vowels the
script does not write) get keys of their own kind (``a:`` prefix): they pair
only with each other, and ``variants`` asks more of such a pair (see
``arabic_marked``).
"""

from __future__ import annotations

import functools
import re

from copydesk import translit
from copydesk.lazy_patterns import later_re

#: Single readings, each an alternative of the strict folded form (before
#: the strict key's clusters and letter merges are applied to it).
_READINGS: tuple[tuple[re.Pattern[str], str], ...] = (
    (later_re(r"(?<![ckzs])h"), "g"),
    (later_re(r"(?<![ckzs])h"), "kh"),
    (later_re(r"x"), "kh"),
    (later_re(r"(?<!d)j"), "zh"),
    (later_re(r"^[yij]e"), "e"),
    (later_re(r"(?<=[bdfgklmnprstvwz])ie"), "e"),
    (later_re(r"(?<=[aeiouy])cki$"), "tsky"),
    (later_re(r"enka$"), "enko"),
    (later_re(r"(?<=y)ne$"), "n"),
    (later_re(r"(?<=[aeiou])[yj]e(?=[vw])"), "e"),
)
#: Letters every match of each reading holds, in order: a form without
#: them is read as it is, with no call of the pattern. A name asks 36
#: readings of one or two forms and most find nothing (the 8,471 candidate
#: words of 8 MB of news: 300,000 calls of ``sub``).
_NEEDLES = ("h", "h", "x", "j", "e", "ie", "cki", "enka", "ne", "e")
#: The readings applied all at once (without the two of h, which exclude
#: each other): Soljenitsyne needs both j and -yne, Chmielnicki ie and -cki.
_COMBINED = tuple(
    (pattern, reading, needle)
    for (pattern, reading), needle in zip(_READINGS, _NEEDLES, strict=True)
    if reading not in ("g", "kh") or pattern.pattern == "x"
)
#: ISO 9 and Polish write ц as c, also before k (Hmelʹnicʹkij), where the
#: strict fold reads German ck.
_C_AS_TS = later_re(r"c(?!h)", re.IGNORECASE)
#: A c that is no part of a ch, sc or cc, in a folded (lower-case) token:
#: those are their own sounds (Moscicki, Ricci), not a č with its hook lost.
_LONE_C = later_re(r"(?<![sc])c(?!h)")
#: The Arabic reading: consonants the systems spell differently, then the
#: vowels folded to the script's three.
_ARABIC = (
    # Ta marbuta written -a, -ah or -eh (Haniya, Haniyeh; Fatima, Fatimah).
    (later_re(r"(?<=[aei])h$"), ""),
    (later_re(r"dh|dd|zz"), "d"),
    (later_re(r"th"), "t"),
    (later_re(r"kh|gh|[gqk]"), "k"),
    (later_re(r"ou|o"), "u"),
    (later_re(r"[ei]"), "a"),
    (later_re(r"y$"), "i"),
)
#: One syllable of a Chinese (pinyin, Wade-Giles) or Korean (Revised,
#: McCune-Reischauer) romanisation, folded: initial, vowel, final.
_EA_SYLLABLE = (
    r"(?:zh|ch|sh|hs|ts|tz|kk|tt|pp|ss|jj|[bpmfdtnlgkhjqxrzcswy])?"
    r"(?:iang|iong|uang|iao|ian|uai|uan|yeo|yae|wae|ia|ie|iu|ua|ui|uo|ao|ai|ei|"
    r"ou|ae|eo|eu|ya|yo|yu|ye|wa|wo|we|wi|oe|a|e|i|o|u)"
    r"(?:ng|n|m|l|k|p|t|h)?"
)
_EAST_ASIAN = later_re(rf"(?:{_EA_SYLLABLE}){{1,3}}")
#: Wade-Giles and McCune-Reischauer to pinyin and Revised Romanization,
#: blind to aspiration (which writers drop with its apostrophe): hs is x,
#: ts z, -ung -ong, -ieh -ie, -ien -ian, ch before i j (q is j too); Korean
#: eo and eu are o and u.
_EA_READING = (
    (later_re(r"hs"), "x"),
    (later_re(r"ts|tz"), "z"),
    (later_re(r"(?<!e)ung(?![aeiou])"), "ong"),
    (later_re(r"ieh"), "ie"),
    (later_re(r"ien"), "ian"),
    (later_re(r"eo"), "o"),
    # Wade-Giles ch before i is pinyin j or q (Chiang, Jiang; Urumchi, Urumqi).
    (later_re(r"ch(?=i)"), "j"),
    (later_re(r"ch"), "zh"),
    (later_re(r"p"), "b"),
    (later_re(r"t"), "d"),
    (later_re(r"k"), "g"),
    (later_re(r"q"), "j"),
)

#: Spellings only an Arabic romanisation writes: q not before u, dh, gh,
#: the -ullah/-allah and -uddin of compound names, a ta marbuta written -eh
#: after i or y (Haniyeh, Ruqiyeh), and the shapes of the
#: commonest Arabic names (Mohammed, Ahmed, Abd, Abu).
_ARABIC_MARK = later_re(
    r"q(?!u)|dh|gh|[ua]llah\b|uddin\b|[iy]eh$|^m[ou]hamm?[ae]d|^ahm[ae]d|^abd|^abu",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=65536)
def loose_keys(token: str) -> frozenset[str]:
    """The strict keys of ``token`` and of each alternative reading."""
    folded = translit.fold(token)
    if not folded:
        return frozenset()
    found = set(translit.keys(token))
    for form in {folded, translit.fold(_C_AS_TS.sub("ts", token))}:
        # The form as it is: the readings that cannot all match at once
        # (-cki, -enka, -yne) leave it so.
        found |= translit.keys(form)
        for (pattern, reading), needle in zip(_READINGS, _NEEDLES, strict=True):
            if needle in form:
                found |= translit.keys(pattern.sub(reading, form))
        combined = form
        for pattern, reading, needle in _COMBINED:
            if needle in combined:
                combined = pattern.sub(reading, combined)
        found |= translit.keys(combined)
    for table in (_TURKISH_READING, _UMLAUT_WRITTEN_OUT, _DJ_WRITTEN_OUT):
        read = token.translate(table)
        if read != token:
            found |= translit.keys(read)
    given = _GIVEN_FORMS.get(folded)
    if given is not None:
        found.add(f"g:{given}")
    if folded.endswith("ic"):
        # A South Slavic surname with its hooks dropped: Vucic for Vučić
        # (folded vuchic), Doncic for Dončić. Both read every lone c as č,
        # spelled tsch, which has no other reading (a ch may be h or k).
        # Only in an -ić name: Carney read so would be Charney.
        found |= translit.keys(_LONE_C.sub("tsch", folded))
    return frozenset(found | arabic_keys(folded) | east_asian_keys(token))


#: Turkish ç and ş, read as the ch and sh of an English romanisation.
_TURKISH_READING = str.maketrans({"ç": "ch", "ş": "sh", "Ç": "Ch", "Ş": "Sh"})
#: South Slavic đ written out as dj (Djordjevic for Đorđević), which the
#: strict fold reads as a plain d.
_DJ_WRITTEN_OUT = str.maketrans({"đ": "dj", "Đ": "Dj"})
#: One East Slavic given name in the romanisations a translated draft mixes:
#: the Ukrainian national one, the Russian form's English spelling, and the
#: forms between (Dmytro and Dmitry, Oleksandr and Oleksander, Mykola and
#: Nikolai, Olena and Elena), each folded. No key joins them: the Russian
#: form is another name's spelling. A given name still counts only where the
#: surnames after its spellings agree (``variants``), so Dmitry Kovalenko
#: and Dmytro Kovalenko are one man, Dmitry Peskov and Dmytro Kuleba two.
#: Not the forms that are common English names of their own (Anna, Maria,
#: Julia, Roman, Victor, Alexander): an English Julia is no Yuliia.
_GIVEN_CLASSES = (
    "oleksandr oleksander olexandr olexander aleksandr",
    "dmytro dmitry dmitri dmitriy dmytriy dmitrii",
    "serhiy serhii sergiy sergii sergey sergei serhij",
    "mykola nikolai nikolay mikola",
    "volodymyr vladimir wolodymyr",
    "oleksiy oleksii olexiy aleksei alexei aleksey alexey",
    "andriy andrii andrei andrey andrij",
    "mykhailo mykhaylo mikhail mychajlo",
    "petro pyotr",
    "olena elena yelena jelena",
    "tetiana tetyana tatiana tatyana tatjana",
    "nataliia nataliya natalya natalja",
    "iryna irina",
    "kateryna ekaterina yekaterina",
    "halyna galina",
    "liudmyla lyudmila ludmila lyudmyla",
    "hennadiy hennadii gennady gennadiy gennadi",
    "yevhen yevgeny yevgeniy evgeny evgeniy ievgen jewhen",
    "ihor igor",
    "denys denis",
    "maksym maxim maksim",
    "kostiantyn kostyantyn konstantin",
    "vasyl vasily vasiliy vasili",
    "hryhoriy hryhorii grigory grigoriy",
    "pavlo pavel",
    "bohdan bogdan",
    "svitlana svetlana",
    "larysa larisa",
    "valentyna valentina",
)
_GIVEN_FORMS = {
    form: line.split()[0] for line in _GIVEN_CLASSES for form in line.split()
}
#: German ä, ö and ü written out as ae, oe and ue.
_UMLAUT_WRITTEN_OUT = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
)


@functools.lru_cache(maxsize=65536)
def east_asian_keys(token: str) -> frozenset[str]:
    """The pinyin or Revised Romanization key of a name written in Chinese
    or Korean syllables (Tse-tung and Zedong, Pusan and Busan), prefixed
    ``e:``; nothing for a token that is not such syllables."""
    plain = re.sub(r"[-'’ʼ]", "", token.lower())
    plain = plain.replace("ŏ", "eo").replace("ŭ", "eu")
    if not plain.isascii() or _EAST_ASIAN.fullmatch(plain) is None:
        return frozenset()
    for pattern, reading in _EA_READING:
        plain = pattern.sub(reading, plain)
    return frozenset({"e:" + plain})


def arabic_keys(folded: str) -> frozenset[str]:
    """The Arabic-reading key of a folded token, prefixed ``a:``."""
    text = folded
    for pattern, reading in _ARABIC:
        text = pattern.sub(reading, text)
    return frozenset({"a:" + re.sub(r"(.)\1+", r"\1", text)})


def arabic_marked(token: str) -> bool:
    """True when ``token`` is spelled as only an Arabic romanisation spells."""
    return _ARABIC_MARK.search(token) is not None
