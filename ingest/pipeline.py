"""Bulk ingest: read, extract quotes, chunk, embed in batches across documents, store one document at a time."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ingest.chunking import Chunker
from ingest.extract.extractor import QuoteExtractor
from ingest.kinds import infer_kind
from ingest.readers import RawDocument, ReaderError
from kb.errors import KBError
from kb.ids import document_id, quote_id
from kb.knowledge import KnowledgeBase
from kb.models import Document, Quote
from kb.settings import Settings


@dataclass
class IngestReport:
    """What a run did: counts and, for each failure, where and why."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    quotes: int = 0
    chunks: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    document_ids: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "new": self.new, "updated": self.updated, "unchanged": self.unchanged, "failed": self.failed,
            "quotes": self.quotes, "chunks": self.chunks,
            "errors": [{"where": w, "message": m} for w, m in self.errors],
        }


def to_document(raw: RawDocument, kind: str | None = None, publisher: str | None = None) -> Document:
    """Fix a raw document's identity and kind; `kind`/`publisher` fill in what the source lacks."""
    doc_kind = raw.kind or kind or infer_kind(raw.title, raw.text, raw.issuer)
    doc = Document(
        id=document_id(raw.url, raw.text),
        text=raw.text,
        title=raw.title,
        url=raw.url,
        published=raw.published,
        publisher=raw.publisher or publisher,
        kind=doc_kind,
        source_path=raw.source,
    )
    fingerprint = json.dumps([doc.text, doc.title, doc.url, doc.published, doc.publisher, doc.kind, raw.issuer], ensure_ascii=False)
    doc.content_hash = hashlib.sha256(fingerprint.encode("utf-8")).hexdigest()
    return doc


class Ingestor:
    """Turns raw documents into stored documents, chunks and quotes."""

    def __init__(self, kb: KnowledgeBase, extractor: QuoteExtractor, chunker: Chunker, settings: Settings, batch_size: int = 16) -> None:
        self.kb = kb
        self.extractor = extractor
        self.chunker = chunker
        self.settings = settings
        self.batch_size = batch_size

    def extract(self, doc: Document, issuer: str | None = None, parsed: list | None = None) -> list[Quote]:
        parsed = parsed if parsed is not None else self.extractor.parse(doc.text)
        quotes = self.extractor.extract_parsed(doc.text, parsed, doc.kind, doc.title, issuer)
        for q in quotes:
            q.document_id = doc.id
            q.id = quote_id(doc.id, q.start, q.end)
        return quotes

    def ingest(
        self,
        items: Iterable[RawDocument | ReaderError],
        kind: str | None = None,
        publisher: str | None = None,
        on_progress: Callable[[int], None] | None = None,
        report: IngestReport | None = None,
    ) -> IngestReport:
        """Ingest everything given; a bad record is reported and skipped, never fatal to the rest."""
        report = report if report is not None else IngestReport()
        for batch in _batches(items, self.batch_size):
            self._ingest_batch(batch, kind, publisher, report)
            if on_progress:
                on_progress(len(batch))
        return report

    def _ingest_batch(self, batch: list[RawDocument | ReaderError], kind: str | None, publisher: str | None, report: IngestReport) -> None:
        todo: list[tuple[Document, RawDocument]] = []
        seen: set[str] = set()
        for item in batch:
            if isinstance(item, ReaderError):
                report.failed += 1
                report.errors.append((item.where, item.reason))
                continue
            problem = self._check(item)
            if problem:
                report.failed += 1
                report.errors.append((item.source, problem))
                continue
            doc = to_document(item, kind, publisher)
            report.document_ids.append(doc.id)
            if doc.id in seen or self.kb.is_unchanged(doc):
                report.unchanged += 1  # skipped before any model runs
                continue
            seen.add(doc.id)
            todo.append((doc, item))
        if not todo:
            return
        parsed = self.extractor.parse_many(doc.text for doc, _ in todo)
        prepared = []
        for (doc, raw), paras in zip(todo, parsed, strict=True):
            quotes = self.extract(doc, raw.issuer, paras)
            chunks = self.chunker.split(doc.id, doc.text)
            prepared.append((doc, raw, chunks, quotes))
        vectors = self.kb.embed_units([c for p in prepared for c in p[2]], [q for p in prepared for q in p[3]])
        for doc, raw, chunks, quotes in prepared:
            try:
                outcome = self.kb.store(doc, chunks, quotes, vectors)
            except KBError as e:
                report.failed += 1
                report.errors.append((raw.source, str(e)))
                continue
            setattr(report, outcome.status, getattr(report, outcome.status) + 1)
            report.quotes += outcome.quotes
            report.chunks += outcome.chunks

    def _check(self, raw: RawDocument) -> str | None:
        size = len(raw.text.encode("utf-8", "ignore"))
        if size > self.settings.max_document_bytes:
            return f"document is {size:,} bytes; the limit is {self.settings.max_document_bytes:,} (KB_MAX_DOCUMENT_BYTES)"
        if not raw.text.strip():
            return "document has no text"
        return None


def _batches(items: Iterable[RawDocument | ReaderError], size: int) -> Iterator[list[RawDocument | ReaderError]]:
    batch: list[RawDocument | ReaderError] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def build_extractor(settings: Settings) -> QuoteExtractor:
    import spacy

    nlp = spacy.load(settings.spacy_model)
    return QuoteExtractor(nlp)


def build_ingestor(kb: KnowledgeBase, settings: Settings, extractor: QuoteExtractor | None = None) -> Ingestor:
    chunker = Chunker(kb.embedder.count_tokens, settings.chunk_tokens, settings.chunk_overlap_tokens, kb.embedder.max_tokens)
    return Ingestor(kb, extractor or build_extractor(settings), chunker, settings)
