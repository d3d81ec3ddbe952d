"""Vector storage behind a small interface: Chroma, embedded (one process) or a server (many)."""

from __future__ import annotations

import fcntl
from collections import OrderedDict
import os
import threading
import time
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

import numpy as np

from kb.catalogue import QuoteFilter
from kb.errors import StoreLocked, StoreUnavailable

QUOTES = "quotes"
CHUNKS = "chunks"
_FETCH_BATCH = 250  # Chroma's `$in` slows down more than linearly past a few hundred values
_FIRST_WINDOWS = 3  # vectors fetched by id per quote; a quote of over 300 words or so has more, fetched by quote_id


class VectorStore(Protocol):
    def upsert(self, collection: str, ids: list[str], vectors: np.ndarray, metadatas: list[dict[str, Any]]) -> None: ...

    def query(self, collection: str, vector: np.ndarray, limit: int, flt: QuoteFilter | None = None) -> list[tuple[str, float]]: ...

    def quote_vectors(self, quote_ids: list[str]) -> tuple[list[str], np.ndarray]:
        """Every vector of these quotes (a long quote has several) with the quote id of each row."""
        ...

    def delete_document(self, collection: str, document_id: str, keep: set[str]) -> None: ...

    def count(self, collection: str) -> int: ...

    def set_speakers(self, collection: str, speakers: dict[str, str]) -> None: ...

    def owners(self, collection: str) -> dict[str, str]:
        """Every vector id in a collection with its document id (for `kb check`)."""
        ...

    def delete(self, collection: str, ids: list[str]) -> None: ...

    def close(self) -> None: ...


def where_clause(flt: QuoteFilter | None) -> dict[str, Any] | None:
    """A quote filter in Chroma's metadata language, so the nearest neighbours already obey it."""
    if flt is None:
        return None
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


class _QuoteVectorCache:
    """Quote vectors this process has fetched, for exact scoring of small filtered sets.

    Bounded (cleared when full) and short-lived (entries older than `ttl_s` are fetched again), so a
    document rewritten by another process is seen within ttl_s; this process's own writes drop their entries.
    The matrices last assembled for a list of quotes (an organisation's, a speaker's) are kept too, so the same
    filter again costs one dictionary lookup; any drop or clear makes them stale.
    """

    def __init__(self, max_rows: int = 300_000, ttl_s: float = 300.0, max_sets: int = 64) -> None:
        self.max_rows, self.ttl_s, self.max_sets = max_rows, ttl_s, max_sets
        self._rows: dict[str, tuple[float, np.ndarray]] = {}
        self._size = 0
        self._lock = threading.Lock()
        self.generation = 0  # changes whenever rows are dropped: assembled sets made before are stale
        self._sets: OrderedDict[tuple[str, ...], tuple[int, float, list[str], np.ndarray]] = OrderedDict()

    def get(self, quote_id: str, now: float) -> tuple[float, np.ndarray] | None:
        """The rows of a quote with the time they were fetched, unless expired."""
        found = self._rows.get(quote_id)
        return found if found is not None and now - found[0] < self.ttl_s else None

    def put_many(self, vectors: dict[str, np.ndarray], now: float) -> None:
        with self._lock:
            if self._size + sum(len(v) for v in vectors.values()) > self.max_rows:
                self._clear()
            for quote_id, rows in vectors.items():
                old = self._rows.get(quote_id)
                self._size += len(rows) - (len(old[1]) if old is not None else 0)
                self._rows[quote_id] = (now, rows)

    def drop(self, quote_ids: set[str]) -> None:
        with self._lock:
            for qid in quote_ids:
                old = self._rows.pop(qid, None)
                if old is not None:
                    self._size -= len(old[1])
            self.generation += 1
            self._sets.clear()

    def get_set(self, key: tuple[str, ...], now: float) -> tuple[list[str], np.ndarray] | None:
        with self._lock:
            found = self._sets.get(key)
            if found is None or found[0] != self.generation or now - found[1] >= self.ttl_s:
                return None
            self._sets.move_to_end(key)
            return found[2], found[3]

    def put_set(self, key: tuple[str, ...], owners: list[str], matrix: np.ndarray, since: float, generation: int) -> None:
        """`since`: when the oldest of its rows was fetched (the set expires with it)."""
        with self._lock:
            if generation != self.generation:
                return  # a write dropped rows meanwhile: do not keep what may hold them
            self._sets[key] = (generation, since, owners, matrix)
            while len(self._sets) > self.max_sets:
                self._sets.popitem(last=False)

    def _clear(self) -> None:
        self._rows.clear()
        self._size = 0
        self.generation += 1
        self._sets.clear()


def _as_matrix(embeddings: Any, rows: int) -> np.ndarray:
    return np.asarray(embeddings, dtype=np.float32).reshape(rows, -1) if rows else np.zeros((0, 0), dtype=np.float32)


def _grouped(ids: list[str], blocks: list[np.ndarray]) -> dict[str, np.ndarray]:
    """Vector rows (ids `quote_id:window`) as one matrix per quote, its windows in order."""
    blocks = [b for b in blocks if len(b)]
    if not ids or not blocks:
        return {}
    keys = [vid.rsplit(":", 1) for vid in ids]
    order = sorted(range(len(ids)), key=lambda i: (keys[i][0], int(keys[i][1])))
    matrix = np.concatenate(blocks)[order]
    owners = [keys[i][0] for i in order]
    out: dict[str, np.ndarray] = {}
    start = 0
    for end in range(1, len(owners) + 1):
        if end == len(owners) or owners[end] != owners[start]:
            out[owners[start]] = matrix[start:end]
            start = end
    return out


class _ProcessLock:
    """An exclusive lock on the embedded store; the OS drops it if the process dies, so it never goes stale."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._file = open(path, "a+")  # noqa: SIM115 - held for the life of the store
        try:
            fcntl.flock(self._file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as e:
            self._file.seek(0)
            holder = self._file.read().strip() or "another process"
            self._file.close()
            raise StoreLocked(
                f"the data folder {path.parent} is in use by {holder}. The embedded store allows one process at a time: "
                "stop it, send documents through its API (POST /v1/documents or /v1/ingest/jobs), "
                "or run a Chroma server and set KB_CHROMA_URL."
            ) from e
        self._file.seek(0)
        self._file.truncate()
        self._file.write(f"process {os.getpid()}")
        self._file.flush()

    def release(self) -> None:
        if not self._file.closed:
            fcntl.flock(self._file, fcntl.LOCK_UN)
            self._file.close()


class ChromaVectorStore:
    """Chroma collections created with embedding_function=None: kb embeds, Chroma only stores and ranks."""

    def __init__(self, data_dir: Path, url: str | None = None) -> None:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        self._lock: _ProcessLock | None = None
        try:
            if url:
                parts = urlsplit(url)
                self._client = chromadb.HttpClient(
                    host=parts.hostname or "localhost", port=parts.port or 8000, ssl=parts.scheme == "https", settings=chroma_settings
                )
            else:
                self._lock = _ProcessLock(data_dir / "embedded.lock")
                self._client = chromadb.PersistentClient(path=str(data_dir / "chroma"), settings=chroma_settings)
            self._collections = {name: self._open_collection(name, retries=3 if url else 1) for name in (QUOTES, CHUNKS)}
            self._batch = min(1000, int(self._client.get_max_batch_size()))
            self._cache = _QuoteVectorCache()
        except StoreLocked:
            raise
        except Exception as e:
            if self._lock:
                self._lock.release()
            where = url or str(data_dir / "chroma")
            raise StoreUnavailable(f"cannot open the vector store at {where}: {e.__class__.__name__}") from e

    def _open_collection(self, name: str, retries: int) -> Any:
        """get_or_create; on a shared server two processes starting at once can race to create, so the loser retries."""
        for attempt in range(retries):
            try:
                return self._client.get_or_create_collection(name, embedding_function=None, metadata={"hnsw:space": "cosine"})
            except Exception:
                if attempt == retries - 1:
                    raise
                time.sleep(0.5 * (attempt + 1))
        raise AssertionError("unreachable")

    def _call(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except Exception as e:  # Chroma raises many types for a lost server; callers need one
            raise StoreUnavailable(f"the vector store did not answer ({e.__class__.__name__})") from e

    def upsert(self, collection: str, ids: list[str], vectors: np.ndarray, metadatas: list[dict[str, Any]]) -> None:
        coll = self._collections[collection]
        if collection == QUOTES:
            self._cache.drop({vid.split(":", 1)[0] for vid in ids})
        for start in range(0, len(ids), self._batch):  # Chroma refuses batches above its maximum
            end = start + self._batch
            self._call(coll.upsert, ids=ids[start:end], embeddings=vectors[start:end], metadatas=metadatas[start:end])

    def query(self, collection: str, vector: np.ndarray, limit: int, flt: QuoteFilter | None = None) -> list[tuple[str, float]]:
        coll = self._collections[collection]
        result = self._call(coll.query, query_embeddings=[vector], n_results=limit, where=where_clause(flt), include=["distances"])
        return [(i, 1.0 - float(d)) for i, d in zip(result["ids"][0], result["distances"][0], strict=True)]

    def quote_vectors(self, quote_ids: list[str]) -> tuple[list[str], np.ndarray]:
        now = time.monotonic()
        key = tuple(quote_ids)
        known = self._cache.get_set(key, now)
        if known is not None:
            return known
        generation = self._cache.generation
        cached = {qid: found for qid in quote_ids if (found := self._cache.get(qid, now)) is not None}
        fetched = self._fetch_quote_vectors([qid for qid in quote_ids if qid not in cached])
        self._cache.put_many(fetched, now)
        owners: list[str] = []
        parts: list[np.ndarray] = []
        for qid in quote_ids:
            rows = fetched[qid] if qid in fetched else cached[qid][1] if qid in cached else None
            if rows is not None:
                owners.extend([qid] * len(rows))
                parts.append(rows)
        if not parts:
            return [], np.zeros((0, 0), dtype=np.float32)
        matrix = np.concatenate(parts)
        matrix.setflags(write=False)  # shared by every later search of the same filter
        self._cache.put_set(key, owners, matrix, min([now, *(t for t, _ in cached.values())]), generation)
        return owners, matrix

    def _fetch_quote_vectors(self, quote_ids: list[str]) -> dict[str, np.ndarray]:
        """Every vector of these quotes from Chroma, one matrix per quote in window order.

        By id (a key lookup; a metadata `where` scans in Chroma): the first windows of every quote, then, for the
        rare quote that has all of them, the rest by its quote_id. Rows are grouped with numpy rather than stacked
        a quote at a time, which was most of the cost (2,000 quotes: 155 ms of CPU)."""
        coll = self._collections[QUOTES]
        ids: list[str] = []
        blocks: list[np.ndarray] = []
        for start in range(0, len(quote_ids), 100):  # 300 ids a call: Chroma's id lookups slow down past a few hundred too
            part = quote_ids[start : start + 100]
            got = self._call(coll.get, ids=[f"{qid}:{n}" for qid in part for n in range(_FIRST_WINDOWS)], include=["embeddings"])
            ids.extend(got["ids"])
            blocks.append(_as_matrix(got["embeddings"], len(got["ids"])))
        fetched = _grouped(ids, blocks)
        longer = [qid for qid, rows in fetched.items() if len(rows) == _FIRST_WINDOWS]
        for start in range(0, len(longer), _FETCH_BATCH):
            got = self._call(coll.get, where={"quote_id": {"$in": longer[start : start + _FETCH_BATCH]}}, include=["embeddings"])
            fetched.update(_grouped(list(got["ids"]), [_as_matrix(got["embeddings"], len(got["ids"]))]))
        return fetched

    def delete_document(self, collection: str, document_id: str, keep: set[str]) -> None:
        """Remove a document's vectors except those kept (orphans of an interrupted run included)."""
        coll = self._collections[collection]
        found = self._call(coll.get, where={"document_id": document_id}, include=[])
        stale = [i for i in found["ids"] if i not in keep]
        if collection == QUOTES:
            self._cache.drop({vid.split(":", 1)[0] for vid in stale})
        for start in range(0, len(stale), self._batch):
            self._call(coll.delete, ids=stale[start : start + self._batch])

    def count(self, collection: str) -> int:
        return int(self._call(self._collections[collection].count))

    def set_speakers(self, collection: str, speakers: dict[str, str]) -> None:
        """Point the vectors of these quotes (quote id -> speaker id, '' for none) at their resolved speaker."""
        coll = self._collections[collection]
        quote_ids = sorted(speakers)
        for start in range(0, len(quote_ids), _FETCH_BATCH):
            part = quote_ids[start : start + _FETCH_BATCH]
            found = self._call(coll.get, where={"quote_id": {"$in": part}}, include=["metadatas"])
            if not found["ids"]:
                continue
            metas = [{**meta, "speaker_id": speakers[meta["quote_id"]]} for meta in found["metadatas"]]
            self._call(coll.update, ids=found["ids"], metadatas=metas)

    def owners(self, collection: str) -> dict[str, str]:
        coll = self._collections[collection]
        out: dict[str, str] = {}
        while True:
            got = self._call(coll.get, include=["metadatas"], limit=self._batch, offset=len(out))
            if not got["ids"]:
                return out
            for vid, meta in zip(got["ids"], got["metadatas"], strict=True):
                out[vid] = str((meta or {}).get("document_id", ""))

    def delete(self, collection: str, ids: list[str]) -> None:
        if collection == QUOTES:
            self._cache.drop({vid.split(":", 1)[0] for vid in ids})
        for start in range(0, len(ids), self._batch):
            self._call(self._collections[collection].delete, ids=ids[start : start + self._batch])

    def close(self) -> None:
        if self._lock:
            self._lock.release()
            self._lock = None
