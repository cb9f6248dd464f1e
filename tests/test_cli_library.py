"""The library commands (ingest, search, show, diff, stats, export), run as a user runs them."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from xml.etree import ElementTree

import pytest
from conftest import ROOT
from conftest import run_cablekit as run

SAMPLE = ROOT / "samples" / "cables-sample.jsonl"
SEED = ROOT / "samples" / "republished-page.txt"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("cli") / "cables.db")
    result = run("ingest", "--db", path, str(SAMPLE))
    assert result.returncode == 0, result.stderr
    assert "25 cables: 25 new" in result.stdout
    return path


def test_ingest_twice_adds_nothing_and_a_copy_adds_a_version(tmp_path):
    path = str(tmp_path / "v.db")
    assert run("ingest", "--db", path, str(SAMPLE)).returncode == 0
    again = run("ingest", "--db", path, str(SAMPLE))
    assert "0 new, 0 new versions, 25 unchanged" in again.stdout
    seed = run("ingest", "--db", path, str(SEED))  # the blog copies: other texts, same ids
    assert "4 cables: 0 new, 4 new versions" in seed.stdout, seed.stdout
    stats = json.loads(run("stats", "--db", path, "--format", "json").stdout)
    assert (stats["cables"], stats["versions"]) == (25, 29)
    diff = run("diff", "--db", path, "09MOSCOW1488")
    assert diff.returncode == 0 and diff.stdout.startswith("--- 09MOSCOW1488 version 1")


def test_a_bad_file_is_reported_and_skipped(tmp_path):
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"\x00\x01\x02\xff" * 1000)
    path = str(tmp_path / "b.db")
    result = run("ingest", "--db", path, str(bad), str(SAMPLE))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "bad.bin" in result.stderr
    assert "Traceback" not in result.stderr
    assert "25 new" in result.stdout


def test_search_json_has_total_results_and_facets(db):
    result = run("search", "--db", db, "--format", "json", "tag:PREL")
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["total"] == len(found["results"]) or found["total"] > 10
    assert set(found["facets"]) == {
        *("origin", "year", "month", "classification", "tag", "person", "org", "place")
    }
    assert list(found["facets"]["month"]) == sorted(found["facets"]["month"])
    assert sum(found["facets"]["month"].values()) == sum(found["facets"]["year"].values())
    assert found["facets"]["tag"]["PREL"] == found["total"]


def test_search_text_is_for_people(db):
    result = run("search", "--db", db, "Lavrov")
    assert result.returncode == 0, result.stderr
    assert "match 'Lavrov'" in result.stdout and "09MOSCOW1488" in result.stdout


@pytest.mark.parametrize("query", ['"unclosed', "(a OR b", "foo:bar", "-alone", "from:2009-13-45"])
def test_a_bad_query_is_one_line_and_exit_1(db, query):
    result = run("search", "--db", db, query)
    assert result.returncode == 1
    assert result.stderr.startswith("cablekit: error: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_show_text_and_json(db):
    text = run("show", "--db", db, "09MOSCOW1488")
    assert text.returncode == 0 and "Embassy Moscow" in text.stdout and "Versions (1" in text.stdout
    record = json.loads(run("show", "--db", db, "--format", "json", "09moscow1488").stdout)
    assert record["reference_id"] == "09MOSCOW1488" and record["versions"][0]["number"] == 1


def test_show_unknown_cable_or_version(db):
    missing = run("show", "--db", db, "99NOWHERE1")
    assert missing.returncode == 1 and "no such cable" in missing.stderr
    version = run("show", "--db", db, "--version", "7", "09MOSCOW1488")
    assert version.returncode == 1 and "no version 7" in version.stderr


def test_missing_library_is_one_line(tmp_path):
    result = run("search", "--db", str(tmp_path / "none.db"), "x")
    assert result.returncode == 1 and "no such library" in result.stderr
    assert result.stderr.count("\n") == 1


def test_export_jsonl_csv_parquet(db, tmp_path):
    jsonl = run("export", "--db", db, "--format", "jsonl", "tag:PREL")
    records = [json.loads(line) for line in jsonl.stdout.splitlines()]
    total = json.loads(run("search", "--db", db, "--format", "json", "tag:PREL").stdout)["total"]
    assert len(records) == total and all("PREL" in r["tags"] for r in records)
    rows = list(csv.DictReader(io.StringIO(run("export", "--db", db, "--format", "csv").stdout)))
    assert len(rows) == 25 and rows[0]["reference_id"]
    out = tmp_path / "c.parquet"
    assert run("export", "--db", db, "--format", "parquet", "-o", str(out)).returncode == 0
    import pyarrow.parquet as pq

    table = pq.read_table(out)
    assert table.num_rows == 25 and "subject" in table.column_names
    refused = run("export", "--db", db, "--format", "parquet")
    assert refused.returncode == 1 and "--output" in refused.stderr


def test_serve_with_two_workers_answers(db):
    import socket
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "cablekit", "serve", "--db", db, "--port", str(port)]
        + ["--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats") as response:
                    assert json.load(response)["cables"] == 25
                    break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()
                assert time.monotonic() < deadline, "the server did not answer in 60 s"
                time.sleep(0.3)
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_entities_of_a_stored_cable(db):
    text = run("entities", "--db", db, "09MOSCOW1488")
    assert text.returncode == 0, text.stderr
    assert "Lavrov (Foreign Minister)" in text.stdout
    found = json.loads(run("entities", "--db", db, "--format", "json", "10baku134").stdout)
    assert found["reference_id"] == "10BAKU134"
    assert any(p["name"].endswith("Aliyev") for p in found["people"])
    record = json.loads(run("show", "--db", db, "--format", "json", "10BAKU134").stdout)
    mention = found["people"][0]["mentions"][0]
    assert record["text"][mention["start"] : mention["end"]] == mention["text"]
    missing = run("entities", "--db", db, "99NOWHERE1")
    assert missing.returncode == 1 and "no such cable" in missing.stderr


def test_an_index_of_an_older_format_is_rebuilt_by_ingest(tmp_path):
    path = str(tmp_path / "old.db")
    assert run("ingest", "--db", path, str(SAMPLE)).returncode == 0
    meta = tmp_path / "old.db-search" / "cablekit-search.json"
    meta.write_text('{"schema_version": 1}')
    stale = run("search", "--db", path, "Lavrov")
    assert stale.returncode == 1 and "--reindex" in stale.stderr
    again = run("ingest", "--db", path, str(SAMPLE))
    assert again.returncode == 0 and "rebuilding it" in again.stderr
    assert "4 cables match" in run("search", "--db", path, "Lavrov").stdout


def test_people_lists_and_shows_entities(db):
    listed = run("people", "--db", db, "lavrov")
    assert listed.returncode == 0, listed.stderr
    assert "Lavrov (Russia)" in listed.stdout  # the sample never gives his first name
    found = json.loads(run("people", "--db", db, "--format", "json", "lavrov").stdout)
    assert found["total"] == len(found["results"]) >= 1
    assert all("lavrov" in p["name"].lower() for p in found["results"])
    lavrov = next(p for p in found["results"] if p["name"] == "Lavrov (Russia)")
    one = json.loads(
        run("people", "--db", db, "--format", "json", "--id", str(lavrov["id"])).stdout
    )
    assert one["id"] == lavrov["id"] and len(one["cable_list"]) == lavrov["cables"]
    assert "09MOSCOW1488" in {c["reference_id"] for c in one["cable_list"]}
    assert any(t["value"] == "Foreign Minister" for t in one["titles"])
    text = run("people", "--db", db, "--id", str(lavrov["id"]))
    assert "Lavrov (Russia)" in text.stdout and "09MOSCOW1488" in text.stdout
    places = json.loads(run("people", "--db", db, "--kind", "place", "--format", "json").stdout)
    assert all(p["kind"] == "place" and p["lat"] is not None for p in places["results"][:5])
    missing = run("people", "--db", db, "--id", "999999")
    assert missing.returncode == 1 and "no entity 999999" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_entity_filters_in_search(db):
    found = json.loads(run("search", "--db", db, "--format", "json", "person:Lavrov").stdout)
    assert found["total"] >= 2
    assert found["facets"]["person"]["Lavrov (Russia)"] >= 1
    assert found["facets"]["place"]
    none = json.loads(run("search", "--db", db, "--format", "json", 'person:"Nobody Atall"').stdout)
    assert none["total"] == 0


def test_ingest_without_entities_then_with(tmp_path):
    path = str(tmp_path / "n.db")
    assert run("ingest", "--db", path, "--no-entities", str(SAMPLE)).returncode == 0
    empty = json.loads(run("people", "--db", path, "--format", "json").stdout)
    assert empty["total"] == 0
    again = run("ingest", "--db", path, str(SAMPLE))
    assert again.returncode == 0 and "extracting the entities of 25 cables" in again.stderr
    full = json.loads(run("people", "--db", path, "--format", "json", "lavrov").stdout)
    assert "Lavrov (Russia)" in {p["name"] for p in full["results"]}
    assert "Lavrov" in run("search", "--db", path, "person:Lavrov").stdout


def test_export_ftm_and_gexf(db, tmp_path):
    ftm = run("export", "--db", db, "--format", "ftm", "person:Lavrov")
    assert ftm.returncode == 0, ftm.stderr
    lines = [json.loads(line) for line in ftm.stdout.splitlines()]
    documents = [e for e in lines if e["schema"] == "Document"]
    total = json.loads(run("search", "--db", db, "--format", "json", "person:Lavrov").stdout)
    assert len(documents) == total["total"] >= 2
    assert f"exported {len(lines):,} FollowTheMoney entities" in ftm.stderr
    out = tmp_path / "people.gexf"
    gexf = run("export", "--db", db, "--format", "gexf", "--max-nodes", "10", "-o", str(out))
    assert gexf.returncode == 0, gexf.stderr
    root = ElementTree.parse(out).getroot()
    nodes = root.findall(".//{http://gexf.net/1.3}node")
    assert len(nodes) == 10 and "exported 10 people" in gexf.stderr


def test_export_into_a_closed_pipe_is_quiet(db):
    """`cablekit export | head -1`: the reader stops early; no error, no traceback."""
    process = subprocess.Popen(
        [sys.executable, "-m", "cablekit", "export", "--db", db],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()  # as head does
    err = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0
    assert "error" not in err and "Traceback" not in err
