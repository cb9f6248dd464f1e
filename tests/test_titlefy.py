"""titlefy: ALL-CAPS subjects to title case, acronyms kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cablekit.parse.titlefy import titlefy

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "BACK TO THE FUTURE? QADHAFI CALLS FOR DRAMATIC SOCIO-ECONOMIC CHANGE IN GPC SPEECH",
            "Back to the Future? Qadhafi Calls for Dramatic Socio-Economic Change in GPC Speech",
        ),
        ("THE NEW GERMAN CABINET - AN OVERVIEW", "The New German Cabinet - An Overview"),
        (
            "VARIG'S DOWNWARD SPIRAL: WE'LL PAY YOU LATER",
            "VARIG's Downward Spiral: We'll Pay You Later",
        ),
        (
            "63RD UN GENERAL ASSEMBLY: BRAZILIAN PRIORITIES",
            "63rd UN General Assembly: Brazilian Priorities",
        ),
        ("HMG STRESSES U.S.-UK COORDINATION", "HMG Stresses U.S.-UK Coordination"),
        (
            "SUSPENSION OF TITLE III OF THE LIBERTAD ACT ",
            "Suspension of Title III of the Libertad Act",
        ),
        ("Scenesetter for DoD Visit to El Salvador", "Scenesetter for DoD Visit to El Salvador"),
    ],
)
def test_titlefy_examples(raw: str, expected: str) -> None:
    assert titlefy(raw) == expected


def test_titlefy_conformance_vectors() -> None:
    path = SHARED / "conformance" / "cablemap-vectors.json"
    if not path.exists():
        pytest.skip("conformance vectors absent")
    vectors = [v for v in json.loads(path.read_text()) if v["function"] == "titlefy"]
    ok = sum(titlefy(v["input"]) == v["expected"] for v in vectors)
    assert len(vectors) == 35
    assert ok == 35


@pytest.mark.parametrize("junk", ["", "   ", "\x00\x01", "'''", "--", "/ / /", "X" * 10000])
def test_titlefy_never_raises(junk: str) -> None:
    assert isinstance(titlefy(junk), str)
