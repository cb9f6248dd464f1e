"""The library at scale: ingest time and rate, size on disk, search latency through the API.

    python benchmarks/bench_library.py --corpus /tmp/bench/synth-251k.jsonl.gz \\
        --workdir /tmp/bench/lib [--queries benchmarks/queries.txt] [--rounds 3] \\
        [--fts5-db /tmp/bench/fts5.db | --baseline fts5.json]

Steps, each a real subprocess of the installed ``cablekit`` command:

1. ``cablekit ingest --db WORKDIR/bench.db CORPUS`` on a fresh database: wall time,
   cables/s, CPU time and peak RSS of the child (``getrusage(RUSAGE_CHILDREN)``);
2. size on disk (the SQLite file with its -wal, plus the ``bench.db-search/`` index)
   against the raw text (sum of UTF-8 bytes of ``header`` + ``body`` of every record);
3. ``cablekit serve`` on a free port; after a warm-up pass, every query of queries.txt
   is sent ``--rounds`` times as ``GET /api/search?q=...&limit=10`` over one keep-alive
   HTTP connection, and again with ``sort=date``: p50/p95/p99 of the round trip in ms.

With ``--fts5-db`` the plain FTS5 baseline (bench_fts5_baseline.py) is built and timed
on the same corpus in the same run, and the latency ratios are reported; ``--baseline``
reads a saved baseline JSON instead. JSON goes to stdout, a readable table to stderr.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx2

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from common import CABLEKIT, percentiles, read_queries, start_server, stop_server  # noqa: E402


def corpus_stats(corpus: Path) -> dict[str, int]:
    """Records, distinct ids and raw text bytes (header + body, UTF-8) of a JSON Lines corpus."""
    opener = gzip.open if corpus.suffix == ".gz" else open
    n = raw = 0
    ids: set[str] = set()
    with opener(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            rec = json.loads(line)
            n += 1
            ids.add(rec.get("id") or "")
            raw += len((rec.get("header") or "").encode()) + len((rec.get("body") or "").encode())
    return {"records": n, "distinct_ids": len(ids), "raw_text_bytes": raw}


def tree_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    if not path.is_dir():
        return 0
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def disk_usage(db: Path) -> dict[str, int]:
    sqlite_bytes = sum(tree_size(Path(f"{db}{s}")) for s in ("", "-wal"))
    search_bytes = tree_size(Path(f"{db}-search"))
    return {
        "sqlite_bytes": sqlite_bytes,
        "search_bytes": search_bytes,
        "total_bytes": sqlite_bytes + search_bytes,
    }


def fresh(db: Path) -> None:
    """Remove this benchmark's own database files (and nothing else)."""
    for s in ("", "-wal", "-shm", "-journal"):
        Path(f"{db}{s}").unlink(missing_ok=True)
    shutil.rmtree(f"{db}-search", ignore_errors=True)


def ingest(corpus: Path, db: Path, log: Path) -> dict[str, Any]:
    fresh(db)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    with open(log, "w") as out:
        rc = subprocess.run(
            [str(CABLEKIT), "ingest", "--db", str(db), "--no-progress", str(corpus)],
            stdout=out,
            stderr=subprocess.STDOUT,
            check=False,
        ).returncode
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "returncode": rc,
        "wall_s": round(wall, 1),
        "cpu_user_s": round(after.ru_utime - before.ru_utime, 1),
        "cpu_sys_s": round(after.ru_stime - before.ru_stime, 1),
        "peak_rss_mb": round(after.ru_maxrss / 1024, 1),  # KiB on Linux
        "output_tail": log.read_text(errors="replace")[-1500:],
    }


def bench_api(base: str, queries: list[str], rounds: int) -> dict[str, Any]:
    per_query: list[dict[str, Any]] = []
    times: dict[str, list[float]] = {"relevance": [], "date": []}
    errors: list[dict[str, Any]] = []
    with httpx2.Client(base_url=base, timeout=120) as client:

        def get(q: str, sort: str) -> tuple[float, httpx2.Response]:
            t0 = time.perf_counter()
            r = client.get("/api/search", params={"q": q, "limit": 10, "sort": sort})
            r.read()
            return (time.perf_counter() - t0) * 1000, r

        stats = client.get("/api/stats").json()
        for q in queries:  # warm-up
            for sort in times:
                get(q, sort)
        for q in queries:
            row: dict[str, Any] = {"query": q}
            for sort in times:
                ts = []
                for _ in range(rounds):
                    ms, r = get(q, sort)
                    ts.append(ms)
                    if r.status_code != 200:
                        errors.append({"query": q, "sort": sort, "status": r.status_code})
                times[sort].extend(ts)
                row[f"{sort}_ms"] = round(statistics.median(ts), 2)
                if r.status_code == 200 and sort == "relevance":
                    row["total"] = r.json().get("total")
            per_query.append(row)
    return {
        "stats": {k: stats.get(k) for k in ("cables", "versions")}
        if isinstance(stats, dict)
        else {},
        "queries": len(queries),
        "rounds": rounds,
        "latency_ms": {s: percentiles(v) for s, v in times.items()},
        "errors": errors[:20],
        "error_count": len(errors),
        "per_query": per_query,
    }


def run_baseline(corpus: Path, db: Path, queries: list[str], rounds: int) -> dict[str, Any]:
    import bench_fts5_baseline as fts5

    # An FTS5 database already built from the same corpus is re-timed, not rebuilt.
    build = {"reused": str(db)} if db.exists() else fts5.build(corpus, db)
    return {"build": build, "queries": fts5.bench_queries(db, queries, rounds)}


def compare(lib: dict[str, Any], base: dict[str, Any]) -> dict[str, Any]:
    """Baseline latency / library latency (> 1: the library is faster)."""
    out: dict[str, Any] = {}
    api = lib["latency_ms"]["relevance"]
    for mode, s in base["queries"]["latency_ms"].items():
        out[f"fts5_{mode}_over_api"] = {
            p: round(s[p] / api[p], 1) if api.get(p) else None for p in ("p50", "p95", "p99")
        }
    totals = {r["query"]: r.get("total") for r in lib["per_query"]}
    out["total_differs"] = [
        {"query": r["query"], "fts5": r["total"], "api": totals.get(r["query"])}
        for r in base["queries"]["per_query"]
        if totals.get(r["query"]) != r["total"]
    ]
    return out


def print_table(res: dict[str, Any], out: Any = sys.stderr) -> None:
    c, i, d = res["corpus"], res["ingest"], res["disk"]
    print(
        f"\ncorpus: {c['records']:,} records ({c['distinct_ids']:,} ids), "
        f"raw text {c['raw_text_bytes'] / 1e6:,.0f} MB",
        file=out,
    )
    if i:
        print(
            f"ingest: {i['wall_s']} s wall = {i['cables_per_s']:,} cables/s, "
            f"cpu {i['cpu_user_s']}+{i['cpu_sys_s']} s, peak RSS {i['peak_rss_mb']} MB, "
            f"exit {i['returncode']}",
            file=out,
        )
    print(
        f"disk: sqlite {d['sqlite_bytes'] / 1e6:,.0f} MB + search {d['search_bytes'] / 1e6:,.0f}"
        f" MB = {d['total_bytes'] / 1e6:,.0f} MB = {res['size_ratio']}x raw text",
        file=out,
    )
    a = res["api"]
    print(
        f"API: {a['queries']} queries x {a['rounds']} rounds, stats {a['stats']}, "
        f"errors {a['error_count']}",
        file=out,
    )
    print(f"{'sort':<11}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>10}", file=out)
    for sort, s in a["latency_ms"].items():
        print(f"{sort:<11}{s['p50']:>9}{s['p95']:>9}{s['p99']:>9}{s['max']:>10}", file=out)
    slow = sorted(a["per_query"], key=lambda r: -r["relevance_ms"])[:8]
    print("slowest (relevance, median ms / total):", file=out)
    for r in slow:
        print(f"  {r['relevance_ms']:>8} ms {r.get('total') or 0:>8,}  {r['query']}", file=out)
    if "vs_fts5" in res:
        for k, v in res["vs_fts5"].items():
            if k != "total_differs":
                print(f"{k}: {v}", file=out)
        print(
            f"totals differing from FTS5 (porter stems, filters): "
            f"{len(res['vs_fts5']['total_differs'])}",
            file=out,
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--workdir", type=Path, required=True)
    ap.add_argument("--queries", type=Path, default=HERE / "queries.txt")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--skip-ingest", action="store_true", help="reuse WORKDIR/bench.db")
    ap.add_argument("--fts5-db", type=Path, help="also build and time the FTS5 baseline here")
    ap.add_argument("--baseline", type=Path, help="a saved bench_fts5_baseline.py JSON")
    args = ap.parse_args(argv)
    if not CABLEKIT.exists():
        ap.error(f"{CABLEKIT} not found: run from the project's venv")
    args.workdir.mkdir(parents=True, exist_ok=True)
    db = args.workdir / "bench.db"
    queries = read_queries(args.queries)

    print(f"reading {args.corpus} ...", file=sys.stderr)
    cstats = corpus_stats(args.corpus)
    ing: dict[str, Any] = {}
    if not args.skip_ingest:
        print(f"ingesting into {db} ...", file=sys.stderr)
        ing = ingest(args.corpus, db, args.workdir / "ingest.log")
        ing["cables_per_s"] = round(cstats["records"] / ing["wall_s"]) if ing["wall_s"] else None
        if ing["returncode"] != 0:
            print(f"ingest exited {ing['returncode']}:\n{ing['output_tail']}", file=sys.stderr)
    disk = disk_usage(db)
    result: dict[str, Any] = {
        "cpus": os.cpu_count(),
        "corpus": {"path": str(args.corpus), **cstats},
        "ingest": ing,
        "disk": disk,
        "size_ratio": round(disk["total_bytes"] / max(1, cstats["raw_text_bytes"]), 2),
    }
    print("serving and querying ...", file=sys.stderr)
    proc, base = start_server(db, args.workdir / "serve.log")
    try:
        result["api"] = bench_api(base, queries, args.rounds)
    finally:
        stop_server(proc)
    baseline = None
    if args.fts5_db:
        print(f"FTS5 baseline into {args.fts5_db} ...", file=sys.stderr)
        baseline = run_baseline(args.corpus, args.fts5_db, queries, args.rounds)
        result["fts5"] = {
            "build": baseline["build"],
            "latency_ms": baseline["queries"]["latency_ms"],
        }
    elif args.baseline:
        baseline = json.loads(args.baseline.read_text())
        if baseline.get("corpus") != str(args.corpus):
            result["baseline_warning"] = f"baseline corpus is {baseline.get('corpus')}"
    if baseline:
        result["vs_fts5"] = compare(result["api"], baseline)
    json.dump(result, sys.stdout, indent=1)
    print(file=sys.stdout)
    print_table(result)
    return 0 if not ing or ing["returncode"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
