"""The HTTP API (FastAPI): a thin edge over the knowledge base that translates domain errors."""


import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from typing import Annotated, Literal

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api import schemas as s
from api.security import APIError, get_settings, require_read_key, require_write_key
from api.web import add_web_routes
from ingest.jobs import JobRunner, interrupt_orphaned_jobs
from ingest.pipeline import Ingestor, build_ingestor
from ingest.readers import ReaderError, read_record
from kb.briefing import build_briefing
from kb.errors import InvalidInput, NotFound, StoreUnavailable
from kb.knowledge import KnowledgeBase
from kb.models import QUOTE_KINDS
from kb.search import SearchQuery, decode_cursor, encode_cursor
from kb.settings import Settings

log = logging.getLogger("kb.api")


def _error(status: int, code: str, message: str, details: object = None, headers: dict[str, str] | None = None) -> JSONResponse:
    body = s.ErrorOut(error=s.ErrorBody(code=code, message=message, details=details)).model_dump()
    return JSONResponse(body, status_code=status, headers=headers)


_STATUS_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
                 409: "conflict", 413: "payload_too_large", 415: "unsupported_media_type", 422: "invalid_input",
                 429: "too_many_requests", 503: "unavailable"}


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(APIError)
    async def api_error(_: Request, exc: APIError) -> JSONResponse:
        return _error(exc.status, exc.code, exc.message, exc.details, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = "no such endpoint; see /docs for the API"
        return _error(exc.status_code, _STATUS_CODES.get(exc.status_code, "error"), message, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        details = [
            {"location": ".".join(str(p) for p in err.get("loc", ())), "message": err.get("msg", ""), "type": err.get("type", "")}
            for err in exc.errors()
        ]
        first = details[0] if details else {"location": "request", "message": "invalid"}
        return _error(422, "invalid_input", f"{first['location']}: {first['message']}", details)

    @app.exception_handler(NotFound)
    async def not_found(_: Request, exc: NotFound) -> JSONResponse:
        return _error(404, exc.code, str(exc))

    @app.exception_handler(InvalidInput)
    async def invalid(_: Request, exc: InvalidInput) -> JSONResponse:
        return _error(422, exc.code, str(exc))

    @app.exception_handler(StoreUnavailable)
    async def unavailable(_: Request, exc: StoreUnavailable) -> JSONResponse:
        log.warning("store unavailable: %s", exc)
        return _error(503, "unavailable", "the store is unavailable right now; try again shortly", headers={"Retry-After": "5"})

    @app.exception_handler(Exception)
    async def unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error", exc_info=exc)
        return _error(500, "internal_error", "an unexpected error occurred; it has been logged")


class BodyLimit:
    """Reads the request body up to the limit before the app sees it, so a chunked upload without
    Content-Length is bounded too; past the limit the client gets the usual 413 error body."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:  # refused before a byte of the body is read
            await self._refuse(scope, receive, send)
            return
        messages: list[Message] = []
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            size += len(message.get("body", b""))
            if size > self.limit:
                await self._refuse(scope, receive, send)
                return
            if message["type"] != "http.request" or not message.get("more_body", False):
                break
        replay = iter(messages)

        async def replayed() -> Message:
            return next(replay, None) or await receive()

        await self.app(scope, replayed, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = _error(413, "payload_too_large", f"request body is larger than {self.limit:,} bytes (KB_MAX_REQUEST_BYTES)")
        await response(scope, receive, send)


def _install_middleware(app: FastAPI, settings: Settings) -> None:
    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response: Response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    app.add_middleware(BodyLimit, limit=settings.max_request_bytes)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST"], allow_headers=["*"])


# -- dependencies -------------------------------------------------------------------------------
def get_kb(request: Request) -> KnowledgeBase:
    return request.app.state.kb


def get_ingestor(request: Request) -> Ingestor:
    state = request.app.state
    with state.ingestor_lock:
        if state.ingestor is None:  # spaCy loads on the first write, not at start-up
            state.ingestor = build_ingestor(state.kb, state.settings)
    return state.ingestor


def get_job_runner(request: Request, ingestor: Annotated[Ingestor, Depends(get_ingestor)]) -> JobRunner:
    state = request.app.state
    with state.ingestor_lock:
        if state.job_runner is None:
            state.job_runner = JobRunner(ingestor, state.settings.data_dir / "jobs", state.write_lock)
    return state.job_runner


KB = Annotated[KnowledgeBase, Depends(get_kb)]
Reads = [Depends(require_read_key)]


def base_url(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def _csv(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    out = [v.strip() for item in values for v in item.split(",") if v.strip()]
    return out or None


def _check_choices(name: str, values: list[str] | None, allowed: tuple[str, ...]) -> None:
    bad = [v for v in values or [] if v not in allowed]
    if bad:
        raise InvalidInput(f"{name}: {bad[0]!r} is not one of {', '.join(allowed)}")


def create_app(settings: Settings | None = None, kb: KnowledgeBase | None = None, ingestor: Ingestor | None = None) -> FastAPI:
    """The app; kb and ingestor may be injected (tests), else they are built at start-up from settings."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = app.state.kb is None
        if owned:
            from kb.factory import open_knowledge_base

            app.state.kb = open_knowledge_base(settings)
        interrupt_orphaned_jobs(app.state.kb.catalogue)
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
        description="Search statements by meaning and pull citable, attributed quotes. Every error has the shape "
        '`{"error": {"code", "message", "details"}}`.',
        lifespan=lifespan,
        responses={
            400: {"model": s.ErrorOut, "description": "Malformed request"},
            413: {"model": s.ErrorOut, "description": "Request too large"},
            422: {"model": s.ErrorOut, "description": "Invalid input"},
            500: {"model": s.ErrorOut, "description": "Unexpected error (logged; no details are returned)"},
        },
    )
    app.state.settings = settings
    app.state.kb = kb
    app.state.ingestor = ingestor
    app.state.ingestor_lock = threading.Lock()
    app.state.job_runner = None
    # A few searches at a time use both cores fully; more only queue inside the interpreter and starve ingest jobs.
    app.state.search_slots = threading.BoundedSemaphore(settings.search_concurrency)
    app.state.write_lock = threading.Lock()
    _install_error_handlers(app)
    _install_middleware(app, settings)
    _add_routes(app, settings)
    add_web_routes(app)
    return app


def _add_routes(app: FastAPI, settings: Settings) -> None:  # noqa: C901 - one place that lists every route
    errors = {404: {"model": s.ErrorOut}, 401: {"model": s.ErrorOut}, 403: {"model": s.ErrorOut}, 503: {"model": s.ErrorOut}}

    @app.get("/healthz", response_model=s.HealthOut, tags=["meta"])
    def healthz(kb: KB) -> s.HealthOut:
        return s.HealthOut(status="ok", documents=kb.catalogue.stats()["documents"])

    @app.get("/v1/stats", response_model=s.StatsOut, tags=["meta"], dependencies=Reads)
    def stats(kb: KB) -> s.StatsOut:
        return s.StatsOut(**kb.stats())

    @app.get("/v1/search", response_model=s.SearchOut, tags=["search"], dependencies=Reads, responses=errors)
    def search(
        request: Request,
        kb: KB,
        q: Annotated[str, Query(min_length=1, max_length=settings.max_query_chars, description="What to look for, in plain words.", examples=["guidance from the courts"])],
        speaker: Annotated[str | None, Query(max_length=200, description="Canonical speaker id, or a name matched through aliases.", examples=["Champagne"])] = None,
        organization: Annotated[str | None, Query(max_length=200, examples=["DHS"])] = None,
        kind: Annotated[list[str] | None, Query(description="Quote kind(s): direct, mixed, indirect, turn, statement, question.")] = None,
        doc_kind: Annotated[list[str] | None, Query(description="Document kind(s): article, roundtable, statement.")] = None,
        publisher: Annotated[list[str] | None, Query(max_length=200)] = None,
        document: Annotated[list[str] | None, Query(max_length=100, description="Only quotes from these document ids.")] = None,
        since: Annotated[date | None, Query(description="Published on or after (YYYY-MM-DD).")] = None,
        until: Annotated[date | None, Query(description="Published on or before (YYYY-MM-DD).")] = None,
        mode: Annotated[Literal["hybrid", "semantic", "keyword", "phrase"], Query()] = "hybrid",
        limit: Annotated[int, Query(ge=1, le=settings.max_results)] = 10,
        cursor: Annotated[str | None, Query(max_length=200)] = None,
    ) -> s.SearchOut:
        kinds, doc_kinds = _csv(kind), _csv(doc_kind)
        _check_choices("kind", kinds, QUOTE_KINDS)
        _check_choices("doc_kind", doc_kinds, ("article", "roundtable", "statement"))
        with request.app.state.search_slots:
            page = kb.search_quotes(SearchQuery(
                q=q, mode=mode, limit=limit, cursor=cursor, speaker=speaker, organization=organization, kinds=kinds,
                doc_kinds=doc_kinds, publishers=_csv(publisher), document_ids=_csv(document), since=since.isoformat() if since else None,
                until=until.isoformat() if until else None,
            ))
        base = base_url(request)
        return s.SearchOut(results=[s.SearchResultOut.of_hit(h, base) for h in page.results], next_cursor=page.next_cursor)

    @app.get("/v1/passages", response_model=s.PassageSearchOut, tags=["search"], dependencies=Reads)
    def passages(
        request: Request,
        kb: KB,
        q: Annotated[str, Query(min_length=1, max_length=settings.max_query_chars, examples=["judges sign off on detainer requests"])],
        mode: Annotated[Literal["hybrid", "semantic", "keyword", "phrase"], Query()] = "hybrid",
        limit: Annotated[int, Query(ge=1, le=settings.max_results)] = 10,
        cursor: Annotated[str | None, Query(max_length=200)] = None,
    ) -> s.PassageSearchOut:
        with request.app.state.search_slots:
            page = kb.search_passages(SearchQuery(q=q, mode=mode, limit=limit, cursor=cursor))
        base = base_url(request)
        return s.PassageSearchOut(results=[s.PassageOut.of(h, base) for h in page.results], next_cursor=page.next_cursor)

    @app.get("/v1/quotes/{quote_id}", response_model=s.QuoteOut, tags=["quotes"], dependencies=Reads, responses=errors)
    def get_quote(request: Request, kb: KB, quote_id: str) -> s.QuoteOut:
        quote, doc = kb.quote(quote_id)
        return s.QuoteOut.of(quote, doc, base_url(request))

    @app.get("/v1/documents/{document_id}", response_model=s.DocumentOut, tags=["documents"], dependencies=Reads, responses=errors)
    def get_document(request: Request, kb: KB, document_id: str) -> s.DocumentOut:
        doc, quotes = kb.document(document_id)
        base = base_url(request)
        return s.DocumentOut(**s.DocumentRefOut.of(doc).model_dump(), text=doc.text, quotes=[s.QuoteOut.of(q, doc, base) for q in quotes])

    @app.post("/v1/documents", response_model=s.DocumentCreatedOut, status_code=201, tags=["documents"],
              dependencies=[Depends(require_write_key)],
              responses={**errors, 200: {"model": s.DocumentCreatedOut, "description": "Already stored: unchanged or updated"}})
    def create_document(
        body: s.DocumentCreateRequest, response: Response, ingestor: Annotated[Ingestor, Depends(get_ingestor)],
        settings: Annotated[Settings, Depends(get_settings)], request: Request,
    ) -> s.DocumentCreatedOut:
        if (body.text is None) == (body.html is None):
            raise InvalidInput("send exactly one of 'text' or 'html'")
        record = body.model_dump(mode="json", exclude_none=True)
        try:
            raw = read_record(record, "request body")
        except ReaderError as e:
            raise InvalidInput(e.reason) from e
        with request.app.state.write_lock:
            report = ingestor.ingest([raw])
        if report.failed:
            raise InvalidInput(report.errors[0][1])
        status = "new" if report.new else "updated" if report.updated else "unchanged"
        if status != "new":
            response.status_code = 200
        doc_id = report.document_ids[0]
        _, quotes = ingestor.kb.document(doc_id)
        return s.DocumentCreatedOut(id=doc_id, status=status, quotes=len(quotes))

    @app.post("/v1/ingest/jobs", response_model=s.JobCreatedOut, status_code=202, tags=["documents"],
              dependencies=[Depends(require_write_key)], responses={**errors, 413: {"model": s.ErrorOut}},
              openapi_extra={"requestBody": {"required": True, "content": {"application/x-ndjson": {
                  "schema": {"type": "string", "format": "binary"},
                  "example": '{"title": "...", "url": "https://...", "published": "2024-01-02", "publisher": "...", "text": "..."}\n'}}}})
    async def create_job(
        request: Request,
        runner: Annotated[JobRunner, Depends(get_job_runner)],
        kind: Annotated[Literal["article", "roundtable", "statement"] | None, Query(description="Kind for records that lack one.")] = None,
        publisher: Annotated[str | None, Query(max_length=300)] = None,
    ) -> JSONResponse:
        body = await request.body()
        if not body.strip():
            raise InvalidInput("the request body must be JSONL: one JSON record a line (gzip allowed)")
        job_id = runner.submit(body, kind, publisher)
        out = s.JobCreatedOut(id=job_id, status="queued", status_url=f"/v1/ingest/jobs/{job_id}")
        return JSONResponse(out.model_dump(), status_code=202, headers={"Location": out.status_url})

    @app.get("/v1/ingest/jobs/{job_id}", response_model=s.JobOut, tags=["documents"], dependencies=Reads, responses=errors)
    def get_job(kb: KB, job_id: str) -> s.JobOut:
        job = kb.catalogue.get_job(job_id)
        if job is None:
            raise NotFound(f"no ingest job with id {job_id!r}")
        job.pop("owner", None)  # which process runs it is the operator's business, not the client's
        return s.JobOut(**job)

    @app.get("/v1/speakers", response_model=s.SpeakerListOut, tags=["speakers"], dependencies=Reads)
    def list_speakers(
        kb: KB,
        q: Annotated[str | None, Query(max_length=200, description="Part of a name or alias.", examples=["Champagne"])] = None,
        limit: Annotated[int, Query(ge=1, le=settings.max_results)] = 20,
    ) -> s.SpeakerListOut:
        return s.SpeakerListOut(results=[s.SpeakerOut.of(x) for x in kb.speakers(q, limit)])

    @app.get("/v1/speakers/{speaker_id}", response_model=s.SpeakerOut, tags=["speakers"], dependencies=Reads, responses=errors)
    def get_speaker(kb: KB, speaker_id: str) -> s.SpeakerOut:
        return s.SpeakerOut.of(kb.speaker(speaker_id))

    @app.get("/v1/speakers/{speaker_id}/quotes", response_model=s.QuoteListOut, tags=["speakers"], dependencies=Reads, responses=errors)
    def speaker_quotes(
        request: Request, kb: KB, speaker_id: str,
        limit: Annotated[int, Query(ge=1, le=settings.max_results)] = 20,
        cursor: Annotated[str | None, Query(max_length=200)] = None,
    ) -> s.QuoteListOut:
        offset = decode_cursor(cursor)
        rows = kb.speaker_quotes(speaker_id, limit + 1, offset)
        base = base_url(request)
        more = len(rows) > limit
        return s.QuoteListOut(
            results=[s.QuoteOut.of(q, d, base) for q, d in rows[:limit]], next_cursor=encode_cursor(offset + limit) if more else None,
        )

    @app.post("/v1/briefings", response_model=s.BriefingOut, tags=["briefings"], dependencies=Reads, responses={
        200: {"content": {"text/markdown": {"example": "## Briefing: ICE detainers\n\n### Greg Champagne, Sheriff\n- “…” [1]\n"}}}})
    def briefing(request: Request, kb: KB, body: s.BriefingRequest):  # type: ignore[no-untyped-def]
        if body.since and body.until and body.since > body.until:
            raise InvalidInput("'since' is after 'until'")
        base = base_url(request)
        with request.app.state.search_slots:
            b = build_briefing(
                kb, body.topic, body.speakers, body.since.isoformat() if body.since else None,
                body.until.isoformat() if body.until else None, body.per_speaker, body.max_speakers, base,
            )
        if body.format == "markdown":
            return PlainTextResponse(b.markdown, media_type="text/markdown; charset=utf-8")
        groups = []
        for g in b.groups:
            first = s.QuoteOut.of(g.quote_refs[0][1], g.quote_refs[0][2], base)
            groups.append(s.BriefingSpeakerOut(
                speaker=first.speaker,
                quotes=[s.BriefingQuoteOut(citation_number=n, quote=s.QuoteOut.of(q, d, base)) for n, q, d in g.quote_refs],
            ))
        return s.BriefingOut(topic=b.topic, speakers=groups, citations=b.citations, markdown=b.markdown)


__all__ = ["create_app", "APIError"]
