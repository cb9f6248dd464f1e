"""Truncation warnings: numbered paragraphs that stop mid-sentence, a sign of lost lines."""

from __future__ import annotations

import re

from cablekit.model import Paragraph
from cablekit.parse.body.patterns import _TERMINAL_END

_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z'\-]*)\W*$")


def truncation_warnings(paragraphs: list[Paragraph]) -> list[str]:
    """``paragraph N ends mid-sentence`` when a numbered paragraph stops on a lower-case word.

    Lost lines show as a paragraph ending without terminal punctuation right before the
    next number. ALL-CAPS endings, numbers, tables and bullets end bare legitimately, so
    only a lower-case final word counts.
    """
    out: list[str] = []
    try:
        for p, q in zip(paragraphs, paragraphs[1:], strict=False):
            if p.number is None or q.number is None or not p.text:
                continue
            if not (p.number.isdigit() and q.number.isdigit()):
                continue
            t = p.text.rstrip()
            if t[-1:] in _TERMINAL_END:
                # the usual case, tested before the numbers only where ``int`` cannot fail
                # (and so end the loop early) on them: ASCII digits
                if p.number.isascii() and q.number.isascii():
                    continue
            if int(q.number) != int(p.number) + 1:
                continue
            if t[-1:] in _TERMINAL_END:
                continue
            m = _LAST_WORD.search(t[-40:])
            if not m or not m.group(1).islower() or m.end() != len(t[-40:]):
                continue
            tail = t[-200:]
            if " -- " in tail or tail.count(":") and tail.rfind(":") > len(tail) - 120:
                continue  # list item or label: value
            out.append(f"paragraph {p.number} ends mid-sentence")
    except Exception:  # pragma: no cover
        return out
    return out
