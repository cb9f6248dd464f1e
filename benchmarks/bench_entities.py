"""Entities: what extraction costs at ingest, per cable, and on an entity's page.

Issue 6 asks that ingest with extraction stays within 2x of ingest without it. This
ingests the same input into fresh libraries with and without entities, alternating
(``--passes`` each, medians and their ratio from one run: the machine is shared), then
times ``extract_entities`` per cable and ``Library.entity`` for the most-named entities.

    .venv/bin/python benchmarks/bench_entities.py --corpus ../shared/corpus/cables-dev.jsonl.gz
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from common import percentiles

from cablekit import parse_cable
from cablekit.extract import extract_entities
from cablekit.store import Library

PARTIAL = "This record is a partial extract"


def ingest_seconds(corpus: Path, workdir: Path, *, entities: bool) -> float:
    path = workdir / ("with.db" if entities else "without.db")
    for old in workdir.glob(path.name + "*"):
        shutil.rmtree(old) if old.is_dir() else old.unlink()
    started = time.perf_counter()
    with Library.open(path, create=True) as library:
        library.ingest([str(corpus)], entities=entities)
    return time.perf_counter() - started


def extraction_sample(corpus: Path, limit: int) -> tuple[list[float], dict[str, float]]:
    """Milliseconds per cable, and what the cables hold: the writer's and the index's work
    grows with the distinct entities of a cable (a row and an index name each), not with
    its length."""
    times = []
    chars = entities = mentions = 0
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= limit:
                break
            r = json.loads(line)
            header = "" if r["header"].startswith(PARTIAL) else r["header"]
            cable = parse_cable(f"{header}\n{r['body']}" if header else r["body"], r["id"])
            started = time.perf_counter()
            found = extract_entities(cable)
            times.append((time.perf_counter() - started) * 1000)
            kinds = (found.people, found.organizations, found.places, found.acronyms)
            chars += len(cable.text)
            entities += sum(len(k) for k in kinds)
            mentions += sum(len(e.mentions) for k in kinds for e in k)
    n = max(1, len(times))
    held = {
        "entities_per_cable": round(entities / n, 1),
        "mentions_per_cable": round(mentions / n, 1),
        "entities_per_1000_chars": round(1000 * entities / max(1, chars), 2),
    }
    return times, held


def entity_page_ms(db: Path, top: int) -> list[dict]:
    out = []
    with Library.open(db) as library:
        for kind in ("person", "organization", "place"):
            for e in library.entity_list(kind, limit=top)["results"]:
                timings = []
                for _ in range(3):
                    started = time.perf_counter()
                    library.entity(e["id"])
                    timings.append((time.perf_counter() - started) * 1000)
                out.append(
                    {
                        "kind": kind,
                        "name": e["name"],
                        "cables": e["cables"],
                        "ms": round(statistics.median(timings), 1),
                    }
                )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--passes", type=int, default=3)
    ap.add_argument("--extract-sample", type=int, default=2000)
    ap.add_argument("--workdir", type=Path, default=None)
    args = ap.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="bench-entities-"))
    workdir.mkdir(parents=True, exist_ok=True)

    runs: dict[str, list[float]] = {"with": [], "without": []}
    for _ in range(args.passes):  # alternate, so both see the same machine
        runs["without"].append(ingest_seconds(args.corpus, workdir, entities=False))
        runs["with"].append(ingest_seconds(args.corpus, workdir, entities=True))
    with_s, without_s = statistics.median(runs["with"]), statistics.median(runs["without"])
    times, held = extraction_sample(args.corpus, args.extract_sample)
    report = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cpus, {platform.python_version()}",
        "load_average": os.getloadavg(),
        "ingest_s": {k: [round(x, 1) for x in v] for k, v in runs.items()},
        "ingest_median_s": {"with": round(with_s, 1), "without": round(without_s, 1)},
        "ratio_with_to_without": round(with_s / without_s, 2),
        "extract_ms_per_cable": percentiles(times),
        "sample": held,
        "entity_page_ms": entity_page_ms(workdir / "with.db", top=3),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
