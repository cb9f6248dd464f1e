"""Titles of people as cables write them, on real sentences from the dev corpus."""

from __future__ import annotations

from typing import Any

import pytest

from cablekit import parse_cable
from cablekit.extract import extract_entities
from cablekit.extract.titles import expand, singular


def _people(body: str, origin: str = "Embassy Lima") -> dict[str, dict[str, Any]]:
    text = "SUBJECT: TEST\n\n1. " + body + "\n"
    cable = parse_cable(text, "09TEST1", metadata={"origin": origin})
    out = {}
    for p in extract_entities(cable).to_dict()["people"]:
        for m in p["mentions"]:
            assert cable.text[m["start"] : m["end"]] == m["text"]
        out[p["name"]] = p
    return out


def _expanded(p: dict[str, Any]) -> list[str]:
    return [t["expanded"] for t in p["titles"]]


def test_two_titles_before_one_name_and_an_affiliating_acronym() -> None:
    # 10BAKU134
    people = _people(
        "U/S Burns was accompanied by EUR Deputy Assistant \nSecretary Amb. Tina Kaidanow, "
        "NSC Director Bridget Brink and others.",
        "Embassy Baku",
    )
    kaidanow = people["Tina Kaidanow"]
    assert "Ambassador" in _expanded(kaidanow)
    assert "European and Eurasian Affairs Deputy Assistant Secretary" in _expanded(kaidanow)
    assert "Amb." in [t["as_written"] for t in kaidanow["titles"]]
    assert "Director" not in _expanded(kaidanow)  # Brink's title, not hers
    # the body written before the title stays in it (GUIDELINES section 3)
    assert _expanded(people["Bridget Brink"]) == ["National Security Council Director"]
    assert people["Bridget Brink"]["affiliation"] == "National Security Council"


def test_plural_title_before_a_list_of_names() -> None:
    # 08LONDON2186
    people = _people(
        "Political Counselors Mr. Pang Hz and Mr. Xin Ma told Poloff during an August 18 "
        "meeting that China's position is unchanged.",
        "Embassy London",
    )
    assert _expanded(people["Pang Hz"]) == ["Political Counselor"]
    assert _expanded(people["Xin Ma"]) == ["Political Counselor"]


def test_hyphenated_title_parts_are_expanded() -> None:
    # 09CAIRO2321
    text = (
        "SUBJECT: EGYPT\n\nClassified By: Econ-Political Minister-Counselor Donald Blome "
        "for reasons 1.4(b) and (d)\n\n1. (C) Summary.\n"
    )
    cable = parse_cable(text, "09CAIRO2321", metadata={"origin": "Embassy Cairo"})
    blome = {p["name"]: p for p in extract_entities(cable).to_dict()["people"]}["Donald Blome"]
    assert _expanded(blome) == ["Economic-Political Minister-Counselor"]
    assert blome["titles"][0]["as_written"] == "Econ-Political Minister-Counselor"


def test_all_capitals_title_then_comma_then_name() -> None:
    # 01PARIS11204, 04WELLINGTON555
    people = _people(
        "THE FORMER KING IS IN ROME, WHILE THE MFA'S DIRECTOR FOR ASIA, \nDOMINIQUE GIRARD, "
        "IS VISITING WASHINGTON. ACTING DEPUTY CHIEF OF MISSION,\nTIMOTHY P. ZUNIGA-BROWN, "
        "CALLED ON THE FOREIGN MINISTER.",
        "Embassy Paris",
    )
    assert _expanded(people["Dominique Girard"]) == ["Director for Asia"]
    assert _expanded(people["Timothy P. Zuniga-Brown"]) == ["Acting Deputy Chief of Mission"]


def test_all_capitals_rank_after_a_title_is_a_second_title() -> None:
    # 72TEHRAN5055
    people = _people(
        "CHIEF OF NATIONAL POLICE LTG JAFFARQOLI SADRI ASSURED EMBOFF AUG. 17 THAT CALM "
        "WOULD RETURN TO THE CAPITAL.",
        "Embassy Tehran",
    )
    assert _expanded(people["Jaffarqoli Sadri"]) == [
        "Chief of National Police",
        "Lieutenant General",
    ]


def test_nationality_is_the_affiliation_not_the_title() -> None:
    # 05SANTIAGO2572, 07LIMA2369
    people = _people(
        "HRW's report implicating former Peruvian President Fujimori was released. "
        "Chilean judge Orlando Alvarez has denied the request.",
    )
    assert _expanded(people["Fujimori"]) == ["former President"]
    assert people["Fujimori"]["affiliation"] == "Peru"
    assert _expanded(people["Orlando Alvarez"]) == ["judge"]
    assert people["Orlando Alvarez"]["affiliation"] == "Chile"


def test_appositions_after_the_name() -> None:
    # 09CAIRO2321, 07LIMA2369, 08KABUL2782
    people = _people(
        "Critics include National Democratic Party (NDP) member Ahmed Ezz, who is Chairman of "
        "the Planning and Budget Committee. Fujimori's attorney in Chile, Gabriel Zaliasanik, "
        "cautioned that the process is not complete. Maulvi Abdul Hadi Shinwari "
        "(former chief justice) attended.",
    )
    assert "Chairman of the Planning and Budget Committee" in _expanded(people["Ahmed Ezz"])
    assert _expanded(people["Gabriel Zaliasanik"]) == ["attorney"]
    assert _expanded(people["Maulvi Abdul Hadi Shinwari"]) == ["former chief justice"]


def test_title_before_a_name_in_brackets_or_over_a_line_continuation() -> None:
    # 08RABAT154, 08BOGOTA800
    people = _people(
        "He overshadowed the actual\nMinister (Chakib Benmoussa) for years. Vice President "
        "\\\nFrancisco Santos Calderon accused unnamed governments.",
    )
    assert _expanded(people["Chakib Benmoussa"]) == ["Minister"]
    assert _expanded(people["Francisco Santos Calderon"]) == ["Vice President"]


def test_us_cabinet_secretaries_and_state_bureaus() -> None:
    # 09RIODEJANEIRO363
    people = _people(
        'She said, "It would send a good signal to Secretary Clinton." WHA Assistant '
        "Secretary Tom Shannon will visit in May.",
        "Consulate Rio de Janeiro",
    )
    # a word written in full is its own expansion (GUIDELINES section 3): "Secretary"
    assert _expanded(people["Clinton"]) == ["Secretary"]
    shannon = people["Tom Shannon"]
    # the bureau spelt out where it is written, as any body before a title (GUIDELINES
    # section 3; four blind sets' annotators wrote "European and Eurasian Affairs A/S")
    assert _expanded(shannon) == ["Western Hemisphere Affairs Assistant Secretary"]
    assert shannon["affiliation"] == "United States"


def test_section_and_institute_initials_in_titles() -> None:
    # 09CAIRO155, 08MANAMA61, 09CAIRO288: Embassy Cairo's Economic-Political section, an
    # American NGO, and a bureau's initials with "DAS"
    people = _people(
        "ECPO Mincouns William R. Stewart met NDI Senior Adviser Scott Bates and EUR DAS "
        "Matt Bryza.",
        "Embassy Cairo",
    )
    assert _expanded(people["William R. Stewart"]) == ["Economic-Political Minister-Counselor"]
    assert _expanded(people["Scott Bates"]) == ["National Democratic Institute Senior Adviser"]
    assert people["Scott Bates"]["affiliation"] == "National Democratic Institute"
    assert _expanded(people["Matt Bryza"]) == [
        "European and Eurasian Affairs Deputy Assistant Secretary"
    ]


def test_titles_that_belong_to_someone_else() -> None:
    # 05TASHKENT284, 08SANJOSE138, 10LONDON42
    people = _people(
        "Gulnora Karimova, the President's daughter, is interested. The delegation:\n"
        "- Julio Matamoros, Vice Minister of Energy \n- Paola Arias, Ministry of Energy "
        "expert in renewable energy. Greg Berry demarched Julian Miller, Deputy Foreign "
        "Affairs Advisor to Prime Minister Brown, and left.",
        "Embassy San Jose",
    )
    assert "President" not in _expanded(people["Gulnora Karimova"])
    assert "Vice Minister of Energy" not in _expanded(people["Paola Arias"])
    assert _expanded(people["Julian Miller"]) == ["Deputy Foreign Affairs Advisor"]
    assert _expanded(people["Brown"]) == ["Prime Minister"]


def test_lower_case_roles_need_a_name_not_a_word() -> None:
    people = _people(
        "The official Gazeta published it. EU member States agreed. Opposition leader "
        "Boris Nemtsov and presidential advisor Jose Obdulio Gaviria spoke.",
        "Embassy Moscow",
    )
    assert "Gazeta" not in people and "States" not in people
    assert _expanded(people["Boris Nemtsov"]) == ["Opposition leader"]
    assert _expanded(people["Jose Obdulio Gaviria"]) == ["presidential advisor"]


def test_what_qualifies_a_lower_case_role_is_part_of_it() -> None:
    # 07JERUSALEM2318, 07DAMASCUS409, 09SANAA2208, 05PARAMARIBO725, 08ABIDJAN396
    people = _people(
        "The Preventive Security Organization (PSO) is new. PSO commander Akram Rajub, IDF "
        "soldier Gilad Shalit, film director Steven Spielberg, illicit arms dealer Slobodan "
        "Tesic, former military dictator Desi Bouterse and rebel leader Jean-Pierre Bemba.",
        "Embassy Damascus",
    )
    assert _expanded(people["Akram Rajub"]) == ["Preventive Security Organization commander"]
    assert _expanded(people["Gilad Shalit"]) == ["Israel Defense Forces soldier"]
    assert people["Gilad Shalit"]["affiliation"] == "Israel Defense Forces"
    assert _expanded(people["Steven Spielberg"]) == ["film director"]
    assert _expanded(people["Slobodan Tesic"]) == ["illicit arms dealer"]
    assert _expanded(people["Desi Bouterse"]) == ["former military dictator"]
    assert _expanded(people["Jean-Pierre Bemba"]) == ["rebel leader"]


def test_title_words_added_with_the_unseen_set() -> None:
    # 03ANKARA1516, 07REYKJAVIK313, 09TRIPOLI632, 09PANAMA539, 02BRASILIA4227
    people = _people(
        "The Ecumenical Patriarch Bartholomew met Parliamentarian Dick Marty. A formal "
        "invitation from Foreign Minister-equivalent Musa Kusa came. He named Jaime Aleman, "
        "Ambassador-designate to the United States, and President-elect Lula da Silva.",
        "Embassy Ankara",
    )
    assert _expanded(people["Bartholomew"]) == ["Ecumenical Patriarch"]
    assert _expanded(people["Dick Marty"]) == ["Parliamentarian"]
    assert _expanded(people["Musa Kusa"]) == ["Foreign Minister-equivalent"]
    assert _expanded(people["Jaime Aleman"]) == ["Ambassador-designate to the United States"]
    assert _expanded(people["Lula da Silva"]) == ["President-elect"]


def test_a_two_word_place_after_of_is_not_a_name() -> None:
    # 09RIYADH1121: "Arabia Adel al-Jubeir" was a person
    people = _people(
        "The Ambassador of Saudi Arabia Adel al-Jubeir and the chief negotiator for the "
        "Dominican Republic-Central American Free Trade Agreement spoke.",
        "Embassy Riyadh",
    )
    assert _expanded(people["Adel al-Jubeir"]) == ["Ambassador of Saudi Arabia"]
    assert not any("Arabia" in name for name in people)
    assert not any("Republic" in t for p in people.values() for t in _expanded(p))


def test_a_headline_verb_after_a_title_is_no_name() -> None:
    # 09BARCELONA154, 07BAGHDAD1157: about a hundred such "people" in the dev corpus
    text = (
        "SUBJECT: MUSLIM PARLIAMENTARIAN DISCUSSES ISLAM IN SPAIN\n\n1. (U) Hello.\n\n"
        "Ambassador Briefs Ministers\n----\n2. (C) President Morales said no; Secretary "
        "Summers met Director Mills.\n"
    )
    cable = parse_cable(text, "09TEST1", metadata={"origin": "Embassy Madrid"})
    people = {p.name: p for p in extract_entities(cable).people}
    assert sorted(people) == ["Mills", "Morales", "Summers"]  # surnames with an -s stay
    title = parse_cable("SUBJECT: PRESIDENT MORALES VISITS SPAIN\n\n1. (U) Hello.\n", "09TEST2")
    assert [p.name for p in extract_entities(title).people] == ["Morales"]


def test_a_unit_named_with_a_possessive_stays_in_the_title() -> None:
    # 05BRASILIA3124 and about 120 more "of the MFA's ..." in the dev corpus
    people = _people(
        "He met John Smith, director of the MFA's Energy Division. Smith said the head of "
        "the Federal Police's Narcotics Unit, Jose Lopez, agreed.",
        "Embassy Brasilia",
    )
    # the body's initials spelt out, as annotators write them (session 16)
    assert _expanded(people["John Smith"]) == [
        "director of the Ministry of Foreign Affairs' Energy Division"
    ]
    assert [t["as_written"] for t in people["John Smith"]["titles"]] == [
        "director of the MFA's Energy Division"
    ]
    assert _expanded(people["Jose Lopez"]) == ["head of the Federal Police's Narcotics Unit"]


def test_a_unit_word_after_a_long_title_is_no_name() -> None:
    # 04BRASILIA2885, 09CAIRO171: "Industry" and "Washington" were people
    people = _people(
        "The Minister of Development, Industry and Trade Luiz Furlan spoke. A letter from "
        "the President of the United States of America Washington followed. Minister of "
        "Defense Nilda Garre agreed.",
        "Embassy Brasilia",
    )
    assert "Industry" not in people and "Washington" not in people and "Trade" not in people
    assert _expanded(people["Nilda Garre"]) == ["Minister of Defense"]


def test_a_redacted_name_is_nobody() -> None:
    # 09HARARE24, 10CAIRO163: the guidelines never count a redaction as a person
    people = _people(
        "The tribal chief XXXXXXXXXXXX, met with poloff. Human rights lawyer "
        "XXXXXXXXXXXXX said so, as did Ambassador XXXX XXXX.",
        "Embassy Cairo",
    )
    assert people == {}


@pytest.mark.parametrize(
    ("words", "caps", "expected"),
    [
        (["Charge", "d'Affaires"], False, "Charge d'Affaires"),
        (["CHARGE", "D'AFFAIRES"], True, "Charge d'Affaires"),
        (["Econ-Political", "Minister-Counselor"], False, "Economic-Political Minister-Counselor"),
        (["FORMER", "KING"], True, "former King"),
        (["ACTING", "DEPUTY", "CHIEF", "OF", "MISSION"], True, "Acting Deputy Chief of Mission"),
        (["UN", "Division", "Head"], False, "United Nations Division Head"),
        (["ex", "President"], False, "former President"),
        ([], False, ""),
    ],
)
def test_expand(words: list[str], caps: bool, expected: str) -> None:
    assert expand(words, caps) == expected


def test_singular_and_junk() -> None:
    assert singular("Counselors") == "Counselor"
    assert singular("SECRETARIES") == "SECRETARY"
    assert singular("Affairs") is None
    assert singular("") is None
    assert expand(["\x00", "-", "--", "a-"], False) == "\x00 - -- a-"


def test_the_body_or_country_a_title_is_to_is_spelt_out() -> None:
    """Regression (third blind set): "Ambassador to the US" kept the acronym, where every
    annotator spelt it out; a body that more words follow is a unit's name and stays."""
    assert expand(["Ambassador", "to", "the", "US"], False) == "Ambassador to the United States"
    assert expand(["Ambassador", "to", "the", "UN"], False) == "Ambassador to the United Nations"
    assert (
        expand(["Director", "of", "the", "NATO", "and", "ESDP", "Department"], False)
        == "Director of the NATO and ESDP Department"
    )


def test_a_classifying_word_before_a_lower_case_role() -> None:
    """Regression (fifth and seventh blind sets): "cell leader", "independent media
    distributor", "investigative journalist" had lost their first words."""
    people = _people(
        "(C) Garzon believes that cell leader Eddin Barakat Yarkas ran it. He came with\n"
        "independent media distributor Boris Khomayda and investigative journalist Gustavo\n"
        "Gorriti."
    )
    assert _expanded(people["Eddin Barakat Yarkas"]) == ["cell leader"]
    assert _expanded(people["Boris Khomayda"]) == ["independent media distributor"]
    assert _expanded(people["Gustavo Gorriti"]) == ["investigative journalist"]


def test_a_unit_named_after_a_body_s_initials_joins_the_title() -> None:
    """Regression (session 16): "FCO Sanctions Officer", "FCO Great Lakes Team Leader" kept
    only "Officer" and "Lakes Team Leader": a common word in Title Case after an
    organisation's initials names a unit of it. Not a word in capitals ("APEC BY
    PRESIDENT BUSH")."""
    people = _people(
        "(C/NF) FCO Great Lakes Team Leader David Smith and FCO Sanctions Officer Dominic\n"
        "Otway told poloff that HMG supports it.",
        "Embassy London",
    )
    assert _expanded(people["David Smith"]) == [
        "Foreign and Commonwealth Office Great Lakes Team Leader"
    ]
    assert _expanded(people["Dominic Otway"]) == [
        "Foreign and Commonwealth Office Sanctions Officer"
    ]
    people = _people("(U) REMARKS AT APEC BY PRESIDENT GEORGE BUSH WERE WELCOMED.")
    assert [t["as_written"] for p in people.values() for t in p["titles"]] == ["PRESIDENT"]


def test_bodies_the_glossary_knows_are_spelt_out_in_titles() -> None:
    """Regression (session 16): FSB, ISI, MRE, BJP and other bodies cables name often were
    not in the glossary, so titles kept their initials and they were no organisations."""
    people = _people(
        "(C) FSB Director Aleksandr Bortnikov met ISI Director General Ahmed Shuja Pasha.",
        "Embassy Moscow",
    )
    assert _expanded(people["Aleksandr Bortnikov"]) == ["Federal Security Service Director"]
    assert _expanded(people["Ahmed Shuja Pasha"]) == [
        "Inter-Services Intelligence Director General"
    ]


def test_ad_interim_after_a_title() -> None:
    """Regression (eighth blind set): "Charge d'Affaires a.i." kept "a.i." unexpanded, and
    in a sentence the title was lost; a title in capitals in a mixed-case cable expanded
    its second word twice ("Charge d'Affaires D'AFFAIRES")."""
    people = _people(
        "(C) Charge d'Affaires a.i. Dan Piccuta met him. CHARGE D'AFFAIRES JOHN SMITH CALLED."
    )
    assert _expanded(people["Dan Piccuta"]) == ["Charge d'Affaires ad interim"]
    assert _expanded(people["John Smith"]) == ["Charge d'Affaires"]
    assert expand(["Charge", "d'Affaires", "a.i."], False) == "Charge d'Affaires ad interim"


def test_a_firm_s_officer_and_the_next_title_after_and() -> None:
    """Regression (eighth blind set): "Nord Stream CFO Paul Corcoran and Moscow
    Representative Vitaly Yusufov" gave "Nord Stream Cfo Paul Corcoran" and a bare
    "Representative": CFO was no title, and "and" after a name was read as inside a
    unit's name ("Science and Technology Director"), which kept the prefix off."""
    people = _people(
        "(C) In a meeting, Nord Stream CFO Paul Corcoran and Moscow Representative Vitaly "
        "Yusufov told us the project is on track.",
        "Embassy Moscow",
    )
    assert _expanded(people["Paul Corcoran"]) == ["Nord Stream Chief Financial Officer"]
    assert _expanded(people["Vitaly Yusufov"]) == ["Moscow Representative"]
    assert set(people) == {"Paul Corcoran", "Vitaly Yusufov"}


def test_a_unit_of_two_regions_affairs() -> None:
    """Regression (eighth blind set): "Director General for North American and Oceanian
    Affairs Zheng Zeguang" lost the title and made "Oceanian" a person: a word that could
    be a name ended the unit before "Affairs"."""
    people = _people(
        "(C) On May 6, MFA Director General for North\nAmerican and Oceanian Affairs Zheng "
        "Zeguang called the Charge to meet.",
        "Embassy Beijing",
    )
    assert set(people) == {"Zheng Zeguang"}
    assert _expanded(people["Zheng Zeguang"]) == [
        "Ministry of Foreign Affairs Director General for North American and Oceanian Affairs"
    ]


def test_a_party_named_with_its_people() -> None:
    """Regression (session 16): "Belarusan" (the State Department's spelling) was no
    nationality, so "Belarusan President Lukashenko" kept it in the title; a party's name
    of two words or more after a nationality keeps it ("Belarusan Social Democratic
    Party"), one of one word does not ("British Conservative Party leader")."""
    people = _people(
        "(C) Yushchenko and Belarusan President Lukashenko met. Belarusan Social Democratic "
        "Party leader Alexander Kozulin and British Conservative Party leader David Cameron "
        "spoke.",
        "Embassy Kyiv",
    )
    assert _expanded(people["Lukashenko"]) == ["President"]
    assert people["Lukashenko"]["affiliation"] == "Belarus"
    assert _expanded(people["Alexander Kozulin"]) == ["Belarusan Social Democratic Party leader"]
    assert _expanded(people["David Cameron"]) == ["Conservative Party leader"]


def test_a_unit_after_in_the_or_at_the_is_part_of_the_title() -> None:
    """Regression (session 16): a title's unit after "in the" or "at the" was left out
    ("Second Secretary at the British Embassy"), where the annotators of three sets kept
    it; it must end on a body's word ("Minister in Kabul" has none). A body's initials
    with a possessive after "the" are spelt out ("the MFA's ...")."""
    people = _people(
        "(C) Gary Nicholls, Second Secretary at the British Embassy, and Dmitri Lebedov,\n"
        "Second Secretary in the MFA's Israel and Palestine Department, met poloff. The\n"
        "Minister in Kabul, John Smith, said so.",
        "Embassy Moscow",
    )
    assert _expanded(people["Gary Nicholls"]) == ["Second Secretary at the British Embassy"]
    assert _expanded(people["Dmitri Lebedov"]) == [
        "Second Secretary in the Ministry of Foreign Affairs' Israel and Palestine Department"
    ]
    assert all(" in " not in t for t in _expanded(people["John Smith"]))
    assert (
        expand(["Director", "of", "the", "MFA\u2019s", "Security", "Policy", "Division"], False)
        == "Director of the Ministry of Foreign Affairs\u2019 Security Policy Division"
    )


def test_pol_econ_and_a_qualifier_before_a_unit_s_initials() -> None:
    """Regression (ninth blind set): "Pol/Econ Counselor" (about 150 times in the dev
    corpus) was "Counselor", and "Former LIFG member" lost "Former"."""
    people = _people(
        "(C) Pol/Econ Counselor Timothy Zuniga-Brown met Former LIFG member Numan Ben\n"
        "Othman, who met former IDF soldier David Cohen.",
        "Embassy Tripoli",
    )
    assert _expanded(people["Timothy Zuniga-Brown"]) == ["Political/Economic Counselor"]
    assert [t["as_written"] for t in people["Numan Ben Othman"]["titles"]] == ["Former LIFG member"]
    assert _expanded(people["David Cohen"]) == ["former Israel Defense Forces soldier"]


def test_an_apposition_runs_on_to_its_comma() -> None:
    # 09PARIS1267, 07DAMASCUS409 (the tenth and first blind sets); 09CARACAS1417, 10ALGIERS111
    people = _people(
        "He met Patrick Zelnik, CEO of \nFrench independent label Naove, which produces "
        "music. Muhammed al Ajami, head of the Syrian Regional Office for the Boycott of "
        "Israel, said no. Leopoldo Lopez, Mayor of Greater Caracas Antonio Ledezma, and "
        "others came. Celso Daniel, the mayor of St.Andre, left.",
        "Embassy Paris",
    )
    assert _expanded(people["Patrick Zelnik"]) == [
        "Chief Executive Officer of French independent label Naove"
    ]
    assert _expanded(people["Muhammed al Ajami"]) == [
        "head of the Syrian Regional Office for the Boycott of Israel"
    ]
    # the next one's name ends a list entry, not a body's
    assert _expanded(people["Leopoldo Lopez"]) == ["Mayor"]
    assert all("St" not in t for t in _expanded(people["Celso Daniel"]))


def test_an_apposition_stops_at_the_next_line_of_a_list() -> None:
    # 09STATE81957: a delegation list, one person a line
    people = _people(
        "Russian Delegation:\nMOD\nCol. Oleg Skabara, Head of Delegation\nCol. Andreiy Kuts\n",
        "Secretary of State",
    )
    assert "Head of Delegation Colonel" not in _expanded(people["Oleg Skabara"])


def test_hyphenated_and_possessive_bodies_before_a_role() -> None:
    # 08NEWDELHI3116, 08MANAMA320 (the eighth and ninth blind sets), 08SANJOSE541
    people = _people(
        "They named Jaish-e-Muhammad chief Masood Azhar. He met IOM's Middle East regional "
        "representative Muhammad Shahidulhaque and ex-PAC member Andrea Morales.",
        "Embassy New Delhi",
    )
    assert _expanded(people["Masood Azhar"]) == ["Jaish-e-Muhammad chief"]
    assert _expanded(people["Muhammad Shahidulhaque"]) == [
        "International Organization for Migration's Middle East regional representative"
    ]
    assert _expanded(people["Andrea Morales"]) == ["PAC member"]  # the qualifier stays out


def test_descriptive_qualifiers_before_a_lower_case_role() -> None:
    # 06TASHKENT465, 09CAIRO155 (the ninth blind set)
    people = _people(
        "The famous singer Yulduz Usmanova and democracy activist Saad Eddin Ibrahim spoke.",
        "Embassy Cairo",
    )
    assert _expanded(people["Yulduz Usmanova"]) == ["famous singer"]
    assert _expanded(people["Saad Eddin Ibrahim"]) == ["democracy activist"]


def test_a_classifier_title_cut_short_is_no_title() -> None:
    # 08STATE85725 (the tenth blind set): the first Classified By line ends in "..."
    text = (
        "S E C R E T STATE 085725\nSIPDIS\nE.O. 12958: DECL: 08/12/2018\nTAGS: PREL GG\n"
        "SUBJECT: SITUATION REPORT\n\nCLASSIFIED BY: DANA MURRAY, SENIOR WATCH OF...\n\n"
        "1. (S) The talks went on.\n"
    )
    cable = parse_cable(text, "08STATE85725", metadata={"origin": "Secretary of State"})
    people = {p.name: p for p in extract_entities(cable).people}
    assert people["Dana Murray"].role == "classified_by"
    assert people["Dana Murray"].titles == []


def test_a_body_with_its_initials_in_brackets_before_a_title() -> None:
    # 09OTTAWA627, 08ANKARA537, 07MADRID546 (the third, ninth and first blind sets), 05PARIS7360
    people = _people(
        "Department of Foreign Affairs and International Trade (DFAIT) Director of Foreign "
        "Intelligence John Di Gangi came. Middle East Technology University (METU) professor "
        "Aykan Erdemir spoke. Socialist Party (PSOE) secretary Jose Blanco came. Union for a\n"
        "Popular Movement (UMP) President Nicolas Sarkozy spoke.",
        "Embassy Madrid",
    )
    di_gangi = people["John Di Gangi"]
    assert [t["as_written"] for t in di_gangi["titles"]] == [
        "Department of Foreign Affairs and International Trade (DFAIT) Director of Foreign "
        "Intelligence"
    ]
    assert _expanded(di_gangi) == [
        "Department of Foreign Affairs and International Trade Director of Foreign Intelligence"
    ]
    assert _expanded(people["Aykan Erdemir"]) == ["Middle East Technology University professor"]
    assert _expanded(people["Jose Blanco"]) == ["Socialist Party secretary"]
    # initials in the order of another language
    assert _expanded(people["Nicolas Sarkozy"]) == ["Union for a Popular Movement President"]


def test_a_title_in_brackets_before_a_rank_is_its_own() -> None:
    # 09ISLAMABAD155, 10ABUDHABI33
    people = _people(
        "Chief of the Army Staff (COAS) General Ashfaq Kayani met Special Representative for "
        "Afghanistan and Pakistan (SRAP) Ambassador Richard Holbrooke.",
        "Embassy Islamabad",
    )
    assert "Chief of the Army Staff General" not in _expanded(people["Ashfaq Kayani"])
    assert "General" in _expanded(people["Ashfaq Kayani"])
    assert all("Pakistan Ambassador" not in t for t in _expanded(people["Richard Holbrooke"]))


def test_a_unit_in_brackets_between_title_and_name() -> None:
    # 05NEWDELHI3080 (the eleventh blind set), 06NEWDELHI2091; not a gloss (09BOGOTA688)
    people = _people(
        "MEA Joint Secretary (Americas) S. Jaishankar called PolCouns. Joint Secretary "
        "(Pakistan, Afghanistan, Iran) Dilip Sinha spoke. Prosecutor General (Fiscal General) "
        "Mario Iguaran came.",
        "Embassy New Delhi",
    )
    assert _expanded(people["S. Jaishankar"]) == [
        "Ministry of External Affairs Joint Secretary (Americas)"
    ]
    assert _expanded(people["Dilip Sinha"]) == ["Joint Secretary (Pakistan, Afghanistan, Iran)"]
    assert all("(" not in t for t in _expanded(people["Mario Iguaran"]))  # a gloss: not taken


def test_a_title_before_the_name_closed_by_a_comma() -> None:
    # 08ROME1541 (the eleventh blind set); a list of names is no title's
    people = _people(
        "For years, the head of the Vatican Gendarmerie, Domenico Giani, has asked for "
        "help. Then, Ivan Petrov, Anna Smirnova and Boris Ivanov spoke.",
        "Embassy Vatican",
    )
    assert _expanded(people["Domenico Giani"]) == ["head of the Vatican Gendarmerie"]
    assert _expanded(people["Ivan Petrov"]) == []


def test_a_given_name_that_is_also_a_city() -> None:
    # 09MOSCOW1732 (the eleventh blind set), 06MANAGUA1002: "Vladimir", "Rosario" are
    # cities of the gazetteer; before a name's word they are given names, alone places
    people = _people(
        "Vladimir Davydov, Director of the Latin American Institute, told us. Rosario "
        "Murillo spoke. He flew to Vladimir and Salvador da Bahia.",
        "Embassy Moscow",
    )
    assert _expanded(people["Vladimir Davydov"]) == ["Director of the Latin American Institute"]
    assert "Rosario Murillo" in people
    assert not any(name.startswith("Salvador") for name in people)


def test_ministries_and_agencies_by_their_initials() -> None:
    # 05SANJOSE2071, 07TASHKENT2081 (the eleventh blind set)
    people = _people("COMEX Minister Manuel Gonzalez met DTRA Fred Carter.", "Embassy San Jose")
    assert _expanded(people["Manuel Gonzalez"]) == ["Ministry of Foreign Trade Minister"]


def test_a_title_whose_body_is_quoted_before_the_name() -> None:
    # 08MINSK195 (the fifth blind set): the quotes close the paper's name, the person's
    # begins after them; a hyphenated role stays one word
    people = _people(
        'The editor-in-chief of the regional independent daily\n"Courier from Vitebsk" '
        "Vladimir Bazan and independent media distributor Boris Khomayda received a letter.",
        "Embassy Minsk",
    )
    assert _expanded(people["Vladimir Bazan"]) == [
        "editor-in-chief of the regional independent daily Courier from Vitebsk"
    ]
    assert _expanded(people["Boris Khomayda"]) == ["independent media distributor"]


def test_an_apposition_runs_on_over_a_quoted_name() -> None:
    # the quotes of a paper's name are no closing mark (08MINSK195's form, in an apposition)
    people = _people(
        'He met Ivan Petrov, editor of the daily "Courier from Vitebsk", on Monday.',
        "Embassy Minsk",
    )
    assert _expanded(people["Ivan Petrov"]) == ["editor of the daily Courier from Vitebsk"]


def test_a_body_after_a_possessive_in_an_apposition() -> None:
    # 09TRIPOLI32 (the eighth blind set): "Libya's" does not end the title, the comma does;
    # "the President's daughter" is still no title of its own
    people = _people(
        "P/E Chief met with Dr. Ali Gashut, Secretary of Libya's Atomic Energy "
        "Establishment, on Monday. Gulnora Karimova, the President's daughter, spoke.",
        "Embassy Tripoli",
    )
    assert _expanded(people["Ali Gashut"]) == ["Secretary of Libya's Atomic Energy Establishment"]
    assert _expanded(people["Gulnora Karimova"]) == []


def test_a_lower_case_plural_role_before_its_names() -> None:
    # 08KUWAIT560 (the second blind set), 10MADRID70 (the tenth): each gets the role in
    # the singular; after a comma only a list that ends with "and" and a name
    people = _people(
        "They met terrorist financiers Hamed Al-Ali, Jaber Al-Jalahmah and Mubarak "
        "Al-Bathali. The two Spanish attorneys, Javier Cueva and David Bravo, spoke. "
        "Opposition businessmen Muhiddin Jamol and Zafar Faiyziev left.",
        "Embassy Kuwait",
    )
    for name in ("Hamed Al-Ali", "Jaber Al-Jalahmah", "Mubarak Al-Bathali"):
        assert _expanded(people[name]) == ["terrorist financier"]
    assert _expanded(people["Javier Cueva"]) == ["attorney"]
    assert _expanded(people["David Bravo"]) == ["attorney"]
    assert _expanded(people["Zafar Faiyziev"]) == ["Opposition businessman"]


def test_a_plural_is_no_title_of_one_person() -> None:
    # 06BRASILIA546, 09ROME1048, 09BRASILIA1094: a plural after a comma is the next
    # phrase's, "heads" a verb; but a list's own after its last name
    people = _people(
        "The sessions on Antonio Palocci, members of the opposition said, went on. Gianni "
        "Letta, heads the super-ministry. In meetings with Brazilian leaders, Ellen "
        "Tauscher and Ashton Carter,s message was clear. He met the attorneys, Javier Cueva, "
        "who left. Jose Gomez and Maria Solanas Cardin, advisors to the Council, came.",
        "Embassy Brasilia",
    )
    for name in ("Antonio Palocci", "Gianni Letta", "Ellen Tauscher", "Ashton Carter"):
        assert _expanded(people[name]) == []
    assert _expanded(people["Javier Cueva"]) == []
    assert _expanded(people["Maria Solanas Cardin"]) == ["advisor to the Council"]


def test_country_titles_and_labels_of_crimes() -> None:
    # 08CARACAS1390 (the third blind set), 09DOHA644 (the sixth)
    people = _people(
        "He met UNDP Country Director Jane Smith and the Lockerbie bomber Abdelbasit Al-Megrahi.",
        "Embassy Doha",
    )
    assert _expanded(people["Jane Smith"]) == [
        "United Nations Development Programme Country Director"
    ]
    assert _expanded(people["Abdelbasit Al-Megrahi"]) == ["Lockerbie bomber"]


def test_columnists_and_magistrates() -> None:
    # 08MANAMA77, 09BOGOTA3271 (the twelfth blind set)
    people = _people(
        "He recorded Supreme Court auxiliary magistrate Ivan Velazquez and prominent "
        "columnist Sawsan Al-Shaer.",
        "Embassy Bogota",
    )
    assert _expanded(people["Ivan Velazquez"]) == ["Supreme Court auxiliary magistrate"]
    assert _expanded(people["Sawsan Al-Shaer"]) == ["prominent columnist"]


def test_the_embassy_before_a_title_is_part_of_it() -> None:
    # 09MOSCOW1273 (the twelfth blind set): a body written before the title (GUIDELINES 3)
    people = _people(
        "He met Italian Embassy First Secretary Lorenzo Fanara on Monday.", "Embassy Moscow"
    )
    assert _expanded(people["Lorenzo Fanara"]) == ["Embassy First Secretary"]
    assert people["Lorenzo Fanara"]["affiliation"] == "Italy"


def test_titles_of_the_thirteenth_blind_set() -> None:
    # 06NEWDELHI5801, 09MOSCOW2747, 03ABUDHABI2641, 08PARAMARIBO301, 09LONDON2180
    people = _people(
        "He met A/PolCouns Atul Keshap, Political MC Susan Elliott, MFA Minstate Hamdan bin "
        "Zayid, Russian Permanent Representative to\nNATO Dmitry Rogozin, former military "
        "strongman Desi Bouterse and Guno Castelen, Member of Parliament, and John Saltford, "
        "Deputy Team Leader for Missile Defense, on Monday.",
        "Embassy London",
    )
    assert _expanded(people["Atul Keshap"]) == ["Acting Political Counselor"]
    assert _expanded(people["Susan Elliott"]) == ["Political Minister-Counselor"]
    assert _expanded(people["Hamdan bin Zayid"]) == [
        "Ministry of Foreign Affairs Minister of State"
    ]
    assert _expanded(people["Dmitry Rogozin"]) == [
        "Permanent Representative to the North Atlantic Treaty Organization"
    ]
    assert _expanded(people["Desi Bouterse"]) == ["former military strongman"]
    assert _expanded(people["Guno Castelen"]) == ["Member of Parliament"]
    assert _expanded(people["John Saltford"]) == ["Deputy Team Leader for Missile Defense"]


def test_a_time_is_no_prime_minister() -> None:
    # 06SANJOSE2543 (the thirteenth blind set): "12:30 P.M. EST"
    people = _people("On November 8, 12:30 P.M. EST, Alarcon told Polcouns. PM Gordon Brown met.")
    assert "Est" not in people
    assert _expanded(people["Gordon Brown"]) == ["Prime Minister"]


def test_a_classifier_and_the_office_he_directs() -> None:
    # 10STATE8676 (the thirteenth blind set): the office symbol spelt out from the office up
    text = (
        "S E C R E T STATE 008676\nSIPDIS\nE.O. 12958: DECL: 01/29/2035\nTAGS: PINR KS\n"
        "SUBJECT: A TEST\n\nClassified By: ELISSA G. PITTERLE, DIRECTOR, INR/OPS\n\n"
        "1. (S) The team met.\n"
    )
    cable = parse_cable(text, "10STATE8676", metadata={"origin": "Secretary of State"})
    people = {p.name: p for p in extract_entities(cable).people}
    assert [t.expanded for t in people["Elissa G. Pitterle"].titles] == [
        "Director, Office of Intelligence Operations, Bureau of Intelligence and Research"
    ]


def test_titles_of_the_fourteenth_blind_set() -> None:
    # 09KABUL3324, 10CAIRO162 (the fourteenth blind set)
    people = _people(
        "He met CDDEA Ambassador E. Anthony Wayne and chief climate negotiator Mootaz "
        "Ahmadein Khalil.",
        "Embassy Kabul",
    )
    assert _expanded(people["E. Anthony Wayne"]) == [
        "Coordinating Director for Development and Economic Affairs Ambassador"
    ]
    assert _expanded(people["Mootaz Ahmadein Khalil"]) == ["chief climate negotiator"]


def test_a_title_to_a_body_stops_before_another_title() -> None:
    # 09TRIPOLI301: "to MFA Secretary ... Ali Treiki" is Treiki's title, not Azzabi's body
    people = _people(
        "Ambassador delivered points to Mahmoud Azzabi, Chief of Staff to MFA Secretary for "
        "African Affairs Ali Treiki, on April 12.",
        "Embassy Tripoli",
    )
    assert _expanded(people["Mahmoud Azzabi"]) == ["Chief of Staff"]
    assert _expanded(people["Ali Treiki"]) == [
        "Ministry of Foreign Affairs Secretary for African Affairs"
    ]


def test_a_us_posts_place_is_part_of_its_officers_title() -> None:
    # 08ROME1541: "Embassy Vatican" is the US post, not the officer's affiliation (the
    # title was "Embassy DCM", its words not as written)
    people = _people("Embassy Vatican DCM Julieta Noyes attended.", "Embassy Rome")
    noyes = people["Julieta Noyes"]
    assert [t["as_written"] for t in noyes["titles"]] == ["Embassy Vatican DCM"]
    assert _expanded(noyes) == ["Embassy Vatican Deputy Chief of Mission"]
    assert noyes["affiliation"] == "United States"


def test_lower_case_vice_and_roles_of_staff_or_state() -> None:
    # 06SANJOSE2543, 08BRASILIA1224, 09RIODEJANEIRO369: "vice-" was dropped, and a role
    # ending in a lower-case word after "of" was cut to its head ("chief")
    people = _people(
        "Alarcon indicated that he would consult with vice-Minister Edgar Ugalde. "
        "He met Marcel Biato, chief of staff to President Lula, and Patricia Pradal, "
        "head of government, on Monday.",
        "Embassy San Jose",
    )
    assert _expanded(people["Edgar Ugalde"]) == ["vice-Minister"]
    assert _expanded(people["Marcel Biato"]) == ["chief of staff"]
    assert _expanded(people["Patricia Pradal"]) == ["head of government"]


def test_titles_of_the_fifteenth_blind_set() -> None:
    # 08MANAMA537, 08VILNIUS666, 08LONDON1967, 09SANJOSE148 (the fifteenth blind set)
    people = _people(
        "MOL Safety Engineer/Inspector Hussain Al Hussaini told poloff on Aug 5. They praised "
        "Dr. Majid Al Alawi, the new minister of labor, and cited him. Post shared points "
        "with MFA Director of Transatlantic Cooperation and Security Policy Vytautas "
        "Leskevicius who said so. He spoke to MOD Deputy Director for Iraq Joint Commitments "
        "Daniel Hughes, who is drafting proposals. We met Adriana Murillo, the MFA's UNSC "
        "Desk Officer. Randolph Coto, the MFA's head of International Organizations \n"
        "and Murillo's boss, told us so.",
        "Embassy Manama",
    )
    assert _expanded(people["Hussain Al Hussaini"]) == [
        "Ministry of Labor Safety Engineer/Inspector"
    ]
    # (without "new" since GUIDELINES section 53)
    assert _expanded(people["Majid Al Alawi"]) == ["minister of labor"]
    assert _expanded(people["Vytautas Leskevicius"]) == [
        "Ministry of Foreign Affairs Director of Transatlantic Cooperation and Security Policy"
    ]
    assert _expanded(people["Daniel Hughes"]) == [
        "Ministry of Defense Deputy Director for Iraq Joint Commitments"
    ]
    assert _expanded(people["Adriana Murillo"]) == [
        "Ministry of Foreign Affairs' United Nations Security Council Desk Officer"
    ]
    assert _expanded(people["Randolph Coto"]) == [
        "Ministry of Foreign Affairs' head of International Organizations"
    ]


def test_what_the_fifteenth_blind_sets_rules_must_not_take() -> None:
    # a name before a role's slash ("Bildt/Deputy"), a rank after "Chief of Staff", the last
    # word of a unit before the comma, another's name after a role (09STOCKHOLM418,
    # 07LAPAZ3262, 09MOSCOW2651, 06MOSCOW11778)
    people = _people(
        "Foreign Minister Bildt/Deputy Secretary Steinberg met. Army Chief of Staff General "
        "Freddy Mackay came. Galina Boldareva, Chair of the Yabloko Regional Branch, stressed "
        "a need. DHS Deputy Chief of Refugee Affairs June Tancredi spoke.",
        "Embassy Stockholm",
    )
    assert "Foreign Minister Bildt/Deputy Secretary" not in _expanded(people["Steinberg"])
    assert "Army Chief of Staff" in _expanded(people["Freddy Mackay"])
    assert _expanded(people["Galina Boldareva"]) == ["Chair of the Yabloko Regional Branch"]
    assert "Branch" not in people
    assert not any("June" in t for p in people.values() for t in _expanded(p))


def test_titles_of_the_sixteenth_blind_set() -> None:
    # 03THEHAGUE2480, 06SANJOSE156, 07CAIRO3126, 09STATE95493, 08LONDON1814 (the sixteenth)
    people = _people(
        "On September 30, Prime Minister Jan Peter \nBalkenende asked retired career diplomat "
        "Bernard Bot to accept the post. Visiting A/DAS David \nLindwall delivered points. "
        "The GOE distrusts PM al Maliki, but stops short. It was stung by the assassination "
        "of its emissary, Ihab el-Sharif, but has made noises. He met the previous Minister "
        "of Commerce Kamal Nath and Baroness Morgan of Drefelin.",
        "Embassy The Hague",
    )
    assert _expanded(people["Jan Peter Balkenende"]) == ["Prime Minister"]
    assert _expanded(people["Bernard Bot"]) == ["retired career diplomat"]
    assert _expanded(people["David Lindwall"]) == ["Acting Deputy Assistant Secretary"]
    assert _expanded(people["al Maliki"]) == ["Prime Minister"]
    assert _expanded(people["Ihab el-Sharif"]) == ["emissary"]
    assert _expanded(people["Kamal Nath"]) == ["previous Minister of Commerce"]
    assert _expanded(people["Morgan of Drefelin"]) == ["Baroness"]
    assert "Drefelin" not in people


def test_a_line_of_a_name_and_its_title_in_a_cable_in_capitals() -> None:
    # 09STATE95493 (the sixteenth blind set): a tasking cable lists the people it asks about
    text = (
        "SECRET STATE 095493\n\nSUBJECT: (S) REPORTING ON INDIA'S ECONOMIC TEAM\n\n"
        "1. (S/NF) WASHINGTON ASKS THE FOLLOWING.\n\n"
        "A.  (U)  PRANAB MUKHERJEE, MINISTER OF FINANCE \n\n"
        "B.  (S/NF)  WHAT ARE MUKHERJEE'S PRIMARY ECONOMIC CONCERNS? \n\n"
        "I.  (U)  ANAND SHARMA, MINISTER OF COMMERCE AND INDUSTRY \n\n"
        "P.  (U)  DEPUTY CHAIR, PLANNING COMMISSION MONTEK SINGH AHLUWALIA \n\n"
        "Q.  (S/NF)  WHY WAS THE PLAN CHANGED? \nCLINTON\n"
    )
    cable = parse_cable(text, "09STATE95493", metadata={"origin": "Secretary of State"})
    people = {p.name: p for p in extract_entities(cable).people}
    assert [t.expanded for t in people["Pranab Mukherjee"].titles] == ["Minister of Finance"]
    assert len(people["Pranab Mukherjee"].mentions) == 2  # "MUKHERJEE'S" joins him
    assert "Minister of Commerce and Industry" in [
        t.expanded for t in people["Anand Sharma"].titles
    ]
    assert "Planning" not in people  # a body's first word, not a name


def test_no_person_in_the_name_of_a_facility_or_an_industry() -> None:
    # 08ISLAMABAD2586, 08LONDON1814 (the sixteenth blind set)
    people = _people(
        "She was held at the Bagram Theater Internment Facility since 2004. The British "
        "Phonographic Industry (BPI) launched a campaign.",
        "Embassy Islamabad",
    )
    assert not set(people) & {"Bagram Theater", "Phonographic Industry"}


def test_titles_of_the_seventeenth_blind_set() -> None:
    # 08LONDON1873, 06SANJOSE2371, 08MANAMA519 (the seventeenth blind set), 08STATE128877
    people = _people(
        "FCO Minister for Africa Lord Malloch-Brown continues to support the process. "
        "USOAS Ambassador Maisto spoke. They welcomed Regional English Language Officer "
        "(RELO) Fife MacDuff. The RELO, MacDuff, is in Manama. He met Undersecretary for "
        "Multilateral Affairs Prince Turki Bin Mohamed.",
        "Embassy London",
    )
    assert _expanded(people["Malloch-Brown"]) == [
        "Foreign and Commonwealth Office Minister for Africa",
        "Lord",
    ]
    assert _expanded(people["Maisto"]) == [
        "United States Mission to the Organization of American States Ambassador"
    ]
    turki = people["Turki Bin Mohamed"]
    assert "Affairs Prince" not in [t["as_written"] for t in turki["titles"]]
    assert "Undersecretary for Multilateral Affairs" in _expanded(turki)


def test_a_street_is_no_person_but_its_word_may_be_a_surname() -> None:
    # 06BRASILIA2582 (the seventeenth blind set), 06BUENOSAIRES1462
    people = _people(
        "The residence is at Rua Thomas Deloney 12. Former President Fernando de la Rua spoke.",
        "Embassy Brasilia",
    )
    assert "Rua Thomas Deloney" not in people
    assert _expanded(people["Fernando de la Rua"]) == ["former President"]


def test_a_country_names_the_unit_before_a_title() -> None:
    """Regression (set 18): "U.S.-Canada Division Chief" and "Afghanistan Desk Officer" lost
    the country that names the unit; a country before any other title stays out."""
    people = _people(
        "(C) He met MFA Afghanistan Desk Officer Ivan Petrov, U.S.-Canada Division Chief"
        " Paulo Silva and Russian Foreign Minister Lavrov. At the U.S.-EU Summit President"
        " Obama spoke.",
        origin="Embassy Brasilia",
    )
    assert _expanded(people["Ivan Petrov"]) == [
        "Ministry of Foreign Affairs Afghanistan Desk Officer"
    ]
    assert _expanded(people["Paulo Silva"]) == ["U.S.-Canada Division Chief"]
    assert _expanded(people["Lavrov"]) == ["Foreign Minister"]
    assert _expanded(people["Obama"]) == ["President"]


def test_a_body_the_cable_names_itself_in_a_title() -> None:
    """Regression (set 18): "Ministry of Foreign Relations (MRE)" then "MRE United Nations
    Division Chief Carlos Duarte": the cable's name for the ministry, not the glossary's
    "Ministry of External Relations"; "DepPolCouns" is a Deputy Political Counselor. A
    title's own abbreviation keeps its meaning beside a party the text defines so."""
    people = _people(
        "(C) DepPolCouns Lawrence Cohen met Ministry of Foreign Relations (MRE) staff and"
        " MRE United Nations Division Chief Carlos Duarte.",
        origin="Embassy Brasilia",
    )
    assert _expanded(people["Lawrence Cohen"]) == ["Deputy Political Counselor"]
    assert _expanded(people["Carlos Duarte"]) == [
        "Ministry of Foreign Relations United Nations Division Chief"
    ]
    people = _people(
        "(C) The Christian Democratic Alliance (CDA) met CDA Schofer.",
        origin="Embassy The Hague",
    )
    assert _expanded(people["Schofer"]) == ["Charge d'Affaires"]


def test_joint_sections_in_capitals() -> None:
    """Regression (set 21): "POLECON Counselor", "POLEC Counselor" and "EcoPol Chief" were
    left unexpanded (only "PolEcon" was known)."""
    people = _people(
        "(C) POLECON Counselor Andrew Mann met. He saw POLEC Counselor Martina Strong and"
        " EcoPol Chief Brian Quigley."
    )
    assert _expanded(people["Andrew Mann"]) == ["Political/Economic Counselor"]
    assert _expanded(people["Martina Strong"]) == ["Political/Economic Counselor"]
    assert _expanded(people["Brian Quigley"]) == ["Economic/Political Chief"]


def test_lower_case_words_of_a_role() -> None:
    """Regression (set 22): "Elysee strategic affairs advisor Richier" had the title
    "advisor"; "diplomatic", "nuclear", "international" qualify roles too."""
    people = _people(
        "(C) We met Elysee strategic affairs advisor Richier. Iran's nuclear negotiator"
        " Saeed Jalili was there.",
        origin="Embassy Paris",
    )
    assert _expanded(people["Richier"]) == ["Elysee strategic affairs advisor"]
    assert _expanded(people["Saeed Jalili"]) == ["nuclear negotiator"]


def test_a_body_before_a_title_takes_the_cables_definition() -> None:
    """Regression (set 18): "DAS Director" in a Bogota cable that defines DAS as the
    Administrative Department of Security was a "Deputy Assistant Secretary Director"."""
    people = _people(
        "(C) The Administrative Department of Security (DAS) reported that DAS Director"
        " Andres Penate resigned.",
        origin="Embassy Bogota",
    )
    assert _expanded(people["Andres Penate"]) == ["Administrative Department of Security Director"]


def test_glossary_titles_a_deputy_s_and_a_group_s_lower_case_noun() -> None:
    """Regression (sets 28 and 29): the glossary's title abbreviations were no titles
    before a name ("CHOD Basbug", "SECDEF Gates"), nor "D/" before one (a deputy:
    "D/CHOD Saygun"); "for Europe and the Middle East" stopped at "Europe"; an apposition
    ending in a group's noun in lower case ("the Deputy Chairman of the Shi'a Al-Wifaq
    parliamentary bloc, Khalil Al Marzooq,") was dropped, and "Shi'a Al-Wifaq" a man."""
    people = _people(
        "(C) CHOD Basbug met SECDEF Gates. The D/CHOD Saygun and the VCHOD Igsiz came.\n"
        "2. (C) Assistant Secretary for Europe and the Middle East Christopher Wilson and\n"
        "Provincial Minister for Public Works Rosina Semenya spoke.\n"
        "3. (C) On October 30, the Deputy Chairman of the Shi'a Al-Wifaq parliamentary\n"
        "bloc, Khalil Al Marzooq, signed it.",
        "Embassy Ankara",
    )
    written = {
        n: [(t["as_written"], t["expanded"]) for t in p["titles"]] for n, p in people.items()
    }
    assert written == {
        "Basbug": [("CHOD", "Chief of Defense")],
        "Gates": [("SECDEF", "Secretary of Defense")],
        "Saygun": [("D/CHOD", "Deputy Chief of Defense")],
        "Igsiz": [("VCHOD", "Vice Chief of Defense")],
        "Christopher Wilson": [
            (
                "Assistant Secretary for Europe and the Middle East",
                "Assistant Secretary for Europe and the Middle East",
            )
        ],
        "Rosina Semenya": [
            ("Provincial Minister for Public Works", "Provincial Minister for Public Works")
        ],
        "Khalil Al Marzooq": [
            (
                "Deputy Chairman of the Shi'a Al-Wifaq parliamentary bloc",
                "Deputy Chairman of the Shi'a Al-Wifaq parliamentary bloc",
            )
        ],
    }


def test_an_owner_s_title_a_list_s_label_and_staff_heads() -> None:
    """Regression (sets 30 and 31, read): an apposition's title owned by a body, place or
    person ("John Crocker, Shell's Head of International Government Relations,") was
    dropped, kept only when the apposition closes there ("France's chief climate change
    negotiator" is no "France's chief"); a list's label ended by a common noun ("--
    Minister of the Canal: Romulo de Roux;") lost its title; "Specialist", "Negotiator",
    "Rapporteur" were no title heads; "Engineer" before a name is a style, as "Dr."."""
    people = _people(
        "(C) EconOff met John Crocker, Shell's Head of International Government Relations,\n"
        "on December 2, and Marcel Biato, Lula's deputy foreign affairs advisor, later.\n"
        "Brice Lalonde, France's chief climate change negotiator, visited.\n"
        "-- Minister of the Canal: Romulo de Roux;\n"
        "-- Minister of Public Works: Ricardo Quijano;\n"
        "2. (C) Contact person: Agueda Marin, Program Specialist. Engineer Ahmed Shah and\n"
        "Special Rapporteur Paulo Pinheiro came.",
        "Embassy Panama",
    )
    written = {n: [t["as_written"] for t in p["titles"]] for n, p in people.items()}
    assert written == {
        "John Crocker": ["Shell's Head of International Government Relations"],
        "Marcel Biato": [],
        "Brice Lalonde": [],
        "Romulo de Roux": ["Minister of the Canal"],
        "Ricardo Quijano": ["Minister of Public Works"],
        "Agueda Marin": ["Program Specialist"],
        "Ahmed Shah": [],
        "Paulo Pinheiro": ["Special Rapporteur"],
    }


def test_a_classifier_s_staff_title_and_a_bare_office() -> None:
    """Regression (set 32): "Pol/C" and "Econ/C" were spelt "Pol/c"; a classifying
    official's bureau office alone ("OES/OPA, Evan Bloom") was given as a title (an
    agency's initials stay one: "DTRA Fred Carter"); "Charge d'Affaires, a.i., Steven
    White" is his title."""

    def classifier(line: str) -> list[tuple[str, str]]:
        text = (
            f"SUBJECT: TEST\n\nClassified By: {line} for reasons 1.4 (b) and (d)\n\n1. (C) Text.\n"
        )
        cable = parse_cable(text, "09TEST1", metadata={"origin": "Embassy Lima"})
        people = extract_entities(cable).to_dict()["people"]
        found = [p for p in people if p["role"] and "classified_by" in p["role"]]
        assert len(found) == 1, line
        return [(t["as_written"], t["expanded"]) for t in found[0]["titles"]]

    assert classifier("Pol/C Alexis Ludwig") == [("Pol/C", "Political Counselor")]
    assert classifier("OES/OPA, Evan Bloom") == []
    assert classifier("DTRA Fred Carter") == [("DTRA", "Defense Threat Reduction Agency")]
    assert classifier("Charge d'Affaires, a.i., Steven White") == [
        ("Charge d'Affaires, a.i.", "Charge d'Affaires, ad interim")
    ]


def test_a_body_s_initials_inside_a_title_are_spelt_out_unless_they_name_a_unit() -> None:
    """Regression (sets 31 and 35, 09SANJOSE301, 08SANJOSE472): "MFA UN Desk Officer" was
    expanded "Ministry of Foreign Affairs UN Desk Officer"; annotators spell out a body's
    initials inside a title too, but not those that begin a unit's name ("MFA NATO Office
    Director", "Head of the UN Political Team") nor a State bureau's in another
    ministry's title."""
    assert expand(["MFA", "UN", "Desk", "Officer"], False) == (
        "Ministry of Foreign Affairs United Nations Desk Officer"
    )
    assert expand(["Director", "General", "for", "EU", "Affairs"], False) == (
        "Director General for European Union Affairs"
    )
    assert expand(["MFA", "NATO", "Office", "Director"], False) == (
        "Ministry of Foreign Affairs NATO Office Director"
    )
    assert expand("Head of the UN Political Team".split(), False) == (
        "Head of the UN Political Team"
    )
    assert expand("MFA AF Assistant Secretary-equivalent".split(), False) == (
        "Ministry of Foreign Affairs AF Assistant Secretary-equivalent"
    )


def test_a_company_s_president_and_a_television_cameraman() -> None:
    """Regression (sets 32 and 33, 07MADRID1000, 09SAOPAULO19): "company president Sami
    Hassuani" was titled "president", "Spanish television cameraman Jose Couso" not at
    all: "company" qualifies a lower-case role, "cameraman" is one."""
    people = _people(
        "Econoff met with company president Sami Hassuani. U.S. servicemen are accused of "
        "killing Spanish television cameraman Jose Couso in Baghdad.",
        "Embassy Madrid",
    )
    assert _expanded(people["Sami Hassuani"]) == ["company president"]
    assert _expanded(people["Jose Couso"]) == ["television cameraman"]


def test_a_country_s_initials_opening_a_title_are_spelt_out() -> None:
    """Regression (sets 9 and 16: "UK PM" and "UAE Armed Forces Chief of Staff" spelt out
    by their annotators; dev: "UK Embassy Economic Officer", "ROK Embassy representative"
    kept the initials): a country's initials that open a title are its place, spelt out.
    Not the United States', which no title here carries."""
    assert expand(["UK", "PM"], False) == "United Kingdom Prime Minister"
    assert expand(["UAE", "Foreign", "Minister"], False) == "United Arab Emirates Foreign Minister"
    assert expand(["ROK", "Embassy", "representative"], False) == (
        "Republic of Korea Embassy representative"
    )
    assert expand(["US", "Ambassador"], False) == "US Ambassador"
    assert expand(["UK"], False) == "UK"


def test_an_apposition_s_title_after_its_body_s_or_place_s_words() -> None:
    """Regression (sets 37, 27, 30 and 28: "Tony Kay, the Foreign and Commonwealth Office's
    ... Desk Officer", "Philip Richards, Nuclear and Radiological Security Desk Officer at
    the Foreign and Commonwealth Office (FCO), on", "Luciano Coutinho, the current
    President of the Brazilian Development Bank," and "Ximena Castillo, the PDI's Director
    of the National Office of Crimes Against the Family explained" had no title): an
    apposition's title may open with a place or unit as before a name, be owned by a
    body of several words, run on past "the" in a body's name, close before a bracketed
    acronym, or before a verb of speech; "current" is no qualifier of it."""
    people = _people(
        "Tony Kay, the Foreign and Commonwealth Office's Desk Officer, said no. Jim Bob, "
        "Colombia Desk Officer, agreed. Philip Richards, Nuclear and Radiological Security "
        "Desk Officer at the Foreign and Commonwealth Office (FCO), on December 2 said so. "
        "He said that Luciano Coutinho, the current President of the Brazilian Development "
        "Bank, is ready. Ximena Castillo, the PDI's Director of the National Office of "
        "Crimes Against the Family explained the crime.",
        "Embassy London",
    )
    assert _expanded(people["Tony Kay"]) == ["Foreign and Commonwealth Office's Desk Officer"]
    assert _expanded(people["Jim Bob"]) == ["Colombia Desk Officer"]
    assert _expanded(people["Philip Richards"]) == [
        "Nuclear and Radiological Security Desk Officer at the Foreign and Commonwealth Office"
    ]
    assert _expanded(people["Luciano Coutinho"]) == ["President of the Brazilian Development Bank"]
    assert [t["as_written"] for t in people["Ximena Castillo"]["titles"]] == [
        "PDI's Director of the National Office of Crimes Against the Family"
    ]


def test_no_apposition_title_from_capitalised_words_alone_or_the_next_one_s() -> None:
    """Regression (dev 06TRIPOLI498, 09SANTODOMINGO570, 10LONDON439 while the rules above
    were written): "Office of the Legal Adviser" is no title; a bracketed acronym before
    the next name does not close an apposition; a country's possessive before a title
    still owns it."""
    people = _people(
        "--Mr. Marshall Brown, Office of the Legal Adviser, U.S. Department of State\n"
        "Salgado said he raised it with Deputy Foreign Minister Jose Manuel Trullols, "
        "Dominican Civil Aviation Institute Director (IDAC) Jose Tomas Perez, and others. "
        "In a statement February 23, Chris Bryant, the UK's Foreign Office Minister with "
        "responsibility for the British Overseas Territories, reiterated UK support.",
        "Embassy Santo Domingo",
    )
    assert people["Marshall Brown"]["titles"] == []
    assert _expanded(people["Jose Manuel Trullols"]) == ["Deputy Foreign Minister"]
    assert [t["as_written"] for t in people["Chris Bryant"]["titles"]] == [
        "UK's Foreign Office Minister with responsibility for the British Overseas Territories"
    ]


def test_two_fields_joined_by_and_before_a_title() -> None:
    """Regression (set 37: "Economic and Commercial Officer Fiona Evans" had "Commercial
    Officer"; dev: "Science and Technology Minister", "Work and Pensions Secretary"): a
    field's word, "and" and the title's first words are one title. Not a second title
    ("former Finance and Prime Minister Benbitour"), another's field ("Minister of
    Defense and King Abdullah"), nor a name or pronoun before "and"."""
    people = _people(
        "Post nominates Economic and Commercial Officer Fiona Evans for the seminar. He met "
        "Work and Pensions Secretary James Purnell and Science and Technology Minister "
        "Sergio Rezende. Earlier, former Finance and Prime Minister Benbitour spoke. The "
        "Minister of Defense and King Abdullah II met. Brown and Foreign Secretary David "
        "Miliband agreed. She and Minister Rodrigo Arias left.",
        "Embassy Reykjavik",
    )
    assert _expanded(people["Fiona Evans"]) == ["Economic and Commercial Officer"]
    assert _expanded(people["James Purnell"]) == ["Work and Pensions Secretary"]
    assert _expanded(people["Sergio Rezende"]) == ["Science and Technology Minister"]
    assert not any("Finance" in t for t in _expanded(people["Benbitour"]))
    assert _expanded(people["Abdullah II"]) == ["King"]
    assert _expanded(people["David Miliband"]) == ["Foreign Secretary"]
    assert _expanded(people["Rodrigo Arias"]) == ["Minister"]


def test_a_possessive_inside_a_title_s_run_on_and_a_body_s_initials_before_the_name() -> None:
    """Regression (set 37: "the President of Canada's Verenex Energy, Jim McFarland" gave
    "President of Canada Verenex Energy", the possessive lost; set 38's 08TRIPOLI554: "the
    Resident Representative of the ... (FAO), Dr. Saad Elmedani Ahmed" gave no title): a
    title runs on past a possessive as written, and a body's initials in brackets
    between a title and its name are passed over. Not a title word's state ("King (IA),
    Issa") nor an office's initials after them ("(MLO), MILGRP;")."""
    people = _people(
        "On April 12, the President of Canada's Verenex Energy, Jim McFarland, briefed the "
        "Ambassador. They met the Resident Representative of the World Bank (WB), Dr. Saad "
        "Elmedani Ahmed. Representatives Peterson (MN), King (IA), Issa (CA), and Carnahan "
        "(MO) came, with Lt. Col. Sam Prugh, acting head of the Military Liaison Office "
        "(MLO), MILGRP; and others. Rep. Issa's meeting will be reported septel.",
        "Embassy Tripoli",
    )
    assert [t["as_written"] for t in people["Jim McFarland"]["titles"]] == [
        "President of Canada's Verenex Energy"
    ]
    assert _expanded(people["Saad Elmedani Ahmed"]) == ["Resident Representative of the World Bank"]
    assert not any("King" in _expanded(p) for p in people.values())
    assert not any(name.upper() == "MILGRP" for name in people)


def test_a_source_s_protection_marking_between_a_name_and_its_apposition() -> None:
    """Regression (set 13's 09LONDON2180: "Judith Gough (Protect), Deputy Head of ..." and
    "John Saltford (Protect), Deputy Team Leader ..." had no title; 172 such markings in
    the dev corpus): "(protect)", "(strictly protect throughout)" after a name are passed
    over to the apposition after them."""
    people = _people(
        "Judith Gough (Protect), Deputy Head of the Security Policy Group, said so. Later, "
        "Neil Zaripov (strictly protect throughout), Ambassador to Chile, agreed.",
        "Embassy London",
    )
    assert _expanded(people["Judith Gough"]) == ["Deputy Head of the Security Policy Group"]
    assert _expanded(people["Neil Zaripov"]) == ["Ambassador to Chile"]


def test_a_body_s_initials_with_a_possessive_own_the_title_after_them() -> None:
    """Regression (set 37's 09TRIPOLI306: "the NOC's chairman, Shukri Ghanem" had
    "chairman", where the cable defines the National Oil Corporation (NOC); dev: "the MFA's
    Deputy Director" gave "Ministry of Foreign Affairs Deputy Director", its possessive
    lost): initials the glossary or the cable knows own the title after them, with the
    possessive as written, before a capitalised title or a lower-case role."""
    people = _people(
        "Libya's National Oil Corporation (NOC) blocked the sale. Two weeks later, the NOC's "
        "chairman, Shukri Ghanem, announced it. Then the MFA's Deputy Director Ali Salem "
        "spoke, and the IOM's regional representative Omar Khalil agreed.",
        "Embassy Tripoli",
    )
    assert _expanded(people["Shukri Ghanem"]) == ["National Oil Corporation's chairman"]
    assert [t["as_written"] for t in people["Ali Salem"]["titles"]] == ["MFA's Deputy Director"]
    assert _expanded(people["Ali Salem"]) == ["Ministry of Foreign Affairs' Deputy Director"]
    assert _expanded(people["Omar Khalil"]) == [
        "International Organization for Migration's regional representative"
    ]


def test_new_before_a_title_is_not_part_of_it() -> None:
    """Regression (sets 4, 36 and 37: "the new Foreign Minister Vanackere", "the new
    Bahrain Institute for Political Development Executive Director", "new Ambassador to
    China" were written without "new" by four of five annotators; GUIDELINES section 53):
    "new" says when the title was taken, not what it is. "former" and "Acting" stay."""
    people = _people(
        "He met the new Foreign Minister Steven Vanackere, former Minister Jean-Luc Dehaene "
        "and Acting Prime Minister Yves Leterme.",
        "Embassy Brussels",
    )
    assert _expanded(people["Steven Vanackere"]) == ["Foreign Minister"]
    assert [t["as_written"] for t in people["Steven Vanackere"]["titles"]] == ["Foreign Minister"]
    assert _expanded(people["Jean-Luc Dehaene"]) == ["former Minister"]
    assert _expanded(people["Yves Leterme"]) == ["Acting Prime Minister"]


def test_charge_d_affaires_misspelt_or_split() -> None:
    """Regression (set 6's 08OSLO458: "Classified By: Charge de Affairs, Kevin M. Johnson"
    expanded to "Charge d'Affaires de Affairs"; dev: "Charge d' Affaires Lisa Kubiske" gave
    a woman named "Affaires Lisa Kubiske", and such names in 17 cables): the misspelt and
    split forms are one title, expanded once."""
    people = _people(
        "He met Charge d'Affairs Tom Smith and Charge d' Affaires Bob Jones, and Charge de "
        "Affairs Kevin M. Johnson.",
        "Embassy Oslo",
    )
    assert set(people) == {"Tom Smith", "Bob Jones", "Kevin M. Johnson"}
    for name in people:
        assert _expanded(people[name]) == ["Charge d'Affaires"]
    assert [t["as_written"] for t in people["Bob Jones"]["titles"]] == ["Charge d' Affaires"]


def test_a_style_of_address_is_no_part_of_a_title() -> None:
    """Regression (10ABUDHABI103: "Excellency Sultan Al-Suwiadi" had the title "Excellency
    Sultan"; dev 08BISHKEK1095: "His Royal Highness Prince"): "Excellency", "Highness" and
    the like address a person; the title after them is the title."""
    people = _people(
        "His Excellency Sheikh Khalid met Her Royal Highness Princess Haya.", "Embassy Manama"
    )
    assert _expanded(people["Khalid"]) == ["Sheikh"]
    assert _expanded(people["Haya"]) == ["Princess"]


def test_a_point_of_contact_is_a_title() -> None:
    """Regression (set 35's 08STATE96188 and set 40's 10STATE1515, read after they were
    measured: "POC is Kyle M. Ballard, Phone: ..." and "POC: Brian Reynolds" had no title;
    15 dev cables): "POC" is a point of contact, a title before a colon or "is" and the
    name."""
    people = _people(
        "Please slug replies for PM/DTCC. POC is Kyle M. Ballard, Phone: 202-663-1929. "
        "SELLER: North West Helicopters Inc. \nPOC: Brian Reynolds \n",
        "Secretary of State",
    )
    assert _expanded(people["Kyle M. Ballard"]) == ["point of contact"]
    assert _expanded(people["Brian Reynolds"]) == ["point of contact"]


def test_charge_d_affaires_with_a_curly_apostrophe_in_a_classifier_s_line() -> None:
    """Regression (dev 09MADRID392, 09BELGRADE841, 04VATICAN3196: "Classified By: Charge
    D’Affaires Arnold A. Chacon" expanded to "Charge d'Affaires D’Affaires", and "Charge
    d’Affaires Chacon" later gave a man named "Affaires ..."): the title is spelt out
    once, whatever its apostrophe and capitals."""
    text = (
        "SUBJECT: SPAIN: GTMO CASE\n\nClassified By: Charge D\u2019Affaires Arnold A. Chacon "
        "for reasons 1.4 (b) and (d).\n\n1. (C) Summary: Charge d\u2019Affaires Chacon met "
        "the AG.\n"
    )
    cable = parse_cable(text, metadata={"origin": "Embassy Madrid"})
    people = extract_entities(cable).to_dict()["people"]
    assert [p["name"] for p in people] == ["Arnold A. Chacon"]
    assert {t["expanded"] for t in people[0]["titles"]} == {"Charge d'Affaires"}


def test_a_field_of_several_words_joined_by_and_before_a_title() -> None:
    """Regression (set 8's 09LONDON2843: "FCO Civil Society and Freedoms Officer Sarah
    Murrell" had "Officer"; dev: "Rural Reconstruction and Development Minister", "National
    Security and Defense Council Secretary"): the field before "and" may have up to three
    words, after a nationality or an article. Not a sentence's first word or a name."""
    people = _people(
        "Belarusian National State Television and Radio Officer Ivan Petrov spoke. The "
        "Rural Reconstruction and Development Minister Ehsan Zia came. He met Ukrainian "
        "National Security and Defense Council Secretary Raisa Bohatyreva. Brown and "
        "Foreign Secretary David Miliband agreed.",
        "Embassy Kyiv",
    )
    assert _expanded(people["Ivan Petrov"]) == ["National State Television and Radio Officer"]
    assert _expanded(people["Ehsan Zia"]) == ["Rural Reconstruction and Development Minister"]
    assert _expanded(people["Raisa Bohatyreva"]) == [
        "National Security and Defense Council Secretary"
    ]
    assert _expanded(people["David Miliband"]) == ["Foreign Secretary"]


def test_a_list_of_fields_in_a_title_s_unit() -> None:
    """Regression (set 8's 08NEWDELHI3116: "Joint Secretary for Pakistan, Afghanistan and
    Iran T.C.A. Raghavan" had no title; set 33's 08LONDON2171: "Director for Russia, South
    Caucuses and Central Asia"; 48 dev titles such as "Minister of Development, Industry,
    and Trade Luiz Furlan" were lost or cut at the first comma): a unit's fields listed
    with commas and "and" are all of the title, written with their commas. Not two titles
    joined by ", and", nor a list that runs into a title or a given name."""
    people = _people(
        "On December 10, Joint Secretary for Pakistan, Afghanistan and Iran T.C.A. Raghavan "
        "met PolCouns. Minister of Development, Industry, and Trade Luiz Furlan spoke. Bob "
        "Hormats, Under Secretary for Economic, Energy, and Agricultural Affairs, came. "
        "Minister of Industry, Tourism and Commerce Miguel Sebastian left. Ambassador Jackie "
        "Wolcott, Special Envoy for Nuclear Nonproliferation, and Special Assistant Marc "
        "Humphrey traveled. The Minister of Defense, and Armed Forces Commander Ali Saleh met.",
        "Embassy New Delhi",
    )
    raghavan = next(p for name, p in people.items() if name.endswith("Raghavan"))
    assert [t["as_written"] for t in raghavan["titles"]] == [
        "Joint Secretary for Pakistan, Afghanistan and Iran"
    ]
    assert _expanded(people["Luiz Furlan"]) == ["Minister of Development, Industry, and Trade"]
    assert _expanded(people["Bob Hormats"]) == [
        "Under Secretary for Economic, Energy, and Agricultural Affairs"
    ]
    assert _expanded(people["Miguel Sebastian"]) == ["Minister of Industry, Tourism and Commerce"]
    assert not any("Assistant" in t for t in _expanded(people["Jackie Wolcott"]))
    assert not _expanded(people["Marc Humphrey"])
    assert _expanded(people["Ali Saleh"]) == ["Armed Forces Commander"]


def test_a_bracketed_apposition_with_its_unit_after_commas() -> None:
    """Regression (set 30's 05THEHAGUE2555: "Ceta Noland (Senior Policy Advisor, Nuclear
    Affairs and Non-Proliferation Division, MFA)" had no title; 6 dev cables): a title in
    brackets goes on over commas to the bracket's close with its unit's and body's
    capitalised words, as written; the body's initials alone after the body's name are
    a gloss. Not a bracket of places."""
    people = _people(
        "Polmiloff delivered ref A points to Ceta Noland\n(Senior Policy Advisor, Nuclear "
        "Affairs and Non-Proliferation\nDivision, MFA) September 20. They met Simon Manley "
        "(Director for Defense at the Foreign and Commonwealth Office, FCO). Policy officer "
        "Dorine Wytema (Israel, Peace Process) came.",
        "Embassy The Hague",
    )
    assert [t["as_written"] for t in people["Ceta Noland"]["titles"]] == [
        "Senior Policy Advisor, Nuclear Affairs and Non-Proliferation Division, MFA"
    ]
    assert _expanded(people["Simon Manley"]) == [
        "Director for Defense at the Foreign and Commonwealth Office"
    ]
    assert _expanded(people["Dorine Wytema"]) == ["Policy officer"]


def test_words_english_writes_in_lower_case_are_a_unit_s() -> None:
    """Regression (set 34's 04THEHAGUE1923: "National Coordinator for Security and Public
    Safety Tjibbe Joustra" gave a man "Safety Tjibbe Joustra"; set 38's 08TRIPOLI554, set
    6's 10BAMAKO54; 339 dev cables, "Chancellor of the Exchequer Darling", "Minister of
    Emergency Situations Sergey Shoygu"): a capitalised word English writes only in lower
    case is a unit's word in a title, not a name's. Not a verb of speech, half of a
    compound, a place's word, a body's name closing an apposition, or a second title's
    start after "and"."""
    people = _people(
        "He met the National Coordinator for Security and Public Safety Tjibbe Joustra. "
        "Minister of Agriculture and Land Reclamation Amin Abaza came. Chancellor of the "
        "Exchequer Darling said so. Nick Clegg, leader of the Liberal Democrats, spoke. "
        "Dr. Ibrahim Shukri, HIB's head of the Follow-up Department, explained it. They "
        "met Mayor of Greater Caracas Antonio Ledezma. Minister of Interior Said Abu Ali "
        "came. Minister of Economics and Deputy Minister President Martin Zeil left.",
        "Embassy Cairo",
    )
    assert _expanded(people["Tjibbe Joustra"]) == [
        "National Coordinator for Security and Public Safety"
    ]
    assert _expanded(people["Amin Abaza"]) == ["Minister of Agriculture and Land Reclamation"]
    assert _expanded(people["Darling"]) == ["Chancellor of the Exchequer"]
    assert _expanded(people["Nick Clegg"]) == ["leader of the Liberal Democrats"]
    assert "Democrats" not in people
    assert not any(t.endswith("Follow") for t in _expanded(people["Ibrahim Shukri"]))
    assert "Caracas Antonio Ledezma" not in people
    assert not any(t.endswith("Said") for p in people.values() for t in _expanded(p))
    assert _expanded(people["Martin Zeil"]) == ["Deputy Minister President"]


def test_polcounselor_is_a_political_counselor() -> None:
    """Regression (set 34's 09STATE34394: "Ambassador Antonio Patriota \\nPolCounselor Carlos
    Ceglia" gave one man "Antonio Patriota PolCounselor Carlos Ceglia", an ambassador; 15
    dev mentions): "PolCounselor" is a title, the staff's way to write Political
    Counselor."""
    people = _people(
        "Brazil: \nAmbassador Antonio Patriota \nPolCounselor Carlos Ceglia \n", "Embassy Brasilia"
    )
    assert _expanded(people["Antonio Patriota"]) == ["Ambassador"]
    assert _expanded(people["Carlos Ceglia"]) == ["Political Counselor"]


def test_more_title_heads_and_ranks() -> None:
    """Regression (set 3's 09AITTAIPEI275: "Special Agent LIN, Jeff" and four more agents
    missed; set 24's 09CAIRO1705: "AU/UN Mediator Djibril Bassole"; 66 dev cables had
    "Registrar Hans Holthuis", "Guide Mehdi Akef", "Corporal Shalit", "Prophet
    Muhammad" as names): Agent, Mediator, Registrar, Prefect, Academician, Commodore,
    Corporal, Columnist, Whip, Sheik, Supreme Guide, Prophet and Baron are titles; a
    rank after a unit is the holder's, not the unit's ("Deputy Director for Protocol
    and Foreign Liaison Commodore Shawney")."""
    people = _people(
        "FBI Special Agent Scott Ryan met Registrar Hans Holthuis, Muslim Brotherhood "
        "Supreme Guide Mehdi Akef and Mediator Djibril Bassole. Corporal Gilad Shalit is "
        "held. They met the Deputy Director for Protocol and Foreign Liaison Commodore "
        "Rakesh Shawney.",
        "Embassy Cairo",
    )
    assert _expanded(people["Scott Ryan"]) == ["Federal Bureau of Investigation Special Agent"]
    assert _expanded(people["Hans Holthuis"]) == ["Registrar"]
    assert _expanded(people["Mehdi Akef"]) == ["Muslim Brotherhood Supreme Guide"]
    assert _expanded(people["Djibril Bassole"]) == ["Mediator"]
    assert _expanded(people["Gilad Shalit"]) == ["Corporal"]
    assert sorted(_expanded(people["Rakesh Shawney"])) == [
        "Commodore",
        "Deputy Director for Protocol and Foreign Liaison",
    ]


def test_a_plural_title_s_list_with_a_gloss_after_each_name() -> None:
    """Regression (set 25's 09THEHAGUE615: "MFA policy officers Dorine Wytema (Israel,
    Peace Process), Michael Thijssen (Palestine), and David Zeverijn (Israel)" gave the
    title to the first only; 29 dev cables, "Presidents Lula da Silva (Brazil), Bachellet
    (Chile) ..."): a bracketed gloss after a listed name is passed over. Not a nickname
    in quotes inside a name."""
    people = _people(
        "MFA policy officers Dorine Wytema (Israel, Peace Process), Michael Thijssen "
        "(Palestine), and David Zeverijn (Israel) responded. Those named are state "
        'legislators Wagner Salustiano (PSDB), Geraldo "Bispo Ge" Tenuta (PFL), and '
        "others.",
        "Embassy The Hague",
    )
    for name in ("Dorine Wytema", "Michael Thijssen", "David Zeverijn"):
        assert _expanded(people[name]) == ["Ministry of Foreign Affairs policy officer"]
    assert "Geraldo" not in people


def test_poldir_is_a_political_director() -> None:
    """Regression (set 43's 09LONDON1644, read after it was measured: "FCO PolDir Mark Lyall
    Grant" had no title; 10 dev cables had people named "PolDir Gerard Araud" and the
    like): "PolDir" is a Political Director."""
    people = _people("Samore met FCO PolDir Mark Lyall Grant.", "Embassy London")
    assert _expanded(people["Mark Lyall Grant"]) == [
        "Foreign and Commonwealth Office Political Director"
    ]


def test_minster_is_a_minister_misspelt() -> None:
    """Regression (29 dev cables: "Prime Minster Meles" gave a man "Minster Meles",
    "Minster Counselor" stayed so): "Minster" is "Minister" misspelt, written as it is and
    spelt out."""
    people = _people("He met Prime Minster Meles Zenawi and Foreign Minster Seyoum Mesfin.")
    assert people["Meles Zenawi"]["titles"] == [
        {"as_written": "Prime Minster", "expanded": "Prime Minister"}
    ]
    assert _expanded(people["Seyoum Mesfin"]) == ["Foreign Minister"]


def test_a_body_s_initials_before_a_field_joined_by_and() -> None:
    """Regression (read set 25's 09LONDON2843: "FCO Civil Society and Freedoms Officer Sarah
    Murrell" had the title without the FCO; 5 dev cables, "MFA Nonproliferation and
    Disarmament Department Head"): a body's initials before a title's field joined by
    "and" are the title's, as they are before a field alone ("FCO Africa Director")."""
    people = _people(
        "FCO Civil Society and Freedoms Officer Sarah Murrell told Poloff. MFA\n"
        "Nonproliferation and Counterterrorism Department Deputy Director Jonathan Miller "
        "agreed.",
        "Embassy London",
    )
    assert _expanded(people["Sarah Murrell"]) == [
        "Foreign and Commonwealth Office Civil Society and Freedoms Officer"
    ]
    # over a line break the initials stay the affiliation's
    assert _expanded(people["Jonathan Miller"]) == [
        "Nonproliferation and Counterterrorism Department Deputy Director"
    ]


def test_two_regions_joined_by_and_before_a_unit_s_title() -> None:
    """Regression (read sets 19, 26 and 37: "FCO Middle East and North Africa Director John
    Jenkins" had the title "Africa Director", "East and Central Africa Deputy Head" was
    "Central Africa Deputy Head", "Colombia and Venezuela Desk Officer" "Desk Officer"; 3
    dev cables, "U.S. and Canada Desk Officer"): two places joined by "and" before a
    unit's or its officer's title are its field, a body's initials before them too; not
    over a sentence's end, nor before a head of state's title."""
    people = _people(
        "A visit by FCO Middle East and North Africa Director John Jenkins, Saoul said. Budd "
        "and East and Central Africa Deputy Head Graham Zebedee came, and FCO Colombia and "
        "Venezuela Desk Officer Tony Kay. He served in Tokyo and Athens. Deputy Foreign "
        "Minister Wafaa Bassim praised him. They met Egypt and Special Envoy Gration.",
        "Embassy London",
    )
    assert _expanded(people["John Jenkins"]) == [
        "Foreign and Commonwealth Office Middle East and North Africa Director"
    ]
    assert _expanded(people["Graham Zebedee"]) == ["East and Central Africa Deputy Head"]
    assert _expanded(people["Tony Kay"]) == [
        "Foreign and Commonwealth Office Colombia and Venezuela Desk Officer"
    ]
    assert _expanded(people["Wafaa Bassim"]) == ["Deputy Foreign Minister"]
    assert _expanded(people["Gration"]) == ["Special Envoy"]


def test_sub_before_a_title_and_spanish_subsecretaries() -> None:
    """Regression (read set 21's 08MADRID996: "MFA Sub-Director General for Mexico ..." read as
    "Director General ..."; 6 dev cables, "Sub-Secretary", "Subsecretary of the Nuevo Leon
    Police"): "Sub-" joined to a title is its word, as "vice-" is; "Subsecretary" and
    "Subdirector" are titles."""
    people = _people(
        "First Sub-Secretary Juan Carlos Navarro spoke, and Subsecretary Filiberto Garza agreed.",
        "Embassy Panama",
    )
    assert _expanded(people["Juan Carlos Navarro"]) == ["Sub-Secretary"]
    assert _expanded(people["Filiberto Garza"]) == ["Subsecretary"]


def test_a_lower_case_desk_officer() -> None:
    """Regression (set 44's 08LONDON1824, read after it was measured: "Cabinet Office MEPP
    desk officer Brian Jones" had the title "officer"; 19 dev cables, "MFA Iraq desk
    officer"): "desk" and "action" are a lower-case role's words."""
    people = _people(
        "FCO Iran desk officer Brian Jones said so, and the action officer Bob Smith agreed.",
        "Embassy London",
    )
    assert _expanded(people["Brian Jones"]) == ["Foreign and Commonwealth Office Iran desk officer"]
    assert _expanded(people["Bob Smith"]) == ["action officer"]


def test_a_body_after_a_country_and_of_owns_the_role() -> None:
    """Regression (read set 16's 10MANAMA15: "the January 5 visit to Bahrain of Hamas
    political director Khalid Mishaal" gave "political director"; 3 dev cables): "of" after
    a country ends no name before the role, so the body before the role is part of it."""
    people = _people(
        "(C) The Foreign Minister spoke about the visit to Bahrain of Hamas political "
        "director Khalid Mishaal.\n"
    )
    assert _expanded(people["Khalid Mishaal"]) == ["Hamas political director"]


def test_a_word_of_praise_before_an_apposition_s_title_is_no_part_of_it() -> None:
    """Regression (set 47's 09CAIRO145, read after it was measured: "Safwat El Sherif, the
    powerful secretary-general of the ruling National Democratic Party" gave no title; 10
    dev cables): an adjective of how the cable sees the holder, after the article, is
    skipped."""
    people = _people(
        "(SBU) Safwat El Sherif, the powerful secretary-general of the ruling National "
        "Democratic Party, welcomed it. Ahmed Ali, the influential Deputy Foreign Minister, "
        "agreed.\n"
    )
    assert _expanded(people["Safwat El Sherif"]) == [
        "secretary-general of the ruling National Democratic Party"
    ]
    assert _expanded(people["Ahmed Ali"]) == ["Deputy Foreign Minister"]


def test_a_two_word_place_across_a_wrapped_line_goes_on_in_a_title() -> None:
    """Regression (set 46's 05SANJOSE1995, read after it was measured: "Director of Costa
    \\nRica's Counter Drug Police Allan Solano" found no one, "ambassador to Saudi
    \\nArabia" made a person "Arabia"; 3 dev cables): a line's end inside a two-word place
    is a space."""
    people = _people(
        "(U) The Senator met the DEA Country Attache, Director of Costa \n"
        "Rica's Counter Drug Police Allan Solano, and the Embassy's officer.\n",
        origin="Embassy San Jose",
    )
    assert _expanded(people["Allan Solano"]) == ["Director of Costa Rica's Counter Drug Police"]


def test_a_form_s_title_line_under_its_name_line() -> None:
    """Regression (set 48's 07REYKJAVIK22, read after it was measured: five nominees
    listed as "Name: ..." then "Title: ..." had no titles; 2 dev cables): the title line
    gives the person's titles, one per part between semicolons or commas before a title's
    first word, a wrapped line read on and a bracketed span of years left out."""
    people = _people(
        "(U) Embassy has chosen the following women. \n \nName: Vigdis Finnbogadottir \n"
        "Title: Former President of Iceland (1980-1996) \nContact information: Ms. Vigdis "
        "Finnbogadottir, Aragotu 2 \n \nName: Valgerdur Sverrisdottir \nTitle: Minister of "
        "Education, Science and Culture; Member of \nParliament, Vice Chairman of the "
        "Independence Party \nInstitution: Cabinet \nContact information: Ms. Valgerdur "
        "Sverrisdottir \n",
        origin="Embassy Reykjavik",
    )
    assert _expanded(people["Vigdis Finnbogadottir"]) == ["former President of Iceland"]
    assert _expanded(people["Valgerdur Sverrisdottir"]) == [
        "Minister of Education, Science and Culture",
        "Member of Parliament",
        "Vice Chairman of the Independence Party",
    ]


def test_an_apposition_s_title_after_initials_no_glossary_knows() -> None:
    """Regression (set 49's 09LONDON2339, read after it was measured: "Sharon McDonald, CBRN
    Terrorism Desk Officer in the Counter-Proliferation Department of the Foreign and
    Commonwealth Office (FCO)," had no title; 17 dev cables): a capitalised word after
    initials the glossary lacks is the title's body, and the chain may close on the body
    it is of or on its initials in brackets."""
    people = _people(
        "(SBU) Poloff delivered the demarche to Sharon McDonald, CBRN Terrorism Desk Officer "
        "in the Counter-Proliferation Department of the Foreign and Commonwealth Office "
        "(FCO), on October 14.\n",
        origin="Embassy London",
    )
    assert _expanded(people["Sharon McDonald"])[0].startswith("CBRN Terrorism Desk Officer in")


def test_a_concept_s_initials_in_a_title_are_spelt_out() -> None:
    """Regression (sets 41 and 44, read: "anti-TIP activist" and "MEPP desk officer" kept
    their initials, which the annotators of every set spell out in a title, 403 of 420
    times; 25 dev cables): a glossary concept's initials in a title are expanded, as a
    body's are, but not in a cable written in capitals, where they may be words."""
    assert expand(["anti-TIP", "activist"], False) == "anti-trafficking in persons activist"
    assert expand(["MEPP", "desk", "officer"], False) == "Middle East Peace Process desk officer"
    assert expand(["CT", "Coordinator"], False) == "counterterrorism Coordinator"
    assert expand(["START", "NEGOTIATOR"], True) == "Start Negotiator"
    people = _people(
        "(U) Cabinet Office MEPP desk officer Brian Jones said the visit went well.\n",
        origin="Embassy London",
    )
    assert "Middle East Peace Process desk officer" in _expanded(people["Brian Jones"])[0]


def test_a_title_of_a_body_in_lower_case_before_a_comma_and_the_name() -> None:
    """Regression (sets 46 and 49's 08BUENOSAIRES83 and 05SANJOSE1995, read: "The Director
    of another major polling firm, Manuel Mora y Araujo," and "the head of the resort's
    ecological development consortium, Mr. Bernardino Rojas," had no title; 14 dev
    cables): a title may run to the comma over a body named in lower case ("firm",
    "consortium", "newspaper", ...), an honorific may stand between the comma and the
    name, and a bracket may close the body before the comma ("(UoB),")."""
    people = _people(
        "(SBU) The Director of another major polling firm, Manuel Mora y Araujo, told the "
        "Ambassador that the rise also reflects two factors.\n"
    )
    assert _expanded(people["Manuel Mora y Araujo"]) == ["Director of another major polling firm"]
    people = _people(
        "(U) The Ambassador toured the resort with the head of the resort's ecological "
        "development consortium, Mr. Bernardino Rojas, who detailed its many efforts.\n"
    )
    assert _expanded(people["Bernardino Rojas"]) == [
        "head of the resort's ecological development consortium"
    ]
    people = _people(
        "(U) The President of the University of Bahrain (UoB), Ebrahim Janahi, welcomed "
        "the delegation.\n",
        origin="Embassy Manama",
    )
    assert _expanded(people["Ebrahim Janahi"]) == ["President of the University of Bahrain"]


def test_a_title_given_as_the_name_s_complement() -> None:
    """Regression (set 49's 09SANJOSE977, read: "Rivas' brother Harold Rivas is the
    Ambassador." had no title; 29 dev cables): "is/was [the] Title" and "was appointed/
    named/elected [as] [the] Title" after a name give it that title, when the title is
    capitalised and closed (not "is the Ambassador's friend", not "is Chairman" before
    another name)."""
    people = _people(
        "(SBU) The cars are assigned to the Nicaraguan Embassy, where Rivas' brother Harold "
        "Rivas is the Ambassador.  Roberto Rivas saved an estimated $95,000.\n",
        origin="Embassy San Jose",
    )
    assert _expanded(people["Harold Rivas"]) == ["Ambassador"]
    people = _people(
        "(U) Mohammed Jbril was named Secretary of Trade Unions, and Salima Abduljabbar "
        "stayed on.\n",
        origin="Embassy Tripoli",
    )
    assert _expanded(people["Mohammed Jbril"]) == ["Secretary of Trade Unions"]
    people = _people("(U) Juan Perez is the Ambassador's oldest friend.\n")
    assert _expanded(people["Juan Perez"]) == []


def test_vice_in_lower_case_begins_a_title() -> None:
    """Regression (set 27's 07HAVANA252, read: a vice-president in lower case had no title;
    4 dev cables): "vice" in lower case is a title's modifier, as "Vice" is ("the vice
    chair of the Independence Party"), and no title alone ("vice versa")."""
    people = _people(
        "(U) He met Juan Perez, the vice chair of the Independence Party, on Monday.\n"
    )
    assert _expanded(people["Juan Perez"]) == ["vice chair of the Independence Party"]
    people = _people("(U) It works vice versa, Juan Perez said.\n")
    assert _expanded(people["Juan Perez"]) == []
