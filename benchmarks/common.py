"""What the benchmark scripts share: percentiles, the query list, a `cablekit serve` to time."""

from __future__ import annotations

import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx2

CABLEKIT = Path(sys.executable).with_name("cablekit")


def percentiles(values: list[float]) -> dict[str, float]:
    """n, p50, p95, p99, mean and max of timings (ms)."""
    if not values:
        return {"n": 0}
    q = statistics.quantiles(values, n=100, method="inclusive") if len(values) > 1 else values * 99
    return {
        "n": len(values),
        "p50": round(q[49], 2),
        "p95": round(q[94], 2),
        "p99": round(q[98], 2),
        "mean": round(statistics.fmean(values), 2),
        "max": round(max(values), 2),
    }


def read_queries(path: Path) -> list[str]:
    """One query a line; blank lines and lines starting with # are skipped."""
    return [
        q.strip()
        for q in path.read_text(encoding="utf-8").splitlines()
        if q.strip() and not q.startswith("#")
    ]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(
    db: Path, log: Path, timeout: float = 180.0, workers: int = 1
) -> tuple[subprocess.Popen, str]:
    """``cablekit serve`` on a free loopback port, once it answers /api/stats."""
    command = str(CABLEKIT) if CABLEKIT.exists() else shutil.which("cablekit") or "cablekit"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    out = open(log, "w")  # noqa: SIM115 - lives as long as the server
    proc = subprocess.Popen(
        [command, "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)]
        + ["--workers", str(workers)],
        stdout=out,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"cablekit serve exited with {proc.returncode}; see {log}")
        try:
            if httpx2.get(f"{base}/api/stats", timeout=30).status_code == 200:
                return proc, base
        except httpx2.HTTPError:
            pass
        time.sleep(0.3)
    stop_server(proc)
    raise RuntimeError(f"cablekit serve did not answer within {timeout} s; see {log}")


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
