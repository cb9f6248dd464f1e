"""The baseline to beat: plain SQLite FTS5 over the same corpus and the same queries.

    python benchmarks/bench_fts5_baseline.py --corpus /tmp/bench/synth-251k.jsonl.gz \\
        --db /tmp/bench/fts5.db [--queries benchmarks/queries.txt] [--rounds 3]

Design (what issue 3 calls "plain FTS5"): a ``docs`` table holds the text and metadata
(id, created, origin, classification, TAGS, subject, body), a ``doc_tags`` table the
TAGS, and an external-content FTS5 table ``fts(subject, body)`` with the ``porter
unicode61`` tokenizer is built over ``docs`` (``'rebuild'``). Subject and TAGS are read
with two cheap regexes, no full parse, so the build time is SQLite's alone.

Each query of queries.txt is parsed with cablekit's query parser and translated: text
terms to an FTS5 MATCH expression, field filters to a WHERE on ``docs`` (tag via
``doc_tags``); an OR mixing text and filters cannot be expressed in one MATCH and drops
its filters (reported as ``approx``). Timed per query, after one warm-up round, over
``--rounds`` rounds:

* ``top10``: top 10 ids by bm25;
* ``snippet``: the same with ``snippet()``;
* ``facets``: top 10 + snippet + two facets over ALL matches (origin, year; GROUP BY);
* ``count``: exact count of matches;
* ``full``: snippet + count + the two facets (what one API search answers).

JSON goes to stdout, a readable table to stderr.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sqlite3
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from common import percentiles, read_queries

from cablekit import canonical_reference_id
from cablekit.search.query import (
    And,
    DateRange,
    Filter,
    MatchAll,
    Not,
    Or,
    Phrase,
    Word,
    parse_query,
)

HERE = Path(__file__).resolve().parent
_SUBJECT_RE = re.compile(r"^[ \t]*SUBJECT[ \t]*:?[ \t]*(\S[^\n]*)", re.MULTILINE | re.IGNORECASE)
_TAGS_RE = re.compile(r"^[ \t]*TAGS[ \t]*:?[ \t]*(\S[^\n]*)", re.MULTILINE)
_TAG_SPLIT = re.compile(r"[\s,;]+")

SCHEMA = """
CREATE TABLE docs (
    rowid INTEGER PRIMARY KEY,
    reference_id TEXT NOT NULL UNIQUE,
    created TEXT,
    origin TEXT,
    classification TEXT,
    tags TEXT,
    subject TEXT,
    body TEXT
);
CREATE TABLE doc_tags (tag TEXT NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (tag, doc))
    WITHOUT ROWID;
CREATE INDEX docs_created ON docs (created);
CREATE INDEX docs_origin ON docs (origin);
CREATE VIRTUAL TABLE fts USING fts5(
    subject, body, content='docs', content_rowid='rowid', tokenize='porter unicode61'
);
"""


def _records(path: Path) -> Iterator[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def _row(rec: dict, rowid: int) -> tuple:
    body = rec.get("body") or ""
    head = body[:4000]
    sm = _SUBJECT_RE.search(head)
    tm = _TAGS_RE.search(head)
    tags = [t for t in _TAG_SPLIT.split(tm.group(1).upper()) if t] if tm else []
    return (
        rowid,
        rec["id"],
        rec.get("created"),
        rec.get("origin"),
        rec.get("classification"),
        " ".join(tags),
        sm.group(1).strip() if sm else None,
        body,
    )


def build(corpus: Path, db: Path) -> dict[str, Any]:
    """Create the database from the corpus; return timings and sizes."""
    for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        p.unlink(missing_ok=True)
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute("PRAGMA cache_size=-262144")
    con.executescript(SCHEMA)
    t0 = time.perf_counter()
    raw = 0
    n = 0
    batch: list[tuple] = []
    tag_rows: list[tuple[str, int]] = []
    seen: dict[str, int] = {}

    def flush() -> None:
        con.execute("BEGIN")
        con.executemany("INSERT OR REPLACE INTO docs VALUES (?,?,?,?,?,?,?,?)", batch)
        con.executemany("INSERT OR IGNORE INTO doc_tags VALUES (?,?)", tag_rows)
        con.execute("COMMIT")
        batch.clear()
        tag_rows.clear()

    for rec in _records(corpus):
        raw += len((rec.get("header") or "").encode()) + len((rec.get("body") or "").encode())
        rowid = seen.setdefault(rec["id"], len(seen) + 1)  # newest version wins
        row = _row(rec, rowid)
        batch.append(row)
        tag_rows.extend((t, rowid) for t in row[5].split())
        n += 1
        if len(batch) >= 2000:
            flush()
    flush()
    t1 = time.perf_counter()
    con.execute("INSERT INTO fts(fts) VALUES('rebuild')")
    t2 = time.perf_counter()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute("ANALYZE")
    con.close()
    t3 = time.perf_counter()
    return {
        "records": n,
        "docs": len(seen),
        "raw_text_bytes": raw,
        "load_docs_s": round(t1 - t0, 1),
        "fts_rebuild_s": round(t2 - t1, 1),
        "build_total_s": round(t3 - t0, 1),
        "db_bytes": db_size(db),
    }


def db_size(db: Path) -> int:
    return sum(p.stat().st_size for p in (db, Path(f"{db}-wal")) if p.exists())


# -- query translation ---------------------------------------------------------


class Untranslatable(Exception):
    pass


def _q(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


class Translator:
    """AST -> (FTS5 MATCH expression or None, SQL WHERE on ``d`` or None, params)."""

    def __init__(self) -> None:
        self.params: list[Any] = []
        self.approx = False

    def filter_sql(self, node: Filter | DateRange) -> str:
        if isinstance(node, DateRange):
            parts = []
            if node.start:
                parts.append("d.created >= ?")
                self.params.append(node.start)
            if node.end:
                parts.append("substr(d.created, 1, 10) <= ?")
                self.params.append(node.end)
            return " AND ".join(parts) or "1"
        f, v = node.field, node.value
        if f == "origin":
            self.params.append(v)
            return "d.origin = ? COLLATE NOCASE"
        if f == "tag":
            self.params.append(v.upper())
            return "d.rowid IN (SELECT doc FROM doc_tags WHERE tag = ?)"
        if f == "classification":
            v = v.upper()
            if "//" in v:
                self.params.append(v)
                return "d.classification = ?"
            self.params.extend([v, v + "//%"])
            return "(d.classification = ? OR d.classification LIKE ?)"
        if f == "id":
            self.params.append(canonical_reference_id(v))
            return "d.reference_id = ?"
        raise Untranslatable(f)

    def text(self, node: Any) -> str | None:
        """FTS5 expression of a text-only subtree, None when it holds a filter."""
        if isinstance(node, Word):
            col = "subject : " if node.field == "subject" else ""
            return col + _q(node.text) + ("*" if node.prefix else "")
        if isinstance(node, Phrase):
            col = "subject : " if node.field == "subject" else ""
            return col + _q(" ".join(node.words))
        if isinstance(node, Or):
            parts = [self.text(c) for c in node.children]
            return None if None in parts else "(" + " OR ".join(parts) + ")"  # type: ignore[arg-type]
        if isinstance(node, And):
            pos = [c for c in node.children if not isinstance(c, Not)]
            neg = [c.child for c in node.children if isinstance(c, Not)]
            pp = [self.text(c) for c in pos]
            nn = [self.text(c) for c in neg]
            if None in pp or None in nn or not pp:
                return None
            expr = "(" + " AND ".join(pp) + ")"  # type: ignore[arg-type]
            for n in nn:
                expr = f"({expr} NOT {n})"
            return expr
        return None

    def translate(self, node: Any) -> tuple[str | None, str | None]:
        if isinstance(node, MatchAll):
            return None, None
        if isinstance(node, (Filter, DateRange)):
            return None, self.filter_sql(node)
        t = self.text(node)
        if t is not None:
            return t, None
        if isinstance(node, Not):
            m, w = self.translate(node.child)
            if m is not None:
                raise Untranslatable("negated text alone")
            return None, f"NOT ({w})"
        if isinstance(node, Or):
            # Mixed text and filters: keep the text alternatives only.
            self.approx = True
            parts = [self.text(c) for c in node.children]
            parts = [p for p in parts if p]
            if not parts:
                raise Untranslatable("or of filters")
            return "(" + " OR ".join(parts) + ")", None
        if isinstance(node, And):
            matches: list[str] = []
            negs: list[str] = []
            wheres: list[str] = []
            for c in node.children:
                if isinstance(c, Not):
                    tn = self.text(c.child)
                    if tn is not None:
                        negs.append(tn)
                        continue
                m, w = self.translate(c)
                if m:
                    matches.append(m)
                if w:
                    wheres.append(w)
            match = " AND ".join(matches) if matches else None
            if negs:
                if match is None:
                    # FTS5's NOT is binary: express "filters -word" as a NOT IN.
                    wheres.append("d.rowid NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?)")
                    self.params.append(" OR ".join(negs))
                else:
                    for n in negs:
                        match = f"({match}) NOT {n}"
            return match, " AND ".join(wheres) if wheres else None
        raise Untranslatable(type(node).__name__)


class Plan:
    """The SQL of one query in each mode."""

    def __init__(self, query: str) -> None:
        self.query = query
        tr = Translator()
        match, where = tr.translate(parse_query(query))
        self.match, self.where, self.approx = match, where, tr.approx
        wparams = list(tr.params)
        # Parameters: the WHERE's come after the MATCH (it is first in the SQL text).
        if match is not None:
            frm = "fts JOIN docs d ON d.rowid = fts.rowid"
            cond = "fts MATCH ?" + (f" AND {where}" if where else "")
            self.params = [match, *wparams]
            order = "ORDER BY bm25(fts)"
            snip = "snippet(fts, -1, '<b>', '</b>', '…', 16)"
        else:
            frm = "docs d"
            cond = where or "1"
            self.params = wparams
            order = "ORDER BY d.created DESC"
            snip = "substr(d.body, 1, 100)"
        self.top10 = f"SELECT d.reference_id FROM {frm} WHERE {cond} {order} LIMIT 10"
        self.snippet = (
            f"SELECT d.reference_id, d.created, d.origin, d.classification, d.subject, {snip} "
            f"FROM {frm} WHERE {cond} {order} LIMIT 10"
        )
        self.count = f"SELECT count(*) FROM {frm} WHERE {cond}"
        self.facet_origin = (
            f"SELECT d.origin, count(*) c FROM {frm} WHERE {cond} "
            "GROUP BY d.origin ORDER BY c DESC LIMIT 100"
        )
        self.facet_year = (
            f"SELECT substr(d.created, 1, 4) y, count(*) c FROM {frm} WHERE {cond} "
            "GROUP BY y ORDER BY c DESC LIMIT 100"
        )


def _run(con: sqlite3.Connection, plan: Plan, mode: str) -> Any:
    ex = con.execute
    p = plan.params
    if mode == "top10":
        return ex(plan.top10, p).fetchall()
    if mode == "snippet":
        return ex(plan.snippet, p).fetchall()
    if mode == "facets":
        return (
            ex(plan.snippet, p).fetchall(),
            ex(plan.facet_origin, p).fetchall(),
            ex(plan.facet_year, p).fetchall(),
        )
    if mode == "count":
        return ex(plan.count, p).fetchone()[0]
    if mode == "full":
        return (
            ex(plan.snippet, p).fetchall(),
            ex(plan.count, p).fetchone()[0],
            ex(plan.facet_origin, p).fetchall(),
            ex(plan.facet_year, p).fetchall(),
        )
    raise ValueError(mode)


MODES = ("top10", "snippet", "facets", "count", "full")


def bench_queries(db: Path, queries: list[str], rounds: int) -> dict[str, Any]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    con.execute("PRAGMA cache_size=-65536")
    plans: list[Plan] = []
    skipped: list[dict[str, str]] = []
    for q in queries:
        try:
            plans.append(Plan(q))
        except Exception as e:  # noqa: BLE001 - report and go on
            skipped.append({"query": q, "reason": f"{type(e).__name__}: {e}"})
    times: dict[str, list[float]] = {m: [] for m in MODES}
    per_query: list[dict[str, Any]] = []
    for plan in plans:  # warm-up: one pass of everything
        for mode in MODES:
            _run(con, plan, mode)
    for plan in plans:
        row: dict[str, Any] = {
            "query": plan.query,
            "match": plan.match,
            "where": plan.where,
            "approx": plan.approx,
            "total": _run(con, plan, "count"),
        }
        for mode in MODES:
            ts = []
            for _ in range(rounds):
                t0 = time.perf_counter()
                _run(con, plan, mode)
                ts.append((time.perf_counter() - t0) * 1000)
            times[mode].extend(ts)
            row[f"{mode}_ms"] = round(statistics.median(ts), 2)
        per_query.append(row)
    con.close()
    return {
        "queries": len(plans),
        "rounds": rounds,
        "skipped": skipped,
        "latency_ms": {m: percentiles(v) for m, v in times.items()},
        "per_query": per_query,
    }


def print_table(result: dict[str, Any], out: Any = sys.stderr) -> None:
    b = result["build"]
    print(
        f"\nFTS5 baseline: {b['docs']:,} docs, build {b['build_total_s']} s "
        f"(docs {b['load_docs_s']} s + fts {b['fts_rebuild_s']} s), "
        f"DB {b['db_bytes'] / 1e6:,.0f} MB = {b['db_bytes'] / max(1, b['raw_text_bytes']):.2f}x "
        f"raw text ({b['raw_text_bytes'] / 1e6:,.0f} MB)",
        file=out,
    )
    q = result["queries"]
    print(f"{q['queries']} queries x {q['rounds']} rounds (after warm-up)", file=out)
    print(f"{'mode':<9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>10}", file=out)
    for mode, s in q["latency_ms"].items():
        print(f"{mode:<9}{s['p50']:>9}{s['p95']:>9}{s['p99']:>9}{s['max']:>10}", file=out)
    slow = sorted(q["per_query"], key=lambda r: -r["full_ms"])[:8]
    print("slowest (full, median ms / total):", file=out)
    for r in slow:
        print(f"  {r['full_ms']:>8} ms {r['total']:>8,}  {r['query']}", file=out)
    if q["skipped"]:
        print(f"skipped: {q['skipped']}", file=out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--queries", type=Path, default=HERE / "queries.txt")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--no-build", action="store_true", help="reuse an existing --db")
    args = ap.parse_args(argv)
    args.db.parent.mkdir(parents=True, exist_ok=True)
    if args.no_build:
        build_info = {"docs": None, "db_bytes": db_size(args.db)}
    else:
        print(f"building {args.db} from {args.corpus} ...", file=sys.stderr)
        build_info = build(args.corpus, args.db)
    queries = read_queries(args.queries)
    result = {
        "engine": f"sqlite {sqlite3.sqlite_version} fts5 porter unicode61 (external content)",
        "corpus": str(args.corpus),
        "cpus": os.cpu_count(),
        "build": build_info,
        "queries": bench_queries(args.db, queries, args.rounds),
    }
    json.dump(result, sys.stdout, indent=1)
    print(file=sys.stdout)
    if not args.no_build:
        print_table(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
