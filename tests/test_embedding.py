"""The embedding backends: the bundled model offline, and the ONNX int8 backend close to it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from conftest import SEEDS, make_settings

from ingest.pipeline import build_ingestor
from ingest.readers import iter_documents
from kb.embedding import OnnxInt8Embedder, SentenceTransformerEmbedder
from kb.factory import open_knowledge_base
from kb.knowledge import KnowledgeBase
from kb.search import SearchQuery


def test_bundled_model_is_the_real_all_minilm(embedder: SentenceTransformerEmbedder) -> None:
    assert (embedder.dimension, embedder.max_tokens) == (384, 256)
    a, b, c = embedder.embed(["The sheriff spoke about detainers.", "A sheriff talked about ICE holds.", "Tomato soup recipe."])
    assert abs(float(np.linalg.norm(a)) - 1) < 1e-4
    assert float(a @ b) > float(a @ c) + 0.3  # meaning, not letters


def test_onnx_int8_backend_is_close_to_torch_and_searches(embedder, extractor, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = make_settings(tmp_path / "data", embedding_backend="onnx-int8")
    onnx = OnnxInt8Embedder(settings.embedding_model, tmp_path / "onnx-cache")
    texts = ["Sheriff Greg Champagne said he is hoping for guidance from the courts.", "The bill would raise prices for farmers.", "short"]
    cos = (onnx.embed(texts) * embedder.embed(texts)).sum(axis=1)
    assert cos.min() > 0.85 and cos.mean() > 0.93
    assert list((tmp_path / "onnx-cache").rglob("model-int8.onnx"))  # exported once, cached
    kb: KnowledgeBase = open_knowledge_base(settings, onnx)
    try:
        build_ingestor(kb, settings, extractor).ingest(iter_documents([SEEDS]))
        results = kb.search_quotes(SearchQuery(q="guidance from the courts", speaker="Champagne")).results
        assert results and "hoping for guidance from the courts" in results[0].quote.text
    finally:
        kb.close()


def test_the_torch_free_query_embedder_matches_torch_and_finds_the_same_quotes(  # type: ignore[no-untyped-def]
    embedder: SentenceTransformerEmbedder, seeded_kb: KnowledgeBase, seeded_settings
) -> None:
    """Cold `kb search` and `kb briefing` embed the query in numpy (no torch import): same vectors, same results."""
    import subprocess
    import sys

    from kb.factory import build_query_embedder
    from kb.query_embedding import numpy_query_embedder
    from kb.search import Searcher

    fast = numpy_query_embedder(seeded_settings.embedding_model)
    assert fast is not None and (fast.dimension, fast.max_tokens) == (embedder.dimension, embedder.max_tokens)
    texts = ["guidance from the courts", "Sheriff Greg Champagne said he is hoping for guidance.", "word " * 400, "é"]
    assert float(np.abs(fast.embed(texts) - embedder.embed(texts)).max()) < 1e-5  # float rounding; 400 words: cut at 256
    assert [fast.count_tokens(t) for t in texts] == [embedder.count_tokens(t) for t in texts]
    cold = Searcher(seeded_kb.catalogue, seeded_kb.vectors, build_query_embedder(seeded_settings).embed, pager=seeded_kb.pager)
    for query, mode in (("guidance from the courts", "semantic"), ("detainers are not warrants", "hybrid"), ("border wall", "semantic")):
        q = SearchQuery(q=query, mode=mode, limit=10)
        expected = [(h.quote.id, round(h.score, 4)) for h in seeded_kb.search_quotes(q).results]
        assert expected and [(h.quote.id, round(h.score, 4)) for h in cold.quotes(q).results] == expected
    cold.close()
    probe = "import sys, kb.factory, kb.settings as s; kb.factory.build_query_embedder(s.Settings()).embed(['q']); print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "False", out.stderr[-2000:]  # the point: no torch import in a cold query


def test_kb_serve_embeds_queries_through_the_checked_onnx_export_with_the_same_results(  # type: ignore[no-untyped-def]
    embedder: SentenceTransformerEmbedder, seeded_kb: KnowledgeBase, seeded_settings, tmp_path: Path
) -> None:
    """The server's query path: the float32 export gives torch's vectors, so searches rank exactly as before."""
    from kb.query_onnx import OnnxQueryEmbedder
    from kb.search import Searcher

    fast = OnnxQueryEmbedder(embedder, seeded_settings.embedding_model, tmp_path / "cache")
    assert fast.wait_ready(300), fast.status
    texts = ["guidance from the courts", "Sheriff Greg Champagne said he is hoping for guidance.", "word " * 400, "é"]
    assert float(np.abs(fast.embed(texts) - embedder.embed(texts)).max()) < 1e-5  # a padded batch; 400 words cut at 256
    served = Searcher(seeded_kb.catalogue, seeded_kb.vectors, embedder.embed, pager=seeded_kb.pager)
    served.use_query_embedder(fast.embed)
    for query, mode in (("guidance from the courts", "semantic"), ("detainers are not warrants", "hybrid")):
        q = SearchQuery(q=query, mode=mode, limit=10)
        expected = [(h.quote.id, round(h.score, 4)) for h in seeded_kb.search_quotes(q).results]
        assert expected and [(h.quote.id, round(h.score, 4)) for h in served.quotes(q).results] == expected
    served.close()

    export = next((tmp_path / "cache").rglob("model-fp32.onnx"))
    export.write_bytes(b"not a model")  # a damaged cache is exported again
    again = OnnxQueryEmbedder(embedder, seeded_settings.embedding_model, tmp_path / "cache")
    assert again.wait_ready(300) and float(np.abs(again.embed(texts[:1]) - embedder.embed(texts[:1])).max()) < 1e-5
    from kb.query_embedding import numpy_query_embedder

    other = numpy_query_embedder(seeded_settings.embedding_model)  # nothing to export: queries stay on it, never a failed search
    assert other is not None
    kept = OnnxQueryEmbedder(other, seeded_settings.embedding_model, tmp_path / "cache")  # type: ignore[arg-type]
    assert not kept.wait_ready(60) and kept.status == "torch"
    assert float(np.abs(kept.embed(texts[:1]) - other.embed(texts[:1])).max()) == 0.0


def test_the_int8_query_graph_stays_close_to_torch_and_finds_what_it_finds(  # type: ignore[no-untyped-def]
    embedder: SentenceTransformerEmbedder, seeded_kb: KnowledgeBase, seeded_settings, tmp_path: Path
) -> None:
    """KB_QUERY_BACKEND=onnx-int8: a quantised copy of the query model, checked against torch before it answers."""
    from kb.query_onnx import OnnxQueryEmbedder
    from kb.search import Searcher

    fast = OnnxQueryEmbedder(embedder, seeded_settings.embedding_model, tmp_path / "cache", quantized=True)
    assert fast.wait_ready(300), fast.status
    texts = ["guidance from the courts", "Sheriff Greg Champagne said he is hoping for guidance.", "what did sheriffs say about ICE detainers?"]
    ours, theirs = fast.embed(texts), embedder.embed(texts)
    assert float(np.abs(ours - theirs).max()) > 1e-5  # not the float graph by another name
    assert float((ours * theirs).sum(axis=1).min()) > 0.98 and np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    assert list((tmp_path / "cache").rglob("model-int8-query.onnx"))
    served = Searcher(seeded_kb.catalogue, seeded_kb.vectors, embedder.embed, pager=seeded_kb.pager)
    served.use_query_embedder(fast.embed)
    for query in ("guidance from the courts", "detainers are not warrants"):
        q = SearchQuery(q=query, mode="semantic", limit=3)
        expected = [h.quote.id for h in seeded_kb.search_quotes(q).results]
        assert expected and [h.quote.id for h in served.quotes(q).results][:1] == expected[:1]  # the best answer stays the best
    served.close()


def test_concurrent_queries_are_embedded_together_with_the_vectors_each_would_get_alone(embedder: SentenceTransformerEmbedder) -> None:
    """Under load the server embeds waiting queries in one model call; each caller still gets its own text's vector."""
    import threading

    from kb.query_batching import BatchingEmbedder

    texts = [f"what did sheriff number {n} say about ICE detainers and the county jail budget" if n % 2 else f"courts {n}" for n in range(16)]
    alone = {t: embedder.embed([t])[0] for t in texts}
    batched = BatchingEmbedder(embedder.embed)
    start = threading.Barrier(len(texts))
    got: dict[str, np.ndarray] = {}

    def ask(text: str) -> None:
        start.wait()
        got[text] = batched([text])[0]

    threads = [threading.Thread(target=ask, args=(t,)) for t in texts]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(got) == sorted(texts)
    assert max(float(np.abs(got[t] - alone[t]).max()) for t in texts) < 1e-5  # padding in a shared batch changes nothing
    assert 1 <= batched.calls < len(texts)  # the point: fewer model calls than queries

    def broken(_: list[str]) -> np.ndarray:
        raise RuntimeError("model gone")

    with pytest.raises(RuntimeError, match="model gone"):
        BatchingEmbedder(broken)(["q"])
