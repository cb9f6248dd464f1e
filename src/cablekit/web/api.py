"""The JSON API: the library's search, records, versions and figures over HTTP.

Endpoints are plain ``def``: FastAPI runs them in its thread pool, so a long
identify does not hold up the searches behind it; each thread reads through its
own read-only library (``pool.py``), never another thread's SQLite connection.
The identify body is read on the event loop (a streaming, size-limited read, see
``upload.py``) by an async dependency, before the endpoint's thread takes over.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse

from cablekit.errors import CablekitError
from cablekit.parse.reference_id import canonical_reference_id
from cablekit.search.query import QuerySyntaxError
from cablekit.web.pool import identify_slot
from cablekit.web.pool import library as _library
from cablekit.web.upload import MAX_UPLOAD, Page, UploadError, page_or_error

router = APIRouter(prefix="/api", tags=["api"])


@router.get("/search", summary="Search cables (the newest version of each)")
def search(
    request: Request,
    q: Annotated[
        str, Query(description='The query: words, "phrases", OR, -word, tag:PREL ...')
    ] = "",
    limit: Annotated[int, Query(ge=0, le=1000)] = 10,
    offset: Annotated[int, Query(ge=0)] = 0,
    sort: Literal["relevance", "date"] = "relevance",
) -> dict[str, Any]:
    """Same JSON as ``cablekit search --format json``; a malformed query is a 400."""
    try:
        return _library(request).search(q, limit=limit, offset=offset, sort=sort)
    except QuerySyntaxError as error:
        raise HTTPException(status_code=400, detail=str(error)) from None
    except CablekitError as error:
        raise HTTPException(status_code=503, detail=str(error)) from None


@router.get("/cables/{reference_id}", summary="One cable's record")
def cable(
    request: Request,
    reference_id: str,
    version: Annotated[int | None, Query(ge=1)] = None,
) -> dict[str, Any]:
    """The newest version (or ``version``), with the list of versions; 404 when unknown."""
    record = _library(request).cable(_canonical(reference_id), version)
    if record is None:
        raise HTTPException(status_code=404, detail=f"no cable {reference_id} in the library")
    return record


@router.get("/cables/{reference_id}/versions", summary="Every version of a cable")
def versions(request: Request, reference_id: str) -> list[dict[str, Any]]:
    found = _library(request).versions(_canonical(reference_id))
    if not found:
        raise HTTPException(status_code=404, detail=f"no cable {reference_id} in the library")
    return found


@router.get("/cables/{reference_id}/entities", summary="People, places and more of a cable")
def entities(request: Request, reference_id: str) -> dict[str, Any]:
    """As ``cablekit entities --format json``; 404 when the cable is unknown."""
    found = _library(request).entities(_canonical(reference_id))
    if found is None:
        raise HTTPException(status_code=404, detail=f"no cable {reference_id} in the library")
    return found


@router.get("/people", summary="People named in the cables, most-named first")
def people(
    request: Request,
    q: Annotated[
        str, Query(description="Words that begin words of the name: lav, sergey lav")
    ] = "",
    limit: Annotated[int, Query(ge=0, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> dict[str, Any]:
    """``{"total", "results": [{"id", "kind", "name", "cables", "first_seen", "last_seen"}]}``."""
    return _library(request).people(q.strip()[:200] or None, limit=limit, offset=offset)


@router.get("/entities", summary="People, organisations and places, most-named first")
def entity_list(
    request: Request,
    kind: Literal["person", "organization", "place"] | None = None,
    q: Annotated[str, Query(description="Words that begin words of the name")] = "",
    limit: Annotated[int, Query(ge=0, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> dict[str, Any]:
    """As ``/api/people`` for any kind (or all); places add ``place_kind``, ``country``,
    ``lat`` and ``lon``."""
    return _library(request).entity_list(kind, q.strip()[:200] or None, limit=limit, offset=offset)


@router.get("/entities/{entity_id}", summary="One entity: names, titles, timeline, cables, related")
def entity(
    request: Request,
    entity_id: int,
    cables: Annotated[int, Query(ge=0, le=500, description="Cables listed")] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000, description="Of the cable list")] = 0,
    related: Annotated[int, Query(ge=0, le=100, description="Related entities per kind")] = 25,
) -> dict[str, Any]:
    """The ``Library.entity`` dict (an alias's id gives the entity it was joined to):
    ``aliases``, ``titles``, ``affiliations``, ``roles``, ``total_cables``, ``timeline``
    (cables per month), ``cable_list`` (newest first, from ``offset``), ``related`` people,
    organisations and places with the cables they ``shared``, and the ``network`` (pairs of
    related people and how many of the entity's cables name both). For an entity named in
    more than 2,000 cables, related entities are counted in 2,000 of them spread over its
    dates (``related_basis``), so the answer stays fast however famous it is."""
    found = _library(request).entity(entity_id, cables=cables, offset=offset, related=related)
    if found is None:
        raise HTTPException(status_code=404, detail=f"no entity {entity_id} in the library")
    return found


@router.get("/stats", summary="Counts of cables and versions, per origin, year, classification")
def stats(request: Request) -> dict[str, Any]:
    return _library(request).stats()


@router.post(
    "/identify",
    summary="Which cables a page reproduces, and what the copy lost",
    openapi_extra={
        "requestBody": {
            "description": (
                'The page: JSON {"text": "..."}, a form with a "text" field or a "file"'
                f" (text or HTML; at most {MAX_UPLOAD} bytes), or a text/plain body."
            ),
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "required": ["text"],
                        "properties": {"text": {"type": "string"}},
                    }
                },
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "properties": {
                            "text": {"type": "string"},
                            "file": {"type": "string", "format": "binary"},
                        },
                    }
                },
                "text/plain": {"schema": {"type": "string"}},
            },
        }
    },
)
def identify(
    request: Request,
    page: Annotated[Page | UploadError, Depends(page_or_error)],
    _slot: Annotated[None, Depends(identify_slot)],
) -> Any:
    """The JSON of ``cablekit identify --format json`` for one page (HTML reduced to its
    main text first); 413 over the size limit, 400 when there is no text."""
    from cablekit.identify import identify as identify_page

    if isinstance(page, UploadError):
        return JSONResponse({"detail": page.message}, status_code=page.status)
    try:
        result = identify_page(_library(request), page.text, source=page.source)
    except CablekitError as error:
        raise HTTPException(status_code=503, detail=str(error)) from None
    return result.to_dict()


def _canonical(reference_id: str) -> str:
    return canonical_reference_id(reference_id) or reference_id
