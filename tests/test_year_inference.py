"""The year of a cable that lost its routing header, inferred from what the text says."""

from __future__ import annotations

from cablekit import parse_cable


def cable(decl: str, reasons: str = "1.4 (b) and (d)", eo: str = "12958", text: str = "") -> str:
    return (
        "C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 000392\n\n"
        f"E.O. {eo}: DECL: {decl}\n\n"
        f"Classified By: Political M/C Eric Green for reasons {reasons}.\n\n"
        f"1. (C) {text or 'Text.'}\n"
    )


def test_ten_years_before_the_declassification_date_is_the_default() -> None:
    c = parse_cable(cable("06/05/2019"))
    assert c.reference_id == "09MOSCOW392"
    assert c.created == "2009"
    assert any("inferred from the declassification date" in w for w in c.warnings)


def test_the_executive_order_bounds_the_year() -> None:
    # E.O. 12958 was replaced at the end of 2009: DECL 2029 means 20 years, not 10.
    assert parse_cable(cable("12/01/2029")).reference_id == "09MOSCOW392"
    # E.O. 13526 came in at the end of 2009.
    assert parse_cable(cable("01/15/2020", eo="13526")).reference_id == "10MOSCOW392"


def test_reasons_numbered_1_4_exist_from_2003_on() -> None:
    # DECL 2008: not 1998 (1.4 did not exist yet), so a 5-year declassification.
    assert parse_cable(cable("06/03/2008")).reference_id == "03MOSCOW392"
    assert parse_cable(cable("06/03/2008", reasons="1.5 (b)")).reference_id == "98MOSCOW392"


def test_a_past_event_after_the_declassification_day_means_the_next_year() -> None:
    # 10MOSCOW392 was written on 2010-02-22 but declassifies on 2019-02-21; it reports
    # a meeting held in November 2009 as past, so it cannot be from February 2009.
    text = "The commission met in November 2009. A meeting is planned in March 2010."
    assert parse_cable(cable("02/21/2019", text=text)).reference_id == "10MOSCOW392"


def test_a_future_event_does_not_move_the_year() -> None:
    text = "The talks will be held in January 2010."
    assert parse_cable(cable("06/05/2019", text=text)).reference_id == "09MOSCOW392"


def test_a_routing_header_wins_over_inference() -> None:
    header = "P 221132Z FEB 10\nFM AMEMBASSY MOSCOW\nTO RUEHC/SECSTATE WASHDC PRIORITY 6552\n"
    c = parse_cable(header + cable("02/21/2019"))
    assert c.reference_id == "10MOSCOW392"
    assert c.created == "2010-02-22T11:32Z"
    assert not any("inferred" in w for w in c.warnings)
