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


def test_entities_a_library_had_are_found_again_by_a_new_process(
    inputs: tuple[str, str], tmp_path: Path
) -> None:
    """A new process knows none of the library's entity ids: a batch's entities that the
    library has are found by key, the new ones read back as the ids after the last one
    (``_resolve_entities``); either way the library is the one a single ingest makes."""
    a, b = inputs
    first = Library.open(tmp_path / "step.db", create=True)
    first.ingest([a], workers=1)
    first.close()
    second = Library.open(tmp_path / "step.db")  # a new library object: no ids known
    second.ingest([b], workers=1)
    once = Library.open(tmp_path / "once.db", create=True)
    once.ingest([a, b], workers=1)

    def mentions(library: Library) -> list[tuple]:
        return sorted(
            library.store.db.execute(
                "SELECT e.kind, e.key, m.reference_id, m.count FROM mentions m"
                " JOIN entities e ON e.id = m.entity_id"
            )
        )

    def keys(library: Library) -> list[tuple]:
        return sorted(library.store.db.execute("SELECT kind, key, name FROM entities"))

    assert keys(second) == keys(once)  # none made twice (the key is unique), none lost
    assert mentions(second) == mentions(once)
    assert _snapshot(second) == _snapshot(once)
    second.close()
    once.close()


def _counted(library: Library) -> dict[int, tuple[Any, ...]]:
    db = library.store.db
    return {
        i: tuple(r)
        for i, *r in db.execute("SELECT id, cables, first_seen, last_seen FROM entities")
    }


def _prepared(source: str) -> list:
    from cablekit.store.ingest import IngestSummary, stored_cables

    return list(
        stored_cables([source], IngestSummary(), on_error=lambda e: None, on_warning=lambda m: None)
    )


def test_an_ingest_killed_before_counting_is_counted_in_full_next_time(
    inputs: tuple[str, str], tmp_path: Path
) -> None:
    """An ingest holds what it changed in memory until it counts; killed before that, it
    leaves a mark in the library, and the next count counts everything."""
    path = tmp_path / "lib.db"
    library = Library.open(path, create=True)
    library.ingest([inputs[0]], workers=1)
    library.store.add_batch(_prepared(inputs[1]))  # stored, then "killed": never counted
    library.close()  # what it held in memory goes with it, as with kill -9
    again = Library.open(path)
    assert again.store.db.execute("SELECT count(*) FROM entities_dirty").fetchone() == (0,)
    assert _counted(again) != _brute_force(again)  # stale until counted
    assert again.store.refresh_entity_stats() is True
    assert _counted(again) == _brute_force(again)
    assert again.store.refresh_entity_stats() is False  # the mark is gone
    again.close()


def test_a_batch_rolled_back_makes_the_next_count_count_everything(
    inputs: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What earlier batches changed is dropped with a failed batch: the mark they left makes
    the next count count everything."""
    library = Library.open(tmp_path / "lib.db", create=True)
    items = _prepared(inputs[0])
    library.store.add_batch(items[:100])  # committed; its changes held in memory
    original = library.store._add
    calls = []

    def failing(item, now, outcome):
        calls.append(item)
        if len(calls) == 20:
            raise OSError("disk full")
        return original(item, now, outcome)

    monkeypatch.setattr(library.store, "_add", failing)
    with pytest.raises(OSError):
        library.store.add_batch(items[100:])
    monkeypatch.undo()
    assert library.store._dirty_entities == {}  # what was held went with the rollback
    assert library.store.refresh_entity_stats() is True
    counted = _counted(library)
    assert counted == _brute_force(library)
    assert sum(1 for n, *_ in counted.values() if n) > 100
    library.close()


def test_changes_held_in_memory_are_written_out_when_too_many(
    inputs: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cablekit.store import entity_tables

    monkeypatch.setattr(entity_tables, "_PENDING_MAX", 50)
    library = Library.open(tmp_path / "lib.db", create=True)
    library.store.add_batch(_prepared(inputs[0])[:40])
    assert library.store._dirty_entities == {}
    written = library.store.db.execute("SELECT count(*) FROM entities_dirty").fetchone()[0]
    assert written > 50
    library.ingest(list(inputs), workers=1, batch_size=25)
    assert _counted(library) == _brute_force(library)
    assert library.store.db.execute("SELECT count(*) FROM entities_dirty").fetchone() == (0,)
    library.close()


def test_new_mentions_wait_beside_the_table_until_the_count(
    inputs: tuple[str, str], tmp_path: Path
) -> None:
    """Mentions are stored in ``mentions_new``, one row per cable, and moved into
    ``mentions`` by the count; the search index finds the names of those not yet moved
    (a killed ingest's)."""
    path = tmp_path / "lib.db"
    library = Library.open(path, create=True)
    items = _prepared(inputs[0])
    library.store.add_batch(items)
    db = library.store.db
    newest = {i.cable.reference_id: i for i in items if i.entity_rows}  # the last text wins
    assert db.execute("SELECT count(*) FROM mentions_new").fetchone() == (len(newest),)
    waiting = db.execute("SELECT sum(mentions) FROM mentions_new").fetchone()[0]
    assert waiting == sum(len(i.entity_rows) for i in newest.values()) > 1000
    assert db.execute("SELECT count(*) FROM mentions").fetchone() == (0,)
    ref = items[0].cable.reference_id
    names = library.store.entity_names([ref])[ref]
    assert sorted(n for ns in names.values() for n in ns) == sorted(
        {r.name for r in items[0].entity_rows}
    )
    assert library.store.refresh_entity_stats() is True
    assert db.execute("SELECT count(*) FROM mentions_new").fetchone() == (0,)
    assert db.execute("SELECT count(*) FROM mentions").fetchone() == (waiting,)
    assert library.store.entity_names([ref]) == {ref: names}
    library.close()


def test_many_new_mentions_build_the_index_by_cable_again(
    inputs: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Moved in bulk (the index by cable dropped and built again) or row by row, the
    library is the same."""
    from cablekit.store import entity_tables

    def made(path: Path) -> list:
        library = Library.open(path, create=True)
        library.ingest(list(inputs), workers=1)
        db = library.store.db
        out = sorted(db.execute("SELECT * FROM mentions"))
        plan = db.execute(
            "EXPLAIN QUERY PLAN SELECT entity_id FROM mentions WHERE reference_id = 'x'"
        ).fetchall()
        assert "mentions_by_cable" in str(plan)
        library.close()
        return out

    monkeypatch.setattr(entity_tables, "_REBUILD_FROM", 10**9)
    row_by_row = made(tmp_path / "rows.db")
    monkeypatch.setattr(entity_tables, "_REBUILD_FROM", 1)
    assert made(tmp_path / "bulk.db") == row_by_row


def test_an_ingest_leaves_the_garbage_collector_as_it_found_it(
    inputs: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The collector is paused while cables stream through; on, or off, it is as before
    when the ingest ends, and when it fails."""
    import gc

    library = Library.open(tmp_path / "lib.db", create=True)
    library.ingest([inputs[0]], workers=1)
    assert gc.isenabled()
    monkeypatch.setattr(library.store, "add_batch", lambda items: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        library.ingest([inputs[1]], workers=1)
    assert gc.isenabled()
    gc.disable()
    try:
        monkeypatch.undo()
        library.ingest([inputs[1]], workers=1)
        assert not gc.isenabled()
    finally:
        gc.enable()
    library.close()
