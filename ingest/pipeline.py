"""Bulk ingest: read, extract quotes, chunk, embed in batches across documents, store one document at a time."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from ingest.chunking import Chunker
from ingest.extract.protocol import Attribution, AttributionUnavailable, Extractor
from ingest.extract.statements import person_publisher, statement_title
from ingest.kinds import infer_kind
from ingest.readers import RawDocument, ReaderError
from kb.errors import KBError, StoreUnavailable
from kb.ids import document_id, quote_id
from kb.knowledge import KnowledgeBase
from kb.models import Chunk, Document, Quote
from kb.settings import Settings


# Errors that no single document causes: the store, the disk or memory. They end the run (a re-run resumes,
# since stored documents are skipped by their hash); anything else fails only the document it came from.
FATAL_ERRORS: tuple[type[BaseException], ...] = (StoreUnavailable, OSError, MemoryError)
# A run that wrote this many documents merges the keyword index afterwards (about a second per 100,000 quotes):
# a bulk import leaves it in pieces that every keyword search reads; a trickle of single documents does not.
COMPACT_AFTER = 100


@dataclass
class IngestReport:
    """What a run did: counts and, for each failure, where and why."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    quotes: int = 0
    chunks: int = 0
    processed: int = 0  # records finished, whatever their outcome
    input_done: int = 0  # characters of input behind the finished records (RawDocument.size)
    stopped: bool = False  # a stop was asked for (Ctrl-C) before the input ran out
    errors: list[tuple[str, str]] = field(default_factory=list)
    rejected: dict[str, int] = field(default_factory=dict)  # noise the extractor left out, by kind (caption, headline, ...)
    document_ids: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def add(self, name: str, n: int = 1) -> None:
        """Counts change from the parsing and the storing thread at once."""
        with self._lock:
            setattr(self, name, getattr(self, name) + n)

    def fail(self, where: str, message: str, size: int = 0) -> None:
        with self._lock:
            self.failed += 1
            self.processed += 1
            self.input_done += size
            self.errors.append((where, message))

    def count_rejected(self, rejected: dict[str, int]) -> None:
        with self._lock:
            for kind, n in rejected.items():
                self.rejected[kind] = self.rejected.get(kind, 0) + n

    def finish(self, status: str, size: int, quotes: int = 0, chunks: int = 0) -> None:
        """One record done: new, updated or unchanged."""
        with self._lock:
            setattr(self, status, getattr(self, status) + 1)
            self.processed += 1
            self.input_done += size
            self.quotes += quotes
            self.chunks += chunks

    def as_dict(self) -> dict[str, object]:
        return {
            "new": self.new, "updated": self.updated, "unchanged": self.unchanged, "failed": self.failed,
            "quotes": self.quotes, "chunks": self.chunks, "stopped": self.stopped, "rejected": dict(sorted(self.rejected.items())),
            "errors": [{"where": w, "message": m} for w, m in self.errors],
        }


def describe(error: BaseException) -> str:
    """A one-line reason for a record's failure; unexpected errors keep their type name."""
    if isinstance(error, KBError):
        return str(error)
    text = " ".join(str(error).split())[:300]
    return f"{error.__class__.__name__}: {text}" if text else error.__class__.__name__


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
        doc.title = statement_title(raw.issuer or person_publisher(doc.publisher, doc.text), doc.published)
    fingerprint = json.dumps([doc.text, doc.title, doc.url, doc.published, doc.publisher, doc.kind, raw.issuer], ensure_ascii=False)
    doc.content_hash = hashlib.sha256(fingerprint.encode("utf-8")).hexdigest()
    return doc


@dataclass
class _Prepared:
    doc: Document
    raw: RawDocument
    chunks: list[Chunk]
    quotes: list[Quote]

    @property
    def units(self) -> int:
        return len(self.chunks) + len(self.quotes)


OnRecord = Callable[[IngestReport], None]


class Ingestor:
    """Turns raw documents into stored documents, chunks and quotes."""

    def __init__(
        self, kb: KnowledgeBase, extractor: Extractor, chunker: Chunker, settings: Settings,
        batch_size: int = 16, embed_units: int = 256,
    ) -> None:
        self.kb = kb
        self.extractor = extractor
        self.chunker = chunker
        self.settings = settings
        self.batch_size = batch_size
        self.embed_units = embed_units  # texts embedded at once: big enough to batch, small enough to stop soon

    def extract(self, doc: Document, issuer: str | None = None, parsed: list | None = None, report: IngestReport | None = None) -> list[Quote]:
        parsed = parsed if parsed is not None else self.extractor.parse(doc.text)
        extraction = self.extractor.extract_counted(doc.text, parsed, doc.kind, doc.title, issuer, doc.publisher)
        if report is not None:
            report.count_rejected(extraction.rejected)
        doc.noise = dict(sorted(extraction.rejected.items()))  # stored with the document, summed by `kb stats`
        quotes = extraction.quotes
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
        on_record: OnRecord | None = None,
        stop: threading.Event | None = None,
    ) -> IngestReport:
        """Ingest everything given; a bad record is reported and skipped, never fatal to the rest.

        `on_progress` hears after each batch (how many records it held), `on_record` after each record.
        Setting `stop` ends the run after the document being written; a store or disk error raises.
        """
        report = report if report is not None else IngestReport()
        stop = stop if stop is not None else threading.Event()
        notify = on_record or (lambda _report: None)
        # Two stages overlap: spaCy parses the next batch (one core) while this one is embedded and stored.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kb-parse") as parser:
            pending: Future | None = None
            pending_size = 0
            try:
                for batch in _batches(items, self.batch_size):
                    if stop.is_set():
                        break
                    upcoming = parser.submit(self._prepare, batch, kind, publisher, report, stop, notify)
                    if pending is not None:
                        self._commit(pending.result(), report, stop, notify)
                        if stop.is_set():  # the batch may be cut short: progress counts whole batches only
                            break
                        if on_progress:
                            on_progress(pending_size)
                    pending, pending_size = upcoming, len(batch)
                if pending is not None and not stop.is_set():
                    self._commit(pending.result(), report, stop, notify)
                    if on_progress and not stop.is_set():
                        on_progress(pending_size)
            except BaseException:
                stop.set()  # the parse thread ends its batch early, so leaving this block does not wait on it
                raise
        report.stopped = stop.is_set()
        if report.new or report.updated:
            self.kb.resolve_speakers(full=False)  # the identities these documents can change, as a full pass would decide them
        if report.new + report.updated >= COMPACT_AFTER:
            self.kb.catalogue.compact_keyword_index()
        return report

    def _prepare(
        self, batch: list[RawDocument | ReaderError], kind: str | None, publisher: str | None,
        report: IngestReport, stop: threading.Event, notify: OnRecord,
    ) -> list[_Prepared]:
        """Everything before the embedding model: checks, identity, parsing, quotes and chunks."""
        todo: list[tuple[Document, RawDocument]] = []
        seen: set[str] = set()
        for item in batch:
            if isinstance(item, ReaderError):
                report.fail(item.where, item.reason)
                notify(report)
                continue
            problem = self._check(item)
            if problem:
                report.fail(item.source, problem, item.size)
                notify(report)
                continue
            doc = to_document(item, kind, publisher)
            report.document_ids.append(doc.id)
            if doc.id in seen or self.kb.is_unchanged(doc):
                report.finish("unchanged", item.size)  # skipped before any model runs
                notify(report)
                continue
            seen.add(doc.id)
            todo.append((doc, item))
        prepared = []
        for (doc, raw), paras in zip(todo, self._parse([doc.text for doc, _ in todo]), strict=False):
            if stop.is_set():
                break
            try:
                if isinstance(paras, BaseException):
                    raise paras
                quotes = self.extract(doc, raw.issuer, paras, report)
                chunks = self.chunker.split(doc.id, doc.text)
            except FATAL_ERRORS:
                raise
            except Exception as e:  # this document's text broke a step: report it, go on with the rest
                report.fail(raw.source, describe(e), raw.size)
                notify(report)
                continue
            prepared.append(_Prepared(doc, raw, chunks, quotes))
        return prepared

    def _parse(self, texts: list[str]) -> Iterator[list | Exception]:
        """Parse a batch in one spaCy stream; if one text breaks it, parse the rest one by one to find it."""
        done = 0
        try:
            for parsed in self.extractor.parse_many(texts):
                yield parsed
                done += 1
            return
        except FATAL_ERRORS:
            raise
        except Exception:  # noqa: S110 - the loop below names the document that fails
            pass
        for text in texts[done:]:
            try:
                yield self.extractor.parse(text)
            except FATAL_ERRORS:
                raise
            except Exception as e:
                yield e

    def _commit(self, prepared: list[_Prepared], report: IngestReport, stop: threading.Event, notify: OnRecord) -> None:
        """Embed several documents at once, then store each in its own transaction; stop between documents."""
        for group in _groups(prepared, self.embed_units):
            if stop.is_set():
                return
            try:
                vectors = self.kb.embed_units([c for p in group for c in p.chunks], [q for p in group for q in p.quotes])
            except FATAL_ERRORS:
                raise
            except Exception:
                vectors = None  # one document broke the batch: store() embeds each on its own and names it
            for p in group:
                if stop.is_set():
                    return
                try:
                    outcome = self.kb.store(p.doc, p.chunks, p.quotes, vectors)
                except FATAL_ERRORS:
                    raise
                except Exception as e:
                    report.fail(p.raw.source, describe(e), p.raw.size)
                else:
                    report.finish(outcome.status, p.raw.size, outcome.quotes, outcome.chunks)
                notify(report)

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


def _groups(prepared: list[_Prepared], units: int) -> Iterator[list[_Prepared]]:
    group: list[_Prepared] = []
    size = 0
    for p in prepared:
        if group and size + p.units > units:
            yield group
            group, size = [], 0
        group.append(p)
        size += p.units
    if group:
        yield group


def build_extractor(settings: Settings) -> Extractor:
    """The extractor KB_ATTRIBUTION names: the rules, or the rules with the trained tagger as their last sieve.

    A missing or corrupt tagger is a clear error, never a silent fallback to the rules.
    """
    import spacy

    from ingest.extract.extractor import QuoteExtractor

    tagger = None
    if settings.attribution == Attribution.MODEL:
        from ingest.extract.model import MODEL_DIR, AttributionTagger, ModelArtifactError

        try:
            tagger = AttributionTagger(MODEL_DIR)
        except ModelArtifactError as e:
            raise AttributionUnavailable(f"KB_ATTRIBUTION=model: {e}") from e
    return QuoteExtractor(spacy.load(settings.spacy_model), tagger=tagger)


def build_ingestor(kb: KnowledgeBase, settings: Settings, extractor: Extractor | None = None) -> Ingestor:
    chunker = Chunker(kb.embedder.count_tokens, settings.chunk_tokens, settings.chunk_overlap_tokens, kb.embedder.max_tokens)
    return Ingestor(kb, extractor or build_extractor(settings), chunker, settings)
