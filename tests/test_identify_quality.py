"""Quality gate of ``cablekit identify`` (issue 4), on generated web copies of real cables.

A library is built from the dev corpus; ``pagegen`` copies its cables the way the web
does (with ground truth); ``identify`` must name the cables and the lines each copy lost.
Figures, each asserted >= its floor in ``floors.json["identify"]``:

- ``id_precision`` / ``id_recall``: reference ids found on each page against the truth
  (``excerpt3_recall``: three-line excerpts alone);
- ``lost_recall`` / ``lost_precision``: the cable lines of ``missing`` entries (a run
  counts every content line in it) against the lines the copy dropped inside its span;
  a true cable not found loses all its dropped lines;
- ``clean_negatives``: pages with no cable that give no match at all;
- ``stitched_split``: stitched fakes that come out as exactly their source cables;
- ``order``: multi-cable text pages whose matches come in page order;
- ``input_span``: true matches of text pages whose ``input_span`` is the copy's (each
  end within two lines).

The seed page (a real blog post) is checked against the issue's own bar, with an
oracle built here by aligning words, independently of the library code.
"""

from __future__ import annotations

import difflib
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pagegen
import pytest

try:
    from cablekit.identify import identify
except ImportError:  # pragma: no cover - the module is not built yet
    pytest.skip("cablekit.identify is not built yet", allow_module_level=True)

from cablekit.parse.reference_id import canonical_reference_id
from cablekit.read.sources import read_documents_from_text
from cablekit.store import Library

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus" / "cables-dev.jsonl.gz"
SEED = SHARED / "seed" / "republished-page.txt"
FLOORS = Path(__file__).with_name("floors.json")
SEED_IDS = ["09MOSCOW1488", "10MOSCOW392", "10BAKU134", "09MOSCOW2529"]
PAGES = 300
SEED_NUMBER = 4  # of the generator: change it only together with the floors


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    if not CORPUS.exists():
        pytest.skip(f"{CORPUS} is not here")
    path = tmp_path_factory.mktemp("identify") / "cables.db"
    with Library.open(path, create=True) as lib:
        lib.ingest([str(CORPUS)])
        yield lib


@pytest.fixture(scope="module")
def pool() -> pagegen.Pool:
    return pagegen.load_pool(CORPUS)


def page_text(page: pagegen.Page) -> str:
    """What the CLI hands to identify: HTML goes through the reader first."""
    if not page.html:
        return page.text
    return "\n".join(d.text for d in read_documents_from_text(page.text, "page.html"))


def missing_lines(entry: dict[str, Any], cable_lines: list[str]) -> list[int]:
    """The content lines (1-based) of the cable that a ``missing`` entry covers.

    The entry starts at ``line``; each of its text lines is looked up from there on
    (a run's text may or may not carry the blank lines between its lines).
    """
    out: list[int] = []
    n = entry.get("line")
    if not isinstance(n, int):
        return out
    for text in str(entry.get("text", "")).split("\n"):
        if not text.strip():
            continue
        for k in range(n, min(n + 6, len(cable_lines) + 1)):
            if cable_lines[k - 1].strip() == text.strip():
                n = k
                break
        if 1 <= n <= len(cable_lines) and pagegen.is_content(cable_lines[n - 1]):
            out.append(n)
        n += 1
    return out


def _ratio(good: int, total: int) -> float:
    return good / total if total else 1.0


def score(
    pages: list[pagegen.Page],
    results: list[dict[str, Any]],
    pool: pagegen.Pool,
    alias: dict[str, str] | None = None,
) -> tuple[dict[str, float], list[tuple[int, int, str]]]:
    """The figures, and the worst cases as (id errors, lost-line errors, description).

    ``alias`` maps the corpus's ids to the library's (``06TAIPEI2921`` is stored as
    ``06AITTAIPEI2921``).
    """
    alias = alias or {}
    lines_of = {alias.get(c.reference_id, c.reference_id): c.lines for c in pool.cables}
    tp = fp = fn = 0
    ex3_found = ex3_total = 0
    lost_tp = lost_fp = lost_fn = 0
    negatives = clean = 0
    stitched = split = 0
    ordered = ordered_ok = 0
    spans = spans_ok = 0
    worst: list[tuple[int, int, str]] = []
    for page, result in zip(pages, results, strict=True):
        matches = result["matches"]
        predicted = [m["reference_id"] for m in matches]
        truth = [alias.get(r, r) for r in page.ids]
        false_ids = sorted(set(predicted) - set(truth))
        lost_ids = [r for r in truth if r not in predicted]
        tp += len(set(predicted) & set(truth))
        fp += len(false_ids)
        fn += len(lost_ids)
        if page.kind == "excerpt3":
            ex3_total += 1
            ex3_found += not lost_ids
        if not truth:
            negatives += 1
            clean += not matches
        if page.kind.startswith("stitched"):
            stitched += 1
            split += sorted(set(predicted)) == sorted(truth) and len(matches) >= 2
        if len(truth) >= 2 and not page.html and not page.kind.startswith("stitched"):
            ordered += 1
            seen = list(dict.fromkeys(r for r in predicted if r in truth))
            ordered_ok += seen == [r for r in truth if r in seen]
        page_fn = page_fp = 0
        notes = []
        for t in page.truth:
            rid = alias.get(t.reference_id, t.reference_id)
            own = [m for m in matches if m["reference_id"] == rid]
            said = {n for m in own for e in m["missing"] for n in missing_lines(e, lines_of[rid])}
            dropped = set(t.dropped)
            page_fn += len(dropped - said)
            page_fp += len(said - dropped)
            if dropped - said or said - dropped:
                notes.append(
                    f"{rid}: not reported {sorted(dropped - said)[:6]}, "
                    f"false {sorted(said - dropped)[:6]}"
                )
            lost_tp += len(dropped & said)
            if own and t.input_span is not None:
                spans += 1
                a, b = own[0]["input_span"]
                spans_ok += abs(a - t.input_span[0]) <= 2 and abs(b - t.input_span[1]) <= 2
        lost_fn += page_fn
        lost_fp += page_fp
        id_errors = len(false_ids) + len(lost_ids)
        if id_errors or page_fn or page_fp:
            worst.append(
                (
                    id_errors,
                    page_fn + page_fp,
                    f"{page.name}: truth {truth} found {predicted}"
                    + (f" | {'; '.join(notes)}" if notes else ""),
                )
            )
    figures = {
        "id_precision": _ratio(tp, tp + fp),
        "id_recall": _ratio(tp, tp + fn),
        "excerpt3_recall": _ratio(ex3_found, ex3_total),
        "lost_recall": _ratio(lost_tp, lost_tp + lost_fn),
        "lost_precision": _ratio(lost_tp, lost_tp + lost_fp),
        "clean_negatives": _ratio(clean, negatives),
        "stitched_split": _ratio(split, stitched),
        "order": _ratio(ordered_ok, ordered),
        "input_span": _ratio(spans_ok, spans),
    }
    worst.sort(key=lambda w: (-w[0], -w[1]))
    return figures, worst


@pytest.fixture(scope="module")
def measured(library: Library, pool: pagegen.Pool) -> dict[str, Any]:
    pages = pagegen.generate_pages(pool, PAGES, seed=SEED_NUMBER)
    results = []
    seconds = []
    html_losses = []
    for page in pages:
        text = page_text(page)
        if page.html:  # the reader must not lose a kept line (else truth is off, not identify)
            stream = " ".join(pagegen.norm_words(text))
            for t in page.truth:
                cable = next(c for c in pool.cables if c.reference_id == t.reference_id)
                lost = [n for n in t.kept if pagegen.norm_key(cable.lines[n - 1]) not in stream]
                if lost:
                    html_losses.append(f"{page.name} {t.reference_id} lines {lost[:5]}")
        started = time.perf_counter()
        results.append(identify(library, text).to_dict())
        seconds.append(time.perf_counter() - started)
    alias = {}
    for page in pages:
        for rid in page.ids:
            stored = canonical_reference_id(rid)
            if stored != rid and library.cable(stored) is not None:
                alias[rid] = stored
    figures, worst = score(pages, results, pool, alias)
    seconds.sort()
    print(f"\nidentify on {len(pages)} generated pages:")
    for name, value in figures.items():
        print(f"  {name:16} {value:.4f}")
    print(f"  time p50 {seconds[len(seconds) // 2] * 1000:.0f} ms, max {seconds[-1] * 1000:.0f} ms")
    if html_losses:
        print(f"  the HTML reader lost kept lines on {len(html_losses)} pages: {html_losses[:5]}")
    id_errors = [w for w in worst if w[0]]
    print(f"pages with a wrong or missed id ({len(id_errors)}):")
    for _, _, description in id_errors[:10]:
        print("  " + description[:300])
    print("worst lost-line reports:")
    for _, _, description in sorted(worst, key=lambda w: -w[1])[:8]:
        print("  " + description[:300])
    return {"figures": figures, "worst": worst, "html_losses": html_losses}


def _floors() -> dict[str, float]:
    return json.loads(FLOORS.read_text(encoding="utf-8"))["identify"]


def test_generated_pages_meet_floors(measured: dict[str, Any]) -> None:
    floors = _floors()
    figures = measured["figures"]
    unknown = sorted(set(floors) - set(figures) - {"seed_lost_recall", "seed_lost_precision"})
    assert not unknown, f"floors name figures this gate does not measure: {unknown}"
    low = {
        name: (round(figures[name], 4), floor)
        for name, floor in floors.items()
        if name in figures and figures[name] < floor
    }
    assert not low, f"below floor (figure, floor): {low}; worst: {measured['worst'][:5]}"


def test_pages_without_cables_give_no_match(measured: dict[str, Any]) -> None:
    """The issue's bar, floors or not: a page with no cable gives no match."""
    assert measured["figures"]["clean_negatives"] == 1.0, measured["worst"][:5]


# -- the seed page ------------------------------------------------------------------------


def seed_oracle(page: str, records: dict[str, dict]) -> dict[str, set[int]]:
    """The content lines of each seed cable, inside the span the page copies, that the page lacks.

    Each cable's content words are aligned with the page's words (from where the
    previous cable's copy ended); only runs of 4+ words count as copied, so a
    stray common word cannot keep a line. A line is lost when none of its words is copied;
    the span runs from the first copied line to the last, or to the end of a lost
    sign-off (``pagegen.signoff_end``), as in the generator's truth.
    """
    page_words = pagegen.norm_words(page)
    start = 0
    out: dict[str, set[int]] = {}
    for rid in SEED_IDS:
        record = records[rid]
        lines = pagegen.cable_text(record).split("\n")
        kinds = pagegen.line_kinds(lines, pagegen.header_line_count(record))
        words: list[str] = []
        owner: list[int] = []
        for n, (line, kind) in enumerate(zip(lines, kinds, strict=True), 1):
            if kind == pagegen.CONTENT:
                for w in pagegen.norm_words(line):
                    words.append(w)
                    owner.append(n)
        matcher = difflib.SequenceMatcher(None, words, page_words[start:], autojunk=False)
        copied: set[int] = set()
        end = start
        for a, b, size in matcher.get_matching_blocks():
            if size >= 4:
                copied.update(owner[a : a + size])
                end = max(end, start + b + size)
        first, last = min(copied), max(copied)
        last = (
            pagegen.signoff_end(lines, kinds, last - 1) + 1
            if pagegen.signoff_end(lines, kinds, last - 1) is not None
            else last
        )
        out[rid] = {
            n for n in range(first, last + 1) if kinds[n - 1] == pagegen.CONTENT and n not in copied
        }
        start = end
    return out


@pytest.fixture(scope="module")
def seed(library: Library) -> dict[str, Any]:
    if not SEED.exists():
        pytest.skip(f"{SEED} is not here")
    text = SEED.read_text(encoding="utf-8")
    records = {r["id"]: r for r in pagegen.load_records(CORPUS) if r["id"] in SEED_IDS}
    oracle = seed_oracle(text, records)
    started = time.perf_counter()
    result = identify(library, text).to_dict()
    elapsed = time.perf_counter() - started
    found = tp = fp = 0
    lines = {rid: pagegen.cable_text(records[rid]).split("\n") for rid in SEED_IDS}
    misses: list[str] = []
    for m in result["matches"]:
        rid = m["reference_id"]
        if rid not in oracle:
            continue
        said = {n for e in m["missing"] for n in missing_lines(e, lines[rid])}
        tp += len(said & oracle[rid])
        fp += len(said - oracle[rid])
        found += len(oracle[rid])
        misses += [f"{rid}:{n} {lines[rid][n - 1].strip()!r}" for n in sorted(oracle[rid] - said)]
        misses += [
            f"{rid}:{n} FALSE {lines[rid][n - 1].strip()!r}" for n in sorted(said - oracle[rid])
        ]
    total = sum(len(v) for v in oracle.values())
    figures = {"seed_lost_recall": _ratio(tp, total), "seed_lost_precision": _ratio(tp, tp + fp)}
    print(
        f"\nseed page: {[m['reference_id'] for m in result['matches']]} in {elapsed * 1000:.0f} ms;"
        f" {total} lost lines, {tp} reported, {fp} false: {figures}"
    )
    for miss in misses[:15]:
        print("  " + miss)
    return {"result": result, "oracle": oracle, "figures": figures, "misses": misses}


def test_seed_oracle_is_sane(seed: dict[str, Any]) -> None:
    """The oracle itself: the lines the issue names are lost, the printed ones are not."""
    oracle = seed["oracle"]
    records = {r["id"]: r for r in pagegen.load_records(CORPUS) if r["id"] in SEED_IDS}
    lines = pagegen.cable_text(records["09MOSCOW1488"]).split("\n")
    lost = {lines[n - 1].strip() for n in oracle["09MOSCOW1488"]}
    assert {"SIPDIS", "communities.", "TAGS: PGOV PREL IR IS SY GG RS", "Syria"} <= lost
    assert "Behaved Like an Old Friend" not in lost
    assert sum(len(v) for v in oracle.values()) == 51  # the count


def test_seed_page_names_its_four_cables_in_order(seed: dict[str, Any]) -> None:
    assert [m["reference_id"] for m in seed["result"]["matches"]] == SEED_IDS


def test_seed_page_lost_lines(seed: dict[str, Any]) -> None:
    figures = seed["figures"]
    assert figures["seed_lost_recall"] >= 0.90, seed["misses"][:20]
    floors = json.loads(FLOORS.read_text(encoding="utf-8")).get("identify", {})
    for name in ("seed_lost_recall", "seed_lost_precision"):
        if name in floors:
            assert figures[name] >= floors[name], (name, figures[name], seed["misses"][:20])
