"""The reader's pages: home, search, a cable, its versions' diff, identify a copy.

Server-rendered with Jinja2, autoescaped: every value from the data or the
request is escaped. The only markup let through unescaped is built here, from
escaped pieces (the search snippets' ``<b>`` marks, the timeline's SVG).
Endpoints that read the library are plain ``def``, run in FastAPI's thread pool
with a read-only library per thread, as the API's are (``pool.py``).
"""

from __future__ import annotations

import html
import io
import math
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from cablekit.errors import CablekitError
from cablekit.identify.report import lost_lines
from cablekit.parse.reference_id import canonical_reference_id
from cablekit.parse.tags import tag_kind
from cablekit.search.query import QuerySyntaxError, parse_query
from cablekit.store import Library
from cablekit.store.export import write_csv, write_jsonl
from cablekit.web.entities import KIND_PATHS, QUERY_FIELDS
from cablekit.web.pool import LibraryPool, identify_slot
from cablekit.web.pool import library as _library
from cablekit.web.upload import MAX_UPLOAD, Page, UploadError, megabytes, page_or_error

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
PAGE_SIZE = 20
HOME_PEOPLE = 20  # the most-named people on the home page
MAX_PAGE = 500  # deeper than 10,000 results: refine the query instead
EXPORT_CHUNK = 200  # records per chunk of an export stream

router = APIRouter(include_in_schema=False)

ENV = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(["html"], default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)

# Portion markings and classification words, for badges' tooltips.
MARKING_WORDS = {
    "U": "Unclassified",
    "SBU": "Sensitive but unclassified",
    "LOU": "Limited official use",
    "C": "Confidential",
    "S": "Secret",
    "TS": "Top secret",
    "NF": "NOFORN: no foreign nationals",
    "REL": "Releasable to",
}


# -- small helpers the templates use ------------------------------------------------------


def highlight(snippet: str | None) -> Markup:
    """A search snippet as safe HTML: the index escapes the text and wraps matches in
    ``<b>``; each text piece is unescaped and escaped again, so only our ``<mark>`` is
    markup whatever the snippet holds."""
    if not snippet:
        return Markup("")
    out: list[str] = []
    depth = 0
    for piece in re.split(r"(</?b>)", snippet):
        if piece == "<b>":
            if depth == 0:
                out.append("<mark>")
            depth += 1
        elif piece == "</b>":
            if depth == 1:
                out.append("</mark>")
            depth = max(0, depth - 1)
        else:
            out.append(html.escape(html.unescape(piece), quote=False))
    if depth:
        out.append("</mark>")
    return Markup("".join(out))


def level(classification: str | None) -> str:
    """A CSS class for a classification or a portion marking: secret, conf, unclas."""
    head = (classification or "").upper().split("/")[0].strip()
    if head in ("TOP SECRET", "TS"):
        return "topsecret"
    if head in ("SECRET", "S"):
        return "secret"
    if head in ("CONFIDENTIAL", "C"):
        return "conf"
    if head in ("UNCLASSIFIED", "U", "SBU", "LOU"):
        return "unclas"
    return "other"


def marking_title(marking: str | None) -> str:
    parts = [p for p in re.split(r"/+", marking or "") if p]
    return "; ".join(MARKING_WORDS.get(p.upper(), p) for p in parts)


def nice_date(created: str | None) -> str:
    """``2009-06-05T13:01`` -> ``5 Jun 2009, 13:01``."""
    if not created:
        return ""
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}))?", created)
    if not m:
        return created
    months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    month = int(m.group(2))
    if not 1 <= month <= 12:
        return created
    day = f"{int(m.group(3))} {months[month - 1]} {m.group(1)}"
    return f"{day}, {m.group(4)}" if m.group(4) else day


def number(n: int | None) -> str:
    return f"{n or 0:,}"


def quote_value(value: str) -> str:
    """A filter value as the query language wants it: bare when one word, else quoted."""
    value = value.replace('"', "")
    return value if re.fullmatch(r"[A-Za-z0-9]+", value) else f'"{value}"'


def facet_term(field: str, value: str) -> str:
    if field == "year":
        return f"from:{value} to:{value}"
    return f"{field}:{quote_value(value)}"


def has_term(q: str, term: str) -> bool:
    return f" {term} " in f" {' '.join(q.split())} "


def toggle(q: str, term: str) -> str:
    """``q`` with ``term`` added, or removed when it is there already."""
    norm = " ".join(q.split())
    if has_term(norm, term):
        return " ".join(f" {norm} ".replace(f" {term} ", " ").split())
    return f"{norm} {term}".strip()


_DATES = re.compile(r"(?<!\S)-?(?:from|to):\S+")


def without_dates(q: str) -> str:
    return " ".join(_DATES.sub(" ", q).split())


def search_url(q: str, sort: str | None = None, page: int | None = None) -> str:
    params: dict[str, Any] = {"q": q}
    if sort:
        params["sort"] = sort
    if page and page > 1:
        params["page"] = page
    return "/search?" + urlencode(params)


ENV.filters.update(
    highlight=highlight,
    level=level,
    marking_title=marking_title,
    nice_date=nice_date,
    number=number,
)
_TAG_KINDS = {
    "GEO": "a country or region",
    "SUBJECT": "a subject",
    "PROGRAM": "a program",
    "ORG": "an organisation",
    "PERSON": "a person",
}


def tag_meaning(tag: str) -> str:
    """What kind of TAG this is, for its tooltip."""
    return f"TAG {tag}: {_TAG_KINDS.get(tag_kind(tag), 'a keyword')}"


def entity_link(kind: str, item: dict[str, Any]) -> str:
    """A cable's person, organisation or place: its library page, or (not yet counted in
    the library) a search for its name."""
    ident = item.get("entity_id")
    if isinstance(ident, int):
        return f"/{KIND_PATHS.get(kind, 'people')}/{ident}"
    return search_url(facet_term(QUERY_FIELDS.get(kind, "person"), item.get("name") or ""), "date")


ENV.globals.update(
    entity_link=entity_link,
    tag_meaning=tag_meaning,
    search_url=search_url,
    facet_term=facet_term,
    toggle=toggle,
    has_term=has_term,
    max_upload=megabytes(MAX_UPLOAD),
)


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    body = ENV.get_template(template).render(request_path=request.url.path, **context)
    return HTMLResponse(body, status_code=status)


def error_page(request: Request, status: int, message: str, **context: Any) -> HTMLResponse:
    titles = {400: "Bad request", 404: "Not found", 405: "Method not allowed", 413: "Too large"}
    return render(
        request,
        "error.html",
        status,
        code=status,
        title=titles.get(status, "Error"),
        message=message,
        **context,
    )


# -- home ---------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> Response:
    library = _library(request)
    stats = library.stats()
    try:
        tags = library.search("", limit=0, snippets=False)["facets"].get("tag", {})
    except CablekitError:
        tags = {}
    try:
        people = library.people(limit=HOME_PEOPLE)["results"]
    except (CablekitError, sqlite3.Error):  # a library from before entities
        people = []
    return render(request, "index.html", stats=stats, tags=tags, people=people)


# -- search -------------------------------------------------------------------------------


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request,
    q: str = "",
    page: Annotated[int, Query(ge=1)] = 1,
    sort: Literal["relevance", "date", ""] = "",
) -> Response:
    q = q.strip()
    chosen = sort or ("relevance" if q else "date")
    page = min(page, MAX_PAGE)
    try:
        found = _library(request).search(
            q, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE, sort=chosen
        )
    except QuerySyntaxError as error:
        position = max(0, min(getattr(error, "position", 0) or 0, len(q)))
        return render(
            request,
            "search.html",
            400,
            q=q,
            sort=chosen,
            error=str(error),
            error_at=(q[:position], q[position : position + 1] or " ", q[position + 1 :]),
        )
    except CablekitError as error:
        return error_page(request, 503, str(error))
    total = found["total"]
    pages = max(1, min(MAX_PAGE, math.ceil(total / PAGE_SIZE)))
    facets = found["facets"]
    return render(
        request,
        "search.html",
        q=q,
        sort=chosen,
        found=found,
        total=total,
        page=page,
        pages=pages,
        page_links=_page_links(page, pages),
        first=(page - 1) * PAGE_SIZE + 1,
        last=(page - 1) * PAGE_SIZE + len(found["results"]),
        facet_lists=[
            ("Year", "year", sorted(facets.get("year", {}).items(), reverse=True)),
            ("Origin", "origin", list(facets.get("origin", {}).items())),
            ("Classification", "classification", list(facets.get("classification", {}).items())),
            ("TAGS", "tag", list(facets.get("tag", {}).items())),
            ("People", "person", list(facets.get("person", {}).items())),
            ("Organisations", "org", list(facets.get("org", {}).items())),
            ("Places", "place", list(facets.get("place", {}).items())),
        ],
        timeline=timeline(facets.get("month", {}), q, chosen),
    )


def _page_links(page: int, pages: int) -> list[int | None]:
    """Page numbers to show: first, last, and two either side of this one (None = gap)."""
    wanted = {1, pages, *range(page - 2, page + 3)}
    out: list[int | None] = []
    previous = 0
    for n in sorted(p for p in wanted if 1 <= p <= pages):
        if n - previous > 1:
            out.append(None)
        out.append(n)
        previous = n
    return out


def timeline(months: dict[str, int], q: str, sort: str) -> dict[str, Any] | None:
    """The histogram of results over time, as SVG bars (every month from the first to the
    last, empty ones included; by year when that would be more than 20 years of months).
    Each bar links to the query narrowed to its dates."""
    parsed = sorted(
        (int(k[:4]), int(k[5:7]), n)
        for k, n in months.items()
        if re.fullmatch(r"\d{4}-\d{2}", k) and 1 <= int(k[5:7]) <= 12
    )
    if not parsed:
        return None
    (y0, m0, _), (y1, m1, _) = parsed[0], parsed[-1]
    by_year = (y1 * 12 + m1) - (y0 * 12 + m0) >= 240
    counts: dict[str, int] = {}
    for y, m, n in parsed:
        key = f"{y:04d}" if by_year else f"{y:04d}-{m:02d}"
        counts[key] = counts.get(key, 0) + n
    if not by_year and (y1 * 12 + m1) - (y0 * 12 + m0) < 11:
        # A short span still gets a year's width of months, so a bar looks like a bar.
        pad = 11 - ((y1 * 12 + m1) - (y0 * 12 + m0))
        start = y0 * 12 + m0 - 1 - pad // 2
        end = y1 * 12 + m1 - 1 + (pad - pad // 2)
        y0, m0, y1, m1 = start // 12, start % 12 + 1, end // 12, end % 12 + 1
    keys: list[str] = []
    if by_year:
        keys = [f"{y:04d}" for y in range(y0, y1 + 1)]
    else:
        y, m = y0, m0
        while (y, m) <= (y1, m1):
            keys.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    base = without_dates(q)
    top = max(counts.values())
    height = 100.0
    bars = []
    for i, key in enumerate(keys):
        n = counts.get(key, 0)
        h = 0.0 if n == 0 else max(2.0, height * n / top)
        bars.append(
            {
                "key": key,
                "count": n,
                "x": i * 10,
                "h": round(h, 2),
                "y": round(height - h, 2),
                "year_start": not by_year and key.endswith("-01"),
                "href": search_url(f"{base} from:{key} to:{key}".strip(), sort),
            }
        )
    return {
        "bars": bars,
        "width": len(keys) * 10,
        "height": height,
        "top": top,
        "first": keys[0],
        "last": keys[-1],
        "unit": "year" if by_year else "month",
        "base": base,
        "sort": sort,
    }


# -- export -------------------------------------------------------------------------------


@router.get("/search.csv")
def export_csv(request: Request, q: str = "") -> Response:
    return _export(request, q, "csv")


@router.get("/search.jsonl")
def export_jsonl(request: Request, q: str = "") -> Response:
    return _export(request, q, "jsonl")


def _export(request: Request, q: str, fmt: str) -> Response:
    q = q.strip()
    try:
        if q:
            parse_query(q)
    except QuerySyntaxError as error:
        return error_page(request, 400, f"The query cannot be read: {error}")
    media = "text/csv; charset=utf-8" if fmt == "csv" else "application/x-ndjson; charset=utf-8"
    name = "cables." + fmt
    return StreamingResponse(
        _stream(request.app.state.libraries, q, fmt),
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def _stream(libraries: LibraryPool, q: str, fmt: str) -> Iterator[bytes]:
    """Chunks of the export. Starlette steps this generator in its thread pool, one chunk
    at a time from whichever thread is free, so it reads through a library of its own,
    closed when the stream ends (or the client goes away)."""
    with libraries.private() as library:
        yield from _chunks(library.records(q or None), fmt)


def _chunks(records: Iterator[dict[str, Any]], fmt: str) -> Iterator[bytes]:
    first = True
    while True:
        batch = [r for _, r in zip(range(EXPORT_CHUNK), records, strict=False)]
        if not batch and not first:
            return
        out = io.StringIO()
        if fmt == "csv":
            write_csv(batch, out)
            text = out.getvalue()
            if not first:  # write_csv starts every call with the header line
                text = text.partition("\n")[2]
        else:
            write_jsonl(batch, out)
            text = out.getvalue()
        first = False
        if text:
            yield text.encode("utf-8")
        if len(batch) < EXPORT_CHUNK:
            return


# -- a cable ------------------------------------------------------------------------------


def mention_query(reference_id: str) -> str:
    """A query for the cables that cite ``reference_id`` in their text: ``09 MOSCOW 1488``
    is written with spaces in REF lines, so the phrase ``"MOSCOW 1488"`` finds it."""
    m = re.fullmatch(r"\d{2}([A-Z]+)(\d+)", reference_id)
    return f'"{m.group(1)} {int(m.group(2))}"' if m else f'"{reference_id}"'


def _canonical(reference_id: str) -> str:
    return canonical_reference_id(reference_id) or reference_id.strip()


@router.get("/cables/{reference_id}", response_class=HTMLResponse)
def cable(
    request: Request,
    reference_id: str,
    version: Annotated[int | None, Query(ge=1)] = None,
) -> Response:
    canonical = _canonical(reference_id)
    if canonical and canonical != reference_id:
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(f"/cables/{quote(canonical, safe='')}{query}", status_code=301)
    library = _library(request)
    record = library.cable(canonical, version)
    if record is None:
        if version is not None and library.versions(canonical):
            return error_page(
                request,
                404,
                f"{canonical} has no version {version}.",
                reference_id=canonical,
                known=True,
            )
        return error_page(
            request,
            404,
            f"{canonical} is not in this library.",
            reference_id=canonical,
            known=False,
            mentions=mention_query(canonical),
        )
    references = record.get("references") or []
    ids = [r["reference_id"] for r in references if r.get("reference_id")]
    known = library.store.summaries(ids) if ids else {}
    versions = record.get("versions") or []
    return render(
        request,
        "cable.html",
        c=record,
        references=[{**r, "known": known.get(r.get("reference_id") or "")} for r in references],
        paragraphs=_paragraphs(record.get("paragraphs") or []),
        entities=library.entities(canonical, version),
        versions=versions,
        newest=versions[-1]["number"] if versions else record.get("version"),
    )


def _paragraphs(paragraphs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Paragraphs with a unique anchor each (``p3``, ``p3-2`` when a number repeats) and
    the section heading shown where it changes."""
    out = []
    seen: set[str] = set()
    heading = None
    for i, p in enumerate(paragraphs, 1):
        label = re.sub(r"[^A-Za-z0-9]", "", p.get("number") or "") or f"u{i}"
        anchor = f"p{label}"
        k = 2
        while anchor in seen:
            anchor = f"p{label}-{k}"
            k += 1
        seen.add(anchor)
        new_heading = p.get("heading") if p.get("heading") != heading else None
        heading = p.get("heading")
        out.append({**p, "anchor": anchor, "new_heading": new_heading})
    return out


@router.get("/cables/{reference_id}/diff", response_class=HTMLResponse)
def diff(
    request: Request,
    reference_id: str,
    old: Annotated[int | None, Query(alias="from", ge=1)] = None,
    new: Annotated[int | None, Query(alias="to", ge=1)] = None,
) -> Response:
    canonical = _canonical(reference_id)
    if canonical and canonical != reference_id:
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(f"/cables/{quote(canonical, safe='')}/diff{query}", status_code=301)
    library = _library(request)
    versions = library.versions(canonical)
    if not versions:
        return error_page(request, 404, f"{canonical} is not in this library.")
    numbers = [v["number"] for v in versions]
    new = new if new is not None else numbers[-1]
    old = old if old is not None else (new - 1 if new > 1 else new)
    if old not in numbers or new not in numbers:
        return error_page(
            request,
            404,
            f"{canonical} has versions {', '.join(map(str, numbers))}; "
            f"there is no version {old if old not in numbers else new}.",
        )
    text = library.diff(canonical, old, new)
    lines = []
    in_hunks = False
    for line in text.splitlines():
        in_hunks = in_hunks or line.startswith("@@")
        if not in_hunks:  # the ---/+++ file names (a removed line may start with --- too)
            continue
        kind = {"+": "add", "-": "del", "@": "hunk"}.get(line[:1], "same")
        lines.append((kind, line))
    record = library.cable(canonical) or {}
    return render(
        request,
        "diff.html",
        reference_id=canonical,
        subject=record.get("subject"),
        versions=versions,
        old=old,
        new=new,
        lines=lines,
    )


# -- identify -----------------------------------------------------------------------------


@router.get("/identify", response_class=HTMLResponse)
def identify_form(request: Request) -> Response:
    return render(request, "identify.html", text="")


@router.post("/identify", response_class=HTMLResponse)
def identify_page(
    request: Request,
    page: Annotated[Page | UploadError, Depends(page_or_error)],
    _slot: Annotated[None, Depends(identify_slot)],
) -> Response:
    from cablekit.identify import identify

    if isinstance(page, UploadError):
        return render(request, "identify.html", page.status, text="", error=page.message)
    library = _library(request)
    try:
        result = identify(library, page.text, source=page.source)
    except CablekitError as error:
        return error_page(request, 503, str(error))
    page_lines = page.text.split("\n")
    blocks = [_block(library, m, page_lines) for m in result.matches]
    return render(
        request,
        "identify.html",
        text=page.pasted,
        result=result,
        blocks=blocks,
        source=page.source,
        page_line_count=len(page_lines),
    )


def _block(library: Library, m: Any, page_lines: list[str]) -> dict[str, Any]:
    """One match laid out for the page: the page's lines beside the original's, each
    marked as lost, changed or added."""
    record = library.cable(m.reference_id) or {}
    original = (record.get("text") or "").split("\n")
    lost = lost_lines(m)
    changed_original = {e["line"] for e in m.changed}
    changed_page = {e["input_line"] for e in m.changed}
    added_page: set[int] = set()
    for entry in m.added:
        first = entry["input_line"]
        added_page.update(range(first, first + entry["text"].count("\n") + 1))
    p0, p1 = m.input_span
    c0, c1 = m.cable_span
    page_rows = [
        (
            n,
            page_lines[n - 1] if n - 1 < len(page_lines) else "",
            "added" if n in added_page else "changed" if n in changed_page else "",
        )
        for n in range(p0, p1 + 1)
    ]
    original_rows = [
        (
            n,
            original[n - 1] if n - 1 < len(original) else "",
            "lost" if n - 1 in lost else "changed" if n in changed_original else "",
        )
        for n in range(c0, c1 + 1)
    ]
    return {
        "m": m,
        "page": page_rows,
        "original": original_rows,
        "lost": sum(e["text"].count("\n") + 1 for e in m.missing),
    }
