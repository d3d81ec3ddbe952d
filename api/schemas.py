"""Pydantic models for every HTTP boundary: requests (`...Request`, extra fields forbidden) and responses (`...Out`)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from kb.citations import citation, source_link
from kb.models import DocKind, Document, IngestStatus, JobStatus, Quote, QuoteKind, Resolution, Span, Speaker
from kb.search import PassageHit, QuoteHit



MIN_CONFIDENCE = (
    "Only quotes whose attribution is at least this sure (0-1). Confidence is calibrated on a held-out set of news: of "
    "quotes at 0.9 or more, about 94% are the speaker's words credited to the right speaker (evals/RESULTS.md)."
)
CURSOR = (
    "`next_cursor` of the previous page, with the same other parameters. Opaque and signed: a cursor from another query, "
    "limit or endpoint is a 400. Pages come from a snapshot of the ranking taken on page one, so documents added meanwhile "
    "neither repeat nor skip results; a cursor expires after an hour."
)
NEXT_CURSOR = "Pass as `cursor` for the next page (also sent as `Link: <...>; rel=\"next\"`); null on the last page."


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorBody(_Out):
    code: str = Field(examples=["invalid_input"])
    message: str = Field(examples=["limit: Input should be less than or equal to 100"])
    details: list[dict] | dict | None = None


class ErrorOut(_Out):
    """The one shape of every error this API returns."""

    error: ErrorBody


class SpanOut(_Out):
    text: str
    start: int
    end: int

    @classmethod
    def of(cls, span: Span | None) -> SpanOut | None:
        return cls(text=span.text, start=span.start, end=span.end) if span else None


class SpeakerRefOut(_Out):
    id: str | None = Field(None, examples=["spk_3f2a9c1d0e4b"])
    name: str | None = Field(None, examples=["Greg Champagne"])
    title: str | None = Field(None, examples=["Sheriff"])
    organization: str | None = Field(None, examples=["National Sheriffs Association"])
    description: str | None = Field(None, examples=["a source who was at the meeting"])
    resolution: Resolution = Field(examples=["named"])
    mention: SpanOut | None = None


class DocumentRefOut(_Out):
    id: str = Field(examples=["doc_5b1c0e7a9f2d"])
    title: str = Field(examples=["Sheriffs meet DHS"])
    url: str | None = Field(examples=["https://example.com/news/sheriffs-dhs"])
    publisher: str | None = Field(examples=["ABC News"])
    published: date | None = Field(examples=["2017-04-03"])
    kind: DocKind

    @classmethod
    def of(cls, d: Document) -> DocumentRefOut:
        return cls(id=d.id, title=d.title, url=d.url, publisher=d.publisher, published=d.published, kind=d.kind)


class QuoteOut(_Out):
    id: str = Field(examples=["q_0c9e2b4f6a1d"])
    text: str = Field(examples=["hoping for guidance from the courts"])
    kind: QuoteKind
    start: int = Field(examples=[1412])
    end: int = Field(examples=[1447])
    cue: SpanOut | None
    speaker: SpeakerRefOut
    confidence: float = Field(description="How sure the attribution is, 0-1, calibrated: see `min_confidence` on /v1/search.")
    reported_by: str | None = Field(
        None, description="For a nested quote, the source that passed the speaker's words on (\"…,\" sources told ABC News).",
        examples=["sources"],
    )
    document: DocumentRefOut
    source_link: str | None = Field(description="The source URL (or kb's document page) with a text fragment that opens at the quote.")
    citation: str = Field(examples=["\u201cSheriffs meet DHS\u201d, ABC News, 2017-04-03. https://example.com/news/sheriffs-dhs#:~:text=hoping"])

    @classmethod
    def of(cls, q: Quote, d: Document, base_url: str | None) -> QuoteOut:
        return cls(**cls.fields_of(q, d, base_url))

    @staticmethod
    def fields_of(q: Quote, d: Document, base_url: str | None) -> dict[str, Any]:
        s = q.speaker
        link = source_link(d, q.text, base_url)
        return dict(
            id=q.id, text=q.text, kind=q.kind, start=q.start, end=q.end, cue=SpanOut.of(q.cue), confidence=q.confidence,
            speaker=SpeakerRefOut(
                id=s.id, name=s.name, title=s.title, organization=s.organization, description=s.description,
                resolution=s.resolution, mention=SpanOut.of(s.mention),
            ),
            reported_by=q.reported_by, document=DocumentRefOut.of(d), source_link=link, citation=citation(d, link),
        )


class SourceOut(_Out):
    quote_id: str
    document: DocumentRefOut
    source_link: str | None


class SearchResultOut(QuoteOut):
    context: str = Field(description="The quote with the sentence or so around it.")
    score: float
    sources: list[SourceOut] = Field(description="Every document carrying these words, this one first.")

    @classmethod
    def of_hit(cls, hit: QuoteHit, base_url: str | None) -> SearchResultOut:
        base = QuoteOut.fields_of(hit.quote, hit.document, base_url)  # validated once, as this model
        first = SourceOut(quote_id=hit.quote.id, document=base["document"], source_link=base["source_link"])
        others = [
            SourceOut(quote_id=q.id, document=DocumentRefOut.of(d), source_link=source_link(d, q.text, base_url)) for q, d in hit.sources
        ]
        return cls(**base, context=hit.context, score=round(hit.score, 6), sources=[first, *others])


class PassageOut(_Out):
    chunk_id: str
    text: str
    start: int
    end: int
    score: float
    document: DocumentRefOut
    source_link: str | None

    @classmethod
    def of(cls, hit: PassageHit, base_url: str | None) -> PassageOut:
        c = hit.chunk
        return cls(
            chunk_id=c.id, text=c.text, start=c.start, end=c.end, score=round(hit.score, 6),
            document=DocumentRefOut.of(hit.document), source_link=source_link(hit.document, c.text, base_url),
        )


class SearchOut(_Out):
    results: list[SearchResultOut]
    next_cursor: str | None = Field(None, description=NEXT_CURSOR)


class PassageSearchOut(_Out):
    results: list[PassageOut]
    next_cursor: str | None = Field(None, description=NEXT_CURSOR)


class CountOut(_Out):
    """A value and how many of the speaker's quotes carry it."""

    value: str
    count: int


def _counted(counts: dict[str, int]) -> list[CountOut]:
    return [CountOut(value=k, count=n) for k, n in counts.items()]


class SpeakerOut(_Out):
    id: str = Field(examples=["spk_3f2a9c1d0e4b"])
    name: str = Field(examples=["Greg Champagne"])
    is_organization: bool
    aliases: list[str] = Field(examples=[["Champage"]])
    titles: list[str] = Field(examples=[["Sheriff"]])
    organizations: list[str] = Field(examples=[["National Sheriffs Association"]])
    quote_count: int
    first_seen: date | None
    last_seen: date | None
    alias_counts: list[CountOut] = Field(default_factory=list, description="Every name the quotes carry, with how many.")
    title_counts: list[CountOut] = Field(default_factory=list, description="Every title the quotes carry, with how many.")
    organization_counts: list[CountOut] = Field(default_factory=list, description="Every organisation the quotes carry, with how many.")

    @classmethod
    def of(cls, s: Speaker) -> SpeakerOut:
        return cls(
            id=s.id, name=s.name, is_organization=s.is_organization, aliases=s.aliases, titles=s.titles,
            organizations=s.organizations, quote_count=s.quote_count, first_seen=s.first_seen, last_seen=s.last_seen,
            alias_counts=_counted(s.alias_counts), title_counts=_counted(s.title_counts),
            organization_counts=_counted(s.organization_counts),
        )


class SpeakerMergeIn(_In):
    """Two entries that are one person: `other` is merged into `keep`, whose name stays."""

    keep: str = Field(min_length=1, max_length=200, description="Speaker id kept.")
    other: str = Field(min_length=1, max_length=200, description="Speaker id merged into it.")


class SpeakerSplitIn(_In):
    """A name in an entry that is someone else: its quotes become their own speaker."""

    alias: str = Field(min_length=1, max_length=200, description="The name split off.")


class SpeakerListOut(_Out):
    results: list[SpeakerOut]
    next_cursor: str | None = Field(None, description=NEXT_CURSOR)


class QuoteListOut(_Out):
    results: list[QuoteOut]
    next_cursor: str | None = Field(None, description=NEXT_CURSOR)


class DocumentOut(DocumentRefOut):
    text: str
    quotes: list[QuoteOut]


class DocumentCreateRequest(_In):
    """One document to ingest: `text` or `html`, and what is known about it."""

    title: str = Field("", max_length=1000, examples=["Sheriffs meet DHS"])
    text: str | None = Field(None, examples=['Sheriff Greg Champagne said he is "hoping for guidance from the courts."'])
    html: str | None = None
    url: str | None = Field(None, max_length=4000, examples=["https://example.com/news/sheriffs-dhs"])
    published: date | None = Field(None, examples=["2017-04-03"])
    publisher: str | None = Field(None, max_length=300, examples=["ABC News"])
    kind: DocKind | None = None
    speaker: str | None = Field(None, max_length=300, description="For a statement: who issued it.")


class DocumentCreatedOut(_Out):
    id: str
    status: IngestStatus
    quotes: int


class BriefingRequest(_In):
    topic: str = Field(min_length=1, max_length=1000, examples=["ICE detainer requests"])
    speakers: list[str] | None = Field(None, max_length=50, examples=[["Greg Champagne"]])
    since: date | None = None
    until: date | None = None
    per_speaker: int = Field(3, ge=1, le=20)
    max_speakers: int = Field(10, ge=1, le=50)
    format: Literal["json", "markdown"] = "json"
    min_confidence: float | None = Field(None, ge=0, le=1, description=MIN_CONFIDENCE, examples=[0.9])


class BriefingSourceOut(_Out):
    document_id: str
    title: str
    publisher: str | None = None
    published: str | None = None
    link: str | None = None


class BriefingQuoteOut(_Out):
    citation_number: int
    quote: QuoteOut
    text: str = Field("", description="the words as the briefing prints them, quotation marks balanced")
    context: str | None = Field(None, description="the sentence around a short fragment, else null")
    sources: list[BriefingSourceOut] = Field(default_factory=list, description="every outlet that carries these words")


class BriefingSpeakerOut(_Out):
    speaker: SpeakerRefOut
    quotes: list[BriefingQuoteOut]
    heading: str = Field("", description="'Name, Title, Organisation' as the briefing prints it")


class BriefingOut(_Out):
    topic: str
    speakers: list[BriefingSpeakerOut]
    citations: list[str]
    markdown: str
    first_date: str | None = None
    last_date: str | None = None
    source_count: int = 0


class StatsOut(_Out):
    documents: int
    chunks: int
    quotes: int
    speakers: int
    vectors: int
    rejected: dict[str, int] = Field(default_factory=dict, description="noise extraction left out of the stored documents, by kind (caption, headline, link_text, ...)")


class HealthOut(_Out):
    status: Literal["ok"]
    documents: int


class JobCreatedOut(_Out):
    id: str
    status: JobStatus
    status_url: str


class JobErrorOut(_Out):
    where: str = Field(examples=["line:12"])
    message: str = Field(examples=["invalid JSON (Expecting value at column 1)"])


class JobOut(_Out):
    id: str
    status: JobStatus
    created_at: datetime
    finished_at: datetime | None
    processed: int = Field(description="Records read so far (good and bad).")
    new: int
    updated: int
    unchanged: int
    failed: int
    errors: list[JobErrorOut]
