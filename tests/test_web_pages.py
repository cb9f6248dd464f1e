"""The web app's pages over HTTP: every route, its 400/404/413 paths, escaping, headers.

A real library built from the bundled sample (25 cables, the seed page's four
among them), plus a second version of 10CAIRO237 whose REF line also names
10BAKU134 (in the library) so versions, diffs and known references are exercised.
"""

from __future__ import annotations

import csv
import io
import json
import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import ROOT, SEED
from fastapi.testclient import TestClient

from cablekit.identify import identify
from cablekit.store import Library
from cablekit.web.app import create_app
from cablekit.web.upload import MAX_UPLOAD
from cablekit.web.views import highlight

SAMPLE = ROOT / "samples" / "cables-sample.jsonl"
SEED_IDS = ["09MOSCOW1488", "10MOSCOW392", "10BAKU134", "09MOSCOW2529"]


@pytest.fixture(scope="module")
def library_path(tmp_path_factory):
    folder = tmp_path_factory.mktemp("web")
    path = folder / "cables.db"
    second = folder / "cairo-v2.jsonl"
    for line in SAMPLE.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] == "10CAIRO237":
            body = record["body"].replace(
                "REF: 10 CAIRO 215", "REF: A. 10 CAIRO 215 B. 10 BAKU 134"
            )
            record["body"] = body.replace("Thousands of supporters", "Hundreds of supporters")
            assert record["body"] != body
            second.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with Library.open(path, create=True) as library:
        library.ingest([str(SAMPLE)])
        library.ingest([str(second)])
    return path


@pytest.fixture(scope="module")
def client(library_path):
    with TestClient(create_app(library_path)) as client:
        yield client


def hrefs(html: str) -> list[str]:
    return [unescape(h) for h in re.findall(r'href="([^"]*)"', html)]


def query_of(href: str) -> str:
    return parse_qs(urlsplit(href).query).get("q", [""])[0]


def result_ids(html: str) -> list[str]:
    return re.findall(r'<h2><a href="/cables/([^"]+)"', html)


# -- headers and errors -------------------------------------------------------------------

ROUTES = [
    ("/", 200),
    ("/search?q=Lavrov", 200),
    ("/search?q=%22unclosed", 400),
    ("/cables/09MOSCOW1488", 200),
    ("/cables/99NOWHERE1", 404),
    ("/cables/10CAIRO237/diff", 200),
    ("/identify", 200),
    ("/static/style.css", 200),
    ("/static/app.js", 200),
    ("/search.csv?q=Lavrov", 200),
    ("/api/stats", 200),
    ("/no/such/page", 404),
]


@pytest.mark.parametrize(("url", "status"), ROUTES)
def test_every_response_has_the_security_headers(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize("url", ["/", "/search?q=Lavrov", "/cables/09MOSCOW1488", "/identify"])
def test_pages_have_no_inline_script_or_style_and_nothing_from_elsewhere(client, url):
    html = client.get(url).text
    assert re.findall(r"<script(?![^>]*\bsrc=)", html) == []
    assert " style=" not in html and "<style" not in html
    assert not re.search(r'(?:src|href)="(?:https?:)?//', html)


def test_unknown_page_is_an_html_404_and_unknown_api_a_json_404(client):
    page = client.get("/no/such/page")
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]
    assert "Not found" in page.text
    api = client.get("/api/cables/99NOWHERE1")
    assert api.status_code == 404 and api.json()["detail"]


def test_bad_parameters_are_a_400_page_not_a_trace(client):
    for url in ("/search?page=abc", "/search?page=0", "/search?sort=cleverness"):
        response = client.get(url)
        assert response.status_code == 400, url
        assert "Bad request" in response.text and "Traceback" not in response.text


def test_no_swagger_ui_from_a_cdn(client):
    assert client.get("/docs").status_code == 404
    assert "/api/identify" in client.get("/openapi.json").json()["paths"]


# -- home ---------------------------------------------------------------------------------


def test_home_shows_the_size_and_the_ways_in(client):
    html = client.get("/").text
    assert "25 cables" in html and "26 versions" in html and "2003 to 2010" in html
    queries = {query_of(h) for h in hrefs(html) if h.startswith("/search?")}
    assert "from:2009 to:2009" in queries
    assert 'origin:"Embassy Moscow"' in queries
    assert "tag:PREL" in queries
    assert 'classification:"SECRET//NOFORN"' in queries


# -- search -------------------------------------------------------------------------------


def test_search_lists_results_with_highlighted_snippets(client):
    response = client.get("/search", params={"q": "Lavrov"})
    html = response.text
    assert response.status_code == 200
    assert "<strong>4</strong> cables" in html
    assert set(result_ids(html)) == set(SEED_IDS)
    assert "<mark>Lavrov</mark>" in html
    assert "&#x27;" not in html.split('class="hits"')[1]  # the snippet is not escaped twice


def test_snippet_markup_lets_only_the_marks_through():
    snippet = "a &lt;script&gt;x&lt;/script&gt; <b>Lavrov</b> &amp; <b>co"
    out = str(highlight(snippet))
    assert out == "a &lt;script&gt;x&lt;/script&gt; <mark>Lavrov</mark> &amp; <mark>co</mark>"
    assert str(highlight(None)) == ""


def test_sort_by_date_puts_the_newest_first(client):
    html = client.get("/search", params={"q": "Moscow", "sort": "date"}).text
    dates = re.findall(r"<span>(\d+ \w{3} \d{4}), \d\d:\d\d</span>", html)
    ids = result_ids(html)
    assert len(ids) >= 3 and len(dates) == len(ids)
    years = [int(d[-4:]) for d in dates]
    assert years == sorted(years, reverse=True)


def test_paging(client):
    first = client.get("/search").text  # no query: every cable, newest first
    assert "<strong>25</strong> cables, 1&ndash;20 shown" in first
    assert len(result_ids(first)) == 20
    second = client.get("/search", params={"page": 2}).text
    assert "21&ndash;25 shown" in second and len(result_ids(second)) == 5
    assert not set(result_ids(first)) & set(result_ids(second))
    assert 'rel="next"' in first and 'rel="prev"' in second


def test_a_facet_refines_the_query_and_clicking_it_again_removes_it(client):
    html = client.get("/search", params={"q": "Lavrov"}).text
    facet = next(h for h in hrefs(html) if query_of(h) == "Lavrov tag:AF")
    refined = client.get(facet).text
    assert "<strong>1</strong> cable" in refined
    assert result_ids(refined) == ["09MOSCOW2529"]
    active = re.search(r'<a href="([^"]+)" class="active"', refined)
    assert active and query_of(unescape(active.group(1))) == "Lavrov"
    origin = next(h for h in hrefs(html) if query_of(h) == 'Lavrov origin:"Embassy Baku"')
    assert result_ids(client.get(origin).text) == ["10BAKU134"]


def test_the_timeline_has_a_bar_per_month_linking_to_that_month(client):
    html = client.get("/search", params={"q": "Lavrov"}).text
    svg = html[html.index("<svg") : html.index("</svg>")]
    keys = re.findall(r'data-key="([^"]+)"', svg)
    assert keys[0] <= "2009-06" and keys[-1] >= "2010-02"
    assert len(keys) == len(set(keys)) >= 12  # every month, empty ones too
    assert 'data-q="Lavrov"' in svg
    assert len(re.findall(r'class="bar"', svg)) == 3  # 2009-06, 2009-10, 2010-02
    link = next(h for h in hrefs(svg) if "2010-02" in h)
    assert query_of(link) == "Lavrov from:2010-02 to:2010-02"
    narrowed = client.get(link).text
    assert set(result_ids(narrowed)) == {"10MOSCOW392", "10BAKU134"}
    # Narrowing again replaces the dates rather than piling them up.
    svg = narrowed[narrowed.index("<svg") : narrowed.index("</svg>")]
    assert 'data-q="Lavrov"' in svg
    assert all(query_of(h).count("from:") == 1 for h in hrefs(svg))


def test_a_malformed_query_is_shown_in_the_page_with_a_400(client):
    response = client.get("/search", params={"q": 'Lavrov "unclosed'})
    assert response.status_code == 400
    assert "cannot be read" in response.text and "position 7" in response.text
    assert "<mark>&#34;</mark>" in response.text or "<mark>&quot;</mark>" in response.text
    assert "Traceback" not in response.text
    unknown = client.get("/search", params={"q": "foo:bar"})
    assert unknown.status_code == 400 and "unknown field" in unknown.text


def test_a_query_with_markup_comes_back_escaped(client):
    attack = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
    for url in ("/search", "/search.csv"):
        response = client.get(url, params={"q": attack})
        assert "<script>alert" not in response.text and "<img src=x" not in response.text
    html = client.get("/search", params={"q": attack}).text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_export_csv_and_jsonl_stream_every_match(client):
    csv_response = client.get("/search.csv", params={"q": "tag:PREL"})
    assert csv_response.status_code == 200
    assert csv_response.headers["content-type"].startswith("text/csv")
    assert "attachment" in csv_response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(csv_response.text)))
    assert len(rows) == 20 and all("PREL" in r["tags"].split() for r in rows)
    lines = client.get("/search.jsonl", params={"q": "tag:PREL"}).text.splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 20 and {r["reference_id"] for r in records} == {
        r["reference_id"] for r in rows
    }
    everything = client.get("/search.csv").text
    assert len(list(csv.DictReader(io.StringIO(everything)))) == 25
    cairo = [
        r for r in csv.DictReader(io.StringIO(everything)) if r["reference_id"] == "10CAIRO237"
    ]
    assert "Hundreds of supporters" in cairo[0]["body"]  # the newest version
    bad = client.get("/search.jsonl", params={"q": "(Lavrov"})
    assert bad.status_code == 400 and "cannot be read" in bad.text


def test_export_of_many_records_spans_chunks_with_one_header(client, monkeypatch):
    monkeypatch.setattr("cablekit.web.views.EXPORT_CHUNK", 7)
    text = client.get("/search.csv").text
    assert text.count("reference_id,version,") == 1
    assert len(list(csv.DictReader(io.StringIO(text)))) == 25
    assert len(client.get("/search.jsonl").text.splitlines()) == 25


# -- a cable ------------------------------------------------------------------------------


def test_a_cable_page_shows_its_metadata(client):
    html = client.get("/cables/09MOSCOW1488").text
    meta = html[html.index('class="metabox"') : html.index("</aside>")]
    for expected in (
        "09MOSCOW1488",
        "5 Jun 2009, 13:01",
        "Embassy Moscow",
        "CONFIDENTIAL",
        "SIPDIS",
        "ISRAELI FM LIEBERMAN IN MOSCOW",
        "Alice G. Wells",
        "Political M/C",
        "1.4(b), 1.4(d)",
        "5 Jun 2019",
        "12958",
    ):
        assert expected in meta, expected
    tags = [query_of(h) for h in hrefs(meta) if "tag%3A" in h]
    assert tags == [f"tag:{t}" for t in ["PGOV", "PREL", "IR", "IS", "SY", "GG", "RS"]]


def test_a_cable_page_shows_paragraphs_markings_headings_and_anchors(client):
    html = client.get("/cables/09MOSCOW1488").text
    assert 'id="p1"' in html and 'href="#p1"' in html and 'id="p3"' in html
    assert re.search(r'<span class="badge mark lvl-conf" title="Confidential">C</span>', html)
    assert '<h2 class="section">Behaved Like an Old Friend</h2>' in html
    assert html.count('<h2 class="section">Behaved Like an Old Friend</h2>') == 1
    assert '<details class="original">' in html and "DE RUEHMO #1488/01 1561306" in html
    assert html.index('id="p1"') < html.index('id="p2"') < html.index('id="p3"')
    assert "BEYRLE" in html  # the signature


def test_references_link_to_cables_and_say_whether_they_are_here(client):
    html = client.get("/cables/10CAIRO237").text
    refs = html[html.index('class="refs"') : html.index("</ul>", html.index('class="refs"'))]
    assert 'href="/cables/10CAIRO215" class="ref unknown"' in refs
    assert 'href="/cables/10BAKU134" class="ref known"' in refs
    assert "not in the library" in refs and "in the library" in refs
    missing = client.get("/cables/10CAIRO215")
    assert missing.status_code == 404 and "10CAIRO215 is not in this library" in missing.text
    mention = next(h for h in hrefs(missing.text) if h.startswith("/search?"))
    assert query_of(mention) == '"CAIRO 215"'
    assert "10CAIRO237" in result_ids(client.get(mention).text)


def test_ids_are_canonicalised(client):
    response = client.get("/cables/09moscow1488?version=1", follow_redirects=False)
    assert response.status_code == 301
    assert response.headers["location"] == "/cables/09MOSCOW1488?version=1"
    assert client.get("/cables/09 MOSCOW 1488").url.path == "/cables/09MOSCOW1488"


def test_unknown_cable_and_version_are_404_pages(client):
    response = client.get("/cables/99NOWHERE1")
    assert response.status_code == 404 and "99NOWHERE1 is not in this library" in response.text
    response = client.get("/cables/09MOSCOW1488", params={"version": 9})
    assert response.status_code == 404 and "has no version 9" in response.text
    assert client.get("/cables/09MOSCOW1488", params={"version": 0}).status_code == 400


def test_versions_and_the_diff_between_them(client):
    newest = client.get("/cables/10CAIRO237").text
    assert newest.count('<tr class="current">') == 1
    assert 'href="/cables/10CAIRO237?version=1"' in newest
    assert 'href="/cables/10CAIRO237/diff?from=1&amp;to=2"' in newest
    old = client.get("/cables/10CAIRO237", params={"version": 1}).text
    assert "You are reading version 1" in old and "Thousands of supporters" in old
    assert "Hundreds of supporters" in newest
    diff = client.get("/cables/10CAIRO237/diff").text
    assert '<span class="del">-REF: 10 CAIRO 215' in diff
    assert '<span class="del">--- Thousands of supporters' in diff
    assert '<span class="add">+REF: A. 10 CAIRO 215 B. 10 BAKU 134' in diff
    assert "Thousands" in diff and "Hundreds" in diff
    same = client.get("/cables/09MOSCOW1488/diff").text
    assert "only one" in same
    assert client.get("/cables/10CAIRO237/diff", params={"from": 1, "to": 5}).status_code == 404
    assert client.get("/cables/99NOWHERE1/diff").status_code == 404
    redirect = client.get("/cables/10cairo237/diff?from=1&to=2", follow_redirects=False)
    assert redirect.headers["location"] == "/cables/10CAIRO237/diff?from=1&to=2"


# -- identify -----------------------------------------------------------------------------


def seed() -> str:
    return SEED.read_text(encoding="utf-8")


def match_ids(html: str) -> list[str]:
    return re.findall(r'<section class="match" id="m-([^"]+)"', html)


def test_identify_form(client):
    html = client.get("/identify").text
    assert 'enctype="multipart/form-data"' in html and 'name="text"' in html
    assert 'type="file"' in html and "2 MB" in html


def test_identify_pasted_text_shows_each_cable_beside_its_original(client):
    response = client.post("/identify", data={"text": seed()})
    html = response.text
    assert response.status_code == 200
    assert match_ids(html) == SEED_IDS
    for reference_id in SEED_IDS:
        assert f'<a href="/cables/{reference_id}">' in html
    assert html.count('<div class="pair">') == 4
    assert re.search(r'<span class="ln lost"><span class="n">15</span>SIPDIS\s*</span>', html)
    assert "51 lines" not in html  # per cable: 9, 9, 10 and 23 lines lost
    assert [int(n) for n in re.findall(r'lostbadge">(\d+) lines? lost', html)] == [9, 9, 10, 23]
    assert "Text that matches no cable" in html and 'class="unmatched"' in html


def test_identify_an_uploaded_html_page(client):
    paragraphs = seed().split("\n\n")
    page = (
        "<!doctype html><html><head><title>Leaks</title></head><body><nav>Home | About</nav>"
        "<article><h1>Four cables</h1>"
        + "".join("<p>" + p.replace("\n", "<br>\n") + "</p>\n" for p in paragraphs)
        + "</article><footer>Leave a comment</footer></body></html>"
    )
    response = client.post("/identify", files={"file": ("leaks.html", page.encode(), "text/html")})
    assert response.status_code == 200
    assert match_ids(response.text) == SEED_IDS
    assert "found\n      in leaks.html" in response.text or "in leaks.html" in response.text


def test_identify_an_uploaded_text_file_in_latin_1(client):
    data = seed().replace("Lavrov", "Lavrov\u00e9").encode("latin-1", "replace")
    response = client.post("/identify", files={"file": ("page.txt", data, "text/plain")})
    assert response.status_code == 200 and match_ids(response.text) == SEED_IDS


def test_identify_text_that_holds_no_cable(client):
    html = client.post("/identify", data={"text": "Nothing to see here.\nJust a note."}).text
    assert "0 cables found" in html and "No cable of this library appears" in html
    assert "Just a note." in html


def test_identify_refuses_empty_binary_and_oversized_input(client):
    empty = client.post("/identify", data={"text": "  \n "})
    assert empty.status_code == 400 and "no text to identify" in empty.text
    binary = client.post("/identify", files={"file": ("x.bin", b"\x00\x01\x02" * 100)})
    assert binary.status_code == 400 and "binary file" in binary.text
    big = "x" * (MAX_UPLOAD + 1)
    over = client.post("/identify", files={"file": ("big.txt", big.encode())})
    assert over.status_code == 413
    assert "the limit is 2 MB" in over.text and 'name="text"' in over.text  # the form again


def test_an_upload_over_the_limit_without_a_length_is_cut_off(client):
    def chunks():
        for _ in range(5):
            yield b"y" * (MAX_UPLOAD // 4)

    response = client.post(
        "/api/identify", content=chunks(), headers={"content-type": "text/plain"}
    )
    assert response.status_code == 413 and "limit is 2 MB" in response.json()["detail"]


def test_a_multipart_upload_over_the_limit_sent_in_chunks_is_a_413(client):
    """No Content-Length: the multipart parser is fed from the limited stream, which stops."""
    head = (
        b'--B\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n'
        b"Content-Type: text/plain\r\n\r\n"
    )

    def chunks():
        yield head
        for _ in range(5):
            yield b"z" * (MAX_UPLOAD // 4)
        yield b"\r\n--B--\r\n"

    response = client.post(
        "/api/identify",
        content=chunks(),
        headers={"content-type": "multipart/form-data; boundary=B"},
    )
    assert response.status_code == 413 and "limit is 2 MB" in response.json()["detail"]


def test_multipart_forms_are_parsed_by_python_multipart(client):
    def post(body: bytes, content_type: str = "multipart/form-data; boundary=B"):
        return client.post("/api/identify", content=body, headers={"content-type": content_type})

    part = b'--B\r\nContent-Disposition: form-data; name="text"\r\n\r\n'
    text = seed().encode()
    whole = post(part + text + b"\r\n--B--\r\n")
    assert whole.status_code == 200
    assert [m["reference_id"] for m in whole.json()["matches"]] == SEED_IDS
    named = b'--B\r\nContent-Disposition: form-data; name="file"; filename="C:\\x\\p\xc3\xa9.txt"'
    upload = post(named + b"\r\n\r\n" + text + b"\r\n--B--\r\n").json()
    assert upload["source"] == "p\u00e9.txt" and len(upload["matches"]) == 4
    truncated = post(part + text[:500])
    assert truncated.status_code == 400 and "could not be read" in truncated.json()["detail"]
    assert post(b"not a form at all").status_code == 400
    no_boundary = post(part + b"x\r\n--B--\r\n", "multipart/form-data")
    assert no_boundary.status_code == 400 and "boundary" in no_boundary.json()["detail"]
    many = b"".join(
        b'--B\r\nContent-Disposition: form-data; name="f%d"\r\n\r\nx\r\n' % i for i in range(40)
    )
    assert post(many + b"--B--\r\n").status_code == 400


def test_api_identify_gives_the_json_of_identify(client, library_path):
    text = seed()
    with Library.open(library_path) as library:
        expected = identify(library, text).to_dict()
    as_json = client.post("/api/identify", json={"text": text})
    assert as_json.status_code == 200 and as_json.json() == expected
    assert [m["reference_id"] for m in expected["matches"]] == SEED_IDS
    as_form = client.post("/api/identify", data={"text": text}).json()
    assert as_form == expected
    as_plain = client.post(
        "/api/identify", content=text.encode(), headers={"content-type": "text/plain"}
    )
    assert as_plain.json() == expected
    as_file = client.post("/api/identify", files={"file": ("page.txt", text.encode())}).json()
    assert as_file["source"] == "page.txt" and as_file["matches"] == expected["matches"]


def test_api_identify_errors_are_json(client):
    over = client.post("/api/identify", json={"text": "x" * (MAX_UPLOAD + 10)})
    assert over.status_code == 413 and "limit" in over.json()["detail"]
    assert client.post("/api/identify", json={"txt": "a"}).status_code == 400
    assert (
        client.post(
            "/api/identify", content=b"{not json", headers={"content-type": "application/json"}
        ).status_code
        == 400
    )
    assert client.post("/api/identify", json={"text": ""}).status_code == 400
    odd = client.post("/api/identify", content=b"a", headers={"content-type": "image/png"})
    assert odd.status_code == 415
    assert client.get("/api/identify").status_code == 405


def test_cable_page_names_its_people_places_and_acronyms(client):
    html = client.get("/cables/09MOSCOW1488").text
    box = html[html.index('class="metabox"') : html.index("</aside>")]
    assert ">Lavrov</a>" in box and "Foreign Minister" in box
    assert ">Moscow</a>" in box
    assert '<abbr title="Government of Russia">GOR</abbr>' in box
    assert 'title="TAG PREL: a subject"' in box and 'title="TAG RS: a country or region"' in box


def test_identify_text_of_no_cable_suggests_tags(client):
    page = (
        "The Ambassador met Foreign Minister Lavrov in Moscow to discuss Georgia, South"
        " Ossetia and Abkhazia, NATO enlargement and missile defense in Europe. Lavrov said"
        " Russia would respond to interceptors in Poland and warned that Tbilisi should not"
        " try to retake the breakaway regions by force. The Ambassador urged restraint."
    )
    html = client.post("/identify", data={"text": page}).text
    assert "Suggested TAGS" in html
    assert re.search(r'class="chip" title="TAG (RS|GG): a country or region', html)
    assert "Suggested TAGS" not in client.post("/identify", data={"text": seed()}).text
