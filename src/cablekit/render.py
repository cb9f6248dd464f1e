"""Cables as text for people: the ``--format text`` of the CLI."""

from __future__ import annotations

import html
import re
import textwrap
from typing import Any

import msgspec

from cablekit.model import Cable

_WIDTH = 78


def cable_as_text(cable: Cable) -> str:
    """A readable summary: the header fields, then the paragraphs, then any warnings."""
    out: list[str] = []
    title = cable.reference_id or "(reference id unknown)"
    out.append(f"{title}  {cable.classification or ''}".rstrip())
    out.append("=" * len(out[0]))
    fields = [
        ("Created", cable.created),
        ("Origin", cable.origin),
        ("Handling", ", ".join(cable.handling)),
        ("Precedence", cable.precedence),
        ("Sections", str(cable.section_count) if cable.section_count else None),
        ("TAGS", " ".join(cable.tags)),
        ("Subject", cable.subject),
        ("References", _references(cable)),
        ("Classified by", _classified_by(cable)),
        ("Declassify on", _declassify(cable)),
        ("Signature", cable.signature),
        ("Source", _source(cable)),
    ]
    width = max(len(name) for name, _ in fields) + 2
    for name, value in fields:
        if value:
            out.append(_field(name, value, width))
    if cable.summary and not _in_paragraphs(cable.summary, cable):
        out.append("")
        out.append(_wrap("Summary: " + cable.summary))
    if cable.paragraphs:
        out.append("")
        heading = None
        for p in cable.paragraphs:
            if p.heading and p.heading != heading:
                heading = p.heading
                out.append(f"  [{heading}]")
            number = f"{p.number}. " if p.number else ""
            marking = f"({p.marking}) " if p.marking else ""
            out.append(_wrap(number + marking + p.text, indent="  "))
    if cable.comment and not _in_paragraphs(cable.comment, cable):
        out.append("")
        out.append(_wrap("Comment: " + cable.comment))
    for warning in cable.warnings:
        out.append(f"! {warning}")
    return "\n".join(out)


def _in_paragraphs(section: str, cable: Cable) -> bool:
    """True when a summary or comment is already shown as (part of) a paragraph."""
    head = section[:60]
    return any(head in p.text for p in cable.paragraphs)


def _field(name: str, value: str, width: int) -> str:
    lines = textwrap.wrap(value, _WIDTH - width) or [""]
    first = f"{name + ':':<{width}}{lines[0]}"
    return "\n".join([first] + [" " * width + rest for rest in lines[1:]])


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(text, _WIDTH, initial_indent=indent, subsequent_indent=indent)


def _references(cable: Cable) -> str:
    parts = []
    for ref in cable.references:
        label = f"{ref.letter}. " if ref.letter else ""
        parts.append(label + (ref.reference_id or ref.text))
    return "; ".join(parts)


def _classified_by(cable: Cable) -> str | None:
    c = cable.classified_by
    if c is None:
        return None
    who = ", ".join(c.names)
    if c.title:
        who = f"{c.title} {who}".strip()
    reasons = ", ".join(c.reasons)
    return f"{who} for reasons {reasons}" if reasons else who or c.text


def _declassify(cable: Cable) -> str | None:
    if not cable.declassify_on:
        return None
    return f"{cable.declassify_on} (E.O. {cable.eo})" if cable.eo else cable.declassify_on


def _source(cable: Cable) -> str | None:
    s = cable.source
    if not s.path:
        return None
    if s.start_line:
        return f"{s.path}, lines {s.start_line}-{s.end_line}"
    return s.path


def render_record(record: dict[str, Any]) -> str:
    """A stored record for people: the cable, then its versions."""
    cable = msgspec.convert(record, Cable)
    out = [cable_as_text(cable)]
    versions = record.get("versions") or []
    if versions:
        out.append("")
        out.append(f"Versions ({len(versions)}; this is version {record.get('version')}):")
        for v in versions:
            source = v.get("source") or {}
            where = source.get("path") or "?"
            if source.get("start_line"):
                where += f":{source['start_line']}"
            out.append(f"  {v['number']}  first seen {v['first_seen']}  from {where}")
    return "\n".join(out)


def render_results(found: dict[str, Any], query: str, *, offset: int = 0, sort: str = "") -> str:
    """Search results for people: the count, then one block per cable with its snippet."""
    total = found["total"]
    results = found["results"]
    noun = "cable matches" if total == 1 else "cables match"
    head = f"{total:,} {noun} {query!r}"
    if results:
        head += f" (showing {offset + 1:,}-{offset + len(results):,}, by {sort or 'relevance'})"
    out = [head]
    for r in results:
        out.append("")
        line = "  ".join(
            str(x)
            for x in (
                r["reference_id"],
                (r.get("created") or "")[:10],
                r.get("origin"),
                r.get("classification"),
            )
            if x
        )
        out.append(line)
        if r.get("subject"):
            out.append(_wrap(r["subject"], indent="  "))
        if r.get("snippet"):
            out.append(_wrap(_snippet_text(r["snippet"]), indent="    "))
    facets = found.get("facets") or {}
    lines = []
    for name in ("origin", "year", "classification", "tag", "person", "org", "place"):
        counts = facets.get(name) or {}
        if counts:
            lines.append(f"{name}: " + ", ".join(f"{k} {v:,}" for k, v in list(counts.items())[:8]))
    if lines:
        out += ["", *lines]
    return "\n".join(out)


def render_stats(figures: dict[str, Any]) -> str:
    out = [f"{figures['cables']:,} cables, {figures['versions']:,} versions"]
    if figures.get("unindexed_versions"):
        out.append(f"{figures['unindexed_versions']:,} versions not yet in the search index")
    for name in ("year", "classification", "origin"):
        counts = figures.get(name) or {}
        if counts:
            out.append("")
            out.append(f"by {name}:")
            items = list(counts.items())
            for k, v in items[:20]:
                out.append(f"  {v:>8,}  {k}")
            if len(items) > 20:
                out.append(f"  ... and {len(items) - 20:,} more")
    return "\n".join(out)


def _snippet_text(snippet: str) -> str:
    """Snippet HTML to text: matches in [brackets], entities decoded."""
    text = snippet.replace("<b>", "[").replace("</b>", "]")
    return html.unescape(re.sub(r"<[^>]{0,20}>", "", text))


def render_entities(found: dict[str, Any]) -> str:
    """A cable's entities for people: one line each, mentions counted."""
    out = [f"{found.get('reference_id') or ''}"]

    def section(title: str, lines: list[str]) -> None:
        if lines:
            out.append("")
            out.append(f"{title} ({len(lines)}):")
            out.extend(f"  {line}" for line in lines)

    people = []
    for p in found.get("people", []):
        titles = ", ".join(
            t["expanded"] or t["as_written"] for t in p.get("titles", []) if t.get("as_written")
        )
        line = p["name"] + (f" ({titles})" if titles else "")
        if p.get("affiliation"):
            line += f", {p['affiliation']}"
        if p.get("role"):
            line += f"  [{p['role']}]"
        people.append(f"{line}  x{len(p.get('mentions', []))}")
    section("People", people)
    section(
        "Organisations",
        [f"{o['name']}  x{len(o.get('mentions', []))}" for o in found.get("organizations", [])],
    )
    places = []
    for p in found.get("places", []):
        where = f" {p['lat']:.2f}, {p['lon']:.2f}" if p.get("lat") is not None else ""
        places.append(f"{p['name']} ({p.get('kind') or 'place'}){where}")
    section("Places", places)
    section("Acronyms", [f"{a['short']} = {a['long']}" for a in found.get("acronyms", [])])
    section("Quotes", [f"{q['speaker']}: {q['text']}" for q in found.get("quotes", [])])
    return "\n".join(out)


def render_entity_list(found: dict[str, Any], *, offset: int = 0) -> str:
    """People (or other entities) across the library: one line each, most cables first."""
    rows = found["results"]
    out = [
        f"{found['total']:,} found" + (f", {offset + 1:,}-{offset + len(rows):,}:" if rows else "")
    ]
    for e in rows:
        seen = "-".join(dict.fromkeys(d[:4] for d in (e["first_seen"], e["last_seen"]) if d))
        out.append(f"  {e['cables']:>7,}  {e['name']}  [{e['id']}]" + (f"  {seen}" if seen else ""))
    return "\n".join(out)


def render_entity(e: dict[str, Any]) -> str:
    """One library entity for people: names, titles, dates, who it is named with."""
    seen = " to ".join(dict.fromkeys(d[:10] for d in (e["first_seen"], e["last_seen"]) if d))
    out = [
        f"{e['name']}  ({e['kind']} {e['id']}): {e['cables']:,} cables"
        + (f", {seen}" if seen else "")
    ]
    if e.get("aliases"):
        out.append(
            "also named: " + ", ".join(f"{a['name']} ({a['cables']:,})" for a in e["aliases"])
        )
    for label, key in (("titles", "titles"), ("affiliation", "affiliations"), ("roles", "roles")):
        if e.get(key):
            out.append(
                f"{label}: " + ", ".join(f"{t['value']} ({t['cables']:,})" for t in e[key][:8])
            )
    if e.get("lat") is not None:
        what = ", ".join(x for x in (e.get("place_kind"), e.get("country")) if x)
        out.append(f"at {e['lat']:.3f}, {e['lon']:.3f}" + (f" ({what})" if what else ""))
    for kind, label in (
        ("person", "named with"),
        ("organization", "organisations"),
        ("place", "places"),
    ):
        related = (e.get("related") or {}).get(kind) or []
        if related:
            out.append(
                f"{label}: " + ", ".join(f"{r['name']} ({r['shared']:,})" for r in related[:10])
            )
    cables = e.get("cable_list") or []
    if cables:
        out.append("")
        out.append("cables (newest first):")
        for c in cables:
            line = f"  {c['reference_id']}  {(c.get('created') or '')[:10]}"
            if c.get("subject"):
                line += f"  {c['subject'][:70]}"
            out.append(line)
    return "\n".join(out)
