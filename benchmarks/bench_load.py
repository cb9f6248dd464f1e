"""A load test of the web app on loopback: many clients searching and identifying at once.

    python benchmarks/bench_load.py --db /tmp/bench/lib/bench.db [--seconds 30] \\
        [--concurrency 16] [--queries benchmarks/queries.txt] \\
        [--identify samples/republished-page.txt] [--identify-share 0.2] [--max-requests N]

It starts ``cablekit serve --db PATH`` as a subprocess on a free port of 127.0.0.1,
warms it up (one request of each kind), then runs ``--concurrency`` clients (asyncio
tasks sharing one httpx2 AsyncClient, a keep-alive connection each). Each client sends,
back to back, a random mix of:

- ``search``: ``GET /api/search?q=QUERY&limit=10`` with a query of queries.txt (a quarter
  of them ``sort=date``);
- ``identify-page``: ``POST /api/identify`` with the whole seed page (JSON);
- ``identify-excerpt``: the same with three consecutive non-blank lines of it, as a
  reader pasting a quote would.

Bounded in time and count: no request starts after ``--seconds`` or once
``--max-requests`` have started; those in flight finish (each has ``--timeout``). An
error is any answer but 200 with the expected JSON, or a failed request; there must be
none. Reported: requests/s overall and per kind, p50/p95/p99/max latency (ms) per
kind, errors (with a few samples), the server's CPU time (cores busy) and the machine's
load average and core count, since the client runs on the same machine. JSON goes to
stdout, a readable table to stderr. Exit status 1 when there were errors.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx2
from common import percentiles, read_queries, start_server, stop_server

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
KINDS = ("search", "identify-page", "identify-excerpt")


# -- inputs ---------------------------------------------------------------------------------


def excerpts(page: str, size: int = 3) -> list[str]:
    """Every run of ``size`` consecutive non-blank lines of the page."""
    lines = [line for line in page.splitlines() if line.strip()]
    return ["\n".join(lines[i : i + size]) for i in range(max(0, len(lines) - size + 1))]


# -- the server -----------------------------------------------------------------------------


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process so far (Linux /proc), or None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


# -- the load -------------------------------------------------------------------------------


class Load:
    """The clients' shared state: what to send, what came back."""

    def __init__(
        self,
        client: httpx2.AsyncClient,
        queries: list[str],
        page: str,
        identify_share: float,
        deadline: float,
        max_requests: int,
        seed: int,
    ) -> None:
        self.client = client
        self.queries = queries
        self.page = page
        self.excerpts = excerpts(page)
        self.identify_share = identify_share
        self.deadline = deadline
        self.max_requests = max_requests
        self.random = random.Random(seed)
        self.started = 0
        self.latency: dict[str, list[float]] = {k: [] for k in KINDS}
        self.errors: dict[str, int] = {k: 0 for k in KINDS}
        self.samples: list[dict[str, Any]] = []
        self.matches: dict[str, list[int]] = {"identify-page": [], "identify-excerpt": []}

    def pick(self) -> tuple[str, str, dict[str, Any]]:
        """A request: its kind, method and httpx2 arguments."""
        r = self.random
        if r.random() >= self.identify_share or not self.excerpts:
            params = {"q": r.choice(self.queries), "limit": 10}
            if r.random() < 0.25:
                params["sort"] = "date"
            return "search", "GET", {"url": "/api/search", "params": params}
        if r.random() < 0.5:
            return "identify-page", "POST", {"url": "/api/identify", "json": {"text": self.page}}
        text = r.choice(self.excerpts)
        return "identify-excerpt", "POST", {"url": "/api/identify", "json": {"text": text}}

    async def one(self, kind: str, method: str, args: dict[str, Any]) -> None:
        t0 = time.perf_counter()
        problem = None
        try:
            response = await self.client.request(method, **args)
            body = response.json() if response.status_code == 200 else None
            if response.status_code != 200:
                problem = f"HTTP {response.status_code}: {response.text[:200]}"
            elif kind == "search" and not isinstance(body.get("results"), list):
                problem = "no results list in the JSON"
            elif kind != "search":
                if not isinstance(body.get("matches"), list):
                    problem = "no matches list in the JSON"
                else:
                    self.matches[kind].append(len(body["matches"]))
        except (httpx2.HTTPError, ValueError, AttributeError) as error:
            problem = f"{type(error).__name__}: {error}"
        elapsed = (time.perf_counter() - t0) * 1000
        if problem is None:
            self.latency[kind].append(elapsed)
        else:
            self.errors[kind] += 1
            if len(self.samples) < 10:
                self.samples.append({"kind": kind, "args": _short(args), "error": problem})

    async def client_loop(self) -> None:
        while time.monotonic() < self.deadline and self.started < self.max_requests:
            self.started += 1
            await self.one(*self.pick())


def _short(args: dict[str, Any]) -> dict[str, Any]:
    if "json" in args:
        text = args["json"]["text"]
        return {"url": args["url"], "text": text[:60] + ("..." if len(text) > 60 else "")}
    return args


async def run_load(
    base: str, pid: int, args: argparse.Namespace, queries: list[str], page: str
) -> Any:
    """Warm up, then the load; returns it, its duration, the server's CPU seconds in it and
    the seed page's match count."""
    limits = httpx2.Limits(
        max_connections=args.concurrency, max_keepalive_connections=args.concurrency
    )
    async with httpx2.AsyncClient(base_url=base, timeout=args.timeout, limits=limits) as client:
        warm = Load(client, queries, page, 0.0, time.monotonic() + 600, 0, args.seed)
        await warm.one("search", "GET", {"url": "/api/search", "params": {"q": queries[0]}})
        await warm.one("identify-page", "POST", {"url": "/api/identify", "json": {"text": page}})
        if any(warm.errors.values()):
            raise RuntimeError(f"the warm-up failed: {warm.samples}")
        cpu0 = cpu_seconds(pid)
        start = time.monotonic()
        load = Load(
            client,
            queries,
            page,
            args.identify_share,
            start + args.seconds,
            args.max_requests,
            args.seed,
        )
        clients = [asyncio.create_task(load.client_loop()) for _ in range(args.concurrency)]
        # In-flight requests may finish after the deadline, each within its timeout.
        await asyncio.wait_for(asyncio.gather(*clients), args.seconds + args.timeout + 30)
        elapsed = time.monotonic() - start
        cpu1 = cpu_seconds(pid)
        cpu = cpu1 - cpu0 if cpu0 is not None and cpu1 is not None else None
        return load, elapsed, cpu, warm.matches["identify-page"]


# -- the report -----------------------------------------------------------------------------


def table(result: dict[str, Any]) -> str:
    lines = [
        f"load test: {result['concurrency']} clients for {result['elapsed_s']} s against "
        f"{result['db']} ({result['cables']:,} cables)",
        f"machine: {result['machine']['cores']} cores, load average "
        f"{result['machine']['load_before']} before, {result['machine']['load_after']} after; "
        f"server CPU {result['server_cpu_cores']} cores busy",
        "",
        f"{'kind':<18}{'requests':>9}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}"
        f"{'p99 ms':>9}{'max ms':>9}{'errors':>8}",
    ]
    for kind, k in [*result["kinds"].items(), ("all", result["all"])]:
        lines.append(
            f"{kind:<18}{k['requests']:>9}{k['rps']:>9}{k.get('p50', '-'):>9}"
            f"{k.get('p95', '-'):>9}{k.get('p99', '-'):>9}{k.get('max', '-'):>9}{k['errors']:>8}"
        )
    if result["error_samples"]:
        lines += ["", "errors:"] + [json.dumps(e) for e in result["error_samples"]]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="the library to serve")
    parser.add_argument("--seconds", type=float, default=30.0, help="how long to send requests")
    parser.add_argument("--concurrency", type=int, default=16, help="clients at once")
    parser.add_argument("--queries", type=Path, default=HERE / "queries.txt")
    parser.add_argument("--identify", type=Path, default=ROOT / "samples" / "republished-page.txt")
    parser.add_argument(
        "--identify-share", type=float, default=0.2, help="fraction of requests that identify"
    )
    parser.add_argument("--max-requests", type=int, default=100_000, help="at most this many")
    parser.add_argument("--timeout", type=float, default=120.0, help="per request, seconds")
    parser.add_argument("--seed", type=int, default=1, help="of the random request mix")
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    parser.add_argument("--log", type=Path, help="the server's output (default: a temp file)")
    args = parser.parse_args()
    if not args.db.exists():
        parser.error(f"{args.db}: no such library")
    if args.concurrency < 1 or args.seconds <= 0 or not 0 <= args.identify_share <= 1:
        parser.error("--concurrency >= 1, --seconds > 0 and 0 <= --identify-share <= 1")
    queries = read_queries(args.queries)
    page = args.identify.read_text(encoding="utf-8")
    if not queries:
        parser.error(f"{args.queries}: no queries")

    log = args.log or Path(tempfile.gettempdir()) / f"bench-load-{os.getpid()}.log"
    load_before = [round(x, 2) for x in os.getloadavg()]
    proc, base = start_server(args.db, log, workers=args.workers)
    try:
        cables = httpx2.get(f"{base}/api/stats", timeout=60).json().get("cables", 0)
        load, elapsed, cpu, warm_matches = asyncio.run(
            run_load(base, proc.pid, args, queries, page)
        )
    finally:
        stop_server(proc)
    load_after = [round(x, 2) for x in os.getloadavg()]

    kinds: dict[str, Any] = {}
    for kind in KINDS:
        done = load.latency[kind]
        kinds[kind] = {
            "requests": len(done) + load.errors[kind],
            "rps": round(len(done) / elapsed, 1),
            "errors": load.errors[kind],
            **percentiles(done),
        }
    every = [t for kind in KINDS for t in load.latency[kind]]
    errors = sum(load.errors.values())
    result = {
        "db": str(args.db),
        "cables": cables,
        "concurrency": args.concurrency,
        "seconds": args.seconds,
        "elapsed_s": round(elapsed, 1),
        "identify_share": args.identify_share,
        "max_requests": args.max_requests,
        "identify_page_matches": warm_matches[0] if warm_matches else None,
        "kinds": kinds,
        "all": {
            "requests": len(every) + errors,
            "rps": round(len(every) / elapsed, 1),
            "errors": errors,
            **percentiles(every),
        },
        "errors": errors,
        "error_samples": load.samples,
        "server_cpu_cores": round(cpu / elapsed, 2) if cpu is not None else None,
        "machine": {
            "cores": os.cpu_count(),
            "load_before": load_before,
            "load_after": load_after,
        },
        "server_log": str(log),
    }
    print(json.dumps(result, indent=2))
    print(table(result), file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
