"""Documents and quotes: reading one, and adding one."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from api import schemas as s
from api.deps import KB, NOT_MODIFIED, Reads, base_url, etagged, get_ingestor
from api.errors import errors
from api.security import APIError, require_write_key
from ingest.pipeline import Ingestor
from ingest.readers import ReaderError, read_record
from kb.errors import InvalidInput
from kb.settings import Settings


def router(settings: Settings) -> APIRouter:
    r = APIRouter(tags=["documents"])

    @r.get("/v1/quotes/{quote_id}", response_model=s.QuoteOut, operation_id="getQuote", tags=["quotes"], dependencies=Reads,
           responses={**errors(401, 403, 404, 503), **NOT_MODIFIED})
    def get_quote(request: Request, kb: KB, quote_id: str) -> Response:
        """One quote by its stable id, with its speaker, document, source link and citation (`ETag` for caching)."""
        quote, doc = kb.quote(quote_id)
        return etagged(request, s.QuoteOut.of(quote, doc, base_url(request)))

    @r.get("/v1/documents/{document_id}", response_model=s.DocumentOut, operation_id="getDocument", dependencies=Reads,
           responses={**errors(401, 403, 404, 503), **NOT_MODIFIED})
    def get_document(request: Request, kb: KB, document_id: str) -> Response:
        """One document: its metadata, full text, and every quote found in it (offsets index the text; `ETag` for caching)."""
        doc, quotes = kb.document(document_id)
        base = base_url(request)
        out = s.DocumentOut(**s.DocumentRefOut.of(doc).model_dump(), text=doc.text, quotes=[s.QuoteOut.of(q, doc, base) for q in quotes])
        return etagged(request, out)

    @r.post("/v1/documents", response_model=s.DocumentCreatedOut, status_code=201, operation_id="createDocument",
            dependencies=[Depends(require_write_key)],
            responses={**errors(401, 403, 404, 503), 200: {"model": s.DocumentCreatedOut, "description": "Already stored: unchanged or updated"}})
    def create_document(body: s.DocumentCreateRequest, response: Response, request: Request,
                        ingestor: Annotated[Ingestor, Depends(get_ingestor)]) -> s.DocumentCreatedOut:
        """Add one document (text or HTML) and extract its quotes; sending the same document again changes nothing (200)."""
        if (body.text is None) == (body.html is None):
            raise InvalidInput("send exactly one of 'text' or 'html'")
        size = len((body.text or body.html or "").encode("utf-8", "surrogatepass"))
        if size > settings.max_document_bytes:
            raise APIError(413, "payload_too_large", f"the document is {size:,} bytes; the limit is {settings.max_document_bytes:,} (KB_MAX_DOCUMENT_BYTES)")
        record = body.model_dump(mode="json", exclude_none=True)
        try:
            raw = read_record(record, "request body")
        except ReaderError as e:
            raise InvalidInput(e.reason) from e
        with request.app.state.write_lock:
            report = ingestor.ingest([raw])
        if report.failed:
            raise InvalidInput(report.errors[0][1])
        status = "new" if report.new else "updated" if report.updated else "unchanged"
        if status != "new":
            response.status_code = 200
        doc_id = report.document_ids[0]
        response.headers["Location"] = f"/v1/documents/{doc_id}"
        _, quotes = ingestor.kb.document(doc_id)
        return s.DocumentCreatedOut(id=doc_id, status=status, quotes=len(quotes))

    return r
