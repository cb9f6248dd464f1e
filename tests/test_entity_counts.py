"""Entity counts after an ingest are recounted only for the entities it touched; the
result must equal counting everything at once (a regression guard for the incremental
count of schema 4)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cablekit.store import Library


def _write(path: Path, records: list[dict]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def _snapshot(library: Library) -> dict[tuple[str, str], tuple[Any, ...]]:
    db = library.store.db
    key = dict(((i), (k, key)) for i, k, key in db.execute("SELECT id, kind, key FROM entities"))
    return {
        key[i]: (cables, own, first, last, own_first, own_last, aff, key.get(alias))
        for i, cables, own, first, last, own_first, own_last, aff, alias in db.execute(
            "SELECT id, cables, own_cables, first_seen, last_seen, own_first, own_last,"
            " affiliation, alias_of FROM entities"
        )
    }


def _brute_force(library: Library) -> dict[int, tuple[int, str | None, str | None]]:
    """Each entity's (cables, first, last) from the mentions and the cables table alone."""
    db = library.store.db
    head = {
        i: a if a is not None else i for i, a in db.execute("SELECT id, alias_of FROM entities")
    }
    created = dict(db.execute("SELECT reference_id, created FROM cables"))
    members: dict[int, set[str]] = {}
    own: dict[int, set[str]] = {}
    for ident, ref in db.execute("SELECT entity_id, reference_id FROM mentions"):
        own.setdefault(ident, set()).add(ref)
    for ident, refs in own.items():
        members.setdefault(head[ident], set()).update(refs)
    out = {}
    for ident, alias in db.execute("SELECT id, alias_of FROM entities"):
        refs = own.get(ident, set()) if alias is not None else members.get(ident, set())
        dates = [created[r] for r in refs]
        out[ident] = (len(refs), min(dates, default=None), max(dates, default=None))
    return out


@pytest.fixture(scope="module")
def inputs(corpus: list[dict], tmp_path_factory) -> tuple[str, str]:
    base = tmp_path_factory.mktemp("counts")
    first, second = corpus[:150], corpus[150:300]
    # new, shorter versions of some cables of the first file: entities they lose and gain
    changed = [{**r, "body": r["body"][: len(r["body"]) // 2]} for r in first[::5]]
    return _write(base / "a.jsonl", first), _write(base / "b.jsonl", second + changed)


def test_two_ingests_count_as_one(inputs: tuple[str, str], tmp_path: Path) -> None:
    a, b = inputs
    step = Library.open(tmp_path / "step.db", create=True)
    step.ingest([a], workers=1)
    before = _snapshot(step)
    step.ingest([b], workers=1)
    after = _snapshot(step)
    once = Library.open(tmp_path / "once.db", create=True)
    once.ingest([a, b], workers=1)
    assert after == _snapshot(once)
    assert after != before  # the second ingest changed counts (else the test shows nothing)
    counted = {
        i: tuple(row)
        for i, *row in step.store.db.execute(
            "SELECT id, cables, first_seen, last_seen FROM entities"
        )
    }
    assert counted == _brute_force(step)
    assert step.store.db.execute("SELECT count(*) FROM entities_dirty").fetchone() == (0,)
    assert step.store.refresh_entity_stats(force=True) is True
    assert _snapshot(step) == after  # counting everything again changes nothing
    step.close()
    once.close()


def test_an_ingest_that_adds_nothing_counts_nothing(inputs: tuple[str, str], tmp_path) -> None:
    library = Library.open(tmp_path / "lib.db", create=True)
    library.ingest([inputs[0]], workers=1)
    assert library.store.refresh_entity_stats() is False
    library.ingest([inputs[0]], workers=1)  # the same texts: nothing new
    assert library.store.db.execute("SELECT count(*) FROM entities_dirty").fetchone() == (0,)
    library.close()


def test_entities_made_a_batch_at_a_time_are_those_made_one_by_one(
    inputs: tuple[str, str], tmp_path: Path
) -> None:
    """A batch makes its new entities together (``_resolve_entities``): the same entities,
    names and mentions as one cable a batch, where each is made as its cable is stored."""

    def made(path: Path, batch_size: int) -> tuple[dict, list]:
        library = Library.open(path, create=True)
        library.ingest(list(inputs), workers=1, batch_size=batch_size)
        db = library.store.db
        names = {
            (k, key): name for k, key, name in db.execute("SELECT kind, key, name FROM entities")
        }
        mentions = sorted(
            db.execute(
                "SELECT e.kind, e.key, m.reference_id, m.count, m.titles FROM mentions m"
                " JOIN entities e ON e.id = m.entity_id"
            )
        )
        library.close()
        return names, mentions

    together = made(tmp_path / "batch.db", 500)
    assert together == made(tmp_path / "one.db", 1)
    assert len(together[0]) > 1000
