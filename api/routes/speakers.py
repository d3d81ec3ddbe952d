"""Speakers: finding them, one speaker, and a speaker's quotes."""

from typing import Annotated

from fastapi import APIRouter, Query, Request

from api import schemas as s
from api.deps import KB, Reads, base_url
from api.errors import errors
from kb.search import decode_cursor, encode_cursor
from kb.settings import Settings


def router(settings: Settings) -> APIRouter:
    r = APIRouter(tags=["speakers"])

    @r.get("/v1/speakers", response_model=s.SpeakerListOut, operation_id="listSpeakers", dependencies=Reads,
           responses=errors(401, 403, 503))
    def list_speakers(
        kb: KB,
        q: Annotated[str | None, Query(max_length=200, description="Part of a name or alias.", examples=["Champagne"])] = None,
        limit: Annotated[int, Query(ge=1, le=settings.max_results)] = 20,
    ) -> s.SpeakerListOut:
        """Speakers whose name or an alias contains `q` (all speakers without it), most quoted first."""
        return s.SpeakerListOut(results=[s.SpeakerOut.of(x) for x in kb.speakers(q, limit)])

    @r.get("/v1/speakers/{speaker_id}", response_model=s.SpeakerOut, operation_id="getSpeaker", dependencies=Reads,
           responses=errors(401, 403, 404, 503))
    def get_speaker(kb: KB, speaker_id: str) -> s.SpeakerOut:
        """One speaker: names and aliases, titles, organisations, how often and when they were quoted."""
        return s.SpeakerOut.of(kb.speaker(speaker_id))

    @r.get("/v1/speakers/{speaker_id}/quotes", response_model=s.QuoteListOut, operation_id="listSpeakerQuotes",
           dependencies=Reads, responses=errors(401, 403, 404, 503))
    def speaker_quotes(
        request: Request, kb: KB, speaker_id: str,
        limit: Annotated[int, Query(ge=1, le=settings.max_results)] = 20,
        cursor: Annotated[str | None, Query(max_length=200)] = None,
    ) -> s.QuoteListOut:
        """A speaker's quotes, newest document first: a timeline of what they said."""
        offset = decode_cursor(cursor)
        rows = kb.speaker_quotes(speaker_id, limit + 1, offset)
        base = base_url(request)
        more = len(rows) > limit
        return s.QuoteListOut(
            results=[s.QuoteOut.of(q, d, base) for q, d in rows[:limit]], next_cursor=encode_cursor(offset + limit) if more else None,
        )

    return r
