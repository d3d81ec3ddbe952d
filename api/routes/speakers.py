"""Speakers: finding them, one speaker, a speaker's quotes, and corrections of identities (merge, split)."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from api import schemas as s
from api.deps import KB, Reads, base_url
from api.errors import errors
from api.security import require_write_key
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
