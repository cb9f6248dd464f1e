"""The JSON API (FastAPI), over a real library built from the bundled sample."""

from __future__ import annotations

import pytest
from conftest import ROOT
from fastapi.testclient import TestClient

from cablekit.store import Library
from cablekit.web.app import create_app


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
