"""The full-text engine: one Tantivy document per cable (the newest version of a reference id).

The query AST of ``cablekit.search.query`` is translated to Tantivy ``Query`` objects here,
never through Tantivy's own query parser (it silently drops ``*`` and has other rules).

Fields:

* ``text`` (subject + "\\n" + body) and ``subject``: the default tokenizer (split on
  non-alphanumerics, lowercase, drop tokens over 40 bytes; no stemming), with positions
  for phrases. ``text`` is not stored (the store has it): snippets are made from the
  text ``text_of`` gives, which keeps the index a third smaller.
* ``origin``, ``classification``, ``level`` (the label before ``//``), ``tag``: indexed
  whole and lowercased, so filters are case-insensitive; each has a ``*_raw`` twin, a
  raw-case fast field that the facets count, so facet keys keep their spelling.
* ``reference_id``: raw, stored, the key ``replace`` deletes by.
* ``person``, ``org``, ``place``: the names of the library entities the cable mentions
  (``store/entities.py``), tokenized like ``text`` with positions, so ``person:lavrov``
  and ``person:"sergey lavrov"`` both work; each has a raw ``*_raw`` twin for its facet.
* ``created``: seconds since the epoch (i64, indexed + fast) for date ranges and sort;
  ``year`` and ``month`` (``2009-06``): raw fast strings for the year facet and the
  timeline (the month facet lists every month, in order, never cut).
"""

from __future__ import annotations

import datetime as _dt
import html
import json
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Literal

import msgspec
import tantivy
from tantivy import FieldType, Occur, Order, Query

from cablekit.errors import CablekitError
from cablekit.parse.reference_id import canonical_reference_id
from cablekit.search.query import (
    And,
    DateRange,
    Filter,
    MatchAll,
    Node,
    Not,
    Or,
    Phrase,
    Word,
    parse_query,
)

__all__ = ["Hit", "IndexDoc", "IndexFormatError", "SearchIndex", "SearchResult"]

SCHEMA_VERSION = 5  # 2: the fingerprint field "fp"; 3: "month"; 4: "text" not stored; 5: entities
WRITER_HEAP = 128_000_000  # bytes, shared by the writer threads
MAX_PREFIX_TERMS = 10_000  # a prefix matching more index terms is cut to the first 10,000
FACET_SIZE = 100  # entries kept per facet
MAX_TOKEN_BYTES = 40  # tantivy's default tokenizer drops longer tokens
SNIPPET_CHARS = 200

_LOWER_RAW = "cablekit_lower_raw"
_WHITESPACE = "cablekit_whitespace"  # fingerprint terms, space-separated
_META_FILE = "cablekit-search.json"
_FACET_FIELDS = {
    "origin": "origin_raw",
    "year": "year",
    "month": "month",
    "classification": "classification_raw",
    "tag": "tag_raw",
    "person": "person_raw",
    "org": "org_raw",
    "place": "place_raw",
}
ENTITY_FIELDS = ("person", "org", "place")  # query fields over entity names
_WORD_FIELDS = ("text", "subject", *ENTITY_FIELDS)
_MONTHS = 12 * 200  # every month of two centuries: the month facet is never cut
_FACET_ASK = 250  # buckets asked per facet: enough to see whether ties cross the cut at 100
_FACET_ALL = 4_000_000_000  # "every term": terms per segment and the exact fallback
_SMALL_EXPANSION = 64  # prefix expansions up to this size are scored (BM25) term by term
_WS_RE = re.compile(r"\s+")
_EPOCH = _dt.datetime(1970, 1, 1)


class IndexFormatError(CablekitError):
    """The index on disk was written by another version of cablekit (it can be rebuilt)."""


class IndexDoc(msgspec.Struct):
    """One cable = the NEWEST version of a reference id."""

    reference_id: str
    created: str | None  # ISO date or date-time, e.g. "2009-06-05T13:06:00"
    origin: str | None  # "Embassy Moscow"
    classification: str | None  # "SECRET//NOFORN"
    tags: list[str]
    subject: str | None
    body: str  # Cable.body (clean text)
    # the text-reuse fingerprints of the cable's original text (cablekit.identify.fingerprint)
    fingerprints: list[str] = msgspec.field(default_factory=list)
    people: list[str] = msgspec.field(default_factory=list)  # library entity names
    organizations: list[str] = msgspec.field(default_factory=list)
    places: list[str] = msgspec.field(default_factory=list)


class Hit(msgspec.Struct):
    """A matching cable; ``score`` is BM25 (0.0 when sorted by date)."""

    reference_id: str
    score: float
    snippet: str | None  # HTML: text escaped, <b>..</b> around matches


class SearchResult(msgspec.Struct):
    total: int  # every matching cable, exact
    hits: list[Hit]
    facets: dict[str, dict[str, int]]  # origin, year, classification, tag -> key -> count


def _schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_text_field(
        "reference_id", stored=True, fast=True, tokenizer_name="raw", index_option="basic"
    )
    sb.add_text_field("text", tokenizer_name="default", index_option="position")
    sb.add_text_field("subject", tokenizer_name="default", index_option="position")
    for name in ("origin", "classification", "level", "tag"):
        sb.add_text_field(name, tokenizer_name=_LOWER_RAW, index_option="basic")
        sb.add_text_field(name + "_raw", fast=True, tokenizer_name="raw", index_option="basic")
    sb.add_integer_field("created", indexed=True, fast=True)
    sb.add_text_field("year", fast=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("month", fast=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("fp", tokenizer_name=_WHITESPACE, index_option="basic")
    for name in ENTITY_FIELDS:
        sb.add_text_field(name, tokenizer_name="default", index_option="position")
        sb.add_text_field(name + "_raw", fast=True, tokenizer_name="raw", index_option="basic")
    return sb.build()


def _norm(value: str | None) -> str:
    """Whitespace collapsed: the form filter values are indexed and queried in."""
    return " ".join(value.split()) if value else ""


def _parse_datetime(value: str | None) -> _dt.datetime | None:
    if not value:
        return None
    try:
        dt = _dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if dt.tzinfo is not None:  # an explicit offset: compare in UTC
        dt = dt.astimezone(_dt.UTC).replace(tzinfo=None)
    return dt


def _seconds(dt: _dt.datetime) -> int:
    return int((dt - _EPOCH).total_seconds())


def _fits(word: str) -> bool:
    return len(word.encode("utf-8")) <= MAX_TOKEN_BYTES


class SearchIndex:
    """A Tantivy index in a directory: write with ``replace`` + ``commit``, read with ``search``.

    Only one writable ``SearchIndex`` may be open on a directory at a time (Tantivy's
    writer lock); any number of read-only ones may search while it writes, and see
    each commit shortly after it lands.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        writable: bool = False,
        text_of: Callable[[list[str]], dict[str, str]] | None = None,
    ) -> None:
        """``text_of(reference_ids)`` gives the indexed text (subject + "\\n" + body) of
        cables, for snippets: the index does not keep a copy of the text, the store has
        it (without it, hits have no snippet)."""
        self.path = Path(path)
        self._text_of = text_of
        self._schema = _schema()
        self._writable = writable
        self._writer: tantivy.IndexWriter | None = None
        meta = self.path / _META_FILE
        exists = self.path.is_dir() and tantivy.Index.exists(str(self.path))
        if exists:
            try:
                version = json.loads(meta.read_text(encoding="utf-8")).get("schema_version")
            except (OSError, ValueError, AttributeError):
                version = None
            if version != SCHEMA_VERSION:
                raise IndexFormatError(
                    f"{self.path}: search index of another format (schema {version}, "
                    f"expected {SCHEMA_VERSION}); rebuild it with:"
                    " cablekit ingest --db DB --reindex"
                )
            self._index = tantivy.Index.open(str(self.path))
        elif writable:
            self.path.mkdir(parents=True, exist_ok=True)
            self._index = tantivy.Index(self._schema, path=str(self.path), reuse=False)
            meta.write_text(json.dumps({"schema_version": SCHEMA_VERSION}), encoding="utf-8")
        else:
            raise CablekitError(f"{self.path}: no search index here")
        analyzer = (
            tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.raw())
            .filter(tantivy.Filter.lowercase())
            .build()
        )
        self._index.register_tokenizer(_LOWER_RAW, analyzer)
        whitespace = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build()
        self._index.register_tokenizer(_WHITESPACE, whitespace)

    # --- writing -------------------------------------------------------------------------

    def _get_writer(self) -> tantivy.IndexWriter:
        if not self._writable:
            raise CablekitError(f"{self.path}: search index opened read-only")
        if self._writer is None:
            threads = max(1, min(2, os.cpu_count() or 1))
            self._writer = self._index.writer(heap_size=WRITER_HEAP, num_threads=threads)
        return self._writer

    def _document(self, doc: IndexDoc) -> tantivy.Document:
        d = tantivy.Document()
        d.add_text("reference_id", doc.reference_id)
        subject = doc.subject or ""
        d.add_text("text", f"{subject}\n{doc.body or ''}" if subject else doc.body or "")
        if subject:
            d.add_text("subject", subject)
        origin = _norm(doc.origin)
        if origin:
            d.add_text("origin", origin)
            d.add_text("origin_raw", origin)
        label = (
            "//".join(_norm(p) for p in doc.classification.split("//"))
            if doc.classification
            else ""
        )
        if label:
            d.add_text("classification", label)
            d.add_text("classification_raw", label)
            level = label.split("//", 1)[0]
            d.add_text("level", level)
            d.add_text("level_raw", level)
        seen: set[str] = set()
        for tag in doc.tags:
            tag = _norm(tag)
            if tag and tag not in seen:  # a repeated tag would count twice in the facet
                seen.add(tag)
                d.add_text("tag", tag)
                d.add_text("tag_raw", tag)
        created = _parse_datetime(doc.created)
        if created is not None:
            d.add_integer("created", _seconds(created))
            d.add_text("year", f"{created.year:04d}")
            d.add_text("month", f"{created.year:04d}-{created.month:02d}")
        if doc.fingerprints:
            d.add_text("fp", " ".join(doc.fingerprints))
        for field, names in zip(
            ENTITY_FIELDS, (doc.people, doc.organizations, doc.places), strict=True
        ):
            for name in dict.fromkeys(_norm(n) for n in names):
                if name:
                    d.add_text(field, name)
                    d.add_text(field + "_raw", name)
        return d

    def replace(self, docs: Iterable[IndexDoc]) -> None:
        """Delete any doc with the same reference_id, then add each (idempotent); not committed.

        Within one batch the last doc of a reference id wins: a delete only removes
        what was added before it.
        """
        writer = self._get_writer()
        for doc in docs:
            writer.delete_documents_by_term("reference_id", doc.reference_id)
            writer.add_document(self._document(doc))

    def commit(self) -> None:
        """Make every ``replace`` so far durable and visible to searches."""
        if self._writer is not None:
            self._writer.commit()
        self._index.reload()

    def doc_count(self) -> int:
        self._index.reload()
        return self._index.searcher().num_docs

    def close(self) -> None:
        """Release the writer (uncommitted changes are discarded)."""
        if self._writer is not None:
            writer, self._writer = self._writer, None
            writer.rollback()
            writer.wait_merging_threads()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- text reuse ----------------------------------------------------------------------

    def reusing(self, terms: list[str], *, limit: int = 10) -> list[tuple[str, float]]:
        """The cables that share most fingerprint ``terms`` (BM25: rare ones weigh more)."""
        if not terms:
            return []
        schema = self._schema
        query = Query.boolean_query(
            [
                (Occur.Should, Query.term_query(schema, "fp", t, index_option="basic"))
                for t in dict.fromkeys(terms)
            ]
        )
        searcher = self._index.searcher()
        found = searcher.search(query, limit=limit, count=False)
        out = []
        for score, address in found.hits:
            ids = searcher.doc(address).get_all("reference_id")
            if ids:
                out.append((ids[0], float(score)))
        return out

    def doc_freqs(self, field: str, terms: list[str]) -> tuple[int, dict[str, int]]:
        """Cables in the index, and how many hold each term of ``field`` (for idf weights)."""
        searcher = self._index.searcher()
        return searcher.num_docs, {t: searcher.doc_freq(field, t) for t in dict.fromkeys(terms)}

    def fingerprint_frequency(self, terms: list[str]) -> dict[str, int]:
        """How many cables hold each fingerprint term."""
        searcher = self._index.searcher()
        return {t: searcher.doc_freq("fp", t) for t in dict.fromkeys(terms)}

    # --- searching -----------------------------------------------------------------------

    def search(
        self,
        query: str | Node,
        *,
        limit: int = 10,
        offset: int = 0,
        sort: Literal["relevance", "date"] = "relevance",
        facets: bool = True,
        snippets: bool = True,
    ) -> SearchResult:
        """Run a query (text in the query language, or an AST).

        ``total`` and ``facets`` are exact over all matching cables. A prefix word
        (``privati*``) matches at most ``MAX_PREFIX_TERMS`` (10,000) distinct index
        terms, the first in term order; beyond that the prefix is silently narrowed.
        Raises ``QuerySyntaxError`` for a bad query text, ``ValueError`` for bad arguments.
        """
        if limit < 0 or offset < 0:
            raise ValueError("limit and offset must be >= 0")
        if sort not in ("relevance", "date"):
            raise ValueError(f"sort must be 'relevance' or 'date', not {sort!r}")
        node = parse_query(query) if isinstance(query, str) else query
        searcher = self._index.searcher()
        expansions: dict[tuple[str, str], list[str]] = {}
        q = self._query(node, searcher, expansions)

        hits: list[Hit] = []
        if limit == 0:  # tantivy's top-docs collector needs limit >= 1
            total = searcher.search(q, 1, count=True).count
        else:
            if sort == "date":
                res = searcher.search(
                    q, limit, count=True, order_by_field="created", offset=offset, order=Order.Desc
                )
            else:
                res = searcher.search(q, limit, count=True, offset=offset)
            total = res.count
            generator = None
            if snippets and res.hits:
                highlight = self._highlight_query(node, searcher, expansions)
                if highlight is not None:
                    generator = tantivy.SnippetGenerator.create(
                        searcher, highlight, self._schema, "text"
                    )
                    generator.set_max_num_chars(SNIPPET_CHARS)
            found = [
                (score, searcher.doc(address).get_first("reference_id") or "")
                for score, address in res.hits
            ]
            texts = self._text_of([ref for _, ref in found]) if snippets and self._text_of else {}
            for score, ref in found:
                text = texts.get(ref)
                hits.append(
                    Hit(
                        reference_id=ref,
                        score=float(score) if sort == "relevance" and score is not None else 0.0,
                        snippet=self._snippet(text, generator) if text is not None else None,
                    )
                )
        return SearchResult(
            total=total, hits=hits, facets=self._facets(searcher, q) if facets else {}
        )

    @staticmethod
    def _snippet(text: str, generator: tantivy.SnippetGenerator | None) -> str:
        if generator is not None:
            doc = tantivy.Document()
            doc.add_text("text", text)
            fragment = generator.snippet_from_doc(doc).to_html()
            if fragment:
                return _WS_RE.sub(" ", fragment).strip()
        # Nothing to highlight (filters only): the opening of the text.
        text = _WS_RE.sub(" ", text[: SNIPPET_CHARS * 2]).strip()
        if len(text) > SNIPPET_CHARS:
            text = text[:SNIPPET_CHARS].rsplit(" ", 1)[0]
        return html.escape(text, quote=False)

    def _facets(self, searcher: tantivy.Searcher, q: Query) -> dict[str, dict[str, int]]:
        def terms(field: str, size: int) -> dict[str, Any]:
            return {
                "terms": {
                    "field": field,
                    "size": size,
                    "segment_size": _FACET_ALL,
                    "show_term_doc_count_error": True,
                }
            }

        def ordered(result: dict[str, Any]) -> list[tuple[str, int]]:
            pairs = [(str(b["key"]), int(b["doc_count"])) for b in result.get("buckets", [])]
            pairs.sort(key=lambda kv: (-kv[1], kv[0]))
            return pairs

        aggs = {
            name: terms(field, _MONTHS if name == "month" else _FACET_ASK)
            for name, field in _FACET_FIELDS.items()
        }
        result = searcher.aggregate(q, aggs)
        out: dict[str, dict[str, int]] = {}
        for name, field in _FACET_FIELDS.items():
            r = result.get(name) or {}
            pairs = ordered(r)
            # Exact when every segment returned all its terms (error bound 0) and no tie
            # at the cut could hide behind the buckets asked; otherwise ask for everything.
            inexact = bool(r.get("doc_count_error_upper_bound"))
            tie_hidden = (
                name != "month"
                and len(pairs) >= _FACET_ASK
                and r.get("sum_other_doc_count")
                and pairs[FACET_SIZE - 1][1] == pairs[-1][1]
            )
            if inexact or tie_hidden:
                full = searcher.aggregate(q, {name: terms(field, _FACET_ALL)})
                pairs = ordered(full.get(name) or {})
            if name == "month":  # a timeline: every month, in order
                out[name] = dict(sorted(pairs))
                continue
            out[name] = dict(pairs[:FACET_SIZE])
        return out

    # --- AST -> tantivy ------------------------------------------------------------------

    def _expand(
        self,
        word: Word,
        searcher: tantivy.Searcher,
        expansions: dict[tuple[str, str], list[str]],
    ) -> list[str]:
        key = (word.field, word.text)
        if key not in expansions:
            pairs = searcher.terms_with_prefix(word.field, word.text, limit=MAX_PREFIX_TERMS)
            expansions[key] = [t for t, _ in pairs]
        return expansions[key]

    def _query(
        self,
        node: Node,
        searcher: tantivy.Searcher,
        expansions: dict[tuple[str, str], list[str]],
    ) -> Query:
        schema = self._schema
        if isinstance(node, MatchAll):
            return Query.all_query()
        if isinstance(node, Word):
            field = node.field if node.field in _WORD_FIELDS else "text"
            if not _fits(node.text):
                return Query.empty_query()
            if not node.prefix:
                return Query.term_query(schema, field, node.text)
            terms = self._expand(Word(node.text, field, True), searcher, expansions)
            if not terms:
                return Query.empty_query()
            if len(terms) <= _SMALL_EXPANSION:
                return Query.boolean_query(
                    [(Occur.Should, Query.term_query(schema, field, t)) for t in terms]
                )
            return Query.term_set_query(schema, field, terms)
        if isinstance(node, Phrase):
            field = node.field if node.field in _WORD_FIELDS else "text"
            if not node.words or not all(_fits(w) for w in node.words):
                return Query.empty_query()
            if len(node.words) == 1:
                return Query.term_query(schema, field, node.words[0])
            return Query.phrase_query(schema, field, list(node.words))
        if isinstance(node, Filter):
            return Query.const_score_query(self._filter(node), 1.0)
        if isinstance(node, DateRange):
            lo = hi = None
            if node.start:
                lo = _seconds(_dt.datetime.fromisoformat(node.start[:10]))
            if node.end:
                end = _dt.datetime.fromisoformat(node.end[:10]) + _dt.timedelta(days=1)
                hi = _seconds(end) - 1
            return Query.const_score_query(
                Query.range_query(schema, "created", FieldType.Integer, lo, hi), 1.0
            )
        if isinstance(node, And):
            clauses: list[tuple[Occur, Query]] = []
            for child in node.children:
                if isinstance(child, Not):
                    clauses.append((Occur.MustNot, self._query(child.child, searcher, expansions)))
                else:
                    clauses.append((Occur.Must, self._query(child, searcher, expansions)))
            if all(occur == Occur.MustNot for occur, _ in clauses):
                clauses.insert(0, (Occur.Must, Query.all_query()))
            return Query.boolean_query(clauses)
        if isinstance(node, Or):
            return Query.boolean_query(
                [(Occur.Should, self._query(c, searcher, expansions)) for c in node.children]
            )
        if isinstance(node, Not):  # outside an And: everything but the child
            return Query.boolean_query(
                [
                    (Occur.Must, Query.all_query()),
                    (Occur.MustNot, self._query(node.child, searcher, expansions)),
                ]
            )
        raise TypeError(f"not a query node: {node!r}")

    def _filter(self, node: Filter) -> Query:
        schema = self._schema
        value = _norm(node.value)
        if node.field == "id":
            ids = sorted({value, value.upper(), canonical_reference_id(value) or value})
            return Query.term_set_query(schema, "reference_id", ids)
        if node.field == "classification":
            label = "//".join(_norm(p) for p in value.split("//")).lower()
            field = "classification" if "//" in label else "level"
            return Query.term_query(schema, field, label, index_option="basic")
        if node.field in ("origin", "tag"):
            return Query.term_query(schema, node.field, value.lower(), index_option="basic")
        raise ValueError(f"unknown filter field {node.field!r}")

    def _highlight_query(
        self,
        node: Node,
        searcher: tantivy.Searcher,
        expansions: dict[tuple[str, str], list[str]],
    ) -> Query | None:
        """The positive words and phrases of the query, on ``text``: what snippets mark.

        Excluded words are left out, and subject words are marked in the text too.
        """
        clauses: list[Query] = []

        def walk(n: Node, negated: bool) -> None:
            if isinstance(n, Not):
                walk(n.child, not negated)
            elif isinstance(n, And | Or):
                for c in n.children:
                    walk(c, negated)
            elif not negated and isinstance(n, Word | Phrase):
                words = (n.text,) if isinstance(n, Word) else n.words
                if not all(_fits(w) for w in words):
                    return
                if isinstance(n, Word) and n.prefix:
                    terms = self._expand(Word(n.text, "text", True), searcher, expansions)
                    if terms:
                        clauses.append(Query.term_set_query(self._schema, "text", terms))
                elif len(words) == 1:
                    clauses.append(Query.term_query(self._schema, "text", words[0]))
                else:
                    clauses.append(Query.phrase_query(self._schema, "text", list(words)))

        walk(node, False)
        if not clauses:
            return None
        return Query.boolean_query([(Occur.Should, c) for c in clauses])
