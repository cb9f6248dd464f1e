"""Parse speed of two versions of cablekit, measured alternately in one run.

    git worktree add /tmp/old <commit>
    python benchmarks/compare_parse.py /tmp/old/src src

Each round runs ``parse_cable`` over the whole dev corpus in a fresh process for each
tree in turn, so that both see the same machine load; the medians and their ratio
are printed.
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "cables-dev.jsonl.gz"


def _rate() -> float:
    from cablekit import parse_cable

    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        texts = [r["header"] + "\n" + r["body"] for r in map(json.loads, f)]
    for text in texts[:300]:  # warm up caches and imports
        parse_cable(text)
    start = time.perf_counter()
    for text in texts:
        parse_cable(text)
    return len(texts) / (time.perf_counter() - start)


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        print(_rate())
        return
    old, new = (str(Path(p).resolve()) for p in sys.argv[1:3])
    rates: dict[str, list[float]] = {old: [], new: []}
    for _ in range(3):
        for src in (old, new):
            env = {**os.environ, "PYTHONPATH": src}
            out = subprocess.run(
                [sys.executable, __file__, "--child"], env=env, capture_output=True, text=True
            )
            rates[src].append(float(out.stdout))
    for src, values in rates.items():
        runs = ", ".join(f"{v:,.0f}" for v in values)
        print(f"{src}: {runs}; median {statistics.median(values):,.0f}")
    ratio = statistics.median(rates[new]) / statistics.median(rates[old])
    print(f"ratio new/old: {ratio:.2f}")


if __name__ == "__main__":
    main()
