"""Briefings: the best quotes on a topic, grouped by speaker, with numbered citations."""

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse

from api import schemas as s
from api.deps import KB, Reads, base_url
from api.errors import errors
from kb.briefing import build_briefing
from kb.errors import InvalidInput
from kb.settings import Settings

MARKDOWN_EXAMPLE = "## Briefing: ICE detainers\n\n### Greg Champagne, Sheriff\n- “…” [1]\n"


def router(settings: Settings) -> APIRouter:
    r = APIRouter(tags=["briefings"])

    @r.post("/v1/briefings", response_model=s.BriefingOut, operation_id="createBriefing", dependencies=Reads,
            responses={**errors(401, 403, 503), 200: {"content": {"text/markdown": {"example": MARKDOWN_EXAMPLE}}}})
    def briefing(request: Request, kb: KB, body: s.BriefingRequest):  # type: ignore[no-untyped-def]
        """A briefing on a topic: who said what, a few quotes each, with numbered citations (JSON, or Markdown)."""
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

    return r
