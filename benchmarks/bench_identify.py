"""Identify at scale: a four-cable page and three-line excerpts against a big library.

    python benchmarks/bench_identify.py --db /tmp/bench/full/bench.db [--excerpts 100]

The library should hold the real cables of the seed page (ingest the dev corpus into
it besides the synthetic one). Measures, in one process: the seed page (four cables),
and three-line excerpts of random stored cables (is the right cable found, and how
fast), with the process's peak memory. JSON to stdout, a table to stderr.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import time
from pathlib import Path

from cablekit.identify import identify
from cablekit.identify.fingerprint import words_in
from cablekit.store import Library

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "republished-page.txt"
SEED_IDS = ["09MOSCOW1488", "10MOSCOW392", "10BAKU134", "09MOSCOW2529"]


def percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)

    def at(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1)

    return {
        "p50": round(statistics.median(ordered), 1),
        "p95": at(0.95),
        "max": round(ordered[-1], 1),
    }


def excerpts(library: Library, count: int, seed: int) -> list[tuple[str, str]]:
    """(reference id, three consecutive paragraph lines) of random stored cables."""
    rng = random.Random(seed)
    (n,) = library.store.db.execute("SELECT count(*) FROM cables").fetchone()
    out: list[tuple[str, str]] = []
    while len(out) < count:
        offset = rng.randrange(n)
        (ref,) = library.store.db.execute(
            "SELECT reference_id FROM cables ORDER BY reference_id LIMIT 1 OFFSET ?", (offset,)
        ).fetchone()
        record = library.cable(ref)
        paragraphs = [p for p in record["paragraphs"] if len(p["text"]) > 300]
        if not paragraphs:
            continue
        lines = record["text"].split("\n")
        start = rng.choice(paragraphs)["start_line"] - 1
        chosen = [line for line in lines[start : start + 3] if line.strip()]
        if len(chosen) == 3:
            out.append((ref, "\n".join(chosen)))
    return out


def _holds(library: Library, reference_id: str, text: str) -> bool:
    """Whether the cable holds the excerpt's words (its paragraph number aside: the
    synthetic corpus reuses paragraphs across cables, renumbered)."""
    words = " ".join(words_in(text)[3:])
    return words in " ".join(words_in(library.cable(reference_id)["text"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--excerpts", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    library = Library.open(args.db)
    stats = library.stats()
    seed_text = SEED.read_text(encoding="utf-8")
    identify(library, seed_text)  # warm: open the index, load the page's candidates once
    seed_ms = []
    found = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        result = identify(library, seed_text)
        seed_ms.append((time.perf_counter() - start) * 1000)
        found = [m.reference_id for m in result.matches]

    samples = excerpts(library, args.excerpts, args.seed)
    excerpt_ms = []
    right = 0
    for ref, text in samples:
        start = time.perf_counter()
        result = identify(library, text)
        excerpt_ms.append((time.perf_counter() - start) * 1000)
        got = [m.reference_id for m in result.matches]
        # right: the excerpt's cable, or one cable that holds the same words (form letters;
        # in the synthetic corpus, paragraphs reused by other cables)
        right += got == [ref] or (len(got) == 1 and _holds(library, got[0], text))

    report = {
        "library": {"cables": stats["cables"], "versions": stats["versions"]},
        "seed_page": {
            "ms": percentiles(seed_ms),
            "found": found,
            "right": found == SEED_IDS,
        },
        "excerpts_3_lines": {
            "count": len(samples),
            "ms": percentiles(excerpt_ms),
            "found": right,
        },
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    print(json.dumps(report, indent=2))
    print(
        f"library {stats['cables']:,} cables\n"
        f"seed page (4 cables): p50 {report['seed_page']['ms']['p50']} ms, "
        f"max {report['seed_page']['ms']['max']} ms, right: {report['seed_page']['right']}\n"
        f"3-line excerpts ({len(samples)}): p50 {report['excerpts_3_lines']['ms']['p50']} ms, "
        f"p95 {report['excerpts_3_lines']['ms']['p95']} ms, "
        f"max {report['excerpts_3_lines']['ms']['max']} ms, found {right}\n"
        f"peak RSS {report['peak_rss_mb']} MB",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
