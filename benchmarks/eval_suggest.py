"""Held-out quality and speed of the suggested TAGS (cablekit.extract.suggest).

    python benchmarks/eval_suggest.py                      # builds a train library in a temp dir
    python benchmarks/eval_suggest.py --db /tmp/train.db   # reuses (or builds) it there

The dev corpus is split by a hash of the reference id (1 in 5 held out, as in
tests/test_suggest_tags.py); only the train part is ingested. Each held-out cable with TAGS
is given (a) as the test gives it: its body without the routing header, TAGS and SUBJECT;
(b) harsher, as a republished page: its numbered paragraphs only (no preamble, no
page-break lines, no signature). Prints JSON: micro precision / recall / F1 over all tags,
geographic and other tags, the calibration, and the time of one suggestion (ms).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import statistics
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from cablekit import parse_cable
from cablekit.extract.suggest import copy_text, evaluate, suggester
from cablekit.store.library import Library

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "cables-dev.jsonl.gz"


def held_out(reference_id: str) -> bool:
    digest = hashlib.blake2b(reference_id.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") % 5 == 0


def _ms(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {
        "n": len(values),
        "p50": round(statistics.median(ordered), 2),
        "p95": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 2),
        "mean": round(statistics.fmean(ordered), 2),
    }


def _rounded(figures: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    return {k: {m: round(v, 4) for m, v in f.items()} for k, f in figures.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--db", type=Path, help="the train library (built when missing)")
    args = ap.parse_args()

    with gzip.open(args.corpus, "rt", encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    train = [r for r in records if not held_out(r["id"])]
    test = [r for r in records if held_out(r["id"])]

    workdir = Path(tempfile.mkdtemp(prefix="eval-suggest-"))
    db = args.db or workdir / "train.db"
    started = time.perf_counter()
    built = False
    if not db.exists():
        source = workdir / "train.jsonl.gz"
        with gzip.open(source, "wt", encoding="utf-8") as f:
            for record in train:
                f.write(json.dumps(record) + "\n")
        with Library.open(db, create=True) as lib:
            lib.ingest([str(source)])
        built = True
    ingest_s = time.perf_counter() - started

    pages = []
    paragraphs = []
    for record in test:
        cable = parse_cable(record["header"] + "\n" + record["body"])
        tags = list(dict.fromkeys(cable.tags))
        if not tags:
            continue
        pages.append((copy_text(record["body"]), tags))
        paragraphs.append(("\n\n".join(p.text for p in cable.paragraphs), tags))

    with Library.open(db) as lib:
        started = time.perf_counter()
        model = suggester(lib)
        calibrate_s = time.perf_counter() - started
        figures = evaluate(model, pages)
        figures_paragraphs = evaluate(model, paragraphs)
        times = []
        for text, _ in pages:
            t0 = time.perf_counter()
            model.suggest(text)
            times.append((time.perf_counter() - t0) * 1000)
        out = {
            "train_records": len(train),
            "held_out_with_tags": len(pages),
            "library_cables": model.calibration.cables,
            "ingest_s": round(ingest_s, 1) if built else None,
            "calibrate_s": round(calibrate_s, 2),
            "calibration": asdict(model.calibration),
            "held_out": _rounded(figures),
            "held_out_paragraphs_only": _rounded(figures_paragraphs),
            "suggest_ms": _ms(times),
        }
    json.dump(out, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
