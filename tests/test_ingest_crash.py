"""Crash safety: kill -9 a real ingest at random moments; the library stays consistent.

Each kill must leave a database that passes SQLite's integrity check and
cablekit's own consistency checks, holding at least what the previous run
committed; a final run completes everything, search index included.
"""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time

from conftest import CORPUS, ROOT, _need

from cablekit import canonical_reference_id
from cablekit.search.index import SearchIndex
from cablekit.store import Library, SqliteStore, index_path, text_hash

_WORD = re.compile(r"[^\W_]+")
INGEST = [sys.executable, "-c", "from cablekit.cli import main; main()", "ingest", "--no-progress"]


def _versions(db) -> int:
    try:
        connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return connection.execute("SELECT count(*) FROM versions").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error:  # not created yet, or its schema not yet made
        return 0


def _run(db, *, kill_after: float | None, after_first_batch: bool = False) -> int | None:
    process = subprocess.Popen(
        [*INGEST, "--db", str(db), str(_need(CORPUS))],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    if kill_after is None:
        return process.wait(timeout=600)
    if after_first_batch:  # a random moment once something is committed: mid-ingest
        deadline = time.monotonic() + 300
        while process.poll() is None and time.monotonic() < deadline and _versions(db) == 0:
            time.sleep(0.1)
    time.sleep(kill_after)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    return None


def test_kill_nine_then_rerun_completes(tmp_path, corpus):
    db = tmp_path / "crash.db"
    seed = int(os.environ.get("CABLEKIT_CRASH_SEED", time.time_ns() % 10_000))
    rng = random.Random(seed)
    committed = 0
    partial = []  # versions held after each kill that landed mid-ingest
    for attempt in range(4):
        # the first kill may land before anything is committed, the others after
        _run(db, kill_after=rng.uniform(0.2, 3.0), after_first_batch=attempt > 0)
        if not db.exists():
            continue
        store = SqliteStore(db)
        try:
            assert store.integrity_problems() == [], f"seed {seed}, kill {attempt}"
            versions = store.stats()["versions"]
            assert versions >= committed, f"seed {seed}: a committed batch was lost"
            committed = versions
            if 0 < versions < 5000:
                partial.append(versions)
        finally:
            store.close()

    assert partial, f"seed {seed}: no kill landed in the middle of an ingest"
    assert _run(db, kill_after=None) == 0
    ids = {canonical_reference_id(r["id"]) for r in corpus}
    versions = {
        (canonical_reference_id(r["id"]), text_hash(r["header"] + "\n" + r["body"])) for r in corpus
    }
    with Library.open(db) as library:
        stats = library.stats()
        assert (stats["cables"], stats["versions"]) == (len(ids), len(versions)), f"seed {seed}"
        assert stats["unindexed_versions"] == 0
        assert library.store.integrity_problems() == []
        assert library.store.without_entities() == []  # every cable has its entities
        assert library.people("lavrov")["total"] > 0
        lavrov = sum(
            1
            for r in library.store.iter_latest()
            if "lavrov" in _WORD.findall(((r.get("subject") or "") + " " + r["body"]).lower())
        )
        assert library.search("Lavrov", limit=0)["total"] == lavrov > 0
    index = SearchIndex(index_path(db))
    try:
        assert index.doc_count() == len(ids), f"seed {seed}"
    finally:
        index.close()


def test_readers_work_while_an_ingest_writes(tmp_path):
    db = tmp_path / "busy.db"
    assert _run(db, kill_after=None) == 0  # a first ingest builds the library
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "page.txt").write_text((ROOT / "samples" / "republished-page.txt").read_text())
    process = subprocess.Popen(
        [*INGEST, "--db", str(db), str(_need(CORPUS)), str(extra)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    reads = 0
    try:
        while process.poll() is None and reads < 50:
            with Library.open(db) as library:
                assert library.stats()["cables"] >= 5000
                assert library.search("Lavrov", limit=3)["total"] > 0
            reads += 1
    finally:
        out, err = process.communicate(timeout=600)
    assert process.returncode == 0, err
    assert reads > 0, f"the ingest ended before a read: {out} {err}"
    assert "4 new versions" in out
