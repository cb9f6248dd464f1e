"""Organisations: known names, ministries and bodies by their head noun, governments.

``the MFA`` in a Moscow cable is the Russian Ministry of Foreign Affairs, ``GOR`` the
Government of Russia, ``the Bolivian government`` the Government of Bolivia; ``Israeli
Embassy``, ``Federation Council``, ``Pakistan Muslim League-Nawaz`` come from the
capitalised words before a head noun (Embassy, Council, League ...).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from itertools import accumulate
from typing import Final

from cablekit.extract.lexicon import english_words, lexicon
from cablekit.extract.titles import HEADS as TITLE_HEADS
from cablekit.extract.zone import has_case_odd

# countries whose English name takes "the": "the Government of the Netherlands"
_THE_COUNTRY: Final = re.compile(
    r"(?:United|Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros|Seychelles)\b"
    r"|.*\b(?:Republic|Islands|Emirates|Kingdom|States|Territory)\b"
)


def government_of(country: str) -> str:
    """The name of a country's government as the cables' readers write it: "Government of
    Spain", "Government of the United Kingdom"."""
    the = "the " if _THE_COUNTRY.match(country) else ""
    return f"Government of {the}{country}"


# a body the glossary spells one way and the text (or a GO<X>) another: one organisation,
# by the second name ("HMG" is the government "the British government" names)
ALIASES: Final = {"Her Majesty's Government": government_of("United Kingdom")}

# Organisations cables name without a head noun (parties, groups, companies, media).
KNOWN: Final = {
    "Hamas": "Hamas",
    "HAMAS": "Hamas",
    "Hizballah": "Hizballah",
    "Hezbollah": "Hizballah",
    "Hizbollah": "Hizballah",
    "Taliban": "Taliban",
    "Fatah": "Fatah",
    "al-Qaida": "al-Qaida",
    "al-Qaeda": "al-Qaida",
    "Al-Qaida": "al-Qaida",
    "Al Qaeda": "al-Qaida",
    "al Qaeda": "al-Qaida",
    "Al-Qaeda": "al-Qaida",
    "Duma": "State Duma",
    "State Duma": "State Duma",
    "Knesset": "Knesset",
    "Majlis": "Majlis",
    "Rada": "Rada",
    "Sejm": "Sejm",
    "Bundestag": "Bundestag",
    "Pentagon": "Department of Defense",
    "Kremlin": "Kremlin",
    "Gazprom": "Gazprom",
    "Itamaraty": "Brazilian Ministry of External Relations",  # its seat's name
    "Rosneft": "Rosneft",
    "Lukoil": "Lukoil",
    "Petrobras": "Petrobras",
    "Repsol": "Repsol",
    "REPSOL": "Repsol",
    "PDVSA": "PDVSA",
    "Pemex": "Pemex",
    "PEMEX": "Pemex",
    "Interpol": "Interpol",
    "INTERPOL": "Interpol",
    "Red Cross": "Red Cross",
    "Red Crescent": "Red Crescent",
    "World Bank": "World Bank",
    "Quartet": "Quartet",
    "Minsk Group": "Minsk Group",
    "Likud": "Likud",
    "Kadima": "Kadima",
    "Mossad": "Mossad",
    "FSB": "Federal Security Service",
    "KGB": "KGB",
    "GRU": "GRU",
    "Al Jazeera": "Al Jazeera",
    "Al-Jazeera": "Al Jazeera",
    "BBC": "BBC",
    "CNN": "CNN",
    "Reuters": "Reuters",
    "AFP": "Agence France-Presse",
    "Xinhua": "Xinhua",
    "ITAR-TASS": "ITAR-TASS",
    "Interfax": "Interfax",
    "RIA Novosti": "RIA Novosti",
    "New York Times": "New York Times",
    "Washington Post": "Washington Post",
    "Financial Times": "Financial Times",
    "Wall Street Journal": "Wall Street Journal",
    "Kommersant": "Kommersant",
    "Vedomosti": "Vedomosti",
    "Izvestiya": "Izvestiya",
    "Hizb ut-Tahrir": "Hizb ut-Tahrir",
    "Muslim Brotherhood": "Muslim Brotherhood",
    "Vatican": "Holy See",
    "Holy See": "Holy See",
    "Congress": "United States Congress",
    "White House": "White House",
    "WHITE HOUSE": "White House",
    "Tatmadaw": "Tatmadaw",
    "Janjaweed": "Janjaweed",
    "Sendero Luminoso": "Shining Path",
    "Shining Path": "Shining Path",
    "Google": "Google",
    "Microsoft": "Microsoft",
    "Boeing": "Boeing",
    "Airbus": "Airbus",
    "Chevron": "Chevron",
    "ExxonMobil": "ExxonMobil",
    "Shell": "Shell",
    "Total": "Total",
    "Siemens": "Siemens",
    "Toyota": "Toyota",
    "Huawei": "Huawei",
    "Sinopec": "Sinopec",
    "CNPC": "CNPC",
    "Transneft": "Transneft",
    "Rosatom": "Rosatom",
    "Rosoboronexport": "Rosoboronexport",
    "Aeroflot": "Aeroflot",
    # firms whose names read as a person's ("Lockheed Martin", "Morgan Stanley", "Goldman
    # Sachs") or that a product's name follows ("Dassault Mirage", "Embraer Super Tucano")
    "Lockheed Martin": "Lockheed Martin",
    "Morgan Stanley": "Morgan Stanley",
    "Goldman Sachs": "Goldman Sachs",
    "Merrill Lynch": "Merrill Lynch",
    "Northrop Grumman": "Northrop Grumman",
    "Raytheon": "Raytheon",
    "Halliburton": "Halliburton",
    "Sikorsky": "Sikorsky",
    "Dassault": "Dassault",
    "Embraer": "Embraer",
    "Eurocopter": "Eurocopter",
    "Bombardier": "Bombardier",
    "Glencore": "Glencore",
    "Rio Tinto": "Rio Tinto",
    "Exxon Mobil": "Exxon Mobil",
    "Intesa Sanpaolo": "Intesa Sanpaolo",
    "Societe Generale": "Societe Generale",
    "Deloitte": "Deloitte",
    "Fannie Mae": "Fannie Mae",
    "Freddie Mac": "Freddie Mac",
    "Rolls-Royce": "Rolls-Royce",
    "Rolls Royce": "Rolls-Royce",
    "State": "Department of State",
    "Dept of State": "Department of State",
    "U.S. Dept of State": "Department of State",
}
# Nouns that end an organisation's name: "Federation Council", "Israeli Embassy".
HEADS = (
    "Ministry|Party|Council|Committee|Commission|Bank|Agency|Court|Assembly|Parliament|"
    "Congress|Front|Movement|Army|Forces|Force|Police|University|Institute|Foundation|"
    "Association|Union|Organization|Organisation|Company|Corporation|Corp|Group|Embassy|"
    "Consulate|Office|Department|Service|Services|Directorate|Navy|Senate|Tribunal|"
    "Federation|League|Alliance|Coalition|Brigade|Brigades|Guard|Guards|Command|Chamber|"
    "Administration|Authority|Secretariat|Cabinet|Presidency|Board|Bureau|Center|Centre|"
    "Fund|Program|Programme|Network|Society|Church|Times|Post|News|Radio|Television|TV|"
    "Airlines|Airways|Inc|Ltd|Holdings|Industries|Enterprises|Commissariat|Mission|"
    "Pharmaceuticals|Laboratories|Labs|Registry|"
    "Prosecutor's Office|Procuracy|Legislature|Cortes|Junta|Unit|Division|Battalion|Regiment"
)
_CAPW = r"(?:[A-Z][A-Za-z'&.]*|of|for|and|the|on|de|del|la)"


def _trie(forms: list[str], guard: bool = True) -> str:
    """One regex for a set of literals, factored by common prefixes.

    At every node the longer continuations are tried before stopping, and sibling
    branches start with different characters, so the regex finds, with backtracking into
    the optional tails, exactly what the longest-first alternation finds; Python's ``re``
    dispatches on the first character instead of trying every literal at every position.
    """
    root: dict[str, dict] = {}
    for f in forms:
        node = root
        for ch in f:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        end = "" in node
        kids = [k for k in node if k]
        if not kids:
            return ""
        alts = []
        for k in sorted(kids):
            # follow single-child chains as one literal
            lit = k
            child = node[k]
            while len(child) == 1 and "" not in child:
                ((ch, child),) = child.items()
                lit += ch
            alts.append(re.escape(lit) + emit(child))
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    top = []
    for k in sorted(root):
        # the look-behind after the first character lets the scanner dispatch on it
        # (``guard``: the form starts a word, not after ``[\w/-]``)
        lb = r"(?<![\w/-]" + re.escape(k) + ")" if guard else ""
        top.append(re.escape(k) + lb + emit(root[k]))
    return "(?:" + "|".join(top) + ")"


_ORG_WS = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
_ORG_TAIL = (
    r"(?:[ \t]+(?:of|for|on)(?:[ \t]+the)?(?:[ \t]+[A-Z][A-Za-z'\-]*){1,4})"
    r"(?:[ \t]+and(?:[ \t]+[A-Z][A-Za-z'\-]*){1,3})?"
)
# 1-5 capitalised words and a head noun (with an optional "of ..." tail), or a head noun
# that a tail must follow: "\b[A-Z]..." written as "[A-Z](?<!\w[A-Z])" (both branches
# start with a capital) so that the scanner skips to capitals in C, and the head nouns as a
# prefix tree (at most one ends at a word boundary, so the order does not matter).
_ORG = (
    r"[A-Z](?<![\w][A-Z])(?:"
    r"[A-Za-z'&.\-]*" + _ORG_WS + r"(?:[A-Z][A-Za-z'&.\-]*" + _ORG_WS + r"){0,4}"
    r"(?:" + _trie(sorted(HEADS.split("|")), guard=False) + r")\b(?:" + _ORG_TAIL + ")?"
    r"|(?:(?<=M)inistry|(?<=D)(?:epartment|irectorate)|(?<=O)ffice|(?<=B)ureau"
    r"|(?<=S)ecretariat|(?<=C)o(?:uncil|mmission))" + _ORG_TAIL + ")"
)
ORG_RE: Final = re.compile(_ORG)
ORG_RE_CAPS: Final = re.compile(_ORG, re.I)  # all-capitals cables: MINISTRY OF FOREIGN AFFAIRS
_GOV_RE: Final = re.compile(
    r"\b(?:([A-Z][a-z]+)[ \t\n]+[Gg]overnment|[Gg]overnment[ \t\n]+of[ \t\n]+(?:the[ \t]+)?"
    r"([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?))\b"
)
# words written with a full stop inside a name ("Drummond Co. Inc", "St. Edward's
# University"): the stop after one of them does not end a sentence
_ABBREVIATIONS: Final = frozenset(
    "Co Inc Ltd Corp Bros Pvt St Mt Ft Jr Sr Dr Mr Mrs Ms No Amb Gen Lt Col Sgt Capt Maj"
    " Adm Hon Rep Sen Gov Prof Rev Ave Dept Univ Intl Assn".split()
)


def sentence_start(words: list[str]) -> int:
    """The index of the first word after the last full stop among ``words`` (0: none): a
    name does not run across sentences ("Brazil. The Foreign Ministry", "Summary. Post").
    Initials ("W. K. Kellogg"), dotted abbreviations ("U.S. Embassy") and the words of
    ``_ABBREVIATIONS`` end no sentence."""
    cut = 0
    for i in range(len(words) - 1):
        w = words[i]
        stem = w[:-1]
        if (
            w.endswith(".")
            and len(stem) > 1
            and stem.isalpha()
            and stem.capitalize() not in _ABBREVIATIONS
        ):
            cut = i + 1
    return cut


_LEAD_STOP: Final = frozenset(
    {
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "Of",
        "For",
        "And",
        "But",
        "Both",
        "This",
        "That",
        "When",
        "While",
        "After",
        "Before",
        "As",
        "By",
        "With",
        "From",
        "To",
        "Under",
        "According",
        "During",
        "If",
        "Since",
        "His",
        "Her",
        "Their",
        "Its",
        "Our",
        "Summary",
        "Comment",
        "Note",
    }
)
MINISTRY_SUBJECT: Final = {
    "Foreign": "Foreign Affairs",
    "Defense": "Defense",
    "Defence": "Defense",
    "Interior": "Interior",
    "Justice": "Justice",
    "Finance": "Finance",
    "Economy": "Economy",
    "Health": "Health",
    "Education": "Education",
    "Energy": "Energy",
    "Trade": "Trade",
    "Agriculture": "Agriculture",
}


def _known_forms() -> set[str]:
    lex = lexicon()
    forms = set(KNOWN)
    for short, (long_form, kind) in lex.acronyms.items():
        if kind in ("org", "gorg"):
            forms.add(short)
            if kind == "org":
                forms.add(long_form)
    return forms


@lru_cache(maxsize=1)
def known_re() -> re.Pattern[str]:
    """Known names and glossary organisations, longest first, as one prefix trie."""
    return re.compile("(" + _trie(sorted(_known_forms())) + r")(?![\w/])")


_ALNUM_RUN: Final = re.compile(r"[A-Za-z0-9]*")


@lru_cache(maxsize=1)
def known_firsts() -> frozenset[str] | None:
    """The leading ASCII letters and digits of each known form ("al" of "al-Qaida").

    A ``known_re`` match starts at an ASCII letter or digit not after ``[\\w/-]``: a token
    start, a position after a ``'`` or ``.`` inside a token, or the s of a possessive ``'s``
    the tokenizer cut off; its run of letters and digits is one of these. None when some
    form could start at such an ``s`` (or at no letter or digit): then only a scan of the
    whole text finds every match.
    """
    firsts = set()
    for f in _known_forms():
        run = _ALNUM_RUN.match(f).group()  # type: ignore[union-attr]
        if not run:
            return None
        if run in ("s", "S") and not (
            len(f) > 2 and f[1] in "'/" and f[2].isascii() and f[2].isalpha()
        ):
            return None  # it could follow an apostrophe as a possessive s does
        firsts.add(run)
    return frozenset(firsts)


def known_offsets(word: str) -> tuple[int, ...]:
    """Offsets in ``word`` (a token) where a known form can start (see ``known_firsts``)."""
    firsts = known_firsts()
    if firsts is None:
        return ()
    if "'" not in word and "." not in word:  # only its start
        return (0,) if _ALNUM_RUN.match(word).group() in firsts else ()  # type: ignore[union-attr]
    out = []
    for k, ch in enumerate(word):
        if (k == 0 or word[k - 1] in "'.") and ch.isascii() and ch.isalnum():
            if _ALNUM_RUN.match(word, k).group() in firsts:  # type: ignore[union-attr]
                out.append(k)
    return tuple(out)


def find_known(
    text: str, pos: int, starts: list[int], words: list[str], at: list[int]
) -> Iterator[re.Match[str]]:
    """``known_re().finditer(text, pos)``, tried only where a known form can start.

    ``at`` are the indices of the tokens (``starts``, ``words``) with such a position
    (``wordinfo.KNOWN``); ``text`` is the text the tokens come from.
    """
    pattern = known_re()
    if known_firsts() is None:
        yield from pattern.finditer(text, pos)
        return
    end = pos
    for i in at:
        s = starts[i]
        w = words[i]
        for k in known_offsets(w) if "'" in w or "." in w else (0,):
            p = s + k
            if p < end:
                continue
            m = pattern.match(text, p)
            if m is not None:
                yield m
                end = m.end()


# Every character an ORG_RE or _GOV_RE match can hold: a match lies inside one run of
# them, so only the runs holding a head noun (or "overnment") need a regex pass.
_RUN_SPLIT: Final = re.compile(r"([A-Za-z'&.\- \t\n]+)")
_HEAD_PART: Final = re.compile(r"[/']")
HEAD_WORDS: Final = frozenset(HEADS.split("|"))
HEAD_FOLDS: Final = frozenset(h.casefold() for h in HEAD_WORDS)


def has_head(tok: str, caps: bool) -> bool:
    """Whether a token holds an organisation head noun as one of its /- or '-parts."""
    parts = _HEAD_PART.split(tok)
    if caps:
        return any(p.casefold() in HEAD_FOLDS for p in parts)
    return any(p in HEAD_WORDS for p in parts)


@lru_cache(maxsize=4)
def _runs(text: str) -> tuple[list[int], list[int]]:
    parts = _RUN_SPLIT.split(text)
    cum = list(accumulate(map(len, parts)))
    n = len(parts) // 2
    return cum[0 : 2 * n : 2], cum[1::2]


_RUN: Final = re.compile(r"[A-Za-z'&.\- \t\n]+")
# one past the last character before endpos that no run holds (".*" jumps to endpos in C,
# then backtracks over the run)
_RUN_BACK: Final = re.compile(r"(?s:.*)[^A-Za-z'&.\- \t\n]")


def _overlapping_runs(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of the runs (``_RUN_SPLIT``) that overlap one of ``spans``, in order.

    Why: found around each span instead of splitting the whole text into runs.
    """
    out: list[tuple[int, int]] = []
    lo = 0  # no run holds text[lo - 1]: the run holding s starts at or after lo
    for s, e in spans:
        if out and out[-1][0] <= s < out[-1][1]:
            p = out[-1][1]  # inside the last run: the runs after it
        else:
            if out and out[-1][1] <= s:
                lo = max(lo, out[-1][1])  # no run holds text[end of a run]
            if lo > s:
                lo = 0
            m = _RUN_BACK.match(text, lo, s)
            p = lo = m.end() if m else lo
        for r in _RUN.finditer(text, p):
            a, b = r.span()
            if a >= e:
                break
            if b > s and (not out or out[-1][0] < a):
                out.append((a, b))
    return out


def _in_runs(
    pattern: re.Pattern[str],
    text: str,
    pos: int,
    runs: tuple[list[int], list[int]] | None,
    spans: list[tuple[int, int]],
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, pos)`` restricted to the runs that overlap one of ``spans``
    (``runs``: from ``_runs(text)``, else found around the spans)."""
    if runs is None:
        todo = _overlapping_runs(text, spans)
    else:
        starts, ends = runs
        todo = []
        for s, e in spans:
            r = max(bisect_right(starts, s) - 1, 0)
            while r < len(starts) and starts[r] < e:
                if ends[r] > s and (not todo or todo[-1][0] < starts[r]):
                    todo.append((starts[r], ends[r]))
                r += 1
    for a, b in todo:
        # one character past the run so that \b sees what follows it
        yield from pattern.finditer(text, max(a, pos), b + 1)


def find_orgs(
    text: str, pos: int, caps: bool, heads: list[tuple[int, int]]
) -> Iterator[re.Match[str]]:
    """The ORG_RE matches from ``pos``; ``heads`` are the spans of head-noun tokens."""
    pattern = ORG_RE_CAPS if caps else ORG_RE
    if caps and has_case_odd(text):
        # IGNORECASE matches these non-ASCII letters to ASCII ones, which no run holds
        yield from pattern.finditer(text, pos)
        return
    if not heads:
        return
    yield from _in_runs(pattern, text, pos, None, heads)


# A US post named by its city: "Embassy Manama", "U.S. Embassy - Tripoli", "AmEmbassy
# Kuwait" (the city is part of the post's name, not a place of its own); not "AMEMBASSY
# KUWAIT", which addressee lists write. Matched at each "mbassy" a C search finds: a
# pattern tried at every position of the text took 0.4 ms a cable.
_POST_RE: Final = re.compile(
    r"(?:Embassy|EMBASSY|AmEmbassy)(?:[ \t]+-)?[ \t]+([A-Z][A-Za-z]+)(?:[ \t]([A-Z][A-Za-z]+))?"
)
_US_BEFORE: Final = re.compile(r"(?:U\.S\.|US)\s+\Z")


# a newspaper, magazine or agency by the word that says what it is: its name after the word
# ("daily newspaper La Prensa Libre", 'an "O Globo" press report' is not this) or before it
# ("the Al Ahram daily"); the name's words capitalised, with the particles of Spanish,
# Portuguese, French and Arabic titles between them
MEDIA_WORDS: Final = frozenset(
    "daily dailies newspaper newspapers weekly weeklies magazine tabloid".split()
)
_MEDIA_WORD = "(?:" + "|".join(sorted(MEDIA_WORDS, key=len, reverse=True)) + ")"
_MEDIA_NAME = (
    r"((?:[A-Z][\w'\u2019]*(?:-[A-Z][\w'\u2019]*)*)"
    r"(?:[^\S\n]*\n?[^\S\n]*(?<=\s)(?:(?:de|del|da|do|dos|das|al|el|la|le|du|des)\s+)?"
    r"[A-Z][\w'\u2019]*(?:-[A-Z][\w'\u2019]*)*){0,4})"
)
_MEDIA_AFTER = re.compile(
    r"\b" + _MEDIA_WORD + r",?[^\S\n]+[\"\u201c]?" + _MEDIA_NAME + r"(?![\w-])"
)
_MEDIA_BEFORE = re.compile(
    r"\b[Tt]he(?:[^\S\n]+[a-z][a-z-]*){0,2}[^\S\n]+"
    + _MEDIA_NAME
    + r"[^\S\n]+"
    + _MEDIA_WORD
    + r"\b"
)
_MEDIA_STOP: Final = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April"
    " May June July August September October November December The A An In On This"
    # languages, which name no paper ("the Arabic daily")
    " Arabic English French Spanish Portuguese Russian Chinese Persian Farsi Urdu Hindi"
    " Turkish Hebrew German Italian Japanese Korean Dari Pashto Kurdish Bengali Armenian"
    " Azeri Georgian Greek Dutch Swedish Icelandic Malay Thai Vietnamese Amharic Swahili".split()
)


def _media_matches(
    text: str, pos: int, words: list[str], starts: list[int], cue_at: list[int]
) -> list[tuple[re.Match[str], bool]]:
    """The matches of ``_MEDIA_AFTER`` and ``_MEDIA_BEFORE`` (with True for the first),
    tried only at the tokens that are a word for a paper (``cue_at``: the tokens wordinfo
    marks ``CUE``; the patterns tried at every position of the text took 0.4 ms a cable)."""
    out: list[tuple[re.Match[str], bool]] = []
    for i in cue_at:
        k = starts[i]
        if k < pos or words[i] not in MEDIA_WORDS:
            continue
        word_end = nxt = k + len(words[i])
        while nxt < len(text) and text[nxt] in ' ,\t\n"\u201c':
            nxt += 1
        if nxt < len(text) and text[nxt].isupper():  # a name may follow
            m = _MEDIA_AFTER.match(text, k)
            if m is not None:
                out.append((m, True))
        p = k - 2  # the word before, if capitalised, may end a name
        while p >= 0 and (text[p].isalnum() or text[p] in "-'"):
            p -= 1
        if p + 1 < k - 1 and text[p + 1].isupper():
            b = _MEDIA_BEFORE.search(text, max(pos, k - 120), word_end)
            if b is not None and b.end() == word_end:
                out.append((b, False))
    return out


def find_media(
    text: str, pos: int, words: list[str], starts: list[int], cue_at: list[int]
) -> list[tuple[int, int, str]]:
    """(start, end, name) of each newspaper or magazine named beside the word for it, from
    ``pos``: "daily newspaper La Prensa Libre", "the independent daily Al Masry Al Youm",
    "the Al Ahram daily". Not a day, a title or a person after the word ("reported daily
    Minister Ali"), nor a nationality, language or place before it ("the Arabic daily")."""
    lex = lexicon()
    out: list[tuple[int, int, str]] = []
    for m, after in _media_matches(text, pos, words, starts, cue_at):
        parts = m.group(1).split()
        first = parts[0]
        cut = next((k for k in range(1, len(parts)) if parts[k] in _MEDIA_STOP), 0)
        if cut:  # a sentence's first word on the next line: "Clarin \nThe ..."
            parts = parts[:cut]
        name = " ".join(parts)  # (over a line's end: "La \nPrensa Libre")
        end = m.end(1)
        if cut:
            end = text.index(parts[-1], m.start(1)) + len(parts[-1])
        if (
            first in _MEDIA_STOP
            or first in lex.titles
            or first.capitalize() in TITLE_HEADS
            or name.casefold() in lex.places
            or first in lex.demonyms
            or name in lex.demonyms  # "the major Costa Rican dailies"
            or (len(parts) == 1 and first.lower() in english_words())
            or first.isupper()  # a redaction or initials ("XXXXXXXXXXXX", "TV")
            or name.endswith(("'s", "\u2019s"))  # an owner: "the President's daily brief"
            or (len(parts) == 1 and first.endswith(("ist", "ists")))  # "the Nasserist weekly"
        ):
            continue
        if after:
            before = text[max(pos, m.start() - 30) : m.start()].split()
            last = before[-1] if before else ""
            if last[:1].isupper() and last not in lex.demonyms and last not in _MEDIA_STOP:
                continue  # the paper named before the word, a person after it: "Al-Wasat
                # newspaper Mansour Al-Jamri", "Al Shorouk newspaper, Salama Ahmed Salama"
        out.append((m.start(1), end, name))
    return out


def find_posts(text: str, pos: int) -> list[tuple[int, int, str]]:
    """(start, end, name) of each US embassy named "Embassy <city>" from ``pos``; not one
    another country's people name ("the British Embassy Tripoli")."""
    out: list[tuple[int, int, str]] = []
    k = text.find("mbassy", pos)
    if k < 0:
        k = text.find("MBASSY", pos)
        if k < 0:
            return out
    lex = lexicon()
    for at in _post_starts(text, pos):
        m = _POST_RE.match(text, at)
        if m is None:
            continue
        start = at
        us = _US_BEFORE.search(text, max(0, at - 8), at)
        if us is not None:
            start = us.start()
        if start > 0 and text[start - 1].isalnum():
            continue  # inside a word
        end = m.end(1)
        city = lex.places.get(m.group(1).casefold())
        if m.group(2):
            two = lex.places.get(f"{m.group(1)} {m.group(2)}".casefold())
            if two is not None:
                city, end = two, m.end(2)
        if city is None or city.kind != "city":
            continue
        before = text[max(0, start - 25) : start].split()
        prev = before[-1] if before and before[-1][-1:].isalpha() else ""  # not "CDA,"
        if prev != "American" and (
            prev in lex.demonyms
            or (prev.isupper() and 1 < len(prev) < 5)  # "UK Embassy Paris", "PRC Embassy"
            or getattr(lex.places.get(prev.casefold()), "kind", "") == "country"
        ):
            continue
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        if not text[line_start:start].strip() and not text[end:line_end].strip():
            continue  # a line of its own: a record's metadata or an address, not prose
        written = text[start:end]
        if written.isupper() and not written.startswith("U"):
            continue  # "EMBASSY BAGHDAD" in capitals: as likely a list of posts
        out.append((start, end, f"United States Embassy {city.name}"))
    return out


def _post_starts(text: str, pos: int) -> list[int]:
    """Where "Embassy", "EMBASSY" or "AmEmbassy" starts, from ``pos``, in order."""
    out: list[int] = []
    for needle, back in (("mbassy", 1), ("MBASSY", 1)):
        k = text.find(needle, pos)
        while k >= 0:
            a = k - back
            if a >= 2 and text[a - 2 : a] == "Am":
                a -= 2  # "AmEmbassy"
            if a >= pos:
                out.append(a)
            k = text.find(needle, k + 6)
    out.sort()
    return out


def find_govs(text: str, pos: int) -> Iterator[re.Match[str]]:
    """The _GOV_RE matches from ``pos``: only around the word "government"."""
    at = []
    k = text.find("overnment", pos)
    while k >= 0:
        at.append((k, k + 9))
        k = text.find("overnment", k + 9)
    if not at:
        return
    yield from _in_runs(_GOV_RE, text, pos, None, at)


def canonical_known(form: str, host_adj: str | None) -> str:
    lex = lexicon()
    if form in KNOWN:
        return KNOWN[form]
    acr = lex.acronyms.get(form)
    if acr:
        long_form, kind = acr
        if kind == "gorg" and host_adj:
            return f"{host_adj} {long_form}"
        return long_form
    return form


def normalise_org(name: str, host_adj: str | None) -> str:
    """'Foreign Ministry' -> '<Host> Ministry of Foreign Affairs'; demonyms kept."""
    words = name.split()
    lex = lexicon()
    adj = None
    if words and words[0] in lex.demonyms and words[0] not in lex.regional:
        adj = words[0]
        words = words[1:]
    if len(words) == 2 and words[1] == "Ministry" and words[0] in MINISTRY_SUBJECT:
        words = ["Ministry", "of", MINISTRY_SUBJECT[words[0]]]
    core = " ".join(words)
    if core.startswith("Ministry"):
        adj = adj or host_adj
    return f"{adj} {core}" if adj else core
