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


def test_a_capital_wins_a_name_it_shares_and_a_post_is_never_at_home() -> None:
    """Regression (set 18): "San Jose" was California's, so the 529 dev cables of Embassy
    San Jose had the United States as their host ("American Ministry of Foreign
    Relations"); Rangoon, Kiev and Port Au Prince were no places at all."""
    assert host_country("Embassy San Jose") == "Costa Rica"
    assert host_country("US Interests Section Havana") == "Cuba"
    assert host_country("Embassy Rangoon") == "Myanmar"
    assert host_country("Embassy Port Au Prince") == "Haiti"
    assert host_country("American Institute Taiwan, Taipei") == "Taiwan"
    assert host_country("Iran RPO Dubai") == "Iran"  # it reports on Iran
    assert host_country("US Delegation, Secretary") is None
    assert host_country("Embassy ") is None  # (an origin with no city)
    cable = parse_cable(
        "SUBJECT: A TEST\n\n1. (C) The Ministry of Foreign Relations in San Jose wrote to\n"
        "Rangoon, Kiev and Bombay.\n",
        metadata={"origin": "Embassy San Jose"},
    )
    found = extract_entities(cable).to_dict()
    places = {p["name"]: p["country"] for p in found["places"]}
    assert places["San Jose"] == "Costa Rica"
    assert places["Yangon"] == "Myanmar" and places["Kyiv"] == "Ukraine"
    assert places["Mumbai"] == "India"
    orgs = {o["name"] for o in found["organizations"]}
    assert "Costa Rican Ministry of Foreign Relations" in orgs


def test_a_country_s_first_level_subdivisions_of_two_words_are_places() -> None:
    """Regression (sets 16 and 29: "Tamil Nadu" and "Uttar Pradesh" read as people; the
    dev corpus gave 20 "people" named Mato Grosso): the gazetteer has ISO 3166-2's
    first-level subdivisions of two or more words, as regions of their country. One-word
    ones are often a surname too ("Toledo", "Lagos") and are not added, nor names of
    English words alone ("Long Island" in the Bahamas)."""
    text = (
        "SUBJECT: FLOODS\n\n1. (U) Floods hit Tamil Nadu, Uttar Pradesh and Mato Grosso. "
        "President Toledo flew over Long Island.\n"
    )
    found = extract_entities(parse_cable(text, metadata={"origin": "Embassy New Delhi"}))
    places = {p["name"]: p for p in found.to_dict()["places"]}
    assert places["Tamil Nadu"]["kind"] == "region"
    assert places["Tamil Nadu"]["country"] == "India"
    assert places["Mato Grosso"]["country"] == "Brazil"
    assert "Uttar Pradesh" in places and "Long Island" not in places
    assert [p["name"] for p in found.to_dict()["people"]] == ["Toledo"]


def test_the_islands_of_the_bases_are_places_not_people() -> None:
    """Regression (sets 41 and 48's 09LONDON2318 and 09LONDON2347, read: "Diego Garcia" was
    a person in both, and in 8 dev cables; "Chagos Archipelago" one in 2): the curated
    regions hold the islands cables name for their bases."""
    cable = parse_cable(
        "SUBJECT: A TEST\n\n1. (C) The UK holds the Chagos Archipelago, where Diego Garcia\n"
        "lies, and Ascension Island.\n",
        metadata={"origin": "Embassy London"},
    )
    found = extract_entities(cable).to_dict()
    places = {p["name"]: p for p in found["places"]}
    assert {"Chagos Islands", "Diego Garcia", "Ascension Island"} <= set(places)
    assert places["Diego Garcia"]["lat"] is not None
    assert found["people"] == []
