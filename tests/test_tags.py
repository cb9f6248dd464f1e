"""TAGS line parsing and tag kinds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cablekit.parse.preamble import parse_tags
from cablekit.parse.tags import tag_kind

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _vectors(function: str) -> list[dict]:
    path = SHARED / "conformance" / "cablemap-vectors.json"
    if not path.exists():
        pytest.skip("conformance vectors absent")
    return [v for v in json.loads(path.read_text()) if v["function"] == function]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("E.O. 12958: DECL: 06/05/2019\nTAGS: PREL PGOV PTER IN CE LTTE\nSUBJECT: X", None),
        ("TAGS PREL, PGOV, SF\n", ["PREL", "PGOV", "SF"]),
        (
            "E.O. 12958: N/A\nTAGS: KCRM KWMN ASEC PHUMBA\nSUBJECT: X",
            ["KCRM", "KWMN", "ASEC", "PHUM", "BA"],
        ),
        # continuation line that runs into SUBJECT
        (
            "TAGS: OVIP RICE CONDOLEEZZA PREL PHSA SP KV CU\nBL, IS\nSUBJECT: Secretary Rice",
            ["OVIP", "RICE, CONDOLEEZZA", "PREL", "PHSA", "SP", "KV", "CU", "BL", "IS"],
        ),
        # a line after the TAGS line that is body text is not taken
        ("TAGS: PREL VT\n\n(SBU) Charge d'affaires spoke", ["PREL", "VT"]),
        # press format: everything on one line
        (
            "E.o. 12958: decl: 01/07/2014 Tags: prel, pgov, pins, tu Subject: turkish p.m.",
            ["PREL", "PGOV", "PINS", "TU"],
        ),
        ("TAGS: PREL, UNGA/C-6\nSUBJECT: X", ["PREL", "UNGA/C-6"]),
    ],
)
def test_parse_tags(text: str, expected: list[str] | None) -> None:
    got = parse_tags(text)
    if expected is None:
        expected = ["PREL", "PGOV", "PTER", "IN", "CE", "LTTE"]
    assert got == expected


def test_tags_conformance_vectors() -> None:
    vectors = [v for v in _vectors("tags") if (v.get("context") or {}).get("canonicalize", True)]
    ok = sum(parse_tags(v["input"]) == v["expected"] for v in vectors)
    assert len(vectors) == 81
    assert ok >= 81


def test_tag_kind_vectors() -> None:
    vectors = _vectors("tag_kind")
    for v in vectors:
        kwargs = {"default": v["context"]["default"]} if v.get("context") else {}
        assert tag_kind(v["input"], **kwargs) == v["expected"], v["input"]


@pytest.mark.parametrize(
    ("tag", "kind"),
    [
        ("PREL", "SUBJECT"),
        ("KPAO", "PROGRAM"),
        ("RS", "GEO"),
        ("NATO", "ORG"),
        ("OBAMA, BARACK", "PERSON"),
    ],
)
def test_tag_kind(tag: str, kind: str) -> None:
    assert tag_kind(tag) == kind


@pytest.mark.parametrize("junk", ["", "TAGS:", "TAGS: ,,,;;", "tags " * 5000, "\x00TAGS:\x00\x01"])
def test_parse_tags_never_raises(junk: str) -> None:
    assert isinstance(parse_tags(junk), list)
    assert isinstance(tag_kind(junk), str)
