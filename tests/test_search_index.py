"""The Tantivy search index against a brute-force scan of the real dev corpus.

Every total and facet count must equal what a plain scan of the same texts gives, with
"a word" defined as the index defines it: alphanumeric runs, lowercased, at most 40 bytes.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from cablekit import CablekitError, parse_cable
from cablekit.extract import extract_entities
from cablekit.search import (
    And,
    DateRange,
    Filter,
    IndexDoc,
    MatchAll,
    Node,
    Not,
    Or,
    Phrase,
    QuerySyntaxError,
    SearchIndex,
    Word,
    parse_query,
)
from cablekit.store.entities import entity_rows

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "cables-dev.jsonl.gz"
PARTIAL = "This record is a partial extract"
TOKEN_RE = re.compile(r"[^\W_]+")


def tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(text.lower())


@dataclass
class Scanned:
    """One cable as the brute-force scan sees it."""

    doc: IndexDoc
    words: set[str]  # tokens of subject + body, <= 40 bytes
    joined: str  # " tok tok ... " for phrase lookups (long tokens kept: they hold a position)
    subject_words: set[str]
    subject_joined: str
    names: dict[str, list[str]]  # entity field -> " tok tok " of each name


def _scan(doc: IndexDoc) -> Scanned:
    text = f"{doc.subject}\n{doc.body}" if doc.subject else doc.body
    toks = tokens(text)
    stoks = tokens(doc.subject or "")
    names = {
        field: [" " + " ".join(tokens(n)) + " " for n in values]
        for field, values in zip(
            ("person", "org", "place"), (doc.people, doc.organizations, doc.places), strict=True
        )
    }
    return Scanned(
        doc,
        {t for t in toks if len(t.encode()) <= 40},
        " " + " ".join(toks) + " ",
        {t for t in stoks if len(t.encode()) <= 40},
        " " + " ".join(stoks) + " ",
        names,
    )


def matches(node: Node, s: Scanned) -> bool:
    """An independent evaluator of the AST over one scanned cable."""
    d = s.doc
    if isinstance(node, MatchAll):
        return True
    if isinstance(node, And):
        return all(matches(c, s) for c in node.children)
    if isinstance(node, Or):
        return any(matches(c, s) for c in node.children)
    if isinstance(node, Not):
        return not matches(node.child, s)
    if isinstance(node, Word | Phrase) and node.field in s.names:
        phrase = " " + (node.text if isinstance(node, Word) else " ".join(node.words))
        if isinstance(node, Word) and node.prefix:
            return any(phrase in name for name in s.names[node.field])
        return any(phrase + " " in name for name in s.names[node.field])
    if isinstance(node, Word):
        words = s.subject_words if node.field == "subject" else s.words
        if node.prefix:
            return any(w.startswith(node.text) for w in words)
        return node.text in words
    if isinstance(node, Phrase):
        joined = s.subject_joined if node.field == "subject" else s.joined
        return " " + " ".join(node.words) + " " in joined
    if isinstance(node, Filter):
        v = node.value.lower()
        if node.field == "origin":
            return (d.origin or "").lower() == v
        if node.field == "tag":
            return v in {t.lower() for t in d.tags}
        if node.field == "id":
            return d.reference_id == node.value
        if node.field == "classification":
            label = (d.classification or "").lower()
            return label == v if "//" in v else label.split("//")[0] == v
    if isinstance(node, DateRange):
        day = (d.created or "")[:10]
        if not day:
            return False
        return (node.start is None or day >= node.start) and (node.end is None or day <= node.end)
    raise AssertionError(node)


def newest_docs() -> list[IndexDoc]:
    """The newest version of each reference id, as the store will hand them over."""
    newest: dict[str, tuple[tuple[str, str], dict]] = {}
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            key = (r.get("released") or "", r.get("version_seen") or "")
            if r["id"] not in newest or key >= newest[r["id"]][0]:
                newest[r["id"]] = (key, r)
    docs = []
    for i, (_, r) in enumerate(newest.values()):
        header = "" if r["header"].startswith(PARTIAL) else r["header"]
        cable = parse_cable(f"{header}\n{r['body']}" if header else r["body"])
        names: dict[str, list[str]] = {"person": [], "organization": [], "place": []}
        if i % 4 == 0:  # a quarter of the docs name entities (extraction takes a while)
            for row in entity_rows(extract_entities(cable)):
                names[row.kind].append(row.name)
        docs.append(
            IndexDoc(
                reference_id=r["id"],
                created=r["created"],
                origin=r["origin"],
                classification=r["classification"],
                tags=list(cable.tags),
                subject=cable.subject,
                body=cable.body,
                people=names["person"],
                organizations=names["organization"],
                places=names["place"],
            )
        )
    return docs


@pytest.fixture(scope="session")
def corpus_docs() -> list[IndexDoc]:
    if not CORPUS.exists():
        pytest.skip(f"{CORPUS} is not here")
    return newest_docs()


@pytest.fixture(scope="session")
def scanned(corpus_docs: list[IndexDoc]) -> list[Scanned]:
    return [_scan(d) for d in corpus_docs]


@pytest.fixture(scope="session")
def index(tmp_path_factory: pytest.TempPathFactory, corpus_docs: list[IndexDoc]) -> SearchIndex:
    path = tmp_path_factory.mktemp("search") / "cables.db-search"
    writer = SearchIndex(path, writable=True)
    writer.replace(corpus_docs)
    writer.commit()
    writer.close()
    # read-only, as the CLI and the API open it; the text for snippets comes from outside
    return SearchIndex(path, text_of=_texts_of(corpus_docs))


def _texts_of(docs: list[IndexDoc]):
    """What the library's store gives the index for snippets: subject + body."""
    texts = {d.reference_id: f"{d.subject}\n{d.body}" if d.subject else d.body for d in docs}
    return lambda ids: {i: texts[i] for i in ids if i in texts}


def scan_total(query: str, scanned: list[Scanned]) -> int:
    node = parse_query(query)
    return sum(matches(node, s) for s in scanned)


QUERIES = [
    # single words
    "Lavrov",
    "Medvedev",
    "nuclear",
    "Chavez",
    "SIPDIS",
    "12958",
    # phrases
    '"nuclear weapons"',
    '"prime minister"',
    '"human rights watch"',
    "U.S.",
    "al-Qaeda",
    # OR, NOT, parentheses
    "Lavrov OR Medvedev",
    "Lavrov OR Medvedev OR Putin",
    "Lavrov -Medvedev",
    "nuclear NOT Iran",
    'Iran -"nuclear weapons"',
    "(Lavrov OR Medvedev) Georgia",
    "Russia (Georgia OR Ukraine) -gas",
    "Lavrov OR -Medvedev",
    "-(Russia OR Iran) oil",
    # prefix
    "privati*",
    "nucl*",
    "terror* Pakistan",
    "-privati* oil",
    "subject:nucl*",
    # filters
    'origin:"Embassy Moscow"',
    'origin:"embassy MOSCOW"',
    'origin:"Secretary of State" Lavrov',
    "tag:PREL",
    "tag:prel tag:RS",
    "nuclear -tag:PREL",
    "classification:SECRET",
    "classification:confidential",
    "classification:UNCLASSIFIED",
    "classification:SECRET//NOFORN",
    'classification:"unclassified//for official use only"',
    "from:2009-01-01",
    "to:2005",
    "from:2008-08 to:2008-08",
    "from:2009-06-05 to:2009-06-05",
    "Lavrov from:2008 to:2009-06",
    "id:09MOSCOW1488",
    "id:09MOSCOW001488",
    "id:10MOSCOW392 OR id:10BAKU134",
    "subject:Iran",
    'subject:"nuclear program"',
    "subject:Lavrov OR Lavrov",
    # entities (a quarter of the docs have them here)
    "person:Lavrov",
    'person:"sergey lavrov"',
    "person:lav*",
    "person:Putin -person:Medvedev",
    "org:Gazprom OR org:ministry",
    "place:Moscow",
    'place:"united states" nuclear',
    "",
]


@pytest.mark.parametrize("query", QUERIES)
def test_total_equals_scan(query: str, index: SearchIndex, scanned: list[Scanned]) -> None:
    expected = scan_total(query, scanned)
    assert index.search(query, facets=False, snippets=False).total == expected


def test_queries_are_not_trivial(scanned: list[Scanned]) -> None:
    """Guard: the cases above exercise real matches (not 0 = 0), and filters do filter."""
    for query in [
        "Lavrov",
        '"nuclear weapons"',
        "privati*",
        "Lavrov -Medvedev",
        "tag:PREL",
        "classification:SECRET",
        "from:2008-08 to:2008-08",
        "id:09MOSCOW1488",
        "subject:Iran",
        'origin:"Embassy Moscow"',
    ]:
        assert 0 < scan_total(query, scanned) < len(scanned), query
    assert scan_total("privati*", scanned) > scan_total("privatization", scanned)
    assert scan_total("classification:SECRET", scanned) > scan_total(
        "classification:SECRET//NOFORN", scanned
    )


def test_known_counts(index: SearchIndex) -> None:
    assert index.doc_count() == 5346
    assert index.search("id:09MOSCOW1488").total == 1
    assert index.search("Lavrov").total == 48


def _scan_facets(query: str, scanned: list[Scanned]) -> dict[str, dict[str, int]]:
    node = parse_query(query)
    counts: dict[str, Counter[str]] = {
        k: Counter()
        for k in ("origin", "year", "month", "classification", "tag", "person", "org", "place")
    }
    for s in scanned:
        if not matches(node, s):
            continue
        d = s.doc
        counts["origin"][d.origin] += 1
        counts["year"][d.created[:4]] += 1
        counts["month"][d.created[:7]] += 1
        counts["classification"][d.classification] += 1
        counts["tag"].update(set(d.tags))
        counts["person"].update(set(d.people))
        counts["org"].update(set(d.organizations))
        counts["place"].update(set(d.places))
    out = {
        name: dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:100])
        for name, c in counts.items()
    }
    out["month"] = dict(sorted(counts["month"].items()))  # the timeline: every month, in order
    return out


@pytest.mark.parametrize(
    "query",
    [
        "Lavrov",
        "nuclear -Iran",
        "tag:PREL",
        "",
        'origin:"Embassy Moscow" from:2009',
        "place:Russia",
    ],
)
def test_facets_equal_scan(query: str, index: SearchIndex, scanned: list[Scanned]) -> None:
    result = index.search(query, limit=3)
    expected = _scan_facets(query, scanned)
    assert result.facets == expected
    for name, facet in result.facets.items():
        if name == "month":
            assert list(facet) == sorted(facet)
            continue
        assert list(facet.values()) == sorted(facet.values(), reverse=True), name
        assert len(facet) <= 100


def test_tag_facet_is_cut_to_100(index: SearchIndex) -> None:
    facets = index.search("").facets
    assert len(facets["tag"]) == 100
    assert (
        facets["classification"]["CONFIDENTIAL"] + facets["classification"]["CONFIDENTIAL//NOFORN"]
        == index.search("classification:CONFIDENTIAL").total
    )


def test_snippets_mark_matches_and_escape(index: SearchIndex) -> None:
    result = index.search("Lavrov", limit=10)
    assert len(result.hits) == 10
    for hit in result.hits:
        assert hit.snippet and re.search(r"<b>lavrov</b>", hit.snippet, re.I), hit.snippet
        assert "<" not in re.sub(r"</?b>", "", hit.snippet)
        assert hit.score > 0
    # an excluded word is not marked, a phrase is
    hit = index.search('"nuclear weapons" -Iran', limit=1).hits[0]
    assert re.search(r"<b>nuclear</b> <b>weapons</b>", hit.snippet, re.I)
    # quotes and ampersands come escaped
    texts = [h.snippet for h in index.search('"AT&T" OR "R&D"', limit=20).hits]
    assert texts and any("R</b>&amp;<b>D" in t or "T</b>&amp;<b>T" in t for t in texts)


def test_filters_only_get_the_opening_as_snippet(index: SearchIndex) -> None:
    hit = index.search("id:09MOSCOW1488").hits[0]
    assert hit.reference_id == "09MOSCOW1488"
    assert hit.snippet.startswith("ISRAELI FM LIEBERMAN IN MOSCOW")
    assert index.search("id:09MOSCOW1488", snippets=False).hits[0].snippet is None


def test_sort_by_date_is_newest_first(index: SearchIndex, corpus_docs: list[IndexDoc]) -> None:
    created = {d.reference_id: d.created for d in corpus_docs}
    hits = index.search("Lavrov", sort="date", limit=50).hits
    dates = [created[h.reference_id] for h in hits]
    assert len(dates) == 48 and dates == sorted(dates, reverse=True)
    newest = max(d.created for d in corpus_docs)
    assert created[index.search("", sort="date", limit=1).hits[0].reference_id] == newest


def test_relevance_ranks_by_bm25(index: SearchIndex) -> None:
    hits = index.search("Lavrov", limit=48).hits
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[-1]


def test_offset_pages(index: SearchIndex) -> None:
    whole = [h.reference_id for h in index.search("nuclear", limit=30, sort="date").hits]
    page = [h.reference_id for h in index.search("nuclear", limit=10, offset=20, sort="date").hits]
    assert page == whole[20:30]
    empty = index.search("nuclear", limit=0)
    assert empty.hits == [] and empty.total == index.search("nuclear").total


def test_bad_queries_and_arguments(index: SearchIndex) -> None:
    with pytest.raises(QuerySyntaxError, match="unclosed quote at position 7"):
        index.search('Lavrov "nuclear')
    with pytest.raises(ValueError):
        index.search("Lavrov", limit=-1)
    with pytest.raises(ValueError):
        index.search("Lavrov", sort="size")  # type: ignore[arg-type]


def test_ast_input_and_long_words(index: SearchIndex) -> None:
    assert index.search(Word("lavrov")).total == 48
    assert index.search(Not(Word("lavrov"))).total == 5346 - 48
    assert index.search("x" * 41).total == 0


def _doc(rid: str, body: str, **kw: object) -> IndexDoc:
    base = dict(
        created="2009-06-05 13:06",
        origin="Embassy Moscow",
        classification="SECRET",
        tags=["PREL", "RS"],
        subject="A SUBJECT",
    )
    base.update(kw)
    return IndexDoc(reference_id=rid, body=body, **base)  # type: ignore[arg-type]


def test_replace_is_idempotent(tmp_path: Path, corpus_docs: list[IndexDoc]) -> None:
    docs = corpus_docs[:200]
    with SearchIndex(tmp_path / "ix", writable=True) as ix:
        ix.replace(docs)
        ix.commit()
        assert ix.doc_count() == 200
        lavrov = ix.search("Lavrov").total
        ix.replace(docs)
        ix.replace(docs[:50])
        ix.commit()
        assert ix.doc_count() == 200
        assert ix.search("Lavrov").total == lavrov
        # a changed text replaces the old one
        changed = _doc(docs[0].reference_id, "zyzzyva appears")
        ix.replace([changed])
        ix.commit()
        ix._text_of = _texts_of([changed])
        assert ix.doc_count() == 200
        assert ix.search("zyzzyva").total == 1
        assert ix.search("zyzzyva").hits[0].snippet == "A SUBJECT <b>zyzzyva</b> appears"
        assert (
            ix.search(f"id:{docs[0].reference_id}").hits[0].snippet == "A SUBJECT zyzzyva appears"
        )
    # reopen: committed work persisted, uncommitted work is not
    with SearchIndex(tmp_path / "ix", writable=True) as ix:
        assert ix.doc_count() == 200
        ix.replace([_doc("99NOWHERE1", "never committed")])
    assert SearchIndex(tmp_path / "ix").doc_count() == 200


def test_last_of_a_batch_wins(tmp_path: Path) -> None:
    with SearchIndex(tmp_path / "ix", writable=True) as ix:
        ix.replace([_doc("09MOSCOW1", "first"), _doc("09MOSCOW1", "second")])
        ix.commit()
        assert ix.doc_count() == 1
        assert ix.search("second").total == 1 and ix.search("first").total == 0


def test_missing_metadata_is_absent_from_facets(tmp_path: Path) -> None:
    with SearchIndex(tmp_path / "ix", writable=True) as ix:
        ix.replace(
            [
                _doc("09A1", "alpha", created=None, origin=None, classification=None, tags=[]),
                _doc("09A2", "alpha", tags=["PREL", "PREL", "prel"]),
            ]
        )
        ix.commit()
        result = ix.search("alpha", sort="date")
        assert result.total == 2
        assert [h.reference_id for h in result.hits] == ["09A2", "09A1"]  # undated last
        assert result.facets == {
            "origin": {"Embassy Moscow": 1},
            "year": {"2009": 1},
            "month": {"2009-06": 1},
            "classification": {"SECRET": 1},
            "tag": {"PREL": 1, "prel": 1},
            "person": {},
            "org": {},
            "place": {},
        }
        assert ix.search("tag:Prel").total == 1
        assert ix.search("alpha from:1900").total == 1


def test_open_errors(tmp_path: Path) -> None:
    with pytest.raises(CablekitError, match="no search index"):
        SearchIndex(tmp_path / "absent")
    SearchIndex(tmp_path / "ix", writable=True).close()
    reader = SearchIndex(tmp_path / "ix")
    with pytest.raises(CablekitError, match="read-only"):
        reader.replace([_doc("09A1", "x")])
    (tmp_path / "ix" / "cablekit-search.json").write_text('{"schema_version": 0}')
    with pytest.raises(CablekitError, match="another format"):
        SearchIndex(tmp_path / "ix")


def test_facet_ties_at_the_cut_are_exact_and_stable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import cablekit.search.index as index_module

    monkeypatch.setattr(index_module, "FACET_SIZE", 3)
    monkeypatch.setattr(index_module, "_FACET_ASK", 4)  # ties run past the buckets asked
    with SearchIndex(tmp_path / "ix", writable=True) as ix:
        ix.replace([_doc(f"09A{i}", "alpha", tags=[f"T{9 - i}", "COMMON"]) for i in range(10)])
        ix.commit()
        assert ix.search("alpha").facets["tag"] == {"COMMON": 10, "T0": 1, "T1": 1}
