"""Entities across the library: which mentions in different cables are one person, one
organisation, one place.

A cable's extraction (``cablekit.extract``) names people as fully as that cable does; here
each gets a *key*, and one library entity stands for every mention with that key:

- a person named in full ("Sergey Lavrov", "SERGEI LAVROV") is keyed by the name folded
  (case, accents, punctuation, the ``-ey``/``-ei`` transliteration of Russian names):
  spelling variants meet, different first names never do;
- a person a cable names only by surname ("Ivanov") cannot be told apart from every other
  Ivanov, so the key carries the affiliation the cable gives, if any: "Ivanov (Russia)"
  stands for the cables that name an Ivanov of Russia and no more (never merged with an
  Ivanov of Bulgaria), "Ivanov" for those that name an Ivanov of no stated affiliation;
- an organisation is keyed by its folded name, a place by its gazetteer name and country.

Then, across the library, ``resolve_aliases`` joins a key to a fuller one only when the
library leaves no doubt: "Gene Cretz" to "Gene A. Cretz" when no other Gene X. Cretz is
known, "Cretz (United States)" to the one full-named Cretz of the library. "Clinton
(United States)" stays apart while both Bill and Hillary Clinton are known; so does
"George Bush" beside George W. and George H. W. Bush.

The rows are computed in the ingest workers, beside the fingerprints.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from typing import Any

import msgspec

from cablekit.extract.model import Entities

KINDS = ("person", "organization", "place")
FORMAT = 1  # of the stored rows: a change here means re-extracting (ingest --reindex)

_PUNCT = re.compile(r"[^\w\s]+")
_EY = re.compile(r"(?<=\w\w)ey\b")  # Sergey -> sergei, Alexey -> alexei


class EntityRow(msgspec.Struct, array_like=True):
    """One entity of one cable, as the store keeps it."""

    kind: str  # person, organization, place
    key: str  # what makes it the same entity in another cable
    name: str  # the name shown
    mentions: int  # how often this cable mentions it
    titles: list[str]  # a person's titles here, expanded ("Foreign Minister")
    affiliation: str | None = None  # a person's country or organisation here
    role: str | None = None  # "signer", "classified_by"
    detail: dict[str, Any] | None = None  # a place's kind, country, lat, lon


# Folded names and person keys by name: the same people, places and organisations come
# back cable after cable, and unicodedata per character is the slow part of a row.
_CACHE_MAX = 50_000  # entries per cache before it starts afresh
_cache_fold: dict[str, str] = {}
_cache_person_key: dict[tuple[str, str | None], tuple[str, str]] = {}


def _fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.replace("'", ""))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_PUNCT.sub(" ", plain).casefold().split())


def fold(name: str) -> str:
    """Case, accents and punctuation away; spaces collapsed."""
    out = _cache_fold.get(name)
    if out is None:
        out = _fold(name)
        if len(name) < 200:  # names, not texts
            if len(_cache_fold) > _CACHE_MAX:
                _cache_fold.clear()
            _cache_fold[name] = out
    return out


def key_words(name: str) -> list[str]:
    """The words of a name as keys hold them (a query for entities is folded the same way)."""
    return [_EY.sub("ei", w) for w in fold(name).split()]


# words that begin a surname: "al-Maliki" and "Van Voorst" are surnames, not full names
PARTICLES = frozenset(
    "al el bin ben ibn abu abd van von der den de da di del della la le du dos das st".split()
)


def is_surname(words: list[str]) -> bool:
    return len(words) < 2 or all(w in PARTICLES for w in words[:-1])


def person_key(name: str, affiliation: str | None) -> tuple[str, str]:
    """(key, name shown) of a person: full names by themselves, surnames with their
    affiliation. (The country of the sending post is no context: a cable from Paris
    names Lavrov.)"""
    words = key_words(name)
    if not is_surname(words):
        return " ".join(words), name
    surname = " ".join(words)
    context = affiliation
    if not context:
        return f"{surname}|", name
    return f"{surname}|{fold(context)}", f"{name} ({context})"


def _person_key(name: str, affiliation: str | None) -> tuple[str, str]:
    """``person_key``, cached (see ``_cache_fold``)."""
    k = (name, affiliation)
    out = _cache_person_key.get(k)
    if out is None:
        if len(_cache_person_key) > _CACHE_MAX:
            _cache_person_key.clear()
        out = _cache_person_key[k] = person_key(name, affiliation)
    return out


def entity_rows(entities: Entities) -> list[EntityRow]:
    """The library rows of one cable's extraction (one per entity key)."""
    rows: dict[tuple[str, str], EntityRow] = {}

    def add(row: EntityRow) -> None:
        known = rows.get((row.kind, row.key))
        if known is None:
            rows[(row.kind, row.key)] = row
            return
        known.mentions += row.mentions  # two spellings of one key in a cable
        known.titles.extend(t for t in row.titles if t not in known.titles)
        known.role = known.role or row.role
        known.affiliation = known.affiliation or row.affiliation

    for p in entities.people:
        if not p.name.strip():
            continue
        key, shown = _person_key(p.name, p.affiliation)
        titles = list(dict.fromkeys(t.expanded for t in p.titles if t.expanded))
        add(EntityRow("person", key, shown, len(p.mentions), titles, p.affiliation, p.role or None))
    for o in entities.organizations:
        if o.name.strip():
            add(EntityRow("organization", fold(o.name), o.name, len(o.mentions), []))
    for pl in entities.places:
        if not pl.name.strip():
            continue
        detail = {"kind": pl.kind, "country": pl.country, "lat": pl.lat, "lon": pl.lon}
        key = place_key(pl.name, pl.country)
        add(EntityRow("place", key, pl.name, len(pl.mentions), [], detail=detail))
    return list(rows.values())


def place_key(name: str, country: str | None) -> str:
    return f"{fold(name)}|{fold(country or '')}"


def keys_of(extraction: dict[str, Any]) -> dict[tuple[str, int], tuple[str, str]]:
    """The (kind, key) of each person, organisation and place of an extraction as
    ``Entities.to_dict()`` gives it: ``{("people", 0): ("person", key), ...}``."""
    out: dict[tuple[str, int], tuple[str, str]] = {}
    for i, p in enumerate(extraction.get("people", [])):
        out[("people", i)] = ("person", person_key(p["name"], p.get("affiliation"))[0])
    for i, o in enumerate(extraction.get("organizations", [])):
        out[("organizations", i)] = ("organization", fold(o["name"]))
    for i, pl in enumerate(extraction.get("places", [])):
        out[("places", i)] = ("place", place_key(pl["name"], pl.get("country")))
    return out


def resolve_aliases(people: list[tuple[int, str, str | None]]) -> dict[int, int]:
    """Which person keys are shorter forms of exactly one fuller key: ``{alias id: id}``.

    ``people``: (entity id, key, the affiliation most of its cables give). Two steps:
    a full name without middle names or initials joins the one variant that has them
    ("gene cretz" -> "gene a cretz"; nothing when "george w bush" and "george h w bush"
    both exist); then a bare surname joins the one full name of that surname when the
    affiliations do not disagree (either is unknown, or they are the same: US officials
    who sign or classify a cable are rarely given one).
    """
    full: dict[str, int] = {}
    affiliation: dict[int, str | None] = {}
    surnames: list[tuple[int, str, str]] = []
    for ident, key, aff in people:
        if "|" in key:
            surname, _, context = key.partition("|")
            surnames.append((ident, surname, context))
        else:
            full[key] = ident
            affiliation[ident] = aff
    alias: dict[int, int] = {}
    by_ends: dict[tuple[str, str], list[str]] = {}
    for key in full:
        words = key.split()
        by_ends.setdefault((words[0], words[-1]), []).append(key)
    for (first, last), keys in by_ends.items():
        plain = f"{first} {last}"
        fuller = [k for k in keys if k != plain]
        if plain in full and len(fuller) == 1:
            alias[full[plain]] = full[fuller[0]]
    by_surname: dict[str, list[int]] = {}
    for key, ident in full.items():
        if ident in alias:
            continue
        words = key.split()
        for i in range(1, len(words)):  # "nouri al maliki": "maliki" and "al maliki"
            if is_surname(words[i:]):
                by_surname.setdefault(" ".join(words[i:]), []).append(ident)
    for ident, surname, context in surnames:
        candidates = by_surname.get(surname, [])
        if len(candidates) != 1:
            continue
        target = candidates[0]
        known = affiliation.get(target)  # officials who sign or classify have none given
        if not context or known is None or fold(known) == context:
            alias[ident] = target
    return alias


_encode = msgspec.json.Encoder().encode


def pack(entities: Entities) -> bytes:
    """A cable's extraction as the store keeps it: zlib-compressed JSON."""
    return zlib.compress(_encode(entities), 3)


def unpack(blob: bytes) -> Entities:
    return msgspec.json.decode(zlib.decompress(blob), type=Entities)
