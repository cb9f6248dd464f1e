"""Parse speed and memory on the dev corpus: ``make bench``.

Measures, single process, one core:

* cables parsed per second for the full record (header + body of every record),
  median of several passes;
* the slowest single cable, and the slowest of a set of pathological inputs
  built to make careless regular expressions backtrack (the bar: none over 50 ms);
* ``read`` of the whole JSON Lines corpus as a stream (reader + parser), and
  the peak resident memory of the process, which must not grow with the input.

Results go to stdout as a Markdown table for ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import cablekit
from cablekit import parse_cable

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "cables-dev.jsonl.gz"


def pathological_inputs() -> dict[str, str]:
    """Inputs that make nested or unanchored patterns explode."""
    return {
        "long REF list": "REF: "
        + " ".join(f"{chr(65 + i % 26)}. 09 MOSCOW {i}" for i in range(3000)),
        "REF without ids": "REF: " + "A. B. C. (D) " * 5000,
        "spaces": "TAGS:" + " " * 200_000 + "x",
        "one long line": "SUBJECT: " + "WORD " * 40_000,
        "many numbers": "1. " * 50_000,
        "classified by loop": "Classified By: " + "Ambassador " * 20_000 + "for reasons",
        "dashes": "-" * 200_000,
        "page breaks": "MOSCOW 00001488  002 OF 002\n" * 5_000,
        "summary unterminated": "1. (C) Summary: " + "text " * 40_000,
        "decl noise": "E.O. 12958: DECL: " + "1/" * 50_000,
        "caps lines": "ABC DEF\n" * 30_000,
        "binary-ish": "".join(chr(i % 0x2FF) for i in range(100_000)),
    }


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _stream(times: int) -> None:
    """Child process: stream the corpus ``times`` times; print rate and peak RSS."""
    t0 = time.perf_counter()
    n = 0
    for _ in range(times):
        n += sum(1 for _ in cablekit.read(str(CORPUS)))
    print(json.dumps({"rate": n / (time.perf_counter() - t0), "rss": peak_rss_mb()}))


def _stream_in_subprocess(times: int) -> tuple[float, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--stream", str(times)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    result = json.loads(out.splitlines()[-1])
    return result["rate"], result["rss"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--stream", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stream:
        _stream(args.stream)
        return

    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        texts = [r["header"] + "\n" + r["body"] for r in map(json.loads, f)]
    raw_mb = sum(len(t.encode()) for t in texts) / 1e6

    rates = []
    slowest = (0.0, "")
    for _ in range(args.passes):
        start = time.perf_counter()
        for text in texts:
            t0 = time.perf_counter()
            parse_cable(text)
            dt = time.perf_counter() - t0
            if dt > slowest[0]:
                slowest = (dt, text.split("\n", 1)[0][:40])
        rates.append(len(texts) / (time.perf_counter() - start))

    patho = {}
    for name, text in pathological_inputs().items():
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            parse_cable(text)
            times.append(time.perf_counter() - t0)
        patho[name] = min(times) * 1000

    stream = {k: _stream_in_subprocess(k) for k in (1, 3)}

    cpu = platform.processor() or "?"
    print(f"machine: {platform.machine()}, {cpu}, Python {sys.version.split()[0]}")
    print(f"corpus: {len(texts)} records, {raw_mb:.1f} MB of text\n")
    print("| measure | value |")
    print("|---|---|")
    median = statistics.median(rates)
    print(f"| parse_cable, full record (median of {args.passes} passes) | {median:,.0f} cables/s |")
    print(f"| parse_cable, all passes | {', '.join(f'{r:,.0f}' for r in rates)} cables/s |")
    print(f"| slowest corpus cable | {slowest[0] * 1000:.1f} ms |")
    worst = max(patho, key=patho.get)
    print(f"| slowest pathological input | {patho[worst]:.1f} ms ({worst}) |")
    rate1, rss1 = stream[1]
    _, rss3 = stream[3]
    print(f"| cablekit.read(corpus .jsonl.gz), streamed | {rate1:,.0f} cables/s |")
    print(f"| peak RSS streaming the corpus once / three times | {rss1:.0f} MB / {rss3:.0f} MB |")
    print()
    for name, ms in sorted(patho.items(), key=lambda kv: -kv[1]):
        print(f"  {name}: {ms:.1f} ms")


if __name__ == "__main__":
    main()
