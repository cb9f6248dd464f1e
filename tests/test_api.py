"""The Python API: ``read``, ``parse_cable``, ``Cable.to_dict``."""

from __future__ import annotations

import json

from conftest import SEED

import cablekit
from cablekit import parse_cable

SEED_IDS = ["09MOSCOW1488", "10MOSCOW392", "10BAKU134", "09MOSCOW2529"]


def test_read_a_path_finds_the_four_cables_of_the_seed_page_in_order() -> None:
    cables = list(cablekit.read(SEED))
    assert [c.reference_id for c in cables] == SEED_IDS
    assert [c.origin for c in cables] == ["Embassy Moscow"] * 2 + ["Embassy Baku", "Embassy Moscow"]


def test_read_a_string_of_text_reads_the_text_itself(seed_text: str) -> None:
    assert [c.reference_id for c in cablekit.read(seed_text)] == SEED_IDS


def test_seed_cables_say_their_year_was_inferred(seed_text: str) -> None:
    for cable in cablekit.read(seed_text):
        assert any("inferred" in w for w in cable.warnings), cable.warnings
        assert cable.created and cable.created[:2] in {"20"}


def test_seed_cable_source_lines_point_into_the_page(seed_text: str) -> None:
    lines = seed_text.splitlines()
    for cable in cablekit.read(seed_text):
        first = lines[cable.source.start_line - 1]
        assert first.strip() == cable.text.splitlines()[0].strip()
    last = list(cablekit.read(seed_text))[-1]
    assert "კომენტარის" not in last.text and "Log Out" not in last.text
    assert last.text.rstrip().endswith("ASD Vershbow has cleared this cable.")


def test_to_dict_is_the_json_record(corpus: list[dict]) -> None:
    record = next(r for r in corpus if r["id"] == "09MOSCOW1488")
    cable = parse_cable(record["header"] + "\n" + record["body"])
    as_dict = cable.to_dict()
    assert json.loads(cable.to_json()) == as_dict
    assert as_dict["reference_id"] == "09MOSCOW1488"
    assert as_dict["created"].startswith("2009-06-05T13:06")
    assert as_dict["precedence"] == "PRIORITY"
    assert as_dict["routing"]["fm"] == "AMEMBASSY MOSCOW"
    assert as_dict["routing"]["to"][0] == {
        "route": "RUEHC",
        "name": "SECSTATE WASHDC",
        "precedence": "PRIORITY",
        "mcn": "3659",
    }
    assert as_dict["tags"] == ["PGOV", "PREL", "IR", "IS", "SY", "GG", "RS"]
    assert as_dict["subject"] == "ISRAELI FM LIEBERMAN IN MOSCOW"
    assert as_dict["section_count"] == 2
    assert as_dict["declassify_on"] == "2019-06-05"
    assert as_dict["eo"] == "12958"
    assert as_dict["classified_by"]["reasons"] == ["1.4(b)", "1.4(d)"]
    assert as_dict["summary"].startswith("Israeli FM Lieberman's June 2-3 visit")
    assert "MOSCOW 00001488" not in as_dict["body"]
    assert all(key == key.lower() for key in as_dict)


def test_a_known_reference_id_gives_bare_references_their_year() -> None:
    text = (
        "E.O. 12958: DECL: 06/05/2019\nTAGS: PREL\nSUBJECT: TEST\n\n"
        "REF: A. TBILISI 1605 B. 08 STATE 12\n\n1. (C) Text.\n"
    )
    cable = parse_cable(text, reference_id="07TBILISI1732")
    assert [r.reference_id for r in cable.references] == ["07TBILISI1605", "08STATE12"]
    assert [r.letter for r in cable.references] == ["A", "B"]


def test_canonical_reference_id_of_a_malformed_id() -> None:
    assert cablekit.canonical_reference_id("08SECTON01OF02BEIRUT896") == "08BEIRUT896"


def test_the_bundled_sample_reads_with_its_own_metadata() -> None:
    """samples/cables-sample.jsonl: 25 cables, each read with the site's metadata."""
    sample = SEED.with_name("cables-sample.jsonl")
    records = [json.loads(line) for line in sample.read_text(encoding="utf-8").splitlines()]
    cables = list(cablekit.read(sample))
    assert [c.reference_id for c in cables] == [r["id"] for r in records]
    assert [c.origin for c in cables] == [r["origin"] for r in records]
    assert all(c.source.format == "jsonl" for c in cables)


def test_handling_is_read_below_the_real_classification_line(corpus: list[dict]) -> None:
    """Regression: a dump's classification column above the text ("UNCLASSIFIED//FOR
    OFFICIAL USE ONLY") hid the SENSITIVE caveat under the cable's own UNCLAS line."""
    record = next(r for r in corpus if r["id"] == "06MEXICO1476")
    cable = parse_cable(record["header"] + "\n" + record["body"])
    assert cable.reference_id == "06MEXICO1476"
    assert "SENSITIVE" in cable.handling and "SIPDIS" in cable.handling
