"""The entity pages: lists of people, organisations and places, and one page for each.

``/people`` (``/organizations``, ``/places``) lists the library's entities of a kind,
most-named first, with a name filter and pages; ``/people/{id}`` (and the others) shows
one: its names, titles and affiliations, its cables on a timeline, the people named with
it as a small network, the places named with it on a map, and its cables, paged. The
figures are server-side SVG (``entities.py`` computes them); the map's country outlines
are ``static/world.svg``, fetched once by the browser and drawn with ``<use>``.
"""

from __future__ import annotations

import math
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from cablekit.errors import CablekitError
from cablekit.web.entities import (
    KIND_PATHS,
    entity_href,
    entity_view,
    network,
    search_query,
    world_map,
)
from cablekit.web.pool import library as _library
from cablekit.web.views import MAX_PAGE, _page_links, error_page, render, timeline

router = APIRouter(include_in_schema=False)

LIST_SIZE = 50  # entities per page of a list
CABLES_SIZE = 20  # cables per page of an entity page
MAX_QUERY = 200  # characters of a name filter
KIND_WORDS = {
    "person": ("person", "people", "People"),
    "organization": ("organisation", "organisations", "Organisations"),
    "place": ("place", "places", "Places"),
}


def _list_page(request: Request, kind: str, q: str, page: int) -> Response:
    q = q.strip()[:MAX_QUERY]
    page = min(page, MAX_PAGE)
    try:
        found = _library(request).entity_list(
            kind, q or None, limit=LIST_SIZE, offset=(page - 1) * LIST_SIZE
        )
    except CablekitError as error:
        return error_page(request, 503, str(error))
    total = found["total"]
    pages = max(1, min(MAX_PAGE, math.ceil(total / LIST_SIZE)))
    base = f"/{KIND_PATHS[kind]}"
    return render(
        request,
        "entities.html",
        kind=kind,
        words=KIND_WORDS[kind],
        kinds=[(k, KIND_PATHS[k], KIND_WORDS[k][2]) for k in KIND_PATHS],
        base=base,
        q=q,
        results=found["results"],
        total=total,
        page=page,
        pages=pages,
        page_links=_page_links(page, pages),
        first=(page - 1) * LIST_SIZE + 1,
        list_url=lambda n: _list_url(base, q, n),
    )


def _list_url(base: str, q: str, page: int) -> str:
    params: dict[str, Any] = {}
    if q:
        params["q"] = q
    if page > 1:
        params["page"] = page
    return base + ("?" + urlencode(params) if params else "")


@router.get("/people", response_class=HTMLResponse)
def people(request: Request, q: str = "", page: Annotated[int, Query(ge=1)] = 1) -> Response:
    return _list_page(request, "person", q, page)


@router.get("/organizations", response_class=HTMLResponse)
def organizations(request: Request, q: str = "", page: Annotated[int, Query(ge=1)] = 1) -> Response:
    return _list_page(request, "organization", q, page)


@router.get("/places", response_class=HTMLResponse)
def places(request: Request, q: str = "", page: Annotated[int, Query(ge=1)] = 1) -> Response:
    return _list_page(request, "place", q, page)


@router.get("/people/{ident}", response_class=HTMLResponse)
def person(request: Request, ident: str, page: Annotated[int, Query(ge=1)] = 1) -> Response:
    return entity_page(request, "person", ident, page)


@router.get("/organizations/{ident}", response_class=HTMLResponse)
def organization(request: Request, ident: str, page: Annotated[int, Query(ge=1)] = 1) -> Response:
    return entity_page(request, "organization", ident, page)


@router.get("/places/{ident}", response_class=HTMLResponse)
def place(request: Request, ident: str, page: Annotated[int, Query(ge=1)] = 1) -> Response:
    return entity_page(request, "place", ident, page)


def entity_page(request: Request, kind: str, ident: str, page: int) -> Response:
    """One entity's page; 404 for an unknown id or one of another kind, 302 from an
    alias's id to the entity it was joined to (for now: a later ingest may
    make the name ambiguous again)."""
    kind_path = KIND_PATHS[kind]
    singular = KIND_WORDS[kind][0]
    number = int(ident) if ident.isascii() and ident.isdigit() and len(ident) < 12 else None
    if number is None:
        return error_page(request, 404, f"There is no {singular} {ident!r} in this library.")
    page = min(page, MAX_PAGE)
    library = _library(request)
    view = entity_view(library, number, offset=(page - 1) * CABLES_SIZE, limit=CABLES_SIZE)
    if view is None or view["kind"] != kind:
        return error_page(request, 404, f"There is no {singular} #{number} in this library.")
    if view["id"] != number:  # an alias: its entity's page
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(f"{entity_href(view)}{query}", status_code=302)
    total = view["total_cables"]
    pages = max(1, min(MAX_PAGE, math.ceil(total / CABLES_SIZE)))
    query = search_query(view)
    near = view["near"]
    subject = view if kind == "place" else None
    return render(
        request,
        "entity.html",
        e=view,
        words=KIND_WORDS[kind],
        kind_path=kind_path,
        query=query,
        timeline=timeline(view["timeline"], query, "date") if query else None,
        network=network(view, near),
        map=world_map(subject, near["place"]),
        related_lists=[
            (KIND_WORDS[k][2], near[k][:12]) for k in ("person", "organization", "place") if near[k]
        ],
        page=page,
        pages=pages,
        page_links=_page_links(page, pages),
        first=(page - 1) * CABLES_SIZE + 1,
        entity_href=entity_href,
    )
