"""People, titles and roles from a real cable (09MOSCOW1488, abridged)."""

from __future__ import annotations

from cablekit import parse_cable
from cablekit.extract import extract_entities

TEXT = """C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 001488
SIPDIS
E.O. 12958: DECL: 06/05/2019
TAGS: PGOV PREL IR IS SY GG RS
SUBJECT: ISRAELI FM LIEBERMAN IN MOSCOW

Classified By: Political M/C Alice G. Wells for reasons 1.4 (b/d).

1. (C) Summary: Israeli FM Lieberman's June 2-3 visit to
Russia appears not to have broken new ground.  The trip included meetings
with Medvedev and Putin, as well as a lengthy discussion with
FM Lavrov.  Lavrov said that "nothing new" could happen on Iran.

2. (C) Israeli DCM Yuval Fuchs told us that FM Lieberman's
visit ran the gamut.  On June 3, Lieberman had breakfast with former FM
Igor Ivanov (a personal friend).  Fuchs said Lavrov directed DFM Saltanov to
explore this possibility.
BEYRLE
"""


def _people() -> dict[str, dict]:
    cable = parse_cable(TEXT, "09MOSCOW1488", metadata={"origin": "Embassy Moscow"})
    ents = extract_entities(cable).to_dict()
    for p in ents["people"]:
        for m in p["mentions"]:
            assert cable.text[m["start"] : m["end"]] == m["text"]
    return {p["name"]: p for p in ents["people"]}


def test_titles_before_names() -> None:
    people = _people()
    assert people["Lavrov"]["titles"][0] == {"as_written": "FM", "expanded": "Foreign Minister"}
    assert people["Saltanov"]["titles"][0]["expanded"] == "Deputy Foreign Minister"
    assert people["Igor Ivanov"]["titles"][0]["expanded"] == "former Foreign Minister"


def test_full_name_joined_and_affiliation() -> None:
    fuchs = _people()["Yuval Fuchs"]
    assert fuchs["affiliation"] == "Israel"
    assert [m["text"] for m in fuchs["mentions"]] == ["Yuval Fuchs", "Fuchs"]
    lieb = _people()["Lieberman"]
    assert "LIEBERMAN" in [m["text"] for m in lieb["mentions"]]  # SUBJECT line, capitals
    assert all(m["text"] == m["text"].rstrip("'s") for m in lieb["mentions"])


def test_slavic_surname_alone_and_roles() -> None:
    people = _people()
    assert "Medvedev" in people and "Putin" in people
    assert people["Beyrle"]["role"] == "signer"
    wells = people["Alice G. Wells"]
    assert wells["role"] == "classified_by"
    assert wells["titles"][0]["expanded"] == "Political Minister-Counselor"


def test_quote_speaker() -> None:
    cable = parse_cable(TEXT, "09MOSCOW1488", metadata={"origin": "Embassy Moscow"})
    quotes = extract_entities(cable).to_dict()["quotes"]
    assert {"speaker": "Lavrov", "text": "nothing new"} in quotes
