"""Build the knowledge base's heavy parts once, from settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kb.catalogue import open_catalogue
from kb.embedding import Embedder, LazyEmbedder, OnnxInt8Embedder, SentenceTransformerEmbedder
from kb.knowledge import KnowledgeBase
from kb.paging import open_pager
from kb.settings import Settings
from kb.vectors import ChromaVectorStore

if TYPE_CHECKING:
    from kb.query_batching import BatchingEmbedder
    from kb.query_onnx import OnnxQueryEmbedder


def build_embedder(settings: Settings) -> Embedder:
    if settings.embedding_backend == "onnx-int8":
        return OnnxInt8Embedder(settings.embedding_model, settings.data_dir / "onnx-cache", settings.embedding_batch_size)
    return SentenceTransformerEmbedder(settings.embedding_model, settings.embedding_device, settings.embedding_batch_size)


def build_query_embedder(settings: Settings) -> Embedder:
    """For a process that embeds only queries (a cold `kb search` or `kb briefing`): the model in numpy, same vectors
    to float rounding without importing torch, when it computes the configured model exactly; else the configured one."""

    def build() -> Embedder:
        if settings.embedding_backend == "torch":
            from kb.query_embedding import numpy_query_embedder

            found = numpy_query_embedder(settings.embedding_model)
            if found is not None:
                return found
        return build_embedder(settings)

    return LazyEmbedder(build)


def open_knowledge_base(settings: Settings, embedder: Embedder | None = None) -> KnowledgeBase:
    """Open (creating if needed) the store under settings.data_dir, or on the Chroma server."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    vectors = ChromaVectorStore(settings.data_dir, settings.chroma_url)
    try:
        catalogue = open_catalogue(settings)
    except Exception:
        vectors.close()
        raise
    pager = open_pager(settings.data_dir, settings.cursor_secret.get_secret_value() if settings.cursor_secret else None,
                       settings.database_url)
    # The model loads on first use: stats, speakers and keyword-only work never wait for it.
    return KnowledgeBase(catalogue, vectors, embedder or LazyEmbedder(lambda: build_embedder(settings)), pager)


def use_serving_query_embedder(settings: Settings, kb: KnowledgeBase) -> OnnxQueryEmbedder | None:
    """In a long-lived server: queries through the float32 ONNX export of the torch model (kb.query_onnx) once it is
    ready. Not for the int8 backend, whose stored vectors come from its own graph.

    Also one BLAS thread for the whole process: a search's products are small (a filter's 2,000 vectors by the query),
    and numpy's two-thread BLAS team waits on cores the other searches hold: an organisation's exact scoring took
    2-8 ms beside a keyword half instead of 0.03 ms. Torch and onnxruntime keep their own thread settings."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    if settings.embedding_backend != "torch" or settings.query_backend not in ("onnx", "onnx-int8"):
        return None
    from kb.query_batching import BatchingEmbedder
    from kb.query_onnx import OnnxQueryEmbedder

    cache = settings.onnx_cache_dir or settings.data_dir / "onnx-cache"
    embedder = OnnxQueryEmbedder(kb.embedder, settings.embedding_model, cache, quantized=settings.query_backend == "onnx-int8")
    kb.searcher.use_query_embedder(BatchingEmbedder(embedder.embed))  # concurrent searches share model calls
    return embedder
