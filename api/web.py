"""The staff web page: server-rendered (Jinja2, autoescaped) search, speaker and document pages."""


import re
from datetime import date
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from api.security import require_read_key
from kb.citations import attributed, quote_citation, source_link, speaker_line
from kb.errors import InvalidInput, KBError, NotFound
from kb.knowledge import KnowledgeBase
from kb.models import Document, Quote
from kb.search import QuoteHit, SearchQuery
from kb.settings import Settings
from kb.text import content_words

HERE = Path(__file__).parent
templates = Jinja2Templates(
    env=Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True, default_for_string=True))
)

# Ingested text is untrusted: no inline script may run, and nothing loads from elsewhere.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def highlight(text: str, query: str | None) -> Markup:
    """Escape the text, then mark the query's words (the words are escaped too)."""
    # a crude stem ("detainers" also marks "detainer"), like the keyword index's Porter stemmer
    terms = sorted({t[:-1] if len(t) > 4 and t.endswith("s") else t for t in content_words(query or "") if len(t) >= 3}, key=len, reverse=True)
    if not terms:
        return escape(text)
    pattern = re.compile(r"\b(" + "|".join(re.escape(t) for t in terms) + r")\w*", re.IGNORECASE)
    out, last = [], 0
    for m in pattern.finditer(text):
        out.append(escape(text[last : m.start()]))
        out.append(Markup("<mark>") + escape(m.group(0)) + Markup("</mark>"))
        last = m.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


templates.env.filters["highlight"] = highlight


def _kb(request: Request) -> KnowledgeBase:
    return request.app.state.kb


def _card(quote: Quote, doc: Document, base: str, score: float | None = None, context: str | None = None) -> dict:
    s = quote.speaker
    link = source_link(doc, quote.text, base)
    who = speaker_line(s.name, s.title, s.organization, s.description)
    return {
        "quote": quote, "doc": doc, "who": who, "link": link, "context": context, "score": score,
        "citation": quote_citation(quote.text, who, doc, link, quote.reported_by),
    }


def _page(request: Request, name: str, context: dict, status: int = 200) -> Response:
    response = templates.TemplateResponse(request, name, context, status_code=status)
    response.headers["Content-Security-Policy"] = CSP
    return response


def add_web_routes(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    KB = Annotated[KnowledgeBase, Depends(_kb)]

    # The page shows what the API shows, so it is keyed the same way (KB_READ_REQUIRES_KEY).
    @app.get("/", response_class=HTMLResponse, include_in_schema=False, dependencies=[Depends(require_read_key)])
    def search_page(
        request: Request,
        kb: KB,
        q: Annotated[str, Query(max_length=1000)] = "",
        speaker: Annotated[str, Query(max_length=200)] = "",
        organization: Annotated[str, Query(max_length=200)] = "",
        doc_kind: Annotated[str, Query(max_length=20)] = "",
        since: Annotated[str, Query(max_length=10)] = "",
        until: Annotated[str, Query(max_length=10)] = "",
        mode: Annotated[str, Query(max_length=10)] = "hybrid",
        cursor: Annotated[str, Query(max_length=200)] = "",
        min_confidence: Annotated[str, Query(max_length=10)] = "",
    ) -> Response:
        form = {"q": q, "speaker": speaker, "organization": organization, "doc_kind": doc_kind, "since": since, "until": until, "mode": mode,
                "min_confidence": min_confidence}
        cards, error, next_cursor = [], None, None
        if q.strip():
            try:
                page = kb.search_quotes(SearchQuery(
                    q=q, mode=mode, limit=20, cursor=cursor or None, speaker=speaker or None, organization=organization or None,
                    doc_kinds=[doc_kind] if doc_kind else None, since=_date(since, "since"), until=_date(until, "until"),
                    min_confidence=_share(min_confidence, "min_confidence"),
                ))
                base = _link_base(request)
                cards = [_card(h.quote, h.document, base, h.score, h.context) | {"sources": _sources(h, base)} for h in page.results]
                next_cursor = page.next_cursor
            except KBError as e:
                error = str(e)
        more = None
        if next_cursor:
            more = _same_page(request, cursor=next_cursor)
        return _page(request, "search.html", {"form": form, "cards": cards, "error": error, "more": more, "searched": bool(q.strip())})

    @app.get("/speakers/{speaker_id}", response_class=HTMLResponse, include_in_schema=False, dependencies=[Depends(require_read_key)])
    def speaker_page(request: Request, kb: KB, speaker_id: str, q: Annotated[str, Query(max_length=1000)] = "",
                     cursor: Annotated[str, Query(max_length=200)] = "") -> Response:
        try:
            speaker = kb.speaker(speaker_id)
        except NotFound as e:
            return _page(request, "error.html", {"message": str(e)}, 404)
        base = _link_base(request)
        more = None
        if q.strip():
            page = kb.search_quotes(SearchQuery(q=q, speaker=speaker_id, limit=50))
            cards = [_card(h.quote, h.document, base, h.score) for h in page.results]
        else:
            try:
                page = kb.speaker_quotes_page(speaker_id, 50, cursor or None)
            except InvalidInput:  # a stale or foreign cursor: show the first page
                page = kb.speaker_quotes_page(speaker_id, 50, None)
            cards = [_card(qt, d, base) for qt, d in page.items]
            if page.next_cursor:
                more = _same_page(request, cursor=page.next_cursor)
        return _page(request, "speaker.html", {"speaker": speaker, "cards": cards, "q": q, "more": more})

    @app.get("/documents/{document_id}", response_class=HTMLResponse, include_in_schema=False, dependencies=[Depends(require_read_key)])
    def document_page(request: Request, kb: KB, document_id: str) -> Response:
        try:
            doc, quotes = kb.document(document_id)
        except NotFound as e:
            return _page(request, "error.html", {"message": str(e)}, 404)
        return _page(request, "document.html", {"doc": doc, "paragraphs": _marked_paragraphs(doc.text, quotes), "quotes": quotes})


def _link_base(request: Request) -> str:
    settings: Settings = request.app.state.settings
    return (settings.public_url or "").rstrip("/")


def _same_page(request: Request, **params: str) -> str:
    """This page with other query parameters, as a relative link (the Host header never makes a link)."""
    url = request.url.include_query_params(**params)
    return f"{url.path}?{url.query}"


def _sources(hit: QuoteHit, base: str) -> list[dict]:
    return [{"doc": d, "link": source_link(d, q.text, base)} for q, d in hit.sources]


def _date(value: str, name: str) -> str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as e:
        raise InvalidInput(f"{name}: {value!r} is not a date (YYYY-MM-DD)") from e


def _share(value: str, name: str) -> float | None:
    if not value:
        return None
    try:
        return float(value)
    except ValueError as e:
        raise InvalidInput(f"{name}: {value!r} is not a number between 0 and 1") from e


def _marked_paragraphs(text: str, quotes: list[Quote]) -> list[Markup]:
    """The document's paragraphs, escaped, with each extracted quote wrapped in a labelled <mark>."""
    spans = []
    end = -1
    for q in sorted(quotes, key=lambda q: (q.start, -q.end)):
        if q.start >= end:  # nested or overlapping quotes: the outer one is shown
            spans.append(q)
            end = q.end
    pieces: list[Markup] = []
    cursor = 0
    for q in spans:
        s = q.speaker
        who = attributed(speaker_line(s.name, s.title, s.organization, s.description), q.reported_by)
        pieces.append(escape(text[cursor : q.start]))
        pieces.append(
            Markup('<mark class="quote" id="quote-{id}" title="{who}" data-kind="{kind}">').format(id=q.id, who=who, kind=q.kind)
            + escape(text[q.start : q.end].replace("\n", " "))  # one paragraph per quote, so the markup stays whole
            + Markup('</mark><span class="who">— {who}</span>').format(who=who)
        )
        cursor = q.end
    pieces.append(escape(text[cursor:]))
    html = str(Markup("").join(pieces))
    return [Markup(p.strip()) for p in re.split(r"\n\s*\n|\n", html) if p.strip()]
