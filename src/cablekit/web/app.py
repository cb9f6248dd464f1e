"""The application: one FastAPI app over one library, as ``cablekit serve`` runs it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI

from cablekit import __version__
from cablekit.store import Library
from cablekit.web.api import router as api_router


def create_app(db_path: str | Path) -> FastAPI:
    """The app for the library at ``db_path`` (which must exist)."""
    library = Library.open(db_path)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        library.close()

    app = FastAPI(
        title="cablekit",
        version=__version__,
        description="Search and read US diplomatic cables from a cablekit library.",
        lifespan=lifespan,
    )
    app.state.library = library
    app.include_router(api_router)
    return app
