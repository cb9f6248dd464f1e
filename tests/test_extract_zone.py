"""The annotated zone: where a cable's own text starts, so routing lines name nobody."""

from __future__ import annotations

from cablekit import parse_cable
from cablekit.extract import extract_entities
from cablekit.extract.zone import annotated_zone

# 09TRIPOLI306's head (set 37): no SUBJECT line, E.O. and TAGS run on to a routing line
TRIPOLI = (
    "VZCZCXRO0477\nRR RUEHGA RUEHTRO\nDE RUEHTRO #0306 1051416\nZNR UUUUU ZZH\n"
    "R 151416Z APR 09\nFM AMEMBASSY TRIPOLI\nTO RUEHC/SECSTATE WASHDC 4717\n"
    "RUEHTRO/AMEMBASSY TRIPOLI 5246\nUNCLAS TRIPOLI 000306 \n \nSENSITIVE \nSIPDIS \n \n"
    "CAIRO FOR FINANCIAL ATTACHE (SEVERENS) \n"
    "LONDON AND PARIS FOR NEA WATCHER E.O. 12958: N/A TAGS: ECON EINV EPET LY\n\n"
    "1.(SBU) Summary. On April 12, the President of Canada's Verenex Energy, Jim "
    "McFarland, briefed the Ambassador.\n"
)


def test_tags_run_on_to_a_routing_line_start_the_zone_after_them() -> None:
    """Regression (set 37, 09TRIPOLI306): with no SUBJECT line and E.O./TAGS at the end
    of an addressee line, the zone was the whole text: "FM AMEMBASSY TRIPOLI" and "LONDON
    ... ATTACHE" were people. The line after the run-on TAGS starts it, as GUIDELINES
    section 2 says; an extract's single run-on line (no routing lines) keeps its text."""
    z = annotated_zone(TRIPOLI)
    assert z.start == TRIPOLI.index("\n", TRIPOLI.index("TAGS:")) + 1
    assert "AMEMBASSY" not in z.text and "ATTACHE" not in z.text
    cable = parse_cable(TRIPOLI, "09TRIPOLI306", metadata={"origin": "Embassy Tripoli"})
    names = {p["name"] for p in extract_entities(cable).to_dict()["people"]}
    assert names == {"Jim McFarland"}
    two = TRIPOLI.replace(" TAGS: ECON", "\nCAIRO FOR FCS (ORTIZ) TAGS: ECON")
    assert annotated_zone(two).start == two.index("\n", two.index("TAGS:")) + 1  # the last
    extract = "Cable dated:2005-11-29T14:19:00S E C R E T CAIRO 008938 E.O. 12958: DECL: "
    extract += "11/28/2015 TAGS: PTER SUBJECT: TALKS 1. (S) FM Aboul Gheit said.\n"
    assert annotated_zone(extract).start == 0


def test_a_ref_block_s_lettered_items_stay_out_of_the_zone() -> None:
    """Regression (set 35, 06SAOPAULO278; 81 dev cables): a REF block ended at its second
    line, "(B) BRASILIA 460", which reads as a portion marking, so the post's name was a
    person or a place of the cable. Lettered items naming a post or an office and a
    number go on with the block; a marked paragraph after it does not."""
    text = (
        "SUBJECT: ALCKMIN IS PSDB CANDIDATE \n\nREF: (A) BRASILIA 502; \n(B) BRASILIA 460 \n"
        "(C) 05 SAO PAULO 260 \n(C) Senator Tasso Jereissati spoke in Recife.\n"
    )
    z = annotated_zone(text)
    assert "BRASILIA" not in z.text and "SAO PAULO" not in z.text
    assert "(C) Senator Tasso Jereissati spoke in Recife." in z.text


def test_web_addresses_are_out_of_the_zone() -> None:
    """Regression (sets 9 and 17, 08ANKARA537 and 08ANKARA1472): Embassy Ankara's closing
    line "Visit Ankara's Classified Web Site at http://www.intelink.sgov.gov/wiki/Portal:Turk
    ey" gave a man named Turk. No gold set marks anything inside a web address."""
    text = (
        "SUBJECT: ALEVIS\n\n1. (C) Alevis met in Ankara.\n\nVisit Ankara's Classified Web Site "
        "at \nhttp://www.intelink.sgov.gov/wiki/Portal:Turk ey \n\nWILSON\n"
    )
    z = annotated_zone(text)
    assert "intelink" not in z.text and "Turk " not in z.text and "Alevis met" in z.text
    cable = parse_cable(text, "08ANKARA537", metadata={"origin": "Embassy Ankara"})
    assert {p["name"] for p in extract_entities(cable).to_dict()["people"]} == {"Wilson"}


def test_a_reference_item_marked_with_a_pilcrow_is_out_of_the_zone() -> None:
    """Regression (sets 10 and 38: "REF: A. SECSTATE 207359 \\n \\n ¶B. SAN JOSE 21" and a
    "¶B. SANTO DOMINGO 12" whose "REF:" was lost gave a man named "B. San Jose"; 39 dev
    cables): a "¶" lettered reference item is blanked with the citations and capitals on
    its line ("NOTAL"); a paragraph run on to it is kept."""
    text = (
        "SUBJECT: COSTA RICA: TITLE III\n \nREF: A. SECSTATE 207359 \n \n     ¶B. SAN JOSE 21 \n"
        "¶C. DUBLIN 888 NOTAL \n¶D. SANTO DOMINGO 2223 (NOTAL) \n"
        "¶E. STATE 32599 ____ (SBU) Post met Minister Bruno Stagno.\n"
    )
    z = annotated_zone(text)
    assert "SAN JOSE" not in z.text and "NOTAL" not in z.text and "32599" in z.text
    assert "SANTO DOMINGO" not in z.text
    cable = parse_cable(text, "05SANJOSE2744", metadata={"origin": "Embassy San Jose"})
    names = {p["name"] for p in extract_entities(cable).to_dict()["people"]}
    assert names == {"Bruno Stagno"}


def test_a_page_marker_run_into_a_line_is_out_of_the_zone() -> None:
    """Regression (the gold set's 08BRUSSELS1257: "EU POLICY PLANNING CHIEF BRUSSELS
    00001257 001.2 OF 002" gave a man "Brussels"; 39 dev cables, "Jahmi Tripoli", "Jeffrey
    Kupfer London"): a page marker run into a line is blanked with the post's words
    before it, as far as they spell the start of the cable id's post ("BUENOS AIR" of
    06BUENOSAIRES118); the words before them stay."""
    text = (
        "SUBJECT: X\n\n1. (C) EU POLICY PLANNING CHIEF BRUSSELS 00001257 001.2 OF 002 "
        "consider options.\n"
    )
    zone = annotated_zone(text, "08BRUSSELS1257").text
    assert "CHIEF " in zone and "BRUSSELS" not in zone and "OF 002" not in zone
    text = "SUBJECT: X\n\n1. (C) Talk BUENOS AIR 00000118 002 OF 003 more.\n"
    zone = annotated_zone(text, "06BUENOSAIRES118").text
    assert "Talk " in zone and "BUENOS" not in zone and "more." in zone


def test_a_reference_block_s_lettered_item_after_a_blank_line() -> None:
    """Regression (set 45's 03THEHAGUE2597, read after it was measured: "¶B. WITMER-HOLLIDAY
    EMAILS 9-22 THRU 10-7" after a blank line gave a man "B. Witmer-Holliday Emails"; 4
    dev cables): a REF block goes on over a blank line to a lettered item in capitals."""
    text = (
        "SUBJECT: DUTCH PUSH FOR TAYLOR TO FACE SPECIAL COURT\n\n"
        "REF: A. RICHARD-WITMER EMAIL 10/9 \n\n\u00b6B. WITMER-HOLLIDAY EMAILS 9-22 THRU 10-7 \n\n"
        "Classified By: PolCouns Mary E. Daly reasons 1.5 (b) \n\n1. (C) Dutch officials "
        "agreed.\n"
    )
    z = annotated_zone(text)
    assert "WITMER" not in z.text and "Mary E. Daly" in z.text
