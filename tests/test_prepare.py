"""The workers' half of an ingest: preparing cables a step at a time (all records and
fingerprints, then all entities) gives what preparing them one by one gives."""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from cablekit.model import Document
from cablekit.read.sources import read_documents
from cablekit.store.entities import EntityRow
from cablekit.store.ingest import (
    WORKER_GC_THRESHOLD,
    _prepare_all,
    _start_worker,
    prepare,
    prepared,
)

FIXTURES = Path(__file__).parent / "fixtures"


def _documents() -> list[Document]:
    docs = list(
        read_documents(str(FIXTURES / "cables-sample.jsonl"), on_error=print, on_warning=print)
    )
    seed = (Path(__file__).parents[1] / "samples").glob("*.txt")
    docs += [Document(text=p.read_text("utf-8"), path=str(p), format="text") for p in seed]
    return docs


def test_prepared_in_steps_equals_one_by_one() -> None:
    from cablekit.api import cables_in

    docs = _documents()
    assert len(docs) >= 4  # three records and the seed page (four cables in one document)
    for entities in (True, False):
        one_by_one = [[prepared(c, entities) for c in cables_in(d)] for d in docs]
        assert [prepare(d, entities) for d in docs] == one_by_one
        assert _prepare_all(docs, entities) == one_by_one
        assert any(item.entity_rows for found in one_by_one for item in found) == entities


def test_a_prepared_cable_comes_out_of_a_pickle_as_it_went_in() -> None:
    """A worker's cables reach the writer pickled, their entity rows as one msgpack
    string (``Prepared.__reduce__``): nothing of them may change on the way."""
    docs = _documents()
    for entities in (True, False):
        found = [item for d in docs for item in prepare(d, entities)]
        assert any(item.entity_rows for item in found) == entities
        back = pickle.loads(pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))
        assert back == found
        assert all(type(row) is EntityRow for item in back for row in item.entity_rows)


def test_workers_collect_garbage_less_often() -> None:
    """Regression: collected every 700 new objects (Python's default), a worker kept
    promoting extraction's short-lived objects and ran full collections over the lexicon
    and its caches, 6 % of its CPU; the ingest's workers start with a higher threshold."""
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(
        1, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),)
    ) as pool:
        threshold = pool.submit(gc.get_threshold).result()
    assert threshold[0] == WORKER_GC_THRESHOLD > gc.get_threshold()[0]
    assert threshold[1:] == gc.get_threshold()[1:]
