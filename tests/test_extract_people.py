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


def _people_of(
    body: str,
    cid: str = "03ANKARA1516",
    origin: str = "Embassy Ankara",
    head: str = "ANKARA 001516\nSIPDIS\nE.O. 12958: DECL: 03/10/2013\nTAGS: PGOV PREL TU",
    signer: str = "PEARSON",
) -> dict[str, dict]:
    text = f"C O N F I D E N T I A L {head}\nSUBJECT: A TEST\n\n{body}\n{signer}\n"
    cable = parse_cable(text, cid, metadata={"origin": origin})
    return {p["name"]: p for p in extract_entities(cable).to_dict()["people"]}


def _titles(person: dict) -> list[tuple[str, str]]:
    return [(t["as_written"], t["expanded"]) for t in person["titles"]]


def _titled(body: str, origin: str = "Embassy Ankara") -> dict[str, list[tuple[str, str]]]:
    """Each person's titles (written, expanded) in a cable of ``body``, the signer left out."""
    people = _people_of(body, origin=origin)
    people.pop("Pearson")
    return {n: _titles(p) for n, p in people.items()}


def test_title_abbreviations_as_cables_write_them() -> None:
    """Regression (unseen gold set): a run-together staff title in one capital, a title
    with stops, and security-office abbreviations are titles, not part of the name."""
    people = _people_of(
        "1. (C) Polcouns John Kunstadter met Islamist former P.M. Necmettin Erbakan.\n"
        "2. (U) ARSO Kevin W. Murphy and PolEcon Counselor Andrew C. Mann attended.\n"
    )
    assert _titles(people["John Kunstadter"]) == [("Polcouns", "Political Counselor")]
    assert _titles(people["Necmettin Erbakan"]) == [("former P.M.", "former Prime Minister")]
    assert _titles(people["Kevin W. Murphy"]) == [("ARSO", "Assistant Regional Security Officer")]
    assert ("PolEcon Counselor", "Political/Economic Counselor") in _titles(
        people["Andrew C. Mann"]
    )


def test_a_role_in_an_apposition_after_a_or_an() -> None:
    """Regression: "Migi, an accountant," labels the person (the guidelines keep such
    roles); a bare surname linked after the scan gets it too."""
    people = _people_of(
        "1. (SBU) Guldane Migi and Huseyin Yelki told us of their troubles. Migi, an\n"
        "accountant, organizes small meetings. Yelki, a sales representative for Kayra, a\n"
        "small publishing house, agreed. Migi, a day later, left.\n"
    )
    assert _titles(people["Guldane Migi"]) == [("accountant", "accountant")]
    assert _titles(people["Huseyin Yelki"]) == [
        ("sales representative for Kayra", "sales representative for Kayra")
    ]


def test_a_role_in_an_apposition_after_the() -> None:
    """Regression: "X, the film director," labels X too; but "A, the driver, and B" is a
    list, a relation ("the brother of") is no role, and "mayor of St.Andre" is not cut
    at the abbreviation's stop."""
    people = _people_of(
        "1. (C) Steven Spielberg, the film director, visited. Reports name Giuliana Sgrena,\n"
        "the driver, and the Station Chief. Jermaine Walters, the brother of a suspect,\n"
        "was held. Palocci replaced Celso Daniel, the mayor of St.Andre, as coordinator.\n"
    )
    assert _titles(people["Steven Spielberg"]) == [("film director", "film director")]
    for name in ("Giuliana Sgrena", "Jermaine Walters"):
        assert _titles(people[name]) == [], name
    assert "mayor of St" not in [written for written, _ in _titles(people["Celso Daniel"])]


def test_a_party_with_a_hyphenated_acronym_before_a_title() -> None:
    """Regression: "the PML-N Finance Secretary" is a title held in the PML-N."""
    people = _people_of(
        "1. (C) Pervaiz Malik, the PML-N Finance Secretary and advisor to Chief Minister\n"
        "Shahbaz Sharif, also acknowledged it.\n"
    )
    assert _titles(people["Pervaiz Malik"]) == [
        ("PML-N Finance Secretary", "Pakistan Muslim League-Nawaz Finance Secretary")
    ]
    assert people["Pervaiz Malik"]["affiliation"] == "Pakistan Muslim League-Nawaz"
    assert _titles(people["Shahbaz Sharif"]) == [("Chief Minister", "Chief Minister")]


def test_a_unit_name_goes_on_after_for_and_of() -> None:
    """Regression: a title's unit is named in full ("... Office of the Ministry of Foreign
    Affairs", not "... of the Ministry"), and the body's acronym in parentheses after it
    is no person ("... of Tajikistan (IRPT)")."""
    people = _people_of(
        "1. (C) Guillermet Fernandez, Director General of the Foreign Policy Office of the\n"
        "Ministry of Foreign Affairs, met us. First Deputy Chairman of the Islamic Renaissance\n"
        "Party of Tajikistan (IRPT) and Member of Parliament, Muhiddin Kabiri, agreed.\n"
    )
    assert _titles(people["Guillermet Fernandez"])[0][0] == (
        "Director General of the Foreign Policy Office of the Ministry of Foreign Affairs"
    )
    assert "Muhiddin Kabiri" in people
    assert not any("Irpt" in name or "IRPT" in name for name in people)


def test_ministry_portfolios_are_part_of_the_title() -> None:
    """Regression: "Minister of Social Protection Diego Palacio" (not "Minister of Social"
    and a person "Protection Diego Palacio"), "Minister of Public Works Zeki Ergezen"."""
    people = _people_of(
        "1. (C) The meeting was held by Minister of Social Protection Diego Palacio. The\n"
        "new Minister of Public Works Zeki Ergezen agreed.\n"
    )
    assert _titles(people["Diego Palacio"]) == [
        ("Minister of Social Protection", "Minister of Social Protection")
    ]
    assert _titles(people["Zeki Ergezen"])[0][0].endswith("Minister of Public Works")


def _people_but_not(body: str, real: set[str], junk: tuple[str, ...]) -> dict[str, dict]:
    """The people of ``body``: every name of ``real`` among them, none holding a ``junk``."""
    people = _people_of(body)
    assert real <= set(people)
    for name in junk:
        assert not any(name in p for p in people), name
    return people


def test_names_of_things_are_not_people() -> None:
    """Regression: capitalised words before "Road", "Trading Co.", "Database", a firm
    ending in "Enterprise", a plural acronym and a salutation are no person's name."""
    people = _people_but_not(
        "1. (C) The shipper, Myanmar Ruby Enterprise, lists No. 24 Sule Pagoda Road.\n"
        "The consignee is Yunnan Minmetals Trading Co., Ltd. A check of the Consolidated\n"
        "Consular Database found no record. Tamil IDPs would stay in camps. The letter\n"
        "reads: Dear Secretary: we thank you. Ahmed Ezz met Ali Babacan.\n",
        {"Ahmed Ezz", "Ali Babacan"},
        ("Ruby Enterprise", "Sule Pagoda", "Yunnan Minmetals", "Tamil IDPs", "Dear"),
    )
    assert "Consolidated Consular" not in people


def test_names_of_agreements_regions_and_events_are_not_people() -> None:
    """Regression: "Free Trade" (of "Free Trade Area"), "Intellectual Property" (of
    "... Rights"), "Nile Basin", "Penal Code", "Universal Periodic" (of "... Review"),
    "Pan Am" (of "... Games") and "Liberal Democrats" were people, some in thousands of
    cables at 251k; a person's name used as a modifier still names the person ("the McCain
    Amendment")."""
    _people_but_not(
        "1. (C) Talks on the Central American Free Trade Area went on. Protection of\n"
        "Intellectual Property Rights was raised, as were the Nile Basin talks, the\n"
        "Turkish Penal Code and the Universal Periodic\nReview. Two boxers defected at"
        " the Pan Am Games. In addition, the McCain Amendment\ncodifies the ban. Ahmed Ezz"
        " met Ali Babacan.\n",
        {"Ahmed Ezz", "Ali Babacan", "McCain"},
        ("Free Trade", "Intellectual Property", "Nile", "Penal", "Universal", "Pan"),
    )
    _people_but_not(
        "2. (SBU) Nick Clegg, leader of the Liberal Democrats, spoke.\n",
        {"Nick Clegg"},
        ("Democrats",),
    )


def test_the_rest_of_a_things_name_is_not_a_person() -> None:
    """Regression: "Article IV", "Enduring Freedom" (of "Operation Enduring Freedom"),
    "Hurricane Katrina", "Partido Popular" and "Emboffs" (embassy officers) were people;
    Emboff and Conoff are titles."""
    people = _people_but_not(
        "1. (C) Under Article IV of the accord, the GONL reviews its role in Operation\n"
        "Enduring Freedom. Hurricane Katrina aid came up. The Partido Popular objected.\n"
        "Emboffs also noted that Ahmed Ezz met Ali Babacan. Conoff Jane Smith agreed.\n",
        {"Ahmed Ezz", "Ali Babacan", "Jane Smith"},
        ("Article", "Enduring", "Katrina", "Partido", "Emboffs"),
    )
    assert _titles(people["Jane Smith"]) == [("Conoff", "Consular Officer")]


def test_a_q_for_an_apostrophe() -> None:
    """Regression: "ObamaQs" (as some cables of the release write "Obama's") was a person
    "ObamaQs"; it is Obama, the mention without the "Qs"."""
    people = _people_of("1. (C) President ObamaQs visit to Moscow went well. Obama said so.")
    assert [m["text"] for m in people["Obama"]["mentions"]] == ["Obama", "Obama"]
    assert not [name for name in people if "Qs" in name]


def _people_from(text: str, cid: str, origin: str) -> dict[str, dict]:
    cable = parse_cable(text, cid, metadata={"origin": origin})
    return {p["name"]: p for p in extract_entities(cable).to_dict()["people"]}


def test_the_classifying_official_is_one_person_when_a_name_word_is_a_country() -> None:
    """Regression (second blind set): "DCM William Jordan" (Jordan a country) and "Charge
    Richard Miles" (miles a common word) were two people each: the scan's "William" beside
    the parser's "William Jordan"; "C.GREENE" kept its initial run into the surname."""
    people = _people_from(
        "S E C R E T ALGIERS 001162\nSIPDIS\nE.O. 12958: DECL: 12/01/2019\n"
        "TAGS: PREL MARR AG\nSUBJECT: A TEST\n\nClassified By: DCM William Jordan for"
        " reasons 1.4. (b), (d).\n\n1. (S) Sabri Boukadoum met Ambassador Pearce.\n\nPEARCE\n",
        "09ALGIERS1162",
        "Embassy Algiers",
    )
    assert "William" not in people
    jordan = people["William Jordan"]
    assert jordan["role"] == "classified_by"
    assert [t["expanded"] for t in jordan["titles"]] == ["Deputy Chief of Mission"]
    people = _people_from(
        "C O N F I D E N T I A L ABU DHABI 000744\nSIPDIS\nE.O. 12958: DECL: 07/20/2019\n"
        "TAGS: PREL AE\nSUBJECT: A TEST\n\nClassified By: Charge d'Affaires Douglas C.Greene"
        " for reasons 1.4 (b, d).\n\n1. (C) Greene met Yousef al-Otaiba.\n\nGREENE\n",
        "09ABUDHABI744",
        "Embassy Abu Dhabi",
    )
    greene = [p for p in people.values() if p["name"].endswith("reene")]
    assert len(greene) == 1 and len(greene[0]["mentions"]) >= 2, people


def test_firms_jargon_and_regional_adjectives_are_not_people() -> None:
    """Regression (second blind set): "Barr Labs", "Brinkley Africa, Ltd.", the Spanish
    name of a protocol, a staff title in camel case and "the Caucasian issue"."""
    _people_but_not(
        "1. (C) Pliva was sold to US pharmaceutical company Barr Labs. The deal with Brinkley\n"
        "Africa, Ltd. fell through. Paraguay recalled the Protocolo de Ushuaia. In the\n"
        "absence of the Finance Minister, EconPolCouns presented the points. Putin raised\n"
        "the Caucasian issue. Ahmed Ezz met Ali Babacan.\n",
        {"Ahmed Ezz", "Ali Babacan", "Putin"},
        ("Barr", "Brinkley", "Protocolo", "EconPolCouns", "Caucasian"),
    )


def test_a_plural_title_before_a_list_of_surnames() -> None:
    """Regression (second blind set): "Presidents Lukashenko and Medvedev or Prime
    Ministers Sidorskiy and Putin": each surname is a person with the title, singular."""
    people = _people_of(
        "1. (C) A postponement of the encounters between Presidents Lukashenko and Medvedev\n"
        "or Prime Ministers Sidorskiy and Putin would indicate a rift.\n"
    )
    for name in ("Lukashenko", "Medvedev", "Sidorskiy", "Putin"):
        assert people[name]["affiliation"] is None, name  # not the host's (Turkey here)
    for name, title in (
        ("Lukashenko", "President"),
        ("Medvedev", "President"),
        ("Sidorskiy", "Prime Minister"),
        ("Putin", "Prime Minister"),
    ):
        assert title in [t["expanded"] for t in people[name]["titles"]], name


def test_a_title_starting_a_new_clause_is_no_apposition() -> None:
    """Regression (second blind set): "... to Minister Hirotaka Akamatsu, the DCM met with
    ..." gave Akamatsu the title DCM; "King Abdullah, Foreign Minister Prince Saud" gave
    the King the Foreign Minister's title. "Bayona, an UNAIM prosecutor suspected of" keeps
    its role."""
    people = _people_of(
        "1. (C) Following up on a letter to Minister Hirotaka Akamatsu, the DCM met with\n"
        "officials. Musharraf will meet King Abdullah, Foreign Minister Prince Saud al-Faisal,\n"
        "and others. Osorio dismissed Alvaro Bayona, an UNAIM prosecutor suspected of\n"
        "tampering with evidence.\n"
    )
    assert [t["expanded"] for t in people["Hirotaka Akamatsu"]["titles"]] == ["Minister"]
    assert "Foreign Minister" not in [t["expanded"] for t in people["Abdullah"]["titles"]]
    saud = people["Saud al-Faisal"]
    assert {"Foreign Minister", "Prince"} <= {t["expanded"] for t in saud["titles"]}
    assert [t["expanded"] for t in people["Alvaro Bayona"]["titles"]] == ["UNAIM prosecutor"]


def test_a_gulf_name_its_short_forms_and_its_coined_initials() -> None:
    """Regression (second blind set): "Foreign Minister Shaykh Abdullah bin Zayed Al Nahyan
    (AbZ)": two titles, one person; later "AbZ" and "Shaykh Abdullah" are that person, and
    "Crown Prince" is one title."""
    people = _people_from(
        "C O N F I D E N T I A L ABU DHABI 000301\nSIPDIS\nE.O. 12958: DECL: 03/26/2019\n"
        "TAGS: PREL AE\nSUBJECT: A TEST\n\n1. (C) UAE Foreign Minister Shaykh Abdullah bin"
        " Zayed Al Nahyan (AbZ) asked about Iran. AbZ said the UAE would help. Later Shaykh\n"
        "Abdullah met Crown Prince Mohammed bin Zayid.\n\nOLSON\n",
        "09ABUDHABI301",
        "Embassy Abu Dhabi",
    )
    assert "AbZ" not in people and "Abdullah" not in people and "Nahyan" not in people
    abz = people["Abdullah bin Zayed Al Nahyan"]
    assert {"Foreign Minister", "Shaykh"} <= {t["expanded"] for t in abz["titles"]}
    assert [m["text"] for m in abz["mentions"]].count("AbZ") == 2
    assert "Abdullah" in [m["text"] for m in abz["mentions"]]
    mbz = people["Mohammed bin Zayid"]
    assert [t["expanded"] for t in mbz["titles"]] == ["Crown Prince"]


def test_a_title_names_its_unit_in_full() -> None:
    """Regression (second blind set): a unit the glossary lacks ends a title ("to the
    IWC", "of Pliva Pharmaceuticals", "of the Far Seas Fisheries Division", "... for
    Middle East Studies"), and so does an office before it ("Fisheries Agency Counselor");
    none of its words is a person."""
    people = _people_but_not(
        "1. (C) We look forward to talks with U.S. Commissioner to the IWC Monica Medina.\n"
        "Sanader met Chairman of Pliva Pharmaceuticals Zeljko Covic. We met Assistant\n"
        "Director of the Far Seas Fisheries Division Toshinori Uoya and Fisheries Agency\n"
        "Counselor Joji Morishita. Director of the Center for Middle East Studies Ahmed\n"
        "Ezz agreed, as co-president of the Union for the Mediterranean (UfM).\n",
        {"Monica Medina", "Zeljko Covic", "Toshinori Uoya", "Joji Morishita", "Ahmed Ezz"},
        ("Studies", "Pliva", "Seas", "UfM"),
    )
    for name, title in (
        ("Monica Medina", "Commissioner to the IWC"),
        ("Zeljko Covic", "Chairman of Pliva Pharmaceuticals"),
        ("Toshinori Uoya", "Assistant Director of the Far Seas Fisheries Division"),
        ("Joji Morishita", "Fisheries Agency Counselor"),
        ("Ahmed Ezz", "Director of the Center for Middle East Studies"),
    ):
        assert title in [t["as_written"].replace("\n", " ") for t in people[name]["titles"]], name


def test_surname_particles_arabic_given_names_and_staff_plurals() -> None:
    """Regression (second and third blind sets): "Di Gangi" after "John Di Gangi" and
    "Prince Saud" after "Prince Saud al-Faisal" are the same people; "PolOffs" is staff, no
    person; a law's chapter is no person; "COM", "PolMinCouns" and "S/CT" are titles."""
    people = _people_but_not(
        "1. (C) DFAIT Director John Di Gangi met COM Michael Parmly. Di Gangi said little.\n"
        "Foreign Minister Prince Saud al-Faisal agreed; later Prince Saud added more. The\n"
        "DCM, PolMinCouns Scott Bellard, PolOffs and others attended. Malawi Penal Code\n"
        "Chapter 15 applies. On the margins, S/CT Dailey met the MFA.\n",
        {"John Di Gangi", "Saud al-Faisal", "Michael Parmly", "Scott Bellard", "Dailey"},
        ("PolOffs", "Penal Code", "Chapter"),
    )
    assert "Di Gangi" not in people and "Saud" not in people
    assert len(people["Saud al-Faisal"]["mentions"]) == 2
    assert ("COM", "Chief of Mission") in _titles(people["Michael Parmly"])
    assert ("PolMinCouns", "Political Minister-Counselor") in _titles(people["Scott Bellard"])
    assert ("S/CT", "Coordinator for Counterterrorism") in _titles(people["Dailey"])


def test_a_list_entry_written_surname_comma_given_names() -> None:
    """Regression (third blind set): a vetting list's "Forensic Sec. Officer LI, Tien Lai;"
    is the person Tien Lai Li, and two entries of one surname are two people; a capitals
    line's "KIMMITT, COMMERCE MINISTER" gives no given names."""
    people = _people_of(
        "International Sec. Officer YEH, Tracy; D/POB:12-03-1975,Taiwan\n"
        "Forensic Sec. Chief YEH, Jia Yu;  D/POB:10-23-1959,Taiwan\n"
        "Clerk LING, Meiyu; D/POB:03-03-1982,Taiwan\n"
        "2. (C) DEPUTY SECRETARY KIMMITT, COMMERCE MINISTER DISCUSS TRADE.\n"
    )
    assert {"Tracy Yeh", "Jia Yu Yeh", "Meiyu Ling"} <= set(people)
    assert [m["text"] for m in people["Tracy Yeh"]["mentions"]] == ["YEH, Tracy"]
    assert not any("Commerce" in name for name in people)


def test_a_reversed_name_of_the_classifying_official_is_the_signer() -> None:
    """Regression (third blind set): "Classified By: Ambassador Bodde Peter" and the
    signature BODDE are one person, Peter Bodde."""
    people = _people_from(
        "C O N F I D E N T I A L LILONGWE 000059\nSIPDIS\nE.O. 12958: DECL: 01/25/2020\n"
        "TAGS: PGOV PHUM MI\nSUBJECT: A TEST\n\nClassified By: Ambassador Bodde Peter for"
        " reasons 1.4 (b) and (d).\n\n1. (C) The court ruled.\n\nBODDE\n",
        "10LILONGWE59",
        "Embassy Lilongwe",
    )
    assert list(people) == ["Peter Bodde"]
    assert people["Peter Bodde"]["role"] == "signer+classified_by"


def test_a_body_or_place_written_before_a_title_is_part_of_it() -> None:
    """Regression (fourth blind set, GUIDELINES section 3): "Tijuana Mayor", "NSC
    Director", "Generalitat President" are the titles as written; a nationality, a
    government's acronym, the end of an earlier title or a date are not."""
    people = _people_of(
        "1. (C) Tijuana Mayor Jorge Ramos, NSC Director Bridget Brink and a friend of\n"
        "Generalitat President Jose Montilla met Rio de Janeiro Governor Sergio Cabral.\n"
        "2. (C) Russian President Putin, GoH Foreign Minister Kinga Goncz and former Head\n"
        "of State General Abdulsalami Abubakar met. On Monday President Lula spoke.\n"
    )
    assert _titles(people["Jorge Ramos"]) == [("Tijuana Mayor", "Tijuana Mayor")]
    assert _titles(people["Bridget Brink"]) == [
        ("NSC Director", "National Security Council Director")
    ]
    assert people["Bridget Brink"]["affiliation"] == "National Security Council"
    assert _titles(people["Jose Montilla"]) == [("Generalitat President", "Generalitat President")]
    assert _titles(people["Sergio Cabral"]) == [
        ("Rio de Janeiro Governor", "Rio de Janeiro Governor")
    ]
    assert _titles(people["Putin"]) == [("President", "President")]
    assert people["Putin"]["affiliation"] == "Russia"
    assert _titles(people["Kinga Goncz"]) == [("Foreign Minister", "Foreign Minister")]
    assert ("General", "General") in _titles(people["Abdulsalami Abubakar"])
    assert _titles(people["Lula"]) == [("President", "President")]


def test_an_organisation_ends_before_the_name_after_it() -> None:
    """Regression (fourth blind set): "Head of the Tajikistan Department of Civil Aviation
    Khamroyev Firuz" is a title and a person, not one organisation's name."""
    cable = parse_cable(
        "SUBJECT: A TEST\n\n1. (C) Under Secretary Joseph met with Head of the Tajikistan\n"
        "Department of Civil Aviation Khamroyev Firuz and Tajik Air Force officers.\n",
        metadata={"origin": "Embassy Dushanbe"},
    )
    ents = extract_entities(cable).to_dict()
    people = {p["name"]: p for p in ents["people"]}
    assert _titles(people["Khamroyev Firuz"]) == [
        (
            "Head of the Tajikistan Department of Civil Aviation",
            "Head of the Tajikistan Department of Civil Aviation",
        )
    ]
    orgs = [o["name"] for o in ents["organizations"]]
    assert "Tajikistan Department of Civil Aviation" in orgs


def test_a_title_after_of_that_goes_with_the_next_name() -> None:
    """Regression (fourth blind set): in "Head of Minister Frattini's Private Office"
    Minister is Frattini's title, not a unit of "Head of"; "Minister of Justice" goes on.
    An apposition needs no closing comma before its verb."""
    people = _people_of(
        "1. (C) It is a concern of Alain Economides, Head of Minister Frattini\u2019s Private\n"
        "Office. Minister of Justice Bjorn Bjarnason agreed. Roser Clavell, Secretary\n"
        "General of Foreign Affairs told CG the office would open.\n"
    )
    assert _titles(people["Frattini"]) == [("Minister", "Minister")]
    assert _titles(people["Bjorn Bjarnason"]) == [("Minister of Justice", "Minister of Justice")]
    assert _titles(people["Roser Clavell"]) == [
        ("Secretary General of Foreign Affairs", "Secretary General of Foreign Affairs")
    ]


def test_roles_and_units_found_in_the_fifth_blind_set() -> None:
    """Regression (fifth blind set): a role after "who is also a"; missionary and nun as
    roles; a unit named with a curly possessive; a body's acronym inside a unit's name
    stays as written, the first one (after "former") is spelt out."""
    people = _people_of(
        "1. (C) Alejandra Liriano, who is also a Deputy Foreign Minister, will go. American\n"
        "missionary John David Leonard spoke of American nun Dorothy Stang. Poloffs met\n"
        "Paul Teesalu, Director of the MFA\u2019s Security Policy Division, and MFA NATO Office\n"
        "Director Ulrich Schlageck. Former UN Secretary General Kofi Annan came.\n"
    )
    assert _titles(people["Alejandra Liriano"]) == [
        ("Deputy Foreign Minister", "Deputy Foreign Minister")
    ]
    assert _titles(people["John David Leonard"]) == [("missionary", "missionary")]
    assert _titles(people["Dorothy Stang"]) == [("nun", "nun")]
    assert [t["as_written"] for t in people["Paul Teesalu"]["titles"]] == [
        "Director of the MFA\u2019s Security Policy Division"
    ]
    assert _titles(people["Ulrich Schlageck"]) == [
        ("MFA NATO Office Director", "Ministry of Foreign Affairs NATO Office Director")
    ]
    assert _titles(people["Kofi Annan"]) == [
        ("Former UN Secretary General", "former United Nations Secretary General")
    ]


def test_a_units_name_goes_on_over_a_hyphen() -> None:
    """Regression (dev corpus): "President of the Brazil-Lebanon Chamber of Commerce" is
    the whole title (the unit stopped at the hyphen: "President of the Brazil")."""
    people = _people_of(
        "1. (C) President of the Brazil-Lebanon Chamber of Commerce Alfredo Cotait Neto spoke.\n"
    )
    assert _titles(people["Alfredo Cotait Neto"]) == [
        (
            "President of the Brazil-Lebanon Chamber of Commerce",
            "President of the Brazil-Lebanon Chamber of Commerce",
        )
    ]


def test_a_two_word_country_or_a_countrys_initials_before_a_title() -> None:
    """Regression (dev corpus): a two-word country or demonym before a title is the
    affiliation ("Saudi Arabia Prime" was a person, "South" a title word, "North Korean
    leader" served South Korea); so are a country's initials ("PRC Premier"); "New" that
    begins a place is no qualifier ("New York Governor")."""
    people = _people_of(
        "1. (C) Saudi Arabia Prime Minister Hamad Khalifa met New Zealand Foreign Minister\n"
        "Murray McCully. South African President Jacob Zuma and the Sri Lanka Army Commander\n"
        "Sarath Fonseka came, as did North Korean leader Kim Jong-il. PRC Premier Wen Jiabao\n"
        "and the UK Ambassador Peter Westmacott spoke with New York Governor David Paterson.\n"
    )
    assert "Arabia Prime" not in people and "Zealand Prime" not in people
    expected = {
        "Hamad Khalifa": ("Saudi Arabia", [("Prime Minister", "Prime Minister")]),
        "Murray McCully": ("New Zealand", [("Foreign Minister", "Foreign Minister")]),
        "Jacob Zuma": ("South Africa", [("President", "President")]),
        "Sarath Fonseka": ("Sri Lanka", [("Army Commander", "Army Commander")]),
        "Kim Jong-il": ("North Korea", [("leader", "leader")]),
        "Wen Jiabao": ("China", [("Premier", "Premier")]),
        "Peter Westmacott": ("United Kingdom", [("Ambassador", "Ambassador")]),
    }
    for name, (aff, titles) in expected.items():
        assert (people[name]["affiliation"], _titles(people[name])) == (aff, titles), name
    assert _titles(people["David Paterson"]) == [("New York Governor", "New York Governor")]


def test_a_short_heading_line_is_not_part_of_the_title_below_it() -> None:
    """A short line before a title is a heading of a list, not the title's body; a long
    line ending in the body's name runs on into the title."""
    people = _people_of(
        "1. (C) The participants:\nGeneralitat\nPresident Ivan Petrov spoke. Officials met the\n"
        "strongly supported and long serving Supreme Court\nPresident Ana Lima.\n"
    )
    assert _titles(people["Ivan Petrov"]) == [("President", "President")]
    assert _titles(people["Ana Lima"]) == [("Supreme Court President", "Supreme Court President")]


def test_hyphenated_east_asian_given_names() -> None:
    """Regression (dev corpus): "Kim Jong-il" was "Kim Jong", one person with "Kim
    Yong-il"; "Ban Ki-moon" (a common word as a surname) was not found. A hyphenated
    compound after a name is no given name ("Kofi Annan-led", "the Ayman Nour-wing")."""
    people = _people_of(
        "1. (C) Leader Kim Jong-il met DPRK Premier Kim Yong-il. UN Secretary General Ban\n"
        "Ki-moon welcomed the Kofi Annan-led talks and the Ayman Nour-wing of the party.\n"
    )
    assert _titles(people["Kim Jong-il"]) == [("Leader", "Leader")]
    assert _titles(people["Kim Yong-il"]) == [("Premier", "Premier")]
    assert people["Kim Yong-il"]["affiliation"] == "North Korea"
    assert _titles(people["Ban Ki-moon"]) == [
        ("UN Secretary General", "United Nations Secretary General")
    ]
    assert {"Kofi Annan", "Ayman Nour"} <= set(people)


def test_hyphenated_east_asian_given_names_in_a_cable_in_capitals() -> None:
    """The second syllable in capitals, as all-capitals cables write it."""
    cable = parse_cable(
        "C O N F I D E N T I A L SEOUL 000290\nSIPDIS\nE.O. 12958: DECL: 03/10/2019\n"
        "TAGS: PGOV KN\nSUBJECT: A TEST\n\n1. (C) FORMER PRESIDENT KIM DAE-JUNG MET LEADER\n"
        "KIM JONG-IL.\nSTEPHENS\n",
        "10SEOUL290",
        metadata={"origin": "Embassy Seoul"},
    )
    people = {p["name"]: p for p in extract_entities(cable).to_dict()["people"]}
    assert [t["as_written"] for t in people["Kim Dae-Jung"]["titles"]] == ["FORMER PRESIDENT"]
    assert [t["as_written"] for t in people["Kim Jong-Il"]["titles"]] == ["LEADER"]


def test_first_lady_and_a_person_after_an_office_of_a_unit() -> None:
    """Regression (blind sets): "First Lady" is a title, also before the name across a
    comma, and "Lady" after an office a title of its own; a person named after "the
    Office of <topic>" is no part of the office's name; "Sensitive Technologies" goes on
    the unit's name and is no person."""
    text = (
        "SUBJECT: A TEST\n\n1. (C) Mrs. Arafat is a friend of the First Lady, Leila Ben Ali.\n"
        "EU High Representative Lady Ashton came.\n"
        "Embassy met Director of the Office of Sub-Saharan Africa Assistance Fabrizio Nava,\n"
        "the Office of Intelligence and Analysis Howard Mendelsohn and the Director of the\n"
        "Division for Disarmament and Sensitive Technologies (DDS), Carlos Duarte.\n"
    )
    ents = extract_entities(parse_cable(text, metadata={"origin": "Embassy Rome"})).to_dict()
    people = {p["name"]: p for p in ents["people"]}
    assert _titles(people["Leila Ben Ali"]) == [("First Lady", "First Lady")]
    # a peer's style after an office is a title of its own, as "Shaykh" is
    assert _titles(people["Ashton"]) == [
        ("EU High Representative", "European Union High Representative"),
        ("Lady", "Lady"),
    ]
    assert {"Fabrizio Nava", "Howard Mendelsohn", "Carlos Duarte"} <= set(people)
    assert [t for t, _ in _titles(people["Fabrizio Nava"])] == [
        "Director of the Office of Sub-Saharan Africa Assistance"
    ]
    assert not any("Technologies" in name for name in people)
    orgs = {o["name"] for o in ents["organizations"]}
    assert {
        "Office of Sub-Saharan Africa Assistance",
        "Office of Intelligence and Analysis",
    } <= orgs


def test_a_role_with_hyphenated_words() -> None:
    """Regression (fifth blind set): a role's hyphenated adjective ("center-left mayor")
    stopped the role; a compound is no head ("scot-free"), and a role "of" another's title
    is not read ("a long-time collaborator of Prime Minister Silvio Berlusconi")."""
    people = _people_of(
        "1. (C) Anna Lima, the center-left mayor, agreed. Arturo Sarukhan, a well-respected\n"
        "career diplomat, spoke. Claudio Scajola, a long-time collaborator of Prime Minister\n"
        "Silvio Berlusconi, left. Nuno Leal, the man who got away scot-free, stayed.\n"
    )
    assert _titles(people["Anna Lima"]) == [("center-left mayor", "center-left mayor")]
    assert _titles(people["Arturo Sarukhan"]) == [
        ("well-respected career diplomat", "well-respected career diplomat")
    ]
    assert _titles(people["Claudio Scajola"]) == []
    assert _titles(people["Nuno Leal"]) == []


def test_an_appositions_title_is_not_also_the_next_names() -> None:
    """Regression (dev corpus): in a list "Name, Title, Name, Title" the title after a
    comma belongs to the name before it, not also to the next one ("Anton Schellekens" got
    Stokvis's title, "Monterrey" the Consul General's)."""
    people = _people_of(
        "1. (C) Charge met Laurent Stokvis, Director of the Department of Western Hemisphere\n"
        "Affairs, Anton Schellekens, Desk Officer, and Wendy Engelberts, a lawyer.\n"
        "CLASSIFIED BY: Bruce Williamson, Consul General, Monterrey, State.\n"
    )
    assert _titles(people["Laurent Stokvis"]) == [
        (
            "Director of the Department of Western Hemisphere Affairs",
            "Director of the Department of Western Hemisphere Affairs",
        )
    ]
    assert [t for t, _ in _titles(people["Anton Schellekens"])] == ["Desk Officer"]
    assert _titles(people["Bruce Williamson"]) == [("Consul General", "Consul General")]
    assert "Monterrey" not in people


def test_a_newspaper_named_after_the_word_newspaper_is_no_person() -> None:
    """Regression (dev corpus, about 65 papers): "the Egyptian newspaper Al Masry Al Youm"
    and "the daily Clarin" are papers; "Al-Wasat newspaper Mansour Al-Jamri" is a man."""
    people = _people_of(
        "1. (C) The Egyptian newspaper Al Masry Al Youm and the daily La Nacion quoted the\n"
        "editor-in-chief of Al-Wasat newspaper Mansour Al-Jamri on the matter.\n"
    )
    assert "Mansour Al-Jamri" in people
    assert "Al Masry Al Youm" not in people and "La Nacion" not in people


def test_a_given_name_with_a_nouns_ending_after_a_title() -> None:
    """Regression (sixth blind set): "Lawrence" ends like "conference", so no name could
    start with it after a title: "Prime Minister Lawrence Gonzi" lost his title."""
    people = _people_of("1. (C) Prime Minister Lawrence Gonzi met Clement Attlee.\n")
    assert _titles(people["Lawrence Gonzi"]) == [("Prime Minister", "Prime Minister")]


def test_a_regions_adjective_regions_and_prizes_are_no_people() -> None:
    """Regression (sixth blind set): "Bavarian", "Upper Bavaria" and "Nobel Prize" were
    people. A region's adjective stands where a nationality would ("Bavarian
    Minister-President"): the person serves that country."""
    people = _people_of(
        "1. (C) Newly-elected Bavarian Minister-President Horst Seehofer, 59, Upper\n"
        "Bavaria, met Scottish First Minister Alex Salmond. He won the Nobel Prize.\n"
    )
    assert set(people) == {"Horst Seehofer", "Alex Salmond", "Pearson"}
    assert people["Horst Seehofer"]["affiliation"] == "Germany"
    assert _titles(people["Horst Seehofer"]) == [("Minister-President", "Minister-President")]
    assert people["Alex Salmond"]["affiliation"] == "United Kingdom"


def test_a_body_before_a_lower_case_role() -> None:
    """Regression (sixth blind set): a body before a lower-case role is part of it, as
    before a capitalised title ("Bundestag member", "Hamas leader"); not a person's name
    ("Gulen attorney", "Drummond owner Gary Drummond") nor a verb opening the sentence
    ("Quoting Foreign Minister Stagno")."""
    people = _people_of(
        "1. (C) He chose Bundestag member Karl Lauterbach. Hamas leader Mahmoud\n"
        "Zahar agreed. Cleric Fethullah Gulen, the movement's leader, lives abroad. Gulen\n"
        "attorney Hasan Gunaydin and Drummond owner Gary Drummond came. Quoting Foreign\n"
        "Minister Bruno Stagno, he said no.\n"
    )
    assert _titles(people["Karl Lauterbach"]) == [("Bundestag member", "Bundestag member")]
    assert _titles(people["Mahmoud Zahar"]) == [("Hamas leader", "Hamas leader")]
    assert _titles(people["Hasan Gunaydin"]) == [("attorney", "attorney")]
    assert _titles(people["Gary Drummond"]) == [("owner", "owner")]
    assert _titles(people["Bruno Stagno"]) == [("Foreign Minister", "Foreign Minister")]


def test_names_that_are_papers_places_blocs_and_model_numbers_are_no_people() -> None:
    """Regression (seventh blind set): an untitled name opened by a Romance article ("La
    Nacion", "Los Zetas", "La Guajira"), a paramilitary bloc or a team, a firm after "&"
    and a model number ("Koch G36E") were people; a table's column gap joined two names."""
    people = _people_of(
        "1. (C) La Nacion said Los Zetas hold La Guajira. The Calima Bloc and the Liaison\n"
        "Team came. Heckler & Koch G36E rifles were sold to Pedro Ruiz.\n"
        "Leader: Carlos Castano     Jorge Pupo was his deputy.\n"
    )
    assert set(people) == {"Pedro Ruiz", "Carlos Castano", "Jorge Pupo", "Pearson"}


def test_a_headline_verb_ends_the_name_before_it() -> None:
    """Regression (seventh blind set): "SUBJECT: NSA JONES DISCUSSES ..." gave a second
    person, "Jones Discusses"; a surname that looks like a verb ("Morales") and the word
    after an initial ("Alice G. Wells") still end the name. NSA before a name is the
    National Security Advisor."""
    text = (
        "C O N F I D E N T I A L NEW DELHI 001337\nSIPDIS\nE.O. 12958: DECL: 03/10/2019\n"
        "TAGS: PGOV PREL IN\nSUBJECT: NSA JONES DISCUSSES AFGHANISTAN\n\n"
        "Classified By: Acting DCM Alice G. Wells for reasons 1.4 (b, d).\n\n"
        "1. (C) NSA James Jones met Ambassador Carlos Morales, MFA Acting Director for\n"
        "Latin America, on June 2.\nROEMER\n"
    )
    people = _people_from(text, "09NEWDELHI1337", "Embassy New Delhi")
    assert set(people) == {"James Jones", "Alice G. Wells", "Carlos Morales", "Roemer"}
    assert ("NSA", "National Security Advisor") in _titles(people["James Jones"])


def test_a_courtesy_style_with_a_given_name_is_the_same_person() -> None:
    """Regression (seventh blind set): "Sheikh Khalid" after "Foreign Minister Khalid bin
    Ahmed Al Khalifa" was a second person; a style of rank names no other office."""
    people = _people_of(
        "1. (C) Foreign Minister Khalid bin Ahmed Al Khalifa met us. Sheikh Khalid said no.\n"
    )
    assert set(people) == {"Khalid bin Ahmed Al Khalifa", "Pearson"}
    assert ("Sheikh", "Sheikh") in _titles(people["Khalid bin Ahmed Al Khalifa"])


def test_a_firm_or_an_exchange_after_a_title_is_no_person() -> None:
    """Regression (seventh blind set): "the Egyptian General Petroleum Corporation" gave
    the person "General Petroleum", and "Deputy Chairman of the Egyptian Stock Exchange"
    the person "Stock"."""
    people = _people_of(
        "1. (C) The Egyptian General Petroleum Corporation reported. Mohammad Omran, Deputy\n"
        "Chairman of the Egyptian Stock Exchange, said so. Econoff met Sanctions Officer\n"
        "Dominic Otway.\n"
    )
    assert set(people) == {"Mohammad Omran", "Dominic Otway", "Pearson"}
    assert _titles(people["Mohammad Omran"]) == [
        (
            "Deputy Chairman of the Egyptian Stock Exchange",
            "Deputy Chairman of the Egyptian Stock Exchange",
        )
    ]
    # a topic's capitalised common word after a lower-case one is part of the title
    assert _titles(people["Dominic Otway"]) == [("Sanctions Officer", "Sanctions Officer")]


def test_a_quoted_alias_is_the_person_before_it_or_one_of_its_own() -> None:
    """Regression (seventh blind set): in a table of paramilitary leaders, 'Eder Veloza, AKA
    "Hernan Hernandez"' made two people and 'Leader: AKA "Don Berna," AKA "Orion"' gave
    "Berna" alone; a body's other name is no person ('MRE (AKA "Itamaraty")')."""
    people = _people_of(
        '1. (C) Leader: Eder Veloza, AKA "Hernan Hernandez"\n'
        'Leader: AKA "Don Berna," AKA "Orion"\n'
        'Para leader Rodrigo Mercado (AKA "Cadena") and FARC leader alias "Commander\n'
        'Mojeno" were seen. PolCouns met MRE (AKA "Itamaraty") officials.\n'
    )
    assert set(people) == {
        "Eder Veloza",
        "Don Berna",
        "Orion",
        "Rodrigo Mercado",
        "Mojeno",
        "Pearson",
    }
    assert [m["text"] for m in people["Eder Veloza"]["mentions"]] == [
        "Eder Veloza",
        "Hernan Hernandez",
    ]
    assert "Cadena" in [m["text"] for m in people["Rodrigo Mercado"]["mentions"]]
    assert _titles(people["Don Berna"]) == [("Leader", "Leader")]
    assert _titles(people["Orion"]) == [("Leader", "Leader")]
    assert ("Commander", "Commander") in _titles(people["Mojeno"])


def test_papers_named_al_x_al_y_and_places_after_san_are_no_people() -> None:
    """Regression (seventh blind set): "Al Alam Al Youm" and "Al Sharq al Awsat" (papers)
    were people, and so was "Pedro Sula" of San Pedro Sula (about 70 and 70 in the dev
    corpus)."""
    people = _people_of(
        "1. (C) Al Alam Al Youm and Al Sharq al Awsat reported that San Pedro Sula and Sao\n"
        "Bernardo are calm. Al Mansoori agreed.\n"
    )
    assert set(people) == {"Mansoori", "Pearson"}  # a person whose name opens with "Al"


def test_an_underlined_heading_and_a_thing_running_into_a_name_are_no_people() -> None:
    """Regression (seventh blind set): a Title Case heading underlined on its own line
    ("EITI Good In a Prioritized MONUC Mandate -----") gave "Prioritized Monuc", and a
    bloc's name running into a table's next column ("Ortega Bloc Cajibio") a person."""
    people = _people_of(
        "1. (C) Pedro Ruiz came.\n\nEITI Good In a Prioritized MONUC Mandate ------------\n\n"
        "2. (C) The Ortega Bloc Cajibio list is long.\n"
    )
    assert set(people) == {"Pedro Ruiz", "Pearson"}


def test_a_headline_verb_after_a_title_and_a_consulate_are_no_people() -> None:
    """Regression (gold and sixth blind sets): 'SUBJECT: RUSSIAN NATO AMBASSADOR DECRIES
    "TREACHEROUS" ...' made a person "Decries", and "Consulate General Munich" one named
    Munich; "SECRETARY GATES' VISIT" and "FM KUBIS:" are people."""
    for subject, who in (
        ('RUSSIAN NATO AMBASSADOR DECRIES "TREACHEROUS" GEORGIAN MOVE', set()),
        ("AMBASSADOR LAUDS OMAN", set()),
        ("SECRETARY GATES' TURKEY VISIT", {"Gates"}),
        ("FM KUBIS: SLOVAKS UNITED", {"Kubis"}),
    ):
        text = (
            "C O N F I D E N T I A L MUNICH 000355\nSIPDIS\nE.O. 12958: DECL: 03/10/2019\n"
            f"TAGS: PGOV PREL GM\nSUBJECT: {subject}\n\n"
            "1. (C) Consulate General Munich reported it.\nNELSON\n"
        )
        people = _people_from(text, "08MUNICH355", "Consulate Munich")
        assert set(people) == who | {"Nelson"}, subject


def test_a_surname_with_es_and_a_consulates_short_name_are_read_right() -> None:
    """Regression (seventh blind set's review): "-es" is a verb's ending only after a
    hissing sound or "o", so "Payes" in a Title Case line stays a surname; "ConGen Lagos"
    (the consulate general) is no person."""
    people = _people_of(
        "1. (C) Brigadier General David Munguia Payes Named Minister of Defense\n\n"
        "2. (C) ConGen Lagos reported it.\n"
    )
    assert set(people) == {"David Munguia Payes", "Pearson"}


def test_a_family_name_written_first_alone_is_the_person() -> None:
    """Regression (eighth blind set): "Zheng noted" after "Zheng Zeguang" was a second
    person: Chinese, Korean and Vietnamese names put the family name first, and cables
    then call the person by it."""
    people = _people_of(
        "(C) MFA Director General Zheng Zeguang called the Charge. Zheng noted that the\n"
        "United States had published it. Zheng declared that it was consistent. Vice\n"
        "Minister Kim Jong-hoon agreed, and Kim said so."
    )
    assert set(people) == {"Zheng Zeguang", "Kim Jong-hoon", "Pearson"}
    assert len(people["Zheng Zeguang"]["mentions"]) == 3
    assert len(people["Kim Jong-hoon"]["mentions"]) == 2


def test_a_classifier_on_the_line_of_a_ref_block() -> None:
    """Regression (ninth blind set): "REF: CAIRO 1855 Classified By: ECPO Mincouns William
    R. Stewart ..." on one line (170 cables of the dev corpus): the REF block was blanked to
    the line's end, and the classifying official with it."""
    text = (
        "C O N F I D E N T I A L CAIRO 000155\nSIPDIS\nE.O. 12958: DECL: 01/29/2019\n"
        "TAGS: PGOV KDEM EG\nSUBJECT: A TEST\n\nREF: A. 08 CAIRO 2400 B. 08 CAIRO 1855 "
        "Classified By: ECPO Mincouns William R. Stewart for reason 1.4 (d).\n"
        "1.(C) On January 28 the court met.\nSCOBEY\n"
    )
    cable = parse_cable(text, "09CAIRO155", metadata={"origin": "Embassy Cairo"})
    people = {p.name: p for p in extract_entities(cable).people}
    assert people["William R. Stewart"].role == "classified_by"
    assert [t.expanded for t in people["William R. Stewart"].titles] == [
        "Economic-Political Minister-Counselor"
    ]


def test_a_us_post_named_by_its_city_is_one_organisation() -> None:
    """Regression (ninth blind set): "U.S. Embassy - Tripoli" on a Classified By line and
    "Embassy Manama" were an embassy and a place, or a place alone; every annotator wrote
    the post as one organisation. Not another country's embassy ("UK Embassy Paris"), nor a
    line that holds nothing else (a record's metadata)."""
    text = (
        "C O N F I D E N T I A L TRIPOLI 000048\nSIPDIS\nE.O. 12958: DECL: 1/19/2019\n"
        "TAGS: PREL LY\nSUBJECT: A TEST\n\nCLASSIFIED BY: Gene A. Cretz, Ambassador, U.S. "
        "Embassy - Tripoli, U.S. Dept of State.\n\n1. (C) Embassy Manama and the UK Embassy "
        "Paris agreed; the U.S. Embassy said so.\n\nEmbassy Rome\n\nCRETZ\n"
    )
    cable = parse_cable(text, "09TRIPOLI48", metadata={"origin": "Embassy Tripoli"})
    found = extract_entities(cable)
    orgs = {o.name: [m.text for m in o.mentions] for o in found.organizations}
    assert orgs["United States Embassy Tripoli"] == ["U.S. Embassy - Tripoli", "U.S. Embassy"]
    assert orgs["United States Embassy Manama"] == ["Embassy Manama"]
    assert orgs["Department of State"] == ["U.S. Dept of State"]
    assert "United States Embassy Paris" not in orgs
    assert "United States Embassy Rome" not in orgs
    assert "Tripoli" not in {p.name for p in found.places}


def test_a_list_run_over_lines_is_no_heading() -> None:
    """Regression (eleventh blind set, 05SANJOSE2071): a line that goes on from the one
    before (it ends in a comma) is no Title Case heading, so its names are people."""
    text = (
        "SUBJECT: A TEST\n\n1. (U) He met Doris Osterlof, Vice Minister of Foreign Trade "
        "(COMEX), \nMelissa Delgado, Advisor to the Minister, and Ronald \nObaldia of the "
        "Ministry of Foreign Affairs.\n"
    )
    cable = parse_cable(text, "05SANJOSE2071", metadata={"origin": "Embassy San Jose"})
    names = {p.name for p in extract_entities(cable).people}
    assert {"Doris Osterlof", "Melissa Delgado", "Ronald Obaldia"} <= names


def test_a_line_that_goes_on_from_a_sentence_is_no_heading() -> None:
    """Regression (eleventh blind set): a short Title Case line after one ending in "with"
    is the sentence going on, not a heading."""
    text = "SUBJECT: A TEST\n\n1. (C) The Ambassador met with\nMelissa Delgado\nand others.\n"
    cable = parse_cable(text, "05SANJOSE2071", metadata={"origin": "Embassy San Jose"})
    assert "Melissa Delgado" in {p.name for p in extract_entities(cable).people}


def test_a_classifier_titled_by_an_agency_initials() -> None:
    """Regression (eleventh blind set, 07TASHKENT2081): "DTRA" as the classifier's title."""
    text = (
        "S E C R E T TASHKENT 002081\nSIPDIS\nE.O. 12958: DECL: 12/11/2017\nTAGS: PARM UZ\n"
        "SUBJECT: A TEST\n\nClassified By: DTRA Fred Carter for reasons 1.4 (b) and (d).\n\n"
        "1. (S) The team met.\n"
    )
    cable = parse_cable(text, "07TASHKENT2081", metadata={"origin": "Embassy Tashkent"})
    people = {p.name: p for p in extract_entities(cable).people}
    assert [t.expanded for t in people["Fred Carter"].titles] == ["Defense Threat Reduction Agency"]


def test_a_name_with_two_particles() -> None:
    """Regression (10MADRID70, the tenth blind set): "de la", "van der" inside a name; the
    name ended at the first particle ("Cueva") or was lost ("Juan de la Cruz")."""
    people = _people_of(
        "Attorney Javier de la Cueva met Juan de la Cruz and State Secretary Cees van der Knaap."
    )
    assert {"Javier de la Cueva", "Juan de la Cruz", "Cees van der Knaap"} <= set(people)


def _caps_people(body: str) -> dict[str, dict]:
    head = "STATE 074787\nSIPDIS\nE.O. 12958: DECL: 07/20/2019\nTAGS: PGOV PREL MX"
    return _people_of(body, "09STATE74787", "Secretary of State", head, "CLINTON")


def test_a_list_in_capitals_beside_titled_names() -> None:
    """Regression (09STATE74787, the twelfth blind set): in a cable in capitals, a rank
    with its dot ("GEN.") stands before a name, is no title of the entry before it, and
    the list's other entries are people too; a verb's -ing form is no name."""
    people = _caps_people(
        "1. (S) HOW WELL DO THE PRINCIPAL MEMBERS OF THE\nTEAM (I.E. GENARO GARCIA LUNA, "
        "EDUARDO MEDINA MORA, GEN.\nGUILLERMO GALVAN, ADM. FRANCISCO SAYNEZ, FERNANDO GOMEZ "
        "MONT,\nAND JORGE TELLO PEON) WORK TOGETHER? IS THE NEW DEPUTY SETTLING IN?\n"
    )
    assert set(people) == {
        "Genaro Garcia Luna",
        "Eduardo Medina Mora",
        "Guillermo Galvan",
        "Francisco Saynez",
        "Fernando Gomez Mont",
        "Jorge Tello Peon",
        "Clinton",
    }
    assert _titles(people["Guillermo Galvan"]) == [("GEN.", "General")]
    assert _titles(people["Eduardo Medina Mora"]) == []


def test_a_list_in_capitals_needs_a_titled_entry() -> None:
    """Runs of capitalised words in a list are no names without a titled one beside them."""
    people = _caps_people(
        "1. (S) THE TALKS (I.E. BORDER SECURITY, ARMS SMUGGLING, MONEY LAUNDERING) WENT ON. "
        "THE AMBASSADOR MET GEN. GALVAN, NORTHERN COMMAND, AND SOUTHERN COMMAND.\n"
    )
    assert set(people) == {"Galvan", "Clinton"}


def test_a_father_named_in_a_name_and_a_name_by_which_one_is_called() -> None:
    """Regression (03ABUDHABI2641, 10BRASILIA43, the thirteenth blind set): "Shaykh
    Zayid" is the father of "Hamdan bin Zayid", whom the cable calls "Hamdan"; "Lula",
    before or after, is "Luiz Inacio Lula da Silva"."""
    people = _people_of(
        "1. (C) Lula said yes. MFA Minstate Hamdan bin Zayid called. Hamdan said no. Shaykh "
        "Zayid agreed. President Luiz Inacio Lula da Silva met him. Lula said yes."
    )
    assert len(people["Hamdan bin Zayid"]["mentions"]) == 2
    assert _titles(people["Zayid"]) == [("Shaykh", "Shaykh")]
    assert len(people["Luiz Inacio Lula da Silva"]["mentions"]) == 3
    assert "Lula" not in people


def test_the_zone_starts_at_the_telegram_subject_after_a_printout_header() -> None:
    """Regression (03ABUDHABI2641, the thirteenth blind set): a printout's "Subject:" before
    the routing header; the routing ("FM AMEMBASSY ABU DHABI") is outside the zone."""
    text = (
        "TELEGRAM June 03, 2003\nFrom: AMEMBASSY ABU DHABI\nSubject: UAE TO SUPPORT JORDAN\n\n"
        "APPROVED: AMB:MMWAHBA\nO 031250Z JUN 03\nFM AMEMBASSY ABU DHABI\nTO SECSTATE WASHDC\n"
        "C O N F I D E N T I A L ABU DHABI 002641\n\nS/S-O PLEASE PASS NEA A/S BURNS\n"
        "SUBJECT: UAE TO SUPPORT JORDAN\n\n1. (C) Foreign Minister Abdullah bin Zayid spoke.\n"
    )
    cable = parse_cable(text, "03ABUDHABI2641", metadata={"origin": "Embassy Abu Dhabi"})
    names = {p.name for p in extract_entities(cable).people}
    assert names == {"Abdullah bin Zayid"}


def test_a_vetting_form_in_capitals_in_a_mixed_case_cable() -> None:
    """Regression (10STATE13894, the fourteenth blind set): "Rank/Name: MAJ AHMED SAYED
    FARAG" on a Leahy vetting form; the name stops before the next line's field label."""
    people = _people_of(
        "2. (SBU) The following personnel have been selected.\n\n Vetting #: 99533\n"
        " Rank/Name: MAJ AHMED SAYED FARAG\n DOB: 1/1/1978\n\n Vetting #: 99534\n"
        " Rank/Name: 1LT MOHAMED MAGDY MOHAMED TAHA SROR\n DOB: 5/4/1984\n"
    )
    assert _titles(people["Ahmed Sayed Farag"]) == [("MAJ", "Major")]
    assert _titles(people["Mohamed Magdy Mohamed Taha Sror"]) == [("1LT", "First Lieutenant")]


def test_one_person_under_a_suffix_and_a_double_surname() -> None:
    """Regression (08MADRID312, 07BUENOSAIRES1283, the fourteenth blind set): the surname
    is before "Jr."; a Spanish name is called by the father's surname, before the mother's."""
    people = _people_of(
        "Classified By: Ambassador Eduardo Aguirre, Jr. for reasons 1.4 (b) and (d).\n\n"
        "1. (C) The Ambassador met Dr. Abel Fleitas Ortiz de Rozas. Fleitas said no.",
        signer="AGUIRRE",
    )
    assert people["Eduardo Aguirre, Jr."]["role"] == "signer+classified_by"
    assert len(people["Abel Fleitas Ortiz de Rozas"]["mentions"]) == 2
    assert "Fleitas" not in people and "Aguirre" not in people


def test_a_place_named_for_a_person_is_no_person() -> None:
    """Regression (08USUNNEWYORK176, the fourteenth blind set; 60 dev cables)."""
    people = _people_of(
        "1. (C) He spoke at the Dag Hammarskjold Library and at Hospital Aleman, then flew "
        "from Bagram Airfield."
    )
    assert not people.keys() - {"Pearson"}


def _names(body: str, origin: str = "Embassy Tripoli") -> dict[str, list[str]]:
    cable = parse_cable("SUBJECT: A TEST\n\n1. (C) " + body + "\n", metadata={"origin": origin})
    return {
        p["name"]: [m["text"] for m in p["mentions"]]
        for p in extract_entities(cable).to_dict()["people"]
    }


def test_no_person_in_a_unit_a_place_a_ship_or_a_paper() -> None:
    """Regression (set 18): "General Directorate" read as General + a name, "Cerrejon
    Mines", "the Dar Al Salaam area", "the Kang Nam 1 affair", "Pan Am 103", a paper in
    quotes ("Qurina"), a town before its country ("based in Futian, China") and a group's
    name ("Ansar al-Islam") were people."""
    names = _names(
        "The Ministry of Foreign Relations - General Directorate for Foreign Policy - wrote."
        " Cerrejon Mines settled. A center opened in Cairo's low-income Dar Al Salaam area."
        " The Kang Nam 1 affair and convicted Pan Am 103 bomber, Abdel Basset al-Megrahi,"
        ' were news. Sources such as "Qurina" (print) and "Jana" did not report it. A firm'
        " based in Futian, China, made gyroscopes. Ansar al-Islam claimed it.",
    )
    assert list(names) == ["Abdel Basset al-Megrahi"]


def test_no_person_in_a_club_a_court_or_an_oil_firm() -> None:
    """Regression (set 19): "the President of the Military Club General Gilberto
    Figueiredo" gave a person "Club"; "the Audiencia Nacional" (Spain's court) and "Mabruk
    Oil Operations" were people."""
    names = _names(
        "The President of the Military Club General Gilberto Figueiredo spoke. The Audiencia"
        " Nacional ruled. Total operates it via Mabruk Oil Operations.",
        origin="Embassy Madrid",
    )
    assert list(names) == ["Gilberto Figueiredo"]


def test_a_long_surname_mistyped_is_the_same_person() -> None:
    """Regression (set 18): "Skarphedinnsson" once beside "Skarphedinsson" were two people;
    a letter more at a name's end is another name ("Karimova" is not "Karimov")."""
    names = _names(
        "Skarphedinsson spoke. Later Skarphedinnsson said that all was well, and Karimov"
        " met Karimova.",
        origin="Embassy Reykjavik",
    )
    assert names["Skarphedinsson"] == ["Skarphedinsson", "Skarphedinnsson"]
    assert "Karimov" in names and "Karimova" in names


def test_a_compound_given_name_and_the_family_name_alone() -> None:
    """Regression (set 18): "Qadhafi's son Saif al-Islam" was no one ("Islam" is a common
    word); the family name alone beside "Saif al-Islam al-Qadhafi" is the father's."""
    names = _names(
        "A media outlet run by Qadhafi's son Saif al-Islam spoke. Later Saif al-Islam"
        " al-Qadhafi met the press, and Qadhafi said no."
    )
    assert names["Saif al-Islam al-Qadhafi"][:2] == ["Saif al-Islam", "Saif al-Islam al-Qadhafi"]
    assert names["Qadhafi"][:1] == ["Qadhafi"]


def test_a_paragraph_run_on_to_the_ref_line_is_read() -> None:
    """Regression (set 20): in the site's press format the first paragraph runs on to the
    REF line ("REF: SECSTATE 72078  (U) Embassy London has received ..."), and the whole
    REF block was left out: Gordon Brown and David Miliband were no one (08TRIPOLI467 lost
    25 people so). A reference's letter is no portion marking ("(C) MOSCOW 789")."""
    cable = parse_cable(
        "TAGS: PREL UK\nSUBJECT: UNGA\n\nREF: SECSTATE 72078  (U) Embassy London has heard:"
        "  A. Prime Minister Gordon Brown will attend.  C. Foreign Minister David Miliband"
        " will attend.\nREF: (A) MOSCOW 12 (C) Paris 789 FM Lavrov\n\n1. (U) Text.\n",
        metadata={"origin": "Embassy London"},
    )
    names = {p["name"] for p in extract_entities(cable).to_dict()["people"]}
    assert names == {"Gordon Brown", "David Miliband"}


def test_spanish_articles_liaison_and_a_title_before_a_nationality() -> None:
    """Regression (set 20): "El Mundo", "El Tiempo" (papers) were people "Mundo", "Tiempo"
    in Spanish-speaking posts (not "El Baradei" elsewhere); "Foreign Liaison" gave a person
    "Liaison"; "Douglas" (a city) lost "Douglas Alexander"; "the current Secretary General,
    Qatari Abdul Rahman Al Attiyah" had no title; "Renta Dignidad" is a programme."""
    names = _names(
        "El Mundo and El Tiempo reported that the program Renta Dignidad grew.",
        origin="Embassy Madrid",
    )
    assert names == {}
    names = _names("El Baradei said so.", origin="Embassy Cairo")
    assert list(names) == ["Baradei"]
    cable = parse_cable(
        "SUBJECT: A TEST\n\n1. (C) The General People's Committee Secretary for Foreign"
        " Liaison and International Cooperation wrote. Douglas Alexander, Minister for the"
        " Department for International Development, came. Bahrain cleared the way for the"
        " current Secretary General, Qatari Abdul Rahman Al Attiyah. Al Attiyah agreed.\n",
        metadata={"origin": "Embassy Manama"},
    )
    people = {p["name"]: p for p in extract_entities(cable).to_dict()["people"]}
    assert set(people) == {"Douglas Alexander", "Abdul Rahman Al Attiyah"}
    assert [t["expanded"] for t in people["Abdul Rahman Al Attiyah"]["titles"]] == [
        "Secretary General"
    ]


def test_no_person_in_a_staff_a_troika_a_gun_shop_or_a_paper() -> None:
    """Regression (set 21): "GENERAL STAFF" and "the EU FM Troika" gave people "Staff" and
    "Troika"; "(Armeria Chacon)" is a gun shop, "El Masri El Yom" a paper; "Nuevo Leon" is
    a Mexican state."""
    names = _names(
        "Chief of the General Staff spoke. The EU FM Troika met. The shops are in Alajuela"
        " (Deportes Huracan) and Perez (Armeria Chacon). El Masri El Yom reported that Nuevo"
        " Leon voted.",
        origin="Embassy San Jose",
    )
    assert names == {}


def test_another_spelling_in_brackets_is_the_same_person() -> None:
    """Regression (set 23): "Omar Amer Taher Dghis (Omar A. Deghays - ISN 727)" gave two
    people; a party in brackets after its leader is not his name ("Berlusconi (Forza
    Italia)"). An airport or a republic named for someone is no person's mention."""
    names = _names(
        "As regards Omar Amer Taher Dghis (Omar A. Deghays - ISN 727), we inform you. The"
        " flight left Juan Santamaria International Airport for the Bolivarian Republic of"
        " Venezuela."
    )
    assert names == {"Omar Amer Taher Dghis": ["Omar Amer Taher Dghis", "Omar A. Deghays"]}
    # the same spelling again, with a third after it in brackets: all one person
    names = _names(
        "As regards Omar Amer Dghis (Omar Deghays - ISN 727), we note. Omar Deghays (Omar"
        " Dghies) left."
    )
    assert names == {
        "Omar Amer Dghis": ["Omar Amer Dghis", "Omar Deghays", "Omar Deghays", "Omar Dghies"]
    }
    names = _names("Premier Silvio Berlusconi (Forza Italia) spoke.", origin="Embassy Rome")
    assert names["Silvio Berlusconi"] == ["Silvio Berlusconi"]


def test_an_organisation_named_before_a_title_is_all_of_the_title_s_body() -> None:
    """Regression (session 21, from the residual errors of the blind sets): the look-back
    word by word stopped at a common word or a possessive ("Court Prosecutor" for the
    International Criminal Court's, "Army leader" for the Lord's Resistance Army's). The
    whole name the organisation pass found is the body, but not a nationality or country
    that opens a name no list knows, a sentence's first word, a name ending in the title
    itself ("Office of the President"), nor one holding another title."""
    people = _people_of(
        "1. (C) International Criminal Court Prosecutor Luis Moreno-Ocampo came. Lord's\n"
        "Resistance Army leader Joseph Kony stayed. Royal Jordanian Airlines senior\n"
        "executive Hussein Dabbas spoke. Costa Rican Supreme Court Magistrate Luis Rivas\n"
        "agreed. Venezuela's Central Bank President Nelson Merentes left. Convicted Hofstad\n"
        "Group member Jason Walters was seen. He met the Economic Office of the President\n"
        "Pedro Marin.\n",
        origin="Embassy The Hague",
    )
    assert _titles(people["Luis Moreno-Ocampo"]) == [
        ("International Criminal Court Prosecutor", "International Criminal Court Prosecutor")
    ]
    assert _titles(people["Joseph Kony"]) == [
        ("Lord's Resistance Army leader", "Lord's Resistance Army leader")
    ]
    assert _titles(people["Hussein Dabbas"]) == [
        ("Royal Jordanian Airlines senior executive", "Royal Jordanian Airlines senior executive")
    ]
    assert _titles(people["Luis Rivas"]) == [
        ("Supreme Court Magistrate", "Supreme Court Magistrate")
    ]
    assert _titles(people["Nelson Merentes"]) == [
        ("Central Bank President", "Central Bank President")
    ]
    assert _titles(people["Jason Walters"]) == [("Hofstad Group member", "Hofstad Group member")]
    assert _titles(people["Pedro Marin"]) == [("President", "President")]


def test_occupations_before_a_name_are_its_label() -> None:
    """Regression (session 21): descriptive roles the guidelines keep as titles ("Catalan
    painter Joan Miro", "Human Rights Watch researcher Joe Stork", "political prisoner
    Aref Dalila") were not read; "suspect" and "producer" stay out (a verb, a firm)."""
    people = _people_of(
        "1. (C) The Catalan painter Joan Miro lived here. Human Rights Watch researcher Joe\n"
        "Stork and political prisoner Aref Dalila spoke. Officials suspect Mohammad Daudzai\n"
        "knew.\n",
        origin="Embassy Madrid",
    )
    assert _titles(people["Joan Miro"]) == [("painter", "painter")]
    assert _titles(people["Joe Stork"]) == [
        ("Human Rights Watch researcher", "Human Rights Watch researcher")
    ]
    assert _titles(people["Aref Dalila"]) == [("political prisoner", "political prisoner")]
    assert _titles(people["Mohammad Daudzai"]) == []


def test_a_table_s_cell_before_a_title_is_not_its_body() -> None:
    """Regression (session 21, third blind set): in a table of officials, the birthplace
    ending one row or a unit's name on a line of its own ran into the title of the next
    row ("Taiwan Central Mobile Team Unit Leader"), where the wrapped prose of a cable
    keeps the name ("International Criminal Court\\nProsecutor")."""
    people = _people_of(
        "1. (U) Participants:\n"
        "Forensic Sec. Officer LI, Tien lai; D/POB:10-16-1968,Taiwan\n"
        "Central Mobile Team Unit Leader SU, William; D/POB:01-02-1966,Taiwan\n"
        "Police University Detective and Forensic Research Center\n"
        "Director WANG, Sheng Meng; D/POB:01-02-1966,Taiwan\n\n"
        "2. (C) On Monday the delegation met the International Criminal Court\n"
        "Prosecutor Luis Moreno-Ocampo in the capital.\n",
        origin="AIT Taipei",
    )
    titles = {name: _titles(p) for name, p in people.items()}
    assert titles["William Su"] == [
        ("Central Mobile Team Unit Leader", "Central Mobile Team Unit Leader")
    ]
    assert titles["Sheng Meng Wang"] == [("Director", "Director")]
    assert titles["Luis Moreno-Ocampo"] == [
        ("International Criminal Court Prosecutor", "International Criminal Court Prosecutor")
    ]


def test_ranks_citizens_parts_and_double_barrelled_surnames() -> None:
    """Regression (sets 24 and 25): "Lt." before "General" was read as a man named Lt
    (and "Brig", "Maj" likewise); "Amcit" (an American citizen), "Tier III" and "the Patriot
    Angel exercises" were people; "in general Costa Rica" gave the country the title
    "general"; "Llewellyn-Jones" after "Ben Llewellyn-Jones" was two people."""
    body = (
        "1. (C) The Army's 11 Corps Commander, Lt. General Masood Aslam, approved. Brig Gen\n"
        "Tariq Majid and Maj Ali Raza came. An Amcit Holocaust survivor and Amcit John Smith\n"
        "left. Its Tier III ranking stays for the Patriot Angel exercises. In general Costa\n"
        "Rica agrees. FCO Zimbabwe Team Leader Ben Llewellyn-Jones spoke. Later\n"
        "Llewellyn-Jones said no.\n"
    )
    assert _titled(body, origin="Embassy London") == {
        "Masood Aslam": [("Lt. General", "Lieutenant General")],
        "Tariq Majid": [("Brig Gen", "Brigadier General")],
        "Ali Raza": [("Maj", "Major")],
        "John Smith": [],
        "Ben Llewellyn-Jones": [
            ("FCO Zimbabwe Team Leader", "Foreign and Commonwealth Office Zimbabwe Team Leader")
        ],
    }
    people = _people_of(body, origin="Embassy London")
    assert [m["text"] for m in people["Ben Llewellyn-Jones"]["mentions"]] == [
        "Ben Llewellyn-Jones",
        "Llewellyn-Jones",
    ]
    # a name before "exercises" the verb stays a person's
    people = _people_of(
        "1. (C) He said Barack Obama exercises his veto. The Bright Star exercise ended.\n"
    )
    assert set(people) == {"Barack Obama", "Pearson"}
    # "LT" in capitals in a mixed-case cable is not "Lt": here the Lashkar-e-Tayyiba
    people = _people_of("1. (S) SCA - India - LT member Shafiq Khafa met them.\n")
    assert _titles(people["Shafiq Khafa"]) == [("LT member", "LT member")]


def test_a_grade_or_a_form_s_answer_after_a_title_is_no_name() -> None:
    """Regression (sets 26 and 27): after a title and a comma or colon, a grade ("Public
    Affairs Officer, FS 3,", "Deputy Chief of Mission, OC,"), an office's initials and a
    form's answer ("Attendance of the Foreign Minister: Yes.") were people; "speaker" is a
    role ("parliamentary speaker Fathi Surour")."""
    body = (
        "1. (U) C. Attendance of the Foreign Minister: Yes.\n"
        "1 Public Affairs Officer, FS 3, promotes energy efforts.\n"
        "1 Deputy Chief of Mission, OC, engages the government.\n"
        "2. (C) Parliamentary speaker Fathi Surour leads it. The Minister of Defense, Carme\n"
        "Chacon, agreed.\n"
    )
    assert _titled(body, origin="Embassy Reykjavik") == {
        "Fathi Surour": [("Parliamentary speaker", "Parliamentary speaker")],
        "Carme Chacon": [("Minister of Defense", "Minister of Defense")],
    }


def test_a_staff_title_after_a_preposition_opens_the_sentence() -> None:
    """Regression (sets 28 and 29): "In a meeting with Poloff, Mario Cortes, head of CONE,
    stated" gave the US officer's title to the sentence's subject, as did "related to
    Fujimori, D/Polcouns spoke" to the name before it (about 30 dev cables)."""
    assert _titled(
        "1. (C) In a recent meeting with Poloff, Mario Silva, head of CONE, stated it.\n"
        "2. (C) In a meeting with DCM, Saygun raised the subject. Saygun said so.\n"
        "3. (C) In other developments related to Fujimori, D/Polcouns spoke with them.\n"
        "4. (C) He met Ivanov, DCM of Russia, and Lavrov, FM, later.\n"
    ) == {
        "Mario Silva": [("head of CONE", "head of CONE")],
        "Saygun": [],
        "Fujimori": [],
        "Ivanov": [("DCM of Russia", "Deputy Chief of Mission of Russia")],
        "Lavrov": [("FM", "Foreign Minister")],
    }


def test_a_full_name_given_again_with_a_slip_is_one_person() -> None:
    """Regression (set 29): "Kamal ZOUGAM" and "Kamal ZOUGAN", "Mohamed CHAQUI" and
    "Mohamed CHAOUI", "Vinay KHOLY" and "Vinay KOHLY" were six people, not three; a
    different given name or a short family-first name stays apart."""
    people = _people_of(
        "1. (C) Kamal ZOUGAM was arrested. Later Kamal ZOUGAN was charged, with Mohamed\n"
        "CHAQUI (also written Mohamed CHAOUI) and Vinay KHOLY (Vinay KOHLY). Jalal Fairouz\n"
        "and his brother Jawad Fairouz spoke, as did Wang Yang and Wang Yong.\n",
        origin="Embassy Madrid",
    )
    people.pop("Pearson")  # the signer
    assert {n: len(p["mentions"]) for n, p in people.items()} == {
        "Kamal Zougam": 2,
        "Mohamed Chaqui": 2,
        "Vinay Kholy": 2,
        "Jalal Fairouz": 1,
        "Jawad Fairouz": 1,
        "Wang Yang": 1,
        "Wang Yong": 1,
    }


def test_a_place_s_or_a_firm_s_noun_before_a_name_makes_it_no_person() -> None:
    """Regression (sets 28 and 29): "the village of Jid Hafs" (and later "in Jid Hafs"),
    "the British Embassy in Addis Abba", "the British law firm Mishcon de Reya" and an
    acronym the cable defines after a name ("Stork SSIS' role") were people, as were a name
    before "region" or "province" (22 dev cables); a paper's editor after its name is one
    ("Al-Wasat newspaper Mansour Al-Jamri")."""
    people = _people_of(
        "1. (C) Clashes in the village of Jid Hafs went on; later Jid Hafs was calm. The\n"
        "British Embassy in Addis Abba covers Somaliland. An opinion came from the British\n"
        "law firm Mishcon de Reya. Al-Wasat newspaper Mansour Al-Jamri wrote it. The\n"
        "company Phillips left; Ambassador Phillips stayed. Farms in the Nile Delta region\n"
        "and in Entre Rios province suffered.\n"
        "2. (C) The State Security Investigative Service (SSIS) met HRW's Joe Stork. He\n"
        "described to Stork SSIS' role.\n",
        origin="Embassy Manama",
    )
    people.pop("Pearson")  # the signer
    assert set(people) == {"Mansour Al-Jamri", "Phillips", "Joe Stork"}
    assert len(people["Joe Stork"]["mentions"]) == 2
    assert _titles(people["Phillips"]) == [("Ambassador", "Ambassador")]


def test_titles_listed_a_month_in_a_name_and_an_indefinite_title() -> None:
    """Regression (sets 30 and 31): in "DCM, Econ Chief, and ..." and "President, Prime
    Minister ..." the word after the comma was a man ("Econ", "Prime"; about 30 dev
    cables); "Gretar Mar Sigurdsson" was two people ("Mar" read as March); "represented
    by an Ambassador, Paucelle said" gave him the title; "EGIS" was no known body."""
    body = (
        "1. (C) DCM, Econ Chief, and the Pol Intern presented it. Permanent Secretary\n"
        "Gretar Mar Sigurdsson received them. Sigurdsson said so. On Mar 5 he left.\n"
        "2. (C) The EU will be represented by an Ambassador, Paucelle said. EGIS Chief\n"
        "Soliman agreed.\n"
    )
    assert _titled(body, origin="Embassy Reykjavik") == {
        "Gretar Mar Sigurdsson": [("Permanent Secretary", "Permanent Secretary")],
        "Paucelle": [],
        "Soliman": [("EGIS Chief", "Egyptian General Intelligence Service Chief")],
    }
    people = _people_of(body, origin="Embassy Reykjavik")
    assert len(people["Gretar Mar Sigurdsson"]["mentions"]) == 2


def test_title_abbreviations_written_only_with_their_stop() -> None:
    """Regression (set 33, and about 100 dev cables): "Rep.", "Sen.", "Min.", "Dep.",
    "Gov." and "Asst." were never titles (the token has no stop, the lexicon's entry
    has); "Sec." stays a section's, and a name's last word before a sentence is no
    title ("Prime Minister Hun Sen. MM Lee ...")."""
    titled = _titled(
        "1. (U) The complaint prompted a letter from Rep. Linda Sanchez (D-CA) to the "
        "Secretary. A/S Shapiro deferred to Special Envoy Sen. George Mitchell's efforts.\n"
        "2. (C) Min. Santiago Mourao met Gov. Omar and Asst. Minister Bassim. Conservative "
        "Rep. Muriel Benitorebollo agreed. Politics are personalized around Prime Minister "
        "Hun Sen. MM Lee dismissed Laos. Amartya Sen spoke.\n",
        origin="Embassy San Jose",
    )
    assert titled["Linda Sanchez"] == [("Rep.", "Representative")]
    assert titled["George Mitchell"] == [("Special Envoy", "Special Envoy"), ("Sen.", "Senator")]
    assert titled["Santiago Mourao"] == [("Min.", "Minister")]
    assert titled["Omar"] == [("Gov.", "Governor")]
    assert titled["Bassim"] == [("Asst. Minister", "Assistant Minister")]
    assert titled["Muriel Benitorebollo"] == [("Conservative Rep.", "Conservative Representative")]
    assert titled["Hun Sen"] == [("Prime Minister", "Prime Minister")]
    assert titled["Amartya Sen"] == []
    assert "MM Lee" not in titled


def test_another_s_title_after_a_role_s_of() -> None:
    """Regression (sets 33 and 24): "a member of Prime Minister Nazif's trusted circle"
    gave Nazif no title ("member of Prime Minister" was read as one), and "Interior
    Minister Villepin's Cabinet" was an organisation holding him; a unit's name after
    "of" stays the title's ("Minister of Finance Sheikh Ahmed")."""
    titled = _titled(
        "1. (C) Fahmy is seen as a member of Prime Minister Nazif's trusted circle. An "
        "official, probably a member of Interior Minister Villepin's Cabinet, praised "
        "Villepin. The press spokesman for Prime Minister Reinfeldt spoke. Minister of "
        "Finance Sheikh Ahmed agreed.\n",
        origin="Embassy Cairo",
    )
    assert titled["Nazif"] == [("Prime Minister", "Prime Minister")]
    assert titled["Villepin"] == [("Interior Minister", "Interior Minister")]
    assert titled["Reinfeldt"] == [("Prime Minister", "Prime Minister")]
    assert ("Minister of Finance", "Minister of Finance") in titled["Ahmed"]


def test_a_title_holder_s_possessive_is_no_organisation_s_name() -> None:
    """Regression: "President Lula's Workers' Party" was one organisation; a title's or
    a body's own possessive stays ("Attorney General's Office", "General People's
    Congress")."""
    cable = parse_cable(
        "SUBJECT: TEST\n\n1. (C) President Lula's Workers' Party met the Attorney "
        "General's Office and the General People's Congress.\n",
        "09TEST1",
        metadata={"origin": "Embassy Brasilia"},
    )
    names = {o["name"] for o in extract_entities(cable).to_dict()["organizations"]}
    assert not any("Lula" in n for n in names)
    assert "Attorney General's Office" in names
    assert "General People's Congress" in names


def test_ould_and_ag_inside_a_name() -> None:
    """Regression (gold set, 10BAMAKO52): "ould" and "ag" ("son of" in Mauritanian,
    Malian Arab and Tuareg names) ended a name: "Baba ould Choueck" was "Baba"."""
    titled = _titled(
        "1. (S) The GOM sent Malian Army Colonel Abderhamane ould Meydou and Tarkint Mayor "
        "Baba ould Choueck. Attaher ag Intallah was kidnapped in 1993.\n",
        origin="Embassy Bamako",
    )
    assert titled["Abderhamane ould Meydou"] == [("Army Colonel", "Army Colonel")]
    assert titled["Baba ould Choueck"] == [("Tarkint Mayor", "Tarkint Mayor")]
    assert "Attaher ag Intallah" in titled


def test_a_country_s_initials_inside_a_title() -> None:
    """Regression (set 29): "Assistant U.S. Trade Representative for Europe and the
    Middle East" lost "Assistant U.S." (the title began at "Trade")."""
    titled = _titled(
        "1. (SBU) Assistant U.S. Trade Representative for Europe and the Middle East "
        "Christopher S. Wilson met Assistant U.S. Attorney Steven Pelak. U.S. Trade "
        "Representative Ron Kirk came.\n",
        origin="Embassy Reykjavik",
    )
    assert titled["Christopher S. Wilson"] == [
        ("Assistant U.S. Trade Representative for Europe and the Middle East",) * 2
    ]
    assert titled["Steven Pelak"] == [("Assistant U.S. Attorney",) * 2]
    assert titled["Ron Kirk"] == [("Trade Representative",) * 2]


def test_a_host_s_own_name_for_its_foreign_ministry() -> None:
    """Regression (sets 25, 29, 30, 31: nine annotators alike): Iceland's, Sweden's and
    Finland's foreign ministry is the "Ministry for Foreign Affairs"; the glossary's MFA
    is "of", which stays for the others."""
    text = (
        "SUBJECT: TEST\n\n1. (SBU) Acting MFA Permanent Secretary Benedikt Jonsson met the MFA.\n"
    )

    def entities(origin: str) -> dict:
        cable = parse_cable(text, "09TEST1", metadata={"origin": origin})
        return extract_entities(cable).to_dict()

    found = entities("Embassy Reykjavik")
    assert [t["expanded"] for t in found["people"][0]["titles"]] == [
        "Acting Ministry for Foreign Affairs Permanent Secretary"
    ]
    assert [o["name"] for o in found["organizations"]] == ["Icelandic Ministry for Foreign Affairs"]
    assert [a["long"] for a in found["acronyms"]] == ["Ministry for Foreign Affairs"]
    # one organisation when the cable also spells the ministry's own name
    cable = parse_cable(
        "SUBJECT: TEST\n\n1. (U) The Icelandic Ministry for Foreign Affairs said the MFA would "
        "reply.\n",
        "09TEST2",
        metadata={"origin": "Embassy Reykjavik"},
    )
    orgs = extract_entities(cable).to_dict()["organizations"]
    assert [(o["name"], len(o["mentions"])) for o in orgs] == [
        ("Icelandic Ministry for Foreign Affairs", 2)
    ]
    found = entities("Embassy Oslo")
    assert [o["name"] for o in found["organizations"]] == ["Norwegian Ministry of Foreign Affairs"]


def test_a_body_s_country_desk_before_a_title() -> None:
    """Regression (set 28): "FCO Somalia Research Analyst Cedric Barnes" lost "FCO
    Somalia" (a country before a title is a nationality, but not after a body's
    initials); the body's own country stays out ("FCO UK Special Representative")."""
    titled = _titled(
        "1. (C) So said FCO Somalia Research Analyst Cedric Barnes and FCO UK Special "
        "Representative Harriet Moynihan.\n",
        origin="Embassy London",
    )
    assert titled["Cedric Barnes"] == [
        ("FCO Somalia Research Analyst", "Foreign and Commonwealth Office Somalia Research Analyst")
    ]
    assert titled["Harriet Moynihan"] == [("Special Representative", "Special Representative")]


def test_a_list_s_apposition_with_a_topic_before_its_title() -> None:
    """Regression (set 32): "Delphine Hournau and Zoe Smith, Nuclear Issues Desk Officers
    at the FCO," gave no one a title: a topic's common words before an apposition's title
    are part of it, and a list's plural title is each of its names'. Not a verb ("Told
    Charge d'Affaires"), nor a unit's name running on to the next person's."""
    titled = _titled(
        "1. (C) Poloff met Delphine Hournau and Zoe Smith, Nuclear Issues Desk Officers at "
        "the FCO, on January 13. Correa came with Vinicio Alvarado, Coordinating Minister "
        "for Production Susana Cabeza de Vaca, and others.\n",
        origin="Embassy London",
    )
    officer = (
        "Nuclear Issues Desk Officer at the FCO",
        "Nuclear Issues Desk Officer at the Foreign and Commonwealth Office",
    )
    assert titled["Delphine Hournau"] == [officer]
    assert titled["Zoe Smith"] == [officer]
    assert titled["Vinicio Alvarado"] == []


def test_a_bracketed_gloss_between_title_and_name() -> None:
    """Regression (set 30): "French MFA Acting Middle East Director (Assistant-Secretary
    equivalent) Jean-Christophe Paucelle" had no title; a gloss in brackets is passed
    over, a unit in brackets stays ("Joint Secretary (Americas) Gaitri Kumar")."""
    titled = _titled(
        "1. (C) So said French MFA Acting Middle East Director (Assistant-Secretary "
        "equivalent) Jean-Christophe Paucelle. He met Joint Secretary (Americas) Gaitri "
        "Kumar.\n",
        origin="Embassy Paris",
    )
    assert titled["Jean-Christophe Paucelle"] == [
        (
            "MFA Acting Middle East Director",
            "Ministry of Foreign Affairs Acting Middle East Director",
        )
    ]
    assert titled["Gaitri Kumar"] == [("Joint Secretary (Americas)",) * 2]


def test_a_body_in_quotes_or_with_long_initials_before_a_title() -> None:
    """Regression (sets 9, 27): '"UzbekSavdo" chairman Zafar Faiyziev' and "National
    Frontier Service (SENAFRONT) Director Frank Abrego" lost their bodies (quotes; nine
    letters of initials; "National" taken for a qualifier)."""
    titled = _titled(
        '1. (S) The wives of businessman Muhiddin Jamol, "UzbekSavdo" chairman Zafar '
        "Faiyziev and National Frontier Service (SENAFRONT) Director Frank Abrego came. He "
        'called it "a crime" President Bush said.\n',
        origin="Embassy Tashkent",
    )
    assert titled["Zafar Faiyziev"] == [('"UzbekSavdo" chairman',) * 2]
    assert titled["Frank Abrego"] == [
        ("National Frontier Service (SENAFRONT) Director", "National Frontier Service Director")
    ]
    assert titled["Bush"] == [("President", "President")]


def test_the_economic_minister_counselor_s_abbreviations() -> None:
    """Regression (set 32): "EMIN Robert Pollard" was titled "EMIN" unexpanded; a TAGS
    line run on to the text ("TAGS: EMIN PGOV SNAR ASEC") makes no person of its codes."""
    titled = _titled(
        "1. (C) EMIN Robert Pollard met E/MIN Mark Tokola.\n"
        "2. (U) TAGS: EMIN PGOV SNAR ASEC EINV ENRG PE\n",
        origin="Embassy Berlin",
    )
    assert titled["Robert Pollard"] == [("EMIN", "Economic Minister-Counselor")]
    assert titled["Mark Tokola"] == [("E/MIN", "Economic Minister-Counselor")]
    assert set(titled) == {"Robert Pollard", "Mark Tokola"}


def test_an_organisation_before_an_apposition_s_title() -> None:
    """Regression (set 33): "Fernando Remirez de Estenoz, the Communist Party chief of
    Foreign Relations," had no title: a body the organisation pass found may begin an
    apposition's title."""
    titled = _titled(
        "1. (C) Fernando Remirez de Estenoz, the Communist Party chief of Foreign "
        "Relations, was replaced.\n",
        origin="Embassy Havana",
    )
    assert titled["Fernando Remirez de Estenoz"] == [
        ("Communist Party chief of Foreign Relations",) * 2
    ]


def test_a_month_s_name_as_a_given_name_after_a_title() -> None:
    """Regression (09REYKJAVIK207, 06MOSCOW11778): "Central Bank Governor Mar
    Gudmundsson", "June Tancredi" and "Dr. May Otaibi" alone were nobody (a month's name);
    after a title or an honorific, before a name's word, it is a given name."""
    titled = _titled(
        "1. (C) Dr. May Otaibi confided that Central Bank Governor Mar Gudmundsson agreed. "
        "President Bush said in May Smith was wrong.\n",
        origin="Embassy Manama",
    )
    assert "May Otaibi" in titled
    assert titled["Mar Gudmundsson"] == [("Central Bank Governor",) * 2]
    assert "Smith" in titled


def test_a_letter_s_address_titles_its_name() -> None:
    """Regression (set 34, 08SANJOSE730): "His Excellency Mr. George W. Bush \\n President
    \\n United States of America" gave Bush no title: a line holding only a title, under
    a name after an honorific that ends its line, is the name's."""
    titled = _titled(
        "1. (U) BEGIN TEXT:\n\nHis Excellency Mr. George W. Bush\nPresident\n"
        "United States of America\n\nExcellency,\n\nDr. Ali Smith\nMinister Jones came.\n",
        origin="Embassy San Jose",
    )
    assert titled["George W. Bush"] == [("President", "President")]
    assert titled["Ali Smith"] == []


def test_a_topic_of_several_words_in_title_case_before_a_title() -> None:
    """Regression (set 35, 08LONDON1901): "FCO Counter Proliferation Officer George
    Sherriff" and "for Nuclear Issues Team Leader Nick Low" were titled "Officer" and
    "Team Leader": a topic's words in Title Case after a lower-case word or a body's
    initials belong to the title, not a headline's ("PPP Requires Action Against
    Governor Taseer")."""
    titled = _titled(
        "1. (S) FCO Counter Proliferation Officer George Sherriff told poloff, filling in "
        "for Nuclear Issues Team Leader John Brown, that he met Climate Change Secretary "
        "Ed Miliband.\n\n- - -\nCooperation with PPP Requires Action Against Governor "
        "Taseer\n- - -\n\n2. (C) He flew to Washington And Secretary Clinton came.\n",
        origin="Embassy London",
    )
    assert titled["George Sherriff"] == [
        (
            "FCO Counter Proliferation Officer",
            "Foreign and Commonwealth Office Counter Proliferation Officer",
        )
    ]
    assert titled["John Brown"] == [("Nuclear Issues Team Leader",) * 2]
    assert titled["Ed Miliband"] == [("Climate Change Secretary",) * 2]
    assert titled["Taseer"] == [("Governor", "Governor")]
    assert titled["Clinton"] == [("Secretary", "Secretary")]


def test_an_apposition_s_role_without_an_article() -> None:
    """Regression (set 26, 09THEHAGUE730; set 22, 09THEHAGUE725): "Sanne Kaasjager, lead
    national negotiator from the Foreign Ministry," and "Joseph Babits, in-house counsel,"
    had no title: a role of lower-case words closed by a comma, or by "from" a body, is
    one without "a" or "the" too; a clause is not ("Tremonti, often supports
    protectionist", "Arias's predecessor", "Amre Moussa, another old-guard insider")."""
    titled = _titled(
        "1. (U) EconOff met Sanne Kaasjager, lead national negotiator from the Foreign "
        "Ministry, and Gerie Jonk, mitigation group representative from the Environment "
        "Ministry (VROM). Joseph Babits, in-house counsel, also attended.\n"
        "2. (C) Giulio Tremonti, often supports protectionist measures. Unlike Oscar "
        "Arias's predecessor, Amre Moussa, another old-guard regime insider, came.\n",
        origin="Embassy The Hague",
    )
    assert titled["Sanne Kaasjager"] == [("lead national negotiator",) * 2]
    assert titled["Gerie Jonk"] == [("mitigation group representative",) * 2]
    assert titled["Joseph Babits"] == [("in-house counsel",) * 2]
    assert titled["Giulio Tremonti"] == []
    assert titled["Oscar Arias"] == []
    assert titled["Amre Moussa"] == []


def test_oman_s_minister_responsible_for_foreign_affairs() -> None:
    """Regression (set 6, 07MUSCAT359): "Omani Minister Responsible for Foreign Affairs
    Yousef bin Alawi" had no title: "Responsible for" goes on after a title's head."""
    titled = _titled(
        "1. (C) He spoke with Omani Minister Responsible for Foreign Affairs Yousef bin "
        "Alawi during the crisis.\n",
        origin="Embassy Muscat",
    )
    assert titled["Yousef bin Alawi"] == [("Minister Responsible for Foreign Affairs",) * 2]


def test_sheikh_as_a_family_name_and_a_role_of_the_next_one_s_victim() -> None:
    """Regression (set 10, 09ISLAMABAD2487): "Omar Saeed Sheikh, the convicted murderer of
    U.S. journalist Daniel Pearl" gave "Omar Saeed" (a style cut off the name's end) and
    Pearl the title "convicted murderer of U.S.": a lower-case role that goes on over "of"
    to a nationality or another lower-case role is not the next name's title, as "leader
    of the Junbesh Party General Dostum" is."""
    titled = _titled(
        "1. (C) The court heard the case of Omar Saeed Sheikh, the convicted murderer of "
        "U.S. journalist Daniel Pearl. He met the leader of the Junbesh Party General "
        "Dostum. Foreign Minister Prince Saud Sheikh Hamad came.\n",
        origin="Embassy Islamabad",
    )
    assert "Omar Saeed Sheikh" in titled
    assert titled["Daniel Pearl"] == [("journalist", "journalist")]
    assert ("leader of the Junbesh Party", "leader of the Junbesh Party") in titled["Dostum"]
    assert titled["Hamad"] == [("Sheikh", "Sheikh")]


def test_an_apposition_s_title_then_where_its_holder_was_seconded_from() -> None:
    """Regression (set 22, 09THEHAGUE725): "Roelof van Ees, Government Relations Advisor
    seconded from the Dutch Foreign Ministry;" had no title: after a topic's title, a
    participle with "from", "to" or "by" closes the apposition as a comma does."""
    titled = _titled(
        "1. (C) EconOff met Roelof van Ees, Government \nRelations Advisor seconded from the "
        "Dutch Foreign Ministry; and Ayman Hamza.\n",
        origin="Embassy The Hague",
    )
    assert titled["Roelof van Ees"] == [("Government Relations Advisor",) * 2]
    assert titled["Ayman Hamza"] == []


def test_a_party_s_name_joined_by_e_or_i_is_nobody() -> None:
    """Regression (set 36, 08ISLAMABAD1432): "Jamiat Ulema-i-Islam (JUI-F)" and "Muttahida
    Majlis-e-Amal (MMA)" gave people "Jamiat Ulema" and "Muttahida Majlis": two name
    words run on by "-i-" or "-e-" to a third are a party's or a movement's name."""
    people = _people_of(
        "1. (S) Post requests information about Jamiat Ulema-i-Islam (JUI-F) leader "
        "Fazlur Rehman. The coalition Muttahida Majlis-e-Amal (MMA) won.\n",
        origin="Embassy Islamabad",
    )
    assert set(people) == {"Fazlur Rehman", "Pearson"}


def test_an_office_s_initials_between_two_titles_are_nobody() -> None:
    """Regression (set 37, 09MOSCOW405): "PM FP Advisor Ushakov" gave a man named Fp
    titled "PM" ("Deputy TGS Chief Gen. Yasar Buyukanit" one named Tgs): two or three
    capitals after a title and before another title's word are an office's initials."""
    titled = _titled(
        "1. (C) The Ambassador spoke to PM FP \nAdvisor Ushakov. Deputy TGS Chief Gen. Yasar "
        "Buyukanit and Former Foreign Secretary MK Rasgotra came.\n",
        origin="Embassy Moscow",
    )
    assert set(titled) == {"Ushakov", "Yasar Buyukanit", "MK Rasgotra"}


def test_words_english_writes_in_lower_case_are_nobody() -> None:
    """Regression (sets 5-37: "Plastic Sheeting", "Animal Husbandry", "Blue Lantern",
    "Occupational Safety", "Wild Fauna"; 570 such "people" in the dev corpus): two or
    more untitled capitalised words that a dictionary writes only in lower case are a
    thing's or a programme's name. A given name or surname that is also a word ("Bill
    Burns", "Rice") and a name's particle ("Bin Laden") keep a name."""
    people = _people_of(
        "1. (SBU) Donors sent Plastic Sheeting and Animal Husbandry experts under the Blue "
        "Lantern program. Bill Burns met Bin Laden's brother Yeslam Bin Laden. Mark Rice "
        "said the Occupational Safety office would help.\n"
    )
    assert set(people) == {"Bill Burns", "Yeslam Bin Laden", "Mark Rice", "Pearson"}


def test_a_title_of_a_two_word_place_before_a_name() -> None:
    """Regression (set 25, 08SANJOSE349; dev: "Governor of Buenos Aires Daniel Scioli" gave
    nobody, "Chief Minister of Madhya Pradesh Digvijay Singh" a man named Madhya Pradesh
    Digvijay Singh): a two-word place whose first word could begin a name ends the title
    after "of", and a possessive after it goes on to the unit ("Director General of Costa
    Rica's National Civil Registry"). Not a letter's address ("President of the Republic
    \\nSan Jose, Costa Rica"), nor a list's next item after a heading's title."""
    titled = _titled(
        "1. (C) Governor of Buenos Aires Daniel Scioli spoke. The Chief Minister of Madhya "
        "Pradesh Digvijay Singh came. Marisol Castro, Director General of Costa Rica's "
        "National Civil Registry (NCR), agreed. The Ambassador to the Holy See Francis "
        "Campbell left.\n",
        origin="Embassy Buenos Aires",
    )
    assert titled == {
        "Daniel Scioli": [("Governor of Buenos Aires",) * 2],
        "Digvijay Singh": [("Chief Minister of Madhya Pradesh",) * 2],
        "Marisol Castro": [("Director General of Costa Rica's National Civil Registry",) * 2],
        "Francis Campbell": [("Ambassador to the Holy See",) * 2],
    }
    letter = _people_of(
        "1. (U) BEGIN TEXT:\n\nOscar Arias-Sanchez\nThe President of the Republic\nSan "
        "Jose, Costa Rica\n27 August 2008\n",
        origin="Embassy San Jose",
    )
    assert "Costa Rica" not in letter
    heading = _people_of(
        "1. (U) SERRA ANNOUNCES CANDIDACY FOR GOVERNOR OF SAO PAULO \n(B) SAO PAULO 278\n",
        origin="Consulate Sao Paulo",
    )
    assert "Sao Paulo" not in heading


def test_a_name_before_administration_government_or_regime_is_a_person() -> None:
    """Regression (sets 28, 36 and 37: Obama, Arias and Kufuor missed in "the new Obama
    Administration", "the Arias administration", "the Kufuor government"; dev: "the Bush
    administration" 27 times): a name alone before the body its bearer heads is a
    person's mention (GUIDELINES section 3), and "the Obama Administration" no
    organisation. Not a capital, an adjective, a party or a word ("the Tehran
    government", "the Kurdish administration", "the Labour government", "the Tax
    administration", "the Swazi government": a nationality)."""
    people = _people_of(
        "1. (C) Moscow wants ties with the new Obama Administration. He criticized the Lula "
        "administration and the Pinochet regime. The Tehran government, the Kurdish "
        "administration, the Labour government, the Tax administration and the Swazi "
        "government agreed.\n"
    )
    assert set(people) == {"Obama", "Lula", "Pinochet", "Pearson"}
    cable = parse_cable(
        "SUBJECT: A TEST\n\n1. (C) Moscow wants ties with the new Obama Administration.\n",
        metadata={"origin": "Embassy Moscow"},
    )
    assert extract_entities(cable).to_dict()["organizations"] == []


def test_a_ruler_s_name_that_is_also_a_far_town_s() -> None:
    """Regression (set 20's 08LAPAZ2670: "the Bush administration" had no person, "Bush"
    being a town of Egypt in the gazetteer; set 38's 10MADRID87: "the Bush Administration",
    an organisation; 24 dev cables): a town's name before
    "administration", "government" or "regime" is its ruler's when it is no capital and
    the cable neither comes from its country nor names it, by name, adjective or
    initials. Not "the Tehran government" (a capital), nor "the Dubai government" beside
    the UAE."""
    people = _people_of(
        "1. (C) Morales accused the Bush administration of meddling, as in the Bush "
        "Administration's time.\n",
        "08LAPAZ2670",
        "Embassy La Paz",
        "LA PAZ 002670\nSIPDIS\nE.O. 12958: DECL: 10/01/2018\nTAGS: PGOV PREL BL",
    )
    assert len(people["Bush"]["mentions"]) == 2
    people = _people_of(
        "1. (C) The Tehran government agreed. The Dubai government of the UAE agreed.\n"
    )
    assert not {"Tehran", "Dubai"} & set(people)


def test_a_surname_alone_with_a_letter_dropped_is_the_same_person() -> None:
    """Regression (set 20, 06SANJOSE2734: "the Cstro government" beside "the Castro
    regime", one man to the annotator, two to us): a surname alone, untitled, that is
    another one alone with a letter dropped inside is the same person; not a titled one
    beside another's full name ("President Sleiman", "Mohammed Suleiman")."""
    people = _people_of(
        "1. (C) Costa Rica is a critic of the Cstro government. It opposes the Castro "
        "regime. President Sleiman met General Mohammed Suleiman.\n"
    )
    assert people["Castro"]["mentions"][0]["text"] == "Cstro"
    assert "Cstro" not in people
    assert {"Sleiman", "Mohammed Suleiman"} <= set(people)


def test_a_firm_before_an_ampersand_a_street_and_a_holiday_are_nobody() -> None:
    """Regression (set 38, 08STATE22315; set 39, 08CAIRO2160): "10 Smith & Wesson 9mm
    Pistols", "236 Bryce Blvd." and "the Eid al-Fitr holiday" gave people named Smith,
    Bryce Blvd and Eid al-Fitr. A garbled quote is no firm's sign ("Mikheil Fridman
    &long enough")."""
    people = _people_of(
        "1. (U) QUANTITY: 10 Smith & Wesson 9mm Pistols. SELLER: Century Arms, Inc., 236 "
        "Bryce Blvd., Fairfax. After the Eid al-Fitr holiday the market fell. He worked "
        "with partners Petr Aven and Mikheil Fridman &long enough.\n"
    )
    assert set(people) == {"Petr Aven", "Mikheil Fridman", "Pearson"}


def test_st_petersburg_and_a_nationality_s_mfa_in_titles() -> None:
    """Regression (set 39: "St. Petersburg CG Mary Kruger" titled "Petersburg CG"; "the
    Libyan MFA's International Organizations Office" kept its initials): the saint's stop
    ends no title's place, and a body's initials with a possessive after a nationality
    are spelt out as after "the"."""
    titled = _titled(
        "1. (C) The message was drafted by St. Petersburg CG Mary Kruger. We met the Deputy "
        "Director of the Libyan MFA's International Organizations Office, Murat Humaima.\n",
        origin="Embassy Moscow",
    )
    assert titled["Mary Kruger"] == [("St. Petersburg CG", "St. Petersburg Consul General")]
    assert titled["Murat Humaima"] == [
        (
            "Deputy Director of the Libyan MFA's International Organizations Office",
            "Deputy Director of the Libyan Ministry of Foreign Affairs' International "
            "Organizations Office",
        )
    ]


def test_firms_whose_names_read_as_a_person_s_are_organisations() -> None:
    """Regression (sets 8, 15, 24, 26, 34, 39: "Morgan Stanley", "Lockheed Martin",
    "Intesa Sanpaolo", "Sikorsky", "Dassault Mirage" were people; 72 dev "people" of 20
    firms): well-known firms are organisations, and a pipeline's "Stream" ends a thing's
    name ("Nord Stream")."""
    text = (
        "SUBJECT: BANKS\n\n1. (C) Melanie Baker, Vice President at Morgan Stanley, said "
        "Lockheed Martin and Sikorsky bid, while Nord Stream and Intesa Sanpaolo waited.\n"
    )
    d = extract_entities(parse_cable(text, metadata={"origin": "Embassy London"})).to_dict()
    assert {p["name"] for p in d["people"]} == {"Melanie Baker"}
    orgs = {o["name"] for o in d["organizations"]}
    assert {"Morgan Stanley", "Lockheed Martin", "Sikorsky", "Intesa Sanpaolo"} <= orgs


def test_a_capitalised_de_inside_a_name() -> None:
    """Regression (dev: "Planning Minister Julio De Vido" gave "Julio" and "Vido" in 7
    cables; "Karel De Gucht", "Francisco De Narvaez", "Mart De Kruif"): "De" inside a
    name is its particle, as "de" is; a name never ends on one, nor on a second particle
    after it ("Fernandez De La" before a place's "Vega")."""
    names = _names(
        "Planning Minister Julio De Vido said so. Foreign Minister Karel De Gucht agreed. "
        "Vice President Maria Teresa Fernandez De La Vega spoke."
    )
    assert "Julio De Vido" in names and "Karel De Gucht" in names
    assert not any(n.endswith((" De", " La")) for n in names)
    assert "Julio" not in names and "Vido" not in names


def test_firms_and_institutions_read_after_sets_40_and_41() -> None:
    """Regression (set 40's 04BRASILIA592 "Varig Engineering" and 08BEIJING3899 "Fannie
    Mae", "Freddie Mac", read after they were measured; dev: "Centro de Estudios
    Publicos", "Corporacion Andina de Fomento", "Fondo Bicentenario", "Tyco Electronics";
    75 dev "people"): a firm's last word ("Engineering", "Electronics") and an
    institution's first in Spanish or Portuguese ("Centro", "Fondo", "Corporacion",
    "Agencia") make a body's name, not a person's."""
    names = _names(
        "Varig Engineering and Tyco Electronics bid; Fannie Mae and Freddie Mac fell. The "
        "Centro de Estudios Publicos and Corporacion Andina de Fomento met Juan Perez."
    )
    assert set(names) == {"Juan Perez"}


def test_a_word_joined_by_an_underscore_is_no_name_s() -> None:
    """Regression (47 dev cables from London: the footer "Visit London's Classified
    Website: http://www.intelink.sgov.gov/wiki/Portal:Unit ed_Kingdom" then the signer's
    "TUTTLE" gave a signer "Kingdom Tuttle"): a word joined to the one before by "_" is
    an identifier's or an address's."""
    people = _people_of(
        "1. (C) The UK agreed.\n\nVisit London's Classified Website: "
        "http://www.intelink.sgov.gov/wiki/Portal:Unit ed_Kingdom \n",
        "08LONDON1761",
        "Embassy London",
        "LONDON 001761\nSIPDIS\nE.O. 12958: DECL: 06/01/2018\nTAGS: PREL UK",
        "TUTTLE",
    )
    assert list(people) == ["Tuttle"]
    assert people["Tuttle"]["role"] == "signer"


def test_a_verb_s_ing_form_opens_no_name() -> None:
    """Regression (the gold set's 07JERUSALEM2318: "Patrolling Nablus" a man; 47 dev cables,
    "Echoing Simoes, Lula said", "Thanking Brennan", "Condescending Rice"): a first word
    that is a verb's -ing form English writes only in lower case is a clause's opening,
    no part of the name; what is left is a name only if it still reads as one. Such a
    word may end a name ("Charles Twining") or be one alone ("Gelling said")."""
    people = _people_of(
        "1. (C) Echoing Secretary Rice, Lula agreed. Touting Costa Rica, he left. Charles "
        "Twining and Jean Ping met. Patrolling Nablus, troops waited. Gelling said so.\n"
    )
    assert "Rice" in people and not any(n.startswith("Echoing") for n in people)
    assert {"Charles Twining", "Jean Ping", "Gelling"} <= set(people)
    assert not {"Costa Rica", "Touting Costa Rica", "Nablus", "Patrolling Nablus"} & set(people)


def test_a_firm_s_legal_form_ends_no_one_s_name() -> None:
    """Regression (set 35's 08STATE96188 and set 39's 09STATE123431: "Electromecanica Pablo
    Murillo S.A." and "Mello S.A. Maquinas" were people; 26 dev cables, "Zeromax GmbH",
    "Helitaxi Ltda"): a name that ends in a company's legal form is a firm's."""
    people = _people_of(
        "1. (C) The seller is Electromecanica Pablo Murillo S.A. and the buyer Zeromax GmbH; "
        "Helitaxi Ltda flew. AG David Ogden agreed.\n"
    )
    assert not any(n.endswith(("S.a.", "S.A.", "Gmbh", "GmbH", "Ltda")) for n in people)
    assert "David Ogden" in people


def test_an_untitled_name_only_after_in_near_or_at_is_a_place() -> None:
    """Regression (the gold set's 03KATHMANDU2366: "in Dehra Dun"; sets 12 and 21: "in Jid
    Hafs"; set 41's 05SANJOSE2815: "at Penas Blancas"; 94 dev cables, "in Lashkar Gah",
    "near Spin Boldak", "at Fort Leavenworth"): an untitled name of two words or more
    written only after "in", "near" or "at" is a place the gazetteer lacks. Not one with
    a possessive after it ("in Itamar Franco's administration")."""
    people = _people_of(
        "1. (C) A facility in Dehra Dun closed. Fighting near Spin Boldak grew. She served in "
        "Itamar Franco's administration. The crossing at Penas Blancas shut.\n"
    )
    assert not {"Dehra Dun", "Spin Boldak", "Penas Blancas"} & set(people)
    assert "Itamar Franco" in people


def test_a_word_before_the_thing_named_for_it_is_no_one() -> None:
    """Regression (the gold set's 06SAOPAULO761: "Molotov" a person; 15 dev cables, "Molotov
    cocktails"): an untitled word only ever before "cocktail" or "rifle" names a thing."""
    people = _people_of("1. (C) Rioters threw Molotov cocktails and Kalashnikov rifles.\n")
    assert not {"Molotov", "Kalashnikov"} & set(people)


def test_a_newspaper_s_last_word_makes_a_body_s_name() -> None:
    """Regression (20 dev cables: "Sueddeutsche Zeitung", "Nezavisimaya Gazeta", "Valor
    Economico", "Ukrainska Pravda" were people): a newspaper's word in German, Russian,
    Portuguese or Spanish ends a paper's name, no one's."""
    people = _people_of(
        "1. (C) Sueddeutsche Zeitung reported it, and Nezavisimaya Gazeta and Valor Economico "
        "repeated it.\n"
    )
    assert not any(n.endswith(("Zeitung", "Gazeta", "Economico")) for n in people)


def test_a_short_surname_with_an_abstract_noun_s_ending() -> None:
    """Regression (set 24's 09CAIRO1705: "S/E Gration" had no title, "Special Envoy Gration"
    no person; 37 dev cables, "Kokoity", "Felicity Jones", "Clemence Weulersse"): a word
    of seven or eight letters ending like an abstract noun ("-tion", "-ity", "-ence")
    that no dictionary has, nor a title's modifier ("Defence"), is a name all the same."""
    people = _people_of(
        "1. (C) In a meeting with S/E Gration, Moussa agreed. South Ossetian leader Eduard "
        "Kokoity spoke. Director General, Defence Policy, Jim Bob came.\n"
    )
    assert _titles(people["Gration"]) == [("S/E", "Special Envoy")]
    assert "Eduard Kokoity" in people
    assert "Defence" not in people


def test_a_headline_verb_in_capitals_off_the_subject_line() -> None:
    """Regression (the gold set's 10BAMAKO52: "SUBJECT: ... OF KOUNTA LEADER \\nILLUMINATES
    POLITICAL FISSURES" gave a leader "Illuminates", and its 66BUENOSAIRES2481: "FONOFF
    LEGAL ADVISOR CONCEDES DISTINCTION"; 8 dev cables): a one-word name in capitals that
    is a verb English writes only in lower case, going on to its object, is the verb of
    a headline, wherever it stands."""
    people = _people_of(
        "1. (C) Summary.\n\n4.  FONOFF LEGAL ADVISOR CONCEDES DISTINCTION BETWEEN RIGHTS.\n"
    )
    assert "Concedes" not in people


def test_an_address_s_words_make_no_one_s_name() -> None:
    """Regression (set 42's 08STATE58722, read after it was measured: a licence's
    addresses gave 11 "people", "Woods Pkwy", "Rodovia Helio Smitdt", "Andar Sala",
    "Contratacion Estatal Avenida El Dorado"; set 42's 08ISLAMABAD3183: "Embassies
    Islamabad"; 18 dev cables): a street's, an airport's or a floor's word in Portuguese,
    Spanish or English, first or inside, makes an address, and "Embassies" before a city
    a list of posts."""
    people = _people_of(
        "1. (C) SELLER: Goodrich Corporation 1555 Corporate Woods Pkwy. Uniontown, OH. "
        "CONSIGNEE: ATrade de Cargo do Brasil, Ltda. Rodovia Helio Smitdt, s/n 2 Andar Sala "
        "25. END-USER: Grupo Contratacion Estatal Avenida El Dorado CAN Carrera 52. "
        "Embassies Islamabad and Kabul agreed.\n"
    )
    assert not {
        "Woods Pkwy",
        "Rodovia Helio Smitdt",
        "Andar Sala",
        "Contratacion Estatal Avenida El Dorado",
        "Embassies Islamabad",
    } & set(people)


def test_a_dictionary_word_after_a_title_s_modifier_alone_is_no_name() -> None:
    """Regression (66 dev cables: "General Motors", "General Electric", "Chief Executive",
    "Deputy Assistant", "Justice Ministries" gave people named "Motors", "Executive" ...):
    a word English writes only in lower case after a title's modifier alone is a
    compound's, no one's name; not a surname the cables give alone ("General Pasha")."""
    people = _people_of(
        "1. (C) General Motors and General Electric invest. The Chief Executive left. "
        "General Pasha spoke.\n"
    )
    assert not {"Motors", "Electric", "Executive"} & set(people)
    assert "Pasha" in people


def test_a_curly_apostrophe_is_read_as_a_straight_one() -> None:
    """Regression (read set 8's 08USUNNEWYORK1130: "Lord’s Resistance Army leader Joseph
    Kony" had the title "Army leader"; 39 dev cables, "Patrick O’Brien"
    read as "Patrick" and "Brien", "Yar’Adua" as "Yar"): a curly apostrophe inside a word
    or before a possessive's s is an apostrophe; titles and mentions keep it as written."""
    people = _people_of(
        "1. (C) Ocampo said arresting Lord’s Resistance Army leader Joseph Kony would help. "
        "Treasury’s Assistant Secretary Patrick O’Brien and President Yar’Adua agreed.\n"
    )
    assert _titles(people["Joseph Kony"]) == [
        ("Lord’s Resistance Army leader", "Lord’s Resistance Army leader")
    ]
    assert "Patrick O'Brien" in people and "Brien" not in people
    assert "Yar'Adua" in people
    assert [m["text"] for m in people["Yar'Adua"]["mentions"]] == ["Yar’Adua"]


def test_a_contraction_is_no_name() -> None:
    """Regression (12 dev cables: "I've", "We've", "Don't Kid Yourself", "Won't" as people):
    a word with an apostrophe before "ve", "ll", "re", "m", "d" or "t" is a contraction."""
    people = _people_of(
        "1. (C) He said, \"I've told them. We'll see.\" A heading: Don't Kid Yourself.\n"
    )
    assert not any("'" in n for n in people)


def test_a_person_s_possessive_before_a_body_s_name_is_the_person() -> None:
    """Regression (8 dev cables: "Jean-Marie LePen's National Front", "Igor Giorgadze's
    Justice Party", "David Cameron's ..." were organisations and no one): a surname alone or
    two names before "'s" and a body's name are a person, the body the rest; not a body's
    own possessive ("Lord's Resistance Army", "People's Bank") nor a heading's words."""
    text = (
        "C O N F I D E N T I A L ANKARA 001516\nSIPDIS\nSUBJECT: A TEST\n\n1. (C) The votes "
        "of Jean-Marie LePen's National Front and Sarkozy's Union for the Mediterranean. "
        "The People's Bank of China agreed.\n\nAhmedinejad Reportedly Rejects Rezai's "
        "Coalition Proposal\n\nPEARSON\n"
    )
    ents = extract_entities(
        parse_cable(text, "03ANKARA1516", metadata={"origin": "Embassy Ankara"})
    )
    people = {p.name for p in ents.people}
    orgs = {o.name for o in ents.organizations}
    assert {"Jean-Marie LePen", "Sarkozy"} <= people
    assert {"National Front", "Union for the Mediterranean"} <= orgs
    assert "People's Bank of China" in orgs
    assert "Rejects Rezai" not in people


def test_two_full_names_that_part_after_the_first_given_name_are_two_people() -> None:
    """Regression (13 dev cables: a vetting list's "MAJ AHMED MOHARAM TAWFIK AHMED" and "CDR
    AHMED MAGDY ABDELWAHID KHEDR AHMED" were one man, "Kim Jong-Il" was "Kim Yong Il",
    "Jose Angel Saavedra" "Jose Alfredo Saavedra"): two full names with one first given
    name and one surname that part after it are two people; one spelling slip there is
    not ("Mohammad Nassif Kheirbek", "Mohammad Nasif Kheirbek"). And "CDR" (Commander)
    and "LTJG" are ranks (read set 27's Leahy vetting lists; 13 dev cables)."""
    people = _people_of(
        "1. (C) Rank/Name: MAJ AHMED MOHARAM TAWFIK AHMED \nDOB: 2/14/1976 \n\n"
        "Rank/Name: CDR AHMED MAGDY ABDELWAHID KHEDR AHMED \nDOB: 9/2/1973 \n\n"
        "2. (C) Vice-President Mohammad Nassif Kheirbek spoke; Mohammad Nasif Kheirbek "
        "agreed.\n",
        cid="10STATE13701",
        origin="Secretary of State",
        head="STATE 013701\nSIPDIS\nE.O. 12958: DECL: 03/10/2020\nTAGS: PHUM EG",
        signer="CLINTON",
    )
    assert _titles(people["Ahmed Moharam Tawfik Ahmed"]) == [("MAJ", "Major")]
    assert _titles(people["Ahmed Magdy Abdelwahid Khedr Ahmed"]) == [("CDR", "Commander")]
    assert sum("Kheirbek" in n for n in people) == 1


def test_a_title_s_first_word_after_a_name_is_the_next_title_s() -> None:
    """Regression (45 dev cables: participants' lists gave "William Wood Assistant", "Alvaro
    Uribe Vice", "Walid al-Muallim Presidential", and "appointed Ramzan Kadyrov Prime
    Minister" a man "Ramzan Kadyrov Prime"): a title's modifier that ends a name before a
    title's word begins the next title."""
    people = _people_of(
        "1. (C) Participants:\n\nAmbassador William Wood \nAssistant Secretary Thomas "
        "Shannon \n\nPresident Alvaro Uribe\nVice Minister of Foreign Relations, Adriana "
        "Mejia\n\n2. (C) Putin had appointed Ramzan Kadyrov Prime Minister of Chechnya.\n"
    )
    assert {"William Wood", "Thomas Shannon", "Alvaro Uribe", "Adriana Mejia"} <= set(people)
    assert "Ramzan Kadyrov" in people
    assert not any(n.endswith(("Assistant", "Vice", "Prime")) for n in people)


def test_things_named_like_people() -> None:
    """Regression (set 42's 08STATE58722, read: "Super Tucano" a person; 62 dev cables,
    "Northwest Frontier", "Psychotropic Substances", "Price Index", "Ottoman Empire",
    "Hurricanes Ike", "Cesar Departments"; 38 more, "Liberal Democrat", "Lib Dem", "Opus
    Dei", "Guardia Civil", "Left Greens"): an aircraft's "Super", a plural "Hurricanes",
    and an index's, an empire's, a frontier's, substances' or departments' noun, a party
    member's, or a Spanish body's "Civil", make a thing's name, no one's."""
    people = _people_of(
        "1. (C) Embraer sold Super Tucanos to the Northwest Frontier after Hurricanes Ike and "
        "Gustav. The Price Index rose since the Ottoman Empire. The Convention on "
        "Psychotropic Substances covers the Cesar Departments. A Lib Dem said Opus Dei and "
        "the Guardia Civil met the Left Greens.\n"
    )
    assert not set(people) - {"Pearson"}


def test_a_form_s_field_label_is_no_name() -> None:
    """Regression (set 43's 08NEWDELHI1645, read: "RANK: INSPECTOR GENERAL SERVICE: INDIAN
    POLICE SERVICE" gave a man "Service"; 2 dev cables, "... Mahoud DOB: ..."): a form's
    label before its colon ends a name, or is none."""
    people = _people_of(
        "1. (U) LAST NAME: KANOJIA FIRST NAME: RAJ RANK: INSPECTOR GENERAL SERVICE: INDIAN "
        "POLICE SERVICE GENDER: MALE\n\n2. (U) Suspects: Abdulbasit Fadil Mahoud DOB: "
        "01/01/1960.\n"
    )
    assert "Service" not in people
    assert "Abdulbasit Fadil Mahoud" in people


def test_a_dictionary_word_alone_is_no_one() -> None:
    """Regression (85 dev cables: "the Guardian", "Libertarian candidate Otto Guevara", "Avian
    flu", "Reps", "Allies" were people): an untitled one-word "person" no signature names
    that English writes only in lower case is a word; a known surname is kept ("Arias")."""
    people = _people_of(
        "1. (C) He wrote in the Guardian. Libertarian candidate Otto Guevara trails Arias, "
        "and Avian flu worries the Allies.\n",
        cid="06SANJOSE158",
        origin="Embassy San Jose",
        head="SAN JOSE 000158\nSIPDIS\nE.O. 12958: DECL: 03/10/2016\nTAGS: PGOV CS",
    )
    assert not {"Guardian", "Libertarian", "Avian", "Allies"} & set(people)
    assert {"Otto Guevara", "Arias"} <= set(people)


def test_spanish_and_portuguese_nouns_open_a_place_s_or_body_s_name() -> None:
    """Regression (71 dev cables: "Aguas de Barcelona", "Foz de Iguacu", "Caja Madrid",
    "Puerto Iguazu", "Defensor del Pueblo", "Unidad de Analisis Financiero" were people):
    a Spanish or Portuguese noun for a water, a bank, an island, a range, a port, a town,
    a unit or an office opens a place's or a body's name."""
    people = _people_of(
        "1. (C) Aguas de Barcelona and Caja Madrid invested near Foz de Iguacu and Puerto "
        "Iguazu. The Defensor del Pueblo and the Unidad de Analisis Financiero agreed.\n",
        cid="06MADRID1516",
        origin="Embassy Madrid",
        head="MADRID 001516\nSIPDIS\nE.O. 12958: DECL: 03/10/2016\nTAGS: PGOV SP",
    )
    assert not set(people) - {"Pearson"}


def test_the_arabic_article_inside_a_south_asian_name() -> None:
    """Regression (read set 8's 08NEWDELHI3116: "Zaki-ur-Rehman Lakhvi" was "Zaki" and
    "Rehman Lakhvi"; 17 dev cables, "Zia-ul-Haq", "Anwar-ul-Haq Ahadi", "Fazl ur-Rahman"):
    "ur", "ul" and "ud" are a name's particles; a body's first word keeps its name a body's
    ("Jama'at-ud-Dawa", "Ikhawan-ul-Musilmeen", "Tehrik Nizam Shariat Mohammed")."""
    people = _people_of(
        "1. (C) LeT chief commander Zaki-ur-Rehman Lakhvi and Anwar-ul-Haq Ahadi met. "
        "Jama'at-ud-Dawa and Ikhawan-ul-Musilmeen protested.\n",
        cid="09ISLAMABAD922",
        origin="Embassy Islamabad",
        head="ISLAMABAD 000922\nSIPDIS\nE.O. 12958: DECL: 03/10/2019\nTAGS: PGOV PK",
    )
    assert {"Zaki-ur-Rehman Lakhvi", "Anwar-ul-Haq Ahadi"} <= set(people)
    assert not any(n.startswith(("Jama", "Ikhawan")) for n in people)


def test_a_ruler_s_given_name_in_the_subject_line_before_his_full_name() -> None:
    """Regression (set 44's 09MANAMA730, read after it was measured: "SUBJECT: KING HAMAD'S
    ..." gave a second "Hamad" beside "King Hamad bin Isa Al Khalifa"; 9 dev cables): an
    Arabic given name alone is the full name's short form whichever comes first, its
    title in capitals the same as in mixed case; and a name before "Center" is a body's
    ("King Juan Carlos Center")."""
    people = _people_of(
        "1. (C) King Hamad bin Isa Al Khalifa spoke at New York University's King Juan "
        "Carlos Center.\n",
        cid="09MANAMA730",
        origin="Embassy Manama",
        head="MANAMA 000730\nSIPDIS\nE.O. 12958: DECL: 12/20/2019\nTAGS: PGOV BA\n"
        "SUBJECT: KING HAMAD'S DOMESTIC AGENDA",
    )
    assert [n for n in people if "Hamad" in n] == ["Hamad bin Isa Al Khalifa"]
    assert "Juan Carlos" not in people


def test_a_signer_run_on_to_the_last_sentence_before_a_printout_stamp() -> None:
    """Regression (set 44's 07TRIPOLI978, read after it was measured: "... in 1960. End
    comment. STEVENS 0 11/20/2007" gave no signer; 2 dev cables more)."""
    people = _people_of(
        "1. (C) Libya opened its first oilfield in 1960. End comment. STEVENS 0 11/20/2007",
        cid="07TRIPOLI978",
        origin="Embassy Tripoli",
        head="TRIPOLI 000978\nSIPDIS\nE.O. 12958: DECL: 11/20/2017\nTAGS: EPET LY",
        signer="",
    )
    assert people["Stevens"]["role"] in ("signer", "signer+classified_by")


def test_an_institution_s_first_word_in_french_italian_german_or_dutch_makes_a_body() -> None:
    """Regression (read sets' 09PARIS1267 "Parti Pirate" and 03THEHAGUE2480 "Fondation
    Journalistes" were people; 20 dev cables, "Banque Misr", "Mouvement Democratique",
    "Partito Democratico", "Universite Libre de Bruxelles", "Fondazione Cassa di
    Risparmio"): an institution's first word in French, Italian, German, Dutch or
    transliterated Russian starts a body's name, as its Spanish and Portuguese ones do."""
    people = _people_of(
        "1. (C) The Parti Pirate, Banque Misr, Partito Democratico, Fondation Louis Pasteur "
        "and the Stiftung Wissenschaft met Jean Dupont and Karl Weber.\n"
    )
    assert set(people) == {"Jean Dupont", "Karl Weber", "Pearson"}


def test_a_delegation_named_by_who_leads_it_gives_the_member_alone() -> None:
    """Regression (read set 39's 10MANAMA87 "STAFFDEL ANDERSON"; 49 dev cables: "Codel
    Grassley", "Codel McConnell", "Staffdel Talwar" were people so named, "Codel McCain"
    and "Codel Burton" none; "SUBJECT: MR. EL-HIMMA GOES ..." a man "El-Himma Goes"): the
    member is named alone, with no title; a headline's verb after the name is no part of
    it; "the Codel" as a noun of the sentence names no one."""
    people = _people_of(
        "1. (C) Codel Grassley met the Minister. Codel Pingree's visit went well. "
        "XXXXXXXXXXXX expressed to the Codel HMG's gratitude and told the Codel. \n\n"
        "MI-6 Meeting\n",
        head="ANKARA 001516\nSIPDIS\nE.O. 12958: DECL: 03/10/2013\nTAGS: PGOV PREL TU\n"
        "SUBJECT: CODEL CARDIN DISCUSSES IRAN",
    )
    assert {"Grassley", "Pingree", "Cardin"} <= set(people)
    assert not any(p["titles"] for n, p in people.items() if n != "Pearson")
    assert not {"Hmg", "Mi", "Codel Grassley", "Cardin Discusses"} & set(people)


def test_a_shrine_s_a_house_s_or_an_airport_s_name_is_no_one_s() -> None:
    """Regression (31 dev cables: "Babri Masjid", "Lal Masjid", "Lok Sabha", "Rajya Sabha",
    "Yasukuni Shrine", "Osho Ashram" and "Juan Santamaria airport" gave people; "CEO
    Forum" a man "Forum", "General Penal Code" a general "Penal Code", "Barri Imam Shrine"
    an imam "Shrine"): a religious site's, a house of parliament's or a building's word
    after a name makes it a thing's; so does a thing's last word after a title, unless it
    is also a surname ("former President Fernando de la Rua")."""
    people = _people_of(
        "1. (C) Rioters razed the Babri Masjid. The Lok Sabha and the Yasukuni Shrine were "
        "named, as were the Juan Santamaria airport, the CEO Forum, the General Penal Code "
        "and the Barri Imam Shrine. Former President Fernando de la Rua spoke.\n"
    )
    assert set(people) == {"Fernando de la Rua", "Pearson"}


def test_a_spanish_or_portuguese_title_before_a_name_is_a_title() -> None:
    """Regression (22 dev cables: "Secretario Carlos Goncalves de Oliveira", "Diputado Luis
    Carlos Araya", "Capitan Luis Fernando Gmez Nino", "Comandante Gonzalo" were people so
    named, "Presidente Lula" one apart from Luiz Inacio Lula da Silva): the title as
    written before the name; and a street named for a title and a name ("Avenida
    Presidente Wilson", set 42's "Avenida Brigadeiro Faria Lima") names no one."""
    people = _people_of(
        "1. (C) Secretario Carlos Goncalves de Oliveira met Diputado Luis Carlos Araya on "
        "Avenida Presidente Wilson and at Avenida Brigadeiro Faria Lima, 2170.\n",
        cid="08BRASILIA304",
        origin="Embassy Brasilia",
        head="BRASILIA 000304\nSIPDIS\nE.O. 12958: DECL: 03/10/2018\nTAGS: PREL BR",
    )
    assert _titles(people["Carlos Goncalves de Oliveira"]) == [("Secretario", "Secretario")]
    assert _titles(people["Luis Carlos Araya"]) == [("Diputado", "Diputado")]
    assert not {"Wilson", "Faria Lima"} & set(people)


def test_a_street_named_for_a_title_and_a_name_holds_no_place() -> None:
    """Regression (set 42's 08STATE58722, after the rule above: "Avenida Brigadeiro Faria
    Lima" gave the place Lima, Peru, and set 42's places precision fell below its floor):
    the street's words are nobody's and no place's; the city after it still is one."""
    text = (
        "C O N F I D E N T I A L BRASILIA 000304\nSIPDIS\nE.O. 12958: DECL: 03/10/2018\n"
        "TAGS: PREL BR\nSUBJECT: A TEST\n\n1. (C) CONSIGNEE: Embraer, Avenida Brigadeiro "
        "Faria Lima, 2170 Sao Jose Dos Campos, Brazil; the buyer in Lima, Peru.\nPEARSON\n"
    )
    cable = parse_cable(text, "08BRASILIA304", metadata={"origin": "Embassy Brasilia"})
    places = extract_entities(cable).to_dict()["places"]
    lima = [m["start"] for p in places if p["name"] == "Lima" for m in p["mentions"]]
    assert lima == [text.index("Lima, Peru")]


def test_a_word_in_ian_alone_is_an_adjective_not_a_surname() -> None:
    """Regression (read sets: "Iraian" in 08BEIJING3039, "Bolivarian" in 10CARACAS43; 123
    dev cables, "Calabrian", "Eurasian", "Orwellian", "Smithsonian" were people): alone, a
    word in "-ian" is an adjective; an Armenian surname is a person with a title, a given
    name or a verb of speech after it."""
    people = _people_of(
        "1. (C) The Bolivarian revolution spread to the Calabrian and Eurasian "
        "coasts, in Orwellian fashion. President Kocharian met Vartan Oskanian, and "
        "Sargsian said little.\n",
        cid="07YEREVAN100",
        origin="Embassy Yerevan",
        head="YEREVAN 000100\nSIPDIS\nE.O. 12958: DECL: 03/10/2017\nTAGS: PREL AM",
    )
    assert set(people) == {"Kocharian", "Vartan Oskanian", "Sargsian", "Pearson"}


def test_a_beach_s_a_glacier_s_or_a_party_s_word_makes_no_one_s_name() -> None:
    """Regression (32 dev cables: "Cayo Coco", "Playa Esmeralda", "Siachen Glacier",
    "Molotov-Ribbentrop Pact", "Lawrence Livermore" (National Laboratory), "Gilead
    Sciences", "Accion Democratica", "Renovacion Nacional" were people): a place's or a
    party's first word in Spanish ("Cayo", "Playa", "Punta", "Accion", "Solidaridad") and
    a thing's last word ("Glacier", "Pact", "Ocean", "Laboratory", "Sciences") make a
    thing's name."""
    people = _people_of(
        "1. (C) Hotels on Cayo Coco and Playa Esmeralda, the Siachen Glacier, the "
        "Molotov-Ribbentrop Pact, Lawrence Livermore National Laboratory, Gilead Sciences "
        "and Accion Democratica were discussed with Juan Perez.\n"
    )
    assert set(people) == {"Juan Perez", "Pearson"}


def test_a_scholar_or_a_planner_is_a_title_s_head() -> None:
    """Regression (6 dev cables: "CCER Scholar Lu Feng" and "Policy Planner Markus Ederer"
    were people named "Scholar Lu Feng" and "Planner Markus Ederer")."""
    titled = _titled("1. (C) Policy Planner Markus Ederer met Scholar Lu Feng.\n")
    assert titled == {
        "Markus Ederer": [("Policy Planner", "Policy Planner")],
        "Lu Feng": [("Scholar", "Scholar")],
    }


def test_a_laureate_a_party_s_first_word_and_office_jargon_name_no_one() -> None:
    """Regression (29 dev cables: "Prize Laureate Oscar Arias-Sanchez", "Nobel Laureate
    Wole Soyinka" were people so named; "Patria Roja", "Lega Nord", "Forca Sindical",
    "Boletin Oficial de Espana", "Nile Delta", "Cal Tech" were people; "EPoloff Patrick
    Fischer" a man so named): "Laureate" heads a title; a party's, a paper's or a firm's
    first word in Spanish, Portuguese or Italian and a delta's or a firm's last word make a
    thing's name; an embassy officer in office jargon ("EPoloff", "Polmiloff") is no name's
    word."""
    people = _people_of(
        "1. (C) Nobel Peace Prize Laureate Oscar Arias-Sanchez, Patria Roja, Lega Nord, the "
        "Nile Delta and Cal Tech were discussed by EPoloff Patrick Fischer and Polmiloff.\n"
    )
    assert set(people) == {"Oscar Arias-Sanchez", "Patrick Fischer", "Pearson"}
    assert _titles(people["Oscar Arias-Sanchez"]) == [
        ("Nobel Peace Prize Laureate", "Nobel Peace Prize Laureate")
    ]


def test_a_post_s_city_after_a_mission_s_office_is_no_name() -> None:
    """Regression (40 dev cables: "RSO Peshawar", "Consul General Barcelona", "Charge
    d'Affaires La Paz", "Chief Minister Punjab", "Supreme Allied Commander Europe" gave
    people named after the place): a place of several words, a region or a country, or a
    US post's city after a mission's office, is no name after a title; a surname a city
    shares stays one ("President Lagos", "Defense Minister Santos")."""
    people = _people_of(
        "1. (C) RSO Peshawar and Consul General Barcelona reported to Charge d'Affaires La "
        "Paz and Chief Minister Punjab. President Lagos met Defense Minister Santos.\n"
    )
    assert set(people) == {"Lagos", "Santos", "Pearson"}


def test_general_after_a_commander_or_chief_is_a_rank() -> None:
    """Regression (set 47's 08BOGOTA3028, read after it was measured: "Armed Forces Commander
    General Freddy Padilla" had the one title "Armed Forces Commander General"; 44 dev
    cables): after "Commander" or "Chief", "General" is the holder's rank, a title of its
    own; after "Attorney", "Director" or "Inspector" it ends the office's name."""
    titled = _titled(
        "Armed Forces Commander General Freddy Padilla met Army Chief General Deepak Kapoor, "
        "Director General Ahmed Ali and Inspector General Ron Smith.\n"
    )
    assert titled["Freddy Padilla"] == [
        ("Armed Forces Commander", "Armed Forces Commander"),
        ("General", "General"),
    ]
    assert titled["Deepak Kapoor"] == [("Army Chief", "Army Chief"), ("General", "General")]
    assert titled["Ahmed Ali"] == [("Director General", "Director General")]
    assert titled["Ron Smith"] == [("Inspector General", "Inspector General")]


def test_a_title_before_a_rank_keeps_its_body_s_words() -> None:
    """Regression (after the rule above: "TGS Chief General Ozkok" gave "Chief", "USAFE
    Commander General Hobbins" "Commander"; the words before a title that another title
    follows were never read, "Abu Dhabi Crown Prince Sheikh Mohammed bin Zayed" had "Crown
    Prince"; 52 dev cables)."""
    titled = _titled(
        "TGS Chief General Ozkok met USAFE Commander General Hobbins and Abu Dhabi Crown "
        "Prince Sheikh Mohammed bin Zayed.\n"
    )
    assert titled["Ozkok"] == [("TGS Chief", "TGS Chief"), ("General", "General")]
    assert titled["Hobbins"][0] == ("USAFE Commander", "USAFE Commander")
    assert titled["Mohammed bin Zayed"][0] == ("Abu Dhabi Crown Prince", "Abu Dhabi Crown Prince")


def test_a_list_s_name_is_not_the_next_title_s_body() -> None:
    """Regression (19 dev cables: in lists of participants, "Head of MFA Transatlantic
    Relations Jonas Daniliauskas Defense Attache Colonel Antanas Jurgaitis" gave Jurgaitis
    the title "Relations Jonas Daniliauskas Defense Attache"): the words of a titled
    person's name just before a title are no part of it."""
    titled = _titled(
        "Participants: Head of MFA Transatlantic Relations Jonas Daniliauskas Defense "
        "Attache Antanas Jurgaitis DCM Tomas Gulbinas\n\n2. (C) Summary.\n"
    )
    assert titled["Antanas Jurgaitis"] == [("Defense Attache", "Defense Attache")]


def test_a_father_s_surname_alone_is_its_bearer_where_names_are_iberian() -> None:
    """Regression (set 47's 07MADRID2148, read after it was measured: "Union Fenosa Vice
    President and CEO Honorato Lopez Isla", then "Lopez told Charge", gave a second person
    "Lopez"; 211 dev cables): where a post reports Spanish or Portuguese names, the
    father's surname before the mother's names its bearer alone; not when a person is
    named by that word alone already ("President Garcia" beside FM Jose Garcia Belaunde),
    when two names share it, or when it is a place's name ("Melchor Lima Hancco")."""
    people = _people_of(
        "1. (C) Charge called Union Fenosa Vice President Honorato Lopez Isla. Lopez "
        "confirmed the contract, and LOPEZ said more. President Garcia met Foreign Minister "
        "Jose Garcia Belaunde; Garcia said nothing. Melchor Lima Hancco marched on Lima.\n",
        cid="07MADRID2148",
        origin="Embassy Madrid",
        head="MADRID 002148\nSIPDIS\nE.O. 12958: DECL: 11/21/2017\nTAGS: EFIN SP",
    )
    assert "Lopez" not in people
    assert len(people["Honorato Lopez Isla"]["mentions"]) == 3
    assert len(people["Jose Garcia Belaunde"]["mentions"]) == 1
    assert len(people["Garcia"]["mentions"]) == 2
    assert len(people["Melchor Lima Hancco"]["mentions"]) == 1


def test_the_name_before_a_portuguese_particle_is_its_bearer_alone() -> None:
    """Regression (set 48's 04BRASILIA2263, read after it was measured: "President Lula da
    Silva" and "Lula" were two people; 49 dev cables): of a three-word name with a
    Portuguese particle, the first word alone names its bearer."""
    people = _people_of(
        "1. (U) Ambassador presented his credentials to President Lula da Silva. Lula "
        "welcomed him.\n",
        cid="04BRASILIA2263",
        origin="Embassy Brasilia",
        head="BRASILIA 002263\nSIPDIS\nE.O. 12958: DECL: 09/03/2014\nTAGS: PREL BR",
    )
    assert "Lula" not in people
    assert len(people["Lula da Silva"]["mentions"]) == 2


def test_a_bridge_named_for_a_person_and_a_currency_s_initials_name_no_one() -> None:
    """Regression (set 48's 09CAIRO1889 and set 49's 10CAIRO58, read after they were
    measured: "the Mubarak Peace Bridge" gave the person Mubarak, "fined the journalist LE
    40,000" the journalist "Le"): a name with a capitalised word and a facility's after it
    is the facility's; a word of three capitals or fewer before a number, a currency's."""
    people = _people_of(
        "1. (C) The Bedouin demanded lifting the siege at the Mubarak Peace Bridge. The "
        "court fined the editor and the journalist LE 40,000 each.\n",
        cid="09CAIRO1889",
        origin="Embassy Cairo",
        head="CAIRO 001889\nSIPDIS\nE.O. 12958: DECL: 09/30/2019\nTAGS: PGOV EG",
    )
    assert not {"Mubarak", "Le", "LE"} & set(people)


def test_a_father_s_surname_alone_keeps_apart_other_offices_and_shared_names() -> None:
    """The guards of the rule above, each seen in dev cables: "President Garcia" after FM
    Jose Garcia Belaunde holds another office (08LIMA177); "Calderon" beside two
    Calderons is either (06SANJOSE158); beside common words the father's surname alone is
    still its bearer's ("Participants in Holguin Meeting", 06BOGOTA10294; here Pretelt,
    since Holguin is also a city)."""
    people = _people_of(
        "1. (C) Foreign Minister Jose Garcia Belaunde met the press. Later President Garcia "
        "spoke. Rafael Angel Calderon Fournier and Rafael Angel Calderon Guardia were "
        "named; Calderon was praised. Minister Carlos Pretelt Sardi agreed.\n\n"
        "2. (U) Participants in Pretelt Meeting\n",
        cid="08LIMA177",
        origin="Embassy Lima",
        head="LIMA 000177\nSIPDIS\nE.O. 12958: DECL: 01/30/2018\nTAGS: PREL PE",
    )
    assert len(people["Jose Garcia Belaunde"]["mentions"]) == 1
    assert "Garcia" in people
    assert "Calderon" in people
    assert len(people["Rafael Angel Calderon Fournier"]["mentions"]) == 1
    assert "Pretelt" not in people
    assert len(people["Carlos Pretelt Sardi"]["mentions"]) == 2


def test_peoples_faiths_and_firms_are_no_one() -> None:
    """Regression (set 48's 09CAIRO1889 and set 40's 10STATE1515, read: "Bedouin" and "Fuego
    de Indios" were people; 31 dev cables, "Kalenjin", "Mayan", "Tamil Tigers", "Coptic
    Choir"...): a name made of a people's or faith's name and English words names a group,
    and so does one ending in a people's name ("Imghad Tuareg", a clan); one followed by a
    firm's legal form after a comma ("Fuego de Indios, S.A.") is a firm; a person named
    beside them stays."""
    people = _people_but_not(
        "1. (S/NF) Approximately 200 Sinai Bedouin held an open protest near Rafah. The "
        "Bedouin issued a list of demands, said activist Musa Abu Jarir. The Kalenjin and "
        "the Tamil Tigers were named too, as was the firm Fuego de Indios, S.A. (FDI), "
        "owned by Bedouin Migrating. The Imghad Tuareg and the Ifoghas Tuareg met.\n",
        {"Musa Abu Jarir"},
        ("Bedouin", "Kalenjin", "Tamil", "Fuego", "Tuareg"),
    )
    assert set(people) == {"Musa Abu Jarir", "Pearson"}  # and the signer
    # a legal form in capitals is one too, but not initials the glossary knows
    people = _people_but_not(
        "1. (C) EIH may stand for Europaisch Iranische Handelsbank, AG. They met with "
        "Secretary Clinton, DNI Blair, CIA Director Panetta.\n",
        {"Clinton", "Blair", "Panetta"},
        ("Europaisch", "Handelsbank"),
    )


def test_people_named_only_in_what_is_named_for_them() -> None:
    """Regression (sets 3, 14, 19, 21, 38 and 43, read: "Leahy vetting", "the Goldstone
    report" gave no person; 80 dev cables): a name before "vetting", "amendment" or
    "doctrine", or after "the" before "plan" or "report", is its person's mention (section
    3: names used as modifiers count); not a programme's "Plan", a month, a faith, a
    nationality or a word, and a person the cable names in full takes the mention."""
    people = _people_of(
        "1. (SBU) Post requests Leahy vetting for the unit. The Lautenberg amendment "
        "applies. Justice Richard Goldstone presented the Goldstone report, the Ahtisaari "
        "plan was discussed, and the Marshall Plan, the April report, the Catholic doctrine "
        "and the Egyptians plan were not.\n"
    )
    assert {"Leahy", "Lautenberg", "Richard Goldstone", "Ahtisaari", "Pearson"} == set(people)
    assert len(people["Richard Goldstone"]["mentions"]) == 2
    # a name read in full just before the cue keeps its one mention there
    people = _people_of("1. (SBU) Senator Patrick Leahy vetting rules apply.\n")
    assert [m["text"] for m in people["Patrick Leahy"]["mentions"]] == ["Patrick Leahy"]
