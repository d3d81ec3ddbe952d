"""Searching quotes and passages."""

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response

from api import schemas as s
from api.deps import KB, Reads, base_url, check_choices, csv, link_next
from api.errors import errors
from kb.models import QUOTE_KINDS
from kb.search import SearchQuery
from kb.settings import Settings


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
        kind: Annotated[list[str] | None, Query(description="Quote kind(s): direct, mixed, indirect, turn, statement, question.")] = None,
        doc_kind: Annotated[list[str] | None, Query(description="Document kind(s): article, roundtable, statement.")] = None,
        publisher: Annotated[list[str] | None, Query(max_length=200)] = None,
        document: Annotated[list[str] | None, Query(max_length=100, description="Only quotes from these document ids.")] = None,
        since: Annotated[date | None, Query(description="Published on or after (YYYY-MM-DD).")] = None,
        until: Annotated[date | None, Query(description="Published on or before (YYYY-MM-DD).")] = None,
        mode: Annotated[Literal["hybrid", "semantic", "keyword", "phrase"], Query()] = "hybrid",
        limit: Annotated[int, Query(ge=1, le=settings.max_results)] = 10,
        cursor: Annotated[str | None, Query(max_length=200, description=s.CURSOR)] = None,
    ) -> s.SearchOut:
        """Quotes that answer a question, best first, with who said them, where, and every other source of the same words."""
        kinds, doc_kinds = csv(kind), csv(doc_kind)
        check_choices("kind", kinds, QUOTE_KINDS)
        check_choices("doc_kind", doc_kinds, ("article", "roundtable", "statement"))
        with request.app.state.search_slots:
            page = kb.search_quotes(SearchQuery(
                q=q, mode=mode, limit=limit, cursor=cursor, speaker=speaker, organization=organization, kinds=kinds,
                doc_kinds=doc_kinds, publishers=csv(publisher), document_ids=csv(document), since=since.isoformat() if since else None,
                until=until.isoformat() if until else None,
            ))
        base = base_url(request)
        link_next(request, response, page.next_cursor)
        return s.SearchOut(results=[s.SearchResultOut.of_hit(h, base) for h in page.results], next_cursor=page.next_cursor)

    @r.get("/v1/passages", response_model=s.PassageSearchOut, operation_id="searchPassages", dependencies=Reads,
           responses=errors(401, 403, 503))
    def passages(
        request: Request,
        response: Response,
        kb: KB,
        q: Annotated[str, Query(min_length=1, max_length=settings.max_query_chars, examples=["judges sign off on detainer requests"])],
        mode: Annotated[Literal["hybrid", "semantic", "keyword", "phrase"], Query()] = "hybrid",
        limit: Annotated[int, Query(ge=1, le=settings.max_results)] = 10,
        cursor: Annotated[str | None, Query(max_length=200, description=s.CURSOR)] = None,
    ) -> s.PassageSearchOut:
        """Passages of documents (not only quotes) that match a question, with exact character offsets."""
        with request.app.state.search_slots:
            page = kb.search_passages(SearchQuery(q=q, mode=mode, limit=limit, cursor=cursor))
        base = base_url(request)
        link_next(request, response, page.next_cursor)
        return s.PassageSearchOut(results=[s.PassageOut.of(h, base) for h in page.results], next_cursor=page.next_cursor)

    return r
