"""Speakers: finding them, one speaker, a speaker's quotes, and corrections of identities (merge, split)."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from api import schemas as s
from api.deps import KB, NOT_MODIFIED, Reads, base_url, etagged, link_next
from api.errors import errors
from api.schemas import CURSOR
from api.security import require_write_key
from kb.settings import Settings


def router(settings: Settings) -> APIRouter:
    r = APIRouter(tags=["speakers"])

    @r.get("/v1/speakers", response_model=s.SpeakerListOut, operation_id="listSpeakers", dependencies=Reads,
           responses=errors(401, 403, 503))
    def list_speakers(
        request: Request,
        response: Response,
        kb: KB,
        q: Annotated[str | None, Query(max_length=200, description="Part of a name or alias.", examples=["Champagne"])] = None,
        limit: Annotated[int, Query(ge=1, le=settings.max_results)] = 20,
        cursor: Annotated[str | None, Query(max_length=200, description=CURSOR)] = None,
    ) -> s.SpeakerListOut:
        """Speakers whose name or an alias contains `q` (all speakers without it), most quoted first."""
        page = kb.speakers_page(q, limit, cursor)
        link_next(request, response, page.next_cursor)
        return s.SpeakerListOut(results=[s.SpeakerOut.of(x) for x in page.items], next_cursor=page.next_cursor)

    @r.get("/v1/speakers/{speaker_id}", response_model=s.SpeakerOut, operation_id="getSpeaker", dependencies=Reads,
           responses={**errors(401, 403, 404, 503), **NOT_MODIFIED})
    def get_speaker(request: Request, kb: KB, speaker_id: str) -> Response:
        """One speaker: names and aliases, titles, organisations, how often and when they were quoted (`ETag` for caching)."""
        return etagged(request, s.SpeakerOut.of(kb.speaker(speaker_id)))

    @r.get("/v1/speakers/{speaker_id}/quotes", response_model=s.QuoteListOut, operation_id="listSpeakerQuotes",
           dependencies=Reads, responses=errors(401, 403, 404, 503))
    def speaker_quotes(
        request: Request, response: Response, kb: KB, speaker_id: str,
        limit: Annotated[int, Query(ge=1, le=settings.max_results)] = 20,
        cursor: Annotated[str | None, Query(max_length=200, description=CURSOR)] = None,
    ) -> s.QuoteListOut:
        """A speaker's quotes, newest document first: a timeline of what they said."""
        page = kb.speaker_quotes_page(speaker_id, limit, cursor)
        base = base_url(request)
        link_next(request, response, page.next_cursor)
        return s.QuoteListOut(results=[s.QuoteOut.of(q, d, base) for q, d in page.items], next_cursor=page.next_cursor)

    @r.post("/v1/speakers/merge", response_model=s.SpeakerOut, operation_id="mergeSpeakers",
            dependencies=[Depends(require_write_key)], responses=errors(401, 403, 404, 422, 503))
    def merge_speakers(body: s.SpeakerMergeIn, request: Request, kb: KB) -> s.SpeakerOut:
        """Two entries are one person: `other`'s quotes join `keep`, whose name stays; kept across re-ingests."""
        with request.app.state.write_lock:
            return s.SpeakerOut.of(kb.merge_speakers(body.keep, body.other))

    @r.post("/v1/speakers/{speaker_id}/split", response_model=s.SpeakerOut, operation_id="splitSpeaker",
            dependencies=[Depends(require_write_key)], responses=errors(401, 403, 404, 422, 503))
    def split_speaker(speaker_id: str, body: s.SpeakerSplitIn, request: Request, kb: KB) -> s.SpeakerOut:
        """A name in an entry is someone else: the quotes under `alias` become their own speaker (returned); kept across re-ingests."""
        with request.app.state.write_lock:
            return s.SpeakerOut.of(kb.split_speaker(speaker_id, body.alias))

    return r
