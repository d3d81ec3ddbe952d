"""The HTTP API (FastAPI): builds the app from settings and includes one router per area (api/routes/)."""

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from api.deps import lazy_ingestor
from api.contract import install_contract
from api.errors import errors, install_error_handlers
from api.middleware import install_middleware
from api.routes import briefings, documents, jobs, meta, search, speakers
from api.security import APIError
from api.slots import FairSlots
from api.web import add_web_routes
from ingest.jobs import JobRunner
from ingest.pipeline import Ingestor
from kb.knowledge import KnowledgeBase
from kb.settings import Settings

API_DESCRIPTION = """Search statements by meaning and pull citable, attributed quotes.

**Errors** all have one shape: `{"error": {"code", "message", "details"}}`; malformed JSON is 400, too large 413,
invalid values 422, too many requests 429 (with `Retry-After`), a store outage 503.

**Keys**: writes need a key from `KB_API_KEYS` as `Authorization: Bearer KEY` or `X-API-Key: KEY`; reads need one
only with `KB_READ_REQUIRES_KEY=true`.

**Paging**: lists return `next_cursor` and `Link: <...>; rel="next"`. Cursors are opaque, signed, bound to their
endpoint, query, filters and limit (another query's cursor is a 400), and read a snapshot of page one's ranking, so
inserts between pages neither repeat nor skip results.

**Links**: kb's own document links use `KB_PUBLIC_URL` as their base (relative paths without it), never the
request's Host.

**Rate limits**: per key (`KB_RATE_LIMIT`, default 600/minute), per address without a key only when
`KB_RATE_LIMIT_ANONYMOUS` is set; responses carry `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset`.

**Tracing and caching**: `X-Request-ID` is echoed (or made up) and logged; quotes, documents and speakers carry an
`ETag` (send `If-None-Match` for a 304).
"""

ROUTERS = (meta, search, documents, speakers, briefings, jobs)


def create_app(settings: Settings | None = None, kb: KnowledgeBase | None = None, ingestor: Ingestor | None = None) -> FastAPI:
    """The app; kb and ingestor may be injected (tests), else they are built at start-up from settings."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = app.state.kb is None
        if owned:
            from kb.factory import open_knowledge_base

            app.state.kb = open_knowledge_base(settings)
        app.state.job_runner = JobRunner(
            app.state.kb.catalogue, lambda: lazy_ingestor(app), app.state.write_lock, settings.api_runs_jobs, settings.job_lease_seconds
        )
        try:
            yield
        finally:
            if app.state.job_runner is not None:
                app.state.job_runner.close()
            if owned:
                app.state.kb.close()

    app = FastAPI(
        title="kb — who said what",
        version="1.0",
        description=API_DESCRIPTION,
        lifespan=lifespan,
        responses={**errors(400, 413, 422, 429, 500, 503)},
    )
    app.state.settings = settings
    app.state.kb = kb
    app.state.ingestor = ingestor
    app.state.ingestor_lock = threading.Lock()
    app.state.job_runner = None
    # A few searches at a time use both cores fully; more only queue inside the interpreter and starve ingest jobs.
    app.state.search_slots = FairSlots(settings.search_concurrency)
    app.state.write_lock = threading.Lock()
    install_error_handlers(app)
    install_middleware(app, settings)
    routers = [module.router(settings) for module in ROUTERS]
    for router in routers:
        app.include_router(router)
    add_web_routes(app)
    install_contract(app, settings, routers)
    return app


__all__ = ["create_app", "APIError"]
