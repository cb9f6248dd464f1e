"""Entity exports on a real library (the first 200 cables of the dev corpus): FollowTheMoney
lines checked with followthemoney's own model, GEXF parsed back and its edge weights
compared with the store's count of shared cables."""

from __future__ import annotations

import ast
import gzip
import io
import json
import sqlite3
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import networkx as nx  # a test requirement: the GEXF export read back as a graph
import pytest
from conftest import CORPUS, _need

from cablekit.store import Library
from cablekit.store import export_entities as ex
from cablekit.store.export_entities import document_id, entity_id, write_ftm, write_gexf

SLICE = 200
NS = {"g": "http://gexf.net/1.3"}
QUERY = "minister"


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Library:
    tmp = tmp_path_factory.mktemp("entities")
    source = tmp / "slice.jsonl"
    with gzip.open(_need(CORPUS), "rt", encoding="utf-8") as f, source.open("w") as out:
        for i, line in enumerate(f):
            if i >= SLICE:
                break
            out.write(line)
    path = tmp / "cables.db"
    with Library.open(path, create=True) as lib:
        lib.ingest([str(source)], workers=1)
    # a name no extractor gives, to prove escaping: markup, quotes, a control character
    db = sqlite3.connect(path)
    db.execute(
        "UPDATE entities SET name = ? WHERE id = (SELECT id FROM entities WHERE kind = 'person'"
        " AND alias_of IS NULL AND cables > 1 ORDER BY cables DESC, id LIMIT 1)",
        ('Ali <b>"Baba"</b> & Sons\x01',),
    )
    db.commit()
    db.close()
    lib = Library.open(path)
    yield lib
    lib.close()


def _ftm(library: Library, query: str | None = None) -> list[dict]:
    out = io.StringIO()
    n = write_ftm(library, out, query)
    lines = out.getvalue().splitlines()
    assert n == len(lines)
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def ftm(library: Library) -> list[dict]:
    return _ftm(library)


def _gexf(library: Library, query: str | None = None, **kw) -> tuple[ET.Element, int, int]:
    out = io.BytesIO()
    nodes, edges = write_gexf(library, out, query, **kw)
    return ET.fromstring(out.getvalue()), nodes, edges


@pytest.fixture(scope="module")
def gexf(library: Library) -> tuple[ET.Element, int, int]:
    return _gexf(library)


def _edges(root: ET.Element) -> dict[tuple[int, int], int]:
    return {
        (int(e.get("source")), int(e.get("target"))): int(e.get("weight"))
        for e in root.iterfind("g:graph/g:edges/g:edge", NS)
    }


def _nodes(root: ET.Element) -> dict[int, dict[str, str]]:
    out = {}
    for node in root.iterfind("g:graph/g:nodes/g:node", NS):
        values = {v.get("for"): v.get("value") for v in node.iterfind("g:attvalues/g:attvalue", NS)}
        out[int(node.get("id"))] = {"label": node.get("label"), **values}
    return out


# -- FollowTheMoney ---------------------------------------------------------------------


def test_every_line_is_valid_followthemoney(ftm: list[dict]):
    fm = pytest.importorskip("followthemoney")
    from followthemoney.exc import InvalidData

    model = fm.model
    ids = {d["id"] for d in ftm}
    assert len(ids) == len(ftm)  # each entity emitted once
    for data in ftm:
        schema = model.get(data["schema"])
        assert schema is not None and not schema.abstract, data["schema"]
        assert set(data) == {"id", "schema", "properties"}
        assert model.get("Thing").name  # the model loaded
        assert fm.types.registry.entity.validate(data["id"]), data["id"]
        for required in schema.required:
            assert data["properties"].get(required), (data["id"], required)
        for name, values in data["properties"].items():
            prop = schema.properties.get(name)
            assert prop is not None and not prop.stub, (data["schema"], name)
            assert values and all(isinstance(v, str) for v in values)
            for value in values:
                assert prop.type.validate(value), (data["id"], name, value[:80])
                assert prop.type.clean(value) == value, (data["id"], name, value[:80])
                if prop.type.name == "entity":
                    assert value in ids, (data["id"], name, value)  # no dangling link
        try:
            schema.validate(data)
        except InvalidData as error:  # pragma: no cover - the message says what
            pytest.fail(f"{data['id']}: {error.errors}")
        proxy = model.get_proxy(data, cleaned=False)  # strict: every value re-cleaned
        assert proxy.to_dict()["properties"] == data["properties"], data["id"]


def test_one_document_per_cable_and_its_fields(library: Library, ftm: list[dict]):
    docs = {d["id"]: d for d in ftm if d["schema"] == "Document"}
    refs = list(library.matching_ids(None))
    assert len(docs) == len(refs) > SLICE - 20
    record = library.cable(refs[0])
    props = docs[document_id(refs[0])]["properties"]
    assert props["messageId"] == [refs[0]]
    assert props["title"] == [record["subject"].strip()]
    assert props["author"] == [record["origin"]]
    assert props["date"] == [record["created"].replace(" ", "T")]
    assert record["classification"] in props["keywords"]
    assert props["bodyText"][0] == record["body"].strip()[: len(props["bodyText"][0])]
    assert all(len(d["properties"].get("bodyText", [""])[0]) <= 65_000 for d in docs.values())


def test_links_are_the_entities_each_cable_names(library: Library, ftm: list[dict]):
    """Each document's Mentions (people, organisations) and Documentations (places) are
    exactly the library entities ``Library.entities`` gives for that cable."""
    by_doc: dict[str, set[str]] = {}
    for d in ftm:
        p = d["properties"]
        if d["schema"] == "Mention":
            assert p["detectedSchema"][0] in ("Person", "Organization")
            by_doc.setdefault(p["document"][0], set()).add(p["resolved"][0])
        elif d["schema"] == "Documentation":
            assert p["entity"][0].startswith("cablekit-place-")
            by_doc.setdefault(p["document"][0], set()).add(p["entity"][0])
    checked = 0
    for ref in list(library.matching_ids(None))[:60]:
        extraction = library.entities(ref)
        expected = {
            entity_id(kind, item["entity_id"])
            for section, kind in (("people", "person"), ("organizations", "organization"))
            for item in extraction[section]
            if item["entity_id"] is not None and item["name"].strip()
        } | {
            entity_id("place", item["entity_id"])
            for item in extraction["places"]
            if item["entity_id"] is not None
        }
        assert by_doc.get(document_id(ref), set()) == expected, ref
        checked += bool(expected)
    assert checked > 40


def test_entities_are_the_canonical_ones_named(library: Library, ftm: list[dict]):
    emitted = Counter(d["schema"] for d in ftm)
    totals = {
        kind: library.entity_list(kind, limit=0)["total"]
        for kind in ("person", "organization", "place")
    }
    assert emitted["Person"] == totals["person"] > 100
    assert emitted["Organization"] == totals["organization"] > 50
    assert emitted["Address"] == totals["place"] > 50
    people = {d["id"]: d["properties"] for d in ftm if d["schema"] == "Person"}
    # a person with aliases carries them; titles become positions
    row = library.store.db.execute(
        "SELECT alias_of, name, key FROM entities WHERE alias_of IS NOT NULL AND kind = 'person'"
        " ORDER BY id LIMIT 1"
    ).fetchone()
    if row is not None:
        props = people[entity_id("person", row[0])]
        names = set(props.get("alias", [])) | set(props.get("weakAlias", []))
        written = row[1].rsplit(" (", 1)[0] if "|" in row[2] else row[1]
        assert written in names, (row, props)
    titled = library.people(limit=50)["results"]
    for person in titled:
        titles = library.store.entity(person["id"])["titles"]
        if titles:
            top = max(t["cables"] for t in titles)
            position = people[entity_id("person", person["id"])]["position"]
            assert any(t["value"] == position[0] and t["cables"] == top for t in titles)
            break
    places = {d["id"]: d["properties"] for d in ftm if d["schema"] == "Address"}
    top_place = library.entity_list("place", limit=1)["results"][0]
    props = places[entity_id("place", top_place["id"])]
    assert props["name"] == [top_place["name"]]
    assert float(props["latitude"][0]) == pytest.approx(top_place["lat"])
    if top_place["country"] == "United States":
        assert props["country"] == ["us"]


def test_a_query_selects_its_cables_and_their_entities(library: Library):
    total = library.search(QUERY, limit=0)["total"]
    assert 0 < total < len(list(library.matching_ids(None)))
    lines = _ftm(library, QUERY)
    docs = {d["id"] for d in lines if d["schema"] == "Document"}
    assert docs == {document_id(r) for r in library.matching_ids(QUERY)}
    assert len(docs) == total
    linked = {
        (d["properties"].get("resolved") or d["properties"]["entity"])[0]
        for d in lines
        if d["schema"] in ("Mention", "Documentation")
    }
    entities = {d["id"] for d in lines if d["schema"] in ("Person", "Organization", "Address")}
    assert linked == entities  # only what the selection names, and all of it
    assert _ftm(library, "xqzzyv") == []


def test_names_with_markup_escape_safely(library: Library, ftm: list[dict], gexf):
    odd = [d for d in ftm if d["schema"] == "Person" and "<b>" in d["properties"]["name"][0]]
    assert [d["properties"]["name"] for d in odd] == [['Ali <b>"Baba"</b> & Sons']]
    root, _, _ = gexf
    labels = [n["label"] for n in _nodes(root).values()]
    assert 'Ali <b>"Baba"</b> & Sons' in labels


def test_runtime_does_not_import_followthemoney():
    tree = ast.parse(Path(ex.__file__).read_text(encoding="utf-8"))
    imported = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    } | {
        node.module.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module
    }
    assert "followthemoney" not in imported


# -- GEXF -------------------------------------------------------------------------------


def test_gexf_nodes_are_the_people(library: Library, gexf):
    root, n_nodes, n_edges = gexf
    assert root.get("version") == "1.3"
    nodes, edges = _nodes(root), _edges(root)
    assert len(nodes) == n_nodes == library.people(limit=0)["total"] > 100
    assert len(edges) == n_edges > 100
    for person in library.people(limit=20)["results"]:
        node = nodes[person["id"]]
        assert int(node["cables"]) == person["cables"]
        assert node["first_seen"] == person["first_seen"]
        assert node["last_seen"] == person["last_seen"]
    assert all(a < b and a in nodes and b in nodes for a, b in edges)


def test_gexf_edge_weight_is_the_shared_cables(library: Library, gexf):
    root, _, _ = gexf
    edges = _edges(root)
    heaviest = sorted(edges.items(), key=lambda kv: -kv[1])[:15]
    some = list(edges.items())[:: max(1, len(edges) // 25)]
    assert heaviest[0][1] > 1
    for (a, b), weight in heaviest + some:
        assert weight == library.store.shared_cables(a, b), (a, b)
    # and a pair named together with nobody else has no edge
    for related in library.store.co_mentioned(heaviest[0][0][0], kind="person", limit=5):
        key = tuple(sorted((heaviest[0][0][0], related["id"])))
        assert edges[key] == related["shared"]


def test_gexf_min_shared_and_max_nodes(library: Library, gexf):
    root, _, _ = gexf
    full_nodes, full_edges = _nodes(root), _edges(root)
    small, n, m = _gexf(library, min_shared=2, max_nodes=40)
    nodes, edges = _nodes(small), _edges(small)
    assert n == len(nodes) == 40
    top = sorted(full_nodes, key=lambda k: (-int(full_nodes[k]["cables"]), k))[:40]
    assert set(nodes) == set(top)
    expected = {k: w for k, w in full_edges.items() if w >= 2 and set(k) <= set(nodes)}
    assert edges == expected and m == len(expected)


def test_gexf_of_a_query(library: Library):
    root, _, _ = _gexf(library, QUERY)
    refs = set(library.matching_ids(QUERY))
    db = library.store.db
    members = (
        "SELECT m.reference_id FROM mentions m JOIN entities e ON e.id = m.entity_id"
        " WHERE coalesce(e.alias_of, e.id) = ?"
    )
    edges = _edges(root)
    assert edges
    for (a, b), weight in list(edges.items())[:: max(1, len(edges) // 20)]:
        named_a = {r[0] for r in db.execute(members, (a,))} & refs
        named_b = {r[0] for r in db.execute(members, (b,))} & refs
        assert weight == len(named_a & named_b)
    for pid, node in list(_nodes(root).items())[:20]:
        assert int(node["cables"]) == len({r[0] for r in db.execute(members, (pid,))} & refs)
    empty, n, m = _gexf(library, "xqzzyv")
    assert (n, m) == (0, 0) and empty.find("g:graph/g:nodes", NS) is not None


def test_gexf_text_output_and_networkx(library: Library, gexf, tmp_path):
    text = io.StringIO()
    assert write_gexf(library, text, max_nodes=30) == _gexf(library, max_nodes=30)[1:]
    path = tmp_path / "people.gexf"
    path.write_text(text.getvalue(), encoding="utf-8")
    ET.parse(path)
    graph = nx.read_gexf(path, version="1.3")
    root, _, _ = _gexf(library, max_nodes=30)
    assert graph.number_of_nodes() == 30
    assert graph.number_of_edges() == len(_edges(root))
    a, b = next(iter(_edges(root)))
    assert graph[str(a)][str(b)]["weight"] == _edges(root)[(a, b)]


def test_exports_leave_nothing_behind(library: Library):
    write_gexf(library, io.BytesIO(), QUERY)
    write_ftm(library, io.StringIO(), QUERY)
    temp = library.store.db.execute("SELECT name FROM temp.sqlite_master").fetchall()
    assert temp == []


def test_an_empty_library(tmp_path):
    with Library.open(tmp_path / "empty.db", create=True) as lib:
        out = io.StringIO()
        assert write_ftm(lib, out) == 0 and out.getvalue() == ""
        raw = io.BytesIO()
        assert write_gexf(lib, raw) == (0, 0)
        assert ET.fromstring(raw.getvalue()).get("version") == "1.3"


def test_ids_and_country_codes():
    assert entity_id("person", 123) == "cablekit-person-123"
    assert document_id("09MOSCOW1488") == "cablekit-cable-09MOSCOW1488"
    assert document_id("09 MOSCOW_1488") == "cablekit-cable-09-MOSCOW-1488"
    assert ex.country_code("Russia") == "ru"
    assert ex.country_code("The Netherlands") == "nl"
    assert ex.country_code("U.S.") == "us"
    assert ex.country_code("Serbia and Montenegro") in (None, "csxx")
    assert ex.country_code("Gazprom") is None and ex.country_code("") is None
