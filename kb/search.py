"""Hybrid retrieval over quotes and passages: dense (Chroma) + BM25 (SQLite FTS5), fused by reciprocal rank."""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from kb.catalogue import Catalogue, QuoteFilter, quote_text_key
from kb.errors import InvalidInput
from kb.models import Chunk, Document, Quote
from kb.vectors import CHUNKS, QUOTES, VectorStore

Mode = Literal["hybrid", "semantic", "keyword", "phrase"]
MODES = ("hybrid", "semantic", "keyword", "phrase")
RRF_K = 10  # small k favours agreement near the top; chosen on QMSum val, checked on train (evals/RESULTS.md)


@dataclass
class SearchQuery:
    """A search as a user asks it; every filter narrows, none widens."""

    q: str
    mode: str = "hybrid"
    limit: int = 10
    cursor: str | None = None
    speaker: str | None = None
    organization: str | None = None
    kinds: list[str] | None = None
    doc_kinds: list[str] | None = None
    publishers: list[str] | None = None
    since: str | None = None
    until: str | None = None
    document_ids: list[str] | None = None


@dataclass
class QuoteHit:
    """One result: a quote with its document, the text around it, and every other source of the same words."""

    quote: Quote
    document: Document
    context: str
    score: float
    sources: list[tuple[Quote, Document]] = field(default_factory=list)


@dataclass
class PassageHit:
    chunk: Chunk
    document: Document
    score: float


@dataclass
class SearchPage:
    results: list[Any]
    next_cursor: str | None


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"o": offset}).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        offset = json.loads(base64.urlsafe_b64decode(padded.encode()))["o"]
    except (ValueError, KeyError, TypeError) as e:
        raise InvalidInput("cursor is not one this server issued; start again without it") from e
    if not isinstance(offset, int) or offset < 0 or offset > 10_000:
        raise InvalidInput("cursor is out of range")
    return offset


def rrf(rankings: list[list[str]], k: int = RRF_K) -> list[tuple[str, float]]:
    """Reciprocal rank fusion: each list adds 1/(k + rank) to the items it ranks."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))


def _squash(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def context_around(text: str, start: int, end: int, chars: int = 200) -> str:
    """The quote with up to a sentence or so either side, cut at sentence or word boundaries."""
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    left = max(para_start, start - chars)
    right = min(para_end, end + chars)
    if left > para_start:
        cut = max(text.rfind(". ", left, start), text.rfind("? ", left, start), text.rfind("! ", left, start))
        left = cut + 2 if cut >= 0 else text.find(" ", left, start) + 1 or left
    if right < para_end:
        cut = max(text.rfind(". ", end, right), text.rfind("? ", end, right), text.rfind("! ", end, right))
        right = cut + 1 if cut >= 0 else (text.rfind(" ", end, right) if text.rfind(" ", end, right) > end else right)
    return text[left:right].strip()


def where_clause(flt: QuoteFilter) -> dict[str, Any] | None:
    """The same filter in Chroma's metadata language, so the nearest neighbours already obey it."""
    clauses: list[dict[str, Any]] = []
    if flt.speaker_ids is not None:
        clauses.append({"speaker_id": {"$in": flt.speaker_ids or [""]}})
    if flt.kinds:
        clauses.append({"kind": {"$in": flt.kinds}})
    if flt.doc_kinds:
        clauses.append({"doc_kind": {"$in": flt.doc_kinds}})
    if flt.publishers:
        clauses.append({"publisher": {"$in": [p.lower() for p in flt.publishers]}})
    if flt.document_ids:
        clauses.append({"document_id": {"$in": flt.document_ids}})
    if flt.since:
        clauses.append({"published": {"$gte": date_number(flt.since)}})
    if flt.until:
        clauses.append({"published": {"$lte": date_number(flt.until)}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def date_number(iso: str | None) -> int:
    """2017-04-03 -> 20170403 (Chroma compares numbers, not strings); 0 when unknown."""
    return int(iso.replace("-", "")) if iso else 0


class Searcher:
    """Runs searches against the catalogue and the vector store."""

    def __init__(self, catalogue: Catalogue, vectors: VectorStore, embed: Callable[[list[str]], np.ndarray]) -> None:
        self.catalogue = catalogue
        self.vectors = vectors
        self.embed = embed

    def resolve_filter(self, query: SearchQuery) -> QuoteFilter:
        speaker_ids: list[str] | None = None
        if query.speaker:
            speaker_ids = self.catalogue.speaker_ids_matching(query.speaker)
        if query.organization:
            org_ids = self.catalogue.speaker_ids_for_organization(query.organization)
            speaker_ids = org_ids if speaker_ids is None else sorted(set(speaker_ids) & set(org_ids))
        if query.since and query.until and query.since > query.until:
            raise InvalidInput("'since' is after 'until'")
        return QuoteFilter(
            speaker_ids=speaker_ids, kinds=query.kinds, doc_kinds=query.doc_kinds, publishers=query.publishers,
            since=query.since, until=query.until, document_ids=query.document_ids,
        )

    # -- quotes ------------------------------------------------------------------------------
    def quotes(self, query: SearchQuery) -> SearchPage:
        if query.mode not in MODES:
            raise InvalidInput(f"mode must be one of {', '.join(MODES)}")
        offset = decode_cursor(query.cursor)
        flt = self.resolve_filter(query)
        if flt.speaker_ids == []:
            return SearchPage([], None)  # a speaker or organisation that matches no one matches no quote
        depth = min(1000, max(50, (offset + query.limit) * 4))
        ranked = self._rank_quotes(query, flt, depth)
        hits = self._group(ranked)
        page = hits[offset : offset + query.limit]
        more = len(hits) > offset + query.limit
        return SearchPage(page, encode_cursor(offset + query.limit) if more else None)

    def _rank_quotes(self, query: SearchQuery, flt: QuoteFilter, depth: int) -> list[tuple[str, float]]:
        if query.mode == "phrase":
            needle = _squash(query.q)
            found = self.catalogue.keyword_quotes(query.q, flt, depth, phrase=True)
            quotes = self.catalogue.quotes_by_ids(i for i, _ in found)
            return [(i, s) for i, s in found if needle in _squash(quotes[i].text)]
        rankings: list[list[tuple[str, float]]] = []
        if query.mode in ("hybrid", "semantic"):
            rankings.append(self._dense_quotes(query.q, flt, depth))
        if query.mode in ("hybrid", "keyword"):
            rankings.append(self.catalogue.keyword_quotes(query.q, flt, depth))
        if len(rankings) == 1:
            return rankings[0]
        return rrf([[i for i, _ in r] for r in rankings])

    def _dense_quotes(self, q: str, flt: QuoteFilter, depth: int) -> list[tuple[str, float]]:
        vector = self.embed([q])[0]
        raw = self.vectors.query(QUOTES, vector, depth, where_clause(flt))
        best: dict[str, float] = {}
        for vid, score in raw:  # a long quote has several vectors: keep its best
            qid = vid.split(":", 1)[0]
            best[qid] = max(score, best.get(qid, -1.0))
        alive = self.catalogue.filter_quote_ids(list(best), flt)  # vectors of a half-written document stay invisible
        return sorted(((i, s) for i, s in best.items() if i in alive), key=lambda kv: -kv[1])

    def _group(self, ranked: list[tuple[str, float]]) -> list[QuoteHit]:
        quotes = self.catalogue.quotes_by_ids(i for i, _ in ranked)
        keys = {i: quote_text_key(q.text) for i, q in quotes.items()}
        same = self.catalogue.quotes_sharing_text(keys.values())
        docs = self.catalogue.documents_by_ids({q.document_id for group in same.values() for q in group} | {q.document_id for q in quotes.values()})
        hits: list[QuoteHit] = []
        seen: set[str] = set()
        for qid, score in ranked:
            quote = quotes.get(qid)
            if quote is None or keys[qid] in seen:
                continue
            seen.add(keys[qid])
            doc = docs[quote.document_id]
            others = [(o, docs[o.document_id]) for o in same.get(keys[qid], []) if o.id != qid and o.document_id in docs]
            hits.append(QuoteHit(quote, doc, context_around(doc.text, quote.start, quote.end), score, others))
        return hits

    # -- passages ----------------------------------------------------------------------------
    def passages(self, query: SearchQuery) -> SearchPage:
        offset = decode_cursor(query.cursor)
        depth = min(1000, max(50, (offset + query.limit) * 4))
        rankings: list[list[tuple[str, float]]] = []
        if query.mode in ("hybrid", "semantic"):
            vector = self.embed([query.q])[0]
            rankings.append(self.vectors.query(CHUNKS, vector, depth))
        if query.mode in ("hybrid", "keyword", "phrase"):
            rankings.append(self.catalogue.keyword_chunks(query.q, depth, phrase=query.mode == "phrase"))
        ranked = rankings[0] if len(rankings) == 1 else rrf([[i for i, _ in r] for r in rankings])
        chunks = self.catalogue.chunks_by_ids(i for i, _ in ranked)
        docs = self.catalogue.documents_by_ids(c.document_id for c in chunks.values())
        hits = [PassageHit(chunks[i], docs[chunks[i].document_id], s) for i, s in ranked if i in chunks]
        page = hits[offset : offset + query.limit]
        return SearchPage(page, encode_cursor(offset + query.limit) if len(hits) > offset + query.limit else None)
