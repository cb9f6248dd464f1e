"""The JSON API (FastAPI), over a real library built from the bundled sample."""

from __future__ import annotations

import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from conftest import ROOT, SEED
from fastapi.testclient import TestClient

from cablekit.store import Library
from cablekit.web.app import create_app
from cablekit.web.pool import identify_slots


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "cables.db"
    with Library.open(path, create=True) as library:
        library.ingest([str(ROOT / "samples" / "cables-sample.jsonl")])
    with TestClient(create_app(path)) as client:
        yield client


def test_search_is_the_cli_json(client):
    response = client.get("/api/search", params={"q": "Lavrov", "limit": 3})
    assert response.status_code == 200
    body = response.json()
    assert body["total"] >= 1 and len(body["results"]) <= 3
    assert {"origin", "year", "classification", "tag"} <= set(body["facets"])
    assert body["results"][0]["reference_id"]


def test_malformed_query_is_a_400_with_a_json_error(client):
    response = client.get("/api/search", params={"q": '"unclosed'})
    assert response.status_code == 400
    assert "position" in response.json()["detail"]


def test_cable_versions_and_404(client):
    record = client.get("/api/cables/09MOSCOW1488").json()
    assert record["origin"] == "Embassy Moscow" and record["version"] == 1
    versions = client.get("/api/cables/09MOSCOW1488/versions").json()
    assert [v["number"] for v in versions] == [1]
    assert client.get("/api/cables/99NOWHERE1").status_code == 404
    assert client.get("/api/cables/99NOWHERE1/versions").status_code == 404
    assert client.get("/api/cables/09MOSCOW1488", params={"version": 5}).status_code == 404


def test_stats_and_openapi(client):
    stats = client.get("/api/stats").json()
    assert stats["cables"] == 25 and stats["versions"] == 25
    schema = client.get("/openapi.json").json()
    assert {"/api/search", "/api/cables/{reference_id}", "/api/stats"} <= set(schema["paths"])


# -- concurrency: heavy endpoints run in the thread pool, a library per thread -------------


def test_a_slow_identify_does_not_block_a_search(client, monkeypatch):
    """An identify held inside the library work must not hold up /api/search: before the
    endpoints ran in the thread pool, the search waited for the identify to finish."""
    import cablekit.identify

    real = cablekit.identify.identify
    started, release = threading.Event(), threading.Event()

    def slow_identify(*args, **kwargs):
        started.set()
        release.wait(timeout=20)  # seconds of work, as a big page on a big library takes
        return real(*args, **kwargs)

    monkeypatch.setattr(cablekit.identify, "identify", slow_identify)
    text = SEED.read_text(encoding="utf-8")
    outcome: dict[str, int] = {}

    def post() -> None:
        outcome["identify"] = client.post("/api/identify", json={"text": text}).status_code

    worker = threading.Thread(target=post)
    worker.start()
    try:
        assert started.wait(timeout=10), "the identify did not start"
        t0 = time.monotonic()
        found = client.get("/api/search", params={"q": "Lavrov"})
        elapsed = time.monotonic() - t0
        assert found.status_code == 200 and found.json()["total"] >= 1
        assert client.get("/cables/09MOSCOW1488").status_code == 200
        assert worker.is_alive(), "the search waited for the identify"
        assert elapsed < 5
    finally:
        release.set()
        worker.join(timeout=30)
    assert outcome["identify"] == 200


def test_each_thread_reads_through_its_own_library(client):
    """Concurrent requests open one read-only library per pool thread, none shared."""
    pool = client.app.state.libraries
    seen: dict[int, int] = {}
    lock = threading.Lock()
    barrier = threading.Barrier(4)

    def grab() -> None:
        barrier.wait()  # four pool threads at once: each opens (or has) its own
        with lock:
            seen[threading.get_ident()] = id(pool.get())

    with ThreadPoolExecutor(4) as executor:
        for future in [executor.submit(grab) for _ in range(4)]:
            future.result(timeout=10)
    assert len(set(seen.values())) == 4
    library = pool.get()
    assert library is pool.get()
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        library.store.db.execute("CREATE TABLE nope (x)")
    # and many requests at once all succeed
    with ThreadPoolExecutor(16) as executor:
        codes = list(
            executor.map(
                lambda i: (
                    client.get("/api/search", params={"q": "Moscow", "offset": i}).status_code
                ),
                range(64),
            )
        )
    assert codes == [200] * 64


def test_identifies_beyond_the_slots_wait_without_holding_up_searches(client, monkeypatch):
    """With one identify slot, a second identify waits for the first; searches do not."""
    import cablekit.identify

    real = cablekit.identify.identify
    lock = threading.Lock()
    running = {"now": 0, "most": 0, "calls": 0}
    release = threading.Event()

    def slow_identify(*args, **kwargs):
        with lock:
            running["now"] += 1
            running["calls"] += 1
            running["most"] = max(running["most"], running["now"])
        release.wait(timeout=20)
        with lock:
            running["now"] -= 1
        return real(*args, **kwargs)

    monkeypatch.setattr(cablekit.identify, "identify", slow_identify)
    monkeypatch.setattr(client.app.state, "identify_slots", identify_slots(1))
    text = SEED.read_text(encoding="utf-8")
    codes: list[int] = []
    workers = [
        threading.Thread(
            target=lambda: codes.append(
                client.post("/api/identify", json={"text": text}).status_code
            )
        )
        for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    try:
        deadline = time.monotonic() + 10
        while running["calls"] < 1 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert client.get("/api/search", params={"q": "Lavrov"}).status_code == 200
        time.sleep(0.2)
        assert running["calls"] == 1  # the second waits for the slot
    finally:
        release.set()
        for worker in workers:
            worker.join(timeout=30)
    assert codes == [200, 200] and running["most"] == 1 and running["calls"] == 2


def test_the_pool_reopens_after_a_restart(tmp_path):
    path = tmp_path / "c.db"
    with Library.open(path, create=True) as library:
        library.ingest([str(ROOT / "samples" / "cables-sample.jsonl")])
    app = create_app(path)
    for _ in range(2):  # the lifespan closes every thread's library; the next start reopens
        with TestClient(app) as client:
            assert client.get("/api/stats").json()["cables"] == 25
        assert len(app.state.libraries) == 0


def test_entities_endpoint(client):
    found = client.get("/api/cables/09MOSCOW1488/entities").json()
    assert any(p["name"] == "Lavrov" for p in found["people"])
    assert any(a["short"] == "GOR" for a in found["acronyms"])
    assert client.get("/api/cables/99NOWHERE1/entities").status_code == 404
