"""Per-word classes, computed once per distinct word and cached.

Why: a cable has ~1,000 tokens but only a few hundred distinct words, and most passes
only care about a handful of them. Each word gets a bit mask (one cache per case mode,
since all-capitals cables read words differently); the passes then visit only the token
indices whose mask has their bit, found in one typed loop over the tokens.
"""

from __future__ import annotations

import re
from typing import Final, cast

from cablekit.extract import acronyms as _acr_mod
from cablekit.extract import organizations as _org_mod
from cablekit.extract.lexicon import Lexicon, english_words, lexicon
from cablekit.extract.titles import UNIT_NOUNS as _UNIT_NOUNS
from cablekit.extract.titles import singular as _singular
from cablekit.extract.zone import OFFSETS as _OFFSETS

UP0: Final = 1  # starts with a capital
HEAD: Final = 1 << 1  # PeopleFinder.is_head
MOD: Final = 1 << 2  # PeopleFinder.is_mod
ABBR: Final = 1 << 3  # a title abbreviation
ORGACR: Final = 1 << 4  # an organisation acronym
QUALL: Final = 1 << 5  # lower-cased, a title qualifier ("Former")
DEM: Final = 1 << 6  # a demonym
NAME_F: Final = 1 << 7  # nameish (not after a title), before the dynamic checks
NAME_T: Final = 1 << 8  # nameish after a title, before the dynamic checks
INIT: Final = 1 << 9  # a one-letter initial: nameish only when a dot follows
RANK: Final = 1 << 10  # a military or diplomatic rank
SCAN: Final = 1 << 11  # the people scan can start something here
PLACE: Final = 1 << 12  # can start a gazetteer lookup
ACR: Final = 1 << 13  # the acronym pass reads it (not counting in-text definitions)
PART: Final = 1 << 14  # a name particle
ORGHEAD: Final = 1 << 15  # holds an organisation head noun (Ministry, Party ...)
PLACE1: Final = 1 << 16  # alone, a place or a demonym (PeopleFinder._place_or_heading)
ACRDEF: Final = 1 << 17  # could be an acronym a cable defines: two capitals or a slash
PLURAL: Final = 1 << 18  # a plural title head ("Counselors"): a list of names follows
LOWH: Final = 1 << 19  # a lower-case role ("judge", "leader"): a head only in mixed case
HON: Final = 1 << 20  # an honorific ("Mr", "Dr.")
KNOWN: Final = 1 << 21  # a known organisation's name can start in it (organizations.find_known)
SURN: Final = 1 << 22  # a surname ending ("Medvedev") or a known surname: a name alone
SPEECH: Final = 1 << 23  # a verb of speech ("said"): the word before it can be a name alone
OFFOR: Final = 1 << 24  # "of" or "for" in any case: a title chain can go on over it
CUE: Final = 1 << 25  # a word for what is named for someone ("vetting") or for a paper

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
# A body's unit nouns, which are no one's name even after a title ("Ministry of Foreign
# Relations General Directorate": no General Directorate).
_UNIT_WORDS = _UNIT_NOUNS | frozenset(
    "Ministry Secretariat Commission Committee Council Agency Club Liaison Staff Troika".split()
)
# Given names with such an ending: names all the same ("Prime Minister Lawrence Gonzi").
_NAMES_LIKE_NOUNS = frozenset(
    "Lawrence Laurence Florence Clarence Terence Terrence Constance Prudence Clement".split()
)
# Given names that are also cities of the gazetteer: names all the same before another
# name ("Vladimir Davydov", "Sofia Jarrin"); alone they stay places.
NAMES_LIKE_CITIES: Final = frozenset(
    "Vladimir Victoria Florence Regina Sofia Adelaide Charlotte Elizabeth Salvador Rosario"
    " Concepcion Orlando Douglas".split()
)
_CACHE_MAX = 500_000  # distinct words kept per mode before the cache starts afresh
_caches: dict[bool, dict[str, int]] = {False: {}, True: {}}
# What _compute reads, bound by _bind() on first use: imported late (people and places
# import this module), then read as globals (no attribute or lexicon() call per word).
_LEX: Lexicon | None = None
_GIVEN_OK: frozenset[str] = frozenset()
_SPEECH: frozenset[str] = frozenset()
_CUES: frozenset[str] = frozenset()
_SURNAME_ENDINGS: tuple[str, ...] = ()
_PARTICLES: frozenset[str] = frozenset()
_RANKS: frozenset[str] = frozenset()
_STOP: frozenset[str] = frozenset()
_HEADS: frozenset[str] = frozenset()
_HONORIFICS: frozenset[str] = frozenset()
_LOWER_HEADS: frozenset[str] = frozenset()
_MODIFIERS: frozenset[str] = frozenset()
_QUALIFIERS: frozenset[str] = frozenset()
_FIRST_WORDS: frozenset[str] = frozenset()
_HEAD_WORDS: frozenset[str] = frozenset()
_HEAD_FOLDS: frozenset[str] = frozenset()

# a contraction, no name: "I've", "We'll", "Don't" (not "O'Brien", "D'Alema")
_CONTRACTION: Final = re.compile(r"[A-Za-z]+'(?:ve|ll|re|m|d|t)", re.IGNORECASE).fullmatch
# an embassy officer in office jargon: office abbreviations, then "off" ("Polmiloff")
_OFFICER_JARGON: Final = re.compile(
    r"(?:e|pol|econ|mil|con|msn|emb|pa|rso|mgmt|labor|lab|sci|env|ag|gen|ref|res|dep|def"
    r"|pd|pub|narc|leg|law|cul|ed|ip)+offs?"
).fullmatch


def _bind() -> None:
    global _LEX, _GIVEN_OK, _PARTICLES, _RANKS, _STOP
    global _HEADS, _HONORIFICS, _LOWER_HEADS, _MODIFIERS, _QUALIFIERS, _FIRST_WORDS
    global _HEAD_WORDS, _HEAD_FOLDS, _SPEECH, _SURNAME_ENDINGS, _CUES
    from cablekit.extract import organizations, people, places, titles

    _LEX = lexicon()
    _GIVEN_OK, _PARTICLES, _RANKS, _STOP = (
        people.GIVEN_OK,
        people.PARTICLES,
        people.RANKS,
        people.STOP,
    )
    _SPEECH, _SURNAME_ENDINGS = people.SPEECH, people.SURNAME_ENDINGS
    _HEADS, _HONORIFICS, _LOWER_HEADS = titles.HEADS, titles.HONORIFICS, titles.LOWER_HEADS
    _MODIFIERS, _QUALIFIERS = titles.MODIFIERS, titles.QUALIFIERS
    _FIRST_WORDS = places.first_words()
    _HEAD_WORDS, _HEAD_FOLDS = organizations.HEAD_WORDS, organizations.HEAD_FOLDS
    _CUES = frozenset(people.EPONYM_CUES) | organizations.MEDIA_WORDS


_D_AFFAIRES = frozenset(
    {"d'Affaires", "d'affaires", "D'Affaires", "D'AFFAIRES"}
    | {"d'Affairs", "D'Affairs", "D'AFFAIRS"}  # misspelt: "Charge d'Affairs"
)
_isupper = str.isupper
_islower = str.islower


def _model_number(tok: str) -> bool:
    """A digit within the first four characters: a model or a code ("G36E", "F35", "Mk2",
    "Jun08"), not a name. A digit further in is a garbled letter ("AntC4nio") or a
    footnote's mark ("Jovan8") on a word that can still be a name."""
    return any(c.isdigit() for c in tok[:4])


_RANK_WORDS = frozenset(
    "General Colonel Major Captain Lieutenant Admiral Sergeant Brigadier Commander".split()
)


def _rank_title(expanded: str | None) -> bool:
    """Whether a title abbreviation stands for a military rank ("MAJ", "1LT", "LTC")."""
    return expanded is not None and expanded.rsplit(" ", 1)[-1] in _RANK_WORDS


def _compute(tok: str, caps: bool) -> int:
    """The bit mask of one word (see the bits above); called once per distinct word."""
    lex = lexicon()
    if _LEX is not lex:
        _bind()
    if not tok:
        return 0
    acronyms = lex.acronyms
    demonyms = lex.demonyms
    places = lex.places
    f = 0
    up0 = tok[0].isupper()
    isup = tok.isupper()
    w = tok.capitalize() if caps or isup else tok
    if up0:
        f |= UP0
    head = w in _HEADS and (caps or up0)
    if not head and up0 and "/" in tok and not caps:
        # two roles as one: "Safety Engineer/Inspector", "Minister/Deputy"; not a name
        # before one ("Bildt/Deputy", "Snow/Minister")
        first, _, last = tok.partition("/")
        head = (
            last in _HEADS
            and tok.replace("/", "").isalpha()
            and (first in _HEADS or first in _MODIFIERS or first.endswith(("er", "or", "ist")))
            and first not in lex.known_surnames
        )
    plural = False
    if not head and (caps or up0) and _singular(tok) is not None:
        head = plural = True
    lowh = not caps and tok in _LOWER_HEADS
    if not lowh and not caps and tok[-1] in "sn" and tok.islower() and _singular(tok):
        lowh = plural = True  # "opposition leaders Javier Montanez and Julian Bolivar"
    if lowh or tok in _D_AFFAIRES:
        head = True
    # (and "vice" in lower case, which no title is alone: "the vice chair of the party")
    mod = ((caps or up0) and (w in _MODIFIERS or w in lex.title_parts)) or tok == "vice"
    # titles.is_title_abbr
    abbr = tok in lex.titles or (
        tok.upper() in lex.titles_upper
        and ((caps and len(tok) > 2) or (isup and _rank_title(lex.titles_upper.get(tok))))
    )  # in mixed case, a rank in capitals too: "Rank/Name: MAJ AHMED SAYED FARAG"
    a = acronyms.get(tok)
    orgacr = a is not None and a[1] in ("gorg", "org") and isup and len(tok) > 1
    quall = tok.lower() in _QUALIFIERS
    dem = bool(demonyms.get(w))
    if head:
        f |= HEAD
    if mod:
        f |= MOD
    if abbr:
        f |= ABBR
    if orgacr:
        f |= ORGACR
    if quall:
        f |= QUALL
    if dem:
        f |= DEM
    if w in _RANKS:
        f |= RANK
    if tok in _PARTICLES:
        f |= PART
    if plural:
        f |= PLURAL
    if lowh:
        f |= LOWH
    # nameish, static part (see PeopleFinder.nameish): NAME_F not after a title, NAME_T after
    c0 = tok[0]
    if c0.isalpha() and c0.isupper() and "/" not in tok and not _model_number(tok):
        if len(tok) == 1:
            f |= NAME_F | NAME_T | INIT
        elif (
            (isup or any(map(_islower, tok[1:])))
            and not (
                w in _STOP
                or w in _HONORIFICS
                or w in _HEADS
                or dem
                or plural
                or abbr
                or (isup and tok in acronyms)
                # office jargon in camel case ("EconPolCouns", "PolEconOff"); "McDonald" stays
                or (not isup and sum(map(_isupper, tok[1:])) >= 2)
                # its plural ("PolOffs", "EmbOffs")
                or (tok[-1] == "s" and (tok[:-1] in lex.titles or tok[:-1] in acronyms))
                # a contraction: "I've", "We'll", "Don't" ("O'Brien", "D'Alema" are names)
                or ("'" in tok and _CONTRACTION(tok) is not None)
                # an officer in office jargon ("Polmiloff", "EPoloff", "Msnoff", "Congenoffs");
                # "Ivanoff", "Orloff" stay names
                or (w[-3:] in ("off", "ffs") and _OFFICER_JARGON(w.casefold()) is not None)
            )
        ):
            low = w.casefold()
            # "SETTLING", "Making": a common verb's -ing form (from its stem + "e" only:
            # "Harding", "Manning" are names)
            verb_ing = len(low) > 5 and low.endswith("ing") and low[:-3] + "e" in lex.common
            if not (low in lex.common and w not in _GIVEN_OK) and not verb_ing:
                place = places.get(low)
                if (
                    (caps or not isup)
                    and w not in _MODIFIERS
                    and (place is None or w in NAMES_LIKE_CITIES)
                ):
                    f |= NAME_F
                # "Bank for Economic Integration", "GENERAL PRUDENTLY": not a name
                if (
                    not (
                        len(tok) > 6
                        and tok.lower().endswith(_NOUN_ENDINGS)
                        and tok.capitalize() not in _NAMES_LIKE_NOUNS
                        # a short word no dictionary has is a name all the same: "Special
                        # Envoy Gration", "Kokoity"
                        and (
                            len(tok) > 8
                            or w in _MODIFIERS  # "Defence"
                            or low in lex.common
                            or low in english_words()
                        )
                    )
                    and (place is None or place.kind != "country")
                    and w not in _UNIT_WORDS
                ):
                    f |= NAME_T
    # the people scan: an honorific, a title chain or (mixed case) a bare name can start
    bare = tok.rstrip(".")
    hon = bare.capitalize() if caps or bare.isupper() else bare
    honor = hon in _HONORIFICS or tok in _HONORIFICS
    if honor:
        f |= HON
    titleish = dem or quall or abbr or head or mod or orgacr
    if (up0 or tok in _QUALIFIERS or lowh or (abbr and isup)) and (
        honor or titleish or (not caps and f & NAME_F)
    ):
        f |= SCAN  # (abbr and isup: "1LT", a rank with its number first)
    # places: a single-word name or the first word of a longer one
    fold = tok.casefold()
    in_places = fold in places
    if up0 and (in_places or fold in _FIRST_WORDS):
        f |= PLACE
    if (
        in_places
        or fold.title() in demonyms
        or (fold.endswith("s") and fold[:-1].title() in demonyms)
    ):
        f |= PLACE1
    # acronyms (see the acronym pass in extract_entities)
    if len(tok) >= 2 and up0:
        many = "/" in tok or sum(map(_isupper, tok)) >= 2
        if many:
            f |= ACRDEF
        if tok == "Amb":
            f |= ACR
        elif (many or acronyms.get(tok.upper(), ("", ""))[1] == "jargon" and len(tok) > 4) and (
            _acr_mod.lookup(tok, caps) is not None or _acr_mod._GOX.fullmatch(tok)
        ):
            f |= ACR
    elif (
        len(tok) > 4
        and tok.islower()
        and not caps
        and acronyms.get(tok.upper(), ("", ""))[1] == "jargon"
        and tok not in english_words()
    ):
        f |= ACR  # telegram and staff jargon in lower case: "reftel", "septel", "poloff"
    # organizations.has_head, without its split for a word of one part
    if "/" in tok or "'" in tok:
        if _org_mod.has_head(tok, caps):
            f |= ORGHEAD
    elif fold in _HEAD_FOLDS if caps else tok in _HEAD_WORDS:
        f |= ORGHEAD
    if _org_mod.known_offsets(tok):
        f |= KNOWN
    if (len(tok) > 4 and tok.endswith(_SURNAME_ENDINGS)) or tok in lex.known_surnames:
        f |= SURN
    if tok in _CUES:
        f |= CUE
    if tok in _SPEECH:
        f |= SPEECH
    if tok.lower() in ("of", "for"):
        f |= OFFOR
    return f


def classify(words: list[str], caps: bool) -> list[int]:
    """The bit mask of each word, in order."""
    return classify_where(words, caps, [])[0]


# one int object per distinct mask (a few hundred), shared by the words that have it: the
# cache's values then stay in the processor's caches (one object per word did not)
_MASK_OBJECTS: dict[object, object] = {}


def _word_value(cache: dict[str, int], w: str, caps: bool) -> object:
    """The cached mask of a word, computed and stored when missing."""
    cache_o = cast("dict[str, object]", cache)
    v = cache_o.get(w)
    if v is None:
        if len(cache) > _CACHE_MAX:
            cache.clear()
        mask: object = _compute(w, caps)
        v = cache_o[w] = _MASK_OBJECTS.setdefault(mask, mask)
    return v


def classify_where(
    words: list[str], caps: bool, bits: list[int]
) -> tuple[list[int], list[list[int]]]:
    """``classify`` and ``[where(info, bit) for bit in bits]`` in one pass.

    Why: one typed loop over the tokens (compiled, a few ns a token); few tokens (about
    a fifth) have any of the bits, so only they are tested bit by bit. The cache maps a
    word to its mask alone: a lookup misses the processor's caches, and each object it
    touches (a tuple, a second string) was one miss more (about a third of the time).
    """
    cache = _caches[caps]
    # the masks read as objects: compiled, each goes into ``info`` as the cached int
    # object itself (a typed int would be boxed anew, a new object for most masks); the
    # indices likewise as the shared int objects of zone.OFFSETS (none made per token)
    cache_o = cast("dict[str, object]", cache)
    info: list[object] = [0] * len(words)
    found: list[list[object]] = [[] for _ in bits]
    nb = len(bits)
    any_bit = 0
    for b in bits:
        any_bit |= b
    offsets = _OFFSETS
    top = len(offsets)
    i = 0
    for w in words:
        mo = cache_o.get(w)
        if mo is None:
            mo = _word_value(cache, w, caps)
        info[i] = mo
        m = cast(int, mo)
        if m & any_bit:
            io: object = offsets[i] if i < top else i
            for k in range(nb):
                if m & bits[k]:
                    found[k].append(io)
        i += 1
    return cast("list[int]", info), cast("list[list[int]]", found)


def where(info: list[int], bit: int) -> list[int]:
    """Indices of the words whose mask has ``bit``."""
    out: list[int] = []
    i = 0
    for m in info:
        if m & bit:
            out.append(i)
        i += 1
    return out
