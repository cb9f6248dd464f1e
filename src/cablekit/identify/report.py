"""Identification results for people: text, the restored originals, an HTML report."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from cablekit.identify.match import Identification, Match

Original = Callable[[str], list[str]]  # reference id -> the stored cable's text lines

_ENV = Environment(
    loader=FileSystemLoader(Path(__file__).with_name("templates")),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def lost_lines(match: Match) -> set[int]:
    """0-based lines of the original that the copy lost."""
    out: set[int] = set()
    for entry in match.missing:
        first = entry["line"] - 1
        out.update(range(first, first + entry["text"].count("\n") + 1))
    return out


def as_text(result: Identification) -> str:
    """One block per match: where it is on the page, what the cable is, what was lost."""
    out = [f"{result.source or '(text)'}: {_count(len(result.matches), 'cable')} found"]
    for m in result.matches:
        meta = m.metadata
        out.append("")
        out.append(
            f"{m.reference_id}  lines {m.input_span[0]}-{m.input_span[1]} of the page"
            f"  (covers {m.coverage:.0%} of the cable)"
        )
        facts = [
            ("created", (meta.get("created") or "")[:16]),
            ("origin", meta.get("origin")),
            ("classification", meta.get("classification")),
            ("tags", " ".join(meta.get("tags") or [])),
            ("subject", meta.get("subject")),
        ]
        for name, value in facts:
            if value:
                out.append(
                    textwrap.fill(
                        f"{value}", 78, initial_indent=f"  {name:<15}", subsequent_indent=" " * 17
                    )
                )
        if m.missing:
            n = sum(e["text"].count("\n") + 1 for e in m.missing)
            out.append(f"  the copy lost {_count(n, 'line')} of the original:")
            for entry in m.missing:
                where = f"line {entry['line']}"
                if entry.get("paragraph"):
                    where += f", paragraph {entry['paragraph']}"
                lines = entry["text"].split("\n")
                out.append(f"    - {lines[0]}   [{where}]")
                out.extend(f"    - {line}" for line in lines[1:])
        for entry in m.changed:
            out.append(f"    ~ line {entry['line']}: {entry['text']!r} -> {entry['input_text']!r}")
        for entry in m.added:
            out.append(f"    + page line {entry['input_line']}: {entry['text']}")
    for part in result.unmatched:
        first, last = part["input_span"]
        text = " ".join(part["text"].split())
        out.append("")
        out.append(f"no cable: lines {first}-{last} of the page")
        out.append(
            textwrap.fill(
                text[:300] + ("..." if len(text) > 300 else ""),
                78,
                initial_indent="    ",
                subsequent_indent="    ",
            )
        )
    if result.suggested_tags:
        out.append("")
        out.append(
            "suggested TAGS (from the library's nearest cables): "
            + ", ".join(f"{t['tag']} ({t['score']:.2f})" for t in result.suggested_tags)
        )
    return "\n".join(out)


def restored(result: Identification, original: Original) -> str:
    """Each matched cable in full, as the original; lines the copy lost start with ``-``."""
    out = []
    for m in result.matches:
        lost = lost_lines(m)
        lines = original(m.reference_id)
        out.append(f"=== {m.reference_id} (lines the copy lost are marked -) ===")
        for number, line in enumerate(lines):
            out.append(("- " if number in lost else "  ") + line)
        out.append("")
    return "\n".join(out)


def as_html(results: list[Identification], page_texts: list[str], original: Original) -> str:
    """A self-contained report: per match, the page beside the original, losses marked."""
    reports = []
    for result, page_text in zip(results, page_texts, strict=True):
        page_lines = page_text.split("\n")
        blocks: list[dict[str, Any]] = []
        for m in result.matches:
            lost = lost_lines(m)
            lines = original(m.reference_id)
            first, last = m.cable_span
            blocks.append(
                {
                    "match": m,
                    "page": page_lines[m.input_span[0] - 1 : m.input_span[1]],
                    "page_first": m.input_span[0],
                    "original": [
                        (n + 1, line, n in lost)
                        for n, line in enumerate(lines)
                        if first - 1 <= n <= last - 1
                    ],
                    "lost": sum(e["text"].count("\n") + 1 for e in m.missing),
                }
            )
        reports.append({"result": result, "blocks": blocks})
    return _ENV.get_template("report.html").render(reports=reports)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")
