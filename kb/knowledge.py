"""The knowledge base: stores documents with their chunks and quotes, and answers searches."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from kb.catalogue import Catalogue
from kb.embedding import Embedder
from kb.errors import InvalidInput, NotFound
from kb.ids import speaker_id, speaker_key
from kb.models import Chunk, Document, Quote, Speaker
from kb.paging import Page, Pager, scope_of
from kb.search import Searcher, SearchPage, SearchQuery
from kb.speakers import Override, ResolutionConfig, affected_mentions, canonical_speakers, resolve
from kb.vectors import CHUNKS, QUOTES, VectorStore, date_number


@dataclass
class CheckReport:
    """Where the vector store and the catalogue disagree (a crash between their writes leaves this)."""

    orphan_vectors: int = 0  # vectors whose chunk or quote the catalogue does not hold
    missing_vectors: int = 0  # chunks and quotes without a vector (search cannot find them by meaning)
    documents_to_reembed: list[str] = field(default_factory=list)
    repaired: bool = False

    @property
    def consistent(self) -> bool:
        return not self.orphan_vectors and not self.missing_vectors

    def as_dict(self) -> dict[str, object]:
        return {"orphan_vectors": self.orphan_vectors, "missing_vectors": self.missing_vectors,
                "documents_to_reembed": len(self.documents_to_reembed), "repaired": self.repaired, "consistent": self.consistent}


@dataclass
class StoreOutcome:
    document_id: str
    status: str  # "new" | "updated" | "unchanged"
    quotes: int
    chunks: int


class KnowledgeBase:
    """One object per process, built once and handed to the CLI and the API."""

    def __init__(self, catalogue: Catalogue, vectors: VectorStore, embedder: Embedder, pager: Pager | None = None) -> None:
        self.catalogue = catalogue
        self.vectors = vectors
        self.embedder = embedder
        self.pager = pager or Pager.in_memory()
        self.searcher = Searcher(catalogue, vectors, embedder.embed, pager=self.pager)
        self.resolution = ResolutionConfig()
        self._touched_documents: set[str] = set()  # stored since the last resolution: what an incremental one reads
        self._touched_names: set[str] = set()

    def close(self) -> None:
        self.searcher.close()
        self.pager.close()
        self.vectors.close()
        self.catalogue.close()

    # -- writing -----------------------------------------------------------------------------
    def is_unchanged(self, doc: Document) -> bool:
        return self.catalogue.document_hash(doc.id) == doc.content_hash

    def store(self, doc: Document, chunks: list[Chunk], quotes: list[Quote], vectors: dict[str, np.ndarray] | None = None) -> StoreOutcome:
        """Write vectors first (invisible until the catalogue commits), then the catalogue, then drop stale vectors."""
        previous = self.catalogue.document_hash(doc.id)
        if previous == doc.content_hash:
            return StoreOutcome(doc.id, "unchanged", len(quotes), len(chunks))
        speakers = canonical_speakers(quotes, doc)
        if previous is not None:  # names the old version gave may lose their last quote: their entries change too
            self._touched_names.update(q.speaker.surface or q.speaker.name for q in self.catalogue.quotes_for_document(doc.id)
                                       if q.speaker.surface or q.speaker.name)
        self._touched_documents.add(doc.id)
        self._touched_names.update(q.speaker.name for q in quotes if q.speaker.name)
        vectors = vectors if vectors is not None else self.embed_units(chunks, quotes)
        quote_ids = self._write_vectors(doc, chunks, quotes, vectors)
        self.catalogue.replace_document(doc, chunks, quotes, speakers)
        self.vectors.delete_document(CHUNKS, doc.id, {c.id for c in chunks})
        self.vectors.delete_document(QUOTES, doc.id, set(quote_ids))
        self.searcher.forget_filters()
        return StoreOutcome(doc.id, "new" if previous is None else "updated", len(quotes), len(chunks))

    def resolve_speakers(self, full: bool = True) -> int:
        """Decide speaker identities from the mentions and the user's overrides; how many quotes moved.

        `full`: every identity afresh from all mentions. Otherwise only the mentions the documents stored since the
        last resolution can change (their names, surnames and entries; see `affected_mentions`): the same outcome
        for a fraction of the reading and writing.
        """
        overrides = self.catalogue.speaker_overrides()
        documents, names = self._touched_documents, self._touched_names
        self._touched_documents, self._touched_names = set(), set()
        if full:
            scope = None
            mentions = self.catalogue.speaker_mentions()
        elif not documents and not names:
            return 0
        else:
            scope = affected_mentions(self.catalogue.speaker_surfaces(), documents, names, overrides, self.resolution)
            mentions = self.catalogue.speaker_mentions(scope)
        identities = resolve(mentions, overrides, self.resolution)
        changed = self.catalogue.apply_speaker_identities(identities, scope)
        if changed:
            self.vectors.set_speakers(QUOTES, changed)
            self.searcher.forget_filters()
        return len(changed)

    def merge_speakers(self, keep_id: str, other_id: str) -> Speaker:
        """One person in two entries: move `other`'s quotes into `keep`, now and after every re-ingest."""
        keep, other = self.speaker(keep_id), self.speaker(other_id)
        if keep.id == other.id:
            raise InvalidInput("a speaker cannot be merged with itself")
        self.catalogue.add_speaker_override(Override("merge", keep.name, other.name))
        self.resolve_speakers()
        return self.speaker(keep.id)  # both old ids lead to the merged entry

    def split_speaker(self, speaker_id: str, alias: str) -> Speaker:
        """Two people in one entry: the quotes under `alias` become their own speaker, now and after re-ingests."""
        speaker = self.speaker(speaker_id)
        if speaker_key(alias) not in {speaker_key(a) for a in speaker.alias_counts}:
            names = ", ".join(speaker.alias_counts)
            raise InvalidInput(f"no quote of {speaker.name} ({speaker.id}) is under the name {alias!r}; its quotes carry: {names}")
        self.catalogue.add_speaker_override(Override("split", alias))
        self.resolve_speakers()
        return self._speaker_named(alias)

    def _speaker_named(self, name: str) -> Speaker:
        """The entry shown under this name (ids outlive names, so the id of a name may belong to another entry now)."""
        matches = [s for s in (self.catalogue.get_speaker(i) for i in self.catalogue.speaker_ids_matching(name)) if s]
        exact = [s for s in matches if speaker_key(s.name) == speaker_key(name)]
        found = (exact or [None])[0] or self.catalogue.get_speaker(speaker_id(name)) or (matches or [None])[0]
        if found is None:
            raise NotFound(f"no speaker named {name!r}")
        return found

    def _write_vectors(self, doc: Document, chunks: list[Chunk], quotes: list[Quote], vectors: dict[str, np.ndarray]) -> list[str]:
        chunk_meta = [{"document_id": doc.id} for _ in chunks]
        self.vectors.upsert(CHUNKS, [c.id for c in chunks], _stack([vectors[c.id] for c in chunks], self.embedder.dimension), chunk_meta)
        quote_ids, quote_vecs, quote_meta = [], [], []
        for q in quotes:
            for n, vec in enumerate(vectors.get(q.id + ":all", [])):
                quote_ids.append(f"{q.id}:{n}")
                quote_vecs.append(vec)
                quote_meta.append(self._quote_metadata(doc, q))
        self.vectors.upsert(QUOTES, quote_ids, _stack(quote_vecs, self.embedder.dimension), quote_meta)
        return quote_ids

    @staticmethod
    def _quote_metadata(doc: Document, q: Quote) -> dict[str, object]:
        return {
            "document_id": doc.id, "quote_id": q.id, "speaker_id": q.speaker.id or "", "kind": q.kind,
            "doc_kind": doc.kind, "publisher": (doc.publisher or "").lower(), "published": date_number(doc.published),
        }

    def quote_windows(self, q: Quote) -> list[str]:
        """The text(s) a quote is embedded from: who said it, then the words, in windows the model reads whole."""
        who = ", ".join(filter(None, [q.speaker.name or q.speaker.description, q.speaker.title, q.speaker.organization]))
        prefix = f"{who}: " if who else ""
        words = q.text.split()
        windows: list[str] = []
        pending = [words[i : i + 150] for i in range(0, max(1, len(words)), 150)]  # ~200 word pieces each
        while pending:
            part = pending.pop(0)
            text = prefix + " ".join(part)
            if len(part) > 8 and self.embedder.count_tokens(text) > self.embedder.max_tokens:
                half = len(part) // 2  # rare: long words; never let the model cut a window silently
                pending[:0] = [part[:half], part[half:]]
                continue
            windows.append(text)
        return windows

    def embed_units(self, chunks: list[Chunk], quotes: list[Quote]) -> dict[str, np.ndarray]:
        """Embed every chunk and quote window of a document (or of several) in one batch."""
        texts = [c.text for c in chunks]
        owners: list[str] = [c.id for c in chunks]
        for q in quotes:
            for w in self.quote_windows(q):
                texts.append(w)
                owners.append(q.id + ":all")
        embedded = self.embedder.embed(texts)
        out: dict[str, np.ndarray] = {}
        grouped: dict[str, list[np.ndarray]] = {}
        for owner, vec in zip(owners, embedded, strict=True):
            if owner.endswith(":all"):
                grouped.setdefault(owner, []).append(vec)
            else:
                out[owner] = vec
        out.update({k: np.stack(v) for k, v in grouped.items()})
        return out

    def rebuild_vectors(self, on_progress: Callable[[int, int], None] | None = None, batch: int = 16, ids: list[str] | None = None) -> None:
        """Re-embed every chunk and quote from the catalogue (after a restore, or a model change), or those of `ids`."""
        ids = self.catalogue.document_ids() if ids is None else ids
        for start in range(0, len(ids), batch):
            docs = self.catalogue.documents_by_ids(ids[start : start + batch])
            parts = [(d, self.catalogue.chunks_for_document(d.id), self.catalogue.quotes_for_document(d.id)) for d in docs.values()]
            vectors = self.embed_units([c for _, cs, _ in parts for c in cs], [q for _, _, qs in parts for q in qs])
            for doc, chunks, quotes in parts:
                self._write_vectors(doc, chunks, quotes, vectors)
            if on_progress:
                on_progress(min(start + batch, len(ids)), len(ids))

    def check(self, repair: bool = False) -> CheckReport:
        """Compare vectors with the catalogue; with `repair`, delete orphans and re-embed what is missing."""
        report = CheckReport()
        chunk_vectors, quote_vectors = self.vectors.owners(CHUNKS), self.vectors.owners(QUOTES)
        quotes_with_vectors = {vid.split(":", 1)[0] for vid in quote_vectors}
        known_chunks: set[str] = set()
        known_quotes: set[str] = set()
        for doc_id in self.catalogue.document_ids():
            chunks, quotes = self.catalogue.ids_for_document(doc_id)
            known_chunks |= chunks
            known_quotes |= quotes
            missing = len(chunks - chunk_vectors.keys()) + len(quotes - quotes_with_vectors)
            if missing:
                report.missing_vectors += missing
                report.documents_to_reembed.append(doc_id)
        orphan_chunks = [vid for vid in chunk_vectors if vid not in known_chunks]
        orphan_quotes = [vid for vid in quote_vectors if vid.split(":", 1)[0] not in known_quotes]
        report.orphan_vectors = len(orphan_chunks) + len(orphan_quotes)
        if repair and not report.consistent:
            self.vectors.delete(CHUNKS, orphan_chunks)
            self.vectors.delete(QUOTES, orphan_quotes)
            self.rebuild_vectors(ids=report.documents_to_reembed)
            report.repaired = True
        return report

    # -- reading -----------------------------------------------------------------------------
    def prepare_search(self, query: SearchQuery) -> None:
        """The query's vector, made ahead of the search itself (see Searcher.prepare)."""
        self.searcher.prepare(query)

    def search_quotes(self, query: SearchQuery) -> SearchPage:
        return self.searcher.quotes(query)

    def search_passages(self, query: SearchQuery) -> SearchPage:
        return self.searcher.passages(query)

    def document(self, doc_id: str) -> tuple[Document, list[Quote]]:
        doc = self.catalogue.get_document(doc_id)
        if doc is None:
            raise NotFound(f"no document with id {doc_id!r}")
        return doc, self.catalogue.quotes_for_document(doc_id)

    def quote(self, quote_id: str) -> tuple[Quote, Document]:
        found = self.catalogue.quotes_by_ids([quote_id]).get(quote_id)
        if found is None:
            raise NotFound(f"no quote with id {quote_id!r}")
        doc = self.catalogue.get_document(found.document_id)
        assert doc is not None  # foreign key
        return found, doc

    def speaker(self, speaker_id: str) -> Speaker:
        found = self.catalogue.get_speaker(speaker_id)
        if found is None:
            raise NotFound(f"no speaker with id {speaker_id!r}")
        return found

    def speakers(self, query: str | None = None, limit: int = 50, offset: int = 0) -> list[Speaker]:
        return self.catalogue.list_speakers(query, limit, offset)

    def speaker_quotes(self, speaker_id: str, limit: int, offset: int) -> list[tuple[Quote, Document]]:
        speaker_id = self.speaker(speaker_id).id  # an old id reads the entry it became
        quotes = self.catalogue.speaker_quotes(speaker_id, limit, offset)
        docs = self.catalogue.documents_by_ids(q.document_id for q in quotes)
        return [(q, docs[q.document_id]) for q in quotes]

    def speakers_page(self, query: str | None, limit: int, cursor: str | None) -> Page[Speaker]:
        """Speakers (most quoted first), paged like every list."""

        def load(ranked: list[tuple[str, float]], _: int) -> list[Speaker]:
            return [s for s in (self.catalogue.get_speaker(i) for i, _ in ranked) if s is not None]

        return self.pager.page(
            scope_of("speakers", {"q": query}, limit), cursor, limit,
            lambda depth: [(s.id, float(s.quote_count)) for s in self.catalogue.list_speakers(query, depth, 0)], load, _list_depth,
            positional=True,
        )

    def speaker_quotes_page(self, speaker_id: str, limit: int, cursor: str | None) -> Page[tuple[Quote, Document]]:
        """A speaker's quotes, newest document first, paged like every list."""
        speaker_id = self.speaker(speaker_id).id  # an old id reads the entry it became

        def load(ranked: list[tuple[str, float]], _: int) -> list[tuple[Quote, Document]]:
            quotes = self.catalogue.quotes_by_ids(i for i, _ in ranked)
            docs = self.catalogue.documents_by_ids(q.document_id for q in quotes.values())
            return [(quotes[i], docs[quotes[i].document_id]) for i, _ in ranked if i in quotes]

        return self.pager.page(
            scope_of("speaker_quotes", {"speaker": speaker_id}, limit), cursor, limit,
            lambda depth: [(q.id, 0.0) for q in self.catalogue.speaker_quotes(speaker_id, depth, 0)], load, _list_depth,
            positional=True,
        )

    def stats(self) -> dict[str, object]:
        """Counts of what is stored, and of the noise extraction rejected from it, by kind (`rejected`)."""
        stats: dict[str, object] = dict(self.catalogue.stats())
        stats["vectors"] = self.vectors.count(QUOTES) + self.vectors.count(CHUNKS)
        stats["rejected"] = self.catalogue.noise_counts()
        return stats


def _list_depth(offset: int, limit: int) -> int:
    """How far a catalogue list is read for a page: a few pages ahead, so later pages come from the snapshot."""
    return max(200, (offset + limit) * 4)


def _stack(vectors: list[np.ndarray], dimension: int) -> np.ndarray:
    return np.stack(vectors) if vectors else np.zeros((0, dimension), dtype=np.float32)
