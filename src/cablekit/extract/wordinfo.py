"""Per-word classes, computed once per distinct word and cached.

Why: a cable has ~1,000 tokens but only a few hundred distinct words, and most passes
only care about a handful of them. Each word gets a bit mask (one cache per case mode,
since all-capitals cables read words differently); the passes then visit only the token
indices whose mask has their bit, found with C-level ``map``/``compress`` instead of a
Python loop over every token.
"""

from __future__ import annotations

from itertools import compress, repeat
from operator import and_, itemgetter

from cablekit.extract.lexicon import lexicon

UP0 = 1  # starts with a capital
HEAD = 1 << 1  # PeopleFinder.is_head
MOD = 1 << 2  # PeopleFinder.is_mod
ABBR = 1 << 3  # a title abbreviation
ORGACR = 1 << 4  # an organisation acronym
QUALL = 1 << 5  # lower-cased, a title qualifier ("Former")
DEM = 1 << 6  # a demonym
NAME_F = 1 << 7  # nameish (not after a title), before the dynamic checks
NAME_T = 1 << 8  # nameish after a title, before the dynamic checks
INIT = 1 << 9  # a one-letter initial: nameish only when a dot follows
RANK = 1 << 10  # a military or diplomatic rank
SCAN = 1 << 11  # the people scan can start something here
PLACE = 1 << 12  # can start a gazetteer lookup
ACR = 1 << 13  # the acronym pass reads it (not counting in-text definitions)
PART = 1 << 14  # a name particle
ORGHEAD = 1 << 15  # holds an organisation head noun (Ministry, Party ...)
PLACE1 = 1 << 16  # alone, a place or a demonym (PeopleFinder._place_or_heading)
ACRDEF = 1 << 17  # could be an acronym a cable defines: two capitals or a slash
PLURAL = 1 << 18  # a plural title head ("Counselors"): a list of names follows
LOWH = 1 << 19  # a lower-case role ("judge", "leader"): a head only in mixed case
HON = 1 << 20  # an honorific ("Mr", "Dr.")

# Endings of English abstract nouns, which no surname has.
_NOUN_ENDINGS = (
    "tion",
    "sion",
    "ment",
    "ship",
    "ness",
    "ity",
    "ance",
    "ence",
    "ism",
    "ology",
    "ously",
    "ently",
    "antly",
    "ically",
)
_CACHE_MAX = 500_000  # distinct words kept per mode before the cache starts afresh
_caches: dict[bool, dict[str, tuple[int, str]]] = {False: {}, True: {}}
_first = itemgetter(0)
_second = itemgetter(1)


def _compute(tok: str, caps: bool) -> int:
    # imported here: people/titles import this module
    from cablekit.extract import acronyms as acr_mod
    from cablekit.extract import organizations as org_mod
    from cablekit.extract.people import GIVEN_OK, PARTICLES, RANKS, STOP
    from cablekit.extract.places import first_words
    from cablekit.extract.titles import (
        HEADS,
        HONORIFICS,
        LOWER_HEADS,
        MODIFIERS,
        QUALIFIERS,
        is_title_abbr,
        singular,
    )

    lex = lexicon()
    if not tok:
        return 0
    f = 0
    up0 = tok[0].isupper()
    w = tok.capitalize() if caps or tok.isupper() else tok
    if up0:
        f |= UP0
    head = w in HEADS and (caps or up0)
    plural = False
    if not head and (caps or up0) and singular(tok) is not None:
        head = plural = True
    lowh = not caps and tok in LOWER_HEADS
    if lowh or tok in ("d'Affaires", "d'affaires", "D'Affaires", "D'AFFAIRES"):
        head = True
    mod = (w in MODIFIERS or w in lex.title_parts) and (caps or up0)
    abbr = is_title_abbr(tok, caps)
    a = lex.acronyms.get(tok)
    orgacr = bool(a) and a[1] in ("gorg", "org") and tok.isupper() and len(tok) > 1
    quall = tok.lower() in QUALIFIERS
    dem = bool(lex.demonyms.get(w))
    f |= (
        (HEAD if head else 0)
        | (MOD if mod else 0)
        | (ABBR if abbr else 0)
        | (ORGACR if orgacr else 0)
        | (QUALL if quall else 0)
        | (DEM if dem else 0)
        | (RANK if w in RANKS else 0)
        | (PART if tok in PARTICLES else 0)
        | (PLURAL if plural else 0)
        | (LOWH if lowh else 0)
    )
    # nameish, static part (see PeopleFinder.nameish)
    for at, bit in ((False, NAME_F), (True, NAME_T)):
        c0 = tok[0]
        if not c0.isalpha() or not c0.isupper() or "/" in tok:
            continue
        if len(tok) == 1:
            f |= bit | INIT
            continue
        if tok.isupper():
            if not caps and not at:
                continue
        elif not any(ch.islower() for ch in tok[1:]):
            continue
        if w in STOP or w in HONORIFICS or w in HEADS or dem or plural:
            continue
        if w in MODIFIERS and not at:
            continue
        if at and len(tok) > 6 and tok.lower().endswith(_NOUN_ENDINGS):
            continue  # "Bank for Economic Integration", "GENERAL PRUDENTLY": not a name
        if abbr or (tok.isupper() and tok in lex.acronyms):
            continue
        low = w.casefold()
        if low in lex.common and w not in GIVEN_OK:
            continue
        place = lex.places.get(low)
        if place is not None and (not at or place.kind == "country"):
            continue
        f |= bit
    # the people scan: an honorific, a title chain or (mixed case) a bare name can start
    hon = tok.rstrip(".").capitalize() if caps or tok.rstrip(".").isupper() else tok.rstrip(".")
    honor = hon in HONORIFICS or tok in HONORIFICS
    if honor:
        f |= HON
    titleish = dem or quall or abbr or head or mod or orgacr
    if (up0 or tok in QUALIFIERS or lowh) and (honor or titleish or (not caps and f & NAME_F)):
        f |= SCAN
    # places: a single-word name or the first word of a longer one
    fold = tok.casefold()
    if up0 and (fold in first_words() or fold in lex.places):
        f |= PLACE
    if (
        fold in lex.places
        or fold.title() in lex.demonyms
        or (fold.endswith("s") and fold[:-1].title() in lex.demonyms)
    ):
        f |= PLACE1
    # acronyms (see the acronym pass in extract_entities)
    if len(tok) >= 2 and up0 and (sum(1 for c in tok if c.isupper()) >= 2 or "/" in tok):
        f |= ACRDEF
    if len(tok) >= 2 and up0:
        if tok == "Amb":
            f |= ACR
        else:
            jargon = lex.acronyms.get(tok.upper(), ("", ""))[1] == "jargon" and len(tok) > 4
            if sum(1 for c in tok if c.isupper()) >= 2 or "/" in tok or jargon:
                if acr_mod.lookup(tok, caps) is not None or acr_mod._GOX.fullmatch(tok):
                    f |= ACR
    if org_mod.has_head(tok, caps):
        f |= ORGHEAD
    return f


def classify(words: list[str], caps: bool) -> list[int]:
    """The bit mask of each word, in order."""
    return classify_fold(words, caps)[0]


def classify_fold(words: list[str], caps: bool) -> tuple[list[int], list[str]]:
    """The bit mask of each word and its casefolded base without a possessive 's.

    One lookup per token in one cache (word -> (mask, fold)): the masks and folds are
    then split apart in C.
    """
    cache = _caches[caps]
    vals = list(map(cache.get, words))
    if None in vals:
        if len(cache) > _CACHE_MAX:
            cache.clear()
        for w in set(words).difference(cache):
            fold = (w[:-2] if w.endswith(("'s", "'S")) else w).casefold()
            cache[w] = (_compute(w, caps), fold)
        vals = list(map(cache.__getitem__, words))
    return list(map(_first, vals)), list(map(_second, vals))


def where(info: list[int], bit: int) -> list[int]:
    """Indices of the words whose mask has ``bit``."""
    return list(compress(range(len(info)), map(and_, info, repeat(bit))))
