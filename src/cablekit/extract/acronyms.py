"""Acronyms and their expansions: the project's glossary, GO<X> and in-text definitions.

``the Nagorno-Karabakh (NK) Peace Process`` defines NK in that cable and wins over the
glossary; ``GOB`` is the Government of Bahrain from Manama and of Bolivia from a State
cable about Bolivia: the letter(s) after ``GO`` are resolved to the host country when it
fits, else to the fitting country the cable names most (TAGS count too).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from cablekit.extract.lexicon import lexicon

_DEF: Final = re.compile(r"\(([A-Z][A-Za-z]{0,3}[A-Z/&\-][A-Za-z/&\-]{0,7})\)")
_WORD: Final = re.compile(r"[A-Za-z][A-Za-z']*(?:-[A-Za-z][A-Za-z']*)*")
_SMALL: Final = frozenset(
    {
        "of",
        "the",
        "and",
        "for",
        "in",
        "on",
        "to",
        "de",
        "del",
        "la",
        "y",
        "a",
        "an",
        "at",
        "by",
        "with",
        "des",
        "du",
        "et",
        "di",
    }
)
_POSSESSIVE_END: Final = re.compile(r"['\u2019]s$|(?<=s)['\u2019]$")
_GOX: Final = re.compile(r"G[Oo]([A-Z][a-z]?|[A-Z]{1,2})")
# Plain English words in capitals, read as acronyms only in mixed-case text.
_CAPS_AMBIG: Final = frozenset(
    {
        "AI",
        "PA",
        "AU",
        "EC",
        "PAN",
        "MAS",
        "PT",
        "CT",
        "CN",
        "PAS",
        "ANA",
        "SE",
        "SG",
        "PR",
        "MAJ",
        "CAPT",
        "ADM",
        "COL",
        "GEN",
        "AMB",
        "SEC",
        "ME",
        "ICE",
        "WHO",
        "AF",
        "IO",
        "POL",
        "ECON",
        "AQ",
        "DOC",
        "LET",
        "START",
        "BIT",
        "COIN",
        "PM",
        "MD",
        "AMBASSADOR",
        "CG",
        "DOS",
        "SCA",
        "PLA",
        "ALBA",
        "NSA",
        "INF",
        "SCO",
        "TIP",
        "MG",
        "PAO",
    }
)
_NOT_ACR: Final = frozenset(
    {
        "US",
        "UK",
        "USD",
        "SBU",
        "NOFORN",
        "SIPDIS",
        "RPT",
        "PAR",
        "RE",
        "NNNN",
        "EO",
        "OF",
        "THE",
        "AND",
        "I",
        "II",
        "III",
        "IV",
        "OK",
        "MC",  # "Political MC" in a title; alone NATO's Military Committee as often
    }
)


def definitions(text: str) -> dict[str, str]:
    """Acronyms the cable defines: 'Poppy Eradication Force (PEF)' -> {'PEF': ...}."""
    out: dict[str, str] = {}
    for m in _DEF.finditer(text):
        short = m.group(1)
        letters = [c for c in short if c.isupper()]
        if short.endswith("s") and not short[:-1].isupper():
            letters = [c for c in short[:-1] if c.isupper()]
        if len(letters) < 2 or short in out:
            continue
        before = text[max(0, m.start() - 160) : m.start()]
        # the words alone (findall, no match objects): their offsets only on a hit
        words = _WORD.findall(before)[-14:]
        need = "".join(letters).casefold()
        got = ""
        first = None
        for pos in range(len(words) - 1, -1, -1):
            w = words[pos]
            if w.casefold() in _SMALL:
                continue
            parts = [p for p in w.split("-") if p]
            init = "".join(p[0] for p in parts).casefold()
            cand = init + got
            if need.endswith(cand):
                got = cand
                first = pos
            elif need.endswith(w[0].casefold() + got):
                got = w[0].casefold() + got
                first = pos
            else:
                break
            if got == need:
                break
        reordered = got != need and len(need) > 2
        if reordered:
            first = _reordered(words, need)
            got = need if first is not None else got
        if got != need:
            # a body's name in English before the initials of its own language, which the
            # glossary knows by the same head word: "Ministry of Foreign Relations (MRE)"
            first = _translated(words, short)
            got = need if first is not None else got
            reordered = first is not None
        if got == need and first is not None:
            first = [w.start() for w in _WORD.finditer(before)][-14:][first]
            long_form = " ".join(before[first:].split())
            if reordered and any(c in long_form for c in ".;:()"):
                continue  # not within one phrase: "Under Secretary Burns. 3. (SBU)"
            if long_form.lower().startswith("the "):
                long_form = long_form[4:]
            # the owner's possessive is not the name's: "the Qadhafi Development
            # Foundation's (QDF) website", "the General People's Congress' (GPC)"
            long_form = _POSSESSIVE_END.sub("", long_form)
            if 1 < len(long_form.split()) or "-" in long_form:
                out[short] = long_form
    return out


def by_initials(shorts: set[str], names: list[str]) -> dict[str, str]:
    """Undefined initials (``shorts``) that spell one name of the cable's organisations
    (``names``) and no other: "AL Chief of Staff" in a cable that names the Arab League.
    Small words are passed over, as in definitions ("Ministry of Health" -> MH)."""
    spelt: dict[str, list[str]] = {}
    for name in names:
        words = [w for w in _WORD.findall(name) if w.casefold() not in _SMALL]
        if len(words) < 2 or not all(w[0].isupper() for w in words):
            continue
        init = "".join(w[0] for w in words)
        if init in shorts:
            spelt.setdefault(init, []).append(name)
    return {k: v[0] for k, v in spelt.items() if len(v) == 1}


def _translated(words: list[str], short: str) -> int | None:
    """Index of the head word of a body's name just before a definition the glossary
    spells otherwise, when the glossary's long form begins with that word ("Ministry of
    Foreign Relations (MRE)"; the glossary has "Ministry of External Relations")."""
    known = lexicon().acronyms.get(short)
    if known is None or known[1] not in ("org", "gorg"):
        return None
    head = known[0].split()[0]
    for pos in range(len(words) - 1, max(-1, len(words) - 8), -1):
        w = words[pos]
        if w == head:
            return pos if pos < len(words) - 1 else None
        if not (w[:1].isupper() or w.casefold() in _SMALL):
            return None
    return None


def _reordered(words: list[str], need: str) -> int | None:
    """Index of the first of the capitalised words just before a definition whose
    initials are the acronym's letters in another order: a name translated from the
    language the acronym was coined in ("National Emergency Commission (CNE)", Comision
    Nacional de Emergencias)."""
    picked: list[int] = []
    for pos in range(len(words) - 1, -1, -1):
        w = words[pos]
        if w.casefold() in _SMALL:
            continue
        if not w[:1].isupper():
            return None
        picked.append(pos)
        if len(picked) == len(need):
            break
    if len(picked) == len(need) and sorted(words[p][0].casefold() for p in picked) == sorted(need):
        return picked[-1]
    return None


@lru_cache(maxsize=1024)
def _gox_fits(up: str) -> list[str]:
    """Countries whose name starts with the letters after GO, or whose words' initials or
    ISO code they are ("GOCR" Costa Rica, "GONZ" New Zealand, "GONL" the Netherlands), in
    the gazetteer's order."""
    lex = lexicon()
    out = []
    for c in lex.countries:
        if not lex.countries[c].lat:
            continue
        words = c.upper().replace("-", " ").split()
        initials = "".join(w[0] for w in words if w not in ("OF", "THE", "AND"))
        if (
            c.upper().startswith(up)
            or (len(up) > 1 and len(words) > 1 and initials == up)
            or (len(up) == 2 and lex.iso.get(c.casefold()) == up)
        ):
            out.append(c)
    return out


def resolve_gox(
    letters: str, host: str | None, mentions: dict[str, int], tag_countries: list[str]
) -> str | None:
    """The country of GO<letters>: the host if it fits, else the best-attested one."""
    fits = _gox_fits(letters.upper())
    if not fits:
        return None
    if host in fits:
        return host
    # the first best-scored in the gazetteer's order (as Counter.most_common(1) picks it;
    # a Counter made per call was 2 % of extraction)
    best: str | None = None
    val = 0
    for c in fits:
        score = mentions.get(c, 0) * 2 + (3 if c in tag_countries else 0)
        if score > val:
            best, val = c, score
    return best


def lookup(tok: str, caps: bool) -> tuple[str, str, str] | None:
    """(key, long form, kind) of a glossary acronym for a token as written."""
    lex = lexicon()
    if tok in _NOT_ACR:
        return None
    for form in (tok, tok.upper()):
        a = lex.acronyms.get(form)
        if a:
            if caps and form in _CAPS_AMBIG:
                return None
            return form, a[0], a[1]
    if tok in lex.titles and (sum(c.isupper() for c in tok) >= 2 or "/" in tok):
        return tok.upper(), lex.titles[tok], "title"
    if len(tok) > 2 and tok[-1] in "sS":
        base = tok[:-1]
        for form in (base, base.upper()):
            a = lex.acronyms.get(form)
            if a and form.isupper() == base.isupper() and not (caps and form in _CAPS_AMBIG):
                return form, a[0], a[1]
    return None
