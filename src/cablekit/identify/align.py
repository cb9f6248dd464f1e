"""Align a copy against the original it reproduces: what it lost, added and changed.

Both texts are compared as word streams (``fingerprint.words_of``), so the
copy's re-wrapping, reflowed paragraphs, case and curled quotes do not count as
changes. ``rapidfuzz``'s Indel opcodes (a longest common subsequence, bit-parallel
and fast) say which original words the copy kept; what follows is bookkeeping
from words back to the lines of each text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz.distance import Indel

from cablekit.identify.fingerprint import Words

_WORD = re.compile(r"[^\W_]+")
SOLID = 3  # kept words in a row that place a copy in its original


@dataclass
class Alignment:
    """The outcome for one (copy region, original) pair; lines are 0-based."""

    cable_span: tuple[int, int]  # first and last line of the original the copy covers
    coverage: float  # share of the original's words the copy holds
    kept: int  # original words found in the copy
    missing: list[dict[str, Any]] = field(default_factory=list)
    added: list[dict[str, Any]] = field(default_factory=list)
    changed: list[dict[str, Any]] = field(default_factory=list)


def align(
    original: Words,
    original_lines: list[str],
    copy: Words,
    copy_lines: list[str],
    *,
    body_start: int = 0,
    paragraph_at: dict[int, str | None] | None = None,
) -> Alignment:
    """Align ``copy`` (a region of a page) against ``original`` (the words of a cable,
    or of the part of it the copy is known to come from).

    ``body_start`` is the original's first line after the routing header. A copy
    that begins before the first paragraph is taken to cover the cable from its
    first body line, and one that goes on until only a sign-off is left (lines of
    one or two words: ``BEYRLE``) to cover it to the end: that is what the copy
    set out to reproduce, and what it dropped there is lost.
    """
    ops = Indel.opcodes(original.words, copy.words)
    kept_at = [False] * len(original.words)
    solid: list[int] = []  # original words in runs of SOLID or more kept words
    changed: list[dict[str, Any]] = []
    added: list[dict[str, Any]] = []
    for op in ops:
        if op.tag == "equal":
            for i in range(op.src_start, op.src_end):
                kept_at[i] = True
            if op.src_end - op.src_start >= SOLID:
                solid += [op.src_start, op.src_end - 1]
    kept = sum(kept_at)
    if not solid:
        return Alignment((0, 0), 0.0, 0)
    # The span: from the first to the last run of kept words long enough not to be
    # chance (an alignment also pairs single common words across a gap).
    first_line = original.lines[solid[0]]
    last_line = original.lines[solid[-1]]
    paragraph_starts = sorted(k for k in (paragraph_at or {}) if k is not None)
    first_paragraph = paragraph_starts[0] if paragraph_starts else None
    if first_paragraph is not None and first_line <= first_paragraph:
        first_line = min(first_line, body_start)
    if _only_signoff_after(last_line, original_lines):
        last_line = len(original_lines) - 1

    # Lines of the original, inside the span, that hold words and kept none of them.
    words_on: dict[int, list[int]] = {}
    for i, line in enumerate(original.lines):
        if first_line <= line <= last_line:
            words_on.setdefault(line, []).append(i)
    lost_lines = [
        line for line, idx in sorted(words_on.items()) if not any(kept_at[i] for i in idx)
    ]
    missing = _runs(lost_lines, original_lines, words_on, paragraph_starts, paragraph_at or {})

    # Replacements: the copy has other words where the original had these.
    for op in _replacements(ops):
        src_start, src_end, dest_start, dest_end = op
        line = original.lines[src_start]
        if not (first_line <= line <= last_line):
            continue
        changed.append(
            {
                "text": " ".join(original.words[src_start:src_end]),
                "input_text": " ".join(copy.words[dest_start:dest_end]),
                "line": line,
                "input_line": copy.lines[dest_start],
            }
        )
    # Insertions that are not part of a replacement: words of the copy not in the original.
    for start, end in _insertions(ops):
        added.append({"text": " ".join(copy.words[start:end]), "input_line": copy.lines[start]})
    total = len(original.words)
    return Alignment(
        (first_line, last_line),
        kept / total if total else 0.0,
        kept,
        missing,
        added,
        changed,
    )


def _only_signoff_after(line: int, lines: list[str]) -> bool:
    """Whether every line after ``line`` with words has at most two (a signature)."""
    rest = [len(_WORD.findall(text)) for text in lines[line + 1 :]]
    return any(rest) and all(n <= 2 for n in rest)


def _runs(
    lost: list[int],
    lines: list[str],
    words_on: dict[int, list[int]],
    paragraph_starts: list[int],
    paragraph_at: dict[int, str | None],
) -> list[dict[str, Any]]:
    """Lost lines as runs: consecutive lost lines (wordless lines between them
    do not break a run) become one entry."""
    out: list[dict[str, Any]] = []
    run: list[int] = []

    def close() -> None:
        if run:
            out.append(
                {
                    "text": "\n".join(lines[k].strip() for k in run),
                    "paragraph": _paragraph(run[0], paragraph_starts, paragraph_at),
                    "line": run[0],
                    "lines": list(run),
                }
            )

    previous = None
    for line in lost:
        if previous is not None and any(k in words_on for k in range(previous + 1, line)):
            close()
            run = []
        run.append(line)
        previous = line
    close()
    return out


def _paragraph(line: int, starts: list[int], numbers: dict[int, str | None]) -> str | None:
    number = None
    for start in starts:
        if start > line:
            break
        number = numbers.get(start)
    return number


def _replacements(ops) -> list[tuple[int, int, int, int]]:
    """Delete + insert at the same place (Indel has no 'replace'): (src, src_end, dst, dst_end)."""
    out = []
    items = list(ops)
    for a, b in zip(items, items[1:], strict=False):
        if a.tag == "delete" and b.tag == "insert" and b.dest_start == a.dest_start:
            out.append((a.src_start, a.src_end, b.dest_start, b.dest_end))
        elif a.tag == "insert" and b.tag == "delete" and a.src_start == b.src_start:
            out.append((b.src_start, b.src_end, a.dest_start, a.dest_end))
    return out


def _insertions(ops) -> list[tuple[int, int]]:
    items = list(ops)
    out = []
    for k, op in enumerate(items):
        if op.tag != "insert":
            continue
        before = items[k - 1] if k else None
        after = items[k + 1] if k + 1 < len(items) else None
        if (before and before.tag == "delete") or (after and after.tag == "delete"):
            continue  # part of a replacement
        out.append((op.dest_start, op.dest_end))
    return out
