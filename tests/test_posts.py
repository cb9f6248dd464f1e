"""Post names: FM lines and bare posts -> the Cablegate site's origin names."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from cablekit.parse.posts import origin_for_fm, origin_for_post

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus" / "cables-dev.jsonl.gz"


@pytest.mark.parametrize(
    ("fm", "origin"),
    [
        ("AMEMBASSY MOSCOW", "Embassy Moscow"),
        ("AMEMBASSY THE HAGUE", "Embassy The Hague"),
        ("AMEMBASSY PORT AU PRINCE", "Embassy Port Au Prince"),
        ("AMEMBASSY KIEV", "Embassy Kyiv"),
        ("AMEMBASSY TRIPOLI LY", "Embassy Tripoli"),
        ("AMCONSUL DUBAI", "Consulate Dubai"),
        ("AMCONSUL CALCUTTA", "Consulate Kolkata"),
        ("AMCONSUL RIO DE JANEIRO", "Consulate Rio De Janeiro"),
        ("SECSTATE WASHDC", "Secretary of State"),
        ("USEU BRUSSELS", "USEU Brussels"),
        ("USMISSION USNATO", "Mission USNATO"),
        ("USMISSION GENEVA", "US Mission Geneva"),
        ("USMISSION UNVIE VIENNA", "UNVIE"),
        ("USMISSION USUN NEW YORK", "USUN New York"),
        ("AIT TAIPEI", "American Institute Taiwan, Taipei"),
        ("USINT HAVANA", "US Interests Section Havana"),
        ("USLO TRIPOLI", "Embassy Tripoli"),
        ("REO BASRAH", "REO Basrah"),
        ("IRAN RPO DUBAI", "Iran RPO Dubai"),
        ("RPO DUBAI", "Iran RPO Dubai"),
        ("USDEL SECRETARY//EUROPE//", "US Delegation, Secretary"),
        ("RUEHMO/AMEMBASSY MOSCOW", "Embassy Moscow"),
        ("  amembassy   moscow ", "Embassy Moscow"),
    ],
)
def test_origin_for_fm(fm: str, origin: str) -> None:
    assert origin_for_fm(fm) == origin


@pytest.mark.parametrize(
    ("post", "origin"),
    [
        ("MOSCOW", "Embassy Moscow"),
        ("THE HAGUE", "Embassy The Hague"),
        ("THEHAGUE", "Embassy The Hague"),
        ("DUBAI", "Consulate Dubai"),
        ("SAO PAULO", "Consulate Sao Paulo"),
        ("STATE", "Secretary of State"),
        ("USEUBRUSSELS", "USEU Brussels"),
        ("USUNNEWYORK", "USUN New York"),
        ("USUN NEW YORK", "USUN New York"),
        ("USNATO", "Mission USNATO"),
        ("UNVIE VIENNA", "UNVIE"),
        ("GENEVA", "US Mission Geneva"),
        ("HAVANA", "US Interests Section Havana"),
        ("RPO DUBAI", "Iran RPO Dubai"),
        ("KIEV", "Embassy Kyiv"),
        ("CALCUTTA", "Consulate Kolkata"),
        ("NEW DELHI", "Embassy New Delhi"),
        ("SECTION 02 OF 03QRIPOLI", "Embassy Tripoli"),
    ],
)
def test_origin_for_post(post: str, origin: str) -> None:
    assert origin_for_post(post) == origin


@pytest.mark.parametrize("value", ["", "   ", "\x00\x01", "12345", "SECTION 01 OF", "XXXXXXXX"])
def test_nothing_to_name(value: str) -> None:
    assert origin_for_post(value) is None
    assert origin_for_fm(value) is None


def test_no_raise_on_odd_types() -> None:
    assert origin_for_fm(None) is None  # type: ignore[arg-type]
    assert origin_for_post(None) is None  # type: ignore[arg-type]
    assert origin_for_fm("AMEMBASSY " + "X" * 10000).startswith("Embassy")


_CLASS_LINE = re.compile(
    r"^(?:UNCLAS|C O N F I D E N T I A L|S E C R E T)\s+(?:SECTION\s+\d+\s+OF\s+\d+\s+)?"
    r"([A-Z][A-Z ]+?)\s+0*\d+\s*$"
)


@pytest.fixture(scope="module")
def records() -> list[dict]:
    if not CORPUS.exists():
        pytest.skip("shared corpus absent")
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def test_corpus_origin_from_fm(records: list[dict]) -> None:
    """Measured 1.000 (4,855 of 4,855 FM lines)."""
    total = ok = 0
    for r in records:
        fm = next((ln[3:] for ln in r["header"].split("\n") if ln.startswith("FM ")), None)
        if fm is None:
            continue
        total += 1
        ok += origin_for_fm(fm) == r["origin"]
    assert total > 4000
    assert ok / total >= 0.995, (ok, total)


def test_corpus_origin_from_classification_post(records: list[dict]) -> None:
    """Measured 0.996 over 5,116 classification lines; USEU cables say only BRUSSELS."""
    total = ok = 0
    for r in records:
        for line in r["body"].split("\n")[:4]:
            m = _CLASS_LINE.match(line.strip())
            if m:
                total += 1
                ok += origin_for_post(m.group(1)) == r["origin"]
                break
    assert total > 4500
    assert ok / total >= 0.99, (ok, total)
