"""Briefings: the best quotes on a topic, grouped by speaker, with numbered citations."""

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse

from api import schemas as s
from api.deps import KB, Reads, base_url
from api.errors import errors
from kb.briefing import Briefing, build_briefing
from kb.errors import InvalidInput
from kb.knowledge import KnowledgeBase
from kb.settings import Settings

MARKDOWN_EXAMPLE = "## Briefing: ICE detainers\n\n### Greg Champagne, Sheriff\n- “…” [1]\n"


def _prefers_markdown(accept: str) -> bool:
    return "text/markdown" in accept and "application/json" not in accept


class MarkdownResponse(PlainTextResponse):
    media_type = "text/markdown"


def _markdown(b: Briefing) -> MarkdownResponse:
    return MarkdownResponse(b.markdown)


def router(settings: Settings) -> APIRouter:
    r = APIRouter(tags=["briefings"])

    def build(request: Request, kb: KnowledgeBase, body: s.BriefingRequest) -> Briefing:
        if body.since and body.until and body.since > body.until:
            raise InvalidInput("'since' is after 'until'")
        with request.app.state.search_slots:
            return build_briefing(
                kb, body.topic, body.speakers, body.since.isoformat() if body.since else None,
                body.until.isoformat() if body.until else None, body.per_speaker, body.max_speakers, base_url(request),
                min_confidence=body.min_confidence,
            )

    @r.post("/v1/briefings", response_model=s.BriefingOut, operation_id="createBriefing", dependencies=Reads,
            responses={**errors(401, 403, 503), 200: {"content": {"text/markdown": {"example": MARKDOWN_EXAMPLE}}}})
    def briefing(request: Request, kb: KB, body: s.BriefingRequest):  # type: ignore[no-untyped-def]
        """A briefing on a topic: who said what, a few quotes each, with numbered citations. Markdown instead with
        `Accept: text/markdown` (or `format: markdown`), or from `POST /v1/briefings/markdown`."""
        b = build(request, kb, body)
        if body.format == "markdown" or _prefers_markdown(request.headers.get("accept", "")):
            return _markdown(b)
        base = base_url(request)
        groups = []
        for g in b.groups:
            first = s.QuoteOut.of(g.quote_refs[0][1], g.quote_refs[0][2], base)
            groups.append(s.BriefingSpeakerOut(
                speaker=first.speaker, heading=g.heading,
                quotes=[s.BriefingQuoteOut(
                    citation_number=q.number, quote=s.QuoteOut.of(q.quote, q.document, base), text=q.text, context=q.context,
                    sources=[s.BriefingSourceOut(document_id=src.document.id, title=src.document.title, publisher=src.document.publisher,
                                                 published=src.document.published, link=src.link) for src in q.sources],
                ) for q in g.quotes],
            ))
        return s.BriefingOut(topic=b.topic, speakers=groups, citations=b.citations, markdown=b.markdown, first_date=b.first_date,
                             last_date=b.last_date, source_count=b.source_count)

    @r.post("/v1/briefings/markdown", response_class=MarkdownResponse, operation_id="createBriefingMarkdown", dependencies=Reads,
            responses={**errors(401, 403, 503), 200: {"description": "The briefing as Markdown", "content": {
                "text/markdown": {"schema": {"type": "string"}, "example": MARKDOWN_EXAMPLE}}}})
    def briefing_markdown(request: Request, kb: KB, body: s.BriefingRequest) -> MarkdownResponse:
        """The same briefing as Markdown, ready to paste: quotes under each speaker, numbered sources at the end."""
        return _markdown(build(request, kb, body))

    return r
