"""Searching quotes and passages."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from pydantic import BeforeValidator

from api import schemas as s
from api.deps import KB, Reads, base_url, csv, link_next, model_json, split_csv, values
from api.errors import errors
from kb.models import DocKind, QuoteKind, SearchMode
from kb.knowledge import KnowledgeBase
from kb.search import SearchQuery
from kb.settings import Settings


@contextmanager
def search_slot(request: Request, kb: KnowledgeBase, query: SearchQuery) -> Iterator[None]:
    """One of the process's search slots. A search that has to wait for one embeds its query meanwhile, so queries
    waiting together are embedded together (kb.query_batching); one that gets a slot at once embeds inside the search,
    in parallel with its keyword half."""
    slots = request.app.state.search_slots
    if not slots.acquire(blocking=False):
        kb.prepare_search(query)
        slots.acquire()
    try:
        yield
    finally:
        slots.release()


def router(settings: Settings) -> APIRouter:
    r = APIRouter(tags=["search"])

    @r.get("/v1/search", response_model=s.SearchOut, operation_id="searchQuotes", dependencies=Reads,
           responses=errors(401, 403, 404, 503))
    def search(
        request: Request,
        response: Response,
        kb: KB,
        q: Annotated[str, Query(min_length=1, max_length=settings.max_query_chars, description="What to look for, in plain words.", examples=["guidance from the courts"])],
        speaker: Annotated[str | None, Query(max_length=200, description="Canonical speaker id, or a name matched through aliases.", examples=["Champagne"])] = None,
        organization: Annotated[str | None, Query(max_length=200, examples=["DHS"])] = None,
        kind: Annotated[list[QuoteKind] | None, BeforeValidator(split_csv), Query(description="Quote kind(s); repeat or separate with commas.")] = None,
        doc_kind: Annotated[list[DocKind] | None, BeforeValidator(split_csv), Query(description="Document kind(s); repeat or separate with commas.")] = None,
        publisher: Annotated[list[str] | None, Query(max_length=200)] = None,
        document: Annotated[list[str] | None, Query(max_length=100, description="Only quotes from these document ids.")] = None,
        since: Annotated[date | None, Query(description="Published on or after (YYYY-MM-DD).")] = None,
        until: Annotated[date | None, Query(description="Published on or before (YYYY-MM-DD).")] = None,
        mode: Annotated[SearchMode, Query(description="hybrid (meaning and words), semantic, keyword, or phrase (exact words).")] = SearchMode.HYBRID,
        limit: Annotated[int, Query(ge=1, le=settings.max_results)] = 10,
        cursor: Annotated[str | None, Query(max_length=200, description=s.CURSOR)] = None,
        min_confidence: Annotated[float | None, Query(ge=0, le=1, description=s.MIN_CONFIDENCE, examples=[0.9])] = None,
    ) -> Response:
        """Quotes that answer a question, best first, with who said them, where, and every other source of the same words."""
        kinds, doc_kinds = values(kind), values(doc_kind)
        query = SearchQuery(
            q=q, mode=mode.value, limit=limit, cursor=cursor, speaker=speaker, organization=organization, kinds=kinds,
            doc_kinds=doc_kinds, publishers=csv(publisher), document_ids=csv(document), since=since.isoformat() if since else None,
            until=until.isoformat() if until else None, min_confidence=min_confidence,
        )
        with search_slot(request, kb, query):
            page = kb.search_quotes(query)
        base = base_url(request)
        link_next(request, response, page.next_cursor)
        return model_json(s.SearchOut(results=[s.SearchResultOut.of_hit(h, base) for h in page.results], next_cursor=page.next_cursor),
                          response)

    @r.get("/v1/passages", response_model=s.PassageSearchOut, operation_id="searchPassages", dependencies=Reads,
           responses=errors(401, 403, 503))
    def passages(
        request: Request,
        response: Response,
        kb: KB,
        q: Annotated[str, Query(min_length=1, max_length=settings.max_query_chars, examples=["judges sign off on detainer requests"])],
        mode: Annotated[SearchMode, Query(description="hybrid (meaning and words), semantic, keyword, or phrase (exact words).")] = SearchMode.HYBRID,
        limit: Annotated[int, Query(ge=1, le=settings.max_results)] = 10,
        cursor: Annotated[str | None, Query(max_length=200, description=s.CURSOR)] = None,
    ) -> Response:
        """Passages of documents (not only quotes) that match a question, with exact character offsets."""
        query = SearchQuery(q=q, mode=mode.value, limit=limit, cursor=cursor)
        with search_slot(request, kb, query):
            page = kb.search_passages(query)
        base = base_url(request)
        link_next(request, response, page.next_cursor)
        return model_json(s.PassageSearchOut(results=[s.PassageOut.of(h, base) for h in page.results], next_cursor=page.next_cursor),
                          response)

    return r
