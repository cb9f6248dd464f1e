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
