"""Hybrid retrieval over quotes and passages: dense (Chroma) + BM25 (SQLite FTS5), fused by reciprocal rank."""

from __future__ import annotations

import re
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, fields
from threading import Lock
from typing import Any, Literal

import numpy as np

from kb.catalogue import Catalogue, QuoteFilter, quote_text_key
from kb.catalogue.protocol import organization_keys, speakers_of_organization
from kb.errors import InvalidInput
from kb.models import Chunk, Document, Quote, SearchMode
from kb.paging import Pager, scope_of
from kb.vectors import CHUNKS, QUOTES, VectorStore

Mode = Literal["hybrid", "semantic", "keyword", "phrase"]
MODES: tuple[str, ...] = tuple(m.value for m in SearchMode)
RRF_K = 10  # small k favours agreement near the top; chosen on QMSum val, checked on train (evals/RESULTS.md)


@dataclass(frozen=True)
class SearchTuning:
    """Every threshold of the search path, in one place."""

    # A filter that leaves at most this many quotes is scored exactly (their vectors, one matrix product)
    # instead of asking the HNSW index to filter, which cost 70 ms in Chroma even for 50 quotes of 20,000;
    # past it, listing the quotes and gathering their vectors costs more than Chroma's filtered walk.
    exact_max_quotes: int = 5_000
    # Past that, the nearest neighbours of the whole index are read this deep (at most) and the filter applied to them in
    # the catalogue: exact whenever enough of them pass, and a few ms where Chroma's filtered walk takes hundreds
    # (a year of 100,000 quotes: 330 ms). Too few passing falls back to the filtered walk.
    overfetch_max: int = 2_000
    # When too few of those pass (the filter is rarer among this query's neighbours than in the whole corpus: an
    # organisation's 2% of a million quotes), one deeper read, up to this, before the filtered walk (a second at 1M).
    overfetch_retry_max: int = 8_000
    # The first read takes this many times the neighbours the filter's share says are needed. HNSW is approximate and
    # a shallower read is a less exact one: at 1.5 a year's hybrid search was 1 ms faster (100k quotes) but 19 of 400
    # top-10 lists changed.
    overfetch_margin: float = 2.0
    # A filter of dates, kinds or publishers is counted up to this many quotes to learn its share (and so how deep to
    # over-fetch); past it the share only makes the read shallower than it needs to be, at a counting cost.
    count_max: int = 50_000
    min_depth: int = 50  # candidates each half hands to fusion, at least; (offset + limit) * depth_factor, at most max_depth
    depth_factor: int = 4
    max_depth: int = 1000
    # In hybrid mode, words found in more than this share of all quotes are left out of BM25 when rarer ones
    # remain: they add little to its ranking but cost a score for every row they match ("people", "president").
    # 1% rather than 5%: the keyword half at 100k quotes p50 9.0 -> 3.0 ms, and QMSum hybrid no worse on val
    # (recall@5 0.322 -> 0.332, MRR 0.555 -> 0.562) nor on train (0.363 -> 0.368, 0.590 -> 0.594); evals/RESULTS.md.
    keyword_common_share: float = 0.01
    # Who a speaker or organisation filter names is remembered this long (an organisation is a scan of every quote);
    # this process's own writes forget it at once, other processes' within this time.
    filter_cache_s: float = 30.0
    embedding_cache: int = 2048  # query vectors kept, so paging and filter changes skip the model
    parallel: bool = True  # dense and keyword halves at the same time (the model, Chroma and SQLite release the GIL)


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
    min_confidence: float | None = None


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


def _scope(endpoint: str, query: SearchQuery) -> str:
    """A cursor is bound to the endpoint and everything asked except the cursor itself."""
    params = {k: v for k, v in vars(query).items() if k not in ("cursor", "limit")}
    return scope_of(endpoint, params, query.limit)


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


def _restricts(flt: QuoteFilter) -> bool:
    return any(getattr(flt, f.name) for f in fields(flt)) or flt.speaker_ids is not None


class _EmbeddingCache:
    """A small LRU of query vectors: the same words typed again (next page, another filter) skip the model."""

    def __init__(self, embed: Callable[[list[str]], np.ndarray], size: int) -> None:
        self._embed, self._size = embed, size
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = Lock()

    def __call__(self, text: str) -> np.ndarray:
        with self._lock:
            found = self._vectors.get(text)
            if found is not None:
                self._vectors.move_to_end(text)
                return found
        vector = self._embed([text])[0]
        vector.setflags(write=False)
        with self._lock:
            self._vectors[text] = vector
            if len(self._vectors) > self._size:
                self._vectors.popitem(last=False)
        return vector


class Searcher:
    """Runs searches against the catalogue and the vector store."""

    def __init__(
        self, catalogue: Catalogue, vectors: VectorStore, embed: Callable[[list[str]], np.ndarray], tuning: SearchTuning | None = None,
        pager: Pager | None = None,
    ) -> None:
        self.catalogue = catalogue
        self.pager = pager or Pager.in_memory()
        self.vectors = vectors
        self.embed = embed
        self.tuning = tuning or SearchTuning()
        self._query_vector = _EmbeddingCache(embed, self.tuning.embedding_cache)
        self._speaker_ids: dict[tuple[str, str], tuple[float, list[str]]] = {}
        self._filter_sizes: dict[tuple[object, ...], tuple[float, int]] = {}  # (dates, kinds, publishers) -> (when, quotes)
        self._organizations: tuple[float, list[tuple[str, str]]] | None = None  # (when read, (organisation key, speaker id))
        self._pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="kb-search") if self.tuning.parallel else None

    def use_query_embedder(self, embed: Callable[[list[str]], np.ndarray]) -> None:
        """Embed queries with this (the same vectors, faster) from now on; the cache starts afresh."""
        self.embed = embed
        self._query_vector = _EmbeddingCache(embed, self.tuning.embedding_cache)

    def prepare(self, query: SearchQuery) -> None:
        """Embed the query now (kept in the cache), before a caller waits for a search slot: concurrent queries are
        embedded together (kb.query_batching) and the slot is then held only for the catalogue and index work."""
        if query.mode in ("hybrid", "semantic") and query.q.strip():
            self._query_vector(query.q)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False)

    def forget_filters(self) -> None:
        """Speakers may have changed (a write): resolve speaker and organisation names afresh."""
        self._speaker_ids.clear()
        self._filter_sizes.clear()
        self._organizations = None

    def _remembered(self, cache: dict[Any, tuple[float, Any]], key: Any, compute: Callable[[float], Any]) -> Any:
        """`compute(now)`, kept in `cache` under `key` for filter_cache_s (the cache is emptied past 10,000 keys)."""
        now = time.monotonic()
        found = cache.get(key)
        if found is not None and now - found[0] < self.tuning.filter_cache_s:
            return found[1]
        value = compute(now)
        if len(cache) > 10_000:
            cache.clear()
        cache[key] = (now, value)
        return value

    def _ids_for(self, kind: str, name: str) -> list[str]:
        return self._remembered(  # type: ignore[no-any-return]
            self._speaker_ids, (kind, name),
            lambda now: self.catalogue.speaker_ids_matching(name) if kind == "speaker" else self._organization_ids(name, now),
        )

    def _organization_ids(self, name: str, now: float) -> list[str]:
        """Speakers of every organisation whose name holds these words. The catalogue's (organisation, speaker) pairs are
        read once per filter_cache_s for all names: each new name was a scan of the organisation index (10 ms at
        100,000 quotes, growing with the corpus); matching a few thousand pairs in memory takes well under one."""
        if self._organizations is None or now - self._organizations[0] >= self.tuning.filter_cache_s:
            self._organizations = (now, organization_keys(self.catalogue.organization_speakers()))
        return speakers_of_organization(self._organizations[1], name)

    def resolve_filter(self, query: SearchQuery) -> QuoteFilter:
        speaker_ids: list[str] | None = None
        if query.speaker:
            speaker_ids = self._ids_for("speaker", query.speaker)
        if query.organization:
            org_ids = self._ids_for("organization", query.organization)
            speaker_ids = org_ids if speaker_ids is None else sorted(set(speaker_ids) & set(org_ids))
        if query.since and query.until and query.since > query.until:
            raise InvalidInput("'since' is after 'until'")
        if query.min_confidence is not None and not 0.0 <= query.min_confidence <= 1.0:
            raise InvalidInput("'min_confidence' must be between 0 and 1")
        return QuoteFilter(
            speaker_ids=speaker_ids, kinds=query.kinds, doc_kinds=query.doc_kinds, publishers=query.publishers,
            since=query.since, until=query.until, document_ids=query.document_ids, min_confidence=query.min_confidence,
        )

    def _depth(self, offset: int, limit: int) -> int:
        t = self.tuning
        return min(t.max_depth, max(t.min_depth, (offset + limit) * t.depth_factor))

    # -- quotes ------------------------------------------------------------------------------
    def quotes(self, query: SearchQuery) -> SearchPage:
        if query.mode not in MODES:
            raise InvalidInput(f"mode must be one of {', '.join(MODES)}")
        flt = self.resolve_filter(query)
        if flt.speaker_ids == []:
            return SearchPage([], None)  # a speaker or organisation that matches no one matches no quote
        page = self.pager.page(
            _scope("quotes", query), query.cursor, query.limit, lambda depth: self._rank_quotes(query, flt, depth), self._group, self._depth,
        )
        return SearchPage(page.items, page.next_cursor)

    def _rank_quotes(self, query: SearchQuery, flt: QuoteFilter, depth: int) -> list[tuple[str, float]]:
        if query.mode == "phrase":
            needle = _squash(query.q)
            found = self.catalogue.keyword_quotes(query.q, flt, depth, phrase=True)
            quotes = self.catalogue.quotes_by_ids(i for i, _ in found)
            return [(i, s) for i, s in found if i in quotes and needle in _squash(quotes[i].text)]
        halves: list[Callable[[], list[tuple[str, float]]]] = []
        if query.mode in ("hybrid", "semantic"):
            vector = self._vector_soon(query.q)
            halves.append(lambda: self._dense_quotes(vector, flt, depth))
        if query.mode in ("hybrid", "keyword"):
            # Keyword mode ranks by every word, as BM25 would; in hybrid the dense half carries the common words'
            # meaning, and leaving them out of BM25 scored higher on QMSum val (evals/RESULTS.md).
            share = self.tuning.keyword_common_share if query.mode == "hybrid" else 1.0
            halves.append(lambda: self.catalogue.keyword_quotes(query.q, flt, depth, common_share=share))
        rankings = self._run(halves)
        if len(rankings) == 1:
            return rankings[0]
        return rrf([[i for i, _ in r] for r in rankings])

    def _vector_soon(self, q: str) -> Callable[[], np.ndarray]:
        """The query's vector, started now: the model runs while the keyword half and the filter's catalogue work do."""
        if self._pool is None:
            return lambda: self._query_vector(q)
        future = self._pool.submit(self._query_vector, q)
        return future.result

    def _run(self, halves: list[Callable[[], list[tuple[str, float]]]]) -> list[list[tuple[str, float]]]:
        """Both halves at once when there are two: the slower one sets the time, not their sum."""
        if self._pool is None or len(halves) == 1:
            return [half() for half in halves]
        later = [self._pool.submit(half) for half in halves[1:]]
        first = halves[0]()
        return [first, *(f.result() for f in later)]

    def _dense_quotes(self, vector_of: Callable[[], np.ndarray], flt: QuoteFilter, depth: int) -> list[tuple[str, float]]:
        """The filter's catalogue work first, the vector when it is needed: the query may still be in the model."""
        if not _restricts(flt):
            return self._passing(self.vectors.query(QUOTES, vector_of(), depth, None), flt)
        t = self.tuning
        size = None
        if flt.speaker_ids is None and not flt.document_ids:  # dates, kinds, publishers: often a large share, so counted first
            size = self._filter_size(flt)
        if size is None or size <= t.exact_max_quotes:
            candidates = self.catalogue.quote_ids_matching(flt, t.exact_max_quotes + 1)
            if len(candidates) <= t.exact_max_quotes:
                return self._exact(vector_of(), candidates, depth)
            size = len(candidates)
        vector = vector_of()
        found = self._overfetched(vector, flt, depth, size)
        if found is not None:
            return found
        return self._passing(self.vectors.query(QUOTES, vector, depth, flt), flt)

    def _filter_size(self, flt: QuoteFilter) -> int:
        """How many quotes a filter of dates, kinds, publishers or confidence leaves (up to count_max), remembered for filter_cache_s:
        counting a year of 100,000 quotes is 1-4 ms, and staff page through and refine within the same few ranges."""
        key = (flt.since, flt.until, tuple(flt.kinds or ()), tuple(flt.doc_kinds or ()), tuple(flt.publishers or ()), flt.min_confidence)
        return self._remembered(self._filter_sizes, key, lambda _: self.catalogue.count_quotes_matching(flt, self.tuning.count_max))  # type: ignore[no-any-return]

    def _passing(self, raw: list[tuple[str, float]], flt: QuoteFilter, need: int | None = None) -> list[tuple[str, float]]:
        """Chroma's nearest vectors as quotes (each at its best window), best first, that the catalogue holds and `flt`
        passes. With `need`, the best three fifths are checked first and the rest only when fewer than `need` of them
        pass: the best `need` passing are then all among them (an over-fetch reads twice what the filter's share needs)."""
        best: dict[str, float] = {}
        for vid, score in raw:  # a long quote has several vectors: keep its best
            qid = vid.split(":", 1)[0]
            if score > best.get(qid, -2.0):
                best[qid] = score
        ranked = sorted(best.items(), key=lambda kv: -kv[1])
        first = len(ranked) if need is None else max(need, len(ranked) * 3 // 5)
        out: list[tuple[str, float]] = []
        for part in (ranked[:first], ranked[first:]):
            if part and (need is None or len(out) < need):
                alive = self.catalogue.filter_quote_ids([i for i, _ in part], flt)  # a half-written document's vectors stay invisible
                out += [(i, s) for i, s in part if i in alive]
        return out

    def _overfetched(self, vector: np.ndarray, flt: QuoteFilter, depth: int, at_least: int) -> list[tuple[str, float]] | None:
        """A large filter's best quotes from the unfiltered index, or None when too few of its nearest pass.

        When `depth` of the nearest k pass, they are the filter's best `depth` (every quote outside the k ranks
        below all of them), so this is what the filtered walk returns, minus its cost."""
        if self.tuning.overfetch_max < depth:
            return None
        share = at_least / max(1, self.catalogue.stats().get("quotes", 0))  # the filter's share, at least (counts are capped)
        k = min(self.tuning.overfetch_max, max(depth, int(self.tuning.overfetch_margin * depth / max(share, 1e-6))))
        for _ in range(2):
            raw = self.vectors.query(QUOTES, vector, k, None)
            found = self._passing(raw, flt, depth)
            if len(found) >= depth or len(raw) < k:  # fewer than k: the whole index was read
                return found[:depth]
            deeper = min(self.tuning.overfetch_retry_max, int(2 * k * depth / max(1, len(found))))
            if deeper <= k:
                break
            k = deeper
        return None

    def _exact(self, vector: np.ndarray, candidates: list[str], depth: int) -> list[tuple[str, float]]:
        """Cosine against every vector of the filtered quotes: exact, and cheaper than a filtered HNSW walk."""
        owners, matrix = self.vectors.quote_vectors(candidates)
        if not owners:
            return []
        norms = np.linalg.norm(matrix, axis=1) * float(np.linalg.norm(vector)) + 1e-12
        scores = (matrix @ vector) / norms
        keep = min(len(scores), depth * 2)  # a quote's extra windows can take a few of the best rows
        top = np.argpartition(-scores, keep - 1)[:keep] if keep < len(scores) else np.arange(len(scores))
        best: dict[str, float] = {}
        for row in top[np.argsort(-scores[top], kind="stable")]:
            best.setdefault(owners[row], float(scores[row]))
        return sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))[:depth]

    def _group(self, ranked: list[tuple[str, float]], need: int) -> list[QuoteHit]:
        """The first `need` distinct quotes of the ranking as hits; reads only as far down the ranking as it must.

        Each window of the ranking costs a fixed number of catalogue statements (quotes, exact copies, trimmed copies,
        every document), not a few per hit: under concurrent searches each statement waits to retake the interpreter
        lock, and that wait, not SQLite, was most of a search. Trimmed copies were linked when stored (kb.syndication)."""
        hits: list[QuoteHit] = []
        seen: set[str] = set()
        start, size = 0, max(need + need // 2, 8)
        while start < len(ranked) and len(hits) < need:
            window = ranked[start : start + size]
            start, size = start + size, size * 2
            quotes = self.catalogue.quotes_by_ids(i for i, _ in window)
            keys = {i: quote_text_key(q.text) for i, q in quotes.items()}
            same = self.catalogue.quotes_sharing_text(k for k in keys.values() if k not in seen)
            near = self.catalogue.copies_of(i for i, k in keys.items() if k not in seen)
            docs = self.catalogue.documents_by_ids(
                {q.document_id for group in same.values() for q in group} | {q.document_id for q in quotes.values()}
                | {q.document_id for group in near.values() for q in group}
            )
            for qid, score in window:
                quote = quotes.get(qid)
                if quote is None or keys[qid] in seen:
                    continue
                seen.add(keys[qid])
                doc = docs[quote.document_id]
                others = [(o, docs[o.document_id]) for o in same.get(keys[qid], []) if o.id != qid and o.document_id in docs]
                overlapping = [(o, docs[o.document_id]) for o in near.get(qid, [])
                               if o.document_id in docs and o.document_id != quote.document_id]
                seen.update(quote_text_key(o.text) for o, _ in overlapping)  # a trimmed copy is this hit's source, not a hit of its own
                others += overlapping
                hits.append(QuoteHit(quote, doc, context_around(doc.text, quote.start, quote.end), score, others))
                if len(hits) == need:
                    break
        return hits

    # -- passages ----------------------------------------------------------------------------
    def passages(self, query: SearchQuery) -> SearchPage:
        page = self.pager.page(
            _scope("passages", query), query.cursor, query.limit, lambda depth: self._rank_passages(query, depth), self._passage_hits,
            self._depth, positional=True,
        )
        return SearchPage(page.items, page.next_cursor)

    def _rank_passages(self, query: SearchQuery, depth: int) -> list[tuple[str, float]]:
        halves: list[Callable[[], list[tuple[str, float]]]] = []
        if query.mode in ("hybrid", "semantic"):
            halves.append(lambda: self.vectors.query(CHUNKS, self._query_vector(query.q), depth))
        if query.mode in ("hybrid", "keyword", "phrase"):
            halves.append(lambda: self.catalogue.keyword_chunks(query.q, depth, phrase=query.mode == "phrase"))
        rankings = self._run(halves)
        return rankings[0] if len(rankings) == 1 else rrf([[i for i, _ in r] for r in rankings])

    def _passage_hits(self, ranked: list[tuple[str, float]], need: int) -> list[PassageHit]:
        chunks = self.catalogue.chunks_by_ids(i for i, _ in ranked[:need])
        docs = self.catalogue.documents_by_ids(c.document_id for c in chunks.values())
        return [PassageHit(chunks[i], docs[chunks[i].document_id], s) for i, s in ranked[:need] if i in chunks]
