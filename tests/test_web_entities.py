"""The entity pages and API over HTTP: lists, a person / organisation / place page with its
timeline, network and map, 404s, escaping; and the figures' geometry on its own.

A real library built from the bundled sample (25 cables), plus one person with markup
in the name, stored as the store would store it, named in 09MOSCOW1488.
"""

from __future__ import annotations

import re
import sqlite3
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import ROOT
from fastapi.testclient import TestClient

from cablekit.store import Library
from cablekit.store.library import spread
from cablekit.web import entity_views
from cablekit.web.app import create_app
from cablekit.web.entities import (
    WORLD_SVG,
    country_code,
    entity_view,
    layout,
    network,
    search_query,
    short_label,
    world_countries,
    world_map,
)

SAMPLE = ROOT / "samples" / "cables-sample.jsonl"
EVIL = '<img src=x onerror=alert(1)> "Evil" Ivanov'


@pytest.fixture(scope="module")
def library_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("entities") / "cables.db"
    with Library.open(path, create=True) as library:
        library.ingest([str(SAMPLE)])
    db = sqlite3.connect(path)
    with db:
        ident = db.execute(
            "INSERT INTO entities (kind, key, name, cables, first_seen, last_seen)"
            " VALUES ('person', 'evil ivanov', ?, 1, '2009-06-05T13:01', '2009-06-05T13:01')"
            " RETURNING id",
            (EVIL,),
        ).fetchone()[0]
        db.execute(
            "INSERT INTO mentions VALUES (?, '09MOSCOW1488', 1, ?, NULL, NULL, '2009-06-05T13:01')",
            (ident, '["<b>Minister</b>"]'),
        )
    db.close()
    return path


@pytest.fixture(scope="module")
def client(library_path):
    with TestClient(create_app(library_path)) as client:
        yield client


@pytest.fixture(scope="module")
def ids(client) -> dict[str, int]:
    """Ids of a few entities of the sample library, found through the API."""

    def named(kind: str, name: str, q: str | None = None) -> int:
        q = q or name
        found = client.get("/api/entities", params={"kind": kind, "q": q}).json()
        return next(r["id"] for r in found["results"] if r["name"] == name)

    return {
        "lavrov": named("person", "Lavrov (Russia)", "lavrov"),
        "cretz": named("person", "Gene Cretz"),
        "usg": named("organization", "United States Government"),
        "moscow": named("place", "Moscow"),
        "russia": named("place", "Russia"),
        "evil": named("person", EVIL, "evil"),
    }


def hrefs(html: str) -> list[str]:
    return [unescape(h) for h in re.findall(r'href="([^"]*)"', html)]


def query_of(href: str) -> str:
    return parse_qs(urlsplit(href).query).get("q", [""])[0]


def section(html: str, start: str, end: str) -> str:
    i = html.index(start)
    return html[i : html.index(end, i)]


# -- the lists ----------------------------------------------------------------------------


def test_people_list_has_counts_dates_and_links(client, ids, library_path):
    html = client.get("/people").text
    assert "<h1>People in the cables</h1>" in html
    with Library.open(library_path) as library:
        total = library.people(limit=0)["total"]
    assert total > 100 and f"<strong>{total}</strong> people" in html
    row = section(html, f'href="/people/{ids["lavrov"]}"', "</tr>")
    assert ">Lavrov (Russia)</a>" in row
    assert re.search(
        r'class="num">2</td>\s*<td class="opt">2009-06-05</td>\s*<td class="opt">2009-10-06', row
    )
    assert 'aria-current="page">People</a>' in html


def test_people_list_filters_by_name_words_and_pages(client, monkeypatch):
    html = client.get("/people", params={"q": "lav"}).text
    assert "<strong>2</strong> people" in html
    assert ">Lavrov</a>" in html and ">Lavrov (Russia)</a>" in html
    assert ">Anne W. Patterson</a>" not in html
    monkeypatch.setattr(entity_views, "LIST_SIZE", 5)
    first = client.get("/people").text
    second = client.get("/people", params={"page": 2}).text
    names = re.compile(r'<td><a href="/people/\d+">([^<]+)</a>')
    assert len(names.findall(first)) == 5 and len(names.findall(second)) == 5
    assert not set(names.findall(first)) & set(names.findall(second))
    assert 'href="/people?page=3"' in second and 'rel="prev" href="/people"' in second


def test_places_and_organisations_lists(client, ids):
    places = client.get("/places").text
    assert f'href="/places/{ids["russia"]}">Russia</a>' in places
    assert '<th class="opt">Country</th>' in places and ">city</td>" in places
    orgs = client.get("/organizations", params={"q": "hamas"}).text
    assert "<strong>1</strong> organisation " in orgs and ">Hamas</a>" in orgs


def test_list_with_markup_in_the_filter_is_escaped(client):
    html = client.get("/people", params={"q": '<script>alert("x")</script>'}).text
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html


# -- an entity's page ---------------------------------------------------------------------


def test_person_page_shows_names_titles_and_cables(client, ids):
    html = client.get(f"/people/{ids['lavrov']}").text
    assert "<h1>Lavrov (Russia)</h1>" in html
    assert "Named in <strong>2</strong> cables, from 5 Jun 2009, 13:01 to 6 Oct 2009, 14:02" in html
    facts = section(html, "<h2>Titles</h2>", "</div>")
    assert "Foreign Minister" in facts
    cables = section(html, 'id="cables"', "</section>")
    assert re.findall(r'<h3><a href="/cables/([^"]+)"', cables) == ["09MOSCOW2529", "09MOSCOW1488"]
    assert "named 27 times" in cables


def test_the_timeline_links_each_month_to_a_search_for_its_cables(client, ids):
    html = client.get(f"/people/{ids['lavrov']}").text
    timeline = section(html, '<svg id="timeline"', "</svg>")
    bars = re.findall(r'<a href="([^"]+)" data-key="([^"]+)"><title>[^:]+: (\d+) cable', timeline)
    assert len(bars) >= 12  # a year of months at least
    full = [(unescape(h), k) for h, k, n in bars if n != "0"]
    assert [k for _, k in full] == ["2009-06", "2009-10"]
    href, key = full[0]
    assert query_of(href) == f'person:"Lavrov Russia" from:{key} to:{key}'
    found = client.get("/api/search", params={"q": query_of(href)}).json()
    assert [r["reference_id"] for r in found["results"]] == ["09MOSCOW1488"]
    search_these = section(html, 'class="searchthese"', "</a>")
    assert (
        client.get("/api/search", params={"q": query_of(hrefs(search_these)[0])}).json()["total"]
        == 2
    )


def test_the_network_links_people_named_with_it(client, ids):
    html = client.get(f"/people/{ids['lavrov']}").text
    svg = section(html, '<svg class="network"', "</svg>")
    nodes = re.findall(r'<a href="/people/(\d+)" class="node( center)?">', svg)
    assert nodes[-1] == (str(ids["lavrov"]), " center")  # drawn last, on top
    assert 5 <= len(nodes) <= 21
    assert len(svg.split("<circle")) - 1 == len(nodes)
    assert re.search(
        r'<line class="spoke"[^>]+stroke-width="[\d.]+"><title>Lavrov \(Russia\) and ', svg
    )
    assert ">Beyrle</text>" in svg  # "Beyrle (United States)", labelled without its country


def test_the_map_draws_the_places_named_with_it(client, ids):
    html = client.get(f"/people/{ids['lavrov']}").text
    svg = section(html, '<svg class="map"', "</svg>")
    assert '<use class="land" href="/static/world.svg#land"></use>' in svg
    assert 'href="/static/world.svg#c-RU"' in svg  # Russia, a country: shaded
    assert f'href="/places/{ids["moscow"]}" class="place kind-city"' in svg
    view = [float(v) for v in re.search(r'viewBox="([^"]+)"', svg).group(1).split()]
    assert 0 <= view[0] and view[0] + view[2] <= 3600.5 and view[2] > view[3] > 0


def test_place_page_rings_the_place_on_its_map(client, ids):
    html = client.get(f"/places/{ids['moscow']}").text
    assert "<h1>Moscow</h1>" in html and "Place &middot; city in Russia" in html
    svg = section(html, '<svg class="map"', "</svg>")
    assert f'href="/places/{ids["moscow"]}" class="place kind-city subject"' in svg
    assert "Moscow (ringed)" in html
    country = client.get(f"/places/{ids['russia']}").text
    assert 'class="country subject" href="/static/world.svg#c-RU"' in country


def test_organisation_page(client, ids):
    response = client.get(f"/organizations/{ids['usg']}")
    assert response.status_code == 200
    assert "<h1>United States Government</h1>" in response.text
    assert "Organisations</a> &middot; Organisation" in response.text


def test_cable_list_pages(client, ids, monkeypatch):
    monkeypatch.setattr(entity_views, "CABLES_SIZE", 1)
    first = client.get(f"/people/{ids['lavrov']}").text
    second = client.get(f"/people/{ids['lavrov']}", params={"page": 2}).text
    pick = re.compile(r'<h3><a href="/cables/([^"]+)"')
    assert pick.findall(first) == ["09MOSCOW2529"] and pick.findall(second) == ["09MOSCOW1488"]
    assert 'rel="next" href="?page=2#cables"' in first


@pytest.mark.parametrize(
    "url",
    ["/people/abc", "/people/99999999", "/people/-1", "/people/1e3", "/places/%3Cscript%3E"],
)
def test_unknown_ids_are_404_pages(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "<script>" not in response.text


def test_an_id_of_another_kind_is_a_404(client, ids):
    assert client.get(f"/organizations/{ids['lavrov']}").status_code == 404
    assert client.get(f"/places/{ids['usg']}").status_code == 404
    assert client.get(f"/people/{ids['moscow']}").status_code == 404


def test_an_alias_redirects_to_its_entity(client, ids, library_path):
    with Library.open(library_path) as library:
        alias = library.entity(ids["cretz"])["aliases"][0]["id"]
    response = client.get(f"/people/{alias}?page=1", follow_redirects=False)
    assert response.status_code == 302
    assert response.headers["location"] == f"/people/{ids['cretz']}?page=1"


def test_a_name_with_markup_is_escaped_everywhere(client, ids):
    page = client.get(f"/people/{ids['evil']}").text
    assert "<img src=x" not in page and "<b>Minister" not in page
    assert "&lt;img src=x onerror=alert(1)&gt; &#34;Evil&#34; Ivanov" in page
    # named with Lavrov in 09MOSCOW1488: in his network and lists too
    lavrov = client.get(f"/people/{ids['lavrov']}").text
    assert "<img src=x" not in lavrov and "&lt;img src=x" in lavrov
    listed = client.get("/people", params={"q": "evil"}).text
    assert "<img src=x" not in listed and "&lt;img src=x" in listed


@pytest.mark.parametrize(
    "url", ["/people", "/places?q=mos", "/people/{lavrov}", "/places/{moscow}"]
)
def test_entity_pages_have_no_inline_script_or_style(client, ids, url):
    html = client.get(url.format(**ids)).text
    assert "<script>" not in html and "<style" not in html and " style=" not in html
    assert not re.search(r"<[^>]*\son[a-z]+=", html)
    assert not re.search(r'(?:src|href)="(?:https?:)?//', html)
    assert "content-security-policy" in client.get(url.format(**ids)).headers


# -- the cable page and search link to the entities --------------------------------------


def test_cable_page_links_people_places_and_organisations_to_their_pages(client, ids):
    html = client.get("/cables/09MOSCOW1488").text
    box = section(html, 'class="metabox"', "</aside>")
    assert f'<a href="/people/{ids["lavrov"]}">Lavrov</a>' in box
    assert f'<a href="/places/{ids["moscow"]}">Moscow</a>' in box
    assert "<dt>Organisations</dt>" in box and 'href="/organizations/' in box


def test_search_facets_people_organisations_places(client):
    html = client.get("/search", params={"q": "Lavrov"}).text
    for title in ("People", "Organisations", "Places"):
        assert f"<summary>{title}</summary>" in html
    links = [h for h in hrefs(html) if "person%3A" in h or "person:" in h]
    assert 'Lavrov person:"Lavrov (Russia)"' in [query_of(h) for h in links]
    refined = client.get("/search", params={"q": 'Lavrov person:"Lavrov (Russia)"'}).text
    assert 'class="active"' in refined
    assert sorted(re.findall(r'<h2><a href="/cables/([^"]+)"', refined)) == [
        "09MOSCOW1488",
        "09MOSCOW2529",
    ]


# -- the API ------------------------------------------------------------------------------


def test_api_people_and_entities(client, ids):
    people = client.get("/api/people", params={"q": "lav"}).json()
    assert people["total"] == 2
    assert {r["name"] for r in people["results"]} == {"Lavrov", "Lavrov (Russia)"}
    places = client.get("/api/entities", params={"kind": "place", "limit": 2}).json()
    assert places["total"] > 10 and len(places["results"]) == 2
    assert places["results"][0]["name"] == "United States"
    assert places["results"][0]["place_kind"] == "country"
    everything = client.get("/api/entities", params={"q": "moscow"}).json()
    assert {r["kind"] for r in everything["results"]} >= {"place"}


def test_api_rejects_a_bad_kind_and_limits(client):
    assert client.get("/api/entities", params={"kind": "planet"}).status_code == 422
    assert client.get("/api/people", params={"limit": 10_000}).status_code == 422
    assert client.get("/api/entities/abc").status_code == 422
    assert client.get(f"/api/entities/{10**30}").status_code == 404
    missing = client.get("/api/entities/99999999")
    assert missing.status_code == 404 and "no entity" in missing.json()["detail"]


def test_api_entity_is_the_library_entity(client, ids, library_path):
    got = client.get(f"/api/entities/{ids['lavrov']}", params={"cables": 5}).json()
    with Library.open(library_path) as library:
        expected = library.entity(ids["lavrov"], cables=5)
    for key in ("id", "kind", "name", "cables", "aliases", "titles", "affiliations", "timeline"):
        assert got[key] == expected[key], key
    assert got["cable_list"] == expected["cable_list"]
    for kind in ("person", "organization", "place"):
        mine, theirs = got["related"][kind], expected["related"][kind]
        assert [r["shared"] for r in mine] == [r["shared"] for r in theirs]
        # the same entities, but for the order of a tie at the end of the list
        last = theirs[-1]["shared"] if theirs else 0
        assert {r["id"] for r in mine if r["shared"] > last} == {
            r["id"] for r in theirs if r["shared"] > last
        }
    assert got["total_cables"] == 2 and got["related_basis"] == 2
    assert all({"a", "b", "shared"} == set(e) for e in got["network"])
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/people", "/api/entities", "/api/entities/{entity_id}"} <= set(paths)


# -- the figures' geometry ----------------------------------------------------------------


def test_layout_is_deterministic_and_inside_the_box():
    edges = {(0, i): 1.0 for i in range(1, 12)} | {(1, 2): 0.5, (3, 4): 0.2}
    a, b = layout(12, edges), layout(12, edges)
    assert (a == b).all()
    assert a.min() >= 0 and a.max() <= 1 and tuple(a[0]) == (0.5, 0.5)
    assert len({(round(x, 3), round(y, 3)) for x, y in a}) == 12  # no two nodes on one spot
    assert layout(0, {}).shape == (0, 2) and layout(1, {}).tolist() == [[0.5, 0.5]]


def test_network_geometry():
    entity = {"id": 1, "kind": "person", "name": "A", "cables": 9}
    people = [
        {"id": i, "kind": "person", "name": f"Person {i}", "shared": 10 - i} for i in range(2, 8)
    ]
    net = network(entity, {"person": people, "edges": {(2, 3): 4, (3, 9): 1}})
    assert [n["id"] for n in net["nodes"]] == [1, 2, 3, 4, 5, 6, 7]
    assert net["nodes"][1]["r"] > net["nodes"][-1]["r"]
    spokes = [line for line in net["lines"] if line["spoke"]]
    links = [line for line in net["lines"] if not line["spoke"]]
    assert len(spokes) == 6 and len(links) == 1  # (3, 9): 9 is not a node
    assert network(entity, {"person": [], "edges": {}}) is None


def test_world_map_frames_its_places():
    places = [
        {"id": 2, "name": "Tbilisi", "place_kind": "city", "lat": 41.7, "lon": 44.8, "shared": 5},
        {"id": 3, "name": "Russia", "place_kind": "country", "lat": 55.7, "lon": 37.6, "shared": 3},
        {"id": 4, "name": "Nowhere", "place_kind": "city", "lat": None, "lon": None, "shared": 9},
    ]
    m = world_map(None, places)
    x, y, w, h = (float(v) for v in m["view"].split())
    assert w < 3600 and w / h == pytest.approx(2.0)
    tx = (44.8 + 180) * 10 * m["k"]
    assert x < tx < x + w and y < (90 - 41.7) * 10 < y + h  # Tbilisi in view
    assert [c["code"] for c in m["countries"]] == ["RU"]
    assert {d["name"] for d in m["dots"]} == {"Tbilisi", "Russia"}
    far = places + [
        {"id": 5, "name": "Lima", "place_kind": "city", "lat": -12.0, "lon": -77.0, "shared": 1}
    ]
    x, y, w, h = (float(v) for v in world_map(None, far)["view"].split())
    assert x < (-77 + 180) * 10 and x + w > (44.8 + 180) * 10 * world_map(None, far)["k"]
    spread_out = far + [
        {"id": 6, "name": "Tokyo", "place_kind": "city", "lat": 35.7, "lon": 139.7, "shared": 1},
        {
            "id": 7,
            "name": "Honolulu",
            "place_kind": "city",
            "lat": 21.3,
            "lon": -157.8,
            "shared": 1,
        },
    ]
    assert world_map(None, spread_out)["view"] == "0.0 40.0 3600.0 1560.0"  # the whole world
    assert world_map(None, places[2:]) is None
    assert world_map(None, []) is None


def test_world_outlines_are_compact_and_name_countries_by_code():
    assert WORLD_SVG.stat().st_size < 300_000
    countries = world_countries()
    assert len(countries) > 190
    assert {"US", "RU", "GE", "FR", "CN", "BR"} <= set(countries)
    x0, y0, x1, y1 = countries["GE"]  # Georgia: 40-47 E, 41-44 N
    assert 2190 <= x0 < x1 <= 2280 and 450 <= y0 < y1 <= 500
    assert country_code("Georgia") == "GE" and country_code("Atlantis") is None
    assert country_code(None) is None
    assert "Natural Earth" in WORLD_SVG.read_text(encoding="utf-8")[:400]


def test_small_helpers():
    assert short_label("Grigoriy Borisovich Karasin") == "G. B. Karasin"
    assert short_label("Rice (United States)") == "Rice"
    assert short_label("") == ""
    assert spread(list(range(10)), 3) == [0, 3, 6] and spread([1, 2], 5) == [1, 2]
    assert search_query({"kind": "organization", "name": "U.S. Army"}) == 'org:"U S Army"'
    assert (
        search_query({"kind": "person", "name": "Gene Cretz", "aliases": [{"name": "Cretz"}]})
        == '(person:"Gene Cretz" OR person:Cretz)'
    )
    assert search_query({"kind": "place", "name": "()"}) == ""


def test_entity_view_of_nothing(library_path):
    with Library.open(library_path) as library:
        assert entity_view(library, 99999999) is None
        assert entity_view(library, -5) is None


def test_home_page_lists_the_most_named_people(client):
    html = client.get("/").text
    way = section(html, "<h2>By person</h2>", "</div>")
    names = re.findall(r'<a href="/people/\d+">([^<]+?) <span class="n">(\d+)</span>', way)
    assert names[:3] == [
        ("Beyrle (United States)", "3"),
        ("Clinton (United States)", "3"),
        ("Medvedev (Russia)", "3"),
    ]
    assert len(names) == 20 and 'href="/places">places</a>' in way
