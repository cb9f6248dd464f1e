"""The synthetic benchmark corpus: deterministic, new ids, readable by the parser, not a copy."""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

from cablekit import parse_cable

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "corpus" / "cables-dev.jsonl.gz"
COUNT = 400

if not SOURCE.exists():
    pytest.skip("the dev corpus is absent", allow_module_level=True)

_spec = importlib.util.spec_from_file_location(
    "synth_corpus", ROOT / "benchmarks" / "synth_corpus.py"
)
assert _spec and _spec.loader
synth = importlib.util.module_from_spec(_spec)
sys.modules["synth_corpus"] = synth  # dataclasses look their module up there
_spec.loader.exec_module(synth)


def _read(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@pytest.fixture(scope="module")
def real() -> list[dict]:
    return _read(SOURCE)


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "a.jsonl.gz"
    n, raw = synth.write_corpus(out, COUNT, seed=7, source=SOURCE)
    assert n == COUNT and raw > 0
    return out


@pytest.fixture(scope="module")
def records(output: Path) -> list[dict]:
    return _read(output)


def test_same_seed_same_bytes(output: Path, tmp_path: Path) -> None:
    again = tmp_path / "b.jsonl.gz"
    synth.write_corpus(again, COUNT, seed=7, source=SOURCE)
    assert (
        hashlib.sha256(again.read_bytes()).digest() == hashlib.sha256(output.read_bytes()).digest()
    )
    other = tmp_path / "c.jsonl.gz"
    synth.write_corpus(other, 50, seed=8, source=SOURCE)
    assert [r["id"] for r in _read(other)] != [r["id"] for r in _read(again)[:50]]


def test_format_is_the_dev_corpus_format(records: list[dict], real: list[dict]) -> None:
    assert len(records) == COUNT
    assert all(list(r) == list(real[0]) for r in records)
    assert all(re.fullmatch(r"\d\d[A-Z]+\d+", r["id"]) for r in records)
    assert all(r["header"] and r["body"] for r in records)


def test_ids_unique_and_new(records: list[dict], real: list[dict]) -> None:
    ids = [r["id"] for r in records]
    assert len(set(ids)) == len(ids)
    assert not set(ids) & {r["id"] for r in real}


def test_parser_reads_the_new_id_back(records: list[dict]) -> None:
    ok = sum(parse_cable(r["header"] + "\n" + r["body"]).reference_id == r["id"] for r in records)
    assert ok >= 0.99 * len(records), ok


def test_routing_and_classification_line_follow_the_id(records: list[dict]) -> None:
    for r in records:
        serial = int(re.match(r"\d\d[A-Z]+?(\d+)$", r["id"]).group(1))
        assert re.search(rf"\s0*{serial}\s*$", r["body"][:3000], re.MULTILINE), r["id"]
        de = re.search(r"^DE [A-Z]+ #(\d+)", r["header"], re.MULTILINE)
        if de:
            assert int(de.group(1)) == serial % 10000, r["id"]


def test_no_body_is_a_real_body(records: list[dict], real: list[dict]) -> None:
    bodies = {r["body"] for r in real}
    assert not any(r["body"] in bodies for r in records)


def test_paragraphs_come_from_several_cables(records: list[dict], real: list[dict]) -> None:
    # Where each numbered paragraph (its opening words) occurs among the real cables.
    para = re.compile(r"^\s{0,4}\d{1,2}\s?[.)]\s*(.{20,80})", re.MULTILINE)
    where: dict[str, set[str]] = {}
    for r in real:
        for m in para.finditer(r["body"]):
            where.setdefault(m.group(1), set()).add(r["id"])
    checked = single_source = 0
    for r in records:
        sources = [where[m.group(1)] for m in para.finditer(r["body"]) if m.group(1) in where]
        if len(sources) >= 3:
            checked += 1
            single_source += bool(set.intersection(*sources))
    assert checked > COUNT // 2
    assert single_source <= 0.03 * checked, (single_source, checked)


def test_sizes_follow_the_real_distribution(records: list[dict], real: list[dict]) -> None:
    def median(xs: list[int]) -> float:
        xs = sorted(xs)
        return xs[len(xs) // 2]

    syn = median([len(r["body"]) for r in records])
    ref = median([len(r["body"]) for r in real])
    assert 0.8 * ref < syn < 1.25 * ref, (syn, ref)


def test_paragraphs_renumbered_in_order(records: list[dict]) -> None:
    renumbered = 0
    for r in records:
        numbers = [
            int(m.group(1))
            for m in re.finditer(r"^\s{0,4}(\d{1,2})\s?[.)]", r["body"], re.MULTILINE)
        ]
        if len(numbers) >= 3 and numbers[:3] == [1, 2, 3]:
            renumbered += 1
    assert renumbered >= 0.6 * len(records)
