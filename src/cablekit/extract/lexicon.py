"""Knowledge the extractor reads: glossaries, the gazetteer, word lists.

Loaded once, lazily (the first extraction pays ~30 ms), from ``data/``. Everything here
is domain knowledge of cable writing, not learnt from any corpus of cables.
"""

from __future__ import annotations

import gzip
import json
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Final

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True, slots=True)
class Gaz:
    """One gazetteer entry."""

    name: str
    kind: str  # country, city, region, other
    country: str | None
    lat: float | None
    lon: float | None


@dataclass(slots=True)
class Lexicon:
    acronyms: dict[str, tuple[str, str]] = field(default_factory=dict)  # SHORT -> (long, kind)
    titles: dict[str, str] = field(default_factory=dict)  # as written -> expansion
    titles_upper: dict[str, str] = field(default_factory=dict)
    title_parts: dict[str, str] = field(default_factory=dict)  # "Econ" -> "Economic"
    places: dict[str, Gaz] = field(default_factory=dict)  # casefolded surface -> entry
    countries: dict[str, Gaz] = field(default_factory=dict)  # name -> entry
    demonyms: dict[str, str] = field(default_factory=dict)  # "Israeli" -> "Israel"
    # the region adjectives among them ("Bavarian" -> "Germany"): no national body's
    regional: frozenset[str] = frozenset()
    country_demonym: dict[str, str] = field(default_factory=dict)  # "Israel" -> "Israeli"
    fips: dict[str, str] = field(default_factory=dict)  # TAGS geo code -> country
    iso: dict[str, str] = field(default_factory=dict)  # folded name/alias/demonym -> ISO "RU"
    common: frozenset[str] = frozenset()  # lower-case English words
    known_surnames: frozenset[str] = frozenset()  # "Musharraf": a person's name alone
    # the title abbreviations only ever written with their stop ("Sen.", "Rep.", "Min."),
    # before a capitalised word: the tokenizer leaves the stop out ("Sen"), and the word
    # alone is a name as often ("Amartya Sen", "Min Ko Naing")
    dotted_titles: frozenset[str] = frozenset()


def fold(s: str) -> str:
    """Strip accents: cables are ASCII, GeoNames is not."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _lines(name: str) -> list[str]:
    try:
        text = (DATA / name).read_text(encoding="utf-8")
    except OSError:
        return []
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _written_variants(form: str) -> list[str]:
    """Other ways cables write a title abbreviation: a run-together staff title in one
    capital ("PolCouns" -> "Polcouns", "ForMin" -> "Formin"), and a two- or three-letter
    one with stops ("PM" -> "P.M.", "DCM" -> "D.C.M.")."""
    if not form.isalpha():
        return []
    if form[0].isupper() and any(c.islower() for c in form) and any(c.isupper() for c in form[1:]):
        return [form.capitalize()]
    if form.isupper() and 2 <= len(form) <= 3:
        return [".".join(form) + "."]
    return []


# A dotted abbreviation that is also another word's: "International Sec. Officer" is a
# section's officer, not a secretary
_DOTTED_NOT_TITLES: Final = frozenset({"Sec"})


def _dotted_titles(lex: Lexicon) -> frozenset[str]:
    """The title abbreviations the lexicon lists only with their stop ("Sen." for "Sen
    Chuck Hagel" written "Sen. Chuck Hagel", "Rep.", "Min."), as the tokenizer gives them
    (without it); in capitals too, unless the capitals are also a glossary acronym ("GOV."
    for Venezuela's government)."""
    forms: set[str] = set()
    for written in lex.titles:
        bare = written[:-1]
        if (
            written.endswith(".")
            and bare.isalpha()
            and bare not in lex.titles
            and bare not in _DOTTED_NOT_TITLES
        ):
            forms.add(bare)
            if bare.upper() not in lex.acronyms:
                forms.add(bare.upper())
    return frozenset(forms)


# Glossary titles that are no title abbreviation before a name: an office before its
# holder's rank ("CDDEA Ambassador E. Anthony Wayne") and a routing address ("SECSTATE
# WASHDC")
_NOT_BEFORE_NAMES: Final = frozenset({"CDDEA", "SECSTATE"})


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    lex = Lexicon()
    for ln in _lines("acronyms.txt"):
        parts = ln.split("|")
        if len(parts) == 3:
            lex.acronyms.setdefault(parts[0], (parts[1], parts[2]))
    for ln in _lines("titles.txt"):
        parts = ln.split("|")
        if len(parts) == 2 and parts[0].startswith("-"):
            lex.title_parts.setdefault(parts[0][1:], parts[1])
        elif len(parts) == 2:
            lex.titles.setdefault(parts[0], parts[1])
            if len(parts[0]) > 2 or parts[0].isupper():
                # (not "Lt" as "LT", which a cable in mixed case writes for another thing:
                # "LT member Shafiq Khafa", the Lashkar-e-Tayyiba)
                lex.titles_upper.setdefault(parts[0].upper(), parts[1])
            for variant in _written_variants(parts[0]):
                lex.titles.setdefault(variant, parts[1])
    # the glossary's titles are title abbreviations too ("CHOD Basbug", "SECDEF Gates"),
    # not a plural ("MPs") nor one written as an office before a rank or an address
    for short, (long, kind) in lex.acronyms.items():
        if kind == "title" and not short.endswith("s") and short not in _NOT_BEFORE_NAMES:
            lex.titles.setdefault(short, long)
            lex.titles_upper.setdefault(short.upper(), long)
    # "D/" before a title abbreviation is its deputy: "D/PM Bos", "D/CHOD Saygun"
    for short, long in list(lex.titles.items()):
        if "/" not in short and short[:1].isupper() and not long.startswith("Deputy"):
            lex.titles.setdefault(f"D/{short}", f"Deputy {long}")
    lex.dotted_titles = _dotted_titles(lex)
    lex.common = frozenset(_lines("common_words.txt"))
    lex.known_surnames = frozenset(ln.split("|", 1)[0] for ln in _lines("known_people.txt"))
    try:
        gaz = json.loads((DATA / "gazetteer.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        gaz = {}
    places = lex.places
    # cities first, then regions, then countries: a country wins a name it shares
    for name, country, lat, lon, aliases in gaz.get("cities", []):
        e = Gaz(fold(name), "city", country, lat, lon)
        for s in (name, *aliases):
            places.setdefault(fold(s).casefold(), e)  # listed largest first: it wins
    for name, kind, country, lat, lon, aliases in gaz.get("regions", []):
        e = Gaz(name, kind, country, lat, lon)
        for s in (name, *aliases):
            places[fold(s).casefold()] = e
    for name, _iso, fips, lat, lon, aliases, dems in gaz.get("countries", []):
        name = name.strip()
        e = Gaz(name, "country", name, lat, lon)
        lex.countries[name] = e
        for s in (name, *aliases):
            places[fold(s).casefold()] = e
        if fips:
            lex.fips[fips] = name
        if isinstance(_iso, str) and len(_iso) == 2:
            for s in (name, *aliases, *dems):
                key = fold(s).casefold()
                lex.iso.setdefault(key, _iso)
                lex.iso.setdefault(key.removeprefix("the "), _iso)  # "The Netherlands"
        for d in dems:
            lex.demonyms[d] = name
            lex.country_demonym.setdefault(name, d)
    regional = gaz.get("region_demonyms", {})
    for d, name in regional.items():
        lex.demonyms.setdefault(d, name)
    lex.regional = frozenset(regional)
    # the cables' own word for an American citizen ("an Amcit Holocaust survivor")
    for d in ("Amcit", "AmCit", "Amcits", "AmCits"):
        lex.demonyms.setdefault(d, "United States")
    return lex


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Words English writes only in lower case ("sheeting", "husbandry"; not "rice", which
    is also a surname): ``data/english_words.txt.gz``, built from SCOWL by
    ``tools/build_english_words.py``."""
    try:
        text = gzip.decompress((DATA / "english_words.txt.gz").read_bytes()).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError):
        return frozenset()
    return frozenset(ln for ln in text.split("\n") if ln and not ln.startswith("#"))


def country_iso(name: str | None) -> str | None:
    """The ISO 3166 alpha-2 code ("RU") of a country given by its name, an alias or a
    demonym ("Russian Federation", "Russian", "the Netherlands"), or None."""
    if not name:
        return None
    key = fold(name.strip()).casefold()
    iso = lexicon().iso
    return iso.get(key) or iso.get(key.removeprefix("the "))
