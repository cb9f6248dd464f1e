"""The result of entity extraction: msgspec Structs, encoded as issue 6 item 3 shows."""

from __future__ import annotations

from typing import Any

import msgspec


class Mention(msgspec.Struct, kw_only=True):
    """One occurrence: ``cable.text[start:end] == text``."""

    text: str
    start: int
    end: int


class Title(msgspec.Struct, kw_only=True):
    as_written: str  # "former FM"
    expanded: str  # "former Foreign Minister"


class Person(msgspec.Struct, kw_only=True):
    name: str  # fullest form the cable gives, mixed case: "Yuval Fuchs"
    titles: list[Title] = msgspec.field(default_factory=list)
    affiliation: str | None = None  # country or organisation served: "Israel"
    mentions: list[Mention] = msgspec.field(default_factory=list)
    role: str | None = None  # "signer", "classified_by", "signer+classified_by"


class Organization(msgspec.Struct, kw_only=True):
    name: str  # "Russian Ministry of Foreign Affairs"
    mentions: list[Mention] = msgspec.field(default_factory=list)


class Place(msgspec.Struct, kw_only=True):
    name: str  # gazetteer name: "Saint Petersburg"
    kind: str  # country, city, region, other
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    mentions: list[Mention] = msgspec.field(default_factory=list)


class Acronym(msgspec.Struct, kw_only=True):
    short: str
    long: str
    mentions: list[Mention] = msgspec.field(default_factory=list)


class Quote(msgspec.Struct, kw_only=True):
    speaker: str
    text: str
    start: int = 0  # offset of the quoted text in ``cable.text``
    end: int = 0


class Entities(msgspec.Struct, kw_only=True):
    """Everything extracted from one cable."""

    reference_id: str | None = None
    people: list[Person] = msgspec.field(default_factory=list)
    organizations: list[Organization] = msgspec.field(default_factory=list)
    places: list[Place] = msgspec.field(default_factory=list)
    acronyms: list[Acronym] = msgspec.field(default_factory=list)
    quotes: list[Quote] = msgspec.field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = msgspec.to_builtins(self)
        for q in d["quotes"]:
            q.pop("start", None)
            q.pop("end", None)
        return d

    def to_json(self) -> bytes:
        return msgspec.json.encode(self.to_dict())
