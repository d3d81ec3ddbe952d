"""Bulk ingest: read, extract quotes, chunk, embed in batches across documents, store one document at a time."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from ingest.chunking import Chunker
from ingest.extract.extractor import QuoteExtractor
from ingest.extract.statements import person_publisher, statement_title
from ingest.kinds import infer_kind
from ingest.readers import RawDocument, ReaderError
from kb.errors import KBError
from kb.ids import document_id, quote_id
from kb.knowledge import KnowledgeBase
from kb.models import Chunk, Document, Quote
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
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def add(self, name: str, n: int = 1) -> None:
        """Counts change from the parsing and the storing thread at once."""
        with self._lock:
            setattr(self, name, getattr(self, name) + n)

    def fail(self, where: str, message: str) -> None:
        with self._lock:
            self.failed += 1
            self.errors.append((where, message))

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
    if not doc.title and doc.kind == "statement":
        doc.title = statement_title(raw.issuer or person_publisher(doc.publisher), doc.published)
    fingerprint = json.dumps([doc.text, doc.title, doc.url, doc.published, doc.publisher, doc.kind, raw.issuer], ensure_ascii=False)
    doc.content_hash = hashlib.sha256(fingerprint.encode("utf-8")).hexdigest()
    return doc


@dataclass
class _Prepared:
    doc: Document
    source: str
    chunks: list[Chunk]
    quotes: list[Quote]


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
        quotes = self.extractor.extract_parsed(doc.text, parsed, doc.kind, doc.title, issuer, doc.publisher)
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
        # Two stages overlap: spaCy parses the next batch (one core) while this one is embedded and stored.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kb-parse") as parser:
            pending: Future | None = None
            pending_size = 0
            for batch in _batches(items, self.batch_size):
                upcoming = parser.submit(self._prepare, batch, kind, publisher, report)
                if pending is not None:
                    self._commit(pending.result(), report)
                    if on_progress:
                        on_progress(pending_size)
                pending, pending_size = upcoming, len(batch)
            if pending is not None:
                self._commit(pending.result(), report)
                if on_progress:
                    on_progress(pending_size)
        if report.new or report.updated:
            self.kb.resolve_speakers()  # identities from every mention in the base, whatever order they came in
        return report

    def _prepare(self, batch: list[RawDocument | ReaderError], kind: str | None, publisher: str | None, report: IngestReport) -> list[_Prepared]:
        """Everything before the embedding model: checks, identity, parsing, quotes and chunks."""
        todo: list[tuple[Document, RawDocument]] = []
        seen: set[str] = set()
        for item in batch:
            if isinstance(item, ReaderError):
                report.fail(item.where, item.reason)
                continue
            problem = self._check(item)
            if problem:
                report.fail(item.source, problem)
                continue
            doc = to_document(item, kind, publisher)
            report.document_ids.append(doc.id)
            if doc.id in seen or self.kb.is_unchanged(doc):
                report.add("unchanged")  # skipped before any model runs
                continue
            seen.add(doc.id)
            todo.append((doc, item))
        parsed = self.extractor.parse_many(doc.text for doc, _ in todo)
        prepared = []
        for (doc, raw), paras in zip(todo, parsed, strict=True):
            quotes = self.extract(doc, raw.issuer, paras)
            prepared.append(_Prepared(doc, raw.source, self.chunker.split(doc.id, doc.text), quotes))
        return prepared

    def _commit(self, prepared: list[_Prepared], report: IngestReport) -> None:
        """Embed a whole batch at once, then store each document in its own transaction."""
        if not prepared:
            return
        vectors = self.kb.embed_units([c for p in prepared for c in p.chunks], [q for p in prepared for q in p.quotes])
        for p in prepared:
            try:
                outcome = self.kb.store(p.doc, p.chunks, p.quotes, vectors)
            except KBError as e:
                report.fail(p.source, str(e))
                continue
            report.add(outcome.status)
            report.add("quotes", outcome.quotes)
            report.add("chunks", outcome.chunks)

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
