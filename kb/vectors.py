"""Vector storage behind a small interface: Chroma, embedded (one process) or a server (many)."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

import numpy as np

from kb.errors import StoreLocked, StoreUnavailable

QUOTES = "quotes"
CHUNKS = "chunks"


class VectorStore(Protocol):
    def upsert(self, collection: str, ids: list[str], vectors: np.ndarray, metadatas: list[dict[str, Any]]) -> None: ...

    def query(self, collection: str, vector: np.ndarray, limit: int, where: dict[str, Any] | None = None) -> list[tuple[str, float]]: ...

    def delete_document(self, collection: str, document_id: str, keep: set[str]) -> None: ...

    def count(self, collection: str) -> int: ...

    def close(self) -> None: ...


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
            self._collections = {
                name: self._client.get_or_create_collection(name, embedding_function=None, metadata={"hnsw:space": "cosine"})
                for name in (QUOTES, CHUNKS)
            }
            self._batch = min(1000, int(self._client.get_max_batch_size()))
        except StoreLocked:
            raise
        except Exception as e:
            if self._lock:
                self._lock.release()
            where = url or str(data_dir / "chroma")
            raise StoreUnavailable(f"cannot open the vector store at {where}: {e.__class__.__name__}") from e

    def _call(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except Exception as e:  # Chroma raises many types for a lost server; callers need one
            raise StoreUnavailable(f"the vector store did not answer ({e.__class__.__name__})") from e

    def upsert(self, collection: str, ids: list[str], vectors: np.ndarray, metadatas: list[dict[str, Any]]) -> None:
        coll = self._collections[collection]
        for start in range(0, len(ids), self._batch):  # Chroma refuses batches above its maximum
            end = start + self._batch
            self._call(coll.upsert, ids=ids[start:end], embeddings=vectors[start:end], metadatas=metadatas[start:end])

    def query(self, collection: str, vector: np.ndarray, limit: int, where: dict[str, Any] | None = None) -> list[tuple[str, float]]:
        coll = self._collections[collection]
        result = self._call(coll.query, query_embeddings=[vector], n_results=limit, where=where or None, include=["distances"])
        return [(i, 1.0 - float(d)) for i, d in zip(result["ids"][0], result["distances"][0], strict=True)]

    def delete_document(self, collection: str, document_id: str, keep: set[str]) -> None:
        """Remove a document's vectors except those kept (orphans of an interrupted run included)."""
        coll = self._collections[collection]
        found = self._call(coll.get, where={"document_id": document_id}, include=[])
        stale = [i for i in found["ids"] if i not in keep]
        for start in range(0, len(stale), self._batch):
            self._call(coll.delete, ids=stale[start : start + self._batch])

    def count(self, collection: str) -> int:
        return int(self._call(self._collections[collection].count))

    def close(self) -> None:
        if self._lock:
            self._lock.release()
            self._lock = None
