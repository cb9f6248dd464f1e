"""Known surnames: a bare "Musharraf" is a person; the list is built from the corpus
without the hand-annotated cables, and only from words that are names."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from cablekit import parse_cable
from cablekit.extract import extract_entities
from cablekit.extract.lexicon import lexicon

ROOT = Path(__file__).resolve().parents[1]


def _tool():
    spec = importlib.util.spec_from_file_location("bkp", ROOT / "tools" / "build_known_people.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _record(ref: str, sentence: str) -> dict[str, str]:
    return {"id": ref, "header": "", "body": f"SUBJECT: TEST\n\n1. (C) {sentence}\n"}


def test_the_build_lists_titled_full_names_seen_in_enough_cables() -> None:
    tool = _tool()
    records = [
        _record(f"09X{i}", "President Pervez Musharraf met Minister Omar Green on the green lawn.")
        for i in range(3)
    ] + [_record("09X9", "Foreign Minister Khalid Mohammed and Mohammed Ali Zardari spoke.")]
    rows = tool.known_surnames(records, min_cables=3)
    assert [r[:2] for r in rows] == [("Musharraf", "Pervez Musharraf")]  # "green": lower case
    assert rows[0][2] == 3
    assert tool.known_surnames(records, min_cables=4) == []
    excluded = tool.known_surnames(records, min_cables=3, exclude={"09X0"})
    assert excluded == []  # the annotated cables are never read


def test_the_shipped_list_leaves_out_the_annotated_cables_and_common_words() -> None:
    tool = _tool()
    ids = tool.annotated_ids()
    assert len(ids) >= 48
    lex = lexicon()
    assert len(lex.known_surnames) > 500
    for surname in lex.known_surnames:
        assert surname.casefold() not in lex.common
        assert surname.casefold() not in lex.places
        assert surname not in lex.demonyms
    header = (tool.OUT).read_text("utf-8").splitlines()[1]
    assert "hand-annotated cables left out" in header


def test_a_known_surname_alone_is_a_person() -> None:
    text = (
        "SUBJECT: TEST\n\n1. (C) He met with Musharraf and Erdogan. The Obama-Medvedev "
        "summit went well. The Franco-German plan and Costa Rican officials.\n"
    )
    people = {p.name for p in extract_entities(parse_cable(text, "09TEST1")).people}
    assert {"Musharraf", "Erdogan", "Obama", "Medvedev"} <= people
    assert not people & {"Franco", "Costa"}
