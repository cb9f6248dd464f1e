"""Suggested TAGS for a copy of a cable that lost its own (a blog page, a press excerpt).

The model is the library itself: k nearest neighbours by BM25 over its Tantivy index.
The query is the page's most distinctive words (tf x idf, idf from the index); each
neighbour votes for its TAGS with its score relative to the best one, raised to a power,
so the closest cables dominate. No stored model: a new ingest is seen at once.

Geographic tags get a second witness, the places the text names (the offline gazetteer:
countries, their cities and demonyms, mapped to the FIPS codes of TAGS). A small logistic
model joins the two for each candidate country. Its five weights and the two thresholds
(geographic, other) are *calibrated* on the library's own cables, each one queried with
itself left out, and cached beside the DB (``<db>-suggest.json``); they are worked out
again when the library has grown or shrunk by more than ``RECALIBRATE_CHANGE``.

A cable's origin is never used: a copy's is usually unknown.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cablekit.extract.lexicon import Gaz, lexicon
from cablekit.parse.tags import GEO_CODES
from cablekit.search.query import Or, Word, tokenize

if TYPE_CHECKING:
    from cablekit.search.index import SearchIndex
    from cablekit.store.library import Library

__all__ = [
    "Calibration",
    "TagSuggester",
    "copy_text",
    "evaluate",
    "place_countries",
    "suggest_tags",
    "suggester",
]

NEIGHBOURS = 20  # k: cables that vote
QUERY_TERMS = 60  # distinctive words of the page put in the query
VOTE_POWER = 2.0  # weight of a neighbour = (its score / the best score) ** VOTE_POWER
CALIBRATION_SAMPLE = 800  # library cables queried (each without itself) to calibrate
MIN_CALIBRATION = 50  # fewer tagged cables than this: the default calibration
RECALIBRATE_CHANGE = 0.05  # library size change (fraction) that triggers a recalibration
MAX_TEXT = 50_000  # characters of a page read: its topic is set long before (bounds the time)
MAX_CANDIDATE_TERMS = 2_000  # distinct words whose document frequency is looked up
CACHE_SUFFIX = "-suggest.json"
_CACHE_FORMAT = 1

# A TAGS or SUBJECT field: the keyword in capitals (a colon optional: ``TAGS PREL, IR``),
# or in any case with a colon; never prose (``Subject to approval, the ...``).
_FIELD_LINE_RE = re.compile(r"^\s*(?:(?:TAGS|TAG|SUBJECT|SUBJ)\b|(?i:tags|tag|subject|subj)\s*:)")
# A TAGS or SUBJECT field run into a reflowed preamble line: "... DECL: 08/15/2018 TAGS: PGOV".
_INLINE_FIELD_RE = re.compile(r"\s(?:TAGS|SUBJECT)\s*:")
# Where a wrapped SUBJECT (or TAGS) field ends: a blank line or the next field.
_FIELD_END_RE = re.compile(
    r"^\s*(?:$|REFS?\b|REFERENCES?\b|CLASSIFIED\s+BY|E\.?\s?O\.?\s?\d|\(?[0-9]{1,2}\s*\.|"
    r"\([A-Z/]{1,5}\)|SUMMARY|-{3}|THIS\s+(?:CABLE|MESSAGE|IS)|SENSITIVE|PASS\s|"
    r"(?:SUBJECT|SUBJ)\b)",
    re.IGNORECASE,
)
_MAX_FIELD_LINES = 6  # a TAGS or SUBJECT field wraps over a few lines at most

# Function words and cable boilerplate: never distinctive, and they make queries slow.
_STOP = frozenset(
    """
    the and for that with this from have has was were are not but its their they been will
    would which said also who more about other than into there his her our had can may one
    all new two over only some such any most after could should when what them these those
    very well being per did does she him how out now just like many much even both each
    while where since still under upon between during against through because before
    sipdis sipnodis noforn unclas classified confidential secret section reasons decl
    """.split()
)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'.-]{0,40}")
_CAPS_SHARE = 0.6  # a page with more capitalised words than this is an all-capitals cable


def copy_text(text: str) -> str:
    """``text`` without its TAGS and SUBJECT fields: what a copy that lost them reads.

    The model learns from the library's cables in this form (their stored body holds both
    fields), so that it never leans on the codes themselves.
    """
    if not text:
        return ""
    out: list[str] = []
    lines = text.split("\n")
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if _FIELD_LINE_RE.match(line):
            i += 1
            seen = 0
            while (
                i < n
                and seen < _MAX_FIELD_LINES
                and not _FIELD_END_RE.match(lines[i])
                and not _FIELD_LINE_RE.match(lines[i])
            ):
                i += 1
                seen += 1
            continue
        inline = (
            _INLINE_FIELD_RE.search(line)
            if ":" in line and ("TAGS" in line or "SUBJECT" in line)
            else None
        )
        out.append(line[: inline.start()] if inline else line)
        i += 1
    return "\n".join(out)


# --- places -------------------------------------------------------------------------------


class _Places:
    """The gazetteer as the lookups here need it: surface -> FIPS code of the country."""

    def __init__(self) -> None:
        lex = lexicon()
        fips_of: dict[str, str] = {}
        for code, name in lex.fips.items():
            if code in GEO_CODES:
                fips_of.setdefault(name, code)
        self.single: dict[str, str] = {}
        self.multi: dict[str, str] = {}  # "sri lanka" -> CE
        entry: Gaz
        for surface, entry in lex.places.items():
            code = fips_of.get(entry.country or "")
            if code is None:
                continue
            if " " in surface:
                self.multi[surface] = code
            elif len(surface) >= 3 or surface in ("us", "uk"):
                self.single[surface] = code
        for demonym, country in lex.demonyms.items():
            code = fips_of.get(country)
            if code is not None:
                self.single.setdefault(demonym.casefold(), code)
        self.firsts = frozenset(s.split()[0] for s in self.multi)
        self.longest = max((len(s.split()) for s in self.multi), default=1)


_places: _Places | None = None
_places_lock = threading.Lock()


def _gazetteer() -> _Places:
    global _places
    if _places is None:
        with _places_lock:
            if _places is None:
                _places = _Places()
    return _places


def place_countries(text: str) -> Counter[str]:
    """How often the text names each country (FIPS code, as in TAGS), by itself, one of its
    cities or its people (``Tehran``, ``Iranian`` -> IR).

    Mixed-case text counts capitalised words only (``turkey`` the bird is not Turkey);
    an all-capitals cable counts every word.
    """
    counts: Counter[str] = Counter()
    try:
        words = _WORD_RE.findall(text[:MAX_TEXT])
    except TypeError:
        return counts
    if not words:
        return counts
    gaz = _gazetteer()
    caps = sum(1 for w in words if w.isupper()) > _CAPS_SHARE * len(words)
    i, n = 0, len(words)
    while i < n:
        word = words[i]
        if not caps and not word[0].isupper():
            i += 1
            continue
        key = word.rstrip(".").casefold()
        if key.endswith("'s"):
            key = key[:-2]
        step = 1
        code = None
        if key in gaz.firsts:
            for m in range(min(gaz.longest, n - i), 1, -1):
                code = gaz.multi.get(" ".join(w.rstrip(".").casefold() for w in words[i : i + m]))
                if code is not None:
                    step = m
                    break
        if code is None:
            code = gaz.single.get(key)
        if code is not None:
            counts[code] += 1
        i += step
    return counts


# --- calibration ----------------------------------------------------------------------------


def _sigmoid(x: float) -> float:
    if x < -30:
        return 0.0
    if x > 30:
        return 1.0
    return 1.0 / (1.0 + math.exp(-x))


def _geo_features(vote: float, mentions: int, share: float, top: bool) -> list[float]:
    """What the geographic model weighs: the neighbours' vote and the text's mentions."""
    return [vote, math.log1p(mentions), share, 1.0 if top else 0.0, 1.0]


@dataclass
class Calibration:
    """The fitted part of the model: geographic weights and the two thresholds."""

    geo_weights: list[float] = field(default_factory=lambda: [6.26, 1.06, 2.22, 0.08, -4.87])
    geo_threshold: float = 0.30
    other_threshold: float = 0.31
    cables: int = 0  # library size when calibrated (0: the built-in defaults)
    sample: int = 0  # cables it was measured on

    def threshold(self, tag: str) -> float:
        return self.geo_threshold if tag in GEO_CODES else self.other_threshold

    def geo_score(self, vote: float, mentions: int, share: float, top: bool) -> float:
        x = _geo_features(vote, mentions, share, top)
        return _sigmoid(sum(w * v for w, v in zip(self.geo_weights, x, strict=False)))


# --- the model ------------------------------------------------------------------------------


@dataclass
class _Candidates:
    """A page's evidence before calibration: neighbour votes and country mentions."""

    votes: dict[str, float]
    places: Counter[str]


class TagSuggester:
    """TAGS suggestions from one library (build it with :func:`suggester`, which caches)."""

    def __init__(self, library: Library, calibration: Calibration | None = None) -> None:
        self.library = library
        self.calibration = calibration or Calibration()
        self._df: dict[str, int] = {}
        self._df_docs = -1

    # -- the index ---------------------------------------------------------------------

    def _index(self) -> SearchIndex:
        return self.library.search_index()

    def _doc_freqs(self, terms: list[str]) -> tuple[int, dict[str, int]]:
        """Documents in the index, and how many hold each term (cached until it changes)."""
        index = self._index()
        n, _ = index.doc_freqs("text", [])
        if n != self._df_docs:
            self._df = {}
            self._df_docs = n
        cache = self._df
        missing = [t for t in dict.fromkeys(terms) if t not in cache]
        if missing:
            cache.update(index.doc_freqs("text", missing)[1])
        if len(cache) > 500_000:  # a long-running server: keep memory bounded
            self._df = {}
        return n, {t: cache[t] for t in terms}

    def query_terms(self, text: str, limit: int = QUERY_TERMS) -> list[str]:
        """The page's most distinctive words: (1 + log tf) x idf, best first."""
        tf = Counter(
            t
            for t in tokenize(text[:MAX_TEXT])
            if 3 <= len(t) <= 40 and t not in _STOP and not t.isdigit() and t.isascii()
        )
        if not tf:
            return []
        if len(tf) > MAX_CANDIDATE_TERMS:  # garbage or a huge page: its most repeated words
            tf = Counter(dict(tf.most_common(MAX_CANDIDATE_TERMS)))
        n, df = self._doc_freqs(list(tf))
        scored = {
            t: (1.0 + math.log(c)) * math.log((n + 1) / (df[t] + 0.5))
            for t, c in tf.items()
            if df.get(t)
        }
        return sorted(scored, key=lambda t: (-scored[t], t))[:limit]

    def neighbours(
        self, text: str, *, k: int = NEIGHBOURS, exclude: str | None = None
    ) -> list[tuple[str, float]]:
        """The ``k`` library cables closest to ``text`` (BM25), with their scores."""
        terms = self.query_terms(text)
        if not terms:
            return []
        found = self._index().search(
            Or(tuple(Word(t) for t in terms)),
            limit=k + (1 if exclude else 0),
            facets=False,
            snippets=False,
        )
        hits = [(h.reference_id, h.score) for h in found.hits if h.reference_id != exclude]
        return hits[:k]

    def tags_of(self, reference_ids: Sequence[str]) -> dict[str, list[str]]:
        """The TAGS of the newest version of each cable, in order."""
        out: dict[str, list[str]] = {}
        if not reference_ids:
            return out
        marks = ",".join("?" * len(reference_ids))
        rows = self.library.store.db.execute(
            "SELECT c.reference_id, t.tag FROM cables c JOIN tags t"
            " ON t.version_id = c.latest_version"
            f" WHERE c.reference_id IN ({marks}) ORDER BY t.position",
            list(reference_ids),
        )
        for ref, tag in rows:
            tags = out.setdefault(ref, [])
            if tag not in tags:
                tags.append(tag)
        return out

    def candidates(self, text: str, *, exclude: str | None = None) -> _Candidates:
        """Neighbour votes in [0, 1] (weighted share of neighbours with each tag) and the
        countries the text names."""
        hits = self.neighbours(text, exclude=exclude)
        votes: dict[str, float] = {}
        if hits and hits[0][1] > 0:
            best = hits[0][1]
            tags = self.tags_of([ref for ref, _ in hits])
            total = 0.0
            for ref, score in hits:
                weight = (max(score, 0.0) / best) ** VOTE_POWER
                total += weight
                for tag in tags.get(ref, ()):
                    votes[tag] = votes.get(tag, 0.0) + weight
            if total > 0:
                votes = {t: min(1.0, v / total) for t, v in votes.items()}
        return _Candidates(votes, place_countries(text))

    def scored(self, cand: _Candidates) -> dict[str, float]:
        """Every candidate tag with its calibrated score in [0, 1]."""
        cal = self.calibration
        out = {t: v for t, v in cand.votes.items() if t not in GEO_CODES}
        mentions = cand.places
        named = sum(mentions.values())
        top = max(mentions.values(), default=0)
        for code in set(mentions) | {t for t in cand.votes if t in GEO_CODES}:
            m = mentions.get(code, 0)
            out[code] = cal.geo_score(
                cand.votes.get(code, 0.0), m, m / named if named else 0.0, m > 0 and m == top
            )
        return out

    def suggest(self, text: str, *, limit: int = 8) -> list[tuple[str, float]]:
        """Tags above their threshold, best first, at most ``limit``."""
        if not text or not text.strip() or limit <= 0:
            return []
        scores = self.scored(self.candidates(copy_text(text[:MAX_TEXT])))
        cal = self.calibration
        kept = [(t, round(s, 4)) for t, s in scores.items() if s >= cal.threshold(t)]
        kept.sort(key=lambda ts: (-ts[1], ts[0]))
        return kept[:limit]

    # -- calibration ---------------------------------------------------------------------

    def calibrate(self, sample: int = CALIBRATION_SAMPLE) -> Calibration:
        """Fit the geographic weights and both thresholds on up to ``sample`` library
        cables (a deterministic choice), each queried with itself left out."""
        store = self.library.store
        ids = [r[0] for r in store.db.execute("SELECT reference_id FROM cables")]
        total = len(ids)
        ids.sort(key=lambda i: hashlib.blake2b(i.encode(), digest_size=8).digest())
        evidence: list[tuple[_Candidates, set[str]]] = []
        for start in range(0, len(ids), 200):
            if len(evidence) >= sample:
                break
            for record in store.latest_records(ids[start : start + 200]):
                gold = set(record.get("tags") or ())
                body = copy_text(record.get("body") or "")
                if not gold or not body.strip():
                    continue
                evidence.append((self.candidates(body, exclude=record.get("reference_id")), gold))
                if len(evidence) >= sample:
                    break
        if len(evidence) < MIN_CALIBRATION:
            self.calibration = Calibration(cables=total)
            return self.calibration
        weights = _fit_geo(evidence)
        cal = Calibration(geo_weights=weights, cables=total, sample=len(evidence))
        self.calibration = cal
        pairs = [(self.scored(c), gold) for c, gold in evidence]
        cal.geo_threshold = _best_threshold(pairs, geo=True)
        cal.other_threshold = _best_threshold(pairs, geo=False)
        return cal


def _fit_geo(evidence: list[tuple[_Candidates, set[str]]]) -> list[float]:
    """Logistic regression (numpy, gradient descent) of "the code is in TAGS" over every
    candidate country of every sampled cable."""
    import numpy as np

    rows: list[list[float]] = []
    ys: list[float] = []
    for cand, gold in evidence:
        mentions = cand.places
        named = sum(mentions.values())
        top = max(mentions.values(), default=0)
        for code in set(mentions) | {t for t in cand.votes if t in GEO_CODES}:
            m = mentions.get(code, 0)
            rows.append(
                _geo_features(
                    cand.votes.get(code, 0.0), m, m / named if named else 0.0, m > 0 and m == top
                )
            )
            ys.append(1.0 if code in gold else 0.0)
    if len(rows) < 20 or not 0 < sum(ys) < len(ys):
        return Calibration().geo_weights
    x = np.asarray(rows, dtype=np.float64)
    y = np.asarray(ys, dtype=np.float64)
    w = np.zeros(x.shape[1])
    for _ in range(3000):  # convex, five weights: plain gradient descent converges
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        w -= 1.0 * (x.T @ (p - y) / len(y) + 1e-4 * np.r_[w[:-1], 0.0])
    return [round(float(v), 4) for v in w]


def _best_threshold(pairs: list[tuple[dict[str, float], set[str]]], *, geo: bool) -> float:
    """The threshold that maximises micro-F1 over tags of one kind (geographic or not)."""
    best, best_f1 = 0.5, -1.0
    for step in range(5, 96):
        th = step / 100
        tp = fp = fn = 0
        for scores, gold in pairs:
            pred = {t for t, s in scores.items() if s >= th and (t in GEO_CODES) == geo}
            want = {t for t in gold if (t in GEO_CODES) == geo}
            hit = len(pred & want)
            tp += hit
            fp += len(pred) - hit
            fn += len(want) - hit
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best_f1 + 1e-9:
            best, best_f1 = th, f1
    return best


# --- caching and the entry point ------------------------------------------------------------

_suggesters: dict[str, TagSuggester] = {}
_suggesters_lock = threading.Lock()


def _cache_path(library: Library) -> Path:
    return Path(f"{library.store.path}{CACHE_SUFFIX}")


def _cable_count(library: Library) -> int:
    return int(library.store.db.execute("SELECT count(*) FROM cables").fetchone()[0])


def _stale(cal: Calibration, cables: int) -> bool:
    if cal.cables <= 0:
        return True
    return abs(cables - cal.cables) > RECALIBRATE_CHANGE * cal.cables


def _load(path: Path) -> Calibration | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != _CACHE_FORMAT:
            return None
        cal = Calibration(**{k: data[k] for k in asdict(Calibration()) if k in data})
        if len(cal.geo_weights) != len(Calibration().geo_weights):
            return None
        return cal
    except (OSError, ValueError, TypeError, AttributeError, KeyError):
        return None


def _save(path: Path, cal: Calibration) -> None:
    """Write the calibration beside the DB (atomically); a read-only place keeps it in memory."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps({"format": _CACHE_FORMAT, **asdict(cal)}), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass


def suggester(library: Library, *, calibrate: bool = True) -> TagSuggester:
    """The library's suggester: calibrated once, then reused (in memory and on disk) until
    the library's size changes by more than ``RECALIBRATE_CHANGE``."""
    key = str(Path(library.store.path).resolve())
    cables = _cable_count(library)
    with _suggesters_lock:
        model = _suggesters.get(key)
        if model is not None and model.library is library and not _stale(model.calibration, cables):
            return model
        if len(_suggesters) >= 16:  # libraries opened and closed by a long-running server
            _suggesters.clear()
        model = TagSuggester(library)
        path = _cache_path(library)
        cal = _load(path)
        if cal is not None and not _stale(cal, cables):
            model.calibration = cal
        elif calibrate:
            _save(path, model.calibrate())
        _suggesters[key] = model
        return model


def suggest_tags(library: Library, text: str, *, limit: int = 8) -> list[tuple[str, float]]:
    """Suggested TAGS for ``text`` (a copy that lost its own), best first: ``[(tag, score)]``
    with scores in [0, 1], only those above the calibrated threshold.

    Never raises: an empty or unreadable text, or a library without a search index,
    gives ``[]``.
    """
    try:
        if not isinstance(text, str) or not text.strip():
            return []
        return suggester(library).suggest(text, limit=limit)
    except Exception:  # noqa: BLE001 - a suggestion is optional: never break the caller
        return []


def evaluate(
    model: TagSuggester, pages: Iterable[tuple[str, Iterable[str]]]
) -> dict[str, dict[str, float]]:
    """Micro precision, recall and F1 of the suggestions for ``(text, gold tags)`` pairs:
    over all tags, geographic tags and the others."""
    counts = {kind: [0, 0, 0] for kind in ("all", "geo", "other")}
    for text, gold_tags in pages:
        pred = {t for t, _ in model.suggest(text, limit=1000)}
        gold = set(gold_tags)
        for kind, keep in (
            ("geo", lambda t: t in GEO_CODES),
            ("other", lambda t: t not in GEO_CODES),
        ):
            p = {t for t in pred if keep(t)}
            g = {t for t in gold if keep(t)}
            hit = len(p & g)
            for k in (kind, "all"):
                counts[k][0] += hit
                counts[k][1] += len(p) - hit
                counts[k][2] += len(g) - hit
    out: dict[str, dict[str, float]] = {}
    for kind, (tp, fp, fn) in counts.items():
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        out[kind] = {"precision": precision, "recall": recall, "f1": f1}
    return out
