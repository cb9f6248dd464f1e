"""Places from the offline gazetteer, with coordinates."""

from __future__ import annotations

from cablekit import parse_cable
from cablekit.extract import extract_entities, host_country

TEXT = """SUBJECT: LAVROV IN DAMASCUS

1. (C) Talks would include the future of the Golan
Heights, a flight to St. Petersburg, U.S. plans and Moscow's view of Georgia.
"""


def test_places_and_coordinates() -> None:
    cable = parse_cable(TEXT, metadata={"origin": "Embassy Moscow"})
    places = {p["name"]: p for p in extract_entities(cable).to_dict()["places"]}
    assert places["Golan Heights"]["mentions"][0]["text"] == "Golan\nHeights"
    assert places["Saint Petersburg"]["country"] == "Russia"
    assert places["United States"]["kind"] == "country"
    assert places["Damascus"]["mentions"][0]["text"] == "DAMASCUS"
    moscow = places["Moscow"]
    assert moscow["kind"] == "city" and abs(moscow["lat"] - 55.75) < 0.1
    assert "Georgia" in places


def test_host_country() -> None:
    assert host_country("Embassy Moscow") == "Russia"
    assert host_country("Consulate Lahore") == "Pakistan"
    assert host_country("USUN New York") is None
    assert host_country(None) is None


def test_the_netherlands_by_its_usual_names() -> None:
    """Regression: GeoNames calls it "The Netherlands", so "Netherlands", "Holland" and
    "Dutch" were not read at all, and "Dutch Prime Minister" was a person."""
    cable = parse_cable(
        "SUBJECT: A TEST\n\n1. (C) Dutch Prime Minister Balkenende said the Netherlands and\n"
        "Holland are one.\n",
        metadata={"origin": "Embassy The Hague"},
    )
    ents = extract_entities(cable).to_dict()
    places = {p["name"]: p for p in ents["places"]}
    assert len(places["Netherlands"]["mentions"]) == 2
    assert places["Netherlands"]["lat"] is not None
    assert [p["name"] for p in ents["people"]] == ["Balkenende"]
    assert ents["people"][0]["affiliation"] == "Netherlands"
