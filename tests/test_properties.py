"""No input, however broken, makes the parser or the reader raise."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cablekit
from cablekit import parse_cable

# Lines built from the pieces cables are made of, so that the parser's own
# branches are reached, mixed with arbitrary text.
CABLE_BITS = [
    "C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 001488",
    "UNCLAS SECTION 02 OF 0",
    "S E C R E T STATE",
    "VZCZCXRO1697",
    "DE RUEHMO #1488/01 1561306",
    "P 051306Z JUN 09",
    "P 991399Z XXX 99",
    "FM AMEMBASSY",
    "TO RUEHC/SECSTATE WASHDC PRIORITY 3659",
    "INFO RUEHXK/",
    "E.O. 12958: DECL: 06/05/2019",
    "E.O. 12958: DECL: 99/99/9999",
    "TAGS: PGOV PREL",
    "TAGS:",
    "SUBJECT: ISRAELI FM",
    "REF: A. 09 MOSCOW 1488 B. STATE",
    "REF: (",
    "Classified By: Political M/C Alice G. Wells for reasons 1.4 (b/d).",
    "Classified By:",
    "1. (C) Summary: Israeli FM Lieberman",
    "End summary.",
    "2. (",
    "MOSCOW 00001488  002 OF 002",
    "BEYRLE",
    "Friday, 23 February 2001, 15:53",
    "-------",
    "",
]

lines = st.one_of(st.sampled_from(CABLE_BITS), st.text(max_size=80))
cable_like = st.lists(lines, max_size=40).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cable_like, st.one_of(st.none(), st.text(max_size=30), st.just("09MOSCOW1488")))
def test_parse_cable_never_raises(text: str, reference_id: str | None) -> None:
    cable = parse_cable(text, reference_id=reference_id)
    assert cable.text == text
    cable.to_json()  # always serialisable


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cable_like)
def test_read_never_raises_on_text(text: str) -> None:
    for cable in cablekit.read("\n" + text + "\n"):
        assert cable.text


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=40))
def test_canonical_reference_id_never_raises(value: str) -> None:
    assert isinstance(cablekit.canonical_reference_id(value), str)
