"""The application: one FastAPI app over one library, as ``cablekit serve`` runs it.

It serves the reader's pages (``views.py``, server-rendered, autoescaped Jinja2),
their vendored CSS and JavaScript (``static/``) and the JSON API (``api.py``).
Every response carries a Content-Security-Policy that allows nothing but this
origin and no inline script, so an escaping slip cannot run code; nothing is
ever fetched from another site. Endpoints that read the library run in FastAPI's
thread pool, each thread with its own read-only connection (``pool.py``).
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cablekit import __version__
from cablekit.store import Library
from cablekit.web.api import router as api_router
from cablekit.web.entity_views import router as entity_router
from cablekit.web.pool import LibraryPool, identify_slots
from cablekit.web.views import STATIC, error_page
from cablekit.web.views import router as views_router

log = logging.getLogger("cablekit.web")

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
    " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none';"
    " form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


DB_ENV = "CABLEKIT_DB"  # the library, for worker processes that build the app themselves


def app_from_env() -> FastAPI:
    """The app for the library named by ``$CABLEKIT_DB`` (``cablekit serve --workers N``)."""
    return create_app(os.environ[DB_ENV])


def create_app(db_path: str | Path) -> FastAPI:
    """The app for the library at ``db_path`` (which must exist)."""
    # Opened once for writing to check the file and bring its schema up to date; the
    # requests then read through one read-only library per thread.
    Library.open(db_path).close()
    libraries = LibraryPool(db_path)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        libraries.close()

    # No /docs or /redoc: FastAPI's pages load Swagger UI from a CDN, and this app
    # fetches nothing from the internet. The schema stays at /openapi.json.
    app = FastAPI(
        title="cablekit",
        version=__version__,
        description="Search and read US diplomatic cables from a cablekit library.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.libraries = libraries
    app.state.identify_slots = identify_slots()
    app.include_router(api_router)
    app.include_router(views_router)
    app.include_router(entity_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_middleware(SecurityHeaders)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if _wants_json(request):
        return JSONResponse(
            {"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers
        )
    return error_page(request, exc.status_code, str(exc.detail))


async def _validation_error(request: Request, exc: Exception) -> Response:
    """A bad parameter (``page=abc``) is a 400 page for people, FastAPI's 422 for programs."""
    assert isinstance(exc, RequestValidationError)
    if _wants_json(request):
        return JSONResponse({"detail": _jsonable(exc.errors())}, status_code=422)
    problems = "; ".join(
        f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg', '')}"
        for e in exc.errors()
    )
    return error_page(request, 400, f"Bad request ({problems})")


def _jsonable(errors: Any) -> Any:
    return [{k: v for k, v in e.items() if k in ("loc", "msg", "type")} for e in errors]


class SecurityHeaders:
    """Pure ASGI middleware: security headers on every response, a 500 page on a bug.

    It catches what escapes the app itself, so even a crash answers with the
    headers and a plain page, never a traceback.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k for k, _ in SECURITY_HEADERS}
                headers = [(k, v) for k, v in message.get("headers", []) if k not in names]
                message["headers"] = headers + SECURITY_HEADERS
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            log.exception("error serving %s", scope.get("path"))
            if started:
                raise
            body = b"<!doctype html><title>Error</title><h1>Something went wrong</h1>"
            await send_with_headers(
                {
                    "type": "http.response.start",
                    "status": 500,
                    "headers": [(b"content-type", b"text/html; charset=utf-8")],
                }
            )
            await send_with_headers({"type": "http.response.body", "body": body})
