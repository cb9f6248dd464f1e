"""Organisations: names as written, never running across sentences."""

from __future__ import annotations

from cablekit import parse_cable
from cablekit.extract import extract_entities
from cablekit.extract.organizations import sentence_start

TEXT = """SUBJECT: VISIT

1. (C) The delegation then flew to Brazil. The Foreign Ministry said it would
help.  The talks went well in Costa Rica. Post will follow up with Drummond Co.
Inc officials, with the U.S. Embassy and with the W. K. Kellogg Foundation.
"""


def _orgs(text: str) -> set[str]:
    cable = parse_cable(text, metadata={"origin": "Embassy Brasilia"})
    return {o["name"] for o in extract_entities(cable).to_dict()["organizations"]}


def test_a_name_does_not_run_across_sentences() -> None:
    """Regression: "Brazil. The Foreign Ministry" and "Costa Rica. Post" were organisations
    (about 800 such names in the dev corpus)."""
    orgs = _orgs(TEXT)
    assert not [o for o in orgs if o.startswith(("Brazil.", "Costa Rica.", "Rica."))]
    assert "Brazilian Ministry of Foreign Affairs" in orgs
    assert {"Drummond Co. Inc", "W. K. Kellogg Foundation"} <= orgs  # stops inside names


def test_where_a_sentence_starts_within_a_name() -> None:
    assert sentence_start("Brazil. The Foreign Ministry".split()) == 1
    assert sentence_start("Summary. Embassy".split()) == 1
    assert sentence_start("SUMMARY. The Board".split()) == 1
    assert sentence_start("U.S. Embassy".split()) == 0  # a dotted abbreviation
    assert sentence_start("W. K. Kellogg Foundation".split()) == 0  # initials
    assert sentence_start("Drummond Co. Inc".split()) == 0  # an abbreviation
    assert sentence_start("St. Edward's University".split()) == 0
    assert sentence_start("Embassy.".split()) == 0  # a stop at the end cuts nothing


def test_the_white_house_is_an_organisation_not_a_person() -> None:
    """Regression: "the Obama White House" gave a person "Obama White", and "White House"
    was no organisation (385 mentions in the dev corpus, one in the gold set)."""
    text = (
        "SUBJECT: VISIT\n\n1. (C) The Obama White House said nothing. FM Lavrov met"
        " Ambassador Beyrle.\n2. (C) THE WHITE HOUSE WILL DECIDE.\n"
    )
    cable = parse_cable(text, metadata={"origin": "Embassy Moscow"})
    found = extract_entities(cable)
    orgs = {o.name: [m.text for m in o.mentions] for o in found.organizations}
    assert orgs["White House"] == ["White House", "WHITE HOUSE"]
    people = {p.name: [m.text for m in p.mentions] for p in found.people}
    assert "Obama White" not in people and "White" not in people
    assert people["Obama"] == ["Obama"]  # a name used as a modifier (GUIDELINES.md)


def test_a_firm_with_and_without_its_country_is_one_organisation() -> None:
    """Regression (second blind set): "US Barr Labs" beside "Barr Labs" were two
    organisations; "Labs" and "Pharmaceuticals" end a firm's name."""
    orgs = _orgs(
        "SUBJECT: PLIVA\n\n1. (C) Pliva Pharmaceuticals may be sold to pharmaceutical"
        " company Barr Labs. Bids came from US Barr Labs and Icelandic Actavis.\n"
    )
    assert "Barr Labs" in orgs and "US Barr Labs" not in orgs
    assert "Pliva Pharmaceuticals" in orgs
    # without a host country, another country's ministry stays apart from an unqualified one
    cable = parse_cable(
        "SUBJECT: T\n\n1. (C) The Ministry of Defense said the Israeli Ministry of Defense"
        " had called.\n",
        metadata={"origin": "Secretary of State"},
    )
    names = {o["name"] for o in extract_entities(cable).to_dict()["organizations"]}
    assert {"Ministry of Defense", "Israeli Ministry of Defense"} <= names


def test_a_regions_government_is_not_its_countrys() -> None:
    """Regression: with "Scottish" read as a region's adjective (a person's affiliation
    is the United Kingdom), "the Scottish government" is still not the United Kingdom's."""
    cable = parse_cable(
        "SUBJECT: A TEST\n\n1. (C) The Scottish government released Megrahi, and the\n"
        "British government regretted it.\n",
        metadata={"origin": "Embassy London"},
    )
    orgs = {
        o["name"]: [m["text"] for m in o["mentions"]]
        for o in extract_entities(cable).to_dict()["organizations"]
    }
    assert orgs["Government of the United Kingdom"] == ["British government"]


def test_a_region_adjective_stays_in_a_partys_name() -> None:
    """Regression: a region's adjective is no nationality to strip from a body's name:
    "the Catalan Socialist Party" is not the Socialist Party."""
    cable = parse_cable(
        "SUBJECT: A TEST\n\n1. (C) The Catalan Socialist Party and the Socialist Party differ.\n",
        metadata={"origin": "Embassy Madrid"},
    )
    orgs = {
        o["name"]: len(o["mentions"]) for o in extract_entities(cable).to_dict()["organizations"]
    }
    assert orgs == {"Catalan Socialist Party": 1, "Socialist Party": 1}


def test_known_bodies_that_look_like_names() -> None:
    """Regression (sets 15 and 17): "Itamaraty" (the Brazilian foreign ministry, by its
    seat's name), "REPSOL" and "the Turkish Red Crescent" are bodies; none is a person."""
    cable = parse_cable(
        "SUBJECT: A TEST\n\n1. (C) Itamaraty officials met Repsol and REPSOL YPF staff.\n"
        "2. (U) The Turkish Red Crescent sent tents, Minister Amorim said.\n",
        metadata={"origin": "Consulate Sao Paulo"},
    )
    found = extract_entities(cable).to_dict()
    orgs = {o["name"]: [m["text"] for m in o["mentions"]] for o in found["organizations"]}
    assert orgs["Brazilian Ministry of External Relations"] == ["Itamaraty"]
    assert sorted(orgs["Repsol"]) == ["REPSOL", "Repsol"]
    assert any("Red Crescent" in name for name in orgs)
    assert [p["name"] for p in found["people"]] == ["Amorim"]


def test_an_owner_s_possessive_before_a_body_s_name() -> None:
    """Regression (read sets 2, 5, 6, 29 and 36, once a curly apostrophe read as one:
    "Bulgaria's Export Commission", "MFA's Security Policy Division", "Algerian Defense
    Ministry's Office of External Relations and Cooperation" were one body each): a
    place's, a body's or a two-word title's possessive before a name of two words or more
    owns it, the owner a body of its own where it is one; a body's possessive is kept
    ("Lord's Resistance Army"); two names that differ by an apostrophe are one body, and
    a date after a name is none of it."""
    orgs = _orgs(
        "SUBJECT: TEST\n\n1. (C) Bulgaria\u2019s Export Commission met the Algerian Defense "
        "Ministry's Office of External Relations and Cooperation, the Lord's Resistance Army "
        "and the MFA's International Organizations Department on December 2.\n"
    )
    assert "Export Commission" in orgs and not any(o.startswith("Bulgaria") for o in orgs)
    assert "Office of External Relations and Cooperation" in orgs
    assert any(o.endswith("Ministry of Defense") for o in orgs)
    assert "Lord's Resistance Army" in orgs
    assert not any("December" in o for o in orgs)


def test_names_that_differ_by_an_apostrophe_are_one_body() -> None:
    """Regression (read set 36's 08ISLAMABAD1432: "Pakistan People’s Party" and, for its
    initials, the glossary's "Pakistan Peoples Party" were two bodies): names that differ
    only by apostrophes are one body, under the text's spelling."""
    cable = parse_cable(
        "SUBJECT: TEST\n\n1. (C) The Pakistan People\u2019s Party won; the PPP formed a "
        "government.\n",
        metadata={"origin": "Embassy Islamabad"},
    )
    orgs = extract_entities(cable).to_dict()["organizations"]
    ppp = [o for o in orgs if "Peoples" in o["name"].replace("'", "")]
    assert [o["name"] for o in ppp] == ["Pakistan People's Party"]
    assert [m["text"] for m in ppp[0]["mentions"]] == ["Pakistan People\u2019s Party", "PPP"]


def test_papers_named_beside_the_word_for_them() -> None:
    """Regression (sets 40-49, read: "El Mercurio", "La Prensa Libre", "Al Masry Al Youm"
    were no organisations, and papers were people in 21 dev cables, "Clarin", "Granma",
    "Dnevni Avaz"; 234 dev cables changed): a paper's name after "daily", "newspaper",
    "weekly", "magazine" or before it after "the", over a line's end; not a day, a title,
    a language, a nationality or an owner's possessive, and not a person named after a
    paper named before the word ("Al Shorouk newspaper, Salama Ahmed Salama")."""
    cable = parse_cable(
        "SUBJECT: TEST\n\n1. (U) In an editorial, daily newspaper La\nPrensa Libre voiced "
        "support. One of the leading dailies, El Mercurio, ran a poll. The independent daily "
        "Al Masry Al Youm and the pro-government Al Ahram daily said so. The Arabic daily "
        "and the President's daily brief did not. In an op-ed column in Al Shorouk "
        "newspaper, Salama Ahmed Salama wrote that the delegation failed. Clarin's December "
        "edition agreed with the daily Clarin.\n",
        metadata={"origin": "Embassy Cairo"},
    )
    found = extract_entities(cable)
    orgs = {o.name for o in found.organizations}
    assert {"La Prensa Libre", "El Mercurio", "Al Masry Al Youm", "Al Ahram", "Clarin"} <= orgs
    assert not orgs & {"Arabic", "President's", "Salama Ahmed Salama"}
    people = {p.name for p in found.people}
    assert "Salama Ahmed Salama" in people and "Clarin" not in people


def test_a_translation_in_brackets_is_the_same_organisation() -> None:
    """Regression (set 9's 06TASHKENT465, read: 'the magazine "Vysshee Obshchestvo" ("High
    Society")' gave two organisations; 2 dev cables): a quoted translation in brackets
    just after a name is a mention of it."""
    cable = parse_cable(
        'SUBJECT: TEST\n\n1. (U) Photos appeared in the Russian magazine "Vysshee Obshchestvo"'
        ' ("High Society").\n',
        metadata={"origin": "Embassy Tashkent"},
    )
    orgs = {o.name: [m.text for m in o.mentions] for o in extract_entities(cable).organizations}
    assert orgs == {"Vysshee Obshchestvo": ["Vysshee Obshchestvo", "High Society"]}
