"""Fingerprints of a text that survive what copying does to it.

A text becomes a stream of words (alphanumeric runs, lowercased: re-wrapping,
whitespace, case, curly quotes and punctuation no longer matter), each word
remembering its line. Every run of ``K`` words is hashed; the index keeps only
the winnowed hashes (the smallest of each window of ``W`` consecutive hashes,
Schleimer et al. 2003), which guarantees that any run of ``K + W - 1`` words a
copy shares with the original shares at least one kept hash, for about
``2 / (W + 1)`` of the hashes. A query hashes *every* run of the copy, so any
kept hash inside a shared run is found.

Index terms are the winnowed hashes cut to their low ``TERM_BITS`` bits: at most 16.7
million distinct terms however large the library, which bounds the index's term
dictionary; the few unrelated cables a cut hash also names are outvoted by the
many hashes a real copy shares, and every candidate is verified on full hashes.

Lines the cable system added (page-break lines) are left out: copies drop them,
and they would break the runs that span them. The hashing is vectorised
(NumPy): fingerprinting runs at ingest, for every cable.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

import numpy as np

from cablekit.parse.body import page_break_lines

K = 5  # words per hashed run
W = 8  # winnowing window: a shared run of K + W - 1 = 12 words is always found
TERM_BITS = 24
_WORD = re.compile(r"[^\W_]+")
_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit constant: a multiplicative hash
_word_ids: dict[str, int] = {}


@dataclass
class Words:
    """A text as words: ``words[i]`` is on (0-based) line ``lines[i]``."""

    words: list[str]
    lines: list[int]


def words_of(text: str, *, skip_page_breaks: bool = True) -> Words:
    """The words of a text, lowercased, each with its 0-based line number."""
    lines = text.split("\n")
    skip = page_break_lines(lines) if skip_page_breaks else set()
    words: list[str] = []
    where: list[int] = []
    for number, line in enumerate(lines):
        if number in skip:
            continue
        found = _WORD.findall(line.lower())
        if found:
            words.extend(found)
            where.extend([number] * len(found))
    return Words(words, where)


def words_in(text: str) -> list[str]:
    """The words of a text, lowercased (no line numbers: what the index needs)."""
    return _WORD.findall(text.lower())


def _word_id(word: str) -> int:
    value = _word_ids.get(word)
    if value is None:
        value = zlib.crc32(word.encode()) | (len(word) << 32)
        if len(_word_ids) < 2_000_000:  # a bounded cache: memory must not grow with input
            _word_ids[word] = value
    return value


def run_hashes(words: list[str]) -> np.ndarray:
    """The 64-bit hash of every run of ``K`` words: ``out[i]`` covers ``words[i:i + K]``."""
    n = len(words) - K + 1
    if n <= 0:
        return np.empty(0, dtype=np.uint64)
    get = _word_ids.get
    ids = np.array([get(w) or _word_id(w) for w in words], dtype=np.uint64)
    out = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):  # arithmetic modulo 2**64 is the point
        for j in range(K):
            out = (out ^ ids[j : j + n]) * _MULTIPLIER
            out ^= out >> np.uint64(29)
    return out


def winnow(hashes: np.ndarray) -> np.ndarray:
    """The distinct smallest hashes of every window of ``W`` consecutive hashes."""
    if len(hashes) <= W:
        return np.unique(hashes)
    n = len(hashes) - W + 1
    smallest = hashes[:n].copy()
    for j in range(1, W):
        np.minimum(smallest, hashes[j : j + n], out=smallest)
    return np.unique(smallest)


def terms_of(hashes: np.ndarray) -> list[str]:
    """Index terms of hashes: their low ``TERM_BITS`` bits, as ``hex()`` writes them.

    Low, not high: winnowing keeps the smallest hashes, whose high bits are skewed
    towards zero; the low bits are as uniform as ever.
    """
    cut = np.unique(hashes & np.uint64((1 << TERM_BITS) - 1))
    return list(map(hex, cut.tolist()))


def index_terms(body: str) -> list[str]:
    """What the index stores for a cable: the winnowed hashes of its clean body as terms.

    The body, not the original text: page-break lines are already gone from it and
    the routing header, which copies never keep, is not in it.
    """
    return terms_of(winnow(run_hashes(words_in(body))))
