"""Dependencies the routers share: the knowledge base, the ingestor and job runner (built lazily), links and filters."""

import hashlib
from enum import Enum
from typing import Annotated

from fastapi import Depends, FastAPI, Request, Response

from pydantic import BaseModel

from api.security import require_read_key
from ingest.jobs import JobRunner
from ingest.pipeline import Ingestor, build_ingestor
from kb.knowledge import KnowledgeBase


async def get_kb(request: Request) -> KnowledgeBase:  # a coroutine: no thread-pool hop for a lookup
    return request.app.state.kb


def get_ingestor(request: Request) -> Ingestor:
    return lazy_ingestor(request.app)


def lazy_ingestor(app: FastAPI) -> Ingestor:
    state = app.state
    with state.ingestor_lock:
        if state.ingestor is None:  # spaCy loads on the first write, not at start-up
            state.ingestor = build_ingestor(state.kb, state.settings)
    return state.ingestor


async def get_job_runner(request: Request) -> JobRunner:
    """Built at start-up: it enqueues, and works the queue itself when the settings say the API runs jobs."""
    return request.app.state.job_runner


KB = Annotated[KnowledgeBase, Depends(get_kb)]
Reads = [Depends(require_read_key)]


def base_url(request: Request) -> str:
    """The base of kb's own links: KB_PUBLIC_URL, else "" (relative links); never the request's Host."""
    return (request.app.state.settings.public_url or "").rstrip("/")


def link_next(request: Request, response: Response, next_cursor: str | None) -> None:
    """`Link: <...>; rel="next"` beside `next_cursor`: the same request with the cursor (relative, or on KB_PUBLIC_URL)."""
    if next_cursor:
        url = request.url.include_query_params(cursor=next_cursor)
        response.headers["Link"] = f'<{base_url(request)}{url.path}?{url.query}>; rel="next"'


NOT_MODIFIED = {304: {"description": "Not modified: the `If-None-Match` sent matches the current `ETag`"}}


def etagged(request: Request, model: BaseModel) -> Response:
    """The model as JSON with a strong ETag of its bytes; 304 without a body when `If-None-Match` matches."""
    body = model.model_dump_json().encode()
    tag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    wanted = [t.strip().removeprefix("W/") for t in request.headers.get("if-none-match", "").split(",")]
    if tag in wanted or "*" in wanted:
        return Response(status_code=304, headers={"ETag": tag})
    return Response(body, media_type="application/json", headers={"ETag": tag})


def model_json(model: BaseModel, response: Response) -> Response:
    """The model as JSON, serialised once, with the headers set on `response` (Link): a returned model would be dumped,
    validated again against the response model and then serialised by FastAPI, a measurable share of a search."""
    headers = {k: v for k, v in response.headers.items() if k.lower() not in ("content-length", "content-type")}
    return Response(model.model_dump_json(), media_type="application/json", headers=headers, status_code=response.status_code or 200)


def csv(values: list[str] | None) -> list[str] | None:
    """Repeated and comma-separated query values, flattened; None when nothing was given."""
    if not values:
        return None
    out = [v.strip() for item in values for v in str(item).split(",") if v.strip()]
    return out or None


def split_csv(values: object) -> object:
    """Before validation: `kind=direct,mixed` counts as `kind=direct&kind=mixed`."""
    return csv(values) if isinstance(values, list) else values


def values(items: list[Enum] | None) -> list[str] | None:
    return [i.value for i in items] if items else None
